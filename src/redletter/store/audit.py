"""The append-only audit log: who did what, when and why, each entry hash-chained to the one
before, so that an edited or deleted row breaks the chain.

An entry's hash is SHA-256 over the previous entry's hash and the entry's own fields in a
canonical JSON form; the first entry chains to 64 zeros.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, text

from redletter.store.db import audit_log

GENESIS = "0" * 64


@dataclass(frozen=True)
class Broken:
    """Where the chain breaks: the entry id and what is wrong with it."""

    entry: int | None  # None: the problem is in a table that names the log, not in the log
    problem: str

    def __str__(self) -> str:
        return f"audit entry {self.entry} {self.problem}" if self.entry else self.problem


def entry_hash(prev_hash: str, at: str, actor: str, action: str, reason: str, payload: str) -> str:
    """The hash of one entry, chained to the previous one."""
    body = json.dumps([prev_hash, at, actor, action, reason, payload], ensure_ascii=False,
                      separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append(conn: Connection, *, actor: str, action: str, reason: str,
           payload: dict[str, Any]) -> str:
    """Add one entry (inside the caller's transaction) and return its hash."""
    if conn.dialect.name == "postgresql":  # SQLite serializes writers with BEGIN IMMEDIATE
        conn.execute(text("SELECT pg_advisory_xact_lock(5051)"))
    last = conn.execute(select(audit_log.c.hash).order_by(audit_log.c.id.desc()).limit(1)).scalar()
    prev = last or GENESIS
    at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = entry_hash(prev, at, actor, action, reason, body)
    conn.execute(insert(audit_log).values(at=at, actor=actor, action=action, reason=reason,
                                          payload=body, prev_hash=prev, hash=digest))
    return digest


def verify(engine: Engine) -> Broken | None:
    """The first broken entry, or ``None`` when the chain is intact. Catches edited rows (the
    hash no longer matches), deleted rows (the next entry's link points at a missing hash, or
    ids skip), and reordered rows."""
    prev, expected_id = GENESIS, None
    with engine.connect() as conn:
        rows = conn.execute(select(audit_log).order_by(audit_log.c.id))
        for row in rows:
            if expected_id is not None and row.id != expected_id:
                return Broken(row.id, f"entries {expected_id}..{row.id - 1} are missing")
            if row.prev_hash != prev:
                return Broken(row.id, "does not link to the entry before it")
            if entry_hash(row.prev_hash, row.at, row.actor, row.action, row.reason,
                          row.payload) != row.hash:
                return Broken(row.id, "was changed after it was written")
            prev, expected_id = row.hash, row.id + 1
    return None


def count(engine: Engine) -> int:
    """Entries in the log."""
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(audit_log)).scalar() or 0)
