"""The same store on a real PostgreSQL server, when the machine has one: a throwaway cluster
is created with initdb and started on a free port for this module (run as the ``postgres``
user when the tests run as root)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import free_port
from sqlalchemy import text

from redletter.ingest.batch import run_batch
from redletter.screening.master import load_master
from redletter.screening.screen import review
from redletter.settings import Settings
from redletter.store.db import connect, transaction
from redletter.store.export import denylist_entries, to_json
from redletter.store.integrity import check

ROOT = Path(__file__).resolve().parent.parent
CUSTOMERS = ROOT / "samples" / "customers.csv"
LETTERS = [ROOT / "samples" / "letters" / f"{s}.pdf"
           for s in ("01_supplier_grid", "04_supplier_multipage_40")]

INITDB, PG_CTL = shutil.which("initdb"), shutil.which("pg_ctl")
pytestmark = pytest.mark.skipif(not (INITDB and PG_CTL),
                                reason="no PostgreSQL server on this machine (initdb, pg_ctl)")


def _as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd



@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    home = Path(tempfile.mkdtemp(prefix="redletter-pg-"))
    if os.geteuid() == 0:
        shutil.chown(home, "postgres")
    data, port = home / "data", free_port()
    subprocess.run(_as_server_user([str(INITDB), "-D", str(data), "-A", "trust", "-U",
                                    "redletter"]), check=True, capture_output=True)
    subprocess.run(_as_server_user([str(PG_CTL), "-D", str(data), "-w", "-l", str(home / "log"),
                                    "-o", f"-p {port} -k {home} -c listen_addresses=127.0.0.1",
                                    "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://redletter@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([str(PG_CTL), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


def _load(tmp: Path, db: str) -> list[dict[str, object]]:
    inbox = tmp / "inbox"
    inbox.mkdir(parents=True)
    for letter in LETTERS:
        shutil.copy(letter, inbox / letter.name)
    engine = connect(db)
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
