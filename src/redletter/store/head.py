"""The head of the audit chain, kept in its own table (``audit_head``, migration 0004): the
number of entries, the last entry's hash, the digest of the audited tables, and an HMAC of
the three under ``REDLETTER_AUDIT_KEY`` when one is set.

Every write transaction locks the head first (PostgreSQL: ``SELECT ... FOR UPDATE``; SQLite
already holds the write lock), appends its entries after the head's hash, and seals the head
before it commits. Deleting the newest entries, wiping the tables, or editing an audited row
then no longer agrees with the head; recomputing the chain and the head after an edit needs
the key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from redletter.store import digest
from redletter.store.db import audit_head, audit_key_of, audit_log

GENESIS = "0" * 64
_HEAD = 1


@dataclass(frozen=True)
class Head:
    """What the head says."""

    entries: int
    hash: str
    state: str
    signature: str | None


def sign(key: str, entries: int, last: str, state: str) -> str:
    """The head's HMAC-SHA256 under the key."""
    message = f"redletter-audit-head:{entries}:{last}:{state}".encode()
    return hmac.new(key.encode("utf-8"), message, hashlib.sha256).hexdigest()


def read_head(conn: Connection) -> Head | None:
    """The head, or ``None`` when its row is gone."""
    r = conn.execute(select(audit_head).where(audit_head.c.id == _HEAD)).first()
    return Head(r.entries, r.hash, r.state, r.signature) if r else None


def lock_head(conn: Connection) -> None:
    """Start a write: serialise with every other writer (PostgreSQL) and clear the pending
    digest change of this pooled connection."""
    digest.take(conn)
    if conn.dialect.name == "postgresql":
        conn.execute(select(audit_head.c.id).where(audit_head.c.id == _HEAD).with_for_update())


def advance(conn: Connection, new_hash: str) -> None:
    """One more entry after the head (sealed, and signed, at commit)."""
    conn.execute(update(audit_head).where(audit_head.c.id == _HEAD)
                 .values(entries=audit_head.c.entries + 1, hash=new_hash))
    digest.add(conn, None, 0)


def seal(conn: Connection) -> None:
    """End a write: fold this transaction's digest change into the head and sign it."""
    delta = digest.take(conn)
    head = read_head(conn)
    if delta is None or head is None:
        return
    state = digest.encode(digest.moved(digest.decode(head.state), delta))
    key = audit_key_of(conn)
    conn.execute(update(audit_head).where(audit_head.c.id == _HEAD).values(
        state=state, signature=sign(key, head.entries, head.hash, state) if key else None,
        updated_at=_now()))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def create_head(conn: Connection) -> None:
    """Migration 0004: the head of the trail and tables as they are (an older database's
    entries, in the order they were written)."""
    rows: list[Any] = list(conn.execute(select(audit_log.c.hash).order_by(audit_log.c.id)))
    conn.execute(insert(audit_head).values(
        id=_HEAD, entries=len(rows), hash=rows[-1].hash if rows else GENESIS,
        state=digest.encode(digest.state_of(conn)), signature=None, updated_at=_now()))


def rebase(conn: Connection) -> None:
    """After a migration that adds columns to audited tables (every row's digest changes):
    the head's table digests computed again, and signed when the key is at hand."""
    head = read_head(conn)
    if head is None:
        return
    state = digest.encode(digest.state_of(conn))
    key = audit_key_of(conn)
    conn.execute(update(audit_head).where(audit_head.c.id == _HEAD).values(
        state=state, signature=sign(key, head.entries, head.hash, state) if key else head.signature,
        updated_at=_now()))
