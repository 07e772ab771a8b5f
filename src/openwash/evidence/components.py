"""Component rules over files: what a repository's weights, configs and code say about each component.

:func:`grade_components` is the one entry point: it runs every rule over a
:class:`RepoView` (the read-only inputs the record builder derived from a
snapshot), then grades each component against the licence governing its scope.
The rules read from the model card's prose live in
:mod:`openwash.evidence.components_card`. Without evidence a component is
``unknown``, never ``closed``.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from openwash.core.facts import ComponentGrade, Evidence, Finding, Locator
from openwash.core.vocab import COMPONENT_SCOPE, ArtifactKind, Component, Grade, LicenseScope, Severity, Status
from openwash.evidence.claims import sentence_span
from openwash.evidence.components_card import data_components, docs_components
from openwash.evidence.grading import grade_component
from openwash.evidence.licensing import UNKNOWN_ID
from openwash.i18n import msg

if TYPE_CHECKING:
    from collections.abc import Mapping

    from openwash.core.facts import Artifact, LicenseUse
    from openwash.evidence.card import Card
    from openwash.evidence.repo import Snapshot

#: What the rules found per component: status, evidence, and a reason that overrides the grading's own.
Found = dict[Component, tuple[Status, list[Evidence], str | None]]

_ADAPTER = re.compile(r"(^|/)adapter_model\.", re.IGNORECASE)
_CHECKPOINT_PATH = re.compile(r"(^|/)(checkpoint|ckpt|step|iter|global_step)[-_]?\d+(/|$|\.)", re.IGNORECASE)
_CHECKPOINT_PROSE = re.compile(
    r"intermediate\s+checkpoints?|\b\d[\d,]*\s+(?:intermediate\s+|model\s+|training\s+)?checkpoints|"
    r"checkpoints?\s+(?:are|is)\s+(?:also\s+)?(?:available|released|provided)|revision\s*=\s*[\"']step",
    re.IGNORECASE,
)
_CODE_ROLES: tuple[tuple[Component, re.Pattern[str]], ...] = (
    (
        Component.TRAINING_CODE,
        re.compile(
            r"(^|/|_)(train|training|finetune|fine_tune|pretrain|sft|dpo|rlhf|ppo)[^/]*\.(py|sh|ipynb)$", re.IGNORECASE
        ),
    ),
    (
        Component.EVALUATION_CODE,
        re.compile(r"(^|/|_)(eval|evaluate|evaluation|benchmark|harness)[^/]*\.(py|sh|ipynb)$", re.IGNORECASE),
    ),
    (
        Component.DATA_PREPROCESSING_CODE,
        re.compile(
            r"(^|/|_)(preprocess|prepare_data|data_prep|process_data|tokenize_data|dedup|filter_data)[^/]*\.(py|sh|ipynb)$",
            re.IGNORECASE,
        ),
    ),
)
_LINK_ROLES: tuple[tuple[Component, re.Pattern[str]], ...] = (
    (Component.TRAINING_CODE, re.compile(r"\b(train(ing)?|fine-?tun\w*|pre-?train\w*|reproduc\w*)\b", re.IGNORECASE)),
    (Component.EVALUATION_CODE, re.compile(r"\b(evaluat\w*|eval|benchmark\w*|harness)\b", re.IGNORECASE)),
)
_LIBRARIES = frozenset(
    {
        "transformers",
        "diffusers",
        "sentence-transformers",
        "timm",
        "peft",
        "open_clip",
        "mlx",
        "gguf",
        "llama.cpp",
        "vllm",
        "keras",
        "nemo",
        "speechbrain",
        "espnet",
        "fairseq",
        "flair",
        "spacy",
        "stable-baselines3",
        "ml-agents",
        "adapter-transformers",
        "span-marker",
        "setfit",
        "transformers.js",
        "onnx",
        "ctranslate2",
        "fastai",
        "pyannote-audio",
        "paddlenlp",
        "allennlp",
        "asteroid",
        "sample-factory",
        "coreml",
    }
)


def cite(
    snap: Snapshot,
    component: Component,
    path: str | None,
    note: str,
    *,
    card_source: str,
    quote: str | None = None,
    line: int | None = None,
    section: str | None = None,
    confidence: float = 0.8,
    extractor: str = "inventory",
    source: str | None = None,
) -> Evidence:
    """Evidence with provenance (grade filled in when the component is graded).

    It points at ``source``, else at ``path`` in the snapshot, else at the model card.
    """
    loc = Locator(line=line, section=section) if (line or section) else None
    return Evidence(
        component=component,
        grade=Grade.UNKNOWN,
        source=source or (snap.source(path) if path else card_source),
        revision=snap.revision,
        locator=loc,
        quote=quote[:300] if quote else None,
        extractor=extractor,
        note=note,
        confidence=confidence,
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class RepoView:
    """What the rules read: the snapshot and what the record builder derived from it."""

    snap: Snapshot
    artifacts: tuple[Artifact, ...]
    card: Card | None
    card_path: str | None
    card_source: str
    configs: Mapping[str, Any]
    gated: bool

    def ev(
        self,
        component: Component,
        path: str | None,
        note: str,
        *,
        quote: str | None = None,
        line: int | None = None,
        section: str | None = None,
        confidence: float = 0.8,
        extractor: str = "inventory",
        source: str | None = None,
    ) -> Evidence:
        """Evidence with provenance (see :func:`cite`)."""
        return cite(
            self.snap,
            component,
            path,
            note,
            card_source=self.card_source,
            quote=quote,
            line=line,
            section=section,
            confidence=confidence,
            extractor=extractor,
            source=source,
        )

    def card_ev(self, component: Component, start: int, end: int, note: str, confidence: float) -> Evidence:
        """Evidence quoting the card's sentence around ``start:end``, with its line and section."""
        card = self.card
        assert card is not None
        left, right = sentence_span(card.text, start, end, floor=card.body_start)
        section = card.section_at(start)
        return self.ev(
            component,
            None,
            note,
            quote=card.text[left:right],
            line=card.line(start),
            section=section.title if section else None,
            confidence=confidence,
            extractor="card.prose",
        )


