"""Never a silent empty letter: a letter whose parties cannot be read is recorded as
``needs_review`` (in the run's summary, in ``redletter letters`` and on the review page), and a
reviewer adds its parties by hand or as a CSV list, each audited and screened like extracted
ones, then marks it as checked. Driven in a real headless Chromium."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas
from test_review_page import served
from typer.testing import CliRunner

from redletter.cli import app
from redletter.store.db import connect
from redletter.store.tables import letters

ROOT = Path(__file__).resolve().parent.parent
CUSTOMERS = ROOT / "samples" / "customers.csv"
runner = CliRunner()
LINES = ["U.S. Department of Commerce, Bureau of Industry and Security", "March 3, 2026",
         "Reference: OEE-2026-0417", "Subject: Parties of diversion concern",
         "Dear Compliance Officer:", "The parties of concern are listed in the enclosed",
         "spreadsheet, which was sent to you separately.", "Sincerely,", "Office of Export Enforcement"]


def _letter_without_parties(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=letter)
    for i, line in enumerate(LINES):
        c.drawString(72, 720 - 18 * i, line)
    c.save()
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("needs_review")
    inbox = tmp / "inbox"
    inbox.mkdir()
    _letter_without_parties(inbox / "cover_letter.pdf")
    shutil.copy(ROOT / "samples" / "letters" / "01_supplier_grid.pdf", inbox)
    result = runner.invoke(app, ["run", "--inbox", str(inbox), "--customers", str(CUSTOMERS),
                                 "--db", str(tmp / "r.db"), "--no-cache"])
    assert result.exit_code == 0, result.stderr
    assert "letters: 2 new (1 need review)" in result.stdout
    assert "needs review: cover_letter.pdf: no party was read in this letter" in result.stdout
    return tmp / "r.db"


def test_the_letters_command_shows_the_status_and_why(db: Path) -> None:
    result = runner.invoke(app, ["letters", "--format", "json", "--db", str(db)])
    rows = {r["file_name"]: r for r in json.loads(result.stdout)}
    assert rows["cover_letter.pdf"]["status"] == "needs_review"
    assert rows["cover_letter.pdf"]["review_reasons"] == ["no party was read in this letter"]
    assert rows["01_supplier_grid.pdf"]["status"] == "processed"
    assert rows["01_supplier_grid.pdf"]["review_reasons"] == []
    table = runner.invoke(app, ["letters", "--db", str(db)], env={"COLUMNS": "250"}).stdout
    assert "needs_review" in table


@pytest.fixture
def page(browser: Browser, db: Path) -> Iterator[Page]:
    with served(browser, db) as page:
        yield page


def test_a_reviewer_adds_the_parties_and_marks_the_letter_checked(page: Page, db: Path,
                                                                  tmp_path: Path) -> None:
    expect(page.locator("td.status-needs_review")).to_have_count(1)
    page.get_by_role("link", name="cover_letter.pdf").click()
    expect(page.locator("section.needs-review")).to_contain_text("no party was read")

    form = page.locator("form.add-party")
    form.locator("input[name=name]").fill("LEPUS SAI LIMITED")
    form.locator("input[name=address]").fill("Unit 13, 12/F, One Vita Supreme, Tuen Mun")
    form.locator("input[name=country]").fill("Hong Kong")
    form.locator("input[name=reason]").fill("named in the spreadsheet sent separately")
    form.get_by_role("button", name="Add and screen").click()
    expect(page.locator(".message")).to_contain_text("1 part(ies) added and screened")
    added = page.locator("article.party", has_text="LEPUS SAI LIMITED")
    expect(added.locator("tr.candidate[data-customer=C00002]")).to_have_count(1)
    expect(added.locator(".manual")).to_have_text("added by a reviewer")

    listed = tmp_path / "spreadsheet.csv"
    listed.write_text("Company,Address,Country\n"
                      "LEDRA NOMINEES LIMITED,\"20 Vasilissis Freiderikis, Nicosia\",Cyprus\n"
                      "GAZPROMBANK (SWITZERLAND) LTD,\"Zollikerstrasse 183, Zurich\",Switzerland\n",
                      "utf-8")
    upload = page.locator("form.upload-parties")
    page.locator("details.upload-parties summary").click()
    upload.locator("input[name=parties]").set_input_files(str(listed))
    upload.locator("input[name=reason]").fill("the spreadsheet sent separately")
    upload.get_by_role("button", name="Upload and screen").click()
    expect(page.locator(".message")).to_contain_text("2 part(ies) added and screened")
    expect(page.locator("article.party", has_text="LEDRA NOMINEES LIMITED")
           .locator("tr.candidate[data-customer=C00003]")).to_have_count(1)

    review = page.locator("form.reviewed")
    review.locator("input[name=reason]").fill("all three parties of the spreadsheet added")
    review.get_by_role("button", name="Mark as checked").click()
    expect(page.locator(".message")).to_contain_text("marked as checked")
    expect(page.locator("section.needs-review")).to_have_count(0)

    engine = connect(db)
    with engine.connect() as conn:
        status = conn.execute(letters.select().where(letters.c.file_name == "cover_letter.pdf")).one().status
        actions = [r[0] for r in conn.exec_driver_sql("SELECT action FROM audit_log ORDER BY id")]
    assert status == "processed"
    assert actions.count("party_added") == 3 and actions[-1] == "letter_reviewed"
    verified = runner.invoke(app, ["audit", "verify", "--db", str(db)])
    assert verified.exit_code == 0, verified.stderr
