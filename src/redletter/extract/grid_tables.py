"""Table fragments from ruled grids (grid.py), in the form the line reader (tables.py) gives
them, so that records.py reads both alike."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from redletter.extract.geometry import Line, PageLayout, words_to_lines
from redletter.extract.grid import (
    Grid,
    GridBand,
    band_row,
    bands,
    column_headers,
    find_grids,
    header_band,
    item_or_party,
    vertical_merges,
)
from redletter.extract.tables import (
    Column,
    TableFragment,
    TableModel,
    confirmed,
    label_rows,
    refine_roles,
)
from redletter.extract.transposed import transposed_fragments

_MAX_CELL_LINES = 10  # a band with a cell of more lines holds several rows


@dataclass(frozen=True, slots=True)
class GridRead:
    """What the grids of a page gave: their fragments, top to bottom, and the lines they hold
    (left out of the line reader)."""

    fragments: list[TableFragment]
    lines: list[Line]


def _model(grid: Grid, head: Sequence[GridBand]) -> TableModel:
    columns = tuple(Column(role, text, grid.xs[k], grid.xs[k + 1], role)
                    for k, (role, text) in enumerate(column_headers(grid, head)))
    kind = "party" if "name" in {c.role for c in columns} else "item"
    return TableModel(columns, tuple(grid.xs[1:-1]), grid.xs[0], grid.xs[-1], kind)


def _carried_model(grid: Grid, carried: TableModel) -> TableModel:
    columns = tuple(replace(c, x0=grid.xs[k], x1=grid.xs[k + 1]) for k, c in enumerate(carried.columns))
    return replace(carried, columns=columns, boundaries=tuple(grid.xs[1:-1]),
                   x0=grid.xs[0], x1=grid.xs[-1])


def _fragment(page: PageLayout, grid: Grid, found: Sequence[GridBand], carried: TableModel | None,
              below: bool) -> TableFragment | None:
    head: list[GridBand] = []
    for band in found[:3]:
        if not header_band(band):
            break
        head.append(band)
    if head:
        model = _model(grid, head)
        if not item_or_party(model.roles):
            return None
    elif carried is not None and len(carried.columns) == len(grid.xs) - 1:
        model = _carried_model(grid, carried)
    else:
        return None
    body = found[len(head):]
    if any(len(words_to_lines(cell)) > _MAX_CELL_LINES for band in body for cell in band.cells):
        return None  # rows not ruled one by one: many rows in one band, for the line reader
    name = next((k for k, c in enumerate(model.columns) if c.role == "name"), None)
    lent = [{k: w for k, w in extra.items() if k != name}  # one party, not one per row it spans
            for extra in vertical_merges(grid, body)]
    rows = [band_row(grid, band, extra, page.number) for band, extra in zip(body, lent, strict=True)]
    if not rows:
        return None
    if head:
        model = refine_roles(model, rows)
        if model.kind == "party" and "name" not in {c.role for c in _model(grid, head).columns} \
                and not confirmed(model, rows):
            return None
    return TableFragment(model, page.number, rows, open_at_bottom=not below, continued=not head)


def grid_fragments(page: PageLayout, lines: Sequence[Line], carried: TableModel | None) -> GridRead:
    """The table fragments of the page's ruled grids, and the page's lines outside them.
    ``carried`` is the table open at the foot of the page before: a grid at the top of this
    page with no header of its own continues it."""
    fragments: list[TableFragment] = []
    held: set[int] = set()
    words = [w for ln in lines for w in ln.words]  # not the running header or footer
    for grid in find_grids(page):
        inside = [i for i, ln in enumerate(lines) if all(grid.holds(w) for w in ln.words)]
        if any(any(grid.holds(w) for w in ln.words) and not all(grid.holds(w) for w in ln.words)
               for ln in lines):
            continue  # part of a wider table (its rules drawn in pieces): for the line reader
        below = any(ln.top > grid.bottom for ln in lines)
        first = not fragments and not any(ln.bottom < grid.top for ln in lines)
        found = bands(grid, words)
        if turned := transposed_fragments(grid, found, page.number):
            fragments += turned
            held.update(inside)
            continue
        fragment = _fragment(page, grid, found, carried if first else None, below)
        if fragment is None or label_rows(fragment.rows, fragment.model):
            continue  # (a card of labels and values is read as a block)
        fragments.append(fragment)
        held.update(inside)
    return GridRead(fragments, [ln for i, ln in enumerate(lines) if i not in held])
