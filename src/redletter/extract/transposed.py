"""Tables printed on their side: one column per party, one row per field.

A letter with few parties may set them side by side: the first column holds the field labels
("Name", "Also known as", "Address", "Country", "HS-6"), each other column one party, and a
band above may say which ("Party A | Party B | Party C"). Read row by row, such a table looks
like a table whose header is "Party A | Party B" and whose names are "Name", "Address": no
party at all. It shows itself by its first column: labels of three fields or more, each once,
the party's name among them, while the other columns hold data, not labels.

Ruled, the grid's cells say where each value is (``transposed_fragments``). Unruled, the line
with the name label gives the party columns (where its values start), and the table runs up and
down from it over the lines that keep to those columns (``transposed_tables``): a line of prose
runs across them and ends it, as does a label given twice (the next block of parties).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redletter.extract.geometry import Line, PageLayout, Word, union_bbox, words_to_lines
from redletter.extract.grid import Grid, GridBand
from redletter.extract.headers import header_match, header_role
from redletter.extract.rows import Row
from redletter.extract.tables import Column, TableFragment, TableModel, line_cells

_MIN_FIELDS = 3  # labelled rows, with distinct roles, one of them the name
_LABELLED = 0.75  # of the rows whose first cell holds text, at least, hold a field label
_GAP = 2.5  # font sizes: a wider gap between two lines ends an unruled table
_TOLERANCE = 2.0  # points: a value starts this far left of its column at most


def _label(text: str) -> str | None:
    """The role of a field label: the whole text is header vocabulary."""
    text = text.strip().rstrip(":").strip()
    return header_role(text) if text and not text.startswith("(") else None


def transposed_fragments(grid: Grid, found: Sequence[GridBand], page: int) -> list[TableFragment]:
    """The parties of a grid whose first column labels its rows, one fragment of one row per
    party column (each with its own width, which tells a wrapped alias from two); none when the
    grid is no such table."""
    if len(grid.xs) < 3:
        return []
    labelled = [b for b in found if b.text(0)]
    roles = [_label(b.text(0)) for b in labelled]
    fields = [(b, r) for b, r in zip(labelled, roles, strict=True) if r]
    kinds = [r for _, r in fields]
    if (len(fields) < _MIN_FIELDS or len(set(kinds)) < len(kinds) or "name" not in kinds
            or len(fields) < _LABELLED * len(labelled)):
        return []
    name_band = next(b for b, r in fields if r == "name")
    names = [t for k in range(1, len(grid.xs) - 1) if (t := name_band.text(k))]
    if not names or any(_label(t) for t in names):
        return []  # the names are labels: a header row, not a transposed table
    per_column = [(role, b.text(0), [list(b.cells[k]) for k in range(1, len(grid.xs) - 1)])
                  for b, role in fields]
    return _party_fragments(per_column, grid.xs[1:-1], grid.xs[-1], page)


def _party_fragments(fields: Sequence[tuple[str, str, list[list[Word]]]], starts: Sequence[float],
                     right: float, page: int) -> list[TableFragment]:
    """One fragment of one row per party column; ``fields`` holds each field's role, label and
    words per party column."""
    out: list[TableFragment] = []
    name = next(k for k, (role, _, _) in enumerate(fields) if role == "name")
    for j, x0 in enumerate(starts):
        if not fields[name][2][j]:
            continue
        x1 = starts[j + 1] if j + 1 < len(starts) else right
        cells = tuple(tuple(words_to_lines(per_column[j])) for _, _, per_column in fields)
        row = Row(cells, union_bbox(w for _, _, per_column in fields for w in per_column[j]), page)
        columns = tuple(Column(role, label, x0, x1, role) for role, label, _ in fields)
        out.append(TableFragment(TableModel(columns, (), x0, x1, "party"), page, [row]))
    return out


@dataclass(frozen=True, slots=True)
class _Layout:
    """An unruled transposed table's columns: where the labels start, where each party's
    values start."""

    left: float
    starts: tuple[float, ...]

    def column(self, word: Word) -> int:
        """-1 for the label column, else the party column a word starts in."""
        return sum(1 for x in self.starts if word.x0 >= x - _TOLERANCE) - 1

    def fits(self, line: Line) -> bool:
        """Whether every word of a line keeps to one column (running text crosses them)."""
        edges = [s - _TOLERANCE for s in self.starts]
        return line.x0 >= self.left - _TOLERANCE and not any(
            w.x0 < e < w.x1 for w in line.words for e in edges)

    def label(self, line: Line) -> str:
        return " ".join(w.text for w in line.words if self.column(w) < 0)


def _heading(text: str) -> bool:
    """A party column's heading: a name label and a letter or number ("Party B", "Entity 2")."""
    words = text.split()
    return len(words) == 2 and len(words[1]) <= 3 and words[1].isalnum() and _label(words[0]) == "name"