def grade_components(
    view: RepoView,
    licenses: Mapping[LicenseScope, LicenseUse],
    display: Mapping[LicenseScope, str],
    *,
    derivative: bool,
) -> tuple[dict[Component, ComponentGrade], list[Finding]]:
    """Grade every component from the rules' evidence; return the grades and the findings the rules raised."""
    found: Found = {}
    findings: list[Finding] = []
    _weights(view, found, findings)
    _metadata_and_architecture(view, found)
    _code(view, found)
    data_components(view, found, derivative=derivative)
    docs_components(view, found)
    out: dict[Component, ComponentGrade] = {}
    for component in Component:
        if component is Component.LICENSE:
            continue
        status, evidence, reason = found.get(component, (Status.UNKNOWN, [], None))
        out[component] = _grade(component, status, evidence, licenses=licenses, display=display, reason=reason)
    out[Component.LICENSE] = _license_component(licenses, display)
    return out, findings


def _grade(
    component: Component,
    status: Status,
    evidence: list[Evidence],
    *,
    licenses: Mapping[LicenseScope, LicenseUse],
    display: Mapping[LicenseScope, str],
    reason: str | None = None,
) -> ComponentGrade:
    scope = COMPONENT_SCOPE.get(component, LicenseScope.DOCS)
    use = licenses.get(scope) if status is not Status.UNKNOWN else None
    shown = display.get(scope, use.id) if use is not None else None
    grade, why = grade_component(component, status, shown, use.analysis if use is not None else None)
    evidence = [dataclasses.replace(e, grade=grade) for e in evidence]
    return ComponentGrade(
        component=component,
        grade=grade,
        status=status,
        reason=reason if reason and status is not Status.UNKNOWN else why,
        license=use.id if use is not None else None,
        evidence=tuple(evidence),
    )


def _license_component(
    licenses: Mapping[LicenseScope, LicenseUse], display: Mapping[LicenseScope, str]
) -> ComponentGrade:
    from openwash.sources.manifest import overall_license_grade

    for scope in (LicenseScope.WEIGHTS, LicenseScope.CODE):
        use = licenses.get(scope)
        if use is None:
            continue
        if use.id == UNKNOWN_ID or use.analysis is None or use.analysis.grade is Grade.UNKNOWN:
            name = display.get(scope, use.id)
            return ComponentGrade(
                component=Component.LICENSE,
                grade=Grade.PARTIAL,
                status=Status.RELEASED,
                reason=msg("audit.license.unidentified", scope=scope.value, license=name),
                license=use.id,
                evidence=use.evidence,
            )
        break
    return overall_license_grade(licenses)


