"""Regenerate the truth files of tests/fixtures/public_tables/ from the real PDFs there.

    .venv/bin/python scripts/make_public_truth.py [PDF_DIR] [--out DIR] [--check]

Each PDF is a real third-party document (not a BIS letter) with a table of organisations;
tests/fixtures/public_tables/README.md says where each comes from. Every file has its own
reader below, with pdfplumber settings chosen for that file by eye (explicit column edges,
ruling lines, row bands...), so that the truth is reproducible and owes nothing to redletter's
extractor. The few hand corrections are in HAND and are listed in the README.

--check compares what would be written with the truth files already in --out, writes nothing,
and exits 1 on a difference. A PDF whose SHA-256 differs from SOURCES is refused.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import pdfplumber
from pdfplumber import utils
from pdfplumber.page import Page

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "public_tables"

PDFPLUMBER = ("jsvine/pdfplumber", "147f2c4c07dc1191fc1d05bb589b4f6af3aaf74a")
CAMELOT = ("camelot-dev/camelot", "2b80d0bc692d1b22203c3385e77da8201675aa50")
TABULA = ("tabulapdf/tabula-java", "2cdf3b4fd3f7e921dca8cc6814cdd9316be40f0f")
ICDAR = "tests/files/tabula/icdar2013-dataset/competition-dataset-eu/"
MIT = "MIT (repository licence)"
MIT_ICDAR = ("MIT (repository licence); the document is an EU report from the ICDAR 2013 table "
             "competition dataset, which the repository redistributes")

Party = dict[str, Any]
Row = list[str]


def source(repo: tuple[str, str], path: str, licence: str, sha256: str) -> dict[str, str]:
    return {"repo": repo[0], "path": path, "commit": repo[1], "licence": licence, "sha256": sha256}


SOURCES: dict[str, dict[str, str]] = {
    "ca-warn-report.pdf": source(
        PDFPLUMBER, "examples/pdfs/ca-warn-report.pdf", MIT,
        "f52f80bd057313c8abec2e854c65c4d96658e72744c836e81d3048d8a5861046"),
    "Publication_of_award_of_Bids_for_Transport_Sector__August_2016.pdf": source(
        TABULA, "src/test/resources/technology/tabula/"
        "Publication_of_award_of_Bids_for_Transport_Sector__August_2016.pdf", MIT,
        "038126d57e3d9aadfee6c3ac44acc66d4fbdc13598dad8deadd7ec76a2a7d2ab"),
    "split_text_lattice.pdf": source(
        CAMELOT, "tests/files/split_text_lattice.pdf", MIT,
        "15b8cf2901342f88a7d4d57da6e7c98a4bb29c6b9b022707af2adf593a3db9a2"),
    "m27.pdf": source(
        CAMELOT, "tests/files/tabula/m27.pdf", MIT,
        "0d46d58f7a19daed873c3b0659efd5a9a116aa70db035a0565674a385b0cb505"),
    "row_span_1.pdf": source(
        CAMELOT, "tests/files/row_span_1.pdf", MIT,
        "bd7d9ba30325818cfc0b61951b14789615ba3e347b04e8cc5d726614eac0f7f3"),
    "birdisland.pdf": source(
        CAMELOT, "tests/files/birdisland.pdf", MIT + "; the report itself is marked 'Copyright 2012'",
        "08a12a3530730ac983dffb4d4dd376e7dee2c98a183868da35dc6f632fe3d463"),
    "eu-004.pdf": source(
        CAMELOT, ICDAR + "eu-004.pdf", MIT_ICDAR,
        "f36f2df28c4cf39a14cd814b4cb31b18d3e2a997a1c08472aa3d39b787819cf4"),
    "eu-006.pdf": source(
        CAMELOT, ICDAR + "eu-006.pdf", MIT_ICDAR,
        "be2aeede6566affd93df92875930d30ad1979e1c96b351a19ff563381f4ec2f3"),
    "eu-007.pdf": source(
        CAMELOT, ICDAR + "eu-007.pdf", MIT_ICDAR,
        "643d49e88d3a03dc7c360ab1af4d53ecfd0a409cd818aa835e84da38c55c2bef"),
}


def fold(text: str | None) -> str:
    """Whitespace folding: line breaks inside a cell become one space."""
    return " ".join((text or "").split())


def party(name: str, page: int, extra: dict[str, str], *, address: str | None = None,
          country: str | None = None) -> Party:
    return {"name": fold(name), "aliases": [], "address": fold(address) or None, "country": country,
            "page": page, "extra": {fold(k): fold(v) for k, v in extra.items()}}


def lines(page: Page, top: float, bottom: float, y_tolerance: float = 3) -> list[list[dict[str, Any]]]:
    """The words between two heights, grouped into printed lines, each sorted left to right."""
    words = [w for w in page.extract_words() if top <= w["top"] and w["bottom"] <= bottom]
    return [sorted(line, key=lambda w: w["x0"])
            for line in utils.cluster_objects(words, "top", y_tolerance)]


def cells(line: Iterable[dict[str, Any]], starts: Sequence[float]) -> Row:
    """Split one printed line into columns: a word belongs to the last column starting left of it."""
    out = [""] * len(starts)
    for w in line:
        col = max(i for i, x in enumerate(starts) if x <= w["x0"] + 0.5)
        out[col] = f"{out[col]} {w['text']}".strip()
    return out


def anchored_rows(page: Page, top: float, bottom: float, starts: Sequence[float]) -> list[Row]:
    """Rows of a table without rules: a line with text in the first column starts a row,
    the lines below it without such text continue that row's cells."""
    rows: list[Row] = []
    for line in lines(page, top, bottom):
        row = cells(line, starts)
        if row[0] or not rows:
            rows.append(row)
        else:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], row, strict=True)]
    return rows


