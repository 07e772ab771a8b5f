"""Licence statements in a model card's prose: which licence the text names, for which scope.

The regex tables recognise licence names (known ones, and "X Licence" phrases);
the sentence parsing finds the places a card states its licence (key-value lines,
licence sections, "released under ..." sentences), splits them into clauses and
list items, and drops what speaks about another model, third-party data, or a
negation. The statements go to :func:`openwash.evidence.licensing.reconcile`.

The licence engine is called through :mod:`openwash.evidence.licensing`
(``licensing.analyze_id`` / ``licensing.analyze_text``), the one seam every layer
shares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openwash.core.facts import Evidence, Locator
from openwash.core.vocab import Component, Grade, LicenseScope
from openwash.evidence import licensing
from openwash.evidence.card import Card, Section, plain
from openwash.evidence.claims import sentence_span
from openwash.evidence.licensing import BOTH, EXTRACTOR, UNKNOWN_ID, Statement, clip_quote, line_quote
from openwash.i18n import msg

_KNOWN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE if flags else 0), hf)
    for p, hf, flags in (
        (r"\bapache(?:[- ]?licen[cs]e)?(?:,?\s*(?:version\s*)?v?2(?:\.0)?)?(?!\s*v?[\d.]*[- ]?based)", "apache-2.0", 1),
        (r"\bMIT(?:[- ]licen[cs]e)?\b(?![- ]?based)(?!-\w)", "mit", 0),
        (r"\bBSD[- ]?3(?:[- ]clause)?\b", "bsd-3-clause", 1),
        (r"\bBSD[- ]?2(?:[- ]clause)?\b", "bsd-2-clause", 1),
        (r"\bAGPL[- ]?v?3(?:\.0)?\b", "agpl-3.0", 0),
        (r"\bLGPL[- ]?v?3(?:\.0)?\b", "lgpl-3.0", 0),
        (r"\bGPL[- ]?v?3(?:\.0)?\b", "gpl-3.0", 0),
        (r"\bGPL[- ]?v?2(?:\.0)?\b", "gpl-2.0", 0),
        (r"\bCC[- ]?0\b", "cc0-1.0", 1),
        (r"\bCC[- ]BY[- ]NC[- ]ND(?:[- ]?(\d\.\d))?", "cc-by-nc-nd-{v}", 1),
        (r"\bCC[- ]BY[- ]NC[- ]SA(?:[- ]?(\d\.\d))?", "cc-by-nc-sa-{v}", 1),
        (r"\bCC[- ]BY[- ]NC(?:[- ]?(\d\.\d))?", "cc-by-nc-{v}", 1),
        (r"\bCC[- ]BY[- ]SA(?:[- ]?(\d\.\d))?", "cc-by-sa-{v}", 1),
        (r"\bCC[- ]BY[- ]ND(?:[- ]?(\d\.\d))?", "cc-by-nd-{v}", 1),
        (r"\bCC[- ]BY(?:[- ]?(\d\.\d))?\b", "cc-by-{v}", 1),
        (r"\bCreativeML\s+Open\s?RAIL[- ]?M\b", "creativeml-openrail-m", 1),
        (r"\bOpen\s?RAIL\+\+(?:[- ]M)?", "openrail++", 1),
        (r"\bBigCode\s+Open\s?RAIL[- ]M(?:\s+v1)?", "bigcode-openrail-m", 1),
        (
            r"\bBigScience\s+(?:BLOOM\s+)?RAIL(?:\s+License)?\s+v?1\.0|\bBLOOM\s+RAIL\b|\bbigscience-bloom-rail-1\.0",
            "bigscience-bloom-rail-1.0",
            1,
        ),
        (r"\bBigScience\s+Open\s?RAIL[- ]M\b", "bigscience-openrail-m", 1),
        (r"\bLlama\s?(2|3(?:\.\d)?|4)\s+Community\s+Licen[cs]e(?:\s+Agreement)?", "llama{v}", 1),
        (r"\bLlama[- ]?(2|3(?:\.\d)?|4)\s+licen[cs]e\b", "llama{v}", 1),
        (r"\bGemma\s+Terms\s+of\s+Use\b", "gemma", 1),
    )
)
_GENERIC = re.compile(
    r"((?:[A-Z0-9][\w.+\-]*\s+){1,6})(?:Licen[cs]e|LICEN[CS]E)(\s+(?:Agreement|AGREEMENT))?(\s+v?\d+(?:\.\d+)*(?:-[A-Za-z]+)?)?"
)
_GENERIC_FOR = re.compile(
    r"(?:Community|Model|Research)\s+Licen[cs]e(?:\s+Agreement)?\s+(?:for|of)\s+(?:the\s+)?(?:[A-Z0-9][\w.\-]*\s*){1,4}"
)
_GENERIC_WORDS = frozenset({"community", "model", "research", "commercial", "non-commercial", "weights"})
_STOP = frozenset(
    [
        "the",
        "this",
        "our",
        "a",
        "an",
        "custom",
        "commercial",
        "enterprise",
        "full",
        "official",
        "its",
        "their",
        "your",
        "please",
        "see",
        "read",
        "check",
        "open",
        "source",
        "permissive",
        "software",
        "same",
        "respective",
        "original",
        "following",
        "any",
        "such",
        "that",
        "these",
        "each",
        "paid",
        "separate",
        "standard",
        "and",
        "or",
        "under",
        "of",
        "to",
        "for",
        "with",
        "by",
        "in",
        "on",
        "is",
        "are",
        "be",
        "all",
        "new",
    ]
)
_LICENSE_SECTION = re.compile(r"licen[cs]e|terms\s+of\s+use|使用协议|协议|许可", re.IGNORECASE)
# Possessive quantifiers (``*+``): runs of blanks (masked code blocks) must not be re-split on backtracking.
_KEY_VALUE = re.compile(
    r"^[ \t>]*+(?:[-*+][ \t]++)?(?:\*\*|__)?[ \t]*+(?:Model[ \t]++)?Licen[cs]e"
    r"(?:s|[ \t]*+/[ \t]*+Terms[ \t]++of[ \t]++Use)?"
    r"(?>[ \t*_:：]*+)(?P<value>[^\s*_:：].{0,300})$",
    re.MULTILINE | re.IGNORECASE,
)
_STATEMENT = re.compile(
    r"\b(?:licen[cs]ed|released|distributed|available|governed|made\s+available|published|provided|subject)\b"
    r"[^.\n]{0,80}?\b(?:under|to|by)\b",
    re.IGNORECASE,
)
_THIRD_PARTY = re.compile(
    r"\b(?:derived\s+from|based\s+on|built\s+(?:on|upon)|originally|data\s?sets?|training\s+data|audio|images?|"
    r"corpus|corpora|their|records|"
    r"text\s+encoders?|third[- ]party|respective|outputs?\s+(?:of|from)\s+(?!this|the\s+model)|distill\w*)\b",
    re.IGNORECASE,
)
_CODE_SCOPE = re.compile(r"\b(?:code|codebase|source\s+code|scripts?|software)\b|代码", re.IGNORECASE)
_WEIGHTS_SCOPE = re.compile(r"\b(?:weights?|models?|checkpoints?|parameters)\b|权重|模型", re.IGNORECASE)


def _licence_sections(card: Card) -> list[Section]:
    """Sections about the licence: a short heading naming it ("License", "7. License", "Model License")."""
    return [s for s in card.find_sections(_LICENSE_SECTION) if len(s.title.split()) <= 6]  # noqa: PLR2004


def _scopes_of(sentence: str) -> tuple[LicenseScope, ...]:
    code = bool(_CODE_SCOPE.search(sentence))
    weights = bool(_WEIGHTS_SCOPE.search(sentence))
    if code and not weights:
        return (LicenseScope.CODE,)
    if weights and not code:
        return (LicenseScope.WEIGHTS,)
    return BOTH


def _blank_links(text: str) -> str:
    """``text`` with link targets, bare URLs and heading lines blanked (offsets kept): names are read, not paths."""
    text = re.sub(r"\]\([^)\n]*\)", lambda m: "]" + " " * (len(m.group(0)) - 1), text)
    text = re.sub(r"https?://\S+|\.(?:md|txt|pdf)\b", lambda m: " " * len(m.group(0)), text)
    return re.sub(r"(?m)^[ \t]*#{1,6}[ \t].*$", lambda m: " " * len(m.group(0)), text)


def licence_mentions(sentence: str) -> list[tuple[int, int, str, str]]:
    """Licences named in ``sentence``: (start, end, lookup key, words as written)."""
    sentence = _blank_links(sentence)
    out: list[tuple[int, int, str, str]] = []
    for pattern, hf in _KNOWN:
        for m in pattern.finditer(sentence):
            if any(s < m.end() and m.start() < e for s, e, _, _ in out):
                continue
            version = next((g for g in m.groups() if g), None) if m.groups() else None
            key = hf.format(v=version or "4.0") if "{v}" in hf else hf
            out.append((m.start(), m.end(), key, m.group(0)))
    for m in _GENERIC_FOR.finditer(sentence):
        if not any(s < m.end() and m.start() < e for s, e, _, _ in out):
            phrase = " ".join(m.group(0).split())
            out.append((m.start(), m.end(), phrase, phrase))
    verb = _STATEMENT.search(sentence) is not None or re.search(
        r"\b(?:follow|adhere|comply|accept|agree)", sentence, re.IGNORECASE
    )
    for m in _GENERIC.finditer(sentence):
        if any(s < m.end() and m.start() < e for s, e, _, _ in out):
            continue
        words = m.group(1).split()
        while words and words[0].lower().strip(".,") in _STOP:
            words.pop(0)
        if not words and not m.group(2) and not m.group(3):
            continue
        if words and all(w.lower().strip(".,") in _STOP for w in words):
            continue
        generic_only = all(w.lower().strip(".,") in _GENERIC_WORDS for w in words)
        if generic_only and not m.group(2) and not m.group(3) and not verb:
            continue  # "Community License: free for research ..." is a heading-like phrase, not a licence name
        start = m.start(1) + m.group(1).find(words[0]) if words else m.start(0) + len(m.group(1))
        phrase = " ".join(sentence[start : m.end()].split())
        out.append((start, m.end(), phrase, phrase))
    out.sort()
    return out


_CLAUSE_SPLIT = re.compile(r",\s*(?:while|whereas|but|and)\b|;|，|；|。|\bwhile\b|\bwhereas\b|而")


def _clause_scopes(segment: str, start: int, end: int, default: tuple[LicenseScope, ...]) -> tuple[LicenseScope, ...]:
    """Return the scope of the clause holding a mention; the whole sentence's when the clause names none."""
    left = 0
    for m in _CLAUSE_SPLIT.finditer(segment, 0, start):
        left = m.end()
    right_match = _CLAUSE_SPLIT.search(segment, end)
    clause = segment[left : right_match.start() if right_match else len(segment)]
    scopes = _scopes_of(clause)
    if scopes == BOTH and not (_CODE_SCOPE.search(clause) and _WEIGHTS_SCOPE.search(clause)):
        return default
    return scopes


