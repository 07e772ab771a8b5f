"""Shared pieces of the report documents (:mod:`openwash.report.doc`).

The spans, lines, items and sections that more than one builder uses: grade and
tone spans, quotes, locators, evidence and condition items, the verdict line, the
MOF label, the model title and the legend. Every sentence comes from i18n (``ui``
keys, vocabulary labels, translated :class:`~openwash.i18n.Msg` reasons); quotes,
notes and names stay as the sources wrote them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openwash.core.vocab import Component, Grade
from openwash.report.common import Tr, condition_key, fmt_percent, headline, is_http_url, one_line
from openwash.report.doc import Block, Bullets, Item, Line, Para, Section, Span

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from openwash.core.facts import Condition, Evidence, GradedItem, Locator
    from openwash.core.results import Assessment


# ---------------------------------------------------------------------------
# Inline helpers


def grade_span(tr: Tr, grade: Grade | str) -> Span:
    """Return a grade label styled by grade."""
    value = str(grade)
    return Span(tr.label("grade", value), f"grade-{value}")


def tone_span(text: str, tone: str) -> Span:
    """Text in the tone of a verdict (good/bad/warn/neutral/fair)."""
    return Span(text, "good" if tone == "fair" else tone)


def source_span(source: str) -> Span:
    """Show a source: a link when it is an http(s) URL, otherwise a path shown as code."""
    if is_http_url(source):
        return Span(source, "", source)
    return Span(source, "code")


def quote_line(text: str) -> Line:
    """Return an exact quote, in quotation marks."""
    return (Span(f"“{one_line(text)}”", "quote"),)


def excerpt_line(text: str) -> Line:
    """Return a quote cut from a longer text, marking with '…' where it starts or ends mid-sentence."""
    quote = one_line(text)
    if quote[:1].islower() or quote[:1] in ",;:)":
        quote = "… " + quote
    if quote and quote[-1] not in ".!?;:)”\"'。；！？":
        quote += " …"
    return (Span(f"“{quote}”", "quote"),)


def code(text: str) -> Span:
    """Return an identifier."""
    return Span(text, "code")


def muted(text: str) -> Span:
    """Secondary text."""
    return Span(text, "muted")


def locator_text(tr: Tr, locator: Locator | None, revision: str | None = None) -> str:
    """'§ 2, line 14, 2023-07-18' (empty when nothing is known)."""
    parts: list[str] = []
    if locator is not None:
        if locator.section:
            parts.append(tr.ui("where.section", section=one_line(locator.section)))
        if locator.line is not None:
            parts.append(tr.ui("where.line", line=locator.line))
        elif locator.start is not None and locator.end is not None:
            parts.append(tr.ui("where.chars", start=locator.start, end=locator.end))
    if revision:
        parts.append(tr.ui("where.revision", revision=one_line(revision)))
    return tr.join(parts)


def with_reason(head: Sequence[str | Span], reason: str, tr: Tr) -> Line:
    """``head``, then ' — ' and the translated reason (just ``head`` when there is no reason)."""
    text = one_line(tr.text(reason)) if reason else ""
    return (*head, " — ", text) if text else tuple(head)


# ---------------------------------------------------------------------------
# Evidence, conditions, graded items, sections


def evidence_item(tr: Tr, ev: Evidence) -> Item:
    """One piece of evidence: source and place, then the quote and openwash's note."""
    line: list[str | Span] = [source_span(ev.source)]
    where = locator_text(tr, ev.locator, ev.revision)
    if where:
        line += [" ", muted(f"({where})")]
    extras = [ev.extractor]
    if ev.confidence < 1.0:
        extras.append(tr.ui("confidence_value", value=fmt_percent(ev.confidence)))
    line += [" ", muted("· " + " · ".join(extras))]
    children: list[Block] = []
    if ev.quote:
        children.append(Para(line=quote_line(ev.quote)))
    if ev.note:
        children.append(Para(line=(one_line(tr.text(ev.note)),)))
    return Item(line=tuple(line), children=tuple(children))


def evidence_blocks(tr: Tr, evidence: Iterable[Evidence]) -> tuple[Block, ...]:
    """List the evidence (nothing when there is none)."""
    items = tuple(evidence_item(tr, ev) for ev in evidence)
    return (Bullets(items=items, role="evidence"),) if items else ()