def _layout(line: Line) -> _Layout | None:
    """The columns a line gives when it is the name label followed by two values or more."""
    first = line.words[0].text
    if len(line.words) < 3 or (header_match(first).role is None
                               and header_match(f"{first} {line.words[1].text}").role is None):
        return None  # (most lines: no label word first, "Legal name" included; not cut in cells)
    cells = line_cells(line)
    if len(cells) < 3 or _label(cells[0].text) != "name":
        return None
    if any(_label(c.text) or _heading(c.text) for c in cells[1:]):
        return None  # a header row of labels, or the parties' headings ("Party A | Party B")
    return _Layout(cells[0].x0, tuple(c.x0 for c in cells[1:]))


def _extent(lines: Sequence[Line], i: int, layout: _Layout) -> tuple[int, int]:
    """The lines around the name line ``i`` that keep to its columns, close together, with no
    label given twice."""
    def close(a: Line, b: Line) -> bool:
        return b.top - a.bottom <= _GAP * max(a.size, b.size)

    seen = {"name"}
    start = i
    while start > 0 and close(lines[start - 1], lines[start]) and layout.fits(lines[start - 1]):
        role = _label(layout.label(lines[start - 1]))
        if role in seen:
            break
        if role:
            seen.add(role)
        start -= 1
    end = i + 1
    while end < len(lines) and close(lines[end - 1], lines[end]) and layout.fits(lines[end]):
        role = _label(layout.label(lines[end]))
        if role in seen:
            break
        if role:
            seen.add(role)
        end += 1
    return start, end


def _fields(lines: Sequence[Line], layout: _Layout) -> list[tuple[str, str, list[list[Word]]]]:
    """Each labelled field's role, label and words per party column (the lines above the first
    label, "Party A | Party B", say which party a column is and are left out)."""
    out: list[tuple[str, str, list[list[Word]]]] = []
    for ln in lines:
        label = layout.label(ln)
        role = _label(label)
        if role:
            out.append((role, label, [[] for _ in layout.starts]))
        elif not out:
            continue
        elif label:
            role, text, per_column = out[-1]
            out[-1] = (role, f"{text} {label}", per_column)
        for w in ln.words:
            if (k := layout.column(w)) >= 0:
                out[-1][2][k].append(w)
    return out


def transposed_tables(page: PageLayout, lines: Sequence[Line]) -> tuple[list[TableFragment], list[Line]]:
    """The parties of unruled transposed tables among ``lines``, and the lines left over."""
    fragments: list[TableFragment] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        layout = _layout(lines[i])
        if layout is None:
            i += 1
            continue
        start, end = _extent(lines, i, layout)
        fields = _fields(lines[start:end], layout)
        roles = [role for role, _, _ in fields]
        if len(fields) < _MIN_FIELDS or len(set(roles)) < len(roles):
            i += 1
            continue
        right = max(ln.x1 for ln in lines[start:end])
        fragments += _party_fragments(fields, layout.starts, right, page.number)
        used.update(range(start, end))
        i = end
    return fragments, [ln for k, ln in enumerate(lines) if k not in used]
