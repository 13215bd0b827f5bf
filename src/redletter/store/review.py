"""What the review page reads: one letter with its parties, their candidates and the state of
each (party, customer) pair."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Subquery, func, select

from redletter.schema import Item, restriction_strength
from redletter.store.db import chunks
from redletter.store.export import restriction_counts
from redletter.store.history import Removal, removed_parties
from redletter.store.letters import stored_parties
from redletter.store.tables import candidates, decisions, letters, parties


@dataclass
class CandidateView:
    """A customer that may be the party, and where the pair stands."""

    customer_id: str
    customer_name: str
    score: float
    matcher: str
    features: list[dict[str, Any]]
    state: str  # active | pending_review | rejected | withdrawn | removed | none
    decided_by: str | None
    reason: str | None
    restriction: str = ""
    restriction_by: str | None = None


@dataclass
class PartyView:
    """A party of the letter with its candidates."""

    id: int
    position: int
    name: str
    aliases: list[str]
    address: str | None
    country: str | None
    country_printed: str | None
    page: int
    row: int
    bbox: tuple[float, float, float, float]
    source: str
    confidence: float
    candidates: list[CandidateView] = field(default_factory=list)
    hs_codes: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)
    chpl_tier: str | None = None
    removed: Removal | None = None


@dataclass
class LetterView:
    """One letter for the review page."""

    id: int
    sha256: str
    file_name: str
    stored_path: str | None
    reference: str | None
    letter_date: str | None
    notice_type: str
    pages: int
    page_sizes: list[tuple[float, float]]
    page_rotations: list[tuple[int, float]]
    ocr_pages: list[int]
    warnings: list[str]
    parties: list[PartyView]
    status: str = "processed"
    review_reasons: list[str] = field(default_factory=list)
    relations: list[dict[str, str]] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


def _candidates(conn: Connection, letter_id: int) -> dict[int, list[CandidateView]]:
    """Every party's candidates in the letter, with the latest decision of each pair: two
    queries for the whole letter."""
    party_ids = select(parties.c.id).where(parties.c.letter_id == letter_id)
    latest: dict[tuple[int, str], Any] = {}
    for row in conn.execute(select(decisions).where(decisions.c.party_id.in_(party_ids))
                          .order_by(decisions.c.id)):
        latest[(row.party_id, row.customer_id)] = row
    out: dict[int, list[CandidateView]] = {}
    for c in conn.execute(select(candidates).where(candidates.c.party_id.in_(party_ids))
                          .order_by(candidates.c.score.desc(), candidates.c.customer_id)):
        d = latest.get((c.party_id, c.customer_id))
        out.setdefault(c.party_id, []).append(CandidateView(
            c.customer_id, c.customer_name, c.score, c.decision, json.loads(c.features),
            d.outcome if d else "none", d.decided_by if d else None, d.reason if d else None,
            d.restriction if d else "", d.restriction_by if d else None))
    return out


def best_tier(items: Sequence[Item]) -> str | None:
    """The highest CHPL tier among items ("1" is the highest), or ``None``."""
    return min((i.chpl_tier for i in items if i.chpl_tier), default=None)


def letter_view(conn: Connection, letter_id: int) -> LetterView | None:
    """The letter, or ``None`` when there is no such letter."""
    r = conn.execute(select(letters).where(letters.c.id == letter_id)).first()
    if r is None:
        return None
    found = _candidates(conn, letter_id)
    stored = stored_parties(conn, letter_id=letter_id)
    gone = removed_parties(conn, [s.id for s in stored])
    views = [PartyView(s.id, i, s.party.name, list(s.party.aliases), s.party.address,
                       s.party.country, s.party.country_printed, s.party.page, s.party.row,
                       s.party.bbox, s.party.source, s.party.confidence, found.get(s.id, []),
                       s.party.hs_codes, s.party.extra, best_tier(s.party.items), gone.get(s.id))
             for i, s in enumerate(stored)]
    return LetterView(r.id, r.sha256, r.file_name, r.stored_path, r.reference, r.letter_date,
                      r.notice_type, r.pages, [tuple(s) for s in json.loads(r.page_sizes)],
                      [(int(t), float(d)) for t, d in json.loads(r.page_rotations)],
                      json.loads(r.ocr_pages), json.loads(r.warnings), views, r.status,
                      json.loads(r.review_reasons), json.loads(r.relations),
                      json.loads(r.notice_evidence))


def letter_file(conn: Connection, letter_id: int) -> tuple[str | None, list[tuple[int, float]]] | None:
    """Where a letter's file is and how its scanned pages were turned (for its page images)."""
    r = conn.execute(select(letters.c.stored_path, letters.c.page_rotations)
                     .where(letters.c.id == letter_id)).first()
    if r is None:
        return None
    return r.stored_path, [(int(t), float(d)) for t, d in json.loads(r.page_rotations)]