def _weights(view: RepoView, found: Found, findings: list[Finding]) -> None:
    weights = [a for a in view.artifacts if a.kind is ArtifactKind.WEIGHTS]
    if weights:
        formats = sorted({a.format or "unknown" for a in weights})
        total = sum(a.size for a in weights)
        pointers = all(a.lfs_pointer for a in weights)
        adapters = all(_ADAPTER.search(a.path) for a in weights)
        note = msg("audit.weights.found", count=len(weights), formats=", ".join(formats), size=_size(total))
        biggest = max(weights, key=lambda a: a.size)
        evidence = [view.ev(Component.WEIGHTS, biggest.path, note, confidence=0.8 if pointers else 0.95)]
        if adapters:
            found[Component.WEIGHTS] = (Status.PARTIAL, evidence, msg("audit.weights.adapter_only"))
        else:
            found[Component.WEIGHTS] = (Status.GATED if view.gated else Status.RELEASED, evidence, None)
    elif view.snap.listing_complete:
        findings.append(
            Finding(
                code="no_weights",
                severity=Severity.LOW,
                message=msg("audit.finding.no_weights"),
                component=Component.WEIGHTS,
            )
        )
    checkpoints = sorted({m.group(0).strip("/.") for a in view.artifacts if (m := _CHECKPOINT_PATH.search(a.path))})
    if checkpoints:
        found[Component.INTERMEDIATE_CHECKPOINTS] = (
            Status.GATED if view.gated else Status.RELEASED,
            [
                view.ev(
                    Component.INTERMEDIATE_CHECKPOINTS,
                    None,
                    msg("audit.checkpoints.files", count=len(checkpoints), examples=", ".join(checkpoints[:3])),
                    source=view.snap.source(checkpoints[0]),
                    confidence=0.8,
                )
            ],
            None,
        )
    elif view.card is not None and (m := _CHECKPOINT_PROSE.search(view.card.masked, view.card.body_start)):
        found[Component.INTERMEDIATE_CHECKPOINTS] = (
            Status.GATED if view.gated else Status.RELEASED,
            [view.card_ev(Component.INTERMEDIATE_CHECKPOINTS, m.start(), m.end(), msg("audit.checkpoints.prose"), 0.6)],
            None,
        )


def _metadata_and_architecture(view: RepoView, found: Found) -> None:
    meta: list[Evidence] = []
    arch: list[Evidence] = []
    config = view.configs.get("config.json")
    if isinstance(config, dict):
        archs = config.get("architectures")
        mtype = config.get("model_type")
        meta.append(
            view.ev(
                Component.MODEL_METADATA,
                "config.json",
                msg("audit.metadata.config"),
                quote=_kv(config, "model_type", "torch_dtype"),
            )
        )
        if archs or mtype:
            custom = isinstance(config.get("auto_map"), dict)
            modelling = [a.path for a in view.artifacts if re.search(r"(^|/)modeling_[^/]+\.py$", a.path)]
            names = ", ".join(str(a) for a in archs) if isinstance(archs, list) else str(mtype)
            key = "audit.architecture.custom_code" if custom or modelling else "audit.architecture.config"
            arch.append(
                view.ev(
                    Component.MODEL_ARCHITECTURE,
                    "config.json",
                    msg(key, names=names),
                    quote=_kv(config, "architectures", "model_type"),
                    confidence=0.9 if modelling else 0.8,
                )
            )
    for name in ("params.json", "model_index.json"):
        data = view.configs.get(name)
        if isinstance(data, dict):
            meta.append(view.ev(Component.MODEL_METADATA, name, msg("audit.metadata.config")))
            if name == "model_index.json" and data.get("_class_name"):
                arch.append(
                    view.ev(
                        Component.MODEL_ARCHITECTURE,
                        name,
                        msg("audit.architecture.config", names=str(data.get("_class_name"))),
                        quote=_kv(data, "_class_name"),
                    )
                )
    for path, header in sorted(view.snap.headers.items()):
        if header.format == "gguf" and header.metadata:
            meta.append(
                view.ev(
                    Component.MODEL_METADATA,
                    path,
                    msg("audit.metadata.gguf"),
                    quote=_kv(header.metadata, "general.architecture", "general.name"),
                )
            )
            if header.metadata.get("general.architecture") and not arch:
                arch.append(
                    view.ev(
                        Component.MODEL_ARCHITECTURE,
                        path,
                        msg("audit.architecture.gguf", names=header.metadata["general.architecture"]),
                        confidence=0.7,
                    )
                )
            break
    if meta:
        found[Component.MODEL_METADATA] = (Status.RELEASED, meta, None)
    if arch:
        found[Component.MODEL_ARCHITECTURE] = (Status.RELEASED, arch, None)