def condition_label(tr: Tr, cid: str) -> str:
    """Return a readable name for a framework condition id ("osaid.parameters", "class3.weights")."""
    fallback = cid.replace("_", " ")
    shown = tr.label("condition", cid)
    if shown != fallback:
        return shown
    last = cid.rsplit(".", 1)[-1]
    if last in {c.value for c in Component}:
        return tr.label("component", last)
    return tr.label("condition", last)


def condition_item(tr: Tr, condition: Condition) -> Item:
    """'✗ weights and parameters: unmet — reason', with its evidence."""
    key, tone = condition_key(condition.met)
    mark = {"good": "✓", "bad": "✗"}.get(tone, "?")
    head: list[str | Span] = [
        tone_span(mark, tone),
        " ",
        Span(condition_label(tr, condition.id), "strong"),
        ": ",
        tone_span(tr.ui(key), tone),
    ]
    return Item(line=with_reason(head, condition.reason, tr), children=evidence_blocks(tr, condition.evidence))


def graded_item(tr: Tr, title: str, item: GradedItem) -> Item:
    """'transparency: partial — reason', with evidence."""
    head: list[str | Span] = [Span(title, "strong"), ": ", grade_span(tr, item.grade)]
    return Item(line=with_reason(head, item.reason, tr), children=evidence_blocks(tr, item.evidence))


def ui_section(tr: Tr, key: str, level: int, blocks: Sequence[Block], *, anchor: str = "", role: str = "") -> Section:
    """Section titled by the ``ui`` key ``key`` (its role too, unless ``role`` is given)."""
    return Section(title=(tr.ui(key),), level=level, blocks=tuple(blocks), anchor=anchor, role=role or key)


# ---------------------------------------------------------------------------
# Lines shared by several documents


def verdict_line(tr: Tr, a: Assessment) -> Line:
    """Return the headline verdict as a styled line."""
    h = headline(a)
    line: tuple[str | Span, ...] = (tone_span(h.text(tr), h.tone),)
    if h.fact is not None:
        line += (" ", muted(f"({h.fact.text(tr)})"))
    return line


def mof_label(tr: Tr, class_: int) -> str:
    """'Class III – open model' (or 'no class reached')."""
    return tr.ui(f"mof.class.{class_}") if class_ in (1, 2, 3) else tr.ui("mof.class.0")


def model_title(a: Assessment) -> str:
    """'Llama 2 7B' (the id when there is no name)."""
    return one_line(a.model.name) or a.model.id


# ---------------------------------------------------------------------------
# Legend


def legend_section(tr: Tr, level: int, *, short: bool = False, rule: str = "") -> Section:
    """Explain what a grade means and what it must not be taken to mean."""
    items: list[Item] = []
    if not short:
        items += [
            Item(line=(grade_span(tr, g), " — ", tr.ui(f"legend.grade.{g.value}")))
            for g in (Grade.OPEN, Grade.PARTIAL, Grade.CLOSED, Grade.UNKNOWN, Grade.NOT_APPLICABLE)
        ]
    items += [
        Item(line=(Span(tr.ui("legend.unknown_title"), "strong"), " ", tr.ui("legend.unknown"))),
        Item(line=(Span(tr.ui("legend.scope_title"), "strong"), " ", tr.ui("legend.scope"))),
        Item(line=(Span(tr.ui("legend.legal_title"), "strong"), " ", tr.ui("legend.legal"))),
    ]
    if not short:
        items += [
            Item(
                line=(
                    Span(tr.ui("legend.score_title"), "strong"),
                    " ",
                    one_line(tr.text(rule)) if rule else tr.ui("index.rule_default"),
                )
            ),
            Item(line=(Span(tr.ui("legend.mof_title"), "strong"), " ", tr.ui("legend.mof"))),
            Item(line=(Span(tr.ui("legend.osaid_title"), "strong"), " ", tr.ui("legend.osaid"))),
            Item(line=(Span(tr.ui("legend.openwashing_title"), "strong"), " ", tr.ui("legend.openwashing"))),
        ]
    return Section(
        title=(tr.ui("legend"),),
        level=level,
        blocks=(Bullets(items=tuple(items), role="legend"),),
        anchor="legend",
        role="legend",
    )
