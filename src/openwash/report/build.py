"""Build the document tree (:mod:`openwash.report.doc`) of every human-readable report.

One builder per document; the formats only serialise. Every sentence comes
from i18n (``ui`` keys, vocabulary labels, translated :class:`~openwash.i18n.Msg`
reasons); quotes, notes and names stay as the sources wrote them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import fields as dc_fields
from typing import TYPE_CHECKING

from openwash.core.facts import (
    Clause,
    Condition,
    Evidence,
    Fact,
    Finding,
    GradedItem,
    LicenseAnalysis,
    Locator,
)
from openwash.core.vocab import CLAUSE_TYPES, Component, Grade
from openwash.report.common import (
    VERDICT_TONE,
    CompareRow,
    Tr,
    compare_rows,
    condition_key,
    eu_key,
    fmt_big,
    fmt_flops,
    fmt_percent,
    fmt_score,
    fmt_usd,
    fmt_value,
    headline,
    is_http_url,
    mof_short,
    one_line,
    osaid_key,
    quote_context,
    ranking_key,
    unique_slugs,
)
from openwash.report.doc import (
    Block,
    Bullets,
    Column,
    Document,
    Fields,
    Item,
    Line,
    Para,
    Row,
    Section,
    Span,
    Table,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from openwash.core.results import Assessment, Gap

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


def _with_reason(head: Sequence[str | Span], reason: str, tr: Tr) -> Line:
    text = one_line(tr.text(reason)) if reason else ""
    return (*head, " — ", text) if text else tuple(head)


# ---------------------------------------------------------------------------
# Evidence, conditions, graded items


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
    return Item(line=_with_reason(head, condition.reason, tr), children=evidence_blocks(tr, condition.evidence))


def graded_item(tr: Tr, title: str, item: GradedItem) -> Item:
    """'transparency: partial — reason', with evidence."""
    head: list[str | Span] = [Span(title, "strong"), ": ", grade_span(tr, item.grade)]
    return Item(line=_with_reason(head, item.reason, tr), children=evidence_blocks(tr, item.evidence))


def _section(tr: Tr, key: str, level: int, blocks: Sequence[Block], *, anchor: str = "", role: str = "") -> Section:
    return Section(title=(tr.ui(key),), level=level, blocks=tuple(blocks), anchor=anchor, role=role or key)


# ---------------------------------------------------------------------------
# Check (one model)


def verdict_line(tr: Tr, a: Assessment) -> Line:
    """Return the headline verdict as a styled line."""
    h = headline(a)
    line: tuple[str | Span, ...] = (tone_span(h.text(tr), h.tone),)
    if h.fact is not None:
        line += (" ", muted(f"({h.fact.text(tr)})"))
    return line


def summary_fields(tr: Tr, a: Assessment, *, with_identity: bool = True) -> Fields:
    """Return the facts at a glance: who, what, and every framework's verdict."""
    rows: list[tuple[str, Line]] = [(tr.ui("verdict"), verdict_line(tr, a))]
    if with_identity:
        rows.append((tr.ui("model_id"), (code(a.model.id),)))
        if a.target != a.model.id:
            rows.append((tr.ui("target"), (code(a.target),)))
        rows.append((tr.ui("organization"), (a.model.organization or tr.ui("unknown"),)))
        rows.append((tr.ui("access"), (tr.label("access", a.model.access),)))
        if a.model.release_date:
            rows.append((tr.ui("release_date"), (a.model.release_date,)))
        if a.model.variant:
            rows.append((tr.ui("variant"), (a.model.variant,)))
        if a.model.base_model:
            rows.append((tr.ui("base_model"), (code(a.model.base_model),)))
    if a.license is not None:
        rows.append((tr.ui("license"), license_name_line(tr, a.license)))
    key, tone = osaid_key(a.osaid.conformant)
    rows.append((tr.ui("osaid"), (tone_span(tr.ui(key), tone),)))
    rows.append((tr.ui("mof"), (mof_label(tr, a.mof.class_),)))
    rows.append((tr.ui("index_score"), score_line(tr, a)))
    key, tone = eu_key(a.eu_ai_act.exempt)
    rows.append((tr.ui("eu_ai_act"), (tone_span(tr.ui(key), tone),)))
    verdict = a.openwashing.verdict
    ow_line = (tone_span(tr.label("verdict", verdict), VERDICT_TONE.get(verdict, "neutral")),)
    rows.append((tr.ui("openwashing"), _with_reason(ow_line, a.openwashing.reason, tr)))
    if a.findings:
        rows.append((tr.ui("findings"), findings_tally(tr, a.findings)))
    return Fields(rows=tuple(rows))


_SEVERITY_TONE = {"high": "bad", "medium": "warn"}


