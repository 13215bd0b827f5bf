"""Letters and their parties in the database: record a processed letter once, read them back,
and edit a party's fields (each edit audited)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from redletter.schema import Item, Letter, Party
from redletter.store import audit, digest
from redletter.store.db import chunks, insert_id
from redletter.store.tables import decisions, denylist, letters, parties

EDITABLE = ("name", "aliases", "address", "country")


def now() -> str:
    """The time stamp every table uses: UTC, ISO 8601, microseconds."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def party_hash(name: str, aliases: list[str] | tuple[str, ...], address: str | None,
               country: str | None) -> str:
    """What a party's data is, for 'not asked again unless the party's data changes'."""
    body = json.dumps([name, list(aliases), address, country], ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredParty:
    """A party of concern as the database holds it, with its letter's provenance."""

    id: int
    letter_id: int
    party: Party


def letter_id_by_sha(conn: Connection, sha256: str) -> int | None:
    """The id of the letter with these bytes, if it was recorded."""
    return conn.execute(select(letters.c.id).where(letters.c.sha256 == sha256)).scalar()


def record_letter(conn: Connection, letter: Letter, *, file_name: str,
                  stored_path: str | None) -> list[StoredParty]:
    """Insert a letter and its parties (the caller checked it is new); audited."""
    entry = audit.append(conn, actor="auto", action="letter_recorded",
                          reason=f"letter {file_name} processed from the inbox",
                          payload={"sha256": letter.source.sha256, "file_name": file_name,
                                   "reference": letter.reference, "parties": len(letter.parties)})
    letter_id = insert_id(conn, insert(letters).values(
        sha256=letter.source.sha256, file_name=file_name, stored_path=stored_path,
        received_at=now(), reference=letter.reference,
        letter_date=letter.letter_date.isoformat() if letter.letter_date else None,
        notice_type=letter.notice_type.value, recipient=letter.recipient,
        issuing_office=letter.issuing_office, pages=letter.pages,
        ocr_pages=json.dumps(list(letter.ocr_pages)),
        page_sizes=json.dumps([list(s) for s in letter.page_sizes]),
        page_rotations=json.dumps([list(r) for r in letter.page_rotations]),
        warnings=json.dumps(list(letter.warnings), ensure_ascii=False),
        status="needs_review" if letter.needs_review else "processed", audit_hash=entry,
        review_reasons=json.dumps(list(letter.review_reasons), ensure_ascii=False),
        items=_items_json(letter.items),
        relations=json.dumps([r.model_dump() for r in letter.relations], ensure_ascii=False),
        notice_evidence=json.dumps(list(letter.notice_type_evidence), ensure_ascii=False)))
    stored = _insert_parties(conn, letter_id, 0, letter.parties)
    digest.added(conn, letters, letters.c.id == letter_id)
    return stored


def _insert_parties(conn: Connection, letter_id: int, start: int,
                    found: Sequence[Party]) -> list[StoredParty]:
    """Insert parties of a letter from ``start`` on (their position in the letter)."""
    stored: list[StoredParty] = []
    for position, p in enumerate(found, start=start):
        party_id = insert_id(conn, insert(parties).values(
            letter_id=letter_id, position=position, name=p.name,
            aliases=json.dumps(list(p.aliases), ensure_ascii=False), address=p.address,
            country=p.country, country_printed=p.country_printed, page=p.page, row=p.row,
            bbox=json.dumps(list(p.bbox)), source=p.source, confidence=p.confidence,
            data_hash=party_hash(p.name, p.aliases, p.address, p.country),
            items=_items_json(p.items), extra=json.dumps(p.extra, ensure_ascii=False, sort_keys=True),
        ))
        stored.append(StoredParty(party_id, letter_id, p))
    digest.added(conn, parties, parties.c.letter_id == letter_id, parties.c.position >= start)
    return stored


def add_parties(conn: Connection, letter_id: int, found: Sequence[Party], *, reviewer: str,
                reason: str, how: str) -> list[StoredParty]:
    """Parties a reviewer adds to a letter (typed in, or from a party list they upload); each
    one audited, with who, why and how."""
    start = int(conn.execute(select(func.count()).select_from(parties)
                             .where(parties.c.letter_id == letter_id)).scalar_one())
    for p in found:
        audit.append(conn, actor=reviewer, action="party_added", reason=reason,
                     payload={"letter_id": letter_id, "how": how,
                              "party": p.model_dump(mode="json", include={"name", "aliases",
                                                                          "address", "country"})})
    return _insert_parties(conn, letter_id, start, found)


def mark_reviewed(conn: Connection, letter_id: int, *, reviewer: str, reason: str) -> bool:
    """A reviewer has checked a letter that needed review: it counts as processed now (audited).
    Returns whether its status changed."""
    status = conn.execute(select(letters.c.status).where(letters.c.id == letter_id)).scalar()
    if status != "needs_review":
        return False
    audit.append(conn, actor=reviewer, action="letter_reviewed", reason=reason,
                 payload={"letter_id": letter_id, "status": "processed"})
    with digest.changing(conn, letters, letters.c.id == letter_id):
        conn.execute(update(letters).where(letters.c.id == letter_id).values(status="processed"))
    return True


def set_letter_kind(conn: Connection, letter_id: int, kind: str, review_reasons: list[str], *,
                    reviewer: str, reason: str) -> str | None:
    """A reviewer sets the kind of a letter (and what remains of its review reasons; none
    left: it counts as processed); audited with the kind before and after. Returns the kind
    before, or ``None`` when nothing changed."""
    row = conn.execute(select(letters).where(letters.c.id == letter_id)).one()
    if row.notice_type == kind and (row.status == "needs_review") == bool(review_reasons):
        return None
    status = "needs_review" if review_reasons else "processed"
    audit.append(conn, actor=reviewer, action="letter_kind_changed", reason=reason,
                 payload={"letter_id": letter_id, "before": row.notice_type, "after": kind,
                          "status": status})
    with digest.changing(conn, letters, letters.c.id == letter_id):
        conn.execute(update(letters).where(letters.c.id == letter_id).values(
            notice_type=kind, status=status,
            review_reasons=json.dumps(review_reasons, ensure_ascii=False)))
    return str(row.notice_type)


def review_reasons_of(conn: Connection, letter_id: int) -> list[str]:
    """Why a letter needs review (empty when it does not); a letter that is not there raises
    ``LookupError``."""
    found = conn.execute(select(letters.c.review_reasons).where(letters.c.id == letter_id)).scalar()
    if found is None:
        raise LookupError(f"no letter {letter_id}")
    return [str(r) for r in json.loads(found)]


def letter_label(conn: Connection, letter_id: int) -> str:
    """How a letter is named to a reviewer: its reference (else its file name) and its id."""
    r = conn.execute(select(letters.c.reference, letters.c.file_name)
                     .where(letters.c.id == letter_id)).first()
    return f"{r.reference or r.file_name} (letter {letter_id})" if r else f"letter {letter_id}"


def letter_kinds(conn: Connection, letter_ids: Sequence[int]) -> dict[int, str]:
    """The kind of each of these letters."""
    return {int(r.id): str(r.notice_type) for part in chunks(sorted(set(letter_ids)))
            for r in conn.execute(select(letters.c.id, letters.c.notice_type)
                                  .where(letters.c.id.in_(part)))}


def repoint_if_missing(conn: Connection, letter_id: int, path: str) -> None:
    """A letter recorded by a run that died before moving its file: point it at where the file
    goes now (the review page shows its pages from there)."""
    stored = conn.execute(select(letters.c.stored_path).where(letters.c.id == letter_id)).scalar()
    if not stored or not Path(stored).exists():
        conn.execute(update(letters).where(letters.c.id == letter_id).values(stored_path=path))


def _items_json(items: Sequence[Item]) -> str:
    return json.dumps([i.model_dump(mode="json") for i in items], ensure_ascii=False)


def _party(row: Any) -> Party:
    return Party(name=row.name, aliases=tuple(json.loads(row.aliases)), address=row.address,
                 country=row.country, country_printed=row.country_printed, page=row.page,
                 row=row.row, bbox=tuple(json.loads(row.bbox)), source=row.source,
                 confidence=row.confidence, items=json.loads(row.items),
                 extra=json.loads(row.extra))


def stored_parties(conn: Connection, letter_id: int | None = None,
                   party_id: int | None = None) -> list[StoredParty]:
    """Parties of concern (of one letter, or one party), in letter and table order."""
    query = select(parties).order_by(parties.c.letter_id, parties.c.position)
    if letter_id is not None:
        query = query.where(parties.c.letter_id == letter_id)
    if party_id is not None:
        query = query.where(parties.c.id == party_id)
    return [StoredParty(r.id, r.letter_id, _party(r)) for r in conn.execute(query)]


def party_data_hash(conn: Connection, party_id: int) -> str:
    """The party's current data hash."""
    return str(conn.execute(select(parties.c.data_hash).where(parties.c.id == party_id)).scalar_one())


def edit_party(conn: Connection, party_id: int, changes: dict[str, Any], *, editor: str,
               reason: str) -> bool:
    """Change a party's editable fields; audited with the values before and after. Returns
    whether anything changed."""
    row = conn.execute(select(parties).where(parties.c.id == party_id)).one()
    before = {"name": row.name, "aliases": json.loads(row.aliases), "address": row.address,
              "country": row.country}
    after = {**before, **{k: v for k, v in changes.items() if k in EDITABLE}}
    if after == before:
        return False
    audit.append(conn, actor=editor, action="party_edited", reason=reason,
                 payload={"party_id": party_id, "letter_id": row.letter_id, "before": before,
                          "after": after})
    with digest.changing(conn, parties, parties.c.id == party_id):
        conn.execute(update(parties).where(parties.c.id == party_id).values(
            name=after["name"], aliases=json.dumps(after["aliases"], ensure_ascii=False),
            address=after["address"], country=after["country"],
            data_hash=party_hash(after["name"], after["aliases"], after["address"],
                                 after["country"])))
    return True


@dataclass(frozen=True)
class LetterSummary:
    """One processed letter, for ``redletter letters`` and the review page's index."""

    id: int
    sha256: str
    file_name: str
    received_at: str
    reference: str | None
    letter_date: str | None
    notice_type: str
    pages: int
    status: str
    parties: int
    on_list: int
    pending_review: int
    review_reasons: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def letter_summaries(conn: Connection) -> list[LetterSummary]:
    """Every letter with its counts, oldest first."""
    party_counts = {int(lid): int(n) for lid, n in conn.execute(
        select(parties.c.letter_id, func.count()).group_by(parties.c.letter_id))}
    listed = conn.execute(
        select(parties.c.letter_id, denylist.c.status, func.count())
        .select_from(denylist.join(decisions, denylist.c.decision_id == decisions.c.id)
                     .join(parties, decisions.c.party_id == parties.c.id))
        .group_by(parties.c.letter_id, denylist.c.status))
    counts = {(int(lid), str(st)): int(n) for lid, st, n in listed}
    return [LetterSummary(r.id, r.sha256, r.file_name, r.received_at, r.reference, r.letter_date,
                          r.notice_type, r.pages, r.status, party_counts.get(r.id, 0),
                          counts.get((r.id, "active"), 0), counts.get((r.id, "pending_review"), 0),
                          json.loads(r.review_reasons))
            for r in conn.execute(select(letters).order_by(letters.c.id))]
