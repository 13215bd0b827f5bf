"""What the review page reads: one letter with its parties, their candidates and the state of
each (party, customer) pair."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

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
    state: str  # active | pending_review | rejected | withdrawn | none
    decided_by: str | None
    reason: str | None


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
            d.outcome if d else "none", d.decided_by if d else None, d.reason if d else None))
    return out


def letter_view(conn: Connection, letter_id: int) -> LetterView | None:
    """The letter, or ``None`` when there is no such letter."""
    r = conn.execute(select(letters).where(letters.c.id == letter_id)).first()
    if r is None:
        return None
    found = _candidates(conn, letter_id)
    views = [PartyView(s.id, i, s.party.name, list(s.party.aliases), s.party.address,
                       s.party.country, s.party.country_printed, s.party.page, s.party.row,
                       s.party.bbox, s.party.source, s.party.confidence, found.get(s.id, []),
                       s.party.hs_codes, s.party.extra)
             for i, s in enumerate(stored_parties(conn, letter_id=letter_id))]
    return LetterView(r.id, r.sha256, r.file_name, r.stored_path, r.reference, r.letter_date,
                      r.notice_type, r.pages, [tuple(s) for s in json.loads(r.page_sizes)],
                      [(int(t), float(d)) for t, d in json.loads(r.page_rotations)],
                      json.loads(r.ocr_pages), json.loads(r.warnings), views, r.status,
                      json.loads(r.review_reasons))


def letter_file(conn: Connection, letter_id: int) -> tuple[str | None, list[tuple[int, float]]] | None:
    """Where a letter's file is and how its scanned pages were turned (for its page images)."""
    r = conn.execute(select(letters.c.stored_path, letters.c.page_rotations)
                     .where(letters.c.id == letter_id)).first()
    if r is None:
        return None
    return r.stored_path, [(int(t), float(d)) for t, d in json.loads(r.page_rotations)]