def findings_tally(tr: Tr, findings: Sequence[Finding]) -> Line:
    """'1 high (license_drift) · 2 medium (…) · 3 low': the findings at a glance, worst first."""
    parts: list[str | Span] = []
    for severity in ("high", "medium", "low", "info"):
        codes = [f.code for f in findings if f.severity.value == severity]
        if not codes:
            continue
        if parts:
            parts.append(" · ")
        count = f"{len(codes)} {tr.label('severity', severity)}"
        parts.append(tone_span(count, _SEVERITY_TONE.get(severity, "neutral")))
        if severity in _SEVERITY_TONE:
            parts += [" ", muted("(" + tr.ui("list_sep").join(dict.fromkeys(codes)) + ")")]
    return tuple(parts)


def mof_label(tr: Tr, class_: int) -> str:
    """'Class III – open model' (or 'no class reached')."""
    return tr.ui(f"mof.class.{class_}") if class_ in (1, 2, 3) else tr.ui("mof.class.0")


def score_line(tr: Tr, a: Assessment) -> Line:
    """'0.58 (0.40–0.70 if unknowns were closed/open; 10 of 12 dimensions known)'."""
    idx = a.index
    if idx.score is None:
        return (tone_span(tr.ui("index.not_scored"), "neutral"),)
    known = round(idx.coverage * len(idx.dimensions)) if idx.dimensions else 0
    detail = tr.ui(
        "index.range",
        low=fmt_score(idx.score_min),
        high=fmt_score(idx.score_max),
        known=known,
        total=len(idx.dimensions),
    )
    return (Span(fmt_score(idx.score), "strong"), " ", muted(f"({detail})"))


def license_name_line(tr: Tr, analysis: LicenseAnalysis) -> Line:
    """'Llama 2 Community License (LicenseRef-…) — not open source'."""
    ident = analysis.license
    name = one_line(ident.name) or ident.id
    head: list[str | Span] = [Span(name, "", ident.url) if is_http_url(ident.url) else name]
    if ident.id != name:
        head += [" (", code(ident.id), ")"]
    osd = tone_span(tr.ui("osd.yes"), "good") if analysis.open_source else tone_span(tr.ui("osd.no"), "bad")
    if analysis.grade is Grade.UNKNOWN and not analysis.open_source:
        osd = tone_span(tr.ui("osd.unknown"), "neutral")
    return (*head, " — ", osd)


def components_section(tr: Tr, a: Assessment, level: int) -> Section:
    """Every component: grade, reason, governing licence and evidence."""
    items: list[Item] = []
    order = [c for c in Component if c in a.components] + [c for c in a.components if c not in Component]
    for component in order:
        entry = a.components[component]
        head: list[str | Span] = [
            Span(tr.label("component", component.value), "strong"),
            ": ",
            grade_span(tr, entry.grade),
        ]
        line = list(_with_reason(head, entry.reason, tr))
        if entry.license:
            line += [" ", muted(f"[{entry.license}]")]
        items.append(Item(line=tuple(line), children=evidence_blocks(tr, entry.evidence)))
    blocks: list[Block] = [
        Para(line=(tr.ui("components.intro"),), role="note"),
        Bullets(items=tuple(items), role="components"),
    ]
    return _section(tr, "components", level, blocks)


def clause_item(tr: Tr, clause: Clause, analysis: LicenseAnalysis, text: str | None = None) -> Item:
    """Show a clause: type, kind, where (section, line), quote (in context), summary, parameters and source."""
    info = CLAUSE_TYPES.get(clause.type)
    head: list[str | Span] = [Span(tr.label("clause", clause.type.value), "strong")]
    if info is not None:
        head += [" ", muted(f"({tr.label('kind', info.kind.value)})")]
        if info.blocks_osd:
            head += [" ", tone_span(tr.ui("blocks_osd"), "bad")]
    where: list[str] = []
    if clause.section:
        where.append(tr.ui("where.section", section=one_line(clause.section)))
    if clause.line is not None:
        where.append(tr.ui("where.line", line=clause.line))
    if where:
        head += [" — ", tr.join(where)]
    children: list[Block] = []
    context = quote_context(text, clause.start, clause.end)
    if context is not None:
        before, quote, after = context
        children.append(Para(line=(muted(before), Span(quote, "mark"), muted(after))))
    else:
        children.append(Para(line=excerpt_line(clause.quote)))
    children.append(Para(line=(one_line(tr.text(clause.summary)),)))
    if clause.params:
        params = [(tr.label("clause_param", key), (fmt_value(value),)) for key, value in sorted(clause.params.items())]
        children.append(Fields(rows=tuple(params)))
    cited = license_source(analysis)
    if cited is not None and text is None:
        children.append(Para(line=(muted(tr.ui("source") + ": "), cited), role="note"))
    if clause.confidence < 1.0:
        children.append(
            Para(line=(muted(tr.ui("confidence_value", value=fmt_percent(clause.confidence))),), role="note")
        )
    return Item(line=tuple(head), children=tuple(children))


