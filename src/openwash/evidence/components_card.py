"""Component rules over the model card: training, fine-tuning and evaluation data, documentation, samples.

Each rule reads the card's front matter and section headings through a
:class:`~openwash.evidence.components.RepoView` and records what it found; the
grading is done by :func:`~openwash.evidence.components.grade_components`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openwash.core.vocab import Component, Status
from openwash.i18n import msg

if TYPE_CHECKING:
    from openwash.evidence.components import Found, RepoView

_SECTION_TRAIN_DATA = re.compile(
    r"(training|pre-?training|train)\s+(data|dataset|corpus|corpora)|^data(sets?)?$|data\s+(sources?|mixture|collection)|训练数据|数据集",
    re.IGNORECASE,
)
_SECTION_FT_DATA = re.compile(
    r"fine-?tuning\s+data|instruction|sft|preference\s+data|alignment\s+data|rlhf", re.IGNORECASE
)
_SECTION_EVAL = re.compile(r"evaluat|benchmark|results|performance|评测|评估", re.IGNORECASE)
_SECTION_SAMPLES = re.compile(
    r"(example|sample)s?\s+(output|generation|result)s?|^samples?$|^examples?$|showcase|gallery|demo", re.IGNORECASE
)
_SECTION_LIMITS = re.compile(r"limitation|bias|risk|out-of-scope|ethic|safety", re.IGNORECASE)
_SECTION_TRAINING = re.compile(r"training|hardware|compute|infrastructure|environmental|carbon", re.IGNORECASE)


def data_components(view: RepoView, found: Found, *, derivative: bool) -> None:
    """Record the data the card names (front matter) or describes (a section), and its model index's evaluation sets."""
    card = view.card
    if card is None:
        return
    datasets = (
        [str(d) for d in card.get("datasets") or [] if isinstance(d, str)]
        if isinstance(card.get("datasets"), list)
        else ([card.get("datasets")] if isinstance(card.get("datasets"), str) else [])
    )
    target = Component.FINETUNING_DATA if derivative else Component.TRAINING_DATA
    if datasets:
        line = card.key_lines.get("datasets")
        found[target] = (
            Status.PARTIAL,
            [
                view.ev(
                    target,
                    None,
                    msg("audit.data.named", count=len(datasets), names=", ".join(datasets[:5])),
                    quote="datasets: " + ", ".join(datasets)[:280],
                    line=line,
                    section="datasets",
                    confidence=0.7,
                    extractor="card.front_matter",
                )
            ],
            msg("audit.data.named_reason"),
        )
    for pattern, component in ((_SECTION_FT_DATA, Component.FINETUNING_DATA), (_SECTION_TRAIN_DATA, target)):
        if component in found:
            continue
        sections = card.find_sections(pattern)
        section = next((s for s in sections if card.body(s).strip()), None)
        if section is not None:
            body = card.body(section)
            offset = section.start + len(body) - len(body.lstrip())
            found[component] = (
                Status.DESCRIBED,
                [view.card_ev(component, offset, offset + 1, msg("audit.data.section", title=section.title), 0.6)],
                None,
            )
    index = card.get("model-index")
    eval_sets = _model_index_datasets(index)
    if eval_sets:
        line = card.key_lines.get("model-index")
        found[Component.EVALUATION_DATA] = (
            Status.PARTIAL,
            [
                view.ev(
                    Component.EVALUATION_DATA,
                    None,
                    msg("audit.data.eval_named", count=len(eval_sets), names=", ".join(eval_sets[:5])),
                    line=line,
                    section="model-index",
                    confidence=0.6,
                    extractor="card.front_matter",
                )
            ],
            msg("audit.data.named_reason"),
        )
        found[Component.EVALUATION_RESULTS] = (
            Status.RELEASED,
            [
                view.ev(
                    Component.EVALUATION_RESULTS,
                    None,
                    msg("audit.eval.model_index", count=len(eval_sets)),
                    line=line,
                    section="model-index",
                    confidence=0.8,
                    extractor="card.front_matter",
                )
            ],
            None,
        )


