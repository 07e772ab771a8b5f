"""A tiny document model shared by the human-readable formats.

The builders (:mod:`openwash.report.build`, :mod:`~openwash.report.build_license`,
:mod:`~openwash.report.build_multi`) turn results into a tree of these nodes
once; :mod:`~openwash.report.terminal`, :mod:`~openwash.report.markdown` and
:mod:`~openwash.report.html` each serialise the same tree. So the three
formats always state the same facts, and escaping is done in one place per
format (the builders never produce markup).

Inline text is a ``str`` or a :class:`Span`; a :class:`Span` carries a style
(see :data:`STYLES`) and, optionally, a URL. A URL is rendered as a link only
when it is ``http(s)``; anything else is shown as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Inline styles a renderer must understand (unknown styles render as plain text).
#: ``grade-<grade>`` styles a grade label; ``good``/``bad``/``warn``/``neutral``
#: the tone of a verdict; ``mark`` is a highlighted quote inside its context.
STYLES = frozenset(
    {
        "strong",
        "em",
        "code",
        "muted",
        "mark",
        "quote",
        "good",
        "bad",
        "warn",
        "neutral",
        "grade-open",
        "grade-partial",
        "grade-closed",
        "grade-unknown",
        "grade-not_applicable",
    }
)


@dataclass(frozen=True, slots=True)
class Span:
    """Styled inline text, optionally a link."""

    text: str
    style: str = ""
    url: str | None = None


Inline = str | Span
Line = tuple[Inline, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Para:
    """A paragraph."""

    line: Line
    role: str = ""  # "note" (small print), "lead" (summary sentence)


@dataclass(frozen=True, kw_only=True, slots=True)
class Fields:
    """Label/value pairs (a definition list)."""

    rows: tuple[tuple[str, Line], ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Item:
    """One bullet: a line and nested blocks (evidence, quotes)."""

    line: Line
    children: tuple[Block, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class Bullets:
    """A bulleted list."""

    items: tuple[Item, ...]
    role: str = ""  # "evidence", "clauses", ...


@dataclass(frozen=True, kw_only=True, slots=True)
class Column:
    """A table column."""

    label: str
    key: str
    numeric: bool = False  # sorts as a number
    sortable: bool = False
    right: bool | None = None  # right-aligned; default: numeric columns are
    max_width: int | None = None  # terminal only: longer cells are cut with "…"

    @property
    def align_right(self) -> bool:
        """Whether cells of this column are right-aligned."""
        return self.numeric if self.right is None else self.right


@dataclass(frozen=True, kw_only=True, slots=True)
class Row:
    """A table row. ``sort`` holds one sort key per column (numbers or text; None sorts last)."""

    cells: tuple[Line, ...]
    marked: bool = False  # e.g. the models differ in this row of a comparison
    sort: tuple[str | float | None, ...] = ()
    filter: str = ""  # lower-case text a filter matches against
    data: tuple[tuple[str, str], ...] = ()  # extra facets for filters, e.g. (("osaid", "no"),)


@dataclass(frozen=True, kw_only=True, slots=True)
class Table:
    """A table; ``role`` tells HTML to make it sortable/filterable ("index") or to mark differences ("compare")."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    role: str = ""
    id: str = ""
    marker_note: str = ""  # explains the row marker, e.g. "* the models differ"


@dataclass(frozen=True, kw_only=True, slots=True)
class Section:
    """A titled section. ``level`` 2 is a top-level section of a document."""

    title: Line
    level: int
    blocks: tuple[Block, ...]
    anchor: str = ""
    role: str = ""  # "model", "legend", "licence", ...
    collapsed: bool = False  # HTML may fold it in a <details>; text formats ignore this


Block = Para | Fields | Bullets | Table | Section


@dataclass(frozen=True, kw_only=True, slots=True)
class Document:
    """A whole report."""

    kind: str  # "check", "index", "compare", "license", "frameworks"
    title: str
    lang: str
    blocks: tuple[Block, ...]
    subtitle: Line = ()
    meta: dict[str, str] = field(default_factory=dict)


def plain(line: Line | str) -> str:
    """Return the text of ``line`` without styles."""
    if isinstance(line, str):
        return line
    return "".join(part if isinstance(part, str) else part.text for part in line)