def license_source(analysis: LicenseAnalysis) -> Span | None:
    """Where the licence text can be read: its URL, else what was analysed."""
    if is_http_url(analysis.license.url):
        return source_span(analysis.license.url or "")
    if analysis.source:
        return source_span(analysis.source)
    return None


def license_fields(tr: Tr, analysis: LicenseAnalysis) -> Fields:
    """Identity and verdict of a licence."""
    ident = analysis.license
    rows: list[tuple[str, Line]] = [
        (tr.ui("license"), license_name_line(tr, analysis)),
        (tr.ui("osi_approved"), (tr.yes_no(ident.osi_approved),)),
        (tr.ui("confidence"), (fmt_percent(ident.confidence), " ", muted(f"({tr.label('id_method', ident.method)})"))),
    ]
    if ident.modified or ident.differences:
        diffs = tr.join([one_line(tr.text(d)) for d in ident.differences])
        rows.append((tr.ui("modified"), (tone_span(tr.ui("yes"), "warn"), *((" — ", diffs) if diffs else ()))))
    blocking = [tr.label("clause", b.value) for b in analysis.blocking]
    rows.append(
        (tr.ui("blocking"), (tone_span(tr.join(blocking), "bad"),) if blocking else (tone_span(tr.ui("none"), "good"),))
    )
    cited = license_source(analysis)
    if cited is not None:
        rows.append((tr.ui("source"), (cited,)))
    if (
        analysis.source
        and analysis.source not in (ident.url, ident.id)
        and cited is not None
        and cited.text != analysis.source
    ):
        rows.append((tr.ui("read_from"), (source_span(analysis.source),)))
    if analysis.referenced:
        refs: list[str | Span] = []
        for i, ref in enumerate(analysis.referenced):
            if i:
                refs.append(tr.ui("list_sep"))
            refs.append(source_span(ref))
        rows.append((tr.ui("referenced"), tuple(refs)))
    return Fields(rows=tuple(rows))


def license_section(tr: Tr, a: Assessment, level: int) -> Section:
    """Return the main licence with every clause; the licence of each scope with its evidence."""
    blocks: list[Block] = []
    if a.license is None:
        ids = sorted({use.id for use in a.record.licenses.values()})
        text = tr.ui("license.unidentified", ids=tr.join(ids)) if ids else tr.ui("license.none")
        blocks.append(Para(line=(tone_span(text, "neutral"),)))
    else:
        blocks.append(license_fields(tr, a.license))
        blocks += [Para(line=(muted(one_line(tr.text(n))),), role="note") for n in a.license.notes]
        clauses = tuple(clause_item(tr, c, a.license) for c in a.license.clauses)
        if clauses:
            blocks.append(
                Section(
                    title=(tr.ui("clauses"),),
                    level=level + 1,
                    blocks=(Bullets(items=clauses, role="clauses"),),
                    role="clauses",
                )
            )
        else:
            blocks.append(Para(line=(tr.ui("clauses.none"),)))
    scopes: list[Item] = []
    for scope, use in sorted(a.record.licenses.items(), key=lambda kv: kv[0].value):
        line: list[str | Span] = [Span(tr.label("scope", scope.value), "strong"), ": "]
        if use.analysis is not None:
            line += list(license_name_line(tr, use.analysis))
        else:
            line += [code(use.id), " — ", tone_span(tr.ui("osd.unknown"), "neutral")]
        scopes.append(Item(line=tuple(line), children=evidence_blocks(tr, use.evidence)))
    if scopes:
        blocks.append(
            Section(
                title=(tr.ui("license.scopes"),), level=level + 1, blocks=(Bullets(items=tuple(scopes)),), role="scopes"
            )
        )
    return _section(tr, "license", level, blocks, role="licence")


def mof_section(tr: Tr, a: Assessment, level: int) -> Section:
    """MOF class and what the next class still needs."""
    mof = a.mof
    rows: list[tuple[str, Line]] = [(tr.ui("mof.reached"), (Span(mof_label(tr, mof.class_), "strong"),))]
    blocks: list[Block] = []
    if mof.next_class is None:
        rows.append((tr.ui("mof.next"), (tone_span(tr.ui("mof.top"), "good"),)))
        blocks.append(Fields(rows=tuple(rows)))
    else:
        rows.append((tr.ui("mof.next"), (mof_label(tr, mof.next_class),)))
        blocks.append(Fields(rows=tuple(rows)))
        shown: set[Component] = set()
        targets = [int(k) for k in sorted(mof.missing_by_class, reverse=True)] or [mof.next_class]
        for target in targets:
            wanted = mof.missing_by_class.get(str(target), mof.missing if target == mof.next_class else ())
            items = []
            for component in wanted:
                if component in shown:
                    continue
                shown.add(component)
                entry = a.components.get(component)
                head: list[str | Span] = [Span(tr.label("component", component.value), "strong")]
                if entry is not None:
                    head += [": ", grade_span(tr, entry.grade)]
                    items.append(Item(line=_with_reason(head, entry.reason, tr)))
                else:
                    items.append(Item(line=tuple(head)))
            if items:
                key = "mof.missing" if target == mof.next_class else "mof.missing_more"
                blocks.append(Para(line=(tr.ui(key, next=mof_short(target)),)))
                blocks.append(Bullets(items=tuple(items), role="missing"))
    return _section(tr, "mof", level, blocks)