@dataclass(frozen=True, kw_only=False, slots=True)
class _Candidate:
    start: int  # offset into the card
    end: int
    scopes: tuple[LicenseScope, ...]
    key_value: bool


def _candidates(card: Card) -> list[_Candidate]:
    masked = card.masked
    out: dict[tuple[int, int], _Candidate] = {}
    for m in _KEY_VALUE.finditer(masked, card.body_start):
        if masked[m.start() : m.start() + 3].lstrip().startswith("|"):
            continue
        value = m.group("value")
        out[(m.start("value"), m.end("value"))] = _Candidate(
            m.start("value"), m.end("value"), _scopes_of(value), key_value=True
        )
    for section in _licence_sections(card):
        body_end = min(section.end, section.start + 3000)
        pos = section.start
        while pos < body_end:
            left, right = sentence_span(masked, pos, pos, floor=section.start)
            right = max(right, pos + 1)
            segment = masked[left:right]
            if segment.strip() and not segment.lstrip().startswith("|"):
                out.setdefault((left, right), _Candidate(left, right, _scopes_of(segment), key_value=False))
            pos = right + 1
    for m in _STATEMENT.finditer(masked, card.body_start):
        left, right = sentence_span(masked, m.start(), m.end(), floor=card.body_start)
        if not any(s <= left < e or s < right <= e for s, e in out):
            out[(left, right)] = _Candidate(left, right, _scopes_of(masked[left:right]), key_value=False)
    return sorted(out.values(), key=lambda c: c.start)


