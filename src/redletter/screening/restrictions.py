"""What an entry of the list obliges: the restriction of each (party, customer) pair, from the
kind of the party's letter under the policy (``data/screening_policy.json``: is-informed ->
``license_required``, supplier list -> ``deny``, red flag -> ``hold``, Project Guardian ->
``watch``), unless a reviewer set it by hand; and the reviewers' changes to a pair's restriction
and to a letter's kind, each audited. The strictest restriction of a customer's pairs gives its
entry (``store.decisions.rank``)."""

from __future__ import annotations

from sqlalchemy import Connection

from redletter.extract.meta import UNDECIDED_KIND
from redletter.schema import NoticeType, Restriction
from redletter.screening.policy import kind_rule
from redletter.store.decisions import (
    LISTED,
    Decided,
    Restricted,
    latest_decisions,
    latest_of_letter,
    provenance,
    record_decision,
)
from redletter.store.letters import review_reasons_of, set_letter_kind


def restricted(kind: str, last: Decided | None = None) -> Restricted:
    """The restriction a new decision of a pair records: the one a reviewer set by hand for the
    pair, kept; else the one of the letter's kind."""
    rule = kind_rule(kind)
    if last is not None and last.restriction_by:
        return Restricted(last.restriction, rule.legal_basis, last.restriction_by)
    return Restricted(rule.restriction.value, rule.legal_basis)


def _required(reviewer: str, reason: str) -> tuple[str, str]:
    if not reason.strip() or not reviewer.strip():
        raise ValueError("a reviewer and a reason are required")
    return reviewer.strip(), reason.strip()


def set_restriction(conn: Connection, *, party_id: int, customer_id: str, restriction: str,
                    reviewer: str, reason: str) -> bool:
    """A reviewer sets the restriction of a pair by hand (kept by the pair's later decisions,
    and through a change of the letter's kind); audited. Returns whether it changed."""
    who, why = _required(reviewer, reason)
    value = Restriction(restriction).value
    last = latest_decisions(conn, party_id).get(customer_id)
    if last is None:
        raise LookupError(f"customer {customer_id} has no decision for party {party_id}")
    if last.restriction == value and last.restriction_by:
        return False
    prov = provenance(conn, party_id)
    record_decision(conn, party_id=party_id, customer_id=customer_id,
                    customer_name=last.customer_name, outcome=last.outcome, decided_by=who,
                    reason=why, score=last.score, detail={**prov, "restriction_before": last.restriction},
                    restricted=Restricted(value, kind_rule(prov["notice_type"]).legal_basis, who),
                    action="restriction_changed")
    return True


def set_kind(conn: Connection, *, letter_id: int, kind: str, reviewer: str, reason: str) -> int:
    """A reviewer sets the kind of a letter (audited); the restrictions of its listed pairs
    follow the new kind, each an audited decision, except those set by hand. Returns how many
    pairs changed restriction."""
    who, why = _required(reviewer, reason)
    new = NoticeType(kind).value
    reasons = [r for r in review_reasons_of(conn, letter_id) if not r.startswith(UNDECIDED_KIND)]
    before = set_letter_kind(conn, letter_id, new, reasons, reviewer=who, reason=why)
    if before is None:
        return 0
    rule, changed = kind_rule(new), 0
    for (party_id, customer_id), last in sorted(latest_of_letter(conn, letter_id).items()):
        if last.outcome not in LISTED or last.restriction_by or last.restriction == rule.restriction:
            continue
        record_decision(conn, party_id=party_id, customer_id=customer_id,
                        customer_name=last.customer_name, outcome=last.outcome, decided_by=who,
                        reason=f"the letter's kind changed from {before} to {new}: {why}",
                        score=last.score, detail={**provenance(conn, party_id),
                                                  "restriction_before": last.restriction},
                        restricted=restricted(new), action="restriction_followed_kind")
        changed += 1
    return changed