def osaid_section(tr: Tr, a: Assessment, level: int) -> Section:
    """OSAID verdict with each unmet or undetermined condition."""
    key, tone = osaid_key(a.osaid.conformant)
    blocks: list[Block] = [Fields(rows=((tr.ui("verdict"), (tone_span(tr.ui(key), tone),)),))]
    if a.osaid.unmet:
        blocks.append(Para(line=(tr.ui("osaid.unmet"),)))
        blocks.append(Bullets(items=tuple(condition_item(tr, c) for c in a.osaid.unmet), role="conditions"))
    if a.osaid.undetermined:
        blocks.append(Para(line=(tr.ui("osaid.undetermined_list"),)))
        blocks.append(Bullets(items=tuple(condition_item(tr, c) for c in a.osaid.undetermined), role="conditions"))
    if not a.osaid.unmet and not a.osaid.undetermined and a.osaid.conditions:
        blocks.append(Bullets(items=tuple(condition_item(tr, c) for c in a.osaid.conditions), role="conditions"))
    return _section(tr, "osaid", level, blocks)


def index_section(tr: Tr, a: Assessment, level: int) -> Section:
    """Return the twelve dimensions, the score and how it is counted."""
    idx = a.index
    blocks: list[Block] = [
        Fields(
            rows=(
                (tr.ui("index_score"), score_line(tr, a)),
                (tr.ui("index.rule"), (one_line(tr.text(idx.rule)) or tr.ui("index.rule_default"),)),
            )
        ),
    ]
    items = [graded_item(tr, tr.label("dimension", name), item) for name, item in idx.dimensions.items()]
    if items:
        blocks.append(Bullets(items=tuple(items), role="dimensions"))
    return _section(tr, "index", level, blocks)


def eu_section(tr: Tr, a: Assessment, level: int) -> Section:
    """EU AI Act Art. 53(2): each condition with its evidence."""
    key, tone = eu_key(a.eu_ai_act.exempt)
    blocks: list[Block] = [Fields(rows=((tr.ui("verdict"), (tone_span(tr.ui(key), tone),)),))]
    if a.eu_ai_act.conditions:
        blocks.append(Bullets(items=tuple(condition_item(tr, c) for c in a.eu_ai_act.conditions), role="conditions"))
    if a.eu_ai_act.note:
        blocks.append(Para(line=(muted(one_line(tr.text(a.eu_ai_act.note))),), role="note"))
    return _section(tr, "eu_ai_act", level, blocks)


def affordances_section(tr: Tr, a: Assessment, level: int) -> Section:
    """Transparency, reusability, extensibility."""
    aff = a.affordances
    items = (
        graded_item(tr, tr.label("affordance", "transparency"), aff.transparency),
        graded_item(tr, tr.label("affordance", "reusability"), aff.reusability),
        graded_item(tr, tr.label("affordance", "extensibility"), aff.extensibility),
    )
    return _section(tr, "affordances", level, [Bullets(items=items)])


_FRAMEWORK_KEYS = {"osaid": "osaid_short", "eu": "eu_ai_act", "mof": "mof_short", "index": "index"}


def gap_item(tr: Tr, gap: Gap) -> Item:
    """'weights: claim implies open, measured partial (high) — reason'."""
    subject = gap.subject
    if subject in {c.value for c in Component}:
        name = tr.label("component", subject)
    elif "." in subject and subject.split(".", 1)[0] in _FRAMEWORK_KEYS:
        name = f"{tr.ui(_FRAMEWORK_KEYS[subject.split('.', 1)[0]])}: {condition_label(tr, subject)}"
    else:
        name = condition_label(tr, subject)
    head: list[str | Span] = [
        Span(name, "strong"),
        ": ",
        tr.ui("gap.expected", level=tr.label("claim_level", gap.claim_level)),
        " ",
        grade_span(tr, gap.expected),
        tr.ui("gap.measured"),
        grade_span(tr, gap.actual),
        " ",
        muted(f"({tr.label('severity', gap.severity.value)})"),
    ]
    return Item(line=_with_reason(head, gap.reason, tr))


