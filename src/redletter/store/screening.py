"""The auto-update rules and the reviewers' decisions.

For each (party, customer) pair the latest decision is what counts:

- the matcher says ``match``: the customer goes on the list, ``active``, decided by ``auto``;
- it says ``review``: ``pending_review``, until a reviewer approves (``active``) or rejects;
- a rejection is remembered for the pair and not asked again while the party's data (name,
  aliases, address, country) stays the same;
- an automatic ``pending_review`` whose customer is no longer a candidate (new master, edited
  party) is ``withdrawn``; an ``active`` entry leaves the list only by a reviewer's rejection.

Every decision is a row with its reason and the audit entry that records it; the denylist is
rebuilt from the decisions of the customers concerned.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from redletter.schema import Candidate
from redletter.store import audit
from redletter.store.db import insert_id
from redletter.store.letters import now, party_data_hash
from redletter.store.tables import candidates, decisions, denylist, letters, masters, parties

LISTED = ("active", "pending_review")


@dataclass(frozen=True)
class Decided:
    """The latest decision of a pair."""

    id: int
    outcome: str
    party_hash: str
    score: float


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
    return int(master_id), True


def latest_decisions(conn: Connection, party_id: int) -> dict[str, Decided]:
    """The latest decision for each customer of this party."""
    rows = conn.execute(select(decisions).where(decisions.c.party_id == party_id)
                        .order_by(decisions.c.id))
    return {r.customer_id: Decided(r.id, r.outcome, r.party_hash, r.score) for r in rows}


def decide(conn: Connection, *, party_id: int, customer_id: str, customer_name: str, outcome: str,
           decided_by: str, reason: str, score: float, detail: dict[str, Any]) -> int:
    """Record one decision (audited) and rebuild the customer's denylist entry."""
    data_hash = party_data_hash(conn, party_id)
    at = now()
    payload = {"party_id": party_id, "customer_id": customer_id, "customer_name": customer_name,
               "outcome": outcome, "decided_at": at, "party_hash": data_hash,
               "score": round(score, 4), **detail}
    digest = audit.append(conn, actor=decided_by, action=f"decision_{outcome}", reason=reason,
                          payload=payload)
    decision_id = insert_id(conn, insert(decisions).values(
        party_id=party_id, customer_id=customer_id, customer_name=customer_name, outcome=outcome,
        decided_by=decided_by, decided_at=at, reason=reason, party_hash=data_hash,
        score=round(score, 4), audit_hash=digest))
    refresh_denylist(conn, [customer_id])
    return int(decision_id)


def _provenance(conn: Connection, party_id: int) -> dict[str, Any]:
    r = conn.execute(select(parties.c.name, parties.c.page, parties.c.row, letters.c.file_name,
                            letters.c.reference, letters.c.sha256)
                     .select_from(parties.join(letters)).where(parties.c.id == party_id)).one()
    return {"letter": r.file_name, "letter_reference": r.reference, "letter_sha256": r.sha256,
            "page": r.page, "row": r.row, "party": r.name}


def _auto_reason(prov: dict[str, Any], cand: Candidate) -> str:
    feats = "; ".join(f"{f.name} {f.score:.2f} ({f.detail})" for f in cand.features)
    ref = f" ({prov['letter_reference']})" if prov["letter_reference"] else ""
    return (f"matcher said {cand.decision} with score {cand.score:.3f}: letter {prov['letter']}{ref},"
            f" page {prov['page']} row {prov['row']}, party {prov['party']!r}; features: {feats}")


def _auto_outcome(cand: Candidate, last: Decided | None, data_hash: str) -> str | None:
    """The automatic decision for a candidate, or ``None`` to leave the pair as it is."""
    wanted = "active" if cand.decision == "match" else "pending_review"
    if last is None:
        return wanted
    if last.outcome == "rejected":
        return wanted if last.party_hash != data_hash else None
    if last.outcome == "withdrawn":
        return wanted
    if last.outcome == "pending_review" and wanted == "active":
        return wanted
    return None


def _save_candidate(conn: Connection, party_id: int, cand: Candidate, master_id: int) -> None:
    values = {"customer_name": cand.name, "score": round(cand.score, 4), "decision": cand.decision,
              "features": json.dumps([f.model_dump() for f in cand.features], ensure_ascii=False),
              "master_id": master_id}
    done = conn.execute(update(candidates).where(candidates.c.party_id == party_id,
                                                 candidates.c.customer_id == cand.customer_id)
                        .values(**values)).rowcount
    if not done:
        conn.execute(insert(candidates).values(party_id=party_id, customer_id=cand.customer_id,
                                               **values))


