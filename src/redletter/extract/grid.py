"""Tables drawn as a full grid, read from their rules.

When a table rules every row and column, the rules say where each cell is, better than the text
does: a cell may centre its lines on the row's middle, a header may run over three lines or two
rows with merged cells ("Party" over "Name | Also known as"), a country cell may be merged down
over the rows of its parties. Each band between two horizontal rules is a row; each cell's words
are its lines; the top bands made of header words are the header, a band that carries one text
across merged cells is a heading. A grid whose top band is no header continues the table open
at the foot of the page before when it has as many columns.

On a scan the rules are those found in the pixels: a grid scanned askew has them in pieces, no
grid is found, and the line reader (tables.py) reads the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redletter.extract.columns import is_date_or_number
from redletter.extract.geometry import Line, PageLayout, Rule, Word, union_bbox, words_to_lines
from redletter.extract.headers import ITEM_ROLES, header_match, header_role
from redletter.extract.rows import Row, cell_text, detail_line
from redletter.nlp.items import HS_TOKEN
from redletter.nlp.party_text import ends_with_legal_form

_SNAP = 2.0  # rules this close are the same edge
_MIN_BAND = 6.0  # a band lower than this (points) holds no text line


@dataclass(frozen=True, slots=True)
class Grid:
    """Column edges (left to right) and row edges (top to bottom) of a ruled grid, with the
    rules that draw it."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    rules: tuple[Rule, ...]

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    def holds(self, word: Word) -> bool:
        x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        return self.xs[0] < x < self.xs[-1] and self.ys[0] < y < self.ys[-1]

    def wall(self, k: int, band: int) -> bool:
        """Whether column edge ``k`` is ruled through row band ``band``."""
        x, mid = self.xs[k], (self.ys[band] + self.ys[band + 1]) / 2
        return any(not r.horizontal and abs(r.x0 - x) <= _SNAP and r.top <= mid <= r.bottom
                   for r in self.rules)

    def floor(self, band: int, column: int) -> bool:
        """Whether the cell at (band, column) is ruled at its foot (not merged with the cell
        below)."""
        y, mid = self.ys[band + 1], (self.xs[column] + self.xs[column + 1]) / 2
        return any(r.horizontal and abs(r.top - y) <= _SNAP and r.x0 <= mid <= r.x1 for r in self.rules)


