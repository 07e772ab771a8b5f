"""Golden-file tests: every document x format, end to end, in English and one Chinese variant.

Inputs are the fixture manifests in ``tests/fixtures/manifests`` (assessed by the
real engine, lineage resolved among themselves), the registered frameworks, a
licence analysis built by hand, Apache-2.0 analysed by id, and the Llama 2 licence
text of ``../shared/corpus`` analysed by the licence engine (skipped when the
corpus is absent). The expected outputs live in
``tests/report/golden/`` as ``<document>-<case>-<lang>.<ext>``.

A change to a renderer, a message or an assessment shows up as a diff here.
When the change is intended, regenerate the goldens and review the diff:

    OPENWASH_UPDATE_GOLDEN=1 /work/venv/bin/pytest tests/report/test_golden.py
    git diff tests/report/golden/

With the variable set, the tests (re)write every golden file and pass, and
golden files no test produces any more are deleted (otherwise
``test_goldens_match_the_tests`` reports them).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from report_helpers import LICENSE_TEXT

from openwash.assess import FRAMEWORKS, assess
from openwash.registry import with_lineage
from openwash.report import FORMATS
from openwash.report.badge import render_badge
from openwash.sources.manifest import load_manifest

if TYPE_CHECKING:
    from collections.abc import Callable

    from openwash.core.results import Assessment

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
MANIFESTS = HERE.parent / "fixtures" / "manifests"
UPDATE = os.environ.get("OPENWASH_UPDATE_GOLDEN", "") not in ("", "0")

#: Formats compared in golden files; terminal output is compared without colour.
TEXT_FORMATS = ("terminal", "json", "markdown", "html")
#: Documents and cases rendered in Chinese as well.
ZH_FORMATS = ("terminal", "markdown", "html")
#: (format, language) pairs: JSON is language-neutral, so it is compared in English only.
LANG_FORMATS = [(f, "en") for f in TEXT_FORMATS] + [(f, "zh") for f in ZH_FORMATS]

_produced: set[str] = set()


def check_golden(name: str, text: str) -> None:
    """Compare ``text`` with ``golden/name`` (or write it when OPENWASH_UPDATE_GOLDEN is set)."""
    _produced.add(name)
    path = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        return
    if not path.is_file():
        pytest.fail(f"golden file {name} is missing; run with OPENWASH_UPDATE_GOLDEN=1 to create it")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file; if intended, regenerate (see module docstring)"


def render(fmt: str, document: str, subject: Any, **kwargs: Any) -> str:
    fn: Callable[..., str] = FORMATS[fmt].renderer(document)
    if fmt == "terminal":
        kwargs["color"] = False
    return fn(subject, **kwargs)


def _ext(fmt: str) -> str:
    return FORMATS[fmt].extension


# ---------------------------------------------------------------------------
# Inputs


def _fixture_assessments() -> dict[str, Assessment]:
    records = {p.stem: load_manifest(p) for p in sorted(MANIFESTS.glob("*.yaml"))}
    by_id = {r.id: r for r in records.values()}
    return {stem: assess(with_lineage(record, by_id), target=f"{stem}.yaml") for stem, record in records.items()}


@pytest.fixture(scope="module")
def fixtures() -> dict[str, Assessment]:
    return _fixture_assessments()


#: A hand-written repository (a Llama 2 fine-tune relabelled Apache-2.0 and called
#: "fully open source", with pickled weights): the audit path, with findings.
REPO_CARD = """---
license: apache-2.0
base_model: meta-llama/Llama-2-7b-hf
datasets:
- acme/chat-mix
---
# Acme Chat 7B

Acme Chat 7B is a fully open-source chat model, fine-tuned from Llama 2 7B on acme/chat-mix.