def _code(view: RepoView, found: Found) -> None:
    code = [a for a in view.artifacts if a.kind is ArtifactKind.CODE and a.format != "requirements"]
    runnable = [a for a in code if a.format in ("python", "sh", "cpp", "cu", "c", "rs", "go", "js", "ts")]
    if runnable:
        found[Component.INFERENCE_CODE] = (
            Status.RELEASED,
            [
                view.ev(
                    Component.INFERENCE_CODE,
                    runnable[0].path,
                    msg("audit.code.files", count=len(runnable)),
                    confidence=0.7,
                )
            ],
            None,
        )
    else:
        library = _library(view)
        if library:
            found[Component.INFERENCE_CODE] = (
                Status.RELEASED,
                [
                    view.ev(
                        Component.INFERENCE_CODE,
                        None,
                        msg("audit.code.library", library=library),
                        confidence=0.6,
                        source=view.card_source,
                        extractor="card.front_matter",
                    )
                ],
                msg("audit.code.library_reason", library=library),
            )
    for component, pattern in _CODE_ROLES:
        hits = [a.path for a in code if pattern.search(a.path)]
        if hits:
            found[component] = (
                Status.RELEASED,
                [
                    view.ev(
                        component,
                        hits[0],
                        msg("audit.code.role_files", count=len(hits), examples=", ".join(hits[:3])),
                        confidence=0.7,
                    )
                ],
                None,
            )
    if view.card is not None:
        for component, pattern in _LINK_ROLES:
            if component in found:
                continue
            for link in view.card.links:
                if link.kind != "code":
                    continue
                line_text = view.card.text[view.card.lines.start(link.line) : view.card.lines.start(link.line + 1)]
                if pattern.search(line_text) or pattern.search(link.text):
                    found[component] = (
                        Status.RELEASED,
                        [
                            view.ev(
                                component,
                                None,
                                msg("audit.code.linked", url=link.url),
                                quote=line_text.strip(),
                                line=link.line,
                                confidence=0.5,
                                extractor="card.links",
                            )
                        ],
                        msg("audit.code.linked_reason"),
                    )
                    break
    packaging = [
        a.path
        for a in view.artifacts
        if PurePosixPath(a.path).name.lower() in ("setup.py", "pyproject.toml", "setup.cfg")
    ]
    if packaging:
        found[Component.SUPPORTING_LIBRARIES] = (
            Status.RELEASED,
            [view.ev(Component.SUPPORTING_LIBRARIES, packaging[0], msg("audit.code.package"), confidence=0.6)],
            None,
        )


def _library(view: RepoView) -> str | None:
    names = []
    if view.snap.hub and view.snap.hub.library_name:
        names.append(view.snap.hub.library_name)
    if view.card is not None and isinstance(view.card.get("library_name"), str):
        names.append(view.card.get("library_name"))
    config = view.configs.get("config.json")
    if isinstance(config, dict) and config.get("architectures") and not isinstance(config.get("auto_map"), dict):
        names.append("transformers")
    return next((n for n in names if n in _LIBRARIES), None)


def _kv(data: Mapping[str, Any], *keys: str) -> str | None:
    parts = [f"{json.dumps(k)}: {json.dumps(data[k], ensure_ascii=False)}" for k in keys if k in data]
    return ", ".join(parts)[:300] if parts else None


def _size(n: int) -> str:
    if n <= 0:
        return "size unknown"
    for unit in ("B", "kB", "MB", "GB", "TB"):
        if n < 1000 or unit == "TB":  # noqa: PLR2004
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return str(n)