def _cluster(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _SNAP:
            continue
        out.append(v)
    return out


def find_grids(page: PageLayout) -> list[Grid]:
    """The ruled grids of a page: stacks of three horizontal rules at least that
    share their extent (a header and one row), with three column edges at least drawn by
    vertical rules between them."""
    across = sorted((r for r in page.rules if r.horizontal and r.x1 - r.x0 >= 40),
                    key=lambda r: (r.top, r.x0))
    upright = [r for r in page.rules if not r.horizontal and r.bottom - r.top >= 4]
    grids: list[Grid] = []
    used: set[int] = set()
    for i, first in enumerate(across):
        if i in used:
            continue
        stack = [first]
        for k in range(i + 1, len(across)):
            r = across[k]
            if k not in used and abs(r.x0 - first.x0) <= 3 * _SNAP and abs(r.x1 - first.x1) <= 3 * _SNAP:
                if r.top - stack[-1].top > 0.5 * page.height or not _walled(stack[-1], r, upright):
                    break  # (two grids one under the other: no wall between them)
                stack.append(r)
                used.add(k)
        grid = _grid(stack, upright, across)
        if grid is not None:
            grids.append(grid)
    return [g for g in grids if not any(o is not g and _inside(g, o) for o in grids)]


def _inside(inner: Grid, outer: Grid) -> bool:
    """Whether a grid lies within another (a merged header's partial rules make a smaller grid
    of part of the same table)."""
    return (outer.xs[0] - _SNAP <= inner.xs[0] and inner.xs[-1] <= outer.xs[-1] + _SNAP
            and outer.top - _SNAP <= inner.top and inner.bottom <= outer.bottom + _SNAP
            and (inner.xs, inner.ys) != (outer.xs, outer.ys))


def _walled(above: Rule, below: Rule, upright: Sequence[Rule]) -> bool:
    """Whether a vertical rule runs between two horizontal ones, inside their extent."""
    return below.top - above.top <= _MIN_BAND or any(
        above.x0 - _SNAP <= u.x0 <= above.x1 + _SNAP and u.top <= above.top + _SNAP
        and u.bottom >= below.top - _SNAP for u in upright)


def _grid(stack: Sequence[Rule], upright: Sequence[Rule], across: Sequence[Rule]) -> Grid | None:
    x0, x1 = min(r.x0 for r in stack), max(r.x1 for r in stack)
    top, bottom = stack[0].top, stack[-1].top
    walls = [r for r in upright if x0 - _SNAP <= r.x0 <= x1 + _SNAP
             and r.top <= bottom + _SNAP and r.bottom >= top - _SNAP]
    xs = _cluster([r.x0 for r in walls])
    if walls:  # a rule across the page above the table (under a letterhead) is not its top
        top, bottom = max(top, min(r.top for r in walls)), min(bottom, max(r.bottom for r in walls))
        walls = [r for r in walls if r.bottom >= top - _SNAP and r.top <= bottom + _SNAP]
    inner = [r for r in across if x0 - _SNAP <= r.x0 and r.x1 <= x1 + _SNAP
             and top - _SNAP <= r.top <= bottom + _SNAP]  # partial rules too (merged cells)
    edges = [r.top for r in inner]
    if walls:  # a row broken by the page end has no rule at its foot: the walls run on to it
        edges += [min(r.top for r in walls), max(r.bottom for r in walls)]
    ys = _cluster(edges)
    ys = [y for k, y in enumerate(ys) if k == 0 or y - ys[k - 1] >= _MIN_BAND]
    if len(xs) < 3 or len(ys) < 3 or xs[0] > x0 + 3 * _SNAP or xs[-1] < x1 - 3 * _SNAP:
        return None
    # the outer walls and most inner ones run the grid's height
    tall = sum(1 for x in xs if sum(r.bottom - r.top for r in walls if abs(r.x0 - x) <= _SNAP)
               >= 0.6 * (bottom - top))
    if tall < 0.6 * len(xs):
        return None
    return Grid(tuple(xs), tuple(ys), tuple(walls) + tuple(inner))


@dataclass(frozen=True, slots=True)
class GridBand:
    """The words of one band between two row rules, column by column (merged cells: a word
    goes to the column it sits in)."""

    index: int
    cells: tuple[tuple[Word, ...], ...]

    def text(self, column: int) -> str:
        return cell_text(words_to_lines(self.cells[column]))

    @property
    def filled(self) -> list[int]:
        return [k for k, c in enumerate(self.cells) if c]


def bands(grid: Grid, words: Sequence[Word]) -> list[GridBand]:
    """The grid's bands that hold text, each word in its cell."""
    out: list[GridBand] = []
    inside = [w for w in words if grid.holds(w)]
    for b in range(len(grid.ys) - 1):
        lo, hi = grid.ys[b], grid.ys[b + 1]
        cells: list[list[Word]] = [[] for _ in range(len(grid.xs) - 1)]
        for w in inside:
            y = (w.top + w.bottom) / 2
            if lo < y < hi:
                x = (w.x0 + w.x1) / 2
                k = sum(1 for e in grid.xs[1:-1] if x > e)
                cells[k].append(w)
        if any(cells):
            out.append(GridBand(b, tuple(tuple(c) for c in cells)))
    return out


def header_band(band: GridBand) -> bool:
    """A band of header words: most filled cells name a column's role, half of the words are
    header vocabulary, and no cell is data (an HS code, a name with its legal form, a number)."""
    texts = [band.text(k) for k in band.filled]
    matches = [header_match(t) for t in texts]
    if not texts or any(HS_TOKEN.search(t) or is_date_or_number(t) or (
            m.coverage < 1.0 and ends_with_legal_form(t)) for t, m in zip(texts, matches, strict=True)):
        return False  # "Also known as" is no name with the legal form "AS"
    known = sum(1 for m in matches if m.role)
    return known >= 0.6 * len(matches) and sum(m.coverage for m in matches) >= 0.5 * len(matches)


def _merged_text(grid: Grid, band: GridBand, k: int) -> str:
    """The text of the cell over column ``k`` in a header band: a cell merged across columns
    (no rule between them in this band: "Party" over "Name" and "Also known as") is the text of
    all of them. Two columns whose words each name a column are two cells, their rule unseen
    (a faint rule on a scan)."""
    def apart(j: int) -> bool:  # two cells that each name a column: "Country" | "HS codes"
        return bool(header_role(band.text(j))) and bool(header_role(band.text(k)))

    lo = k
    while lo > 0 and not grid.wall(lo, band.index) and not apart(lo - 1):
        lo -= 1
    hi = k + 1
    while hi < len(grid.xs) - 1 and not grid.wall(hi, band.index) and not apart(hi):
        hi += 1
    return " ".join(t for t in (band.text(j) for j in range(lo, hi)) if t)


def column_headers(grid: Grid, head: Sequence[GridBand]) -> list[tuple[str | None, str]]:
    """Role and text of each column from the header bands: a merged cell above ("Party") is
    joined with the cell under it ("Name"); the role is the lowest cell's, else the joined
    text's."""
    out: list[tuple[str | None, str]] = []
    for k in range(len(grid.xs) - 1):
        parts = [t for t in (_merged_text(grid, band, k) for band in head) if t]
        parts = [t for i, t in enumerate(parts) if i == 0 or t != parts[i - 1]]  # merged down
        joined = " ".join(parts)
        role = (header_role(parts[-1]) if parts else None) or header_role(joined) or header_match(joined).role
        out.append((role, joined))
    return out


def item_or_party(roles: Sequence[str | None]) -> bool:
    """Whether header roles make a table worth reading: a name column, or two item columns."""
    known = {r for r in roles if r}
    return "name" in known or len(known & ITEM_ROLES) >= 2


def band_row(grid: Grid, band: GridBand, merged_down: dict[int, tuple[Word, ...]], page: int) -> Row:
    """A table row from a band; ``merged_down`` holds, per column, the words of a cell merged
    over several bands (a country printed once for its group), lent to each band it spans."""
    all_words = [w for c in band.cells for w in c]
    lines = words_to_lines(all_words)
    details = [(ln, found) for ln in lines[1:] if (found := detail_line(ln, grid.xs[1:-1])) is not None]
    left_out = {id(w) for ln, _ in details for w in ln.words}
    cells: list[tuple[Line, ...]] = []
    for k, words in enumerate(band.cells):
        own = [w for w in words if id(w) not in left_out] or list(merged_down.get(k, ()))
        cells.append(tuple(words_to_lines(own)))
    return Row(tuple(cells), union_bbox(all_words), page, tuple(found for _, found in details))


def vertical_merges(grid: Grid, body: Sequence[GridBand]) -> list[dict[int, tuple[Word, ...]]]:
    """For each body band, the words of cells merged down into it from a band above or below
    (a cell with no rule at its foot spans the band under it)."""
    by_index = {b.index: b for b in body}
    lent: list[dict[int, tuple[Word, ...]]] = [{} for _ in body]
    for k in range(len(grid.xs) - 1):
        b = 0
        while b < len(body):
            start = body[b].index
            end = start
            while end + 1 < len(grid.ys) - 1 and not grid.floor(end, k):
                end += 1
            span = [i for i in range(start, end + 1) if i in by_index]
            words = tuple(w for i in span for w in by_index[i].cells[k])
            if len(span) > 1 and words:
                for pos, band in enumerate(body):
                    if band.index in span:
                        lent[pos][k] = words
            b += max(1, len(span))
    return lent
