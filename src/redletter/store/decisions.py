"""Decisions, candidates and the denylist in the database. The store only records: what to
decide is the screening layer's (``redletter.screening``).

For each (party, customer) pair the latest decision is what counts; every decision is a row
with its reason, the restriction in force and the audit entry that records it, and the
denylist is rebuilt from the decisions of the customers concerned: per customer, the pair that
is active, then the strictest, then the best scored, gives the entry.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from redletter.schema import Candidate, restriction_strength
from redletter.store import audit, digest
from redletter.store.db import insert_id
from redletter.store.letters import now, party_data_hash
from redletter.store.tables import candidates, decisions, denylist, letters, parties

LISTED = ("active", "pending_review")


@dataclass(frozen=True)
class Decided:
    """The latest decision of a pair."""

    id: int
    outcome: str
    party_hash: str
    score: float
    customer_name: str
    restriction: str = ""
    restriction_by: str | None = None


def _decided(r: Any) -> Decided:
    return Decided(r.id, r.outcome, r.party_hash, r.score, r.customer_name, r.restriction,
                   r.restriction_by)


def latest_decisions(conn: Connection, party_id: int) -> dict[str, Decided]:
    """The latest decision for each customer of this party."""
    rows = conn.execute(select(decisions).where(decisions.c.party_id == party_id)
                        .order_by(decisions.c.id))
    return {r.customer_id: _decided(r) for r in rows}


def latest_of_letter(conn: Connection, letter_id: int) -> dict[tuple[int, str], Decided]:
    """The latest decision of every (party, customer) pair of a letter."""
    party_ids = select(parties.c.id).where(parties.c.letter_id == letter_id)
    rows = conn.execute(select(decisions).where(decisions.c.party_id.in_(party_ids))
                        .order_by(decisions.c.id))
    return {(r.party_id, r.customer_id): _decided(r) for r in rows}


@dataclass(frozen=True)
class Restricted:
    """The restriction a decision records: what, on what legal basis, and who set it by hand
    (``None``: it follows the kind of the party's letter)."""

    restriction: str
    legal_basis: str
    set_by: str | None = None


def record_decision(conn: Connection, *, party_id: int, customer_id: str, customer_name: str,
                    outcome: str, decided_by: str, reason: str, score: float,
                    detail: dict[str, Any], restricted: Restricted, action: str | None = None) -> int:
    """Record one decision (audited, as ``action`` or ``decision_<outcome>``) and rebuild the
    customer's denylist entry."""
    data_hash = party_data_hash(conn, party_id)
    at = now()
    payload = {"party_id": party_id, "customer_id": customer_id, "customer_name": customer_name,
               "outcome": outcome, "decided_at": at, "party_hash": data_hash,
               "score": round(score, 4), "restriction": restricted.restriction,
               "legal_basis": restricted.legal_basis, "restriction_by": restricted.set_by, **detail}
    entry = audit.append(conn, actor=decided_by, action=action or f"decision_{outcome}",
                         reason=reason, payload=payload)
    decision_id = insert_id(conn, insert(decisions).values(
        party_id=party_id, customer_id=customer_id, customer_name=customer_name, outcome=outcome,
        decided_by=decided_by, decided_at=at, reason=reason, party_hash=data_hash,
        score=round(score, 4), audit_hash=entry, restriction=restricted.restriction,
        legal_basis=restricted.legal_basis, restriction_by=restricted.set_by))
    digest.added(conn, decisions, decisions.c.id == decision_id)
    refresh_denylist(conn, [customer_id])
    return int(decision_id)


def provenance(conn: Connection, party_id: int) -> dict[str, Any]:
    """Where a party of concern comes from: letter, reference, hash, kind, page, row, name."""
    r = conn.execute(select(parties.c.name, parties.c.page, parties.c.row, letters.c.file_name,
                            letters.c.reference, letters.c.sha256, letters.c.notice_type)
                     .select_from(parties.join(letters)).where(parties.c.id == party_id)).one()
    return {"letter": r.file_name, "letter_reference": r.reference, "letter_sha256": r.sha256,
            "page": r.page, "row": r.row, "party": r.name, "notice_type": r.notice_type}


def save_candidate(conn: Connection, party_id: int, cand: Candidate, master_id: int) -> None:
    """Store (or refresh) what the matcher said about a pair under a master."""
    values = {"customer_name": cand.name, "score": round(cand.score, 4), "decision": cand.decision,
              "features": json.dumps([f.model_dump() for f in cand.features], ensure_ascii=False),
              "master_id": master_id}
    pair = (candidates.c.party_id == party_id, candidates.c.customer_id == cand.customer_id)
    with digest.changing(conn, candidates, *pair):
        done = conn.execute(update(candidates).where(*pair).values(**values)).rowcount
        if not done:
            conn.execute(insert(candidates).values(party_id=party_id,
                                                   customer_id=cand.customer_id, **values))


def drop_candidates(conn: Connection, party_id: int, customer_ids: Sequence[str]) -> None:
    """Forget pairs the matcher no longer proposes."""
    pairs = (candidates.c.party_id == party_id, candidates.c.customer_id.in_(list(customer_ids)))
    with digest.changing(conn, candidates, *pairs):
        conn.execute(delete(candidates).where(*pairs))


def candidate(conn: Connection, party_id: int, customer_id: str) -> Any:
    """The stored candidate row of a pair, or ``None``."""
    return conn.execute(select(candidates).where(candidates.c.party_id == party_id,
                                                 candidates.c.customer_id == customer_id)).first()


def listed_pairs(conn: Connection, customer_ids: Iterable[str] | None = None) -> list[Any]:
    """The latest decision of every pair that puts its customer on the list (active or
    pending review), of these customers or of all."""
    query = select(decisions).order_by(decisions.c.id)
    if customer_ids is not None:
        query = query.where(decisions.c.customer_id.in_(list(customer_ids)))
    latest: dict[tuple[int, str], Any] = {}
    for r in conn.execute(query):
        latest[(r.party_id, r.customer_id)] = r
    return [r for r in latest.values() if r.outcome in LISTED]


def rank(r: Any) -> tuple[bool, int, float, int]:
    """How a listed pair ranks for its customer's entry: active first, then the strictest
    restriction, then the highest score, then the earliest decision."""
    return (r.outcome != "active", restriction_strength(r.restriction), -r.score, r.id)


def derive_denylist(conn: Connection, customer_ids: Iterable[str] | None = None
                    ) -> dict[str, tuple[str, str, int]]:
    """What the denylist must hold: customer id -> (name, status, decision id), from the pair
    that ranks first (``rank``) among the customer's listed pairs."""
    best: dict[str, Any] = {}
    for r in listed_pairs(conn, customer_ids):
        if r.customer_id not in best or rank(r) < rank(best[r.customer_id]):
            best[r.customer_id] = r
    return {cid: (r.customer_name, r.outcome, r.id) for cid, r in best.items()}


def backfill_restrictions(conn: Connection, rule: Callable[[str], tuple[str, str]]) -> int:
    """Migration 0006b: decisions without a restriction get ``rule(kind of their letter)``
    (restriction, legal basis); the list is rebuilt and an audit entry says how many."""
    rows = conn.execute(select(decisions.c.id, letters.c.notice_type)
                        .select_from(decisions.join(parties).join(letters))
                        .where(decisions.c.restriction == "")).all()
    for r in rows:
        restriction, basis = rule(r.notice_type)
        conn.execute(update(decisions).where(decisions.c.id == r.id)
                     .values(restriction=restriction, legal_basis=basis))
    if rows:
        audit.append(conn, actor="redletter", action="restrictions_backfilled",
                     reason="migration 0006b: decisions recorded before restrictions existed get "
                            "the restriction of their letter's kind", payload={"decisions": len(rows)})
        customers = [str(c) for c in conn.execute(select(decisions.c.customer_id).distinct()).scalars()]
        refresh_denylist(conn, customers)
    return len(rows)


def refresh_denylist(conn: Connection, customer_ids: Sequence[str]) -> None:
    """Rebuild the denylist rows of these customers from their decisions."""
    derived = derive_denylist(conn, customer_ids)
    concerned = denylist.c.customer_id.in_(list(customer_ids))
    with digest.changing(conn, denylist, concerned):
        conn.execute(delete(denylist).where(concerned))
        for cid, (name, status, decision_id) in sorted(derived.items()):
            conn.execute(insert(denylist).values(customer_id=cid, customer_name=name,
                                                 status=status, decision_id=decision_id))