def apply_screening(conn: Connection, party_id: int, found: Sequence[Candidate],
                    master_id: int) -> int:
    """Store a party's candidates under a master and apply the auto-update rules; returns how
    many decisions were made."""
    data_hash = party_data_hash(conn, party_id)
    latest = latest_decisions(conn, party_id)
    prov = _provenance(conn, party_id)
    made = 0
    for cand in found:
        _save_candidate(conn, party_id, cand, master_id)
        outcome = _auto_outcome(cand, latest.get(cand.customer_id), data_hash)
        if outcome is not None:
            decide(conn, party_id=party_id, customer_id=cand.customer_id, customer_name=cand.name,
                   outcome=outcome, decided_by="auto", reason=_auto_reason(prov, cand),
                   score=cand.score, detail={**prov, "master_id": master_id, "features": [
                       f.model_dump() for f in cand.features]})
            made += 1
    made += _withdraw_stale(conn, party_id, {c.customer_id for c in found}, latest, master_id)
    return made


def _withdraw_stale(conn: Connection, party_id: int, kept: set[str], latest: dict[str, Decided],
                    master_id: int) -> int:
    stale = [(cid, d) for cid, d in latest.items() if cid not in kept and d.outcome != "active"]
    conn.execute(delete(candidates).where(candidates.c.party_id == party_id,
                                          candidates.c.customer_id.in_([c for c, _ in stale])))
    withdrawn = [(cid, d) for cid, d in stale if d.outcome == "pending_review"]
    for cid, d in withdrawn:
        name = conn.execute(select(decisions.c.customer_name).where(decisions.c.id == d.id)).scalar()
        decide(conn, party_id=party_id, customer_id=cid, customer_name=str(name),
               outcome="withdrawn", decided_by="auto", score=d.score,
               reason="no longer a candidate after the party or the customer master changed",
               detail={"master_id": master_id})
    return len(withdrawn)


def review(conn: Connection, *, party_id: int, customer_id: str, approve: bool, reviewer: str,
           reason: str) -> int:
    """A reviewer confirms (``active``) or rejects a candidate; a reason is required."""
    if not reason.strip() or not reviewer.strip():
        raise ValueError("a reviewer and a reason are required")
    cand = conn.execute(select(candidates).where(candidates.c.party_id == party_id,
                                                 candidates.c.customer_id == customer_id)).first()
    if cand is None:
        raise LookupError(f"customer {customer_id} is not a candidate of party {party_id}")
    return decide(conn, party_id=party_id, customer_id=customer_id,
                  customer_name=cand.customer_name, outcome="active" if approve else "rejected",
                  decided_by=reviewer.strip(), reason=reason.strip(), score=cand.score,
                  detail=_provenance(conn, party_id))


def derive_denylist(conn: Connection, customer_ids: Iterable[str] | None = None
                    ) -> dict[str, tuple[str, str, int]]:
    """What the denylist must hold: customer id -> (name, status, decision id). Per customer,
    among pairs whose latest decision is listed: active first, then the highest score, then
    the earliest decision."""
    query = select(decisions).order_by(decisions.c.id)
    if customer_ids is not None:
        query = query.where(decisions.c.customer_id.in_(list(customer_ids)))
    latest: dict[tuple[int, str], Any] = {}
    for r in conn.execute(query):
        latest[(r.party_id, r.customer_id)] = r
    best: dict[str, Any] = {}
    for r in latest.values():
        if r.outcome not in LISTED:
            continue
        rank = (r.outcome != "active", -r.score, r.id)
        if r.customer_id not in best or rank < best[r.customer_id][0]:
            best[r.customer_id] = (rank, r)
    return {cid: (r.customer_name, r.outcome, r.id) for cid, (_, r) in best.items()}


def refresh_denylist(conn: Connection, customer_ids: Sequence[str]) -> None:
    """Rebuild the denylist rows of these customers from their decisions."""
    derived = derive_denylist(conn, customer_ids)
    conn.execute(delete(denylist).where(denylist.c.customer_id.in_(list(customer_ids))))
    for cid, (name, status, decision_id) in sorted(derived.items()):
        conn.execute(insert(denylist).values(customer_id=cid, customer_name=name, status=status,
                                             decision_id=decision_id))

