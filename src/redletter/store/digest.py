"""The digest of every audited table: a sum (mod 2**256) of one SHA-256 per row, kept in the
audit head and updated by each write, so that a row edited, added or deleted behind the
store's back no longer adds up.

A sum of row hashes can be updated from the rows a write touches (subtract them before, add
them after), so a write costs what it touches, not the size of the database. ``stored_path``
is where the file lies now, not audited data, and is left out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, select

from redletter.store.tables import (
    candidates,
    decisions,
    denylist,
    exports,
    letter_links,
    letters,
    masters,
    parties,
    removals,
)

AUDITED: tuple[Table, ...] = (letters, parties, masters, candidates, decisions, denylist,
                              letter_links, removals, exports)
_LEFT_OUT = frozenset({"stored_path"})
_MOD = 2**256
_DELTA = "redletter_delta"


def row_value(table: Table, row: Any) -> int:
    """One row's contribution: the SHA-256 of the table name and its audited columns (those
    the row has: a migration part-way through may not have added them all yet)."""
    values = [row._mapping[c.name] for c in table.columns
              if c.name not in _LEFT_OUT and c.name in row._mapping]
    body = json.dumps([table.name, values], ensure_ascii=False, separators=(",", ":"))
    return int(hashlib.sha256(body.encode("utf-8")).hexdigest(), 16)


def table_sum(conn: Connection, table: Table, *where: ColumnElement[bool],
              columns: set[str] | None = None) -> int:
    """The sum of the rows of ``table`` that match ``where`` (all rows without it), over
    ``columns`` when only those exist in the database."""
    query = select(*[c for c in table.columns if c.name in columns]) if columns else select(table)
    return sum(row_value(table, r) for r in conn.execute(query.where(*where))) % _MOD


State = dict[str, str]


def state_of(conn: Connection) -> State:
    """The digest of each audited table, as 64 hex digits (read as the database has it: a
    table or column a later migration adds is left out until it exists)."""
    from sqlalchemy import inspect

    found = inspect(conn)
    present = set(found.get_table_names())
    out: State = {}
    for t in AUDITED:
        if t.name in present:
            columns = {c["name"] for c in found.get_columns(t.name)}
            out[t.name] = f"{table_sum(conn, t, columns=columns):064x}"
    return out


def encode(state: State) -> str:
    """The head's text form of a state (canonical, so that it can be signed)."""
    return json.dumps(state, sort_keys=True, separators=(",", ":"))


def decode(text: str) -> State:
    """A state from the head's text; an unreadable one is empty."""
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def moved(state: State, delta: dict[str, int]) -> State:
    """``state`` with this transaction's changes added."""
    return {t.name: f"{(int(state.get(t.name, '0'), 16) + delta.get(t.name, 0)) % _MOD:064x}"
            for t in AUDITED}


def add(conn: Connection, table: Table | None, amount: int) -> None:
    """Record a change in this transaction (sealed into the head at commit); ``table=None``
    only marks the transaction as writing."""
    pending: dict[str, int] = conn.info.setdefault(_DELTA, {})
    if table is not None:
        pending[table.name] = (pending.get(table.name, 0) + amount) % _MOD


def take(conn: Connection) -> dict[str, int] | None:
    """The changes recorded in this transaction, cleared; ``None`` when nothing was written."""
    return conn.info.pop(_DELTA, None)  # type: ignore[no-any-return]


@contextmanager
def changing(conn: Connection, table: Table, *where: ColumnElement[bool]) -> Iterator[None]:
    """Around a write to the rows that match ``where``: their sum before and after."""
    before = table_sum(conn, table, *where)
    yield
    add(conn, table, table_sum(conn, table, *where) - before)


def added(conn: Connection, table: Table, *where: ColumnElement[bool]) -> None:
    """New rows (found by ``where``) enter the digest."""
    add(conn, table, table_sum(conn, table, *where))
