"""Build everything about a licence: its identity, verdict and clauses.

The licence name line, clause items (quote in context, parameters, source), the
licence fields, the licence section of a model's report and the ``license``
document on its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openwash.core.vocab import CLAUSE_TYPES, Grade
from openwash.report.build_common import code, evidence_blocks, excerpt_line, muted, source_span, tone_span, ui_section
from openwash.report.common import Tr, fmt_percent, fmt_value, is_http_url, one_line, quote_context
from openwash.report.doc import Block, Bullets, Document, Fields, Item, Line, Para, Section, Span

if TYPE_CHECKING:
    from openwash.core.facts import Clause, LicenseAnalysis
    from openwash.core.results import Assessment


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
    return ui_section(tr, "license", level, blocks, role="licence")


# ---------------------------------------------------------------------------
# Licence document


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
