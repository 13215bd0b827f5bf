"""Letters of each kind in one inbox, against a master planted with their parties: every
entry gets the restriction of its letter's kind, the strictest when several letters name one
customer (all of them listed), the items and CHPL tier its parties were named with; reviewers
change a restriction or a letter's kind (audited, the restrictions follow); a letter whose
kind is undecided waits for review. On a real SQLite file, and on PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from letters_kit import MIXED, SAMPLES, draw_letter, export, planted_master, run, runner, truth, verified
from sqlalchemy import select

from redletter.cli import app
from redletter.errors import ExitCode
from redletter.schema import restriction_strength
from redletter.screening.exports import apply_delta
from redletter.screening.history import remove_party
from redletter.screening.policy import kind_rule
from redletter.screening.restrictions import set_kind, set_restriction
from redletter.store.db import MIGRATIONS, connect, transaction
from redletter.store.tables import decisions, letters

RESTRICTION = {"is_informed": "license_required", "supplier_list": "deny", "red_flag": "hold",
               "project_guardian": "watch"}


MASTER = "master.csv"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The database of one run over a letter of each kind, and the planted customers."""
    tmp = tmp_path_factory.mktemp("mixed")
    ids = planted_master(tmp / MASTER)
    run(tmp / "inbox", tmp / MASTER, tmp / "r.db", *[SAMPLES / f"{s}.pdf" for s in MIXED])
    return tmp / "r.db", ids


@pytest.fixture
def db(mixed: tuple[Path, dict[str, str]], tmp_path: Path) -> Path:
    """A copy of the mixed database (and its master) for a test that changes it."""
    with sqlite3.connect(mixed[0]) as src, sqlite3.connect(tmp_path / "r.db") as dst:
        src.backup(dst)  # the WAL included
    shutil.copy(mixed[0].parent / MASTER, tmp_path / MASTER)
    return tmp_path / "r.db"


def _expected(name: str) -> tuple[str, set[str]]:
    """The strictest restriction of the letters naming a party, and their references."""
    named = [truth(s) for s in MIXED if any(p["name"] == name for p in truth(s)["parties"])]
    best = min((RESTRICTION[t["notice_type"]] for t in named), key=restriction_strength)
    return best, {t["reference"] for t in named}


def _by_customer(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["customer_id"]: r for r in rows}


def test_each_kind_gives_its_restriction(mixed: tuple[Path, dict[str, str]]) -> None:
    db, ids = mixed
    rows, export_id = export(db)
    assert export_id == "EXP-000001"
    entries = _by_customer(rows)
    assert sorted(entries) == sorted(ids)  # every planted party on the list, no other
    right = 0
    for cid, name in ids.items():
        restriction, references = _expected(name)
        e = entries[cid]
        right += e["restriction"] == restriction
        assert {x["letter_reference"] for x in e["letters"]} == references
        assert e["letter_reference"] == next(x["letter_reference"] for x in e["letters"]
                                             if x["restriction"] == restriction)
        assert e["legal_basis"] == kind_rule(e["notice_type"]).legal_basis
    assert right == len(ids)  # 100%
    assert {e["restriction"] for e in rows} == set(RESTRICTION.values())
    sterling = next(e for e in rows if e["customer_name"] == "STERLING SHIPPING INCORPORATED")
    assert [(x["notice_type"], x["restriction"]) for x in sterling["letters"]] == [
        ("is_informed", "license_required"), ("red_flag", "hold")]
    assert sterling["legal_basis"].startswith("15 CFR 744.21(b) is-informed letter")
    assert sterling["letter_date"] == "2025-05-12"
    assert verified(db)


def test_the_json_contract_and_a_byte_stable_export(mixed: tuple[Path, dict[str, str]]) -> None:
    db, _ = mixed
    first = runner.invoke(app, ["denylist", "export", "--format", "json", "--db", str(db)])
    again = runner.invoke(app, ["denylist", "export", "--format", "json", "--db", str(db)])
    assert first.stdout == again.stdout and first.stderr != again.stderr  # same list, new id
    rows, _ = export(db)
    for field in ("customer_id", "customer_name", "status", "restriction", "notice_type",
                  "legal_basis", "letter_reference", "letter_date", "party_name", "hs_codes",
                  "chpl_tier", "score", "decided_by", "decided_at", "letter_sha256", "page"):
        assert all(field in r for r in rows), field
    with connect(db).connect() as conn:
        exported = [r[0] for r in conn.exec_driver_sql(
            "SELECT payload FROM audit_log WHERE action = 'list_exported' ORDER BY id")]
    assert len(exported) >= 3 and '"export_id":"EXP-000002"' in exported[1]
    csv = runner.invoke(app, ["denylist", "export", "--db", str(db)]).stdout
    assert csv.splitlines()[0].endswith("restriction,notice_type,legal_basis,letter_date,hs_codes,"
                                        "eccns,part_numbers,chpl_tier,letters")