def openwashing_section(tr: Tr, a: Assessment, level: int) -> Section:
    """Claims (quote and place) set against the grades, the verdict and the largest gaps."""
    ow = a.openwashing
    rows: list[tuple[str, Line]] = [
        (tr.ui("verdict"), (tone_span(tr.label("verdict", ow.verdict), VERDICT_TONE.get(ow.verdict, "neutral")),)),
    ]
    if ow.reason:
        rows.append((tr.ui("reason"), (one_line(tr.text(ow.reason)),)))
    blocks: list[Block] = [Fields(rows=tuple(rows))]
    claims: list[Item] = []
    for assessed in ow.claims:
        claim = assessed.claim
        where = [tr.label("claim_where", claim.where)]
        located = locator_text(tr, claim.locator)
        if located:
            where.append(located)
        key, tone = tri_claim(assessed.supported)
        children: list[Block] = [
            Para(
                line=(
                    muted(tr.ui("claim.level") + ": "),
                    tr.label("claim_level", claim.level),
                    muted(" · " + tr.join(where)),
                )
            ),
            Para(line=(muted(tr.ui("source") + ": "), source_span(claim.source))),
            Para(line=_with_reason([tone_span(tr.ui(key), tone)], assessed.reason, tr)),
        ]
        claims.append(Item(line=quote_line(claim.text), children=tuple(children)))
    if claims:
        blocks.append(
            Section(
                title=(tr.ui("claims"),),
                level=level + 1,
                blocks=(Bullets(items=tuple(claims), role="claims"),),
                role="claims",
            )
        )
    else:
        blocks.append(Para(line=(tr.ui("claims.none"),)))
    if ow.gaps:
        blocks.append(
            Section(
                title=(tr.ui("gaps"),),
                level=level + 1,
                blocks=(Bullets(items=tuple(gap_item(tr, g) for g in ow.gaps), role="gaps"),),
                role="gaps",
            )
        )
    return _section(tr, "openwashing", level, blocks)


def tri_claim(supported: bool | None) -> tuple[str, str]:
    """(ui key, tone) of whether a claim is supported."""
    if supported is None:
        return "claim.undetermined", "neutral"
    return ("claim.supported", "good") if supported else ("claim.unsupported", "bad")


def _fact_item(tr: Tr, name: str, fact: Fact) -> Item:
    value = fact.value
    if name == "training_flops" and isinstance(value, int | float) and not isinstance(value, bool):
        shown = fmt_flops(float(value))
    else:
        shown = fmt_value(value)
    line: list[str | Span] = [
        Span(tr.label("disclosure", name), "strong"),
        ": ",
        shown,
        " ",
        muted("—"),
        " ",
        source_span(fact.source),
    ]
    where = locator_text(tr, fact.locator)
    if where:
        line += [" ", muted(f"({where})")]
    children: list[Block] = []
    if fact.quote:
        children.append(Para(line=quote_line(fact.quote)))
    if fact.note:
        children.append(Para(line=(one_line(tr.text(fact.note)),)))
    return Item(line=tuple(line), children=tuple(children))


def dependencies_section(tr: Tr, a: Assessment, level: int) -> Section:
    """Show the base model, software, hardware, compute, cost to reproduce, data and labour."""
    dep = a.dependencies
    none = tr.ui("not_disclosed")
    rows: list[tuple[str, Line]] = []
    if dep.base_model is not None:
        base = dep.base_model
        detail = [tr.ui("provider") + ": " + (base.provider or tr.ui("unknown"))]
        if base.license:
            detail.append(tr.ui("license") + ": " + base.license)
        detail.append(tr.ui("in_registry") if base.in_registry else tr.ui("not_in_registry"))
        rows.append((tr.ui("base_model"), (code(base.id), " ", muted(f"({tr.join(detail)})"))))
    rows += [
        (tr.ui("frameworks_used"), (tr.join(dep.frameworks) if dep.frameworks else none,)),
        (tr.ui("hardware"), (dep.hardware or none,)),
        (tr.ui("accelerator_vendor"), (dep.accelerator_vendor or none,)),
        (tr.ui("kernels"), (tr.join(dep.kernels) if dep.kernels else none,)),
    ]
    if dep.concentration:
        rows.append((tr.ui("concentration"), (tr.join([one_line(tr.text(c)) for c in dep.concentration]),)))
    blocks: list[Block] = [Fields(rows=tuple(rows))]
    blocks.append(
        Bullets(
            items=(
                graded_item(tr, tr.ui("compute"), dep.compute),
                graded_item(tr, tr.ui("data_provenance"), dep.data_provenance),
                graded_item(tr, tr.ui("labour"), dep.labour),
            )
        )
    )
    blocks.append(cost_section(tr, a, level + 1))
    disclosed = [
        _fact_item(tr, f.name, value)
        for f in dc_fields(a.record.disclosures)
        if isinstance(value := getattr(a.record.disclosures, f.name), Fact)
    ]
    if disclosed:
        blocks.append(
            Section(
                title=(tr.ui("disclosures"),),
                level=level + 1,
                blocks=(Bullets(items=tuple(disclosed)),),
                role="disclosures",
            )
        )
    blocks += evidence_blocks(tr, dep.evidence)
    return _section(tr, "dependencies", level, blocks)


