"""The audit trail against someone with write access to the database file: every audited
table edited behind the store's back, the newest entries deleted, the chain recomputed without
the key, every table wiped; and `redletter audit export` / `verify --against`."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from redletter.cli import app
from redletter.errors import ExitCode
from redletter.store.audit import entry_hash
from redletter.store.digest import encode, state_of

ROOT = Path(__file__).resolve().parent.parent
KEY = "k" * 32


def _cli(*args: str, key: str | None = KEY) -> tuple[int, str, str]:
    env = {"REDLETTER_AUDIT_KEY": key} if key else {}
    result = CliRunner(env=env).invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database after one run: a letter with its parties and decisions, a refused file, a
    reviewer's edit of a party (entries that no row points at)."""
    home = tmp_path_factory.mktemp("trail")
    inbox, db = home / "inbox", home / "r.db"
    inbox.mkdir()
    shutil.copy(ROOT / "samples" / "letters" / "01_supplier_grid.pdf", inbox / "letter.pdf")
    shutil.copy(ROOT / "tests" / "fixtures" / "bad" / "truncated.pdf", inbox / "zz-bad.pdf")
    code, _, err = _cli("run", "--inbox", str(inbox), "--customers",
                        str(ROOT / "samples" / "customers.csv"), "--db", str(db), "--no-cache")
    assert code == ExitCode.input_file, err
    with sqlite3.connect(db) as conn:  # one file to copy: the write-ahead log folded in
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def _copy(recorded: Path, tmp_path: Path) -> Path:
    db = tmp_path / "r.db"
    shutil.copy(recorded, db)
    return db


def _sql(db: Path, *statements: str) -> None:
    with sqlite3.connect(db) as conn:
        for s in statements:
            conn.execute(s)


def _verify(db: Path, *more: str, key: str | None = KEY) -> tuple[int, str]:
    code, out, err = _cli("audit", "verify", "--db", str(db), *more, key=key)
    return code, out + err


def test_a_run_leaves_an_intact_signed_trail(recorded: Path) -> None:
    code, text = _verify(recorded)
    assert code == 0 and "intact" in text and "head signature checked" in text


@pytest.mark.parametrize(("statement", "named"), [
    ("UPDATE parties SET name = 'SOMEONE ELSE' WHERE id = 1", "parties"),
    ("UPDATE letters SET reference = 'OEE-0000' WHERE id = 1", "letters"),
    ("UPDATE decisions SET reason = 'looked fine' WHERE id = 1", "decisions"),
    ("UPDATE candidates SET score = 0.1 WHERE id = 1", "candidates"),
    ("DELETE FROM candidates WHERE id = 2", "candidates"),
    ("UPDATE masters SET customers = 3", "masters"),
    ("INSERT INTO denylist SELECT 'C99999', 'ACME', 'active', decision_id FROM denylist LIMIT 1",
     "denylist"),
    ("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)", "newest entries"),
    ("DELETE FROM audit_head", "head is missing"),
])
def test_edits_behind_the_stores_back_are_caught(recorded: Path, tmp_path: Path, statement: str,
                                                named: str) -> None:
    db = _copy(recorded, tmp_path)
    _sql(db, statement)
    code, text = _verify(db)
    assert code == ExitCode.database_error and named in text, text


def test_the_newest_entry_deleted_when_no_row_points_at_it(recorded: Path, tmp_path: Path) -> None:
    db = _copy(recorded, tmp_path)
    with sqlite3.connect(db) as conn:
        last = conn.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
        conn.execute("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    assert last == "file_failed"
    code, text = _verify(db, key=None)
    assert code == ExitCode.database_error and "newest entries were deleted" in text


def _recompute_from(db: Path, entry_id: int) -> None:
    """What someone with write access but no key does: flip an entry, recompute every hash
    after it, repoint the rows that name them and the head."""
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE audit_log SET reason = 'nothing happened' WHERE id = ?", (entry_id,))
        rows = conn.execute("SELECT id, prev_hash, at, actor, action, reason, payload, hash "
                            "FROM audit_log WHERE id >= ? ORDER BY id", (entry_id,)).fetchall()
        prev = rows[0][1]
        for rid, _, at, actor, action, reason, payload, old in rows:
            new = entry_hash(prev, at, actor, action, reason, payload)
            conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, new, rid))
            for table in ("letters", "decisions"):
                conn.execute(f"UPDATE {table} SET audit_hash = ? WHERE audit_hash = ?", (new, old))
            prev = new
        conn.execute("UPDATE audit_head SET hash = ?", (prev,))
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:  # and the tables' digest, with the same code redletter uses
        conn.execute(text("UPDATE audit_head SET state = :s"), {"s": encode(state_of(conn))})
    engine.dispose()


def test_a_chain_recomputed_without_the_key_is_caught(recorded: Path, tmp_path: Path) -> None:
    db = _copy(recorded, tmp_path)
    _recompute_from(db, 1)
    assert _verify(db, key=None)[0] == 0  # without a key, a full rewrite cannot be told
    code, text = _verify(db)
    assert code == ExitCode.database_error and "signature" in text
    code, text = _verify(db, key="another key of 32 characters....")
    assert code == ExitCode.database_error and "signature" in text


def test_wiping_every_table_is_caught(recorded: Path, tmp_path: Path) -> None:
    db = _copy(recorded, tmp_path)
    tables = ("denylist", "decisions", "candidates", "parties", "letters", "masters", "audit_log")
    _sql(db, *(f"DELETE FROM {t}" for t in tables))
    code, text = _verify(db, key=None)
    assert code == ExitCode.database_error and "newest entries were deleted" in text
    _sql(db, "DELETE FROM audit_head")
    code, text = _verify(db, key=None)
    assert code == ExitCode.database_error and "intact" not in text


def test_export_and_verify_against_it(recorded: Path, tmp_path: Path) -> None:
    db, kept = _copy(recorded, tmp_path), tmp_path / "trail.json"
    code, _, _ = _cli("audit", "export", "--db", str(db), "-o", str(kept))
    trail = json.loads(kept.read_text("utf-8"))
    assert code == 0 and trail["head"]["entries"] == len(trail["entries"]) >= 5
    assert trail["entries"][0]["prev_hash"] == "0" * 64
    assert _verify(db, "--against", str(kept))[0] == 0
    # Rewritten from the start with a fresh head, unsigned: only the kept export tells.
    _recompute_from(db, 1)
    _sql(db, "UPDATE audit_head SET signature = NULL")
    assert _verify(db, key=None)[0] == 0
    code, text = _verify(db, "--against", str(kept), key=None)
    assert code == ExitCode.database_error and "no longer holds the exported head" in text
