"""The hash-chained audit log in a real SQLite file, and `redletter audit verify`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from redletter.cli import app
from redletter.errors import ExitCode
from redletter.store.audit import append, count, verify
from redletter.store.db import MIGRATIONS, connect, migrate, transaction


def _log(db: Path, n: int) -> None:
    engine = connect(db, create=True)
    for i in range(n):
        with transaction(engine) as conn:
            append(conn, actor="auto" if i % 2 else "analyst@example.com", action="denylist.add",
                   reason=f"letter OEE-2025-{i}", payload={"customer_id": f"C{i}", "score": 0.97})


def _verify(db: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["audit", "verify", "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


def test_intact_chain(tmp_path: Path) -> None:
    db = tmp_path / "redletter.db"
    _log(db, 5)
    assert count(connect(db)) == 5 and verify(connect(db)) is None
    code, out, _ = _verify(db)
    assert code == 0 and "5 entries" in out


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    engine = connect(tmp_path / "x.db", create=True)
    assert migrate(engine) == []  # connect() applied them already
    with sqlite3.connect(tmp_path / "x.db") as raw:
        assert raw.execute("select name from schema_migrations").fetchall() == [
            (name,) for name, _ in MIGRATIONS]
    assert [name for name, _ in MIGRATIONS] == [
        "0001_audit_log", "0002_letters_parties_decisions_denylist", "0003_letters_page_rotations",
        "0004_audit_head", "0005_items_extra_review_reasons", "0006_restrictions_history_exports",
        "0006b_restrictions_of_earlier_decisions"]


def test_an_older_database_is_upgraded_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _log(db, 3)
    with sqlite3.connect(db) as raw:  # as the first release left it: the audit log only
        for table in ("denylist", "decisions", "candidates", "masters", "parties", "letters",
                      "audit_head"):
            raw.execute(f"drop table {table}")
        raw.execute("drop index ux_audit_prev")
        raw.execute("delete from schema_migrations where name not like '0001%'")
    engine = connect(db)
    assert count(engine) == 3 and verify(engine) is None
    with sqlite3.connect(db) as raw:
        assert raw.execute("select count(*) from letters").fetchone() == (0,)
        assert len(raw.execute("select name from schema_migrations").fetchall()) == len(MIGRATIONS)
        assert "page_rotations" in {c[1] for c in raw.execute("pragma table_info(letters)")}


def test_migration_0005_adds_items_to_a_database_with_letters(tmp_path: Path) -> None:
    """A database of the release before 0005, with a letter and its parties: the new columns
    are added, the audit head follows, and the trail still verifies."""
    import shutil

    from redletter.ingest.batch import run_batch
    from redletter.screening.master import load_master
    from redletter.settings import Settings

    root = Path(__file__).resolve().parent.parent
    inbox, db = tmp_path / "inbox", tmp_path / "old.db"
    inbox.mkdir()
    shutil.copy(root / "samples" / "letters" / "01_supplier_grid.pdf", inbox)
    run_batch(inbox, load_master(root / "samples" / "customers.csv", None, None),
              connect(db, create=True), Settings.load(db=str(db)))
    with sqlite3.connect(db) as raw:
        for table, column in (("parties", "items"), ("parties", "extra"),
                              ("letters", "review_reasons"), ("letters", "items")):
            raw.execute(f"alter table {table} drop column {column}")
        raw.execute("delete from schema_migrations where name like '0005%'")
    connect(db)  # applies 0005
    with sqlite3.connect(db) as raw:
        assert raw.execute("select count(*), min(items), min(extra) from parties").fetchone() == (
            6, "[]", "{}")
    code, _, err = _verify(db)
    assert code == 0, err


def test_edited_row_is_named(tmp_path: Path) -> None:
    db = tmp_path / "redletter.db"
    _log(db, 5)
    with sqlite3.connect(db) as raw:
        raw.execute("update audit_log set reason = 'nothing to see' where id = 3")
    code, _, err = _verify(db)
    assert code == ExitCode.database_error
    assert "audit entry 3 was changed" in err


def test_deleted_row_is_named(tmp_path: Path) -> None:
    db = tmp_path / "redletter.db"
    _log(db, 5)
    with sqlite3.connect(db) as raw:
        raw.execute("delete from audit_log where id = 2")
    code, _, err = _verify(db)
    assert code == ExitCode.database_error
    assert "audit entry 3" in err


def test_unreadable_database_is_a_database_error(tmp_path: Path) -> None:
    db = tmp_path / "broken.db"
    db.write_bytes(b"this is not a database" * 100)
    code, _, err = _verify(db)
    assert code == ExitCode.database_error
    assert "cannot open the database" in err


def _writer(db: str, actor: str, n: int) -> None:
    engine = connect(db)
    for i in range(n):
        with transaction(engine) as conn:
            append(conn, actor=actor, action="decision_active", reason=f"entry {i}",
                   payload={"i": i})


def test_two_writers_at_once_keep_one_chain(tmp_path: Path) -> None:
    """`redletter run` and the review page write at the same time: the chain must not fork."""
    import multiprocessing

    db = str(tmp_path / "shared.db")
    connect(db, create=True)
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(db, actor, 40)) for actor in ("auto", "reviewer")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0
    engine = connect(db)
    assert count(engine) == 80
    assert verify(engine) is None


def test_reads_do_not_wait_for_a_writer(tmp_path: Path) -> None:
    """Another process holds the write lock (a run recording a letter): the letters, the trail
    and the review page are still read at once, not after the 30 s busy timeout. (An export of
    the list records its id in the audit log: a write, which waits its turn like a run.)"""
    import time

    from fastapi.testclient import TestClient

    from redletter.web.app import create_app

    db = tmp_path / "r.db"
    _log(db, 2)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO masters (sha256, file_name, path, customers, loaded_at) "
                   "VALUES ('x', 'x', 'x', 0, '')")
    try:
        started = time.monotonic()
        for args in (["letters"], ["audit", "export"]):
            result = CliRunner().invoke(app, [*args, "--db", str(db)])
            assert result.exit_code == 0, result.stderr
        client = TestClient(create_app(connect(db), token="t" * 20))
        assert client.get("/?token=" + "t" * 20).status_code == 200
        assert client.get("/denylist").status_code == 200
        assert time.monotonic() - started < 10
    finally:
        writer.execute("ROLLBACK")
        writer.close()
