"""Find the clauses of SPEC §3.3 in a licence text, in English or Chinese.

Detection reads what a text says, not which licence it is: the text is
normalised once (:class:`~openwash.licenses.textmap.TextView`), semantic
patterns (:mod:`clause_patterns_en`, :mod:`clause_patterns_zh`) run over the
normalised view, and every match is mapped back to the exact characters of
the text as given. For each clause type the first match accepted (patterns
are tried in the order of the tables, the most telling first) is reported with
the sentence that shows it (at most 300 characters), its line, the licence's own
section number, the parameters the sentence states (user counts, revenue,
region, policy URL) and a one-sentence summary.

Two rules work across clauses, following SPEC §3.3:

* ``restrictions_flow_down`` is only reported when the text also restricts
  use (``use_restrictions``); passing on a licence that forbids nothing is a
  plain notice duty (``attribution_notice``);
* ``non_commercial`` is dropped when the text offers commercial use after an
  application or written approval (``commercial_permission``): the default
  is then "ask first", not "never".

Patterns are compiled on first use. Every gap in a pattern is bounded and each
pattern is searched until its first accepted match, with a cap on the matches
examined, so a hostile input of a megabyte is still handled in bounded time.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Final

from openwash.core.facts import MAX_QUOTE, Clause
from openwash.core.vocab import ClauseType
from openwash.licenses.clause_params import SENTENCE_REACH, clause_params, clause_summary
from openwash.licenses.textmap import SENTENCE_END, TextView

if TYPE_CHECKING:
    from collections.abc import Iterator

    from openwash.licenses.clause_patterns_en import Spec

__all__ = ["detect_clauses"]

#: Matches examined per pattern before giving up on it (bounds hostile inputs).
MAX_MATCHES_PER_PATTERN: Final = 40
#: Sentences looked at per anchor word of a pattern (bounds hostile inputs).
MAX_WINDOWS_PER_ANCHOR: Final = 400
#: Characters around a match's sentence in which a ``context_veto`` is looked for.
CONTEXT_REACH: Final = 300
#: Characters a paragraph window may extend on either side of an anchor word.
PARAGRAPH_REACH: Final = 2000

_GAP_CLASS: Final = "[^" + re.escape(SENTENCE_END) + "]"
_PARAGRAPH_CLASS: Final = r"[^\n]"


# ---------------------------------------------------------------------------
# Pattern compilation


def _expand(source: str) -> str:
    """Expand the pattern notation of :mod:`clause_patterns_en` into a regular expression."""
    out: list[str] = []
    i = 0
    in_class = False
    n = len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            out.append(source[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
        elif c in "…⋯":
            j = i + 1
            while j < n and source[j].isdigit():
                j += 1
            width = source[i + 1 : j]
            if not width:
                raise ValueError(f"gap without a width in pattern {source!r}")
            gap_class = _GAP_CLASS if c == "…" else _PARAGRAPH_CLASS
            out.append(f"{gap_class}{{0,{width}}}?")
            i = j
            continue
        elif c == " ":
            out.append(" ?")
        else:
            out.append(c)
        i += 1
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _Rule:
    type: ClauseType
    pattern: re.Pattern[str]
    anchors: tuple[str, ...]
    paragraph: bool  # the pattern may span sentences (it has a ``⋯`` gap)
    veto: re.Pattern[str] | None
    require: re.Pattern[str] | None
    confidence: float
    context_veto: re.Pattern[str] | None = None
    also: tuple[str, ...] = ()


def _shared_anchors(specs: tuple[Spec, ...]) -> dict[str, str]:
    """Map each anchor word to the shortest anchor it contains ("updated" -> "update").

    A sentence holding "updated" also holds "update", so searching the
    sentences of the shorter word is enough, and each word is looked up once.
    """
    words = sorted({w for spec in specs for w in spec.needs}, key=len)
    return {w: next(short for short in words if short in w) for w in words}


def _compile(source: str | None) -> re.Pattern[str] | None:
    return re.compile(_expand(source)) if source else None


@cache
def _rules() -> tuple[_Rule, ...]:
    from openwash.licenses import clause_patterns_en, clause_patterns_zh

    specs = (*clause_patterns_en.SPECS, *clause_patterns_zh.SPECS)
    shared = _shared_anchors(specs)
    return tuple(
        _Rule(
            type=spec.type,
            pattern=re.compile(_expand(spec.pattern)),
            anchors=tuple(dict.fromkeys(shared[w] for w in spec.needs)),
            paragraph="⋯" in spec.pattern,
            veto=_compile(spec.veto),
            require=_compile(spec.require),
            confidence=spec.confidence,
            context_veto=_compile(spec.context_veto),
            also=spec.also,
        )
        for spec in specs
    )


# ---------------------------------------------------------------------------
# Matching


@dataclass(frozen=True, slots=True)
class _Hit:
    type: ClauseType
    start: int  # normalised offsets of the match
    end: int
    confidence: float


_WindowCache = dict[tuple[str, bool], list[tuple[int, int]]]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(spans) < 2:  # noqa: PLR2004
        return spans
    spans.sort()
    merged = [spans[0]]
    for s, e in spans[1:]:
        last_s, last_e = merged[-1]
        if s <= last_e:
            merged[-1] = (last_s, max(last_e, e))
        else:
            merged.append((s, e))
    return merged


def _word_windows(view: TextView, word: str, paragraph: bool, cache: _WindowCache) -> list[tuple[int, int]]:
    """Sentences (or paragraphs) of the normalised text that hold ``word``, in order (computed once per text)."""
    key = (word, paragraph)
    spans = cache.get(key)
    if spans is not None:
        return spans
    spans = []
    cache[key] = spans
    if word not in view.vocabulary:  # the words of the text, once each: a quick test of absence
        return spans
    norm = view.norm
    size = len(norm)
    bounds = view.breaks if paragraph else view.stops  # sentence (paragraph) ends, in order
    reach = PARAGRAPH_REACH if paragraph else SENTENCE_REACH
    last = len(bounds)
    pos = norm.find(word)
    while pos != -1 and len(spans) < MAX_WINDOWS_PER_ANCHOR:
        i = bisect_left(bounds, pos)
        start = bounds[i - 1] + 1 if i else 0
        end = bounds[i] + 1 if i < last else size
        start = max(start, pos - reach)
        end = max(min(end, pos + reach), pos + len(word))
        spans.append((start, end))
        pos = norm.find(word, end)
    return spans


def _windows(view: TextView, rule: _Rule, cache: _WindowCache) -> list[tuple[int, int]]:
    """Sentences (or paragraphs) that hold an anchor word of ``rule``, merged and in order."""
    spans: list[tuple[int, int]] = []
    for word in rule.anchors:
        spans.extend(_word_windows(view, word, rule.paragraph, cache))
    return _merge(spans)


def _first_hit(view: TextView, rule: _Rule, cache: _WindowCache) -> _Hit | None:
    norm = view.norm
    examined = 0
    also = rule.also
    for w_start, w_end in _windows(view, rule, cache):
        if also:
            window = norm[w_start:w_end]
            if not any(word in window for word in also):
                continue
        for m in rule.pattern.finditer(norm, w_start, w_end):
            examined += 1
            if examined > MAX_MATCHES_PER_PATTERN:
                return None
            if m.end() == m.start():
                continue
            s, e = view.sentence(m.start(), m.end(), reach=SENTENCE_REACH)
            sentence = norm[s:e]
            if rule.veto is not None and rule.veto.search(sentence):
                continue
            if rule.require is not None and not rule.require.search(sentence):
                continue
            if rule.context_veto is not None and rule.context_veto.search(
                norm, max(0, s - CONTEXT_REACH), min(len(norm), e + CONTEXT_REACH)
            ):
                continue
            return _Hit(rule.type, m.start(), m.end(), rule.confidence)
    return None


def _hits(view: TextView) -> Iterator[_Hit]:
    """Yield the first accepted match of each clause type; patterns are tried in the order of the tables."""
    cache: _WindowCache = {}
    found: set[ClauseType] = set()
    for rule in _rules():
        if rule.type in found:
            continue
        hit = _first_hit(view, rule, cache)
        if hit is not None:
            found.add(rule.type)
            yield hit


def _select(hits: list[_Hit]) -> dict[ClauseType, _Hit]:
    best: dict[ClauseType, _Hit] = {}
    for hit in hits:
        best.setdefault(hit.type, hit)
    if ClauseType.USE_RESTRICTIONS not in best:
        best.pop(ClauseType.RESTRICTIONS_FLOW_DOWN, None)
    if ClauseType.COMMERCIAL_PERMISSION in best:
        best.pop(ClauseType.NON_COMMERCIAL, None)
    return best


# ---------------------------------------------------------------------------
# Quotes, lines and sections

_LEAD: Final = re.compile(
    r"(?:[\s*_#>•·\-)）】」、，。；：,;:]+"  # spaces, markup and punctuation left from the previous sentence
    r"|(?i:section|article|clause|§)[ \t]*[\dIVXLC]{1,4}(?:\.\d{1,3})*[.:)]?(?=\W)"  # "Section 4."
    r"|\(?(?:\d{1,3}(?:\.\d{1,3})*|[A-Za-z]|[ivxlcIVXLC]{1,6})[.)](?=\s)"  # "2.1.", "b)", "(iv)"
    r"|\((?:\d{1,3}|[A-Za-z]|[ivxlc]{1,6})\)"
    r"|[一二三四五六七八九十]+、|\d{1,3}(?:\.\d{1,3})*\.?(?=[\u4e00-\u9fff]))+"
)
_TRAIL: Final = re.compile(r"[\s*_#]+$")


def _snap_start(text: str, pos: int, limit: int) -> int:
    """Move ``pos`` forward to the start of a word (not past ``limit``)."""
    if pos == 0 or text[pos - 1].isspace() or not text[pos - 1].isalnum():
        return pos
    space = text.find(" ", pos, limit)
    return space + 1 if space != -1 else pos


def _snap_end(text: str, pos: int, limit: int) -> int:
    """Move ``pos`` back to the end of a word (not before ``limit``)."""
    if pos >= len(text) or text[pos].isspace() or not text[pos].isalnum():
        return pos
    space = text.rfind(" ", limit, pos)
    return space if space != -1 else pos


def _quote_span(view: TextView, hit: _Hit) -> tuple[int, int]:
    """Original offsets of a readable quote (at most MAX_QUOTE characters) holding the match."""
    text = view.original
    s, e = view.sentence(hit.start, hit.end, soft=True, reach=SENTENCE_REACH)
    q_start, q_end = view.to_original(s, e)
    m_start, m_end = view.to_original(hit.start, hit.end)
    q_start = min(q_start, m_start)
    q_end = max(q_end, m_end)
    lead = _LEAD.match(text, q_start, m_start)
    if lead:
        q_start = lead.end()
    trail = _TRAIL.search(text, m_end, q_end)
    if trail:
        q_end = trail.start()
    if q_end - q_start <= MAX_QUOTE:
        return q_start, q_end
    if m_end - m_start >= MAX_QUOTE:
        return m_start, _snap_end(text, m_start + MAX_QUOTE, m_start + MAX_QUOTE // 2)
    if m_end - q_start <= MAX_QUOTE:  # keep the start of the sentence
        return q_start, _snap_end(text, q_start + MAX_QUOTE, m_end)
    if q_end - m_start <= MAX_QUOTE:  # keep the end of the sentence
        return _snap_start(text, q_end - MAX_QUOTE, m_start), q_end
    start = _snap_start(text, max(q_start, m_start - (MAX_QUOTE - (m_end - m_start)) // 2), m_start)
    return start, _snap_end(text, min(q_end, start + MAX_QUOTE), m_end)


_MARKER_BODY: Final = (
    r"[ \t>#*_]*(?:(?P<part>(?i:section|article|part|chapter|exhibit|attachment|appendix|schedule|annex))[ \t]+"
    r"(?P<partv>[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3})*|[A-Z])(?=[ \t.:)\-–]|$)|(?:§[ \t]*)?"
    r"(?:(?P<dotted>\d{1,3}(?:\.\d{1,3})+)\.?|(?P<num>\d{1,3})(?P<numd>[.)])|\((?P<pnum>\d{1,3})\)"
    r"|(?P<bare>\d{1,2})(?=[ \t]+[A-Z][a-z])"
    r"|(?P<let>[A-Za-z]|[ivxlc]{2,6}|[IVXLC]{2,6})(?P<letd>[.)])|\((?P<plet>[A-Za-z]|[ivxlc]{2,6})\)"
    r"|(?P<cnart>第[一二三四五六七八九十百零〇两\d]+[条章节])|(?P<cnnum>[一二三四五六七八九十]+)、)"
    r"(?=[ \t\u3000]|[\u4e00-\u9fff]|\r?\n|$))"
)
# One scan from each line break (a literal first character keeps it fast), plus the first line.
_MARKER_AFTER_BREAK: Final = re.compile(r"\n" + _MARKER_BODY)
_MARKER_AT_START: Final = re.compile(_MARKER_BODY)
_ROMAN: Final = frozenset("ivxlc")
_NEXT_LETTER: Final = {chr(c): chr(c + 1) for c in range(ord("a"), ord("z"))}


@dataclass(frozen=True, slots=True)
class _Marker:
    pos: int
    kind: str  # "num", "cnart", "cnnum", or a letter kind resolved when replayed
    delim: str
    value: str


def _markers(text: str, limit: int) -> list[_Marker]:
    """Numbering markers at line starts before ``limit``, in order."""
    found: list[_Marker] = []
    first = _MARKER_AT_START.match(text)
    matches = [first] if first else []
    matches.extend(_MARKER_AFTER_BREAK.finditer(text, 0, min(len(text), limit + 200)))
    for m in matches:
        g = m.groupdict()
        if g["part"]:
            word = g["part"].lower()
            value = g["partv"] if word in ("section", "article", "part", "chapter") else f"{word.title()} {g['partv']}"
            found.append(_Marker(m.start(), "part", "", value))
        elif g["bare"]:
            found.append(_Marker(m.start(), "num", ".", g["bare"]))
        elif g["dotted"]:
            found.append(_Marker(m.start(), "num", ".", g["dotted"]))
        elif g["num"]:
            found.append(_Marker(m.start(), "num", g["numd"], g["num"]))
        elif g["pnum"]:
            found.append(_Marker(m.start(), "num", "()", g["pnum"]))
        elif g["let"]:
            found.append(_Marker(m.start(), "letter", g["letd"], g["let"]))
        elif g["plet"]:
            found.append(_Marker(m.start(), "letter", "()", g["plet"]))
        elif g["cnart"]:
            found.append(_Marker(m.start(), "cnart", "", g["cnart"]))
        elif g["cnnum"]:
            found.append(_Marker(m.start(), "cnnum", "、", g["cnnum"]))
    return found


def _letter_kind(value: str, stack: list[tuple[str, str]]) -> str:
    """``alpha``/``roman`` (lower) or ``ALPHA``/``ROMAN`` (upper) for a letter marker."""
    upper = value.isupper()
    low = value.lower()
    alpha, roman = ("ALPHA", "ROMAN") if upper else ("alpha", "roman")
    if len(low) > 1:
        return roman
    if low not in _ROMAN:
        return alpha
    prev_alpha = next((v for k, v in reversed(stack) if k.startswith(alpha)), None)
    if prev_alpha is not None and _NEXT_LETTER.get(prev_alpha.lower()) == low:
        return alpha
    if any(k.startswith(roman) for k, _ in stack) or low == "i":
        return roman
    return alpha


def _sections(markers: list[_Marker], positions: list[int]) -> dict[int, str | None]:
    """Map each of ``positions`` to the section number in force there, replaying the markers once."""
    result: dict[int, str | None] = {}
    stack: list[tuple[str, str]] = []  # (style, value)
    todo = sorted(set(positions))
    i = 0
    for marker in markers:
        while i < len(todo) and todo[i] < marker.pos:
            result[todo[i]] = ".".join(value for _, value in stack) or None
            i += 1
        if i == len(todo):
            break
        if marker.kind == "part":
            stack.clear()
        kind = _letter_kind(marker.value, stack) if marker.kind == "letter" else marker.kind
        style = f"{kind}{marker.delim}"
        parent = marker.value.rsplit(".", 1)[0] if "." in marker.value else None
        for level, (existing, value) in enumerate(stack):
            if existing == style or value == parent:  # "3.1" follows "Section 3" or "3." at the same level
                del stack[level:]
                break
        stack.append((style, marker.value))
    for pos in todo[i:]:
        result[pos] = ".".join(value for _, value in stack) or None
    return result


# ---------------------------------------------------------------------------
# Public entry point


def detect_clauses(text: str) -> tuple[Clause, ...]:
    """Every clause of SPEC §3.3 found in `text`, sorted by start offset."""
    if not text or not text.strip():
        return ()
    view = TextView(text)
    best = _select(list(_hits(view)))
    if not best:
        return ()
    spans = {clause_type: _quote_span(view, hit) for clause_type, hit in best.items()}
    markers = _markers(text, max(start for start, _ in spans.values()) + 1)
    sections = _sections(markers, [start for start, _ in spans.values()])
    clauses: list[Clause] = []
    for clause_type, hit in best.items():
        start, end = spans[clause_type]
        params = clause_params(view, hit.start, hit.end, clause_type)
        clauses.append(
            Clause(
                type=clause_type,
                quote=text[start:end],
                start=start,
                end=end,
                summary=clause_summary(clause_type, params),
                line=text.count("\n", 0, start) + 1,
                section=sections[start],
                params=params,
                confidence=hit.confidence,
            )
        )
    clauses.sort(key=lambda c: (c.start or 0, c.type.value))
    return tuple(clauses)