@dataclass
class QueueItem:
    """A pair waiting for a reviewer, with what orders the queue."""

    party_id: int
    customer_id: str
    customer_name: str
    party_name: str
    letter_id: int
    letter_reference: str | None
    file_name: str
    notice_type: str
    restriction: str
    chpl_tier: str | None
    score: float
    features: list[dict[str, Any]]
    decided_at: str


def _queue_item(r: Any, features: dict[tuple[int, str], list[dict[str, Any]]]) -> QueueItem:
    items = [Item.model_validate(i) for i in json.loads(r.items) or json.loads(r.letter_items)]
    return QueueItem(r.party_id, r.customer_id, r.customer_name, r.party_name, r.letter_id,
                     r.reference, r.file_name, r.notice_type, r.restriction, best_tier(items),
                     r.score, features.get((r.party_id, r.customer_id), []), r.decided_at)


def _latest() -> Subquery:
    """The id of the latest decision of every pair."""
    return (select(func.max(decisions.c.id).label("id"))
            .group_by(decisions.c.party_id, decisions.c.customer_id).subquery())


def pending_queue(conn: Connection, tier: str | None = None) -> list[QueueItem]:
    """Every pair waiting for a reviewer, across letters: the strictest restriction first,
    then the highest CHPL tier, then the highest score. ``tier``: only pairs whose highest
    tier is that one or higher."""
    latest = _latest()
    rows = conn.execute(
        select(decisions.c.party_id, decisions.c.customer_id, decisions.c.customer_name,
               decisions.c.restriction, decisions.c.score, decisions.c.decided_at,
               parties.c.name.label("party_name"), parties.c["items"], letters.c.id.label("letter_id"),
               letters.c.reference, letters.c.file_name, letters.c.notice_type,
               letters.c["items"].label("letter_items"))
        .select_from(decisions.join(latest, decisions.c.id == latest.c.id)
                     .join(parties, decisions.c.party_id == parties.c.id)
                     .join(letters, parties.c.letter_id == letters.c.id))
        .where(decisions.c.outcome == "pending_review")).all()
    features = {(c.party_id, c.customer_id): json.loads(c.features)
                for part in chunks(sorted({r.party_id for r in rows}))
                for c in conn.execute(select(candidates).where(candidates.c.party_id.in_(part)))}
    queue = [_queue_item(r, features) for r in rows]
    if tier:
        queue = [q for q in queue if q.chpl_tier is not None and q.chpl_tier <= tier]
    return sorted(queue, key=lambda q: (restriction_strength(q.restriction), q.chpl_tier or "9",
                                        -q.score, q.customer_id, q.party_id))


@dataclass
class Counts:
    """The front page's numbers."""

    letters: int
    needs_review: int
    pending: int
    active: dict[str, int]


def front_counts(conn: Connection) -> Counts:
    """How many letters, letters needing review, pairs waiting, and active entries by
    restriction."""
    by_status = {str(k): int(n) for k, n in conn.execute(
        select(letters.c.status, func.count()).group_by(letters.c.status))}
    latest = _latest()
    pending = conn.execute(select(func.count()).select_from(
        decisions.join(latest, decisions.c.id == latest.c.id))
        .where(decisions.c.outcome == "pending_review")).scalar_one()
    return Counts(sum(by_status.values()), by_status.get("needs_review", 0), int(pending),
                  restriction_counts(conn, "active"))


@dataclass
class PairEvidence:
    """Everything recorded about one (party, customer) pair, for the evidence page."""

    party: Any  # StoredParty
    letter: Any  # the letters row
    candidate: Any | None  # the candidates row (None once the matcher dropped it)
    decisions: list[Any]
    removal: Removal | None


def customer_evidence(conn: Connection, customer_id: str) -> list[PairEvidence]:
    """Every pair of this customer (a candidate or a decision), in letter and party order."""
    found = {int(r.party_id) for r in conn.execute(
        select(decisions.c.party_id).where(decisions.c.customer_id == customer_id))}
    found |= {int(r.party_id) for r in conn.execute(
        select(candidates.c.party_id).where(candidates.c.customer_id == customer_id))}
    gone = removed_parties(conn, sorted(found))
    out = []
    for party_id in sorted(found):
        stored = stored_parties(conn, party_id=party_id)[0]
        letter = conn.execute(select(letters).where(letters.c.id == stored.letter_id)).one()
        cand = conn.execute(select(candidates).where(candidates.c.party_id == party_id,
                                                     candidates.c.customer_id == customer_id)).first()
        made = list(conn.execute(select(decisions).where(
            decisions.c.party_id == party_id, decisions.c.customer_id == customer_id)
            .order_by(decisions.c.id)))
        out.append(PairEvidence(stored, letter, cand, made, gone.get(party_id)))
    return sorted(out, key=lambda e: (e.letter.id, e.party.id))
