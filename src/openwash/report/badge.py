"""An SVG badge in the shields.io "flat" style that states the verdict honestly.

Left: ``openwash``. Right: the headline of :func:`openwash.report.common.headline`
- "open source ✓" only for a model that conforms to the OSAID; otherwise the
truth ("open weights · restricted licence", "closed", "openwashing",
"unknown: not enough evidence", ...). The colour follows the verdict.

Text widths are computed from a fixed table of Verdana 11px advance widths
(no font is read), and each text carries ``textLength`` so every renderer draws
it at exactly that width. Text is escaped; the output is deterministic.
"""

from __future__ import annotations

import hashlib
import unicodedata
from html import escape
from typing import TYPE_CHECKING

from openwash.report.build_common import mof_label
from openwash.report.common import Tr, headline, osaid_key

if TYPE_CHECKING:
    from openwash.core.results import Assessment

#: Badge colours by tone (shields.io palette).
COLORS: dict[str, str] = {
    "good": "#4c1",  # brightgreen: open source
    "fair": "#97ca00",  # green: open weights under an open licence
    "warn": "#fe7d37",  # orange: restricted or gated
    "bad": "#e05d44",  # red: closed, openwashing
    "neutral": "#9f9f9f",  # lightgrey: unknown
}
LABEL_COLOR = "#555"

# Advance widths (px) of Verdana at 11px for printable ASCII, from 0x20 to 0x7e.
_ASCII = (
    3.9,
    4.7,
    5.5,
    9.2,
    7.0,
    12.0,
    8.0,
    3.2,
    5.0,
    5.0,
    7.0,
    9.2,
    4.0,
    5.0,
    4.0,
    5.0,  # ' ' .. '/'
    7.0,
    7.0,
    7.0,
    7.0,
    7.0,
    7.0,
    7.0,
    7.0,
    7.0,
    7.0,
    5.0,
    5.0,
    9.2,
    9.2,
    9.2,
    6.0,  # '0' .. '?'
    11.0,
    7.5,
    7.6,
    7.7,
    8.5,
    7.0,
    6.3,
    8.5,
    8.3,
    4.6,
    5.0,
    7.6,
    6.1,
    9.4,
    8.2,
    8.7,  # '@' .. 'O'
    6.6,
    8.7,
    7.7,
    7.5,
    6.8,
    8.1,
    7.5,
    10.9,
    7.5,
    6.8,
    7.5,
    5.0,
    5.0,
    5.0,
    9.2,
    7.0,  # 'P' .. '_'
    7.0,
    6.6,
    6.8,
    5.7,
    6.8,
    6.6,
    3.9,
    6.8,
    7.0,
    3.0,
    3.8,
    6.5,
    3.0,
    10.7,
    7.0,
    6.7,  # '`' .. 'o'
    6.8,
    6.8,
    4.7,
    5.7,
    4.3,
    7.0,
    6.5,
    9.0,
    6.5,
    6.5,
    5.8,
    7.0,
    5.0,
    7.0,
    9.2,  # 'p' .. '~'
)
_WIDE = 11.0  # CJK and other wide characters: one em
_OTHER = 7.0  # any other character (e.g. '·', '✓', accented letters)
_PAD = 6  # horizontal padding each side of a text


def text_width(text: str) -> float:
    """Width of ``text`` in px at Verdana 11px, from the fixed table (no font needed)."""
    total = 0.0
    for ch in text:
        code = ord(ch)
        if 0x20 <= code <= 0x7E:  # noqa: PLR2004
            total += _ASCII[code - 0x20]
        elif unicodedata.combining(ch):
            continue
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            total += _WIDE
        else:
            total += _OTHER
    return round(total, 1)


def badge_svg(label: str, message: str, color: str, *, title: str | None = None) -> str:
    """Return a flat badge: ``label`` on grey, ``message`` on ``color``."""
    label_text = round(text_width(label))
    message_text = round(text_width(message))
    left = label_text + 2 * _PAD
    right = message_text + 2 * _PAD
    width = left + right
    full = title or f"{label}: {message}"
    a_label, a_message, a_title, a_color = (escape(s, quote=True) for s in (label, message, full, color))
    # Ids unique to the content, so several badges inlined in one page do not share a clip path.
    uid = hashlib.sha256(f"{label}\0{message}\0{color}".encode()).hexdigest()[:8]
    # Coordinates are in tenths of a pixel under scale(.1), like shields.io, for crisp text.
    lx, mx = left * 5, left * 10 + right * 5
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" aria-label="{a_title}">'
        f"<title>{a_title}</title>"
        f'<linearGradient id="s{uid}" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/>'
        '<stop offset="1" stop-opacity=".1"/></linearGradient>'
        f'<clipPath id="r{uid}"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath>'
        f'<g clip-path="url(#r{uid})"><rect width="{left}" height="20" fill="{LABEL_COLOR}"/>'
        f'<rect x="{left}" width="{right}" height="20" fill="{a_color}"/>'
        f'<rect width="{width}" height="20" fill="url(#s{uid})"/></g>'
        '<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" '
        'text-rendering="geometricPrecision" font-size="110">'
        f'<text aria-hidden="true" x="{lx}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" '
        f'textLength="{label_text * 10}" lengthAdjust="spacingAndGlyphs">{a_label}</text>'
        f'<text x="{lx}" y="140" transform="scale(.1)" textLength="{label_text * 10}" '
        f'lengthAdjust="spacingAndGlyphs">{a_label}</text>'
        f'<text aria-hidden="true" x="{mx}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" '
        f'textLength="{message_text * 10}" lengthAdjust="spacingAndGlyphs">{a_message}</text>'
        f'<text x="{mx}" y="140" transform="scale(.1)" textLength="{message_text * 10}" '
        f'lengthAdjust="spacingAndGlyphs">{a_message}</text>'
        "</g></svg>\n"
    )


def render_badge(assessment: Assessment, *, lang: str = "en") -> str:
    """Render the badge of one assessed model (``openwash check --badge FILE``)."""
    tr = Tr(lang)
    h = headline(assessment)
    message = h.text(tr)
    osaid, _ = osaid_key(assessment.osaid.conformant)
    title = tr.ui(
        "badge.title",
        model=assessment.model.name or assessment.model.id,
        verdict=message,
        osaid=tr.ui(osaid),
        mof=mof_label(tr, assessment.mof.class_),
    )
    return badge_svg("openwash", message, COLORS.get(h.tone, COLORS["neutral"]), title=title)
