"""Items that name their party by its number, in a table of their own.

A letter may list its parties in one annex ("A-4 | NAME | ADDRESS | COUNTRY") and the items of
concern in another, each row giving the number of its party ("A-4 | 8457.10 | Machinery") or
several ("1, 4, 7"). Such an item belongs to that party as much as a code printed in the party's
own row. The item table says it refers to parties by its reference column: its header names a
party ("Party No.", "Entity ref.", "Entry No."), or its numbers repeat or skip, which a column
that merely counts the items' own rows never does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from redletter.extract.headers import header_key
from redletter.extract.records import col, rows_to_items
from redletter.extract.rows import Row
from redletter.extract.tables import TableModel
from redletter.schema import Item, Party

_REFERENCE = re.compile(r"[A-Z]{0,3}-?\d{1,4}(?:\.\d{1,3})?", re.I)
_PARTY_WORDS = frozenset({"party", "parties", "entity", "entities", "entry", "entries", "company",
                          "companies", "annex", "list"})


def _key(text: str) -> str:
    """A party number as compared: "A-4." and "a4" are the same."""
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def _references(text: str) -> list[str]:
    """The party numbers a cell gives ("A-4", "1, 4 and 7", "Nos. 2; 3")."""
    return [_key(m.group()) for m in _REFERENCE.finditer(text)]


def _names_parties(model: TableModel, index: int) -> bool:
    """Whether a reference column's header names a party ("Party No.", "Entry ref.")."""
    return bool(set(header_key(model.columns[index].header).split()) & _PARTY_WORDS)


def _reference_column(table: Sequence[tuple[Row, TableModel]]) -> int | None:
    """The column of an item table that gives the parties' numbers: its index column, else a
    column whose header names a party ("Entries", "Parties (entry no.)") and whose every cell
    gives numbers ("1, 4, 7")."""
    model = table[0][1]
    if (k := col(model, "index")) is not None:
        return k
    return next((k for k, c in enumerate(model.columns) if c.role in (None, "extra")
                 and _names_parties(model, k) and all(_references(r.text(k)) for r, _ in table)), None)


def _counts_rows(keys: Sequence[list[str]]) -> bool:
    """Whether a column merely numbers its rows 1, 2, 3, …"""
    return all(len(k) == 1 and k[0] == str(n) for n, k in enumerate(keys, start=1))


def party_numbers(rows: Sequence[tuple[Row, TableModel]]) -> dict[tuple[int, tuple[float, ...]], list[str]]:
    """The numbers each party-table row prints in its index columns ("1" under "No.", "E-1"
    under "Ref."), by the row's page and box."""
    out: dict[tuple[int, tuple[float, ...]], list[str]] = {}
    for row, model in rows:
        found = [refs[0] for k, role in enumerate(model.roles)
                 if role == "index" and (refs := _references(row.text(k)))]
        if found:
            out[(row.page, tuple(row.bbox))] = found
    return out


def with_referenced_items(parties: Sequence[Party], party_rows: Sequence[tuple[Row, TableModel]],
                          item_rows: Sequence[tuple[Row, TableModel]]) -> list[Party]:
    """``parties`` with the items of the item tables that name them by number."""
    numbers = party_numbers(party_rows)
    by_number: dict[str, int] = {}
    for i, party in enumerate(parties):
        if party.source == "table":
            for number in numbers.get((party.page, tuple(party.bbox)), []):
                by_number.setdefault(number, i)
    if not by_number:
        return list(parties)
    added: dict[int, list[Item]] = {}
    for table in _tables(item_rows):
        model = table[0][1]
        if (k := _reference_column(table)) is None:
            continue
        refs = [_references(row.text(k)) for row, _ in table]
        if not _names_parties(model, k) and _counts_rows(refs):
            continue
        for (row, model), found in zip(table, refs, strict=True):
            for i in sorted({by_number[r] for r in found if r in by_number}):
                added.setdefault(i, []).extend(rows_to_items([(row, model)]))
    out = list(parties)
    for i, items in sorted(added.items()):
        own = list(out[i].items)
        seen = {_code(item) for item in own}
        for item in items:
            if _code(item) not in seen:
                seen.add(_code(item))
                own.append(item)
        out[i] = out[i].with_items(own)
    return out


def _code(item: Item) -> tuple[str | None, str | None, str | None]:
    return item.hs_code, item.eccn, item.part_number


def _tables(rows: Sequence[tuple[Row, TableModel]]) -> list[list[tuple[Row, TableModel]]]:
    """Rows grouped by table: runs of rows with the same column roles (a table over pages)."""
    out: list[list[tuple[Row, TableModel]]] = []
    for row, model in rows:
        if out and out[-1][-1][1].roles == model.roles:
            out[-1].append((row, model))
        else:
            out.append([(row, model)])
    return out