def cost_section(tr: Tr, a: Assessment, level: int) -> Section:
    """Return the reproduction cost estimate with every assumption."""
    cost = a.dependencies.reproduction_cost
    if cost.usd_low is not None and cost.usd_high is not None:
        estimate: Line = (Span(f"{fmt_usd(cost.usd_low)}–{fmt_usd(cost.usd_high)}", "strong"),)
    elif cost.usd_low is not None or cost.usd_high is not None:
        estimate = (Span(fmt_usd(cost.usd_low or cost.usd_high or 0.0), "strong"),)
    else:
        estimate = (tone_span(tr.ui("cost.none"), "neutral"),)
    rows: list[tuple[str, Line]] = [
        (tr.ui("cost.estimate"), estimate),
        (tr.ui("cost.method"), (tr.label("cost_method", cost.method),)),
    ]
    if cost.gpu_hours is not None:
        rows.append((tr.ui("gpu_hours"), (fmt_big(cost.gpu_hours),)))
    if cost.training_flops is not None:
        rows.append((tr.ui("training_flops"), (fmt_flops(cost.training_flops),)))
    blocks: list[Block] = [Fields(rows=tuple(rows))]
    if cost.assumptions:
        blocks.append(Para(line=(tr.ui("cost.assumptions"),)))
        blocks.append(Bullets(items=tuple(Item(line=(one_line(tr.text(s)),)) for s in cost.assumptions)))
    return _section(tr, "cost", level, blocks)


def finding_item(tr: Tr, finding: Finding) -> Item:
    """'[high] message (code)'."""
    tone = _SEVERITY_TONE.get(finding.severity.value, "neutral")
    line: list[str | Span] = [
        tone_span(f"[{tr.label('severity', finding.severity.value)}]", tone),
        " ",
        one_line(tr.text(finding.message)),
        " ",
        muted(f"({finding.code})"),
    ]
    if finding.component is not None:
        line += [" ", muted("· " + tr.label("component", finding.component.value))]
    return Item(line=tuple(line), children=evidence_blocks(tr, finding.evidence))


def check_blocks(
    tr: Tr, a: Assessment, level: int = 2, *, with_identity: bool = True, fold: bool = False
) -> tuple[Block, ...]:
    """Everything about one model, sections starting at heading ``level``.

    ``fold`` marks the long evidence sections (components, dependencies) as collapsed
    (HTML folds them; text formats show everything).
    """
    blocks: list[Block] = [summary_fields(tr, a, with_identity=with_identity)]
    blocks += [
        openwashing_section(tr, a, level),
        license_section(tr, a, level),
        osaid_section(tr, a, level),
        mof_section(tr, a, level),
        index_section(tr, a, level),
        eu_section(tr, a, level),
        affordances_section(tr, a, level),
        dataclasses.replace(components_section(tr, a, level), collapsed=fold),
        dataclasses.replace(dependencies_section(tr, a, level), collapsed=fold),
    ]
    if a.findings:
        blocks.append(_section(tr, "findings", level, [Bullets(items=tuple(finding_item(tr, f) for f in a.findings))]))
    if a.record.notes:
        notes = tuple(Item(line=(one_line(tr.text(n)),)) for n in a.record.notes)
        blocks.append(_section(tr, "notes", level, [Bullets(items=notes)]))
    return tuple(blocks)


def model_title(a: Assessment) -> str:
    """'Llama 2 7B' (the id when there is no name)."""
    return one_line(a.model.name) or a.model.id


def check_document(a: Assessment, *, lang: str) -> Document:
    """Return the report on one model (``check`` and ``show``)."""
    tr = Tr(lang)
    blocks = (*check_blocks(tr, a), legend_section(tr, 2, short=True))
    subtitle: Line = (code(a.model.id), " · ", a.model.organization or tr.ui("unknown"))
    return Document(
        kind="check", title=tr.ui("check.title", name=model_title(a)), lang=tr.lang, blocks=blocks, subtitle=subtitle
    )


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


# ---------------------------------------------------------------------------
# Index (ranked registry)


def index_rule(assessments: Sequence[Assessment]) -> str:
    """How the index score is computed (the rule every assessment states; the same for all)."""
    for a in assessments:
        if a.index.rule:
            return a.index.rule
    return ""


def _grade_cell(tr: Tr, a: Assessment, component: Component) -> tuple[Line, str]:
    entry = a.components.get(component)
    grade = entry.grade if entry is not None else Grade.UNKNOWN
    return (grade_span(tr, grade),), grade.value


_GRADE_ORDER = {"open": 3.0, "partial": 2.0, "closed": 1.0}