_ITEM = re.compile(r"\n(?=[ \t]*(?:[-*+]|\d+\.)[ \t])")


def _items(cands: list[_Candidate], masked: str) -> list[_Candidate]:
    """Candidates split at list items: each item of a list speaks for itself."""
    out: list[_Candidate] = []
    for cand in cands:
        start = cand.start
        for m in _ITEM.finditer(masked, cand.start, cand.end):
            if masked[start : m.start()].strip():
                out.append(
                    _Candidate(start, m.start(), _scopes_of(masked[start : m.start()]), key_value=cand.key_value)
                )
            start = m.end()
        if start == cand.start:
            out.append(cand)
        elif masked[start : cand.end].strip():
            out.append(_Candidate(start, cand.end, _scopes_of(masked[start : cand.end]), key_value=cand.key_value))
    return out


_NEGATION = re.compile(r"\b(?:not|isn't|aren't|no\s+longer|never)\s+(?:a\s+|an\s+|the\s+)?$", re.IGNORECASE)
_SUBJECT = re.compile(
    r"^\W*(?:the\s+)?((?:[\w.\-]+\s+){0,3}?[\w.\-]+)\s+(?:is|are|was|were|has\s+been|have\s+been)\s", re.IGNORECASE
)


def _negated(segment: str, start: int) -> bool:
    """Tell whether a mention is negated ("the model licence is NOT CC0")."""
    return bool(_NEGATION.search(_blank_links(segment)[max(0, start - 30) : start]))


