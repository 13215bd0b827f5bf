"""The ways letters arrive besides PDFs and scans: e-mails saved as .eml with PDF or XLSX
attachments, party lists as XLSX and CSV; and the plain party lists that `redletter match`
takes. Real files from tests/fixtures/unseen (made by scripts/make_unseen.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from redletter.cli import app
from redletter.errors import ExitCode
from redletter.pipeline import extract_letter

UNSEEN = Path(__file__).resolve().parent / "fixtures" / "unseen"
CUSTOMERS = Path(__file__).resolve().parent.parent / "samples" / "customers.csv"
runner = CliRunner()


def test_an_email_with_a_workbook_attached() -> None:
    letter = extract_letter(UNSEEN / "u07_email" / "u07b_supplier_xlsx_attachment.eml")
    assert (letter.reference, str(letter.letter_date), letter.pages) == ("SL-2026-Q2-07", "2026-04-09", 2)
    assert len(letter.parties) == 20
    first = letter.parties[0]
    assert first.name == "TURKIK UNION DIGITAL TECHNOLOGY TRANSFORMATION OFFICE INCORPORATED COMPANY"
    assert first.aliases == ("TURKIK UNION DIG TECH TRANSFORMATION JSC",)
    assert (first.country, first.hs_codes, first.page) == ("TR", ("9030.39.0000", "9030.39"), 2)
    assert first.items[0].chpl_tier == "4.A" and first.items[0] in letter.items  # CHPL 9030.39


def test_an_email_with_a_pdf_attached_and_a_forwarded_one() -> None:
    letter = extract_letter(UNSEEN / "u07_email" / "u07a_redflag_pdf_attachment.eml")
    hamriyah = next(p for p in letter.parties if p.name == "HAMRIYAH STEEL FREE ZONE COMPANY")
    assert hamriyah.country == "AE" and hamriyah.aliases == ("HAMRIYAH STEEL FZC",)
    assert hamriyah.hs_codes == ("8532.24", "8482.20", "9013.80")
    forwarded = extract_letter(UNSEEN / "u07_email" / "u07c_guardian_forwarded.eml")
    assert len(forwarded.parties) == 5 and forwarded.reference == "PG-ATL-2026-0093"
    assert not any("Forwarded" in p.name for p in forwarded.parties)


def test_a_csv_party_list_with_a_preamble() -> None:
    letter = extract_letter(UNSEEN / "u06_spreadsheets" / "u06b_redflag_customers.csv")
    assert letter.reference == "OEE-RF-2026-0088" and len(letter.parties) == 12
    vtb = letter.parties[0]
    assert vtb.name == "VTB BANK AZERBAIJAN OPEN JOINT STOCK COMPANY"
    assert vtb.aliases == ("BANK VTB AZERBAIJAN OJSC", "JSC VTB BANK AZERBAIJAN")
    assert vtb.hs_codes == ("8542.39.0000", "8542.39", "8504.40", "9030.82", "8486.40.0000", "8486.40")
    assert vtb.extra == {"shipments": "17", "last_seen": "2026-01-29"}


def test_an_xlsx_workbook_and_the_inbox_take_them_all(tmp_path: Path) -> None:
    book = UNSEEN / "u06_spreadsheets" / "u06a_supplier_list_workbook.xlsx"
    sheets = openpyxl.load_workbook(book, read_only=True).worksheets
    read = extract_letter(book)
    assert len(sheets) == 2 and len(read.parties) == 40  # a cover sheet, then the list
    assert {p.page for p in read.parties} == {2} and read.reference is not None
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for f in (book, UNSEEN / "u06_spreadsheets" / "u06b_redflag_customers.csv",
              UNSEEN / "u07_email" / "u07b_supplier_xlsx_attachment.eml"):
        shutil.copy(f, inbox)
    result = runner.invoke(app, ["run", "--inbox", str(inbox), "--customers", str(CUSTOMERS),
                                 "--db", str(tmp_path / "r.db"), "--no-cache"])
    assert result.exit_code == 0, result.stderr
    assert "letters: 3 new" in result.stdout and "parties of concern: 72 new" in result.stdout
    assert sorted(p.name for p in (inbox / "processed").iterdir()) == sorted(
        ["u06a_supplier_list_workbook.xlsx", "u06b_redflag_customers.csv",
         "u07b_supplier_xlsx_attachment.eml"])


def test_match_takes_a_plain_party_list(tmp_path: Path) -> None:
    plain = tmp_path / "parties.json"
    plain.write_text(json.dumps([{"name": "LEPUS SAI LIMITED", "aliases": [],
                                  "address": "Unit 13, 12/F, One Vita Supreme, Tuen Mun",
                                  "country": "Hong Kong"}]), "utf-8")
    listed = tmp_path / "parties.csv"
    listed.write_text("name,aliases,address,country\n"
                      "LEDRA NOMINEES LIMITED,,\"20 Vasilissis Freiderikis, Nicosia\",CY\n", "utf-8")
    for path, customer in ((plain, "C00002"), (listed, "C00003")):
        result = runner.invoke(app, ["match", str(path), "--customers", str(CUSTOMERS), "-f", "json",
                                     "--no-cache"])
        assert result.exit_code == 0, result.stderr
        found = json.loads(result.stdout)["results"][0]
        assert found["candidates"][0]["customer_id"] == customer
        assert found["candidates"][0]["decision"] in ("match", "review")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"name": "X", "shoe_size": 44}]), "utf-8")
    result = runner.invoke(app, ["match", str(bad), "--customers", str(CUSTOMERS), "--no-cache"])
    assert result.exit_code == ExitCode.input_file and "shoe_size" in result.stderr