def index_document(assessments: Sequence[Assessment], *, lang: str, details: bool = True) -> Document:
    """Return the ranked registry: a table, a legend and (``details``) a section per model."""
    tr = Tr(lang)
    anchors = unique_slugs([a.model.id for a in assessments], "model")
    columns = (
        Column(label="#", key="rank", numeric=True, sortable=True),
        Column(label=tr.ui("model"), key="model", sortable=True, max_width=32),
        Column(label=tr.ui("organization"), key="organization", sortable=True, max_width=24),
        Column(label=tr.ui("score"), key="score", numeric=True, sortable=True),
        Column(label=tr.ui("mof_short"), key="mof", numeric=True, sortable=True, right=False),
        Column(label=tr.ui("osaid_short"), key="osaid", sortable=True),
        Column(label=tr.ui("weights_short"), key="weights", numeric=True, sortable=True, right=False),
        Column(label=tr.ui("data"), key="data", numeric=True, sortable=True, right=False),
        Column(label=tr.ui("license_short"), key="license", numeric=True, sortable=True, right=False),
        Column(label=tr.ui("openwashing"), key="openwashing", sortable=True),
    )
    rows: list[Row] = []
    for rank, (a, anchor) in enumerate(zip(assessments, anchors, strict=True), start=1):
        osaid, osaid_tone = osaid_key(a.osaid.conformant)
        weights, w = _grade_cell(tr, a, Component.WEIGHTS)
        data, d = _grade_cell(tr, a, Component.TRAINING_DATA)
        licence, lic = _grade_cell(tr, a, Component.LICENSE)
        verdict = a.openwashing.verdict
        name: Span = Span(model_title(a), "strong", f"#{anchor}" if details else None)
        cells: tuple[Line, ...] = (
            (str(rank),),
            (name,),
            (one_line(a.model.organization or "—"),),
            (Span(fmt_score(a.index.score), "strong"),),
            (mof_short(a.mof.class_),),
            (tone_span(tr.ui(osaid + "_short"), osaid_tone),),
            weights,
            data,
            licence,
            (tone_span(tr.label("verdict", verdict), VERDICT_TONE.get(verdict, "neutral")),),
        )
        mof_rank = {1: 3.0, 2: 2.0, 3: 1.0}.get(a.mof.class_, 0.0)
        rows.append(
            Row(
                cells=cells,
                sort=(
                    float(rank),
                    model_title(a).lower(),
                    (a.model.organization or "").lower(),
                    a.index.score,
                    mof_rank,
                    osaid,
                    _GRADE_ORDER.get(w),
                    _GRADE_ORDER.get(d),
                    _GRADE_ORDER.get(lic),
                    verdict,
                ),
                filter=" ".join(
                    [a.model.id, a.model.name, a.model.organization or "", tr.ui(osaid), tr.label("verdict", verdict)]
                ).lower(),
                data=(("osaid", osaid.rsplit(".", 1)[-1]), ("verdict", verdict)),
            )
        )
    rule = index_rule(assessments)
    blocks: list[Block] = [
        Para(line=(tr.ui("index.intro", count=len(assessments)),), role="lead"),
        Table(columns=columns, rows=tuple(rows), role="index", id="index-table"),
        Para(
            line=(
                muted(tr.ui(f"index.order.{ranking_key(assessments) or 'given'}")),
                " ",
                muted(tr.ui("index.show_hint")),
            ),
            role="note",
        ),
        legend_section(tr, 2, rule=rule),
    ]
    if details:
        for rank, (a, anchor) in enumerate(zip(assessments, anchors, strict=True), start=1):
            title: Line = (f"{rank}. ", model_title(a), " ", muted(f"({a.model.organization or tr.ui('unknown')})"))
            blocks.append(
                Section(title=title, level=2, blocks=check_blocks(tr, a, 3, fold=True), anchor=anchor, role="model")
            )
    return Document(kind="index", title=tr.ui("index.title"), lang=tr.lang, blocks=tuple(blocks))


# ---------------------------------------------------------------------------
# Compare


def _compare_cell(tr: Tr, row: CompareRow, value: object) -> Line:
    field = row.field
    if field == "osaid.conformant":
        key, tone = osaid_key(value if isinstance(value, bool) else None)
        return (tone_span(tr.ui(key), tone),)
    if field == "eu_ai_act.exempt":
        key, tone = eu_key(value if isinstance(value, bool) else None)
        return (tone_span(tr.ui(key), tone),)
    if value is None:
        return (muted("—"),)
    if field.endswith(".grade") and isinstance(value, str):
        return (grade_span(tr, value),)
    if field == "model.access":
        return (tr.label("access", str(value)),)
    if field in ("model.base_model", "license.license.id"):
        return (code(str(value)),)
    if field == "license.open_source":
        return (tone_span(tr.ui("osd.yes"), "good") if value else tone_span(tr.ui("osd.no"), "bad"),)
    if field == "license.blocking":
        labels = [tr.label("clause", str(v)) for v in value] if isinstance(value, list) else []
        return (tone_span(tr.join(labels), "bad"),) if labels else (tone_span(tr.ui("none"), "good"),)
    if field == "mof.class" and isinstance(value, int):
        return (mof_label(tr, value),)
    if field == "index.score" and isinstance(value, int | float):
        return (Span(fmt_score(float(value)), "strong"),)
    if field == "openwashing.verdict":
        return (tone_span(tr.label("verdict", str(value)), VERDICT_TONE.get(str(value), "neutral")),)
    return (one_line(str(value)),)