## Training Data
Fine-tuned on [acme/chat-mix](https://huggingface.co/datasets/acme/chat-mix).

## Limitations
It makes things up.
"""
REPO_FILES = {
    "README.md": REPO_CARD,
    "config.json": '{"architectures": ["LlamaForCausalLM"], "model_type": "llama"}',
}


def _repo_assessment() -> Assessment:
    from openwash.evidence.inventory import RepoFile
    from openwash.evidence.repo import Snapshot, TextRead, record_from_repository

    listing = [RepoFile(path=p, size=len(t)) for p, t in REPO_FILES.items()]
    listing.append(RepoFile(path="pytorch_model.bin", size=13_476_839_424))
    snap = Snapshot(
        kind="listing",
        location="fixture",
        name="acme-chat-7b",
        model_id="acme/acme-chat-7b",
        files=tuple(sorted(listing, key=lambda f: f.path)),
        texts={p: TextRead(text=t) for p, t in REPO_FILES.items()},
    )
    return assess(record_from_repository(snap), target="acme/acme-chat-7b")


CASES = sorted(p.stem for p in MANIFESTS.glob("*.yaml"))
#: Cases compared side by side (restricted vs open vs its openwashing fine-tune).
COMPARE = ("gated-restricted", "fully-open", "finetune-of-restricted")
ZH_CASE = "gated-restricted"


def _index(fixtures: dict[str, Assessment]) -> list[Assessment]:
    from openwash.assess.ranking import rank

    return rank(fixtures.values(), key="score")


# ---------------------------------------------------------------------------
# Documents


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@pytest.mark.parametrize("case", CASES)
def test_check(fixtures: dict[str, Assessment], case: str, fmt: str) -> None:
    check_golden(f"check-{case}-en{_ext(fmt)}", render(fmt, "check", fixtures[case], lang="en"))


@pytest.mark.parametrize(("fmt", "lang"), LANG_FORMATS)
def test_check_repository(fmt: str, lang: str) -> None:
    """An audited repository: findings appear in the summary and in their own section."""
    check_golden(f"check-repo-{lang}{_ext(fmt)}", render(fmt, "check", _repo_assessment(), lang=lang))


@pytest.mark.parametrize("fmt", ZH_FORMATS)
def test_check_zh(fixtures: dict[str, Assessment], fmt: str) -> None:
    check_golden(f"check-{ZH_CASE}-zh{_ext(fmt)}", render(fmt, "check", fixtures[ZH_CASE], lang="zh"))


@pytest.mark.parametrize(("fmt", "lang"), LANG_FORMATS)
def test_index(fixtures: dict[str, Assessment], fmt: str, lang: str) -> None:
    check_golden(f"index-fixtures-{lang}{_ext(fmt)}", render(fmt, "index", _index(fixtures), lang=lang))


@pytest.mark.parametrize(("fmt", "lang"), LANG_FORMATS)
def test_compare(fixtures: dict[str, Assessment], fmt: str, lang: str) -> None:
    models = [fixtures[c] for c in COMPARE]
    check_golden(f"compare-3-{lang}{_ext(fmt)}", render(fmt, "compare", models, lang=lang))


@pytest.mark.parametrize(("fmt", "lang"), LANG_FORMATS)
def test_frameworks(fmt: str, lang: str) -> None:
    check_golden(f"frameworks-all-{lang}{_ext(fmt)}", render(fmt, "frameworks", FRAMEWORKS, lang=lang))


LICENSE_FORMATS = tuple(f for f in TEXT_FORMATS if "license" in FORMATS[f].documents)


@pytest.mark.parametrize(("fmt", "lang"), [(f, lang) for f, lang in LANG_FORMATS if f in LICENSE_FORMATS])
def test_license_hand_built(license_factory: Callable[..., Any], fmt: str, lang: str) -> None:
    analysis = license_factory(text=LICENSE_TEXT, source="LICENSE")
    check_golden(f"license-handbuilt-{lang}{_ext(fmt)}", render(fmt, "license", analysis, text=LICENSE_TEXT, lang=lang))


@pytest.mark.parametrize("fmt", LICENSE_FORMATS)
def test_license_from_id(license_factory: Callable[..., Any], fmt: str) -> None:
    analysis = license_factory(text=None)
    check_golden(f"license-byid-en{_ext(fmt)}", render(fmt, "license", analysis, text=None, lang="en"))


@pytest.mark.parametrize(("fmt", "lang"), [(f, lang) for f, lang in LANG_FORMATS if f in LICENSE_FORMATS])
def test_license_text_from_the_engine(corpus: Path, fmt: str, lang: str) -> None:
    """A real licence text through the real licence engine (needs ../shared/corpus)."""
    from openwash.licenses import analyze_text

    name = "llama-2-license-2023.txt"
    text = (corpus / "licenses" / name).read_text(encoding="utf-8")
    analysis = analyze_text(text, source=name)
    check_golden(f"license-llama2text-{lang}{_ext(fmt)}", render(fmt, "license", analysis, text=text, lang=lang))


@pytest.mark.parametrize("fmt", LICENSE_FORMATS)
def test_license_id_from_the_engine(fmt: str) -> None:
    from openwash.licenses import analyze_id

    analysis = analyze_id("apache-2.0")
    check_golden(f"license-apacheid-en{_ext(fmt)}", render(fmt, "license", analysis, text=None, lang="en"))


@pytest.mark.parametrize("case", CASES)
def test_badge(fixtures: dict[str, Assessment], case: str) -> None:
    check_golden(f"badge-{case}-en.svg", render_badge(fixtures[case], lang="en"))


def test_badge_zh(fixtures: dict[str, Assessment]) -> None:
    check_golden(f"badge-{ZH_CASE}-zh.svg", render_badge(fixtures[ZH_CASE], lang="zh"))


def expected_goldens() -> set[str]:
    """Every golden file name the tests above produce."""
    names: set[str] = set()
    for case in CASES:
        names |= {f"check-{case}-en{_ext(f)}" for f in TEXT_FORMATS} | {f"badge-{case}-en.svg"}
    names |= {f"check-{ZH_CASE}-zh{_ext(f)}" for f in ZH_FORMATS} | {f"badge-{ZH_CASE}-zh.svg"}
    names |= {f"check-repo-{lang}{_ext(f)}" for f, lang in LANG_FORMATS}
    for stem in ("index-fixtures", "compare-3", "frameworks-all"):
        names |= {f"{stem}-en{_ext(f)}" for f in TEXT_FORMATS} | {f"{stem}-zh{_ext(f)}" for f in ZH_FORMATS}
    names |= {f"license-handbuilt-en{_ext(f)}" for f in LICENSE_FORMATS}
    names |= {f"license-handbuilt-zh{_ext(f)}" for f in LICENSE_FORMATS if f in ZH_FORMATS}
    names |= {f"license-byid-en{_ext(f)}" for f in LICENSE_FORMATS}
    names |= {f"license-apacheid-en{_ext(f)}" for f in LICENSE_FORMATS}
    names |= {f"license-llama2text-{lang}{_ext(f)}" for f, lang in LANG_FORMATS if f in LICENSE_FORMATS}
    return names


def test_goldens_match_the_tests() -> None:
    """No golden file is left over from a case or format that no longer exists."""
    stale = sorted(p.name for p in GOLDEN.glob("*") if p.name not in expected_goldens())
    if UPDATE:
        for name in stale:
            (GOLDEN / name).unlink()
        return
    assert not stale, f"golden files no test produces (delete them or regenerate): {stale}"
    assert _produced <= expected_goldens()
