"""A letter's life in the database: links between a later letter and the earlier one it
amends, supersedes or removes parties from; parties taken off the list (by a letter or a
reviewer); and every export of the list with what it held. The store only records, each write
audited: what to link, remove or export is the screening layer's."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, or_, select

from redletter.store import audit, digest
from redletter.store.db import chunks, insert_id
from redletter.store.letters import now
from redletter.store.tables import exports, letter_links, letters, parties, removals


@dataclass(frozen=True)
class Link:
    """A later letter linked to an earlier one."""

    id: int
    letter_id: int
    earlier_id: int
    relation: str
    reference: str
    linked_at: str


def letters_with_reference(conn: Connection, reference: str, before: int) -> list[int]:
    """The letters recorded before letter ``before`` whose reference is this one."""
    rows = conn.execute(select(letters.c.id).where(letters.c.reference == reference,
                                                   letters.c.id < before).order_by(letters.c.id))
    return [int(r.id) for r in rows]


def record_link(conn: Connection, *, letter_id: int, earlier_id: int, relation: str,
                reference: str) -> int | None:
    """Link a later letter to an earlier one (audited); ``None`` when they are linked already."""
    done = conn.execute(select(letter_links.c.id).where(
        letter_links.c.letter_id == letter_id, letter_links.c.earlier_id == earlier_id)).first()
    if done is not None:
        return None
    entry = audit.append(conn, actor="auto", action="letters_linked",
                         reason=f"the letter {relation.replace('_', ' ')} {reference}",
                         payload={"letter_id": letter_id, "earlier_id": earlier_id,
                                  "relation": relation, "reference": reference})
    link_id = insert_id(conn, insert(letter_links).values(
        letter_id=letter_id, earlier_id=earlier_id, relation=relation, reference=reference,
        linked_at=now(), audit_hash=entry))
    digest.added(conn, letter_links, letter_links.c.id == link_id)
    return link_id


def links_of(conn: Connection, letter_id: int) -> list[Link]:
    """The links of a letter, to the letters before it and from the letters after it."""
    rows = conn.execute(select(letter_links).where(or_(
        letter_links.c.letter_id == letter_id, letter_links.c.earlier_id == letter_id))
        .order_by(letter_links.c.id))
    return [Link(r.id, r.letter_id, r.earlier_id, r.relation, r.reference, r.linked_at) for r in rows]


@dataclass(frozen=True)
class Removal:
    """A party taken off the list: by which letter or reviewer, when and why."""

    party_id: int
    by_letter_id: int | None
    decided_by: str
    decided_at: str
    reason: str
    audit_hash: str


def removed_parties(conn: Connection, party_ids: Sequence[int] | None = None) -> dict[int, Removal]:
    """The removals of these parties (of all, without ``party_ids``)."""
    if party_ids is None:
        rows = list(conn.execute(select(removals)))
    else:
        rows = [r for part in chunks(sorted(set(party_ids)))
                for r in conn.execute(select(removals).where(removals.c.party_id.in_(part)))]
    return {int(r.party_id): Removal(r.party_id, r.by_letter_id, r.decided_by, r.decided_at,
                                     r.reason, r.audit_hash) for r in rows}


def record_removal(conn: Connection, *, party_id: int, by_letter_id: int | None, decided_by: str,
                   reason: str) -> bool:
    """Take a party off the list (audited); ``False`` when it was already."""
    if removed_parties(conn, [party_id]):
        return False
    name = conn.execute(select(parties.c.name).where(parties.c.id == party_id)).scalar_one()
    entry = audit.append(conn, actor=decided_by, action="party_removed", reason=reason,
                         payload={"party_id": party_id, "party": name, "by_letter_id": by_letter_id})
    conn.execute(insert(removals).values(party_id=party_id, by_letter_id=by_letter_id,
                                         decided_by=decided_by, decided_at=now(), reason=reason,
                                         audit_hash=entry))
    digest.added(conn, removals, removals.c.party_id == party_id)
    return True


@dataclass(frozen=True)
class ExportRow:
    """An export of the list as recorded."""

    export_id: str
    at: str
    kind: str
    since: str | None
    entries: list[dict[str, Any]]


def _export(r: Any) -> ExportRow:
    return ExportRow(r.export_id, r.at, r.kind, r.since, json.loads(r.snapshot))


def record_export(conn: Connection, *, fmt: str, kind: str, since: str | None,
                  entries: list[dict[str, Any]], detail: dict[str, Any]) -> str:
    """Record an export with the entries it held (audited); returns its id, ``EXP-000001``
    and so on (writers are serialised, so the numbers follow each other)."""
    number = int(conn.execute(select(func.count()).select_from(exports)).scalar_one()) + 1
    export_id = f"EXP-{number:06d}"
    snapshot = json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    sha = hashlib.sha256(snapshot.encode("utf-8")).hexdigest()
    entry = audit.append(conn, actor="auto", action="list_exported",
                         reason=f"{kind} export of the denied-customer list as {fmt}",
                         payload={"export_id": export_id, "format": fmt, "kind": kind,
                                  "since": since, "entries": len(entries), "sha256": sha, **detail})
    conn.execute(insert(exports).values(export_id=export_id, at=now(), format=fmt, kind=kind,
                                        since=since, entries=len(entries), snapshot=snapshot,
                                        sha256=sha, audit_hash=entry))
    digest.added(conn, exports, exports.c.export_id == export_id)
    return export_id


def export_by_id(conn: Connection, export_id: str) -> ExportRow | None:
    """An earlier export by its id."""
    r = conn.execute(select(exports).where(exports.c.export_id == export_id)).first()
    return _export(r) if r else None


def export_before(conn: Connection, moment: dt.datetime) -> ExportRow | None:
    """The last full-list export (full or delta) made before this moment."""
    at = moment.astimezone(dt.UTC).isoformat(timespec="microseconds")
    r = conn.execute(select(exports).where(exports.c.at < at,
                                           exports.c.kind != "filtered")
                     .order_by(exports.c.id.desc()).limit(1)).first()
    return _export(r) if r else None
