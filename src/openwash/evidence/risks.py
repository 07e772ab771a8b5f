"""Findings about the risks of using a repository's files: pickled weights, gated access."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openwash.core.facts import Finding
from openwash.core.vocab import ArtifactKind, Component, Severity
from openwash.evidence.inventory import PICKLE_FORMATS
from openwash.i18n import msg

if TYPE_CHECKING:
    from openwash.evidence.components import RepoView


def risk_findings(view: RepoView) -> list[Finding]:
    """Return the findings about pickled weights (code runs on load) and gated downloads."""
    out: list[Finding] = []
    pickles = [a for a in view.artifacts if a.format in PICKLE_FORMATS]
    if pickles:
        safe = any(
            a.format in ("safetensors", "gguf", "onnx") for a in view.artifacts if a.kind is ArtifactKind.WEIGHTS
        )
        out.append(
            Finding(
                code="pickle_weights",
                severity=Severity.LOW if safe else Severity.MEDIUM,
                message=msg(
                    "audit.finding.pickle_safe_alternative" if safe else "audit.finding.pickle",
                    count=len(pickles),
                    examples=", ".join(a.path for a in pickles[:3]),
                ),
                component=Component.WEIGHTS,
                evidence=(
                    view.ev(Component.WEIGHTS, pickles[0].path, msg("audit.weights.pickle_note"), confidence=0.9),
                ),
            )
        )
    if view.gated:
        hub = view.snap.hub
        unread = sorted(p for p, r in view.snap.texts.items() if r.text is None and r.problem == "gated")
        key = "audit.finding.gated_unread" if unread else "audit.finding.gated"
        out.append(
            Finding(
                code="gated",
                severity=Severity.INFO,
                message=msg(key, paths=", ".join(unread[:8]), mode=str(hub.gated) if hub and hub.gated else "card"),
                component=Component.WEIGHTS,
            )
        )
    return out
