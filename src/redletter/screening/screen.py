"""Screen parties of concern against the master and apply the policy; record reviewers'
decisions. Each function works inside the caller's transaction, or opens its own."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Connection, Engine

from redletter.match.decide import match_parties
from redletter.schema import Candidate, Letter
from redletter.screening.history import history_reasons, is_removed, link_letter
from redletter.screening.master import Master, load_master
from redletter.screening.policy import auto_outcome, auto_reason, keeps, settings_for, withdraws
from redletter.screening.restrictions import restricted
from redletter.settings import Settings
from redletter.store.db import transaction
from redletter.store.decisions import (
    Decided,
    candidate,
    drop_candidates,
    latest_decisions,
    provenance,
    record_decision,
    save_candidate,
)
from redletter.store.history import removed_parties
from redletter.store.letters import (
    StoredParty,
    letter_id_by_sha,
    letter_kinds,
    party_data_hash,
    record_letter,
    stored_parties,
)
from redletter.store.masters import current_master, use_master


def apply_screening(conn: Connection, party_id: int, found: Sequence[Candidate],
                    master_id: int) -> int:
    """Store a party's candidates under a master and apply the policy; returns how many
    decisions were made."""
    data_hash = party_data_hash(conn, party_id)
    latest = latest_decisions(conn, party_id)
    prov = provenance(conn, party_id)
    made = 0
    for cand in found:
        save_candidate(conn, party_id, cand, master_id)
        last = latest.get(cand.customer_id)
        changed = last is not None and last.party_hash != data_hash
        outcome = auto_outcome(cand, last.outcome if last else None, changed)
        if outcome is not None:
            record_decision(conn, party_id=party_id, customer_id=cand.customer_id,
                            customer_name=cand.name, outcome=outcome, decided_by="auto",
                            reason=auto_reason(prov, cand), score=cand.score,
                            detail={**prov, "master_id": master_id,
                                    "features": [f.model_dump() for f in cand.features]},
                            restricted=restricted(prov["notice_type"], last))
            made += 1
    return made + _gone(conn, party_id, {c.customer_id for c in found}, latest, master_id,
                        prov["notice_type"])


def _gone(conn: Connection, party_id: int, kept: set[str], latest: dict[str, Decided],
          master_id: int, kind: str) -> int:
    """Pairs the matcher no longer proposes: forget their candidates (unless the policy keeps
    them) and withdraw the automatic reviews among them."""
    stale = {cid: d for cid, d in latest.items() if cid not in kept and not keeps(d.outcome)}
    drop_candidates(conn, party_id, sorted(stale))
    withdrawn = sorted(cid for cid, d in stale.items() if withdraws(d.outcome))
    for cid in withdrawn:
        d = stale[cid]
        record_decision(conn, party_id=party_id, customer_id=cid, customer_name=d.customer_name,
                        outcome="withdrawn", decided_by="auto", score=d.score,
                        reason="no longer a candidate after the party or the customer master changed",
                        detail={"master_id": master_id}, restricted=restricted(kind, d))
    return len(withdrawn)


def screen_stored(conn: Connection, stored: Sequence[StoredParty], master: Master,
                  master_id: int, settings: Settings) -> int:
    """Match stored parties against the master (with the thresholds of their letter's kind)
    and apply the policy; returns the decisions. A party taken off the list is left alone."""
    gone = removed_parties(conn, [s.id for s in stored])
    kinds = letter_kinds(conn, sorted({s.letter_id for s in stored}))
    made = 0
    for kind in sorted(set(kinds.values())):
        group = [s for s in stored if kinds[s.letter_id] == kind and s.id not in gone]
        results = match_parties([s.party for s in group], master.index, settings_for(kind, settings))
        made += sum(apply_screening(conn, s.id, found.candidates, master_id)
                    for s, found in zip(group, results, strict=True))
    return made


def record_and_screen(conn: Connection, letter: Letter, *, file_name: str, stored_path: str,
                      master: Master, master_id: int, settings: Settings) -> tuple[int, int]:
    """Record a new letter (with a review reason for each earlier letter it acts on that is
    not recorded), link it to the earlier letters it refers to and apply what the links do to
    the list, then screen its parties. Returns the parties recorded and the decisions made."""
    missing = history_reasons(conn, letter)
    if missing:
        letter = letter.model_copy(update={"review_reasons": (*letter.review_reasons, *missing)})
    stored = record_letter(conn, letter, file_name=file_name, stored_path=stored_path)
    letter_id = letter_id_by_sha(conn, letter.source.sha256)
    assert letter_id is not None  # recorded just now, in this transaction
    _, removed = link_letter(conn, letter_id, letter)
    return len(stored), removed + screen_stored(conn, stored, master, master_id, settings)


def screen_all(engine: Engine, master: Master, settings: Settings) -> tuple[int, int, int]:
    """Record the master; when it is new, screen every party of concern again. Returns the
    master's id, the parties screened again and the decisions made."""
    with transaction(engine) as conn:
        master_id, is_new = use_master(conn, sha256=master.sha256, path=str(master.path.resolve()),
                                       customers=len(master.index))
        if not is_new:
            return master_id, 0, 0
        stored = stored_parties(conn)
        return master_id, len(stored), screen_stored(conn, stored, master, master_id, settings)


def rescreen_party(engine: Engine, party_id: int, settings: Settings,
                   cache_dir: Path | None) -> int | None:
    """Screen one party again against the master loaded last (after a reviewer edited it).
    Returns the decisions made, or ``None`` when that master's file is no longer there."""
    with transaction(engine) as conn:
        last = current_master(conn)
    if last is None or not Path(last.path).is_file():
        return None
    master = load_master(Path(last.path), None, cache_dir)
    with transaction(engine) as conn:
        master_id, _ = use_master(conn, sha256=master.sha256, path=last.path,
                                  customers=len(master.index))
        return screen_stored(conn, stored_parties(conn, party_id=party_id), master, master_id,
                             settings)


def review(conn: Connection, *, party_id: int, customer_id: str, approve: bool, reviewer: str,
           reason: str) -> int:
    """A reviewer confirms (``active``) or rejects a candidate; a reason is required."""
    if not reason.strip() or not reviewer.strip():
        raise ValueError("a reviewer and a reason are required")
    if is_removed(conn, party_id):
        raise ValueError(f"party {party_id} was taken off the list; it is not decided any more")
    cand = candidate(conn, party_id, customer_id)
    if cand is None:
        raise LookupError(f"customer {customer_id} is not a candidate of party {party_id}")
    prov = provenance(conn, party_id)
    return record_decision(conn, party_id=party_id, customer_id=customer_id,
                           customer_name=cand.customer_name,
                           outcome="active" if approve else "rejected",
                           decided_by=reviewer.strip(), reason=reason.strip(), score=cand.score,
                           detail=prov, restricted=restricted(
                               prov["notice_type"], latest_decisions(conn, party_id).get(customer_id)))
