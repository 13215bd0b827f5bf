"""The parts of a party's card that are not its name and address: a tag printed beside the
name ("Party 1") and a small table of items under the address:

    MARSA ENERGY TRADING DMCC                                   Party 1
    Jumeirah Lakes Tower, Unit No: ALMAS-23-A, …, Dubai
    United Arab Emirates
      ECCN          Part number        HS code    Quantity sought
      4A994.b       TMS320F28335PGFA   8457.10    2783 pcs

The tag is dropped; the table's rows become the party's items, each cell read by the role of
the header cell it sits under.
"""

from __future__ import annotations

from collections.abc import Sequence

from redletter.extract.geometry import Line, split_line
from redletter.extract.headers import ITEM_ROLES, NUMBERED_TAG, header_role
from redletter.extract.records import printed_items
from redletter.schema import Item

_GAP = 0.9  # font sizes of white space between two cells (as between header cells)


def without_tag(lines: Sequence[Line]) -> list[Line]:
    """A card's lines without its tag ("Party 1"), on a line of its own above the name or set
    apart at the name's right."""
    if not lines:
        return []
    if NUMBERED_TAG.match(lines[0].text):
        return list(lines[1:])
    runs = split_line(lines[0], gap=2 * _GAP * lines[0].size)
    if len(runs) >= 2 and NUMBERED_TAG.match(runs[-1].text):
        return [Line(tuple(w for run in runs[:-1] for w in run.words)), *lines[1:]]
    return list(lines)


def _item_header(line: Line) -> list[tuple[float, str | None]] | None:
    """The cells of an item table's header, (left edge, role), when two of them name item
    columns (HS code, ECCN, part number)."""
    runs = split_line(line, gap=_GAP * line.size)
    cells = [(run.x0, header_role(run.text)) for run in runs]
    return cells if len({r for _, r in cells} & ITEM_ROLES) >= 2 else None


def split_items(lines: Sequence[Line], page: int) -> tuple[list[Line], list[Item]]:
    """A card's lines above its item table, and the items of the table's rows."""
    for k, line in enumerate(lines):
        header = _item_header(line)
        if header is None:
            continue
        items: list[Item] = []
        edges = [x for x, _ in header]
        for row in lines[k + 1:]:
            cells: dict[int, list[str]] = {}
            for w in row.words:
                column = max((i for i, x in enumerate(edges) if x <= w.x0 + 2), default=0)
                cells.setdefault(column, []).append(w.text)
            found = [i for column, words in sorted(cells.items()) if (role := header[column][1]) in ITEM_ROLES
                     for i in printed_items(" ".join(words), role, page)]
            items += _one_per_row(found)
        return list(lines[:k]), items
    return list(lines), []


def _one_per_row(found: list[Item]) -> list[Item]:
    """A row's items read cell by cell as one item: its HS code with the row's ECCN and part
    number (several HS codes in a cell stay several items)."""
    codes = [i for i in found if i.hs_code]
    eccn = next((i.eccn for i in found if i.eccn), None)
    part = next((i.part_number for i in found if i.part_number), None)
    if not codes:
        return [Item(eccn=eccn, part_number=part, page=found[0].page)] if found else []
    return [i.model_copy(update={"eccn": i.eccn or eccn, "part_number": i.part_number or part})
            for i in codes]
