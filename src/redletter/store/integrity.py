"""Checks beyond the hash chain: the chain ends where the audit head says (and the head is
signed by the key, when one is set), every letter and decision names an audit entry that
exists and says the same thing, the denylist is what the decisions make it, and every audited
table (letters, parties, masters, candidates, decisions, denylist) adds up to the digest the
head recorded at the last write. Deleting the newest audit entries, editing any audited row,
or wiping the tables is caught here."""

from __future__ import annotations

import json

from sqlalchemy import Connection, Engine, select

from redletter.store import digest
from redletter.store.audit import Broken, chain, head_problem
from redletter.store.db import audit_key_of
from redletter.store.decisions import derive_denylist
from redletter.store.head import read_head
from redletter.store.tables import decisions, denylist, letters

Entries = dict[str, tuple[int, str, str]]


def _decisions_agree(conn: Connection, entries: Entries) -> Broken | None:
    for d in conn.execute(select(decisions).order_by(decisions.c.id)):
        if d.audit_hash not in entries:
            return Broken(None, f"decision {d.id} names an audit entry that is missing")
        entry_id, actor, payload = entries[d.audit_hash]
        p = json.loads(payload)
        recorded = (p.get("party_id"), p.get("customer_id"), p.get("outcome"), p.get("score"),
                    p.get("decided_at"), actor, p.get("restriction", d.restriction))
        if recorded != (d.party_id, d.customer_id, d.outcome, d.score, d.decided_at, d.decided_by,
                        d.restriction):
            return Broken(entry_id, f"does not match decision {d.id} (the decision row was edited)")
    return None


def _letters_agree(conn: Connection, entries: Entries) -> Broken | None:
    for r in conn.execute(select(letters.c.id, letters.c.sha256, letters.c.audit_hash)):
        if r.audit_hash not in entries:
            return Broken(None, f"letter {r.id} names an audit entry that is missing")
        entry_id, _, payload = entries[r.audit_hash]
        if json.loads(payload).get("sha256") != r.sha256:
            return Broken(entry_id, f"does not match letter {r.id} (the letter row was edited)")
    return None


def _denylist_agrees(conn: Connection) -> Broken | None:
    want = derive_denylist(conn)
    have = {r.customer_id: (r.customer_name, r.status, r.decision_id)
            for r in conn.execute(select(denylist))}
    for cid in sorted(set(want) | set(have)):
        if want.get(cid) != have.get(cid):
            return Broken(None, f"denylist entry for customer {cid} differs from its decisions")
    return None


def _tables_agree(conn: Connection, recorded: str) -> Broken | None:
    want = digest.decode(recorded)
    for table, value in digest.state_of(conn).items():
        if want.get(table) != value:
            return Broken(None, f"the {table} table was changed outside redletter (its rows no "
                                "longer add up to the digest in the audit head)")
    return None


def check(engine: Engine) -> Broken | None:
    """The first problem found, or ``None`` when the audit trail and the tables agree."""
    with engine.connect() as conn:
        walked, broken = chain(conn)
        if broken is not None:
            return broken
        entries = {r.hash: (r.id, r.actor, r.payload) for r in walked}
        head = read_head(conn)
        return (_letters_agree(conn, entries) or _decisions_agree(conn, entries)
                or head_problem(head, walked, audit_key_of(conn)) or _denylist_agrees(conn)
                or (_tables_agree(conn, head.state) if head else None))
