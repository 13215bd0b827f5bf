"""Fault injection: `run` killed (SIGKILL) at ten points of a batch, on SQLite and on
PostgreSQL, then run again to the end: the list, the letters, the trail and the folders are
those of an uninterrupted run. The kill comes from the test hook ``REDLETTER_FAULT_AT=n``
(``store/audit.py``: the n-th audit entry written or file moved), in a forked child that has
the customer master already loaded, so that each attempt costs a fraction of a second."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from redletter.ingest.batch import run_batch
from redletter.screening.master import Master, load_master
from redletter.settings import Settings
from redletter.store.db import connect
from redletter.store.integrity import check

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "samples" / "letters"
FILES = {"a.pdf": LETTERS / "15_single_party.pdf", "b.pdf": LETTERS / "01_supplier_grid.pdf",
         "c-copy-of-a.pdf": LETTERS / "15_single_party.pdf",
         "d-bad.pdf": ROOT / "tests" / "fixtures" / "bad" / "truncated.pdf"}
VOLATILE = {"at", "decided_at", "party_id", "letter_id", "master_id", "received_at", "path"}


@pytest.fixture(scope="module")
def master() -> Master:
    return load_master(ROOT / "samples" / "customers.csv", None, None)


def _inbox(home: Path) -> Path:
    inbox = home / "inbox"
    inbox.mkdir(parents=True)
    for name, source in FILES.items():
        shutil.copy(source, inbox / name)
    return inbox


def _run(inbox: Path, db: str, master: Master, fault_at: int | None) -> None:
    if fault_at is not None:
        os.environ["REDLETTER_FAULT_AT"] = str(fault_at)
    engine = connect(db, create=True)
    run_batch(inbox, master, engine, Settings.load(db=db, ocr_workers=1))
    engine.dispose()


def _killed(inbox: Path, db: str, master: Master, fault_at: int) -> bool:
    child = multiprocessing.get_context("fork").Process(target=_run,
                                                        args=(inbox, db, master, fault_at))
    child.start()
    child.join(timeout=60)
    return child.exitcode == -signal.SIGKILL


def _stable(payload: str) -> Any:
    data = json.loads(payload)
    return {k: v for k, v in data.items() if k not in VOLATILE} if isinstance(data, dict) else data


def _state(db: str, inbox: Path) -> dict[str, Any]:
    engine = connect(db)
    assert check(engine) is None
    with engine.connect() as conn:
        q = lambda sql: [tuple(r) for r in conn.execute(text(sql))]  # noqa: E731
        state = {
            "letters": q("SELECT sha256, file_name, reference FROM letters ORDER BY sha256"),
            "parties": q("SELECT l.sha256, p.position, p.name FROM parties p JOIN letters l "
                         "ON l.id = p.letter_id ORDER BY 1, 2"),
            "decisions": q("SELECT p.name, d.customer_id, d.outcome, d.score FROM decisions d "
                           "JOIN parties p ON p.id = d.party_id ORDER BY 1, 2, 3"),
            "list": q("SELECT customer_id, status FROM denylist ORDER BY 1"),
            "trail": [(r[0], r[1], r[2].replace(str(inbox), "INBOX"), _stable(r[3])) for r in q(
                "SELECT actor, action, reason, payload FROM audit_log ORDER BY id")],
        }
    engine.dispose()
    state["folders"] = {f: sorted(p.name for p in (inbox / f).iterdir())
                        for f in ("processed", "failed") if (inbox / f).exists()}
    state["inbox"] = sorted(p.name for p in inbox.iterdir() if p.is_file())
    return state


def _faults(tmp_path: Path, master: Master, db_for: Any) -> None:
    reference = _inbox(tmp_path / "reference")
    _run(reference, db_for("reference"), master, None)
    want = _state(db_for("reference"), reference)
    points = len(want["trail"]) + len(FILES)  # audit entries and file moves
    assert points >= 10
    for n in sorted({1 + round(i * (points - 1) / 9) for i in range(10)}):
        inbox, db = _inbox(tmp_path / f"kill{n}"), db_for(f"kill{n}")
        assert _killed(inbox, db, master, n), f"not killed at point {n}"
        _run(inbox, db, master, None)
        assert _state(db, inbox) == want, f"killed at point {n} of {points}"


def test_kills_at_ten_points_lose_nothing_on_sqlite(tmp_path: Path, master: Master) -> None:
    _faults(tmp_path, master, lambda name: str(tmp_path / f"{name}.db"))


def test_kills_at_ten_points_lose_nothing_on_postgres(tmp_path: Path, master: Master,
                                                      pg_server: str) -> None:
    from functools import cache

    from pgserver import fresh_database

    _faults(tmp_path, master, cache(lambda name: fresh_database(pg_server, f"faults_{name}")))


def _run_reporting(inbox: Path, db: str, master: Master) -> None:
    engine = connect(db, create=True)
    report = run_batch(inbox, master, engine, Settings.load(db=db, ocr_workers=1), chunk=1)
    os._exit(1 if report.failed else 0)


def test_two_runs_at_once_on_sqlite_read_each_letter_once(tmp_path: Path, master: Master) -> None:
    inbox, db = tmp_path / "inbox", str(tmp_path / "r.db")
    inbox.mkdir()
    letters = sorted(LETTERS.glob("*.pdf"), key=lambda p: p.stat().st_size)[:8]
    for letter in letters:
        shutil.copy(letter, inbox / letter.name)
    connect(db, create=True).dispose()
    ctx = multiprocessing.get_context("fork")
    runs = [ctx.Process(target=_run_reporting, args=(inbox, db, master)) for _ in range(2)]
    for r in runs:
        r.start()
    for r in runs:
        r.join(timeout=120)
    assert [r.exitcode for r in runs] == [0, 0]  # no false failures
    state = _state(db, inbox)
    assert len(state["letters"]) == 8 and "failed" not in state["folders"]
    assert not [t for t in state["trail"] if t[1] == "file_failed"]