def _about_other(segment: str, words: str, model_id: str | None) -> bool:
    """Tell whether a sentence states another model's licence ("Llama 2 is licensed under the Llama 2 ...")."""
    match = _SUBJECT.match(plain(segment))
    if match is None:
        return False
    subject = " ".join(match.group(1).lower().replace("-", " ").split())
    name = (model_id or "").lower().replace("-", " ").replace("_", " ")
    first = subject.split()[0]
    generic = {"it", "this", "model", "models", "weights", "code", "all", "our", "these", "they", "which", "license"}
    if first in generic or subject in name:
        return False
    return subject in " ".join(words.lower().replace("-", " ").split()) and first not in name


def _nested_under_other_model(card: Card, start: int, model_id: str | None) -> bool:
    """Tell whether an indented "License: X" line belongs to a list item about another model."""
    line = card.line(start)
    text = card.masked
    own = text[card.lines.start(line) : start]
    indent = len(own) - len(own.lstrip(" \t"))
    if indent < 2:  # noqa: PLR2004
        return False
    for previous in range(line - 1, max(0, line - 12), -1):
        begin, end = card.lines.start(previous), card.lines.start(previous + 1)
        parent = text[begin:end]
        if parent.strip() and len(parent) - len(parent.lstrip(" \t")) < indent and re.match(r"[ \t]*[-*+]\s", parent):
            return _names_other_model(parent, model_id)
    return False


def _names_other_model(segment: str, model_id: str | None) -> bool:
    ids = {
        m.group(1).lower()
        for m in re.finditer(r"huggingface\.co/([\w.\-]+/[\w.\-]+)(/(?:blob|resolve|raw|tree)/)?", segment)
        if not m.group(2)  # a link to a file (a licence in a sibling repository) does not name a model
    }
    ids |= {m.group(1).lower() for m in re.finditer(r"\[([\w.\-]+/[\w.\-]+)\]", segment)}
    ids = {i for i in ids if not i.startswith(("datasets/", "spaces/"))}
    return bool(ids) and (model_id is None or model_id.lower() not in ids)


