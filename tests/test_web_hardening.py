"""The review page's edges: headers on every response (401, 404, 500 included), no caching
of data, 404 for ids no row can have, spreadsheet-safe CSV for people and exact CSV for the
ERP, the token length and the warning beyond localhost, several server processes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import httpx
import pytest
from conftest import free_port
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from redletter.cli import app
from redletter.errors import ExitCode
from redletter.ingest.batch import run_batch
from redletter.screening.master import load_master
from redletter.settings import Settings
from redletter.store.db import connect
from redletter.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "a-token-of-24-characters"
FORMULA = '=HYPERLINK("http://e.vil","x")'


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("web")
    (home / "inbox").mkdir()
    shutil.copy(ROOT / "samples" / "letters" / "01_supplier_grid.pdf", home / "inbox" / "l.pdf")
    path = home / "r.db"
    run_batch(home / "inbox", load_master(ROOT / "samples" / "customers.csv", None, None),
              connect(path, create=True), Settings.load())
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE denylist SET customer_name = ? WHERE rowid = (SELECT min(rowid) "
                     "FROM denylist)", (FORMULA,))
        conn.execute("INSERT INTO letters (sha256, file_name, received_at, notice_type, pages, "
                     "ocr_pages, page_sizes, warnings, status, audit_hash) VALUES ('x', 'x', '', "
                     "'unknown', 1, '[]', 'not json', '[]', 'processed', '')")
    return path


@pytest.fixture
def client(db: Path) -> TestClient:
    return TestClient(create_app(connect(db), token=TOKEN), raise_server_exceptions=False)


def _secure(response: httpx.Response) -> None:
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"


def test_every_response_carries_the_headers(client: TestClient) -> None:
    denied = client.get("/")
    assert denied.status_code == 401
    _secure(denied)
    client.get(f"/?token={TOKEN}")
    for path, status in (("/", 200), ("/denylist", 200), ("/denylist/export.csv", 200),
                         ("/letters/1", 200), ("/letters/99999999999999999999999", 404),
                         ("/letters/99999999999", 404), ("/letters/1/pages/1.png", 200),
                         ("/nowhere", 404), ("/letters/2", 500)):
        response = client.get(path)
        assert response.status_code == status, path
        _secure(response)
    static = client.get("/static/review.css")
    assert static.status_code == 200 and "no-store" not in static.headers.get("cache-control", "")


def test_huge_ids_in_forms_are_404(client: TestClient) -> None:
    from redletter.web.auth import csrf_token

    client.get(f"/?token={TOKEN}")
    response = client.post("/decisions", data={
        "csrf": csrf_token(TOKEN), "letter_id": "1", "party_id": str(2**70), "customer_id": "C1",
        "action": "approve", "reviewer": "r", "reason": "x"}, follow_redirects=False)
    assert response.status_code == 404


def test_csv_for_people_is_spreadsheet_safe_and_for_the_erp_exact(client: TestClient, db: Path,
                                                                  tmp_path: Path) -> None:
    client.get(f"/?token={TOKEN}")
    assert f"'{FORMULA}".replace('"', '""') in client.get("/denylist/export.csv").text
    runner = CliRunner()
    result = runner.invoke(app, ["denylist", "export", "--db", str(db)])  # the ERP's pipe
    assert result.exit_code == 0 and f'"{FORMULA.replace(chr(34), 2 * chr(34))}"' in result.stdout
    for args, safe in ((["-o", str(tmp_path / "people.csv")], True),
                       (["-o", str(tmp_path / "erp.csv"), "--exact"], False),
                       (["--spreadsheet-safe"], True)):
        result = runner.invoke(app, ["denylist", "export", "--db", str(db), *args])
        text = (tmp_path / Path(args[1]).name).read_text() if args[0] == "-o" else result.stdout
        assert ("'=HYPERLINK" in text) is safe, args


def test_short_tokens_are_refused_and_wide_binds_warned(db: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--token", "x"])
    assert result.exit_code == ExitCode.bad_args and "16 or more" in result.stderr
    # An address this machine does not have: the warning, then the bind fails (no traffic).
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--host", "203.0.113.7",
                                      "--port", str(free_port()), "--token", TOKEN])
    assert "warning: serving on 203.0.113.7, beyond this machine" in result.stderr


def test_several_server_processes(db: Path) -> None:
    from test_review_page import serving

    with serving(db, "--workers", "2", token=TOKEN) as (base, _), \
            httpx.Client(base_url=base, follow_redirects=True) as web:
        web.get(f"/?token={TOKEN}")
        codes = [web.get("/letters/1").status_code for _ in range(6)]
    assert codes == [200] * 6