def test_items_and_chpl_tier_filter_and_sort(mixed: tuple[Path, dict[str, str]]) -> None:
    """The Guardian letter lists its items for all its parties (HS 8542.39 is CHPL tier 1)."""
    db, _ = mixed
    rows, _ = export(db)
    guardian = [r for r in rows if r["notice_type"] == "project_guardian"]
    assert guardian and all(r["hs_codes"] == ["8542.39", "8471.50", "8517.62", "8541.29"]
                            and r["chpl_tier"] == "1" and "STM32F407VGT6" in r["part_numbers"]
                            for r in guardian)
    tsezar = next(r for r in rows if r["customer_name"] == "TSEZAR GROUP COMPANY LIMITED")
    assert tsezar["restriction"] == "deny" and tsezar["chpl_tier"] == "1"  # scope of both letters
    tier1, _ = export(db, "--tier", "1")
    assert {r["customer_id"] for r in tier1} == {r["customer_id"] for r in rows if r["chpl_tier"] == "1"}
    by_tier, _ = export(db, "--sort", "tier")
    assert [r["chpl_tier"] for r in by_tier][:len(tier1)] == ["1"] * len(tier1)
    assert export(db, "--tier", "3a")[0] == export(db, "--tier", "3.A")[0]
    unknown = runner.invoke(app, ["denylist", "export", "--format", "json", "--tier", "5", "--db", str(db)])
    assert unknown.exit_code == ExitCode.bad_args
    assert "--tier '5' is not a CHPL tier: use one of 1, 2, 3.A, 3.B, 4.A, 4.B" in unknown.stderr


def test_a_reviewer_changes_a_restriction(db: Path) -> None:
    engine = connect(db)
    rows, _ = export(db)
    cady = next(r for r in rows if r["customer_name"] == "CADY TECH HK LIMITED")
    with engine.connect() as conn:
        party_id = conn.execute(select(decisions.c.party_id).where(
            decisions.c.customer_id == cady["customer_id"])).scalar_one()
    with pytest.raises(ValueError, match="reason"), transaction(engine) as conn:
        set_restriction(conn, party_id=party_id, customer_id=cady["customer_id"],
                        restriction="deny", reviewer="ana", reason=" ")
    with transaction(engine) as conn:
        assert set_restriction(conn, party_id=party_id, customer_id=cady["customer_id"],
                               restriction="deny", reviewer="ana",
                               reason="licence application withdrawn: block all shipments")
    after = _by_customer(export(db)[0])[cady["customer_id"]]
    assert (after["restriction"], after["decided_by"], after["status"]) == ("deny", "ana", "active")
    with sqlite3.connect(db) as raw:
        action, actor = raw.execute("SELECT action, actor FROM audit_log WHERE action = "
                                    "'restriction_changed'").fetchone()
    assert (action, actor) == ("restriction_changed", "ana")
    assert verified(db)


def test_the_kind_of_a_letter_is_changed_and_the_restrictions_follow(db: Path) -> None:
    engine = connect(db)
    with engine.connect() as conn:
        guardian = conn.execute(select(letters.c.id).where(
            letters.c.reference == truth("05_guardian_annex")["reference"])).scalar_one()
    with transaction(engine) as conn:
        changed = set_kind(conn, letter_id=guardian, kind="red_flag", reviewer="ana",
                           reason="the letter asks to resolve the red flag before shipping")
    assert changed == 4  # its three planted parties and TSEZAR GROUP
    rows = export(db)[0]
    from_guardian = [r for r in rows if r["letter_reference"] == "OEE-2026-7651-B"]
    assert from_guardian and {(r["notice_type"], r["restriction"]) for r in from_guardian} == {
        ("red_flag", "hold")}
    tsezar = next(r for r in rows if r["customer_name"] == "TSEZAR GROUP COMPANY LIMITED")
    assert tsezar["restriction"] == "deny"  # the supplier list is stricter still
    letters_json = runner.invoke(app, ["letters", "--format", "json", "--db", str(db)]).stdout
    assert '"notice_type": "red_flag"' in letters_json
    assert verified(db)