def prose_statements(card: Card, *, source: str, revision: str | None, model_id: str | None = None) -> list[Statement]:
    """Licences the card's text names for this model (weights, code or both)."""
    out: list[Statement] = []
    seen: set[tuple[int, str]] = set()
    for cand in _items(_candidates(card), card.masked):
        segment = card.masked[cand.start : cand.end]
        text = plain(segment)
        if (_THIRD_PARTY.search(text) and not cand.key_value) or _names_other_model(segment, model_id):
            continue
        if cand.key_value and _nested_under_other_model(card, cand.start, model_id):
            continue
        mentions = [
            m
            for m in licence_mentions(segment)
            if not _negated(segment, m[0]) and not _about_other(segment, m[3], model_id)
        ]
        if not mentions:
            continue
        analyses = [(s, e, key, words, licensing.analyze_id(key)) for s, e, key, words in mentions]
        # "dual-licensed under X or Y": a choice, not a code/weights split
        either = re.search(r"\bdual[- ]licen|\bor\b|\beither\b", segment, re.IGNORECASE) is not None
        opens = [a for a in analyses if a[4].open_source and not either]
        others = [a for a in analyses if not a[4].open_source]
        for s, e, _key, words, analysis in analyses:
            line_no = card.line(cand.start + s)
            if (line_no, words.lower()) in seen:
                continue
            seen.add((line_no, words.lower()))
            scopes = _clause_scopes(segment, s, e, cand.scopes)
            if opens and others and scopes != (LicenseScope.CODE,) and cand.scopes != (LicenseScope.CODE,):
                # "requires adherence to Apache-2.0 and the X Community License": an open licence next to a
                # model licence in one sentence is, in practice, the code's and the weights' licence.
                scopes = (LicenseScope.CODE,) if analysis.open_source else (LicenseScope.WEIGHTS,)
            start = cand.start + s
            if cand.key_value:
                quote = line_quote(card, card.line(start))
            else:
                q_left, q_right = sentence_span(card.text, start, cand.start + e, floor=card.body_start)
                quote = clip_quote(card.text[max(q_left, cand.start) : min(q_right, cand.end)])
            identified = analysis.grade is not Grade.UNKNOWN
            section = card.section_at(start)
            out.append(
                Statement(
                    layer="card_prose",
                    scopes=scopes,
                    raw=words,
                    analysis=analysis,
                    evidence=Evidence(
                        component=Component.LICENSE,
                        grade=analysis.grade,
                        source=source,
                        revision=revision,
                        locator=Locator(line=card.line(start), section=section.title if section else None),
                        quote=quote,
                        extractor=EXTRACTOR["card_prose"],
                        note=msg("audit.license.prose", license=words, scopes=_scope_words(scopes)),
                        confidence=0.7 if identified else 0.5,
                    ),
                )
            )
    return out


def section_terms(card: Card, *, source: str, revision: str | None) -> list[Statement]:
    """Restrictions the card's licence section states in its own words (no licence named), as a weights statement.

    "Weights are open for academic research; commercial use needs an application" restricts use as surely as a
    named licence does. Only clause types that block the OSD count; the section text goes to the licence engine.
    """
    out: list[Statement] = []
    for section in _licence_sections(card)[:3]:
        body = card.text[section.start : min(section.end, section.start + 3000)]
        if not body.strip():
            continue
        analysis = licensing.analyze_text(body, source=f"{source}#{section.title}")
        if not analysis.blocking or analysis.license.id != UNKNOWN_ID:
            continue  # nothing restrictive, or a named licence (the mentions cover those)
        clause = next((c for c in analysis.clauses if c.type in analysis.blocking), None)
        line = (
            card.line(section.start + clause.start) if clause is not None and clause.start is not None else section.line
        )
        out.append(
            Statement(
                layer="card_prose",
                scopes=(LicenseScope.WEIGHTS,),
                raw=msg("audit.license.section_terms", section=section.title),
                analysis=analysis,
                evidence=Evidence(
                    component=Component.LICENSE,
                    grade=analysis.grade,
                    source=source,
                    revision=revision,
                    locator=Locator(line=line, section=section.title),
                    quote=clip_quote(clause.quote) if clause is not None else None,
                    extractor=EXTRACTOR["card_prose"],
                    note=msg("audit.license.section_terms_note", clauses=", ".join(analysis.blocking)),
                    confidence=0.5,
                ),
            )
        )
    return out


def _scope_words(scopes: tuple[LicenseScope, ...]) -> str:
    return "+".join(s.value for s in scopes)