def word_top(page: Page, text: str, *, last: bool = False) -> dict[str, Any]:
    """The first (or last) word on the page whose text is exactly `text`."""
    found = [w for w in page.extract_words() if w["text"] == text]
    return found[-1] if last else found[0]


def header_map(header: Row, row: Row, skip: int) -> dict[str, str]:
    return {fold(h): fold(v) for i, (h, v) in enumerate(zip(header, row, strict=True)) if i != skip}


# --- one reader per file ------------------------------------------------------------------

DATE = re.compile(r"^\d\d/\d\d/\d{4}$")


def ca_warn_report(pdf: pdfplumber.PDF) -> list[Party]:
    """Ruled rows, header on page 1 only. Columns as in pdfplumber's tests/test_ca_warn_report.py:
    the x0 of page 2's rectangles, clustered. Date cells carry spurious spaces between digits
    ('0 7 / 1 3 / 2 0 15'); they are removed as that test does. A summary table at the end of
    page 15 and on page 16 is not a company table: only rows starting with a date are kept."""
    xs = [c[0] for c in utils.cluster_list([r["x0"] for r in pdf.pages[1].rects], tolerance=3)]
    settings = {"vertical_strategy": "explicit", "explicit_vertical_lines": xs}
    header = [fold(h) for h in pdf.pages[0].extract_table(settings)[0]]
    out = []
    for page in pdf.pages:
        for row in page.extract_table(settings) or []:
            row = [(c or "").replace(" ", "") if i < 3 else fold(c) for i, c in enumerate(row)]
            if DATE.match(row[0]):
                out.append(party(row[3], page.page_number, header_map(header, row, 3),
                                 address=row[4], country="US"))
    return out


GHANA_UK = {"Middlesex", "UK", "Hampshire"}


def ghana_awards(pdf: pdfplumber.PDF) -> list[Party]:
    """Fully ruled; pdfplumber's default 'lines' settings find one table per page with its
    header repeated. A row without a serial number continues the previous page's last row
    (rows 24 and 41 run over a page break)."""
    out: list[Party] = []
    for page in pdf.pages:
        header, *rows = page.extract_table()
        header = [fold(h) for h in header]
        for row in rows:
            row = [fold(c) for c in row]
            if row[0]:
                out.append(party(row[4], page.page_number, header_map(header, row, 4), address=row[5]))
                continue
            last = out[-1]
            for h, v in zip(header, row, strict=True):
                if v and h in last["extra"]:
                    last["extra"][h] = fold(f"{last['extra'][h]} {v}")
            last["address"] = last["extra"]["Address"]
    for p in out:  # the project is in Ghana; three contractors give an address in England
        p["country"] = "GB" if GHANA_UK & set(re.split(r"[\s,]+", p["address"])) else "GH"
    return out


def split_text_lattice(pdf: pdfplumber.PDF) -> list[Party]:
    """Fully ruled, one page, many wrapped cells; default 'lines' settings."""
    page = pdf.pages[0]
    header, *rows = page.extract_table()
    header = [fold(h) for h in header]
    return [party(r[1], 1, header_map(header, [fold(c) for c in r], 1), address=r[8], country="IN")
            for r in rows]


