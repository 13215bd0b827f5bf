"""The same store on a real PostgreSQL server: a throwaway cluster started by the tests
(``tests/pgserver.py``), never skipped."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from redletter.cli import app
from redletter.errors import ExitCode
from redletter.ingest.batch import run_batch
from redletter.screening.master import load_master
from redletter.screening.screen import review
from redletter.settings import Settings
from redletter.store.audit import append
from redletter.store.db import MIGRATIONS, connect, transaction
from redletter.store.export import denylist_entries, to_json
from redletter.store.integrity import check

ROOT = Path(__file__).resolve().parent.parent
CUSTOMERS = ROOT / "samples" / "customers.csv"

LETTERS = [ROOT / "samples" / "letters" / f"{s}.pdf"
           for s in ("01_supplier_grid", "04_supplier_multipage_40")]


def _load(tmp: Path, db: str) -> list[dict[str, object]]:
    inbox = tmp / "inbox"
    inbox.mkdir(parents=True)
    for letter in LETTERS:
        shutil.copy(letter, inbox / letter.name)
    engine = connect(db, create=True)
    run_batch(inbox, load_master(CUSTOMERS, None, None), engine, Settings.load(db=db))
    with engine.connect() as conn:
        return denylist_entries(conn)


def _comparable(rows: list[dict[str, object]]) -> object:
    return json.loads(to_json([{**r, "decided_at": ""} for r in rows]))


def test_postgres_store_behaves_like_sqlite(pg_url: str, tmp_path: Path) -> None:
    on_pg = _load(tmp_path / "pg", pg_url)
    on_sqlite = _load(tmp_path / "lite", str(tmp_path / "r.db"))
    assert on_pg and _comparable(on_pg) == _comparable(on_sqlite)
    engine = connect(pg_url)
    pending = next(r for r in on_pg if r["status"] == "pending_review")
    with transaction(engine) as conn:
        review(conn, party_id=int(str(pending["party_id"])), customer_id=str(pending["customer_id"]),
               approve=True, reviewer="analyst@example.com", reason="confirmed by sales")
    assert check(engine) is None
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'someone else' WHERE id = 2"))
    broken = check(engine)
    assert broken is not None and broken.entry == 2


def _smallest_letters(n: int) -> list[Path]:
    return sorted((ROOT / "samples" / "letters").glob("*.pdf"), key=lambda p: p.stat().st_size)[:n]


def _lines(text_out: str, prefix: str) -> list[str]:
    return [ln for ln in text_out.splitlines() if ln.startswith(prefix)]


def test_two_watchers_on_one_database_read_each_letter_once(pg_url: str, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    connect(pg_url, create=True)  # the schema, so that both watchers start from the same database
    letters = _smallest_letters(20)
    for letter in letters:
        shutil.copy(letter, inbox / letter.name)
    cmd = [sys.executable, "-m", "redletter", "watch", "--inbox", str(inbox), "--customers",
           str(CUSTOMERS), "--db", pg_url, "--settle", "0.3", "--no-cache"]
    env = {**os.environ, "REDLETTER_OCR_WORKERS": "1"}
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=env) for _ in range(2)]
    try:
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline and any(p.is_file() for p in inbox.iterdir()):
            time.sleep(0.3)
        time.sleep(1)
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        outputs = [p.communicate(timeout=60) for p in procs]
    for (out, err), p in zip(outputs, procs, strict=True):
        assert p.returncode == 0 and "error" not in err, err
        assert all(", 0 failed" in ln for ln in _lines(out, "letters:")), out
    new = sum(int(ln.split()[1]) for out, _ in outputs for ln in _lines(out, "letters:"))
    assert new == 20 and all(_lines(out, "letters: ") for out, _ in outputs)
    assert sorted(p.name for p in (inbox / "processed").iterdir()) == sorted(p.name for p in letters)
    engine = connect(pg_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*), count(DISTINCT sha256) FROM letters")).one() == (20, 20)
        assert conn.execute(text("SELECT count(*) FROM audit_log WHERE action = 'file_failed'")
                            ).scalar() == 0
    assert check(engine) is None


def test_ids_have_no_meaning_for_the_chain(pg_url: str) -> None:
    """A rolled-back write leaves a gap in PostgreSQL's sequence: the chain does not care."""
    engine = connect(pg_url, create=True)
    with transaction(engine) as conn:
        append(conn, actor="auto", action="note", reason="first", payload={})
    with pytest.raises(RuntimeError), transaction(engine) as conn:
        append(conn, actor="auto", action="note", reason="rolled back", payload={})
        raise RuntimeError("a conflict, a kill")
    with transaction(engine) as conn:
        append(conn, actor="auto", action="note", reason="after", payload={})
    with engine.connect() as conn:
        assert [r[0] for r in conn.execute(text("SELECT id FROM audit_log ORDER BY id"))] == [1, 3]
    assert check(engine) is None


def _open(url: str) -> None:
    connect(url, create=True)


def test_processes_starting_together_do_not_race_in_the_migrations(pg_url: str) -> None:
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_open, args=(pg_url,)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=60)
    assert [p.exitcode for p in procs] == [0] * 4
    with connect(pg_url).connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT name FROM schema_migrations"))]
    assert sorted(names) == [name for name, _ in MIGRATIONS]  # each applied exactly once


def test_a_password_in_the_url_is_never_printed(pg_server: str, tmp_path: Path) -> None:
    port = pg_server.rsplit(":", 1)[1].split("/")[0]
    url = f"postgresql+psycopg://redletter:s3cret-pw@127.0.0.1:{port}/no_such_db"
    for args in (["letters", "--db", url], ["audit", "verify", "--db", url],
                 ["run", "--inbox", str(tmp_path), "--customers", str(CUSTOMERS), "--db", url]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == ExitCode.database_error, result.stderr
        assert "s3cret" not in result.stdout + result.stderr and "***" in result.stderr
