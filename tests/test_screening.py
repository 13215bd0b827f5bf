"""The auto-update rules on a real SQLite file, with letters read by the real pipeline and
screened by the real matcher against the sample customer master."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from redletter.ingest.batch import run_batch
from redletter.screening.master import load_master
from redletter.screening.screen import rescreen_party, review
from redletter.settings import Settings
from redletter.store.db import connect, transaction
from redletter.store.decisions import latest_decisions
from redletter.store.export import denylist_entries
from redletter.store.integrity import check
from redletter.store.letters import edit_party
from redletter.store.review import letter_view
from redletter.store.tables import candidates, decisions

ROOT = Path(__file__).resolve().parent.parent
CUSTOMERS = ROOT / "samples" / "customers.csv"
LETTER = ROOT / "samples" / "letters" / "04_supplier_multipage_40.pdf"


def _run(tmp: Path, engine: Engine, master: Path, *letters: Path) -> None:
    inbox = tmp / "inbox"
    inbox.mkdir(exist_ok=True)
    for letter in letters:
        shutil.copy(letter, inbox / letter.name)
    run_batch(inbox, load_master(master, None, None), engine, Settings.load(db="unused"))


def _states(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return {r["customer_id"]: r["status"] for r in denylist_entries(conn)}


def _candidates(engine: Engine) -> list[tuple[int, str, str]]:
    with engine.connect() as conn:
        return [(r.party_id, r.customer_id, r.decision) for r in conn.execute(
            select(candidates).order_by(candidates.c.id))]


def _master_without(tmp: Path, drop: set[str], name: str) -> Path:
    with CUSTOMERS.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = tmp / name
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(rows[0]))
        writer.writeheader()
        writer.writerows(r for r in rows if r["customer_id"] not in drop)
    return out


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    engine = connect(tmp_path / "r.db", create=True)
    _run(tmp_path, engine, CUSTOMERS, LETTER)
    return engine


def test_match_goes_on_the_list_and_review_waits(engine: Engine) -> None:
    found = _candidates(engine)
    states = _states(engine)
    assert {d for _, _, d in found} == {"match", "review"}
    for _, customer, decision in found:
        assert states[customer] == ("active" if decision == "match" else "pending_review")
    with engine.connect() as conn:
        entries = denylist_entries(conn)
    assert all(e["decided_by"] == "auto" and e["letter_reference"] == "OEE-2026-9035-A"
               for e in entries)
    assert check(engine) is None


def test_reviewer_approval_puts_a_pending_customer_on_the_list(engine: Engine) -> None:
    party, customer, _ = next(c for c in _candidates(engine) if c[2] == "review")
    with transaction(engine) as conn:
        review(conn, party_id=party, customer_id=customer, approve=True,
               reviewer="analyst@example.com", reason="same address and director")
    with engine.connect() as conn:
        entry = next(e for e in denylist_entries(conn) if e["customer_id"] == customer)
    assert (entry["status"], entry["decided_by"]) == ("active", "analyst@example.com")
    assert check(engine) is None


def test_a_reason_is_required(engine: Engine) -> None:
    party, customer, _ = _candidates(engine)[0]
    with pytest.raises(ValueError, match="reason"), transaction(engine) as conn:
        review(conn, party_id=party, customer_id=customer, approve=False, reviewer="a", reason=" ")


def test_rejection_is_remembered_until_the_party_changes(engine: Engine, tmp_path: Path) -> None:
    party, customer, _ = next(c for c in _candidates(engine) if c[2] == "review")
    with transaction(engine) as conn:
        review(conn, party_id=party, customer_id=customer, approve=False,
               reviewer="analyst@example.com", reason="different company, same building")
    assert customer not in _states(engine)
    # A new master (one unrelated customer fewer) screens everything again: not asked again.
    _run(tmp_path, engine, _master_without(tmp_path, {"C00001"}, "m2.csv"))
    with engine.connect() as conn:
        assert latest_decisions(conn, party)[customer].outcome == "rejected"
    # The reviewer corrects the party's aliases: its data changed, so the pair is asked again.
    with transaction(engine) as conn:
        view = letter_view(conn, 1)
        assert view is not None
        aliases = [*next(p for p in view.parties if p.id == party).aliases, "ANOTHER NAME LLC"]
        assert edit_party(conn, party, {"aliases": aliases}, editor="analyst@example.com",
                          reason="alias from the annex")
    assert rescreen_party(engine, party, Settings.load(db="unused"), None) == 1
    assert _states(engine)[customer] == "pending_review"
    assert check(engine) is None


def test_new_master_rescreens_and_withdraws(engine: Engine, tmp_path: Path) -> None:
    before = _states(engine)
    pending = sorted(c for c, s in before.items() if s == "pending_review")
    active = sorted(c for c, s in before.items() if s == "active")
    # The customers the letter's parties matched leave the master...
    _run(tmp_path, engine, _master_without(tmp_path, set(pending + active), "m2.csv"))
    after = _states(engine)
    assert all(c not in after for c in pending)  # automatic reviews are withdrawn
    assert all(after[c] == "active" for c in active)  # the list is only shortened by a reviewer
    # ...and come back: the parties of concern are screened again and the reviews return.
    _run(tmp_path, engine, CUSTOMERS)
    assert _states(engine) == before
    assert check(engine) is None


def test_integrity_catches_edited_and_truncated_tables(engine: Engine, tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    engine.dispose()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE denylist SET status = 'active' WHERE status = 'pending_review'")
    assert "differs from its decisions" in str(check(connect(db)))
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE denylist SET status = 'pending_review' WHERE customer_id IN "
                     "(SELECT customer_id FROM decisions WHERE outcome = 'pending_review')")
    assert check(connect(db)) is None
    with sqlite3.connect(db) as conn:  # drop the newest audit entry: the chain is still valid
        conn.execute("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    assert "names an audit entry that is missing" in str(check(connect(db)))


def test_decision_row_edit_is_caught(engine: Engine, tmp_path: Path) -> None:
    engine.dispose()
    with sqlite3.connect(tmp_path / "r.db") as conn:
        conn.execute("UPDATE decisions SET decided_by = 'someone' WHERE id = 1")
    broken = check(connect(tmp_path / "r.db"))
    assert broken is not None and "decision 1" in str(broken)


def test_decisions_name_their_provenance(engine: Engine) -> None:
    with engine.connect() as conn:
        reasons = [r.reason for r in conn.execute(select(decisions))]
    assert reasons and all("04_supplier_multipage_40.pdf" in r and "page " in r and "row " in r
                           and "score" in r and "name_similarity" in r for r in reasons)