M27_COLUMNS = [28, 72, 95, 209, 327, 442, 529, 566, 606, 683, 770]


def m27(pdf: pdfplumber.PDF) -> list[Party]:
    """No rules: rows are alternately shaded. Column edges are camelot's (tests/test_stream.py,
    test_stream_split_text) plus the page margins; row edges are the shaded bands' tops and
    bottoms, the header's bottom and the page footer's top (the first and last rows of a page
    may be unshaded). Wrapped cells stay inside their band."""
    header = ["LICENSE NUMBER", "TYPE", "DBA NAME", "LICENSEE NAME", "PREMISE ADDRESS", "CITY", "ST",
              "ZIP", "PHONE NUMBER", "EXPIRES"]
    out = []
    for page in pdf.pages:
        top = word_top(page, "NUMBER")["bottom"] + 1
        bottom = word_top(page, "Page", last=True)["top"] - 1
        ys = {top, bottom} | {r["top"] for r in page.rects} | {r["bottom"] for r in page.rects}
        settings = {"vertical_strategy": "explicit", "explicit_vertical_lines": M27_COLUMNS,
                    "horizontal_strategy": "explicit", "explicit_horizontal_lines": sorted(ys)}
        for row in page.extract_table(settings):
            row = [fold(c) for c in row]
            if row[0].isdigit():
                address = f"{row[4]}, {row[5]}, {row[6]} {row[7]}"
                out.append(party(row[3], page.page_number, header_map(header, row, 3),
                                 address=address, country="US"))
    return out


def row_span_1(pdf: pdfplumber.PDF) -> list[Party]:
    """Fully ruled with merged cells: a plan's name spans the rows of all its counties.
    pdfplumber gives the merged cell once and None below it; the counties and totals of the
    spanned rows are joined with '; '. Total and subtotal rows are not parties."""
    _, *rows = pdf.pages[0].extract_table()
    out: list[Party] = []
    plan_type = last_county = ""
    for ptype, county, plan, total in rows:
        plan_type = ptype if ptype and ptype.isupper() and len(ptype) <= 5 else plan_type
        last_county = county or last_county
        if county and "Total" in county:
            continue
        if plan:
            extra = {"Plan Type": plan_type, "County": last_county, "Totals": total}
            out.append(party(plan, 1, extra, country="US"))
        elif plan is None and county and out:
            extra = out[-1]["extra"]
            extra["County"] += f"; {county}"
            extra["Totals"] += f"; {total}"
    return out


BIRD_COLUMNS = [78, 150, 225, 265, 292, 320, 365, 405, 440, 465, 505]


def birdisland(pdf: pdfplumber.PDF) -> list[Party]:
    """No rules; every glyph of the table is printed twice, a hair apart (dedupe_chars). Rows
    are printed lines between the header and 'Test Average'; column starts read off the header.
    Page 2 holds footnotes and trademarks, no company table."""
    page = pdf.pages[0].dedupe_chars(tolerance=1.5)
    header = ["Company/Brand", "Product/Brand†", "Technol.†", "Mat.", "SCN Resist.", "Seed Trmt.†",
              "Yield Bu/A", "Moisture %", "Lodging %", "Stand (x 1000)", "Gross Income"]
    top = word_top(page, "Company/Brand")["bottom"] + 1
    bottom = word_top(page, "Average")["top"] - 1
    return [party(r[0], 1, header_map(header, r, 0))
            for r in (cells(line, BIRD_COLUMNS) for line in lines(page, top, bottom))]


def table_below(page: Page, caption: str, last_head: str, starts: Sequence[float], header: Row,
                country: Callable[[Row], str | None] = lambda _: None) -> list[Party]:
    """A table read from word positions (its grid, thin filled rectangles, is not used): from
    below the header line ending in `last_head` (the first such word under the caption) to the
    next 'Source:'/'Sources:' line. A line with text in the first column starts a row."""
    words = page.extract_words()
    cap = word_top(page, caption)
    top = min(w["bottom"] for w in words if w["text"] == last_head and w["top"] > cap["top"]) + 1
    bottom = min(w["top"] for w in words if w["text"].startswith("Source") and w["top"] > top) - 1
    return [party(r[0], page.page_number, header_map(header, r, 0), country=country(r))
            for r in anchored_rows(page, top, bottom, starts)]


