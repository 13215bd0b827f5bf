"""The same store on a real PostgreSQL server: a throwaway cluster started by the tests
(``tests/pgserver.py``), never skipped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

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
