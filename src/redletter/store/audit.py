"""The append-only audit log: who did what, when and why, each entry hash-chained to the one
before, so that an edited or deleted row breaks the chain.

An entry's hash is SHA-256 over the previous entry's hash and the entry's own fields in a
canonical JSON form; the first entry chains to 64 zeros. The chain, not the ids, gives the
order (PostgreSQL's sequences leave gaps after a rolled-back transaction): the log is walked
from the first entry by each entry's link to the one before. The head (``store/head.py``)
says where the chain must end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import signal
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from redletter.store.db import audit_log
from redletter.store.head import GENESIS, Head, advance, read_head, sign


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


_appended = 0


def fault_point() -> None:
    """A test hook: with ``REDLETTER_FAULT_AT=n`` the process kills itself (SIGKILL) at its
    n-th fault point (each audit entry written, each file moved), so that the tests can check
    that a kill anywhere loses nothing. Unset, it does nothing."""
    global _appended
    at = os.environ.get("REDLETTER_FAULT_AT")
    if not at:
        return
    _appended += 1
    if _appended == int(at):
        os.kill(os.getpid(), signal.SIGKILL)


def append(conn: Connection, *, actor: str, action: str, reason: str,
           payload: dict[str, Any]) -> str:
    """Add one entry after the head (inside the caller's write transaction, which holds the
    head) and return its hash."""
    head = read_head(conn)
    prev = head.hash if head else GENESIS
    at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = entry_hash(prev, at, actor, action, reason, body)
    conn.execute(insert(audit_log).values(at=at, actor=actor, action=action, reason=reason,
                                          payload=body, prev_hash=prev, hash=digest))
    advance(conn, digest)
    fault_point()
    return digest


def failure_recorded(conn: Connection, *, sha256: str | None, file_name: str) -> bool:
    """Whether this file's failure is already on record (a run killed after recording it,
    before moving the file): a rerun does not record it twice."""
    if sha256 is None:
        return False
    needle = json.dumps({"sha256": sha256}, separators=(",", ":"))[1:-1]
    rows = conn.execute(select(audit_log.c.payload).where(
        audit_log.c.action == "file_failed", audit_log.c.payload.contains(needle)))
    return any(json.loads(r.payload).get("file_name") == file_name for r in rows)


def chain(conn: Connection) -> tuple[list[Any], Broken | None]:
    """The entries in chain order from the first, and the first problem found walking it:
    an entry changed after it was written, or entries the walk does not reach (one before
    them was deleted, or they were inserted)."""
    rows = list(conn.execute(select(audit_log).order_by(audit_log.c.id)))
    after = {r.prev_hash: r for r in rows}
    walked: list[Any] = []
    prev = GENESIS
    while (row := after.get(prev)) is not None and len(walked) < len(rows):
        if entry_hash(row.prev_hash, row.at, row.actor, row.action, row.reason,
                      row.payload) != row.hash:
            return walked, Broken(row.id, "was changed after it was written")
        walked.append(row)
        prev = row.hash
    if len(walked) < len(rows):
        reached = {r.hash for r in walked}
        stray = next(r for r in rows if r.hash not in reached)
        return walked, Broken(stray.id, "does not link to the entry before it (an entry was "
                                        "deleted or this one was inserted)")
    return walked, None


def head_problem(head: Head | None, walked: list[Any], key: str | None) -> Broken | None:
    """Whether the chain ends where the head says, and the head is signed by the key."""
    if head is None:
        return Broken(None, "the audit head is missing (its row was deleted)")
    last = walked[-1].hash if walked else GENESIS
    if len(walked) < head.entries:
        return Broken(None, f"the audit trail ends after {len(walked)} entries, but the head "
                            f"says {head.entries}: the newest entries were deleted")
    if (len(walked), last) != (head.entries, head.hash):
        return Broken(None, "the audit head does not match the end of the trail (edited?)")
    if key is None:
        return None
    if head.signature is None:
        return Broken(None, "the audit head is not signed, but REDLETTER_AUDIT_KEY is set")
    if not hmac.compare_digest(sign(key, head.entries, head.hash, head.state), head.signature):
        return Broken(None, "the audit head's signature does not match REDLETTER_AUDIT_KEY "
                            "(the trail was recomputed without the key)")
    return None


def verify(engine: Engine) -> Broken | None:
    """The first broken entry, or ``None`` when the chain is intact. Catches edited rows (the
    hash no longer matches) and deleted, inserted or reordered rows (the walk from the first
    entry does not reach them all)."""
    with engine.connect() as conn:
        return chain(conn)[1]


def count(engine: Engine) -> int:
    """Entries in the log, as the head counts them."""
    with engine.connect() as conn:
        head = read_head(conn)
    return head.entries if head else 0


def export_trail(engine: Engine) -> dict[str, Any]:
    """The whole trail in chain order with the head, for safekeeping outside the database."""
    with engine.connect() as conn:
        walked, _ = chain(conn)
        head = read_head(conn)
    entries = [{"id": r.id, "at": r.at, "actor": r.actor, "action": r.action, "reason": r.reason,
                "payload": r.payload, "prev_hash": r.prev_hash, "hash": r.hash} for r in walked]
    return {"format": "redletter-audit-trail/1",
            "head": None if head is None else {"entries": head.entries, "hash": head.hash,
                                               "state": head.state, "signature": head.signature},
            "entries": entries}


def extends(engine: Engine, kept: dict[str, Any]) -> Broken | None:
    """Whether the trail still holds a head kept earlier (``export_trail``) at its place:
    nothing written before that export was rewritten, truncated or wiped since."""
    try:
        entries, last = int(kept["head"]["entries"]), str(kept["head"]["hash"])
    except (KeyError, TypeError, ValueError):
        return Broken(None, "the kept head is not an export of 'redletter audit export'")
    with engine.connect() as conn:
        walked, _ = chain(conn)
    if entries == 0 or (len(walked) >= entries and walked[entries - 1].hash == last):
        return None
    return Broken(None, f"the trail no longer holds the exported head (entry {entries}, "
                        f"{last[:12]}…): rewritten, truncated or wiped since the export")