def test_an_undecided_kind_holds_and_waits_for_a_reviewer(db: Path, tmp_path: Path) -> None:
    veb = next(p for p in truth("03_isinformed_plain")["parties"] if p["name"] == "VEB ASIA LIMITED")
    letter = draw_letter(tmp_path / "plain.pdf", reference="OEE-2026-0555-X",
                         subject="Parties named by BIS",
                         body=["Please find below the parties we discussed on the telephone."],
                         parties=[(veb["name"], veb["address"], "Hong Kong")])
    summary = run(tmp_path / "inbox", tmp_path / MASTER, db, letter)
    assert "1 need review" in summary and "the kind of letter could not be decided" in summary
    engine = connect(db)
    with engine.connect() as conn:
        row = conn.execute(select(letters).where(letters.c.reference == "OEE-2026-0555-X")).one()
    assert (row.notice_type, row.status) == ("unknown", "needs_review")
    veb = next(r for r in export(db)[0] if r["customer_name"] == "VEB ASIA LIMITED")
    assert [x["restriction"] for x in veb["letters"]] == ["license_required", "hold"]
    with transaction(engine) as conn:
        set_kind(conn, letter_id=row.id, kind="supplier_list", reviewer="ana",
                 reason="a supplier list sent by the field office")
    with engine.connect() as conn:
        row = conn.execute(select(letters).where(letters.c.id == row.id)).one()
    assert (row.notice_type, row.status, row.review_reasons) == ("supplier_list", "processed", "[]")
    veb = next(r for r in export(db)[0] if r["customer_name"] == "VEB ASIA LIMITED")
    assert [x["restriction"] for x in veb["letters"]] == ["license_required", "deny"]
    assert verified(db)


def test_an_older_database_gets_the_restrictions_of_its_letters(db: Path) -> None:
    """A database left at migration 0004 (no items, no restriction columns, no history tables)
    is upgraded in place: each decision gets its letter's restriction, and the trail verifies."""
    with sqlite3.connect(db) as raw:
        for table, column in (("letters", "review_reasons"), ("letters", "items"),
                              ("parties", "items"), ("parties", "extra")):
            raw.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        for column in ("restriction", "legal_basis", "restriction_by"):
            raw.execute(f"ALTER TABLE decisions DROP COLUMN {column}")
        raw.execute("ALTER TABLE letters DROP COLUMN relations")
        raw.execute("ALTER TABLE letters DROP COLUMN notice_evidence")
        for table in ("letter_links", "removals", "exports"):
            raw.execute(f"DROP TABLE {table}")
        raw.execute("DELETE FROM schema_migrations WHERE name >= '0005'")
    engine = connect(db)
    with engine.connect() as conn:
        applied = [r[0] for r in conn.exec_driver_sql("SELECT name FROM schema_migrations")]
        actions = [r[0] for r in conn.exec_driver_sql("SELECT action FROM audit_log")]
    assert applied == [name for name, _ in MIGRATIONS] and actions[-1] == "restrictions_backfilled"
    rows = _by_customer(export(db)[0])
    assert {r["restriction"] for r in rows.values()} == set(RESTRICTION.values())
    assert verified(db)


def test_restrictions_history_and_deltas_on_postgres(pg_url: str, tmp_path: Path) -> None:
    """The same on the PostgreSQL server: the kinds' restrictions, a reviewer's change of kind
    and of a restriction, a removal, a delta, and the trail verifies."""
    ids = planted_master(tmp_path / MASTER)
    run(tmp_path / "inbox", tmp_path / MASTER, pg_url, *[SAMPLES / f"{s}.pdf" for s in MIXED])
    first, first_id = export(pg_url)
    assert {r["restriction"] for r in first} == set(RESTRICTION.values()) and len(first) == len(ids)
    engine = connect(pg_url)
    with engine.connect() as conn:
        guardian = conn.execute(select(letters.c.id).where(
            letters.c.notice_type == "project_guardian")).scalar_one()
        pairs = conn.execute(select(decisions.c.party_id, decisions.c.customer_id)
                             .order_by(decisions.c.id)).all()
    with transaction(engine) as conn:
        assert set_kind(conn, letter_id=guardian, kind="is_informed", reviewer="ana",
                        reason="read again: it is a licence requirement") == 4
        set_restriction(conn, party_id=pairs[0].party_id, customer_id=pairs[0].customer_id,
                        restriction="watch", reviewer="ana", reason="licence granted; watch only")
        remove_party(conn, pairs[1].party_id, by_letter_id=None, decided_by="ana",
                     reason="listed by mistake")
    change, _ = export(pg_url, "--since", first_id)
    last, _ = export(pg_url)
    assert apply_delta(first, change) == last and len(change["removed"]) == 1
    assert {r["restriction"] for r in last if r["notice_type"] == "is_informed"} <= {
        "license_required", "watch"}
    assert verified(pg_url)
