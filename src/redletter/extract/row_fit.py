"""Rows of a table without rules or row numbers, by fitting cells to rows.

When nothing marks where a row ends (no rule, no row number, the same space between all lines),
the cells still do when they are centred on the row's middle (Word's "vertical alignment:
centre"), where a row's first line may hold no name at all: every row has a name; a cell's
lines follow each other without a blank line; each cell is centred on its row. Of all ways to
cut the lines into rows, the one chosen costs least: cells away from their row's middle, cells
with a blank line inside, little space before a row, empty cells, and a small credit per row,
so that two one-line rows are not read as one. Cells at the row's top are left to rows.py.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from redletter.extract.geometry import Line

if TYPE_CHECKING:
    from redletter.extract.tables import TableModel

_MAX_LINES = 12  # no cell runs over more lines than this
_ROW_CREDIT = 0.3  # per row, in line pitches of misalignment
_HOLE = 2.0  # a blank line inside one cell
_GAP_WEIGHT = 2.0  # per line pitch of extra space before a row
_EMPTY = 0.3  # per empty cell: a tall row cut in three leaves most of its cells empty


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
    def __init__(self, body: Sequence[Line], model: TableModel, key: int) -> None:
        self.body, self.key = body, key
        self.pitch = _pitch(body)
        self.spaces = _spaces(body, self.pitch)
        self.cols = [[model.column_of(w) for w in ln.words] for ln in body]
        self.kept = {i for i, r in enumerate(model.roles) if r not in (None, "ignore", "index")}

    def cost(self, a: int, b: int) -> float | None:
        """What cutting lines a..b-1 into one row costs, None when the row has no name."""
        extents: dict[int, list[tuple[float, float]]] = {}
        for i in range(a, b):
            for w, c in zip(self.body[i].words, self.cols[i], strict=True):
                extents.setdefault(c, []).append((w.top, w.bottom))
        if self.key not in extents and a > 0:
            return None
        top = min(t for spans in extents.values() for t, _ in spans)
        bottom = max(e for spans in extents.values() for _, e in spans)
        cost = -_ROW_CREDIT - _GAP_WEIGHT * self.spaces[a] + _EMPTY * len(self.kept - extents.keys())
        for spans in extents.values():
            spans.sort()
            t, e = spans[0][0], max(x for _, x in spans)
            cost += abs((t + e) / 2 - (top + bottom) / 2) / self.pitch
            reach = spans[0][1]
            for s, x in spans[1:]:
                if s - reach > 0.9 * self.pitch:
                    cost += _HOLE
                reach = max(reach, x)
        return cost

    def best(self) -> tuple[float, list[bool]] | None:
        n = len(self.body)
        score = [0.0] + [math.inf] * n
        back = [0] * (n + 1)
        for b in range(1, n + 1):
            for a in range(max(0, b - _MAX_LINES), b):
                c = self.cost(a, b) if score[a] < math.inf else None
                if c is not None and score[a] + c < score[b]:
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


def fitted_starts(body: Sequence[Line], model: TableModel) -> list[bool] | None:
    """Row starts of a party table whose cells are centred on their rows, by the cheapest cut;
    None for other tables (no name column, cells at the row's top), or when no cut gives every
    row a name."""
    key = next((i for i, r in enumerate(model.roles) if r == "name"), None)
    if key is None or len(body) < 2 or not _centred(body, _pitch(body)):
        return None
    found = _Fit(body, model, key).best()
    return found[1] if found else None
