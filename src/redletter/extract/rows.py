"""Cut a table body into rows.

In order of trust: horizontal ruling lines or shaded bands across the table; an index column
("No.", "#") with a number at the start of each row; the extra space between rows (when line
gaps fall into two groups); and last, the column that is filled least often, which only holds
text on a row's first line (a country column, typically).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from redletter.extract.geometry import Line, PageLayout, Rule, Word, union_bbox, words_to_lines
from redletter.extract.headers import header_role
from redletter.extract.row_fit import fitted_starts
from redletter.schema import BBox

if TYPE_CHECKING:
    from redletter.extract.tables import TableModel

# A row number, also as OCR misreads it ("ll." for 11, "i:" for 1) in a column of row numbers.
_INDEX_TOKEN = re.compile(r"^\(?(?=[\dlIi|]*\d|[lIi|]{1,2}[.:])[\dlIi|]{1,4}[.):]?$")


@dataclass(frozen=True, slots=True)
class Row:
    """One table row: the text lines of each column, and the row's box on its page."""

    cells: tuple[tuple[Line, ...], ...]
    bbox: BBox
    page: int
    details: tuple[tuple[str, str], ...] = ()  # (role, text) of labelled lines across the row

    @property
    def words(self) -> list[Word]:
        return [w for cell in self.cells for ln in cell for w in ln.words]

    def text(self, column: int) -> str:
        """The text of one cell ('' past the last column)."""
        return cell_text(self.cells[column]) if column < len(self.cells) else ""


def cell_text(lines: Sequence[Line]) -> str:
    """The text of a cell: its lines joined, a line-end hyphen joined without a space."""
    out = ""
    for ln in lines:
        text = ln.text
        if out.endswith("-") and not out.endswith(" -"):
            out += text
        else:
            out = f"{out} {text}" if out else text
    return out.strip()


def _mid(line: Line) -> float:
    return (line.top + line.bottom) / 2


def _cuts(body: Sequence[Line], model: TableModel, page: PageLayout,
          h_rules: Sequence[Rule]) -> list[float]:
    top, bottom = body[0].top - 1, body[-1].bottom + 1
    cuts = [r.top for r in h_rules if top < r.top < bottom]
    width = model.x1 - model.x0
    for s in page.shades:
        if min(s.x1, model.x1) - max(s.x0, model.x0) > 0.6 * width and s.bottom > top and s.top < bottom:
            cuts += [s.top, s.bottom]
    return sorted(c for c in cuts if top < c < bottom)


def _starts_by_cuts(body: Sequence[Line], cuts: list[float]) -> list[bool]:
    starts = [True]
    for prev, ln in pairwise(body):
        starts.append(any(_mid(prev) < c < _mid(ln) for c in cuts))
    return starts


def _index_column(model: TableModel) -> int | None:
    return next((i for i, r in enumerate(model.roles) if r == "index"), None)


def _numbered_lines(body: Sequence[Line], model: TableModel, col: int) -> list[bool]:
    """For each body line, whether it holds a row number (a wrapped number counts once)."""
    tokens = [next((w.text for w in ln.words if model.column_of(w) == col
                    and _INDEX_TOKEN.match(w.text)), None) for ln in body]
    starts = [t is not None for t in tokens]
    _join_wrapped_numbers(body, tokens, starts)
    return starts


def _join_wrapped_numbers(body: Sequence[Line], tokens: Sequence[str | None],
                          starts: list[bool]) -> None:
    """A row number too wide for its narrow column wraps: "1" over "0" is row 10, not rows 1
    and 0. The second digit line is no row start when the two digits joined continue the count
    (9 before "1"/"0"); with no count before them (a page's first row), when the second digit
    does not continue the first ("1" over "1" is 11) or the next pair joined follows (a "2" over
    a "3" then a "2" over a "4" are rows 23 and 24, where "1" "2" "3" "4" are four rows)."""
    def wrapped(i: int) -> int | None:
        top, low = tokens[i], tokens[i + 1] if i + 1 < len(body) else None
        if (top is None or low is None or not (top.isdigit() and low.isdigit())
                or body[i + 1].top - body[i].bottom >= 0.8 * body[i].size):
            return None
        return int(top + low)

    previous: int | None = None
    i = 0
    while i < len(body):
        joined = wrapped(i)
        if joined is not None:
            top, low = int(tokens[i] or 0), int(tokens[i + 1] or 0)
            following = next((wrapped(k) for k in range(i + 2, len(body)) if tokens[k]), None)
            if (joined == previous + 1 if previous is not None
                    else low != top + 1 or following == joined + 1):
                starts[i + 1] = False
                previous = joined
                i += 2
                continue
        token = tokens[i]
        previous = int(token) if token is not None and token.isdigit() else previous
        i += 1


def _starts_by_gaps(body: Sequence[Line]) -> list[bool] | None:
    """Rows start after gaps clearly larger than the line pitch (the smallest group of gaps)."""
    gaps = [b.top - a.top for a, b in pairwise(body)]
    if len(gaps) < 2:
        return None
    ordered = sorted(gaps)
    for low, high in pairwise(ordered):
        if high - low >= 1.5 and high >= 1.25 * low:
            threshold = (low + high) / 2
            starts = [True, *(g > threshold for g in gaps)]
            # one wider gap, before the last line, is the text after the table, not a row pattern
            return starts if sum(starts[1:-1]) >= 1 else None
    return None