ORIGIN = {"Switzerland": "CH", "Germany": "DE", "France": "FR", "Denmark": "DK", "UK": "GB",
          "Netherlands": "NL", "Ireland": "IE"}


def eu_004(pdf: pdfplumber.PDF) -> list[Party]:
    """Tables 6.11 (p. 12, with a country-of-origin column) and 6.12 (p. 14); neither names its
    organisation column. The other ten tables of this 15-page extract are by member state."""
    t611 = table_below(pdf.pages[11], "6.11:", "ecus)", [100, 275, 400],
                       ["", "Country of origin", "Sales (bn ecus)"], country=lambda r: ORIGIN[r[1]])
    t612 = table_below(pdf.pages[13], "6.12:", "digit)", [70, 190, 260, 370],
                       ["", "World food sales ($US bn)", "Total sales in EU food manufacturing (bn ecus)",
                        "Markets in which firm is one of the 5 leaders (NACE 3 digit)"])
    return t611 + t612


def eu_006(pdf: pdfplumber.PDF) -> list[Party]:
    """Tables 8.12 (p. 1, 'Names'), 8.14 (p. 2, 'Retailer') and 8.15 (p. 3, 'Groups', French
    retail groups by the caption). Table 8.13 on p. 1 lists brand types, not organisations."""
    t812 = table_below(pdf.pages[0], "8.12", "items", [110, 230, 380],
                       ["Names", "Own brands market share", "Number of items"])
    t814 = table_below(pdf.pages[1], "8.14", "Shares", [190, 280], ["Retailer", "Own Brands Market Shares"])
    t815 = table_below(pdf.pages[2], "8.15", "Turnover", [100, 230, 380],
                       ["Groups", "Foreign turnover (FFr bn.)", "% of Total Turnover"],
                       country=lambda _: "FR")
    return t812 + t814 + t815


def eu_007(pdf: pdfplumber.PDF) -> list[Party]:
    """Table 8.18 (p. 1: producers, no header over their column) and Table 8.23 (p. 5: 'Groups',
    cells of several lines; the rows 'Own brands' and 'Others' are not organisations). The
    coffee table 8.21 (p. 3) lists brands, not companies, and is left out."""
    t818 = table_below(pdf.pages[0], "8.18", "Down-market", [100, 215, 300, 395],
                       ["", "Up-market", "Medium", "Down-market"])
    t823 = table_below(pdf.pages[4], "8.23", "products", [90, 160, 270, 390],
                       ["Groups", "Butter", "Margarine", "Low fat products"])
    return t818 + [p for p in t823 if p["name"] not in {"Own brands", "Others"}]


# --- files, notes and hand corrections ----------------------------------------------------