def docs_components(view: RepoView, found: Found) -> None:
    """Record data cards, the model card, papers, evaluation tables and sample outputs."""
    card = view.card
    data_cards = [
        a.path
        for a in view.artifacts
        if re.search(r"(^|/)(datasheet|data_card|datacard)[^/]*\.(md|pdf)$", a.path, re.IGNORECASE)
    ]
    if data_cards:
        found[Component.DATA_CARD] = (
            Status.RELEASED,
            [view.ev(Component.DATA_CARD, data_cards[0], msg("audit.docs.data_card"))],
            None,
        )
    if card is None:
        return
    titles = [s.title for s in card.sections]
    have = [
        k
        for k, p in (
            ("training", _SECTION_TRAINING),
            ("evaluation", _SECTION_EVAL),
            ("limitations", _SECTION_LIMITS),
        )
        if any(p.search(t) for t in titles)
    ]
    read = view.snap.texts.get(view.card_path) if view.card_path is not None else None
    if read is not None and read.text is not None:
        found[Component.MODEL_CARD] = (
            Status.RELEASED,
            [
                view.ev(
                    Component.MODEL_CARD,
                    view.card_path,
                    msg("audit.docs.card", sections=len(card.sections), covers=", ".join(have) or "-"),
                    quote=titles[0] if titles else None,
                    confidence=0.95,
                )
            ],
            None,
        )
    papers = [link for link in card.links if link.kind == "paper"]
    reviewed = [link for link in card.links if link.kind == "peer_reviewed"]
    bib = re.search(
        r"@(inproceedings|article)\s*\{[^@]{0,1500}?(booktitle|journal)\s*=\s*[{\"]([^}\"]{3,200})",
        card.text[card.body_start :],
        re.IGNORECASE,
    )
    if papers:
        found[Component.TECHNICAL_REPORT] = (
            Status.RELEASED,
            [
                view.ev(
                    Component.TECHNICAL_REPORT,
                    None,
                    msg("audit.docs.paper", url=papers[0].url),
                    quote=papers[0].url,
                    line=papers[0].line,
                    confidence=0.7,
                    extractor="card.links",
                )
            ],
            None,
        )
    if reviewed:
        found[Component.RESEARCH_PAPER] = (
            Status.RELEASED,
            [
                view.ev(
                    Component.RESEARCH_PAPER,
                    None,
                    msg("audit.docs.peer_reviewed", url=reviewed[0].url),
                    quote=reviewed[0].url,
                    line=reviewed[0].line,
                    confidence=0.6,
                    extractor="card.links",
                )
            ],
            None,
        )
    elif bib and not re.search(r"arxiv|corr|preprint", bib.group(3), re.IGNORECASE):
        start = card.body_start + bib.start(3)
        found[Component.RESEARCH_PAPER] = (
            Status.RELEASED,
            [
                view.ev(
                    Component.RESEARCH_PAPER,
                    None,
                    msg("audit.docs.venue", venue=bib.group(3)),
                    quote=bib.group(3),
                    line=card.line(start),
                    confidence=0.5,
                    extractor="card.citation",
                )
            ],
            None,
        )
    if Component.EVALUATION_RESULTS not in found:
        for section in card.find_sections(_SECTION_EVAL):
            body = card.body(section)
            if re.search(r"^\s*\|.*\d", body, re.MULTILINE):
                offset = section.start + max(0, body.find("|"))
                found[Component.EVALUATION_RESULTS] = (
                    Status.RELEASED,
                    [
                        view.card_ev(
                            Component.EVALUATION_RESULTS,
                            offset,
                            offset + 1,
                            msg("audit.eval.table", title=section.title),
                            0.7,
                        )
                    ],
                    None,
                )
                break
    widget = card.get("widget")
    if isinstance(widget, list) and any(isinstance(w, dict) and w.get("output") for w in widget):
        found[Component.SAMPLE_OUTPUTS] = (
            Status.RELEASED,
            [
                view.ev(
                    Component.SAMPLE_OUTPUTS,
                    None,
                    msg("audit.samples.widget"),
                    line=card.key_lines.get("widget"),
                    section="widget",
                    confidence=0.6,
                    extractor="card.front_matter",
                )
            ],
            None,
        )
    elif sections := card.find_sections(_SECTION_SAMPLES):
        found[Component.SAMPLE_OUTPUTS] = (
            Status.RELEASED,
            [
                view.card_ev(
                    Component.SAMPLE_OUTPUTS,
                    sections[0].start,
                    sections[0].start + 1,
                    msg("audit.samples.section", title=sections[0].title),
                    0.5,
                )
            ],
            None,
        )


def _model_index_datasets(index: object) -> list[str]:
    names: list[str] = []
    if not isinstance(index, list):
        return names
    for model in index[:20]:
        results = model.get("results") if isinstance(model, dict) else None
        for result in results[:200] if isinstance(results, list) else []:
            dataset = result.get("dataset") if isinstance(result, dict) else None
            if isinstance(dataset, dict):
                name = dataset.get("type") or dataset.get("name")
                if isinstance(name, str) and name not in names:
                    names.append(name)
    return names
