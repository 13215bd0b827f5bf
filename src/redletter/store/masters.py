"""The customer masters that were loaded, in the order they were loaded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, insert, select

from redletter.store import audit, digest
from redletter.store.db import insert_id
from redletter.store.letters import now
from redletter.store.tables import masters


@dataclass(frozen=True)
class MasterRow:
    """A customer master that was loaded."""

    id: int
    sha256: str
    path: str
    customers: int


def current_master(conn: Connection) -> MasterRow | None:
    """The master loaded last."""
    r = conn.execute(select(masters).order_by(masters.c.id.desc()).limit(1)).first()
    return MasterRow(r.id, r.sha256, r.path, r.customers) if r else None


def use_master(conn: Connection, *, sha256: str, path: str, customers: int) -> tuple[int, bool]:
    """Record the master in use; returns its id and whether it differs from the last one
    (in which case every party of concern must be screened again)."""
    last = current_master(conn)
    if last is not None and last.sha256 == sha256:
        return last.id, False
    audit.append(conn, actor="auto", action="master_loaded",
                 reason="a new customer master: every party of concern is screened again",
                 payload={"sha256": sha256, "path": path, "customers": customers})
    master_id = insert_id(conn, insert(masters).values(
        sha256=sha256, file_name=Path(path).name, path=path, customers=customers,
        loaded_at=now()))
    digest.added(conn, masters, masters.c.id == master_id)
    return int(master_id), True