def compare_document(assessments: Sequence[Assessment], *, lang: str) -> Document:
    """Models side by side; rows where they differ are marked."""
    tr = Tr(lang)
    names = [model_title(a) for a in assessments]
    columns = (Column(label="", key="field"), *(Column(label=n, key=f"m{i}") for i, n in enumerate(names)))
    groups: dict[str, list[Row]] = {}
    for row in compare_rows(assessments, tr):
        cells = ((Span(row.label, "strong"),), *(_compare_cell(tr, row, v) for v in row.values))
        groups.setdefault(row.group, []).append(Row(cells=cells, marked=row.differs))
    note = tr.ui("compare.marker")
    blocks: list[Block] = [
        Fields(rows=tuple((model_title(a), (code(a.model.id), " · ", verdict_line(tr, a)[0])) for a in assessments)),
    ]
    titles = {
        "model": "compare.model",
        "components": "components",
        "license": "license",
        "frameworks": "compare.frameworks",
    }
    for group, rows in groups.items():
        table = Table(columns=columns, rows=tuple(rows), role="compare", marker_note=note)
        blocks.append(_section(tr, titles[group], 2, [table], role=f"compare-{group}"))
    differing = sum(1 for rows in groups.values() for r in rows if r.marked)
    blocks.insert(1, Para(line=(tr.ui("compare.summary", count=differing),), role="lead"))
    blocks.append(legend_section(tr, 2, short=True))
    return Document(
        kind="compare", title=tr.ui("compare.title", names=" · ".join(names)), lang=tr.lang, blocks=tuple(blocks)
    )


# ---------------------------------------------------------------------------
# Licence


def license_document(analysis: LicenseAnalysis, *, text: str | None, lang: str) -> Document:
    """One licence: identity, verdict, every clause with its quote in context."""
    tr = Tr(lang)
    ident = analysis.license
    blocks: list[Block] = [license_fields(tr, analysis)]
    if ident.differences:
        blocks.append(
            Section(
                title=(tr.ui("license.differences"),),
                level=2,
                blocks=(Bullets(items=tuple(Item(line=(one_line(tr.text(d)),)) for d in ident.differences)),),
            )
        )
    blocks += [Para(line=(muted(one_line(tr.text(n))),), role="note") for n in analysis.notes]
    clauses = tuple(clause_item(tr, c, analysis, text) for c in analysis.clauses)
    clause_blocks: tuple[Block, ...] = (
        (Bullets(items=clauses, role="clauses"),) if clauses else (Para(line=(tr.ui("clauses.none"),)),)
    )
    blocks.append(Section(title=(tr.ui("clauses"),), level=2, blocks=clause_blocks, role="clauses"))
    blocks.append(Para(line=(muted(tr.ui("legend.legal_title") + " " + tr.ui("legend.legal")),), role="note"))
    name = one_line(ident.name) or ident.id
    return Document(
        kind="license",
        title=tr.ui("license.title", name=name),
        lang=tr.lang,
        blocks=tuple(blocks),
        subtitle=(code(ident.id),),
    )


# ---------------------------------------------------------------------------
# Frameworks


def frameworks_document(frameworks: Sequence[object], *, lang: str) -> Document:
    """List what each framework requires."""
    tr = Tr(lang)
    blocks: list[Block] = [Para(line=(tr.ui("frameworks.intro"),), role="lead")]
    for fw in frameworks:
        key = str(getattr(fw, "key", ""))
        title = one_line(str(getattr(fw, "title", key)))
        url = str(getattr(fw, "url", ""))
        texts_fn = getattr(fw, "requirement_texts", None)
        texts: list[str] = list(texts_fn(tr.lang)) if callable(texts_fn) else []
        inner: list[Block] = [
            Fields(rows=((tr.ui("framework.key"), (code(key),)), (tr.ui("framework.defined_at"), (source_span(url),))))
        ]
        if texts:
            inner.append(Bullets(items=tuple(Item(line=(one_line(t),)) for t in texts), role="requirements"))
        else:
            inner.append(Para(line=(muted(tr.ui("framework.no_requirements")),), role="note"))
        blocks.append(
            Section(title=(title,), level=2, blocks=tuple(inner), anchor=f"framework-{key}", role="framework")
        )
    return Document(kind="frameworks", title=tr.ui("frameworks.title"), lang=tr.lang, blocks=tuple(blocks))