READERS: dict[str, tuple[Callable[[pdfplumber.PDF], list[Party]], str, str]] = {
    "ca-warn-report.pdf": (ca_warn_report, "Company", (
        "California EDD WARN report 07/01/2015-03/25/2016, 16 pages; ruled rows; header on page 1 "
        "only; one row per notice, so a company recurs once per notice; some company and city cells "
        "are clipped at the column edge ('El Dorado Berry Farms, LLC (Adam'); one notice is marked "
        "'(CANCELLED)**'; a monthly summary table ends page 15 and fills page 16 (not parties). "
        "address = City cell; country US (California cities).")),
    "Publication_of_award_of_Bids_for_Transport_Sector__August_2016.pdf": (
        ghana_awards, "Contractor/Suppliers /Consultant", (
            "Ghana Ministry of Roads and Highways, contracts awarded under the Transport Sector "
            "Project, 5 ruled pages turned by /Rotate 90, header repeated on each; rows 24 and 41 "
            "continue on the next page; wrapped cells; a contractor recurs once per contract; row 26 "
            "is an individual consultant with her firm in brackets. country GH for Ghanaian "
            "addresses, GB for the addresses in England (rows 24, 25, 34, 35).")),
    "split_text_lattice.pdf": (split_text_lattice, "Name of Licensee", (
        "Indian telecom licences signed in 2014, one ruled page, 11 columns; most names wrap over 2-8 "
        "lines; three cells add a later name ('( Now Known as M/s ...)') and one a status "
        "('(surrendered)'), kept as printed. address = Registered Office Address; country IN.")),
    "m27.pdf": (m27, "LICENSEE NAME", (
        "Oklahoma ABLE Commission, alphabetic listing of active licences, pages 1-2 of 151, turned "
        "by /Rotate 90; no rules, alternately shaded rows; the header's words sit on two lines; "
        "DBA NAME and LICENSEE NAME both hold organisation-like names: the licensee is the party, "
        "the DBA (trade or premises name) is in extra; three licensees are people ('BRADSHAW, "
        "STEVE_LEN', 'MARINI, DOMENICA', 'ULAJ, GEZIM'). address = premise address, city, state "
        "and ZIP; country US.")),
    "row_span_1.pdf": (row_span_1, "Plan Name", (
        "California managed-care enrollment by plan type, county and plan, one ruled page; plan-name "
        "cells span several county rows (Partnership Health Plan of CA spans 14); total and "
        "subtotal rows excluded; Health Net, Kaiser and Molina appear in two counties as separate "
        "cells. country US (California counties).")),
    "birdisland.pdf": (birdisland, "Company/Brand", (
        "F.I.R.S.T. 2012 soybean harvest report (Bird Island, Minnesota), page 1; no rules, "
        "alternately shaded rows; every glyph printed twice; seed companies/brands recur once per "
        "product tested; page 2 has footnotes and trademark lines only. No address or country.")),
    "eu-004.pdf": (eu_004, "", (
        "EU report on food retailing (ICDAR 2013 eu-004), 15 pages, 12 ruled tables; Table 6.11 "
        "(EU's top 20 grocery wholesalers, p. 12, country of origin mapped to ISO codes) and "
        "Table 6.12 (world's leading food and drink manufacturers, p. 14); the organisation column "
        "has no header in either; the other tables list member states, not organisations.")),
    "eu-006.pdf": (eu_006, "Names", (
        "EU report, French retail chapter (ICDAR 2013 eu-006), 3 pages; organisation columns "
        "'Names' (Table 8.12, p. 1, ruled), 'Retailer' (8.14, p. 2, ruled) and 'Groups' (8.15, p. 3, "
        "'leading French retail groups': country FR there only); the same retailers recur across "
        "the three tables; Table 8.13 lists brand types, not organisations.")),
    "eu-007.pdf": (eu_007, "", (
        "EU report, French product markets (ICDAR 2013 eu-007), 6 pages, ruled tables; Table 8.18 "
        "(p. 1, producers of washing powder, no header over that column) and Table 8.23 (p. 5, "
        "'Groups', multi-line cells; rows 'Own brands' and 'Others' excluded); the coffee-brand "
        "Table 8.21 (p. 3) is left out as brands, not organisations.")),
}

# Hand corrections, each checked on the rendered page and listed in the README:
# (file, party name, field: "name" or an extra header) -> the text as printed.
HAND: dict[tuple[str, str, str], str] = {
    # the cell is letter-spaced in the text layer; printed (and in camelot's tests/data.py) as:
    ("split_text_lattice.pdf", "Mahanagar Telephone Nigam Limited", "Service area"): "Delhi and Mumbai",
}


def build(pdf_path: Path) -> dict[str, Any]:
    """The truth of one PDF."""
    reader, name_column, notes = READERS[pdf_path.name]
    with pdfplumber.open(pdf_path) as pdf:
        parties = reader(pdf)
    for (file, name, field), text in HAND.items():
        for p in parties:
            if file == pdf_path.name and p["name"] == name:
                if field == "name":
                    p["name"] = text
                else:
                    p["extra"][field] = text
    return {"file": pdf_path.name, "source": SOURCES[pdf_path.name], "notes": notes,
            "name_column": name_column, "parties": parties}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("pdf_dir", nargs="?", type=Path, default=FIXTURES)
    parser.add_argument("--out", type=Path, default=FIXTURES)
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    status = 0
    for name in READERS:
        pdf_path = args.pdf_dir / name
        if not pdf_path.exists():
            print(f"{name}: missing from {args.pdf_dir}", file=sys.stderr)
            status = 1
            continue
        if sha256(pdf_path) != SOURCES[name]["sha256"]:
            print(f"{name}: not the expected file (SHA-256 differs)", file=sys.stderr)
            status = 1
            continue
        text = json.dumps(build(pdf_path), ensure_ascii=False, indent=2) + "\n"
        target = args.out / (name.removesuffix(".pdf") + ".truth.json")
        if args.check:
            same = target.exists() and target.read_text("utf-8") == text
            print(f"{name}: {'same' if same else 'DIFFERS'}")
            status |= not same
        else:
            target.write_text(text, "utf-8")
            print(f"{name}: {len(json.loads(text)['parties'])} parties -> {target}")
    return status


if __name__ == "__main__":
    sys.exit(main())
