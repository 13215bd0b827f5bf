"""Rows of a table without rules, by fitting cells to rows.

When nothing marks where a row ends (no rule, no row number, the same space between all lines),
the cells still do when they are centred on the row's middle (Word's "vertical alignment:
centre"), where a row's first line may hold no name at all: every row has a name; a cell's
lines follow each other without a blank line; each cell is centred on its row. Of all ways to
cut the lines into rows, the one chosen costs least: cells away from their row's middle, cells
with a blank line inside, little space before a row, empty cells, and a small credit per row,
so that two one-line rows are not read as one. Cells at their rows' bottom (a spreadsheet printed
without rules) are cut the same way, measured from the bottom, when that fits clearly better than
from the top; cells at the row's top are left to rows.py. In a numbered table every row holds
one number, wherever in the row it is printed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import accumulate, pairwise
from typing import TYPE_CHECKING

from redletter.extract.geometry import Line

if TYPE_CHECKING:
    from redletter.extract.tables import TableModel

_MAX_LINES = 30  # no row runs over more lines than this (cells centred on it put lines half a line apart)
_ROW_CREDIT = 0.2  # per row, in line pitches of misalignment (less than an empty cell)
_HOLE = 2.0  # a blank line inside one cell
_GAP_WEIGHT = 2.0  # per line pitch of extra space before a row
_EMPTY = 0.3  # per empty cell: a tall row cut in three leaves most of its cells empty
_BOTTOM_MARGIN = 0.5  # cells at the rows' bottom must fit clearly better than at their top


def _pitch(body: Sequence[Line]) -> float:
    sizes = sorted(ln.size for ln in body)
    return 1.2 * sizes[len(sizes) // 2]


def _spaces(body: Sequence[Line], pitch: float) -> list[float]:
    """The extra space above each line (beyond the smallest), in line pitches."""
    raw = [0.0]
    for i in range(1, len(body)):
        raw.append(max(0.0, body[i].top - max(ln.bottom for ln in body[max(0, i - 4):i])))
    least = min(raw[1:], default=0.0)
    return [max(0.0, r - least) / pitch for r in raw]


class _Fit:
    """Cheapest cut of the body lines into rows whose cells sit at ``align`` of their row
    (0: top, 0.5: middle, 1: bottom)."""

    def __init__(self, body: Sequence[Line], model: TableModel, key: int, align: float,
                 numbered: Sequence[bool] | None = None) -> None:
        self.body, self.key, self.align = body, key, align
        self.numbers = [0, *accumulate(int(n) for n in numbered)] if numbered else None
        self.pitch = _pitch(body)
        self.spaces = _spaces(body, self.pitch)
        self.spans: list[dict[int, tuple[float, float]]] = []
        for ln in body:  # each line's extent per column
            spans: dict[int, tuple[float, float]] = {}
            for w in ln.words:
                c = model.column_of(w)
                t, e = spans.get(c, (w.top, w.bottom))
                spans[c] = (min(t, w.top), max(e, w.bottom))
            self.spans.append(spans)
        self.kept = {i for i, r in enumerate(model.roles) if r not in (None, "ignore", "index")}

    def _rows_ending(self, b: int) -> list[tuple[int, float]]:
        """(a, cost) of each row of lines a..b-1 that has a name (or is the first row), taking
        lines in from the bottom: cells away from their place in the row, blank lines inside a
        cell, little space before the row, empty cells."""
        out: list[tuple[int, float]] = []
        cells: dict[int, tuple[float, float]] = {}
        holes = 0
        for a in range(b - 1, max(0, b - _MAX_LINES) - 1, -1):
            for c, (t, e) in self.spans[a].items():
                if c in cells:
                    below_top, below_bottom = cells[c]
                    holes += below_top - e > 0.9 * self.pitch
                    cells[c] = (min(t, below_top), max(e, below_bottom))
                else:
                    cells[c] = (t, e)
            if self.key not in cells and a > 0:
                continue
            if self.numbers is not None and self.numbers[b] - self.numbers[a] != 1:
                continue  # a numbered table: one number per row
            top = min(t for t, _ in cells.values())
            bottom = max(e for _, e in cells.values())
            place = top + self.align * (bottom - top)
            off = sum(abs(t + self.align * (e - t) - place) for t, e in cells.values()) / self.pitch
            out.append((a, off + _HOLE * holes - _ROW_CREDIT - _GAP_WEIGHT * self.spaces[a]
                        + _EMPTY * len(self.kept - cells.keys())))
        return out

    def best(self) -> tuple[float, list[bool]] | None:
        n = len(self.body)
        score = [0.0] + [math.inf] * n
        back = [0] * (n + 1)
        for b in range(1, n + 1):
            for a, c in self._rows_ending(b):
                if score[a] + c < score[b]:
                    score[b], back[b] = score[a] + c, a
        if score[n] == math.inf:
            return None
        starts = [False] * n
        b = n
        while b > 0:
            starts[back[b]] = True
            b = back[b]
        return score[n], starts


def _centred(body: Sequence[Line], pitch: float) -> bool:
    """Whether cells are centred on their rows: then a two-line cell beside a one-line cell
    puts lines half a line apart, twice at least."""
    halves = sum(1 for a, b in pairwise(body) if 0.3 * pitch < b.top - a.top < 0.7 * pitch)
    return halves >= 2


def fitted_starts(body: Sequence[Line], model: TableModel,
                  numbered: Sequence[bool] | None = None) -> list[bool] | None:
    """Row starts of a party table whose cells are centred on their rows, or sit at their
    rows' bottom (a spreadsheet's default), by the cheapest cut; None for other tables (no name
    column, cells at the row's top), or when no cut gives every row a name. With ``numbered``
    (the lines that hold a row number), every row holds one number: a number centred on a tall
    row is in its middle, not at its top."""
    key = next((i for i, r in enumerate(model.roles) if r == "name"), None)
    if key is None or len(body) < 2:
        return None
    if _centred(body, _pitch(body)):
        found = _Fit(body, model, key, 0.5, numbered).best()
        return found[1] if found else None
    at_bottom = _Fit(body, model, key, 1.0, numbered).best()
    if at_bottom is None:
        return None
    at_top = _Fit(body, model, key, 0.0, numbered).best()
    return at_bottom[1] if at_top is None or at_bottom[0] < at_top[0] - _BOTTOM_MARGIN else None