def _starts_by_anchor(body: Sequence[Line], model: TableModel) -> list[bool]:
    filled = [{model.column_of(w) for w in ln.words} for ln in body]
    candidates = [i for i, r in enumerate(model.roles) if r not in (None, "ignore", "index")]
    counts = {i: sum(i in f for f in filled) for i in candidates}
    usable = [i for i in candidates if counts[i] > 0]
    if not usable:
        return [True] * len(body)
    anchor = min(usable, key=lambda i: (counts[i], model.roles[i] != "country"))
    starts = [anchor in f for f in filled]
    starts[0] = True
    return starts


def row_starts(body: Sequence[Line], model: TableModel, page: PageLayout,
               h_rules: Sequence[Rule]) -> list[bool]:
    """For each body line, whether it begins a new row."""
    cuts = _cuts(body, model, page, h_rules)
    index = _index_column(model)
    numbered = _numbered_lines(body, model, index) if index is not None else []
    by_index = numbered if numbered and numbered[0] else None
    if cuts:  # a rule a scan did not show is made up for by the row's number, or its marker
        by_cuts = _starts_by_cuts(body, cuts)
        if by_index:
            return _second_numbers(by_cuts, by_index)
        other = (_sparse_anchor(body, model) if page.ocr else None) or by_cuts
        return [a or b for a, b in zip(by_cuts, other, strict=True)]
    if any(numbered):  # a number centred on a tall row is in its middle, not at its top
        centred = fitted_starts(body, model, numbered)
        if centred or by_index:
            return centred or numbered
    return fitted_starts(body, model) or _starts_by_gaps(body) or _starts_by_anchor(body, model)


def _second_numbers(by_cuts: Sequence[bool], by_index: Sequence[bool]) -> list[bool]:
    """Rows between rules, and a row number where a rule is missing: a second number between
    the same two rules starts a row of its own (a number centred on its row is no start)."""
    starts, numbered = [], False
    for cut, number in zip(by_cuts, by_index, strict=True):
        numbered = numbered and not cut
        starts.append(cut or (number and numbered))
        numbered = numbered or number
    return starts


def _sparse_anchor(body: Sequence[Line], model: TableModel) -> list[bool] | None:
    """On a scan, row starts from a column that holds text on a row's first line only (a count,
    a date, a country), when there is such a column (filled on at most half the lines): a line
    where that column's text begins (not a cell's second line) and the name column has text."""
    filled = _starts_by_anchor(body, model)
    if not 2 <= sum(filled) <= len(body) / 2:
        return None
    name = next((i for i, r in enumerate(model.roles) if r == "name"), None)
    named = [name is None or any(model.column_of(w) == name for w in ln.words) for ln in body]
    return [i == 0 or (filled[i] and not filled[i - 1] and named[i]) for i in range(len(body))]


_DETAIL = re.compile(r"^\s*(?P<label>[A-Z][A-Za-z ./&()-]{0,30}?)\s*:\s*(?P<value>\S.*)$")  # "Address: …"
_DETAIL_ROLES = frozenset({"address", "alias", "country", "city", "hs_code", "eccn", "part_number"})


def detail_line(line: Line, edges: Sequence[float] = ()) -> tuple[str, str] | None:
    """(role, text) of a labelled line printed across a row's columns under its cells (a table
    that gives each party a line of its own for the address: "Address: Office 4EA 324, Dubai"
    under the name, country and codes) when it crosses one of ``edges`` (all lines when none
    are given), else ``None``."""
    m = _DETAIL.match(line.text)
    if m is None or (edges and not any(line.x0 < e < line.x1 for e in edges)):
        return None
    role = header_role(m.group("label"))
    return (role, m.group("value").strip()) if role in _DETAIL_ROLES else None


def _make_row(lines: Sequence[Line], model: TableModel, page: int) -> Row:
    per_col: list[list[Word]] = [[] for _ in model.columns]
    details: list[tuple[str, str]] = []
    for k, ln in enumerate(lines):
        if k and (found := detail_line(ln, model.boundaries)) is not None:
            details.append(found)
            continue
        for w in ln.words:
            per_col[min(model.column_of(w), len(per_col) - 1)].append(w)
    cells = tuple(tuple(words_to_lines(ws)) for ws in per_col)
    return Row(cells, union_bbox(w for ln in lines for w in ln.words), page, tuple(details))


def lines_to_rows(body: Sequence[Line], model: TableModel, page: PageLayout,
                  h_rules: Sequence[Rule]) -> list[Row]:
    """Group body lines into rows and their words into cells."""
    if not body:
        return []
    starts = row_starts(body, model, page, h_rules)
    groups: list[list[Line]] = []
    for ln, start in zip(body, starts, strict=True):
        if start or not groups:
            groups.append([ln])
        else:
            groups[-1].append(ln)
    return [_make_row(g, model, page.number) for g in groups]


def labelled_lines_out(row: Row, column: int) -> Row:
    """The row with the labelled lines under the first line of one cell ("ALFA LOGISTICS
    FZCO" over "Address: Office 4EA 324, …" in the name cell) moved to its details."""
    if column >= len(row.cells) or len(row.cells[column]) < 2:
        return row
    cell = row.cells[column]
    found = [(k, d) for k, ln in enumerate(cell) if k and (d := detail_line(ln)) is not None]
    if not found:
        return row
    first = found[0][0]  # the lines after a labelled line go on with it
    details = [*row.details]
    for (k, (role, text)), nxt in zip(found, [*(f[0] for f in found[1:]), len(cell)], strict=True):
        more = " ".join(ln.text for ln in cell[k + 1:nxt])
        details.append((role, f"{text} {more}".strip()))
    cells = (*row.cells[:column], cell[:first], *row.cells[column + 1:])
    return replace(row, cells=cells, details=tuple(details))
