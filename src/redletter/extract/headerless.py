"""Tables printed without a header row: columns from the body's alignment, roles from content.

A letter may list its parties in a table that has no header at all, right after the prose that
introduces it ("BIS has identified the following parties:"), with rules between the rows or none.
Such a table shows itself by its lines: several lines in a row split into three cells or more
whose left edges fall on the same few places. Those places are its columns; what each column
holds decides its role (``columns.content_role`` for row numbers, countries and HS codes, the
most name-like column for the name, then the address and alias columns here), and the table is
kept only when it reads as a party table (a name column and another role filled on most rows).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from redletter.extract.columns import is_address, name_score, share, words
from redletter.extract.geometry import Line, PageLayout
from redletter.extract.headers import ITEM_ROLES
from redletter.extract.rows import Row, lines_to_rows
from redletter.extract.tables import (
    Column,
    TableFragment,
    TableModel,
    body_model,
    closing,
    confirmed,
    header_roles,
    is_prose,
    line_cells,
    page_walls,
    refine_roles,
    table_rules,
    trim_trailing_text,
)

_MIN_CELLS = 3  # a table line splits into this many cells at least
_MIN_ROW_LINES = 3  # and there are this many such lines in a table
_SAME_X = 6.0  # points: cells starting this close are in the same column
_COLUMN_SHARE = 0.25  # of the table's lines, at least, start a cell in a column (aliases: a few)
_MAX_GAP = 3.2  # font sizes: a wider gap between two lines ends the table
_PLACE_SHARE = 0.5
_NAME_SCORE = 0.5  # columns.name_score of a column of names
_CLOSE = 0.1  # name scores this close are as good
_SUPPORTING = {"country", "address", "index", "city", *ITEM_ROLES}


def headerless_tables(page: PageLayout, lines: Sequence[Line]) -> list[TableFragment]:
    """The party tables without a header among ``lines`` (lines no other table took)."""
    walls = page_walls(page)
    cells = [line_cells(ln, walls) for ln in lines]  # once per line, for every start tried
    out: list[TableFragment] = []
    i = 0
    while i < len(lines):
        end = _block_end(lines, cells, i)
        fragment = _fragment(page, lines[i:end], cells[i:end], open_end=end == len(lines)) \
            if end > i else None
        if fragment is None:
            i += 1
            continue
        out.append(fragment)
        i = end
    return out


def _block_end(lines: Sequence[Line], cells: Sequence[list[Line]], i: int) -> int:
    """Where the lines from ``i`` that may be a table end (``i`` when they are none): they open
    with a line of three cells or more, and run on while the lines stay close and are not running
    text, a header or a closing; three of them at least have three cells."""
    if len(cells[i]) < _MIN_CELLS:
        return i
    x0, x1 = lines[i].x0, lines[i].x1
    end = i + 1
    while end < len(lines):
        ln = lines[end]
        if ln.top - lines[end - 1].bottom > _MAX_GAP * ln.size or header_roles(ln) is not None or closing(ln):
            break
        if (is_prose(ln, x0, x1) and len(cells[end]) < 2) or ln.x0 < x0 - 2 * ln.size:
            break
        x0, x1 = min(x0, ln.x0), max(x1, ln.x1)
        end += 1
    wide = sum(1 for c in cells[i:end] if len(c) >= _MIN_CELLS)
    return end if wide >= _MIN_ROW_LINES else i


def _columns(cells: Sequence[list[Line]]) -> list[Column]:
    """Columns where the block's cells start again and again."""
    groups: list[list[Line]] = []
    for cell in sorted((c for line in cells for c in line), key=lambda c: c.x0):
        if groups and cell.x0 - groups[-1][-1].x0 <= _SAME_X:
            groups[-1].append(cell)
        else:
            groups.append([cell])
    enough = max(_MIN_ROW_LINES, _COLUMN_SHARE * sum(1 for line in cells if len(line) >= _MIN_CELLS))
    return [Column(None, "", g[0].x0, max(c.x1 for c in g)) for g in groups if len(g) >= enough]


def _fragment(page: PageLayout, block: Sequence[Line], cells: Sequence[list[Line]], *,
              open_end: bool) -> TableFragment | None:
    columns = _columns(cells)
    if len(columns) < _MIN_CELLS:
        return None
    model = body_model(columns, block, page.rules)
    body = [ln for ln in block if model.fits(ln)]
    if len(body) < 0.8 * len(block):
        return None
    h_rules = table_rules(page.rules, model)
    rows = lines_to_rows(body, model, page, h_rules)
    model = _place_and_alias(refine_roles(model, rows), rows)
    rows = lines_to_rows(body, model, page, table_rules(page.rules, model))
    roles = set(model.roles)
    if model.kind != "party" or len(rows) < 2 or not roles & _SUPPORTING or not confirmed(model, rows):
        return None
    names = [t for r in rows if (t := r.text(model.roles.index("name")))]
    if len(set(names)) < len(names) or len(names) < 0.8 * len(rows):
        return None  # a note repeated on every row ("Any quantity; report enquiries to OEE.")
    kept = trim_trailing_text(rows, model)
    return TableFragment(model, page.number, kept, open_end and len(kept) == len(rows))


def _place_and_alias(model: TableModel, rows: Sequence[Row]) -> TableModel:
    """Roles for the columns content left open: the one of street addresses is the address; one
    of names right of the name column, filled on some rows only or not, is the aliases."""
    roles = list(model.roles)
    if "name" not in roles:
        return model
    name = roles.index("name")
    cells = [[r.text(i) for r in rows] for i in range(len(roles))]
    scores = [name_score(c) for c in cells]
    left = [i for i in range(name) if roles[i] is None and _names(cells[i], scores[i])
            and scores[i] >= scores[name] - _CLOSE]
    if left:  # as good a column of names, left of it: names come before their aliases
        roles[left[-1]], roles[name] = "name", "alias"
        name = left[-1]
    open_ = [i for i, r in enumerate(roles) if r is None]
    places = [i for i in open_ if share(cells[i], _street) >= _PLACE_SHARE]
    if "address" not in roles and places:
        best = max(places, key=lambda i: (share(cells[i], is_address), -i))
        roles[best] = "address"
        open_.remove(best)
    aliases = [i for i in open_ if i > name and scores[i] >= _NAME_SCORE]
    if "alias" not in roles and aliases:
        roles[min(aliases)] = "alias"
    columns = tuple(dataclasses.replace(c, role=r) for c, r in zip(model.columns, roles, strict=True))
    return dataclasses.replace(model, columns=columns)


def _names(cells: Sequence[str], score: float) -> bool:
    """A column of names (``score``: its ``name_score``), filled on most rows and different on
    each."""
    filled = [c for c in cells if c.strip()]
    return len(filled) >= 0.8 * len(cells) and len(set(filled)) == len(filled) and score >= _NAME_SCORE


def _street(text: str) -> bool:
    """An address of a few words ("4.A" opens with a figure, but is a tier, not a street)."""
    return len(words(text)) >= 2 and is_address(text)
