"""One regression letter per bug found while reading letters of kinds never seen, each drawn
here with reportlab (real PDFs through pdfplumber), asserting on the values extracted."""

from __future__ import annotations

import itertools
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from redletter.extract.geometry import Rule, Word
from redletter.extract.grid import Grid, GridBand, column_headers
from redletter.extract.ocr import OcrWord
from redletter.extract.recover import not_read_yet
from redletter.nlp.party_text import name_and_aliases
from redletter.pipeline import extract_letter

Row = Sequence[str]


def _page(c: canvas.Canvas, lines: Sequence[str], top: float = 740) -> float:
    for i, text in enumerate(lines):
        c.drawString(54, top - 14 * i, text)
    return top - 14 * len(lines)


def _table(c: canvas.Canvas, xs: Sequence[float], top: float, rows: Sequence[Sequence[Row]],
           *, rules: str = "none", size: float = 8.5, header_font: str = "Helvetica-Bold",
           centred: bool = False, bottom: bool = False, pad: float = 4) -> float:
    """Rows of cells (each a list of lines) at column starts ``xs``; ``rules``: "none", "rows"
    (one line under each row), "between" (under each row but the last) or "cells" (each cell
    boxed by its own four segments);
    ``centred``: each cell centred on its row's middle rather than at its top; ``bottom``: each
    cell at its row's bottom (a spreadsheet's default); ``pad``: space added to each row."""
    y = top
    for r, row in enumerate(rows):
        tallest = max(len(cell) for cell in row)
        height = tallest * (size + 2) + pad
        c.setFont(header_font if r == 0 else "Helvetica", size)
        for x, cell in zip(xs, row, strict=False):
            drop = (tallest - len(cell)) * (size + 2) * (0.5 if centred else 1.0 if bottom else 0.0)
            for k, text in enumerate(cell):
                c.drawString(x + 2, y - size - drop - k * (size + 2), text)
        if rules == "rows" or (rules == "between" and r < len(rows) - 1):
            c.line(xs[0], y - height, xs[-1] + 120, y - height)
        if rules == "cells":
            edges = [*xs, xs[-1] + 120]
            for a, b in itertools.pairwise(edges):
                c.line(a, y, b, y)
                c.line(a, y - height, b, y - height)
                c.line(a, y, a, y - height)
                c.line(b, y, b, y - height)
        y -= height
    return y


def _paragraph_letter(path: Path, heading: str, text: str) -> Path:
    """A one-page letter: a heading, then ``text`` wrapped in 10-point Helvetica."""
    c = canvas.Canvas(str(path), pagesize=letter)
    c.setFont("Helvetica", 10)
    _page(c, [heading, *simpleSplit(text, "Helvetica", 10, 500)])
    c.save()
    return path


def _scanned(pdf: Path, dpi: int = 200) -> Path:
    """The first page of ``pdf`` as a grey PNG scanned at ``dpi`` (by poppler's pdftoppm)."""
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", str(pdf),
                    str(pdf.with_suffix(""))], check=True)
    return pdf.with_suffix(".png")


def test_consignee_table_with_two_line_headers_and_hs_codes(tmp_path: Path) -> None:
    """A customs-data consignee table gave no party: 'Consignee Address' was read as a name
    column, 'Ctry' and 'HS Codes' were not known, the header ran over two lines."""
    pdf = tmp_path / "consignees.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Bureau of Industry and Security", "Reference: OEE-RF-2026-0101",
                    "Subject: Red flag notification", "Attachment 1: consignees in import data"])
    _table(c, [54, 200, 350, 390, 470, 520], top - 20, [
        [["Consignee"], ["Consignee", "Address"], ["Ctry"], ["HS Codes"], ["Ship-", "ments"],
         ["Last Observed", "Shipment"]],
        [["ALFA LOGISTICS FZCO"], ["Office 4EA 324, Dubai", "Airport Free Zone"], ["AE"],
         ["8542.31, 8536.69"], ["14"], ["2025-03-02"]],
        [["KOMINVEX DOO BEOGRAD"], ["Nikole Marakovica 21,", "Belgrade 11090"], ["RS"],
         ["854239", "8542.31.0000"], ["3"], ["2025-07-19"]],
    ], rules="rows")
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country, p.hs_codes) for p in got.parties] == [
        ("ALFA LOGISTICS FZCO", "AE", ("8542.31", "8536.69")),
        ("KOMINVEX DOO BEOGRAD", "RS", ("8542.39", "8542.31.0000", "8542.31"))]
    first = got.parties[0]
    assert first.address == "Office 4EA 324, Dubai Airport Free Zone"
    assert first.extra == {"Ship- ments": "14", "Last Observed Shipment": "2025-03-02"}
    assert [i.chpl_tier for i in first.items] == ["1", "3.A"]
    assert not got.review_reasons


def test_header_on_the_first_page_only_and_counts_in_the_footer_band(tmp_path: Path) -> None:
    """A 3-page table with its header on page 1 only: rows whose last cell is a count sat in the
    bottom band and were dropped as page numbers; the first row of a page repeated on other
    pages, digits aside, and was dropped as a running head."""
    pdf = tmp_path / "annex.pdf"
    c = canvas.Canvas(str(pdf), pagesize=landscape(letter))
    names = [f"NORTHWIND {a}{b} TRADING LIMITED" for a in "ABC"
             for b in "DEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLM"]
    for page in range(3):
        top = 575.0
        rows: list[Sequence[Row]] = []
        if page == 0:
            rows.append([["Notice Date"], ["Company"], ["City"], ["No. Of"], ["Layoff/Closure"]])
        for i in range(36):
            n = page * 36 + i
            rows.append([["07/17/2015"], [names[n]], ["Long Beach"], [str(10 + n * 37 % 90)],
                         ["Closure Permanent"]])
        _table(c, [36, 120, 330, 450, 520], top, rows, rules="rows", size=8)
        c.setFont("Helvetica", 8)
        c.drawString(380, 20, f"Page {page + 1} of 3")
        c.showPage()
    c.save()
    got = extract_letter(pdf)
    assert [p.name for p in got.parties] == names
    assert {p.page for p in got.parties} == {1, 2, 3}
    assert got.parties[-1].extra["No. Of"] == str(10 + (len(names) - 1) * 37 % 90)


def test_grid_drawn_cell_by_cell_and_text_glued_across_a_rule(tmp_path: Path) -> None:
    """A grid drawn one segment per cell (no rule spans the table) merged all rows into one;
    text touching across a vertical rule ("Limited821-39/2013-DS", "No.Name") was one word."""
    pdf = tmp_path / "grid.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Annex: licensees"])
    rows = [["No.", "Name of Licensee", "Licence No.", "City"],
            ["1", "Mukand Infotel Pvt. Ltd.", "820-1217/13-LR", "Guwahati"],
            ["2", "Siti Cable Network Limited", "821-39/2013-DS", "Mumbai"],
            ["3", "Blaze Net Limited", "821-13/2013-DS", "Ahmedabad"]]
    xs = [54, 67.5, 200, 300]
    _table(c, xs, top - 10, [[[""]] * 4] * len(rows), rules="cells")
    c.setFont("Helvetica", 8.5)
    for r, row in enumerate(rows):
        y = top - 10 - 8.5 - 14.5 * r
        for k, (x, text) in enumerate(zip(xs, row, strict=True)):
            if (r, k) == (2, 1):  # this name ends right at the next rule: glued to the licence
                c.drawString(199.8 - c.stringWidth(text, "Helvetica", 8.5), y, text)
            else:
                c.drawString(x + 0.3, y, text)  # a cell's text starts right at its rule
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.address) for p in got.parties] == [
        ("Mukand Infotel Pvt. Ltd.", "Guwahati"), ("Siti Cable Network Limited", "Mumbai"),
        ("Blaze Net Limited", "Ahmedabad")]
    assert got.parties[1].extra == {"Licence No.": "821-39/2013-DS"}


def test_entity_list_cells_keep_addresses_out_of_names(tmp_path: Path) -> None:
    """Entity List cells: the address opening stayed in the name ("... LIMITED 17th Floor"),
    a single a.k.a. stayed in the address, and "CHINA, PEOPLE'S REPUBLIC OF" was no country."""
    pdf = tmp_path / "supp4.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Supplement No. 4 to Part 744 (extract)"])
    _table(c, [54, 150, 330, 420, 500], top - 10, [
        [["Country"], ["Entity"], ["License", "requirement"], ["License review", "policy"],
         ["Federal Register", "citation"]],
        [["CHINA, PEOPLE'S", "REPUBLIC OF"], ["KUNLUN SHIPPING COMPANY", "LIMITED, 17th Floor,",
                                              "Tower 2, Kowloon, Hong", "Kong."],
         ["For all items", "subject to the EAR."], ["Presumption of", "denial."], ["89 FR 87264"]],
        [[""], ["LIMITED LIABILITY COMPANY", "YAMAL TRADE, a.k.a. LLC", "TMK YAMZ, 3 First",
                "Liteynaya Street,", "Yamburg 629999."],
         ["For all items", "subject to the EAR."], ["Policy of denial."], ["88 FR 12158"]],
        [["MALAYSIA"], ["PASNA INTERNATIONAL", "GROUP SDN. BHD., No.", "42, Jalan Puteri 5/8,",
                        "Puchong."], ["For all items", "subject to the EAR."],
         ["Presumption of", "denial."], ["87 FR 34157"]],
    ], rules="rows")
    c.save()
    got = extract_letter(pdf)
    kunlun, yamal, pasna = got.parties
    assert (kunlun.name, kunlun.country) == ("KUNLUN SHIPPING COMPANY LIMITED", "CN")
    assert kunlun.address == "17th Floor, Tower 2, Kowloon, Hong Kong"
    assert (yamal.name, yamal.aliases) == ("LIMITED LIABILITY COMPANY YAMAL TRADE", ("LLC TMK YAMZ",))
    assert yamal.address == "3 First Liteynaya Street, Yamburg 629999" and yamal.country == "CN"
    assert (pasna.name, pasna.country) == ("PASNA INTERNATIONAL GROUP SDN. BHD.", "MY")
    assert pasna.address == "No. 42, Jalan Puteri 5/8, Puchong"
    assert kunlun.extra["Federal Register citation"] == "89 FR 87264"


def test_a_numbered_list_laid_out_in_columns_and_a_semicolon_list(tmp_path: Path) -> None:
    """Items laid out in columns with no header ("1. NAME   ADDRESS   COUNTRY") were read as
    one text, the address glued to the name; parties listed in a sentence between semicolons
    were not read at all."""
    pdf = tmp_path / "lists.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 9)
    top = _page(c, ["The customers concerned are:"])
    for i, (name, addr, ctry) in enumerate([
            (["BEIJING DEEPCOOL INDUSTRIES", "CO LTD"], ["Room 101-30, Floor 1-4, Building 10,",
                                                       "Haidian District, Beijing 100000"], "China"),
            (["GRIFFON FZC"], ["P.O. Box 514057, Saif Zone, Sharjah"], "United Arab Emirates")]):
        y = top - 16 - 40 * i
        c.drawString(54, y, f"{i + 1}.")
        for k, text in enumerate(name):
            c.drawString(70, y - 11 * k, text)
        for k, text in enumerate(addr):
            c.drawString(250, y - 11 * k, text)
        c.drawString(450, y, ctry)
    _page(c, ["The businesses concerned are ORBIT FINTRADE LLP, of Plot No 2233, Rajkot, Gujarat",
              "360021, India; APILINE TRADING FZE, of Jebel Ali Freezone, Dubai, United Arab",
              "Emirates; and M AND S TRADING, of Room 14F A, Success Industrial Building, Kowloon,",
              "Hong Kong. Records show consignments to Moscow."], top=560)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country) for p in got.parties] == [
        ("BEIJING DEEPCOOL INDUSTRIES CO LTD", "CN"), ("GRIFFON FZC", "AE"),
        ("ORBIT FINTRADE LLP", "IN"), ("APILINE TRADING FZE", "AE"), ("M AND S TRADING", "HK")]
    assert got.parties[0].address == "Room 101-30, Floor 1-4, Building 10, Haidian District, Beijing 100000"


def test_parties_named_in_a_sentence_with_their_places_in_parentheses(tmp_path: Path) -> None:
    """A sentence "X (City, Country), Y (Country) and Z (City, Country)" gave no party: each
    name is followed by its place in parentheses, with no "of" and no list marker."""
    pdf = tmp_path / "located.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 10)
    _page(c, ["Reference: OEE-RF-2026-0233", "",
              "Export data show that the following entities have received items of concern: Sinno",
              "Electronics Co., Ltd. (Shenzhen, China), Mobitel Trade Limited (Hong Kong), Ostrov",
              "Components OOO (Saint Petersburg, Russia) and Asia Pacific Links FZE (Sharjah, United",
              "Arab Emirates). Please review any transactions with them."])
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country) for p in got.parties] == [
        ("Sinno Electronics Co., Ltd.", "CN"), ("Mobitel Trade Limited", "HK"),
        ("Ostrov Components OOO", "RU"), ("Asia Pacific Links FZE", "AE")]
    assert got.parties[2].address == "Saint Petersburg"


def test_an_unruled_table_ends_before_the_signature_line_under_it(tmp_path: Path) -> None:
    """In a tight table without rules (every line at one pitch, rows told apart only by their
    first line), the office's name printed under the last row, in the name column and set apart
    by a wider gap, was read as that row's name continued."""
    pdf = tmp_path / "signature.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    y = _page(c, ["Reference: OEE-SL-2026-0090", "Parties of diversion concern:"]) - 12
    xs = [60, 250, 460]
    c.setFont("Helvetica-Bold", 10)
    for x, head in zip(xs, ["Company", "Address", "Country"], strict=True):
        c.drawString(x, y, head)
    y -= 14
    c.setFont("Helvetica", 10)
    for names, address, country in [
            (["Obshchestvo s Ogranichennoi", "Otvetstvennostyu Polyus"], ["ul. Lenina 12,", "Tomsk 634050"],
             "Russia"),
            (["Grand Sea Trading Limited"], ["Flat 9, 12/F, Nathan Road 300,", "Kowloon"], "Hong Kong"),
            (["Almaty Tekhsnab LLP"], ["Abaya Avenue 52,", "Almaty 050008"], "Kazakhstan")]:
        for k, text in enumerate(names):
            c.drawString(xs[0], y - 12 * k, text)
        for k, text in enumerate(address):
            c.drawString(xs[1], y - 12 * k, text)
        c.drawString(xs[2], y, country)
        y -= 12 * max(len(names), len(address))
    c.drawString(xs[0], y - 20, "Office of Export Enforcement")
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country) for p in got.parties] == [
        ("Obshchestvo s Ogranichennoi Otvetstvennostyu Polyus", "RU"),
        ("Grand Sea Trading Limited", "HK"), ("Almaty Tekhsnab LLP", "KZ")]
    assert got.parties[2].address == "Abaya Avenue 52, Almaty 050008"


def test_entity_cells_under_country_heading_rows(tmp_path: Path) -> None:
    """An Entity-List table grouped by country: a row holding only "UNITED ARAB EMIRATES" was
    read as a party, the wide entity cells (over 62 % of the table) as running text that ended
    the table, and "NAME LLC. address" kept the address's first part in the name."""
    pdf = tmp_path / "grouped.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Reference: OEE-SL-2026-0144", "Parties of diversion concern, by country:"])
    _table(c, [54, 80, 500], top - 10, [
        [["No."], ["Entity (name, aliases, address)"], ["HS codes"]],
        [[], ["UNITED ARAB EMIRATES"], []],
        [["1"], ["SAHARA GULF TRADING LLC. Office 1204, Al Attar Tower, Sheikh Zayed Road,", "Dubai."],
         ["8542.31"]],
        [["2"], ["NEWGATE MARINE SERVICES FZE, a.k.a., NEWGATE MARINE. Warehouse 7, Hamriyah Free",
                 "Zone, Sharjah."], ["8471.50"]],
        [[], ["KAZAKHSTAN"], []],
        [["3"], ["ALMATY ELECTROSNAB LLP. Dostyk Avenue 210, office 18, Almaty 050051."], ["8517.62"]],
    ], rules="rows")
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country) for p in got.parties] == [
        ("SAHARA GULF TRADING LLC", (), "AE"), ("NEWGATE MARINE SERVICES FZE", ("NEWGATE MARINE",), "AE"),
        ("ALMATY ELECTROSNAB LLP", (), "KZ")]
    assert got.parties[0].address == "Office 1204, Al Attar Tower, Sheikh Zayed Road, Dubai"
    assert got.parties[1].address == "Warehouse 7, Hamriyah Free Zone, Sharjah"
    assert got.parties[2].hs_codes == ("8517.62",)


def _sideways_letter(path: Path, angle: int) -> None:
    """A landscape table set on a portrait page, its lines running up (90) or down (-90)."""
    c = canvas.Canvas(str(path), pagesize=letter)
    c.translate(*((560, 40) if angle == 90 else (52, 752)))
    c.rotate(angle)
    c.setFont("Helvetica-Bold", 9)
    xs = [0, 30, 260, 560]
    for x, head in zip(xs, ["Ser.", "Name / a.k.a.", "Full address", "Country"], strict=True):
        c.drawString(x, 0, head)
    c.setFont("Helvetica", 9)
    rows = [("1", ["ORION STAR ELECTRONICS LIMITED", "aka ORION STAR HK"],
             "Flat 3, 9/F, 18 Hung To Road, Kwun Tong", "Hong Kong"),
            ("2", ["TEKHNOKOMPLEKT OOO"], "ul. Bolshaya Ordynka 40, Moscow 119017", "Russia"),
            ("3", ["EURASIA SUPPLY FZCO"], "Building 6EA, Dubai Airport Free Zone", "United Arab Emirates")]
    y = -16
    for n, names, address, country in rows:
        c.drawString(xs[0], y, n)
        for k, text in enumerate(names):
            c.drawString(xs[1], y - 11 * k, text)
        c.drawString(xs[2], y, address)
        c.drawString(xs[3], y, country)
        y -= 11 * len(names) + 6
    c.save()


def test_a_table_printed_sideways_on_a_portrait_page(tmp_path: Path) -> None:
    """Glyphs printed sideways came out one letter per word: no table, no party. The header
    "Name / a.k.a." was read as an alias column, so no column held the names."""
    for angle in (90, -90):
        pdf = tmp_path / f"sideways{angle}.pdf"
        _sideways_letter(pdf, angle)
        got = extract_letter(pdf)
        assert [(p.name, p.aliases, p.country) for p in got.parties] == [
            ("ORION STAR ELECTRONICS LIMITED", ("ORION STAR HK",), "HK"), ("TEKHNOKOMPLEKT OOO", (), "RU"),
            ("EURASIA SUPPLY FZCO", (), "AE")], angle
        assert got.parties[1].address == "ul. Bolshaya Ordynka 40, Moscow 119017"


def test_annex_items_with_commodity_lines_and_quoted_aliases(tmp_path: Path) -> None:
    """Numbered annex items printed a part per line: "Commodities: …" lines were glued to the
    address (no country, no HS code), quoted aliases joined by "and" stayed one alias, and a
    name line followed by an address line with no alias line kept the street in the name. A
    label block's "HS codes:" line after "Country:" was read as part of the country."""
    pdf = tmp_path / "annex.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 10)
    _page(c, ["ANNEX A - PARTIES OF DIVERSION CONCERN", "",
              "1. KARAKUM TRADE HOUSE LLC",
              'also known as "KARAKUM TD" and "TORGOVY DOM KARAKUM"',
              "Mira Avenue 44, office 12",
              "Ashgabat 744000, Turkmenistan",
              "Commodities: 8542.31, 9030.32",
              "2. OOO NORDLINK",
              "Yashnobod Region",
              "Tashkent, Uzbekistan",
              "Commodities: 8471.80", "",
              "Entity: BLUE LAGOON SHIPPING FZE",
              "Address: Warehouse 12, Hamriyah Free Zone, Sharjah",
              "Country: UNITED ARAB EMIRATES",
              "HS codes: 8517.62, 8486.40"])
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.address, p.country, p.hs_codes) for p in got.parties] == [
        ("KARAKUM TRADE HOUSE LLC", ("KARAKUM TD", "TORGOVY DOM KARAKUM"),
         "Mira Avenue 44, office 12, Ashgabat 744000", "TM", ("8542.31", "9030.32")),
        ("OOO NORDLINK", (), "Yashnobod Region, Tashkent", "UZ", ("8471.80",)),
        ("BLUE LAGOON SHIPPING FZE", (), "Warehouse 12, Hamriyah Free Zone, Sharjah", "AE",
         ("8517.62", "8486.40"))]
    assert got.parties[0].items[0].chpl_tier == "1"


def test_label_columns_without_colons_and_addressee_sentences(tmp_path: Path) -> None:
    """Entries printed as a two-column list of labels and values with no colon ("Party name
    ACME LLC") gave no party, and their "Commodities  HS 8459.61; HS 8471.50" line was read as
    an item table's header. Sentences naming one addressee each ("…transfer to X (also known
    as Y, Z), located at …, of items classified under HTS subheadings …") gave none either."""
    pdf = tmp_path / "labels.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 10)
    y = 740
    for entry, fields in enumerate([
            [("Party name", "ORIENT STAR MACHINERY CO., LTD."), ("Other names used", "ORIENT STAR MACHINERY"),
             ("Street address", "No. 18, Jinqiao Road, Pudong"), ("", "Shanghai 201206"),
             ("Country", "P.R. China"), ("Commodities", "HS 8459.61; HS 8471.50")],
            [("Party name", "VEGA AVTOMATIKA OOO"), ("Street address", "ul. Marksa 12, office 4"),
             ("", "Novosibirsk 630099"), ("Country", "Russian Fed.")]], start=1):
        c.drawString(54, y, f"Entry {entry} of 2")
        y -= 16
        for label, value in fields:
            c.drawString(54, y, label)
            c.drawString(200, y, value)
            y -= 13
        y -= 10
    _page(c, ["You are informed that a license is required for any export, reexport or transfer to",
              "MERIDIAN TRADE HOUSE LIMITED (also known as MERIDIAN TH, MERIDIAN GROUP ISTANBUL),",
              "located at Ziya Gokalp Mah. Suleyman Demirel Blv. No. 7, Basaksehir, Istanbul, Turkey,",
              "of items classified under HTS subheadings 8543.20 and 9030.20."], top=y - 10)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country, p.hs_codes) for p in got.parties] == [
        ("ORIENT STAR MACHINERY CO., LTD.", ("ORIENT STAR MACHINERY",), "CN", ("8459.61", "8471.50")),
        ("VEGA AVTOMATIKA OOO", (), "RU", ()),
        ("MERIDIAN TRADE HOUSE LIMITED", ("MERIDIAN TH", "MERIDIAN GROUP ISTANBUL"), "TR",
         ("8543.20", "9030.20"))]
    assert got.parties[0].address == "No. 18, Jinqiao Road, Pudong Shanghai 201206"
    assert got.parties[2].address == ("Ziya Gokalp Mah. Suleyman Demirel Blv. No. 7, Basaksehir, "
                                      "Istanbul")


def test_alias_cells_one_alias_per_line_and_wrapped_aliases(tmp_path: Path) -> None:
    """An alias column printing one alias per line gave one alias of all of them; a wrapped
    alias ("… TECHNOLOGY" / "CO LTD", "PJSC" / "TRANSKAPITALBANK") must stay one."""
    pdf = tmp_path / "aliases.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Reference: OEE-RF-2026-0312", "Parties of concern:"])
    _table(c, [54, 230, 470], top - 10, [
        [["Party"], ["Aliases"], ["Country"]],
        [["SBER VOSTOK TRADING LLP"], ["SBER VOSTOK LLP", "SBER EAST LLP", "SBER VOSTOK"], ["Kazakhstan"]],
        [["CHONGDE AEROSPACE CO LTD"], ["CHONGDE YUHANG TIANJIN TECHNOLOGY", "CO LTD"], ["China"]],
        [["TRANSKAPITALBANK"], ["PJSC", "TRANSKAPITALBANK"], ["Russia"]],
    ], rules="rows", size=9)
    c.save()
    got = extract_letter(pdf)
    assert [p.aliases for p in got.parties] == [
        ("SBER VOSTOK LLP", "SBER EAST LLP", "SBER VOSTOK"), ("CHONGDE YUHANG TIANJIN TECHNOLOGY CO LTD",),
        ("PJSC TRANSKAPITALBANK",)]


def test_bullets_under_country_headings_with_inline_items(tmp_path: Path) -> None:
    """Bullets grouped under country headings ("United Arab Emirates", "China") got no
    country; "… Ajman. Items: HS 854110, 854233" gave no HS code; a company with a place but no
    street number was dropped; "NAME (a.k.a. X; Y, OOO) — address" lost its brackets' end."""
    pdf = tmp_path / "headings.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 10)
    _page(c, ["Reference: OEE-RF-2026-0420", "The parties listed below are customers of your company.", "",
              "United Arab Emirates",
              "\u2022 SILVER DUNE GENERAL TRADING FZE \u2014 Office 12, Block B, Ajman Free Zone, Ajman.",
              "   Items: HS 854110, 854233",
              "China",
              "\u2022 HEBEI JINGCHENG MACHINERY CO., LTD. \u2014 Qiaoxi District, Shijiazhuang, "
              "Hebei Province",
              "\u2022 VELO CENTER (a.k.a. VELO. V. TSENTR; VELO TSENTR, OOO) \u2014 Room 5, "
              "18 Yan'an Road,",
              "   Shanghai. Items: HS 851762", "",
              "Please review any transactions with these parties."])
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country, p.hs_codes) for p in got.parties] == [
        ("SILVER DUNE GENERAL TRADING FZE", (), "AE", ("8541.10", "8542.33")),
        ("HEBEI JINGCHENG MACHINERY CO., LTD.", (), "CN", ()),
        ("VELO CENTER", ("VELO. V. TSENTR", "VELO TSENTR, OOO"), "CN", ("8517.62",))]
    assert got.parties[0].address == "Office 12, Block B, Ajman Free Zone, Ajman"


def test_centred_headers_touching_cells_and_footnote_marks(tmp_path: Path) -> None:
    """Headers centred over their columns made the table start at the first header word, so
    every row (starting further left) was cut off: no party. An Entity List cell whose text
    nearly touches the HS column was read as running text that ended the table. "OOO X . 313
    …" (a full stop set apart) kept the street in the name; "LTD¹" kept its footnote mark."""
    pdf = tmp_path / "centred.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Reference: OEE-SL-2026-0555", "Annex 1 lists parties and the CHPL items:"]) - 10
    rows = [("TURKEY", ["KONOMAR GEMI ELEKTRIK LIMITED SIRKETI\u00b9. No: 49 Istasyon Mah.,",
                        "Tuzla, Istanbul."],
             ["848230", "854231"]),
            ("UZBEKISTAN", ["OOO MVIZION . 313 Gaydar Alieev kuchasi, Tashkent 100161."], ["902750"]),
            ("ARMENIA", ["TACO LLC, a.k.a., TAKO LLC. Garegin Nzhdeh Str., Unit 17,", "Yerevan 0026."],
             ["851769", "901420"])]
    widest = max(stringWidth(t, "Helvetica", 9) for _, entity, _ in rows for t in entity)
    xs = [64, 150, 150 + 3 + widest + 3]  # the widest line ends 3 points before the HS column
    right = xs[2] + 50
    c.setFont("Helvetica-Bold", 9)
    for (a, b), head in zip(itertools.pairwise([*xs, right]), ["Country", "Entity and address", "HS-6"],
                            strict=True):
        c.drawCentredString((a + b) / 2, top - 10, head)
    y = top - 16
    c.setFont("Helvetica", 9)
    for country, entity, codes in rows:
        height = 11 * max(len(entity), len(codes)) + 6
        c.line(xs[0], y, right, y)
        c.drawString(xs[0] + 3, y - 10, country)
        for k, text in enumerate(entity):
            c.drawString(xs[1] + 3, y - 10 - 11 * k, text)
        for k, text in enumerate(codes):
            c.drawString(xs[2] + 3, y - 10 - 11 * k, text)
        for x in [*xs, right]:
            c.line(x, y, x, y - height)
        y -= height
    c.line(xs[0], y, right, y)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country, p.hs_codes) for p in got.parties] == [
        ("KONOMAR GEMI ELEKTRIK LIMITED SIRKETI", (), "TR", ("8482.30", "8542.31")),
        ("OOO MVIZION", (), "UZ", ("9027.50",)), ("TACO LLC", ("TAKO LLC",), "AM", ("8517.69", "9014.20"))]
    assert got.parties[1].address == "313 Gaydar Alieev kuchasi, Tashkent 100161"


def test_labels_joined_by_semicolons_and_roman_country_sections(tmp_path: Path) -> None:
    """"Party: X; Trading as: Y; Registered address: … (China); HS: 852589" paragraphs gave no
    party ("also known as: none known" was an alias). Annex sections "I. CHINA" / "II. TÜRKIYE"
    with items "(a) NAME (also: X / Y)", an "Address:" line and an "HS:" line lost the country,
    the aliases and the split between name and address."""
    pdf = tmp_path / "sections.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 10)
    top = _page(c, ["Reference: OEE-PG-2026-0071", "",
                    "Party: JINAN TIANHUI MACHINERY CO., LTD.; also known as: none known; Registered",
                    "address: No. 77 Gongye North Road, Licheng District, Jinan (China); HS: 852589,",
                    "854320.", "",
                    "Party: OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU KRISTALL; Trading as: KRISTALL",
                    "LLC; Registered address: Str. Manasa 40, Bishkek 720001 (Kyrgyzstan); HS: 854159.", ""])
    _page(c, ["ANNEX", "I. CHINA",
              "(a) HARBIN XINGDA OPTICS CORP. (also: XINGDA OPTICAL / HARBIN XINGDA",
              "OPTICAL INSTRUMENT COMPANY)",
              "No. 9, Hongqi Street, Nangang District, Harbin 150001",
              "HS: 9013.80",
              "II. T\u00dcRKIYE",
              "(a) DENIZ ELEKTRONIK SANAYI VE TICARET LIMITED SIRKETI",
              "Address: Ic Kapi No. 4, Ataturk Cad. No. 112, Konak, Izmir",
              "HS: 8542.31, 8517.62"], top=top - 20)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country, p.hs_codes) for p in got.parties] == [
        ("JINAN TIANHUI MACHINERY CO., LTD.", (), "CN", ("8525.89", "8543.20")),
        ("OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU KRISTALL", ("KRISTALL LLC",), "KG", ("8541.59",)),
        ("HARBIN XINGDA OPTICS CORP.", ("XINGDA OPTICAL", "HARBIN XINGDA OPTICAL INSTRUMENT COMPANY"), "CN",
         ("9013.80",)),
        ("DENIZ ELEKTRONIK SANAYI VE TICARET LIMITED SIRKETI", (), "TR", ("8542.31", "8517.62"))]
    assert got.parties[0].address == "No. 77 Gongye North Road, Licheng District, Jinan"
    assert got.parties[3].address == "Ic Kapi No. 4, Ataturk Cad. No. 112, Konak, Izmir"


def test_a_grid_of_boxed_cards_two_a_row(tmp_path: Path) -> None:
    """Two boxed cards side by side were read line by line across the page, each line made of
    both cards' halves: names glued together, "HS 8542310000" (no colon) read as an address."""
    pdf = tmp_path / "cards.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 10)
    _page(c, ["Reference: OEE-RF-2026-0610", "Each card below identifies one party."])
    cards = [["QINGYUAN FO FENG LEDA SUPPLY", "CHAIN SERVICE CO LTD", "Room 701, 59 Zhenxing South Road",
              "Fogang County, Guangdong", "HS 9030320080", "CHINA"],
             ["XIN QUAN ELECTRONICS CO LIMITED", "Aliases: XIN QUAN ELECTRONICS HK",
              "Unit D 16/F, 18 Luard Rd", "Wan Chai", "HS 8542310000, 9030391000", "HONG KONG SAR"],
             ["FLIGHT TRAVEL LLC", "50 Nalbandyan Street", "Yerevan", "HS 8466930010", "ARMENIA"],
             ["PALOMA PRECIOUS DMCC", "1 Lake Plaza, Jumeirah Lakes Towers", "Dubai", "HS 8542391000",
              "UNITED ARAB EMIRATES"]]
    for k, card in enumerate(cards):
        x, top = 64 + 250 * (k % 2), 690 - 110 * (k // 2)
        c.rect(x, top - 100, 238, 100, stroke=1, fill=0)
        for i, text in enumerate(card):
            c.drawString(x + 6, top - 14 - 13 * i, text)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country, p.hs_codes) for p in got.parties] == [
        ("QINGYUAN FO FENG LEDA SUPPLY CHAIN SERVICE CO LTD", (), "CN", ("9030.32.0080", "9030.32")),
        ("XIN QUAN ELECTRONICS CO LIMITED", ("XIN QUAN ELECTRONICS HK",), "HK",
         ("8542.31.0000", "8542.31", "9030.39.1000", "9030.39")),
        ("FLIGHT TRAVEL LLC", (), "AM", ("8466.93.0010", "8466.93")),
        ("PALOMA PRECIOUS DMCC", (), "AE", ("8542.39.1000", "8542.39"))]
    assert got.parties[0].address == "Room 701, 59 Zhenxing South Road, Fogang County, Guangdong"


def test_names_in_running_sentences_dash_hs_tails_and_heading_rows(tmp_path: Path) -> None:
    """Parties named in capitals inside sentences ("…including A LIMITED, B CO LTD and C CO
    LIMITED, all located in Hong Kong.") gave none; a bullet's "– HS 8536.90" tail was lost; a
    country heading row printed across a table's columns ended the table before its first row;
    a party named again in the prose after its row was a second party."""
    pdf = tmp_path / "sentences.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 10)
    top = _page(c, ["Reference: OEE-IS-2026-0733", "",
                    "Our investigation found that your distributors forwarded circuits to end users",
                    "in Russia, including NORTHSTAR MATERIAL SOLUTIONS COMPANY LIMITED, K WAVE TRADING",
                    "CO LTD and BRIGHTWIN TECHNOLOGY CO LIMITED, all located in Hong Kong. We have further",
                    "determined that ASTANA TEKHSNAB LLP, of Kazakhstan, and OZGUR ISI SANAYI TICARET",
                    "LIMITED SIRKETI, of Turkey, acted as consignees.", "",
                    "The following party was also identified:",
                    "\u2022 SEVER METAL MAKINA ANONIM SIRKETI, No: 14 Gencoglu Caddesi, Nilufer, Bursa",
                    "   16130, Turkey \u2013 HS 8536.90", ""])
    _table(c, [54, 90, 300, 480], top - 10, [
        [["No."], ["Name"], ["Address"], ["HS"]],
        [["KAZAKHSTAN"]],
        [["1"], ["ASTANA TEKHSNAB LLP"], ["Abay Avenue 12, Astana 010000"], ["8471.50"]],
        [["2"], ["ALMATY ELEKTROSNAB LLP"], ["Dostyk Avenue 5, Almaty"], ["8542.31"]],
    ], rules="rows")
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country, p.hs_codes) for p in got.parties] == [
        ("ASTANA TEKHSNAB LLP", "KZ", ("8471.50",)), ("ALMATY ELEKTROSNAB LLP", "KZ", ("8542.31",)),
        ("NORTHSTAR MATERIAL SOLUTIONS COMPANY LIMITED", "HK", ()), ("K WAVE TRADING CO LTD", "HK", ()),
        ("BRIGHTWIN TECHNOLOGY CO LIMITED", "HK", ()), ("OZGUR ISI SANAYI TICARET LIMITED SIRKETI", "TR", ()),
        ("SEVER METAL MAKINA ANONIM SIRKETI", "TR", ("8536.90",))]


def test_aliases_and_hs_codes_in_a_remarks_column_and_alias_lists_with_commas(tmp_path: Path) -> None:
    """A Remarks column's "Also known as: X. HS 9014.80, 8486.40. 19 shipments" was kept as
    extra text only; a block's "Alias(es): A LLP, B LLP" was one alias and its "Items of
    interest:" line gave no HS code."""
    pdf = tmp_path / "remarks.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Reference: OEE-SL-2026-0801", "Parties:"])
    y = _table(c, [54, 230, 380, 450], top - 10, [
        [["Name"], ["Address"], ["Country"], ["Remarks"]],
        [["LLC SERVICE FLY BISHKEK"], ["ul. Ibraimova 115"], ["Kyrgyzstan"],
         ["Also known as: SERVIS", "FLAI BISHKEK. HS 9014.80,", "8486.40. 19 shipments"]],
        [["CATU TECH LLC"], ["ul. Lenina 5, Moscow"], ["Russia"],
         ["Formerly/also: Catu Tech", "LTD. Last shipment 05/2024"]],
    ], rules="rows", size=9)
    c.setFont("Helvetica", 10)
    _page(c, ["Entity: SBER VOSTOK LIMITED LIABILITY PARTNERSHIP",
              "Alias(es): SBER VOSTOK LLP, SBER EAST LLP",
              "Address: Dostyk Avenue 38, Almaty 050010", "Country: Kazakhstan",
              "Items of interest: 8457.10.00, 8459.61.00"], top=y - 30)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.hs_codes) for p in got.parties] == [
        ("LLC SERVICE FLY BISHKEK", ("SERVIS FLAI BISHKEK",), ("9014.80", "8486.40")),
        ("CATU TECH LLC", ("Catu Tech LTD",), ()),
        ("SBER VOSTOK LIMITED LIABILITY PARTNERSHIP", ("SBER VOSTOK LLP", "SBER EAST LLP"),
         ("8457.10.00", "8457.10", "8459.61.00", "8459.61"))]


def test_annex_of_names_with_their_country_in_brackets_and_names_alone(tmp_path: Path) -> None:
    """"1. NAME (China)" items gave the country inside the name, or no party without an alias
    line; a numbered list of names alone in capitals ("2. JOINT STOCK COMPANY GOZNAK") gave
    none; a table whose "Item" and "Entity" headers ran into one cell had no name column."""
    pdf = tmp_path / "annex_names.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 10)
    top = _page(c, ["Reference: OEE-SL-2026-0911", "ANNEX - LIST OF PARTIES",
                    "1. CETC Cloud (Beijing) Technology Co., Ltd. (China)",
                    "Also known as: Dianke Cloud Technology Co., Ltd.",
                    "2. DUBAI SEA BREEZE (UAE)",
                    "3. MIST TRADING CO., LIMITED (Hong Kong SAR)", "",
                    "Please alert us to any inquiry from the following companies:",
                    "1. BEIJING CHENGXING TRADING CO LIMITED",
                    "2. JOINT STOCK COMPANY GOZNAK", ""])
    _table(c, [54, 78, 300], top - 10, [
        [["Item"], ["Entity"], ["Full Address"]],
        [["1"], ["SOLINVEST LTD"], ["Abu Dhabi, UAE"]],
        [["2"], ["MARS OCEANWAY INC"], ["Aydintepe Mah, 20/7, Tuzla, Istanbul, Turkey"]],
    ], rules="rows", size=9)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country) for p in got.parties] == [
        ("SOLINVEST LTD", "AE"), ("MARS OCEANWAY INC", "TR"),
        ("CETC Cloud (Beijing) Technology Co., Ltd.", "CN"), ("DUBAI SEA BREEZE", "AE"),
        ("MIST TRADING CO., LIMITED", "HK"), ("BEIJING CHENGXING TRADING CO LIMITED", None),
        ("JOINT STOCK COMPANY GOZNAK", None)]
    assert got.parties[2].aliases == ("Dianke Cloud Technology Co., Ltd.",)


def test_an_alias_column_listing_names_with_commas(tmp_path: Path) -> None:
    """An "Other Names" cell "BSM MARINE LLP, BSM MARINE GROUP, BSM SHIPPING" was one alias;
    a comma inside a legal form ("SHINE CO., LTD") still is no separator."""
    pdf = tmp_path / "alias_commas.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Reference: OEE-SL-2026-0977", "Parties:"])
    _table(c, [54, 230, 470], top - 10, [
        [["Entity"], ["Other Names"], ["Country"]],
        [["BSM MARINE TRADING LLP"], ["BSM MARINE LLP, BSM MARINE GROUP, BSM SHIPPING"], ["India"]],
        [["SHINE RESOURCES LIMITED"], ["SHINE TRADING CO., LTD"], ["China"]],
    ], rules="rows", size=8)
    c.save()
    got = extract_letter(pdf)
    assert [p.aliases for p in got.parties] == [
        ("BSM MARINE LLP", "BSM MARINE GROUP", "BSM SHIPPING"), ("SHINE TRADING CO., LTD",)]


def test_sub_numbered_paragraphs_name_the_parties_not_the_clause_above(tmp_path: Path) -> None:
    """Paragraphs numbered "1.1", "1.2" under "1. You are hereby informed…" gave no party; the
    numbered clause itself must not become one."""
    pdf = tmp_path / "subnumbered.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 10)
    _page(c, ["Ref: EE-IS-2026-0058", "",
              "1. You are hereby informed that a license is required for the export, reexport or transfer",
              "(in-country) of the items described below to the following parties, because of a risk of",
              "diversion to Russia:",
              "1.1 TORGOVYY DOM PPZ LLC, located at 62A Petrakova Street, Novokuznetsk 654034, Russia.",
              "Items: HS 8458.11, 9030.82.",
              "1.2 OOO UZSTANEX, located at Yashnobod Region, Tashkent, Uzbekistan. Items: HS 8534.00.",
              "2. This requirement is effective immediately and remains in effect until further notice."])
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country, p.hs_codes) for p in got.parties] == [
        ("TORGOVYY DOM PPZ LLC", "RU", ("8458.11", "9030.82")), ("OOO UZSTANEX", "UZ", ("8534.00",))]


def test_each_table_under_its_own_country_heading(tmp_path: Path) -> None:
    """Tables with no country column, each under a country heading and its own header: the
    next heading was read as the last row's name going on, and no row got its country."""
    pdf = tmp_path / "sections.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 10)
    y = _page(c, ["Ref: RF-2026-0417", "The parties below, grouped by country:", "SINGAPORE"]) - 4
    y = _table(c, [54, 260, 480], y, [
        [["Importer"], ["Address"], ["HS Code"]],
        [["TRANSATLANTIC PARTNERS PTE. LTD."], ["10 Anson Road #20-05"], ["8486.20"]],
        [["ANBO SHIPPING PTE. LTD."], ["1 Harbourfront Ave"], ["8541.49"]]], rules="none", size=9)
    c.setFont("Helvetica", 10)
    c.drawString(54, y - 12, "TURKEY")
    _table(c, [54, 260, 480], y - 18, [
        [["Importer"], ["Address"], ["HS Code"]],
        [["CABUK CALISAN TICARET LIMITED SIRKETI"], ["Tuzla Mah. 5"], ["9027.50"]]], rules="none", size=9)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country) for p in got.parties] == [
        ("TRANSATLANTIC PARTNERS PTE. LTD.", "SG"), ("ANBO SHIPPING PTE. LTD.", "SG"),
        ("CABUK CALISAN TICARET LIMITED SIRKETI", "TR")]


def test_row_numbers_wrapped_in_a_narrow_column(tmp_path: Path) -> None:
    """Two-digit row numbers wrapped in a narrow "#" column ("1" over "0") cut every row in
    two although a rule ran under each row (a landscape customs table)."""
    pdf = tmp_path / "wrapped_numbers.pdf"
    c = canvas.Canvas(str(pdf), pagesize=landscape(letter))
    top = _page(c, ["Reference: BIS/OEE/2025/0022", "Attachment 1: Parties of diversion concern"],
                top=560)
    rows: list[list[Row]] = [[["#"], ["Entity Name"], ["Street Address"], ["Country"], ["HS-6"]]]
    parties = [("7", ["BHAVISHYA REALCON PVT LTD"], ["Gurugram"], ["India"]),
               ("8", ["Montana Advanced Engineering"], [], ["Malaysia"]),
               ("9", ["SANGSIRI KANKASET COMPANY", "LIMITED"], ["168 Moo 9, Khi Lek"], ["Thailand"]),
               ("10", ["Sunton Tech Hong Kong Ltd."], [], ["People's", "Republic of", "China"]),
               ("11", ["LLC MIR STANOCHKINA"], ["Ul. Narodnaya D. 14,", "Moscow 115172"], ["Russia"]),
               ("12", ["ALI ALMUTAWA PETROLEUM AND", "PETROCHEMICAL TRADING L.L.C."], ["Port Saeed"],
                ["UAE"])]
    for number, name, address, country in parties:
        rows.append([list(number), name, address, country, ["854110,", "903020"]])
    y = _table(c, [40, 60, 250, 420, 520], top - 20, rows, rules="rows")
    rows = [rows[0]] + [[list(n), name, [], [ctry], ["848220"]] for n, name, ctry in
                        [("23", ["Sophgo Technologies Pte. Ltd."], "Singapore"),
                         ("24", ["YATAI INTERNATIONAL HOLDING", "GROUP LIMITED"], "Thailand")]]
    _table(c, [40, 60, 250, 420, 520], y - 40, rows, rules="rows")
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country) for p in got.parties] == [
        ("BHAVISHYA REALCON PVT LTD", "IN"), ("Montana Advanced Engineering", "MY"),
        ("SANGSIRI KANKASET COMPANY LIMITED", "TH"), ("Sunton Tech Hong Kong Ltd.", "CN"),
        ("LLC MIR STANOCHKINA", "RU"), ("ALI ALMUTAWA PETROLEUM AND PETROCHEMICAL TRADING L.L.C.", "AE"),
        ("Sophgo Technologies Pte. Ltd.", "SG"), ("YATAI INTERNATIONAL HOLDING GROUP LIMITED", "TH")]
    assert got.parties[4].address == "Ul. Narodnaya D. 14, Moscow 115172"
    assert got.parties[2].hs_codes == ("8541.10", "9030.20")


def test_cells_centred_on_their_rows_in_a_table_without_rules(tmp_path: Path) -> None:
    """Cells centred on the row's middle, no rules, the same space between all lines: a
    three-line name beside a one-line country was read as three rows."""
    pdf = tmp_path / "centred.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Our reference: OEE-SL-2024-0522", "Subject: Supplier list"])
    _table(c, [54, 200, 330, 470, 540], top - 20, [
        [["Party of Concern"], ["Other Names"], ["Address"], ["Country"], ["HS codes"]],
        [["RBW LAB CO LTD"], [], ["Watthana, Bangkok"], ["Thailand"], ["8532.21"]],
        [["BLU SHIPPING M SDN. BHD."], [], ["Unit 11-02, 11th Floor,", "No. 9, Jalan Syed Mufti,",
                                             "Johor Bahru 80000"], ["Malaysia"], ["8482.30"]],
        [["ASR Trans Lojistik Ve Dis", "Tic Ltd Sti"], ["ASR Transit", "ASR Trade Grup"], [],
         ["Turkey"], []],
        [["Academy of Military Medical", "Sciences, Institute of", "Toxicology"],
         ["Institute of Toxicology", "and Drugs"], [], ["People's", "Republic of", "China"],
         ["8543.20"]],
        [["TIGHTSHIP SHIPPING", "MANAGEMENT (OPC) PRIVATE", "LIMITED"],
         ["TIGHTSHIP SHIPPING MGMT"], ["103-N, Shelton Sapphire,", "Sector 15, CBD Belapur,",
                                       "Navi Mumbai 400614"], ["India"], ["9030.82"]],
        [["Toptics, Inc."], [], [], ["PRC"], ["8542.39"]],
    ], rules="none", centred=True)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country) for p in got.parties] == [
        ("RBW LAB CO LTD", "TH"), ("BLU SHIPPING M SDN. BHD.", "MY"),
        ("ASR Trans Lojistik Ve Dis Tic Ltd Sti", "TR"),
        ("Academy of Military Medical Sciences, Institute of Toxicology", "CN"),
        ("TIGHTSHIP SHIPPING MANAGEMENT (OPC) PRIVATE LIMITED", "IN"), ("Toptics, Inc.", "CN")]
    assert got.parties[1].address == "Unit 11-02, 11th Floor, No. 9, Jalan Syed Mufti, Johor Bahru 80000"
    assert got.parties[4].hs_codes == ("9030.82",)


def _grid_letter(path: Path) -> None:
    """A full grid: '#' over two header rows, "Party" and "Location" merged over two columns
    each, cells centred on their rows, one country cell merged down over two rows."""
    c = canvas.Canvas(str(path), pagesize=letter)
    top = _page(c, ["Our reference: OEE-LAFO-2025-4207", "Subject: Transaction parties of diversion risk"])
    xs = [54, 74, 210, 330, 470, 560]
    heights = [14, 14, 40, 40, 28]
    ys = [top - 20]
    for h in heights:
        ys.append(ys[-1] - h)
    c.setLineWidth(0.5)
    for k, y in enumerate(ys):  # rule under each band; none under row 1 in the country column
        if k == 3:
            c.line(xs[0], y, xs[4], y)
        elif k == 1:
            c.line(xs[1], y, xs[5], y)  # '#' spans both header rows
        else:
            c.line(xs[0], y, xs[5], y)
    for k, x in enumerate(xs):
        if k in (2, 4):  # merged header cells: no rule through the top header band
            c.line(x, ys[1], x, ys[-1])
        else:
            c.line(x, ys[0], x, ys[-1])

    def cell(k: int, band_top: float, band_bottom: float, lines: Sequence[str], font: str = "Helvetica",
             x1: float | None = None) -> None:
        c.setFont(font, 8)
        mid = (band_top + band_bottom) / 2
        first = mid + (len(lines) - 1) * 5 - 3
        for i, text in enumerate(lines):
            left, right = xs[k], x1 if x1 is not None else xs[k + 1]
            c.drawString((left + right) / 2 - stringWidth(text, font, 8) / 2, first - 10 * i, text)

    bold = "Helvetica-Bold"
    cell(0, ys[0], ys[2], ["#"], bold)
    cell(1, ys[0], ys[1], ["Party"], bold, x1=xs[3])
    cell(3, ys[0], ys[1], ["Location"], bold, x1=xs[5])
    for k, text in enumerate(["Name", "Also known as", "Street address", "Country"], start=1):
        cell(k, ys[1], ys[2], [text], bold)
    rows = [(["1"], ["ZHEJIANG ZHENHUAN CNC", "MACHINE TOOL CO., LTD."], [],
             ["Mechanical and Electrical Zone,", "Yuhuan, Taizhou, Zhejiang", "317699"]),
            (["2"], ["ALLPARTS TRADING CO.,", "LTD."], ["ALLPARTS TRADING", "COMPANY"],
             ["Room 2901B, Futian District", "Shenzhen, Guangdong"]),
            (["3"], ["GMM FZE"], [], ["PO Box SHJ-124903 Sharjah"])]
    for r, (number, name, aliases, address) in enumerate(rows):
        band_top, band_bottom = ys[2 + r], ys[3 + r]
        for k, lines in enumerate([number, name, aliases, address], start=0):
            cell(k, band_top, band_bottom, lines)
    cell(4, ys[2], ys[4], ["China"])  # merged down over rows 1 and 2
    cell(4, ys[4], ys[5], ["United Arab", "Emirates"])
    c.save()


def test_a_full_grid_with_merged_header_cells_centred_cells_and_a_country_merged_down(
        tmp_path: Path) -> None:
    """A grid with a two-row header of merged cells, cells centred on their rows and a country
    merged down over its parties read the first header line as the table's only header, mixed
    wrapped names with the address beside them and left one party without a country."""
    pdf = tmp_path / "grid.pdf"
    _grid_letter(pdf)
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country) for p in got.parties] == [
        ("ZHEJIANG ZHENHUAN CNC MACHINE TOOL CO., LTD.", (), "CN"),
        ("ALLPARTS TRADING CO., LTD.", ("ALLPARTS TRADING COMPANY",), "CN"),
        ("GMM FZE", (), "AE")]
    assert got.parties[0].address == "Mechanical and Electrical Zone, Yuhuan, Taizhou, Zhejiang 317699"


def test_annex_items_numbered_with_codes_and_hs_codes_in_brackets(tmp_path: Path) -> None:
    """Annex items numbered "A-1." were not read; "(HS 8526.91, 8541.29)." at an item's end hid
    its country; the last of several a.k.a. aliases ran into the address; "g. Akhangaran" (a
    city) opened an item of its own; a table of CHPL codes whose notes repeat on every row was
    read as parties named "Any quantity…"."""
    pdf = tmp_path / "annex_codes.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    y = _page(c, ["ANNEX 1", "PARTIES OF CONCERN",
                  "A-1. CONSTELLATION ADVISORS LTD, Unit S310, Level 3, Emirates Financial Towers, Dubai",
                  "506980, United Arab Emirates (HS 8526.91, 8541.29).",
                  "A-2. AKHANGARANCEMENT JOINT STOCK COMPANY, a.k.a. OHANGARONSEMENT",
                  "AKSIYADORLIK JAMIYATIGA, a.k.a. JOINT STOCK COMPANY OHANGARONSEMENT, Promzona,",
                  "g. Akhangaran, Tashkent Province 110300, Uzbekistan (HS 9030.39).",
                  "A-3. SINNO ELECTRONICS CO., LIMITED, a.k.a. SINNO ELECTRONIC CO., LTD, Rm. B22, 1/F,",
                  "Block B, 16 Shing Yip Street, Kwun Tong, Kowloon, Hong Kong (HS 8526.91, 9014.20)."])
    _page(c, ["ANNEX 2", "COMMON HIGH PRIORITY LIST ITEMS OF CONCERN"], top=y - 30)
    _table(c, [54, 130, 180], y - 70, [[["HS-6"], ["Tier"], ["Note"]]] + [
        [[code], [tier], ["Any quantity; report enquiries to OEE."]]
        for code, tier in [("8542.31", "1"), ("8517.62", "2"), ("8504.40", "3.A"), ("8482.20", "3.B"),
                           ("8471.80", "4.A")]])
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country, p.hs_codes) for p in got.parties] == [
        ("CONSTELLATION ADVISORS LTD", (), "AE", ("8526.91", "8541.29")),
        ("AKHANGARANCEMENT JOINT STOCK COMPANY",
         ("OHANGARONSEMENT AKSIYADORLIK JAMIYATIGA", "JOINT STOCK COMPANY OHANGARONSEMENT"), "UZ",
         ("9030.39",)),
        ("SINNO ELECTRONICS CO., LIMITED", ("SINNO ELECTRONIC CO., LTD",), "HK", ("8526.91", "9014.20"))]
    assert got.parties[1].address == "Promzona, g. Akhangaran, Tashkent Province 110300"


def test_rules_between_rows_numbers_centred_and_a_country_once_per_group(tmp_path: Path) -> None:
    """Rules between rows only, cells centred: the row number in the middle of a three-line row
    cut it in two; the last row, under the last rule, was dropped when its first line held only
    the address; a country printed on the first row of its group left the others without."""
    pdf = tmp_path / "between.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Ref.: OEE-NYFO-2025-4968", "ENCLOSURE 1 - SUPPLIER LIST"])
    _table(c, [54, 90, 260, 450, 520], top - 20, [
        [["Ref."], ["Name / a.k.a."], ["Address"], ["Country"], ["HS-6"]],
        [["001"], ["MILUR ELECTRONICS LLC"], ["Raffi Str. #111, Yerevan"], ["Armenia"], ["8541.60"]],
        [["002"], ["BELSHINA OAO", "a.k.a. BELSHINA OJSC; JSC", "BELSHINA"], ["Minsk Highway, Bobruisk"],
         ["Belarus"], ["8541.60", "9030.39"]],
        [["003"], ["OPEN JOINT STOCK COMPANY", "ROGACHEVSKY ZAVOD", "DIAPROEKTOR"],
         ["142 Lenin Str, Rogachev"], [], ["8541.30"]],
        [["004"], ["UNITARY PRIVATE SCIENCE", "ENTERPRISE TEHNOLIT"], ["18 Alexey Pysin Street"], [], []],
        [["005"], ["ACE ELECTRONIC HK CO., LIMITED"],
         ["18F, Block B, World Trade Plaza,", "No. 9 Fuhong Road, Shenzhen"], ["China"], ["8482.50"]],
        [["006"], ["GKER LASER TECHNOLOGY CO LTD"], ["No. 3258 Nanting Road,", "Fengxian, Shanghai",
                                                     "201415"], [], ["9013.10"]],
    ], rules="between", centred=True)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country) for p in got.parties] == [
        ("MILUR ELECTRONICS LLC", (), "AM"),
        ("BELSHINA OAO", ("BELSHINA OJSC", "JSC BELSHINA"), "BY"),
        ("OPEN JOINT STOCK COMPANY ROGACHEVSKY ZAVOD DIAPROEKTOR", (), "BY"),
        ("UNITARY PRIVATE SCIENCE ENTERPRISE TEHNOLIT", (), "BY"),
        ("ACE ELECTRONIC HK CO., LIMITED", (), "CN"),
        ("GKER LASER TECHNOLOGY CO LTD", (), "CN")]
    assert got.parties[5].address == "No. 3258 Nanting Road, Fengxian, Shanghai 201415"
    assert got.parties[1].hs_codes == ("8541.60", "9030.39")


def test_stacked_cards_with_an_item_table_and_blocks_with_other_labels(tmp_path: Path) -> None:
    """Parties in boxes one under the other, a tag "Party 1" beside the name and a table of
    ECCN / part number / HS code under the address, were not read (the name line was taken
    for a table header); in label blocks, a label of no known role ("Shipments identified:")
    ran into the address and hid the country on the line above it."""
    pdf = tmp_path / "cards.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    y = _page(c, ["PROJECT GUARDIAN NOTIFICATION",
                  "BIS has reason to believe that the parties below are seeking to acquire the items."])
    cards = [("MARSA ENERGY TRADING DMCC", [], ["Jumeirah Lakes Tower, Unit No: ALMAS-23-A, Dubai",
                                               "United Arab Emirates"],
              [("4A994.b", "TMS320F28335PGFA", "8457.10", "2783 pcs"),
               ("3A991.a.2", "XC7K325T-2FFG900I", "9027.50", "1794 pcs")]),
             ("LIMITED LIABILITY COMPANY AUTO HOLDING", ["Also known as: LLC LADA AUTO HOLDING"],
              ["3 Gorokhovskiy Lane, Building 3, Suite 9", "Moscow 105064", "Russia"],
              [("3A991.b.1.a", "MAX3232ECSE+T", "8548.00", "4616 pcs")])]
    y -= 20
    for n, (name, aka, address, rows) in enumerate(cards, start=1):
        lines = 1 + len(aka) + len(address) + 1 + len(rows)
        height = lines * 13 + 12
        c.roundRect(60, y - height, 480, height, 6)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(70, y - 16, name)
        c.setFont("Helvetica", 8)
        c.drawRightString(530, y - 16, f"Party {n}")
        c.setFont("Helvetica", 9.5)
        ty = y - 16
        for text in [*aka, *address]:
            ty -= 13
            c.drawString(70, ty, text)
        c.setFont("Helvetica-Bold", 7.5)
        ty -= 13
        for x, text in zip((75, 140, 240, 290), ("ECCN", "Part number", "HS code", "Quantity sought"),
                           strict=True):
            c.drawString(x, ty, text)
        c.setFont("Helvetica", 7.5)
        for row in rows:
            ty -= 13
            for x, text in zip((75, 140, 240, 290), row, strict=True):
                c.drawString(x, ty, text)
        y -= height + 10
    c.setFont("Helvetica", 10)
    y = _page(c, ["Customer 1 of 2", "Name: ROBOTRONIX SEMICONDUCTORS LIMITED",
                  "Address: Room 401, 4/F, Wanchai Central Building, 89 Lockhard Road, Wan Chai",
                  "Hong Kong", "HONG KONG",
                  "Shipments identified: 68 shipments between 2022-09-07 and 2024-03-17",
                  "HS codes: 8482.50; 8541.29", "", "Customer 2 of 2",
                  "Name: MODMER TRADING ULUSLARARASI ITHALAT VE IHRACAT LIMITED SIRKETI",
                  "Address: Yeni Mah. Uzun Sk. 1 Ic Kapi No: 3, Urla", "Izmir", "TURKEY",
                  "Shipments identified: 21 shipments", "HS codes: 9030.82", "",
                  "Also, BIS has information that ASIA PACIFIC LINKS LIMITED, with an address at Shing Hing",
                  "Commercial Building, 21-27 Wing Kut Street, Hong Kong, has sought to acquire items of",
                  "HS subheadings 8517.69 and 8542.31; any export of such items requires a license."],
              top=y - 20)
    c.save()
    got = extract_letter(pdf)
    by_name = {p.name: p for p in got.parties}
    assert list(by_name) == ["MARSA ENERGY TRADING DMCC", "LIMITED LIABILITY COMPANY AUTO HOLDING",
                             "ROBOTRONIX SEMICONDUCTORS LIMITED",
                             "MODMER TRADING ULUSLARARASI ITHALAT VE IHRACAT LIMITED SIRKETI",
                             "ASIA PACIFIC LINKS LIMITED"]
    marsa = by_name["MARSA ENERGY TRADING DMCC"]
    assert marsa.country == "AE"
    assert [(i.hs_code, i.eccn, i.part_number) for i in marsa.items] == [
        ("8457.10", "4A994.b", "TMS320F28335PGFA"), ("9027.50", "3A991.a.2", "XC7K325T-2FFG900I")]
    auto = by_name["LIMITED LIABILITY COMPANY AUTO HOLDING"]
    assert (auto.aliases, auto.country, auto.hs_codes) == (("LLC LADA AUTO HOLDING",), "RU", ("8548.00",))
    robo = by_name["ROBOTRONIX SEMICONDUCTORS LIMITED"]
    assert (robo.country, robo.hs_codes) == ("HK", ("8482.50", "8541.29"))
    assert robo.extra == {"Shipments identified": "68 shipments between 2022-09-07 and 2024-03-17"}
    assert by_name["MODMER TRADING ULUSLARARASI ITHALAT VE IHRACAT LIMITED SIRKETI"].country == "TR"
    asia = by_name["ASIA PACIFIC LINKS LIMITED"]
    assert (asia.country, asia.hs_codes) == ("HK", ("8517.69", "8542.31"))


def test_a_scanned_full_grid_is_read_from_its_rules(tmp_path: Path) -> None:
    """On a scan, the rules of a full grid (found in the pixels) were not used: centred cells
    and a two-row header of merged cells were read line by line, a wrapped name as two rows.
    (A grid scanned askew, whose rules are found in pieces, is still left to the line reader.)"""
    pdf = tmp_path / "grid.pdf"
    _grid_letter(pdf)
    with Image.open(_scanned(pdf)) as img:  # a straight scan with specks of dust
        speckled = img.copy()
        for k in range(400):
            speckled.putpixel(((k * 7919) % img.width, (k * 104729) % img.height), 0)
        speckled.save(tmp_path / "scan.png", dpi=(200, 200))
    got = extract_letter(tmp_path / "scan.png")
    assert got.ocr_pages == (1,)
    assert [(p.name, p.country) for p in got.parties] == [
        ("ZHEJIANG ZHENHUAN CNC MACHINE TOOL CO., LTD.", "CN"),
        ("ALLPARTS TRADING CO., LTD.", "CN"), ("GMM FZE", "AE")]
    assert got.parties[1].aliases == ("ALLPARTS TRADING COMPANY",)


def _address_rows_letter(path: Path, rules: str) -> None:
    c = canvas.Canvas(str(path), pagesize=letter)
    top = _page(c, ["Re: Red Flag Notification", "The following parties have been identified:"])
    rows: list[list[Row]] = [[["No."], ["Entity"], ["Country"], ["HS codes"]]]
    for n, (name, country, codes, address) in enumerate([
            (["ALFA LOGISTICS FZCO"], ["United Arab", "Emirates"], ["8542.31, 8536.69"],
             "Address: Office 4EA 324, Dubai Airport Free Zone, Dubai"),
            (["KOMINVEX DOO BEOGRAD"], ["Serbia"], ["8542.39"],
             "Address: Nikole Marakovica 21, Belgrade 11090"),
            (["SHENZHEN BLUE SKY", "TECHNOLOGY CO., LIMITED"], ["China"], ["8471.80"],
             "Address: Room 1203, Block A, Tianan Cyber Park, Shenzhen")], start=1):
        rows += [[[str(n)], name, country, codes], [[], [address], [], []]]
    _table(c, [54, 80, 230, 330], top - 20, rows, rules=rules)
    c.save()


def test_each_party_with_an_address_line_of_its_own_across_the_columns(tmp_path: Path) -> None:
    """A table that prints each party's address on a line of its own under its row, across the
    columns ("Address: …"): without rules the line ended the table (no party at all); with a
    rule between the two, the address row was a row without a name."""
    for rules in ("none", "rows"):
        pdf = tmp_path / f"address_rows_{rules}.pdf"
        _address_rows_letter(pdf, rules)
        got = extract_letter(pdf)
        assert [(p.name, p.country, p.hs_codes) for p in got.parties] == [
            ("ALFA LOGISTICS FZCO", "AE", ("8542.31", "8536.69")),
            ("KOMINVEX DOO BEOGRAD", "RS", ("8542.39",)),
            ("SHENZHEN BLUE SKY TECHNOLOGY CO., LIMITED", "CN", ("8471.80",))], rules
        assert got.parties[0].address == "Office 4EA 324, Dubai Airport Free Zone, Dubai", rules
        assert not got.review_reasons, rules


def test_bold_names_after_drawn_bullets_and_an_attachment_in_two_columns(tmp_path: Path) -> None:
    """Bullets drawn as shapes (no bullet character) before a bold name and its address in
    plain type gave no party; an attachment set in two columns was read across both columns,
    each line made of two parties' halves."""
    pdf = tmp_path / "bold_and_columns.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    y = _page(c, ["Re: Project Guardian request",
                  "Please notify us of any order from the following parties:"])
    for k, (name, address) in enumerate([
            ("ALFA LOGISTICS FZCO", "Office 4EA 324, Dubai Airport Free Zone, Dubai, United Arab Emirates"),
            ("KOMINVEX DOO BEOGRAD", "Nikole Marakovica 21, Belgrade 11090, Serbia")]):
        ty = y - 20 - 16 * k
        c.circle(70, ty + 3, 2, fill=1)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(80, ty, name)
        c.setFont("Helvetica", 10)
        c.drawString(82 + stringWidth(name, "Helvetica-Bold", 10), ty, address)
    c.drawString(54, y - 60, "Thank you for your cooperation.")
    c.showPage()
    c.setFont("Helvetica", 10)
    top = _page(c, ["Attachment A", "BIS has identified the following parties as suppliers of CHPL items."])
    left = ["1. ALFA TRADE HOUSE LLC, 12 Abovyan", "Street, Yerevan 0001, Armenia.",
            "2. KOMINVEX DOO BEOGRAD, Nikole", "Marakovica 21, Belgrade 11090, Serbia.",
            "3. SHENZHEN BLUE SKY TECHNOLOGY CO.,", "LIMITED, a.k.a. BLUE SKY TECH, Room",
            "1203, Tianan Cyber Park, Shenzhen, China.", "4. OOO VEKTOR PLUS, ul. Lenina 5,",
            "Moscow 101000, Russia."]
    right = ["5. TECHNO LINK FZE, P.O. Box 123456,", "Sharjah Airport Free Zone, Sharjah,",
             "United Arab Emirates.", "6. ISTANBUL ELEKTRONIK DIS TICARET",
             "LIMITED SIRKETI, Buyukdere Cad. No: 201,", "Sisli, Istanbul, Turkey.",
             "7. SILK WAY TRADING LLP, 45 Dostyk", "Avenue, Almaty 050010, Kazakhstan."]
    for k, text in enumerate(left):
        c.drawString(54, top - 20 - 14 * k, text)
    for k, text in enumerate(right):
        c.drawString(320, top - 20 - 14 * k, text)
    c.save()
    got = extract_letter(pdf)
    by_name = {p.name: p for p in got.parties}
    assert sorted(by_name) == sorted([
        "ALFA LOGISTICS FZCO", "KOMINVEX DOO BEOGRAD", "ALFA TRADE HOUSE LLC",
        "SHENZHEN BLUE SKY TECHNOLOGY CO., LIMITED", "OOO VEKTOR PLUS", "TECHNO LINK FZE",
        "ISTANBUL ELEKTRONIK DIS TICARET LIMITED SIRKETI", "SILK WAY TRADING LLP"]), list(by_name)
    assert sum(1 for p in got.parties if p.name == "KOMINVEX DOO BEOGRAD") == 1  # named twice, one party
    assert by_name["ALFA LOGISTICS FZCO"].address == "Office 4EA 324, Dubai Airport Free Zone, Dubai"
    assert by_name["ALFA LOGISTICS FZCO"].country == "AE"
    assert by_name["SHENZHEN BLUE SKY TECHNOLOGY CO., LIMITED"].aliases == ("BLUE SKY TECH",)
    assert by_name["TECHNO LINK FZE"].country == "AE"
    assert by_name["SILK WAY TRADING LLP"].address == "45 Dostyk Avenue, Almaty 050010"


def test_a_footnote_mark_set_small_after_a_name(tmp_path: Path) -> None:
    """A footnote mark printed as a small raised "1" after a name (not the character "¹") stayed
    in the name ("ALFA LOGISTICS FZCO 1"), and the alias its footnote gives was lost."""
    pdf = tmp_path / "footnote.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Subject: Red flag notification", "The parties below were identified:"])
    _table(c, [54, 230, 430], top - 20, [
        [["Company"], ["Address"], ["Country"]],
        [["ALFA LOGISTICS FZCO"], ["Office 4EA 324, Dubai Airport Free Zone"], ["UAE"]],
        [["KOMINVEX DOO BEOGRAD"], ["Nikole Marakovica 21, Belgrade 11090"], ["Serbia"]]], size=10)
    c.setFont("Helvetica", 7)
    c.drawString(56 + stringWidth("ALFA LOGISTICS FZCO", "Helvetica", 10) + 1, top - 20 - 24 - 10 + 4, "1")
    c.drawString(54, 300, "1")
    c.setFont("Helvetica", 8)
    c.drawString(60, 300, "Also known as ALFA FREIGHT FZCO.")
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country) for p in got.parties] == [
        ("ALFA LOGISTICS FZCO", "AE"), ("KOMINVEX DOO BEOGRAD", "RS")]
    assert got.parties[0].aliases == ("ALFA FREIGHT FZCO",)  # named in the footnote
    assert got.parties[0].extra == {} and got.parties[1].aliases == ()


def test_name_and_address_on_lines_of_one_cell(tmp_path: Path) -> None:
    """A table with no address column whose Entity cell prints the name, then the street and the
    city on lines of their own: the first address line stayed in the name ("PORTEX TRADE LIMITED
    Room 1502 Easey Coml Bldg", "ZDRAVO 12 Pop Lukina"). And an alias cell whose first alias
    wraps onto a line that is only a legal form ("… TRADE" / "LIMITED COMPANY") ran on into the
    second alias; and a line opening with a legal form after a whole name ("ERA FUND LLC" /
    "OOO PSB-FINTEKH") was taken for its continuation."""
    pdf = tmp_path / "one_cell.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Subject: Supplier list", "Attachment: parties of diversion concern"])
    _table(c, [54, 74, 250, 470], top - 20, [
        [["#"], ["Entity"], ["Also known as"], ["Jurisdiction"]],
        [["1"], ["PORTEX TRADE LIMITED", "Room 1502 Easey Coml Bldg", "Wan Chai"],
         ["PORTEX TRADE FZE", "CLOUD COMPUTING INTERNATIONAL", "HONG KONG LIMITED"], ["Hong Kong SAR"]],
        [["2"], ["ZDRAVO", "12 Pop Lukina", "Belgrade"], ["ERA FUND LLC", "OOO PSB-FINTEKH"], ["Serbia"]],
        [["3"], ["LIMITED LIABILITY COMPANY", "INFRASTRUCTURE HOLDING", "ul. Lenina d. 5", "Moscow"],
         [], ["Russia"]],
        [["4"], ["IDA ASANSOR SANAYII VE TICARET", "LIMITED SIRKETI", "Osb Mahallesi 9. Cadde No 5",
                 "Malatya"],
         ["IDA ELEVATOR INDUSTRY AND TRADE", "LIMITED COMPANY", "IDA ASANSOR SAN VE TIC LTD"], ["Türkiye"]],
        [["5"], ["SPARROW TRADING FZE", "Sharjah Saif Zone"], [], ["UAE"]]], rules="rows", size=9)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.address, p.country) for p in got.parties] == [
        ("PORTEX TRADE LIMITED", "Room 1502 Easey Coml Bldg, Wan Chai", "HK"),
        ("ZDRAVO", "12 Pop Lukina, Belgrade", "RS"),
        ("LIMITED LIABILITY COMPANY INFRASTRUCTURE HOLDING", "ul. Lenina d. 5, Moscow", "RU"),
        ("IDA ASANSOR SANAYII VE TICARET LIMITED SIRKETI", "Osb Mahallesi 9. Cadde No 5, Malatya", "TR"),
        ("SPARROW TRADING FZE", "Sharjah Saif Zone", "AE")]
    assert got.parties[0].aliases == ("PORTEX TRADE FZE", "CLOUD COMPUTING INTERNATIONAL HONG KONG LIMITED")
    assert got.parties[1].aliases == ("ERA FUND LLC", "OOO PSB-FINTEKH")
    assert got.parties[3].aliases == ("IDA ELEVATOR INDUSTRY AND TRADE LIMITED COMPANY",
                                      "IDA ASANSOR SAN VE TIC LTD")


def test_a_table_with_no_header_row(tmp_path: Path) -> None:
    """A table printed with no header at all, right after the letter's prose, rules between its
    rows and row numbers wrapped in a narrow column ("10" over "."): no table was found, the
    parties of the first rows were read as a numbered list with their aliases in the address,
    and from row 10 on (the number wrapped) none was read."""
    pdf = tmp_path / "headerless.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Subject: Parties of diversion concern",
                    "BIS has identified the following parties. The list is not exhaustive:"])
    names = ["ALFA LOGISTICS FZCO", "KOMINVEX DOO BEOGRAD", "SHENZHEN BLUE SKY TECHNOLOGY CO., LIMITED",
             "OOO VEKTOR PLUS", "TECHNO LINK FZE", "SILK WAY TRADING LLP", "MARSA ENERGY TRADING DMCC",
             "ASIA PACIFIC LINKS LIMITED", "GMM FZE", "ROBOTRONIX SEMICONDUCTORS LIMITED", "ZDRAVO TRADE LLC"]
    places = [(["Office 4EA 324, Dubai Airport", "Free Zone, Dubai"], "UAE"),
              (["Nikole Marakovica 21,", "Belgrade 11090"], "Serbia"),
              (["Room 1203, Block A, Tianan", "Cyber Park, Shenzhen"], "China"),
              (["ul. Lenina d. 5,", "Moscow 125047"], "Russia")]
    rows: list[list[Row]] = []
    for n, name in enumerate(names, start=1):
        address, country = places[n % len(places)]
        alias = [f"{name.split()[0]} GROUP"] if n % 3 == 0 else []
        cell = [name] if len(name) <= 34 else [name[:name.index(" CO.")], name[name.index(" CO.") + 1:]]
        rows.append([[str(n)] if n < 10 else [str(n), "."], cell, alias, address, [country]])
    _table(c, [54, 70, 250, 370, 500], top - 10, rows, rules="between", size=8)
    c.save()
    got = extract_letter(pdf)
    assert [p.name for p in got.parties] == names
    assert [p.country for p in got.parties] == [
        {"UAE": "AE", "Serbia": "RS", "China": "CN", "Russia": "RU"}[places[n % len(places)][1]]
        for n in range(1, len(names) + 1)]
    assert got.parties[2].aliases == ("SHENZHEN GROUP",) and got.parties[3].aliases == ()
    assert got.parties[9].address == "Room 1203, Block A, Tianan Cyber Park, Shenzhen"
    assert got.parties[2].name == "SHENZHEN BLUE SKY TECHNOLOGY CO., LIMITED"


def test_two_grids_one_under_the_other(tmp_path: Path) -> None:
    """A table of customers and, under it, a table of items, both ruled grids of the same width:
    their rules were taken for one grid of six columns, the name cut in two ("FRACTAL" / "MARINE
    DMCC") and the items read as parties."""
    pdf = tmp_path / "two_grids.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Subject: Red flag notification", "Table 1. Customers of concern"])
    y = _table(c, [54, 100, 260, 440], top - 10, [
        [["Ref."], ["Counterparty"], ["Address"], ["Country"]],
        [["P-01"], ["FRACTAL MARINE DMCC"], ["Unit No: 157 DMCC Business Centre"], ["UAE"]],
        [["P-02"], ["MTTO INDUSTRY AND TRADE", "LIMITED"], ["No. 9 Hongji Street, Dalian"], ["China"]],
        [["P-03"], ["C. J. SHAH AND CO."], ["105, Bajaj Bhavan, Mumbai 400021"], ["India"]]],
        rules="cells", size=9)
    c.setFont("Helvetica", 10)
    c.drawString(54, y - 20, "Table 2. Items of concern (CHPL)")
    _table(c, [54, 140, 440], y - 30, [
        [["HS code"], ["Description"], ["CHPL tier"]],
        [["8542.31"], ["Electronic integrated circuits: processors"], ["Tier 1"]],
        [["8532.24"], ["Fixed capacitors, ceramic dielectric, multilayer"], ["Tier 2"]]],
        rules="cells", size=9)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country) for p in got.parties] == [
        ("FRACTAL MARINE DMCC", "AE"), ("MTTO INDUSTRY AND TRADE LIMITED", "CN"),
        ("C. J. SHAH AND CO.", "IN")]
    assert [i.hs_code for i in got.items] == ["8542.31", "8532.24"]


def test_cards_of_labels_in_small_grids(tmp_path: Path) -> None:
    """One small grid per party ("Name | X", "Aliases | Y", "Address | …"): the first card was
    read as a table whose rows were parties named "Aliases", "Address" and "Country"."""
    pdf = tmp_path / "cards.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Subject: Project Guardian", "Annex: parties of interest"])
    cards = [("FEDERAL TRADE SERVICE LLC", "FEDERALNAYA SLUZHBA", "Kuznetskiy Most, Dom 22",
              "Russian Federation", "854149, 903082"),
             ("GMM FZE", "None known", "PO Box SHJ-124903, Sharjah", "United Arab Emirates", "8542.31")]
    y = top - 10
    for n, (name, alias, address, country, hs) in enumerate(cards, start=1):
        c.setFont("Helvetica-Bold", 10)
        c.drawString(54, y - 10, f"Party {n}")
        rows = [[["Name"], [name]], [["Aliases"], [alias]], [["Address"], [address]],
                [["Country"], [country]], [["HS codes"], [hs]]]
        y = _table(c, [54, 100], y - 16, rows, rules="cells", size=8, header_font="Helvetica") - 12
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country, p.hs_codes) for p in got.parties] == [
        ("FEDERAL TRADE SERVICE LLC", "RU", ("8541.49", "9030.82")), ("GMM FZE", "AE", ("8542.31",))]
    assert got.parties[0].aliases == ("FEDERALNAYA SLUZHBA",) and got.parties[1].aliases == ()


def test_register_lines_with_double_dashes(tmp_path: Path) -> None:
    """Register lines "001  NAME -- ADDRESS -- COUNTRY" with "AKA: …" lines under them: none
    was read (a zero-padded number was no list marker, "--" no separator)."""
    pdf = tmp_path / "register.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Subject: Supplier list", "Attachment A - Register extract"])
    c.setFont("Courier", 8)
    lines = ["001  PROMA INDUSTRY CO., LTD. -- 1A, Fook Ying Building, 379 King's Road, North Point",
             "     -- HONG KONG",
             "     AKA: PROMA INDUSTRY COMPANY",
             "002  AFRICA POLITOLOGY -- Andreyevskiy Dvor, Bolshoi Prospekt V.O., 18 -- RUSSIA",
             "003  CREATIVE PYTHON L.L.C. -- Burlington Tower, 2806, Business Bay, Dubai -- UAE",
             "     AKA: CREATIVE PYTHON"]
    for k, text in enumerate(lines):
        c.drawString(54, top - 20 - 11 * k, text)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country) for p in got.parties] == [
        ("PROMA INDUSTRY CO., LTD.", ("PROMA INDUSTRY COMPANY",), "HK"),
        ("AFRICA POLITOLOGY", (), "RU"), ("CREATIVE PYTHON L.L.C.", ("CREATIVE PYTHON",), "AE")]
    assert got.parties[1].address == "Andreyevskiy Dvor, Bolshoi Prospekt V.O., 18"


def test_a_party_named_by_the_term_the_letter_defines(tmp_path: Path) -> None:
    """An is-informed letter naming its one party inside a sentence, its address ended by the
    term the letter defines for it ("… to NAME (also known as X), ADDRESS, Russia ("the
    Entity")") gave no party; and a numbered item whose HS codes follow in a sentence of their
    own ("… Turkey. This requirement applies … to items classified under HS 8466.93 and
    8541.49.") lost them."""
    pdf = tmp_path / "defined.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 9)
    _page(c, ["Re: Is-informed letter",
              "Specifically, a licence is required for the export of items classified under HS subheadings",
              "8466.93 and 8471.80 to CITY DEVELOPMENT LIMITED LIABILITY COMPANY (also known as OOO",
              "SITI-DEVELOPMENT), d. 6 str. 2, naberezhnaya Presnenskaya, Moscow 123112, Russia (\u201cthe",
              "Entity\u201d). Your company may not export such items to the Entity without a licence.",
              "",
              "The parties subject to this requirement are:",
              "1. GEFESD LTD, also known as PO GEFESD, located at ul. Sovetskaya d. 15, Lyulikh",
              "601362, Russia.",
              "2. TIT ULUSLARARASI NAKLIYAT LIMITED SIRKETI, located at No. 12 Ataturk Mah. Sulun Cad.,",
              "Istanbul 34750, Turkey. This requirement applies in particular to items classified under HS",
              "8466.93 and 8541.49.",
              "",
              "Sincerely,"])
    c.save()
    got = extract_letter(pdf)
    by_name = {p.name: p for p in got.parties}
    assert sorted(by_name) == ["CITY DEVELOPMENT LIMITED LIABILITY COMPANY", "GEFESD LTD",
                               "TIT ULUSLARARASI NAKLIYAT LIMITED SIRKETI"]
    city = by_name["CITY DEVELOPMENT LIMITED LIABILITY COMPANY"]
    assert (city.aliases, city.country) == (("OOO SITI-DEVELOPMENT",), "RU")
    assert city.hs_codes == ("8466.93", "8471.80")
    assert city.address == "d. 6 str. 2, naberezhnaya Presnenskaya, Moscow 123112"
    assert by_name["TIT ULUSLARARASI NAKLIYAT LIMITED SIRKETI"].hs_codes == ("8466.93", "8541.49")
    assert by_name["GEFESD LTD"].hs_codes == ()


def test_a_table_with_no_header_and_names_that_open_with_their_legal_form(tmp_path: Path) -> None:
    """A headerless table of Russian names ("LIMITED LIABILITY COMPANY KVAZAR") with a sparse
    alias column: the alias column read more like names (legal forms were counted at the end
    of a name only), its empty cells made the "names" repeat, and the table was dropped."""
    pdf = tmp_path / "headerless_ru.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Subject: Parties of diversion concern", "BIS has identified the following parties:"])
    rows: list[list[Row]] = [
        [["1."], ["LIMITED LIABILITY COMPANY", "KVAZAR"], ["KVAZAR OOO"],
         ["ul. Promyshlennaya d. 19,", "Saint Petersburg 198095"], ["Russia"]],
        [["2."], ["JOINT STOCK COMPANY", "ODK-KLIMOV"], ["ODK-KLIMOV AO"],
         ["11 Kantemirovskaya Str.,", "Saint Petersburg 194100"], ["Russia"]],
        [["3."], ["OOO VEKTOR PLUS"], [], ["ul. Lenina d. 5,", "Moscow 125047"], ["Russia"]],
        [["4."], ["LIMITED LIABILITY COMPANY", "AFINOR"], ["AFINOR OOO"], ["Ul Bykovskogo D. 1,",
                                                                           "Voskresensk 140208"], ["Russia"]]]
    _table(c, [54, 74, 220, 340, 500], top - 10, rows, rules="between", size=8)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country) for p in got.parties] == [
        ("LIMITED LIABILITY COMPANY KVAZAR", ("KVAZAR OOO",), "RU"),
        ("JOINT STOCK COMPANY ODK-KLIMOV", ("ODK-KLIMOV AO",), "RU"),
        ("OOO VEKTOR PLUS", (), "RU"), ("LIMITED LIABILITY COMPANY AFINOR", ("AFINOR OOO",), "RU")]


def test_ditto_marks_for_the_address_city_and_country(tmp_path: Path) -> None:
    """A consignee table that prints "Same as above" for an address, a '"' for a city and "do."
    or '"' for a country: the marks were taken as the address, city and country."""
    pdf = tmp_path / "ditto.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 10)
    top = _page(c, ["Subject: Red flag notification", "Consignees identified in import records:"])
    rows = [[["Consignee"], ["Address"], ["City"], ["Country"]],
            [["ALFA LOGISTICS FZCO"], ["Office 4EA 324, Airport Free Zone"], ["Dubai"], ["UAE"]],
            [["ALFA TRADE HOUSE LLC"], ["Same as above"], ['"'], ["do."]],
            [["TECHNO LINK FZE"], ["P.O. Box 4422"], ['"'], ['"']],
            [["KOMINVEX DOO BEOGRAD"], ["Nikole Marakovica 21"], ["Belgrade"], ["Serbia"]]]
    y = top - 20
    for r, row in enumerate(rows):
        for x, cell in zip([54, 210, 400, 480], row, strict=True):
            c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 9)
            c.drawString(x, y, cell[0])
        y -= 16
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.address, p.country) for p in got.parties] == [
        ("ALFA LOGISTICS FZCO", "Office 4EA 324, Airport Free Zone, Dubai", "AE"),
        ("ALFA TRADE HOUSE LLC", "Office 4EA 324, Airport Free Zone, Dubai", "AE"),
        ("TECHNO LINK FZE", "P.O. Box 4422, Dubai", "AE"),
        ("KOMINVEX DOO BEOGRAD", "Nikole Marakovica 21, Belgrade", "RS")]


def test_parties_introduced_one_by_one_in_running_text(tmp_path: Path) -> None:
    """Parties introduced in running text one after the other ("The first is X, which also
    does business as Y. It is located at …. The second is …"): none was read."""
    text = ("Pursuant to 15 CFR 744.21(b), you are hereby informed that a license is required for "
            "the export of items subject to the EAR to the parties described below. "
            "The first is ALFA LOGISTICS FZCO, which also does business as ALFA FREIGHT and ALFA "
            "CARGO SERVICES. It is located at Office 4EA 324, Dubai Airport Free Zone, Dubai, United "
            "Arab Emirates. BIS has information that it procured items under HS subheadings 8542.31 "
            "and 8536.69. The second is OOO VEKTOR PLUS, located at ul. Lenina d. 5, Moscow 125047, "
            "Russia. The third is SHENZHEN BLUE SKY TECHNOLOGY CO., LIMITED, which also trades as "
            "BLUE SKY TECH. It is located at Room 1203, Block A, Tianan Cyber Park, Shenzhen, China.")
    got = extract_letter(_paragraph_letter(tmp_path / "ordinal.pdf", "Re: Is-informed letter", text))
    assert [(p.name, p.aliases, p.country, p.hs_codes) for p in got.parties] == [
        ("ALFA LOGISTICS FZCO", ("ALFA FREIGHT", "ALFA CARGO SERVICES"), "AE", ("8542.31", "8536.69")),
        ("OOO VEKTOR PLUS", (), "RU", ()),
        ("SHENZHEN BLUE SKY TECHNOLOGY CO., LIMITED", ("BLUE SKY TECH",), "CN", ())]
    assert got.parties[1].address == "ul. Lenina d. 5, Moscow 125047"


def test_aliases_after_trading_also_as(tmp_path: Path) -> None:
    """An annex entry whose aliases follow "Trading also as:" in quotes: the line was taken as
    the start of the address."""
    pdf = tmp_path / "trading_also_as.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 10)
    _page(c, ["Re: Project Guardian", "Annex A", "1. BLUE SKY TECHNOLOGY CO., LIMITED",
              "Trading also as: \u201cBLUE SKY TECH\u201d, \u201cSKY BLUE HK\u201d",
              "Room 1203, Block A, Tianan Cyber Park", "Shenzhen", "CHINA",
              "Items of interest: 8542.31 (processors); 8536.69 (plugs)"])
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country, p.hs_codes) for p in got.parties] == [
        ("BLUE SKY TECHNOLOGY CO., LIMITED", ("BLUE SKY TECH", "SKY BLUE HK"), "CN", ("8542.31", "8536.69"))]
    assert got.parties[0].address == "Room 1203, Block A, Tianan Cyber Park, Shenzhen"


def test_a_type_column_of_entity_on_every_row_is_no_card(tmp_path: Path) -> None:
    """A table whose first column gives each row's type ("Entity", as the Consolidated
    Screening List prints it) is a table of parties, not one party's card of labels."""
    pdf = tmp_path / "type_column.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Subject: Red flag notification", "The parties below were identified:"])
    _table(c, [54, 110, 290, 470], top - 20, [
        [["Type"], ["Name"], ["Address"], ["Country"]],
        [["Entity"], ["ALFA LOGISTICS FZCO"], ["Office 4EA 324, Dubai"], ["UAE"]],
        [["Entity"], ["KOMINVEX DOO BEOGRAD"], ["Nikole Marakovica 21, Belgrade"], ["Serbia"]],
        [["Entity"], ["OOO VEKTOR PLUS"], ["ul. Lenina d. 5, Moscow"], ["Russia"]]], rules="rows", size=9)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country) for p in got.parties] == [
        ("ALFA LOGISTICS FZCO", "AE"), ("KOMINVEX DOO BEOGRAD", "RS"), ("OOO VEKTOR PLUS", "RU")]


def test_aliases_listed_with_commas_and_legal_forms_after_commas(tmp_path: Path) -> None:
    """An alias cell listing names with commas where some names carry their legal form after a
    comma ("BLOTO INTERNATIONAL, LTD., BLUTO INTERNATIONAL, PLUTO-DUBAI TRADING COMPANY, LLC")
    gave one alias of all of them."""
    pdf = tmp_path / "comma_aliases.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Subject: Supplier list", "Attachment: parties of diversion concern"])
    _table(c, [54, 230, 490], top - 20, [
        [["Name"], ["Also known as"], ["Country"]],
        [["BLOTO INTERNATIONAL COMPANY"], ["BLOTO INTERNATIONAL, LTD., BLUTO INTERNATIONAL,",
                                           "PLUTO-DUBAI TRADING COMPANY, LLC"], ["Thailand"]],
        [["ODK-KLIMOV JSC"], ["ODK-KLIMOV, AO"], ["Russia"]]], rules="rows", size=9)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country) for p in got.parties] == [
        ("BLOTO INTERNATIONAL COMPANY", ("BLOTO INTERNATIONAL, LTD.", "BLUTO INTERNATIONAL",
                                         "PLUTO-DUBAI TRADING COMPANY, LLC"), "TH"),
        ("ODK-KLIMOV JSC", ("ODK-KLIMOV, AO",), "RU")]


def _entries(n: int, first: int = 1) -> list[list[Row]]:
    """Party rows of various heights: number, name with "a.k.a." lines, country, HS codes."""
    shapes = [
        (["OPEN JOINT STOCK COMPANY BELARUSIAN", "AUTOMOBILE PLANT", "a.k.a. BELARUSSKI",
          "AVTOMOBILNYI ZAVOD", "a.k.a. OAO BELAZ"], ["Belarus"], ["8541.59"]),
        (["DANDONG HONGDA TRADE CO. LTD."], ["China"], ["8526.91", "8471.50", "8482.10"]),
        (["QINGDAO ZHONGRONGTONG TRADE", "DEVELOPMENT CO., LTD.", "a.k.a. QINGDAO ZHONGRONGTONG",
          "TRADING DEVELOPMENT CO., LTD."], ["China"], ["8529.90"]),
        (["SINNO GROUP LIMITED"], ["Hong Kong"], ["8526.91", "9030.39"]),
    ]
    out = []
    for k in range(n):
        lines, country, codes = shapes[(first - 1 + k) % len(shapes)]
        lines = [f"{lines[0]} {first + k}", *lines[1:]]
        out.append([[str(first + k)], lines, country, codes])
    return out


def test_row_numbers_centred_on_tall_rows_without_rules(tmp_path: Path) -> None:
    """No rules, every cell centred on its row (fpdf2's tables): the number of a five-line row
    is on its third line, so rows were cut at the numbers and a 150-row annex gave 228 parties;
    a row taller than twelve lines (cells centred put lines half a line apart) was cut in two."""
    pdf = tmp_path / "centred_numbers.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Office of Export Enforcement", "Attachment: entities of diversion concern"])
    tall = [["9"], ["JOINT STOCK COMPANY ALL-RUSSIAN", "RESEARCH INSTITUTE SIGNAL 9",
                    "a.k.a. OAO VNII SIGNAL", "a.k.a. AO VNII SIGNAL", "a.k.a. OAO VSEROSSIYSKIY",
                    "NAUCHNO-ISSLEDOVATELSKIY", "INSTITUT SIGNAL", "a.k.a. JSC ALL-RUSSIAN",
                    "SCIENTIFIC RESEARCH INSTITUTE", "SIGNAL"], ["Russia"], ["8542.31"]]
    _table(c, [54, 80, 330, 420], top - 20,
           [[["No."], ["Entity name"], ["Country"], ["HS-6"]], *_entries(8), tall],
           rules="none", centred=True, pad=3)
    c.save()
    got = extract_letter(pdf)
    assert [p.name for p in got.parties] == [
        "OPEN JOINT STOCK COMPANY BELARUSIAN 1 AUTOMOBILE PLANT", "DANDONG HONGDA TRADE CO. LTD. 2",
        "QINGDAO ZHONGRONGTONG TRADE 3 DEVELOPMENT CO., LTD.", "SINNO GROUP LIMITED 4",
        "OPEN JOINT STOCK COMPANY BELARUSIAN 5 AUTOMOBILE PLANT", "DANDONG HONGDA TRADE CO. LTD. 6",
        "QINGDAO ZHONGRONGTONG TRADE 7 DEVELOPMENT CO., LTD.", "SINNO GROUP LIMITED 8",
        "JOINT STOCK COMPANY ALL-RUSSIAN RESEARCH INSTITUTE SIGNAL 9"]
    assert got.parties[0].aliases == ("BELARUSSKI AVTOMOBILNYI ZAVOD", "OAO BELAZ")
    assert got.parties[1].hs_codes == ("8526.91", "8471.50", "8482.10")
    assert got.parties[8].aliases == ("OAO VNII SIGNAL", "AO VNII SIGNAL",
                                      "OAO VSEROSSIYSKIY NAUCHNO-ISSLEDOVATELSKIY INSTITUT SIGNAL",
                                      "JSC ALL-RUSSIAN SCIENTIFIC RESEARCH INSTITUTE SIGNAL")


def test_cells_at_the_bottom_of_their_rows_and_codes_at_the_foot_of_the_page(tmp_path: Path) -> None:
    """A spreadsheet printed without rules keeps each cell at its row's bottom: rows were cut
    where the country (on a row's last line) begins. The HS codes of the last row on a page,
    in the footer band and repeated 'digits aside' on the next page, were taken for page
    numbers."""
    pdf = tmp_path / "bottom.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    header = [["No."], ["Entity name"], ["Country"], ["HS-6"]]
    for first in (1, 11):
        rows = [header, *_entries(10, first)]
        rows[-1] = [*rows[-1][:3], ["8542.31", "8542.39", "8471.80", "8526.91"]]
        height = sum(max(len(cell) for cell in row) * 10.5 for row in rows)
        _page(c, ["Office of Export Enforcement", "Attachment: entities of diversion concern"],
              top=60 + height)
        _table(c, [54, 80, 330, 420], 36 + height, rows, rules="none", bottom=True, pad=0)
        c.showPage()
    c.save()
    got = extract_letter(pdf)
    names = [p.name for p in got.parties]
    assert len(names) == 20
    assert names[:4] == ["OPEN JOINT STOCK COMPANY BELARUSIAN 1 AUTOMOBILE PLANT",
                         "DANDONG HONGDA TRADE CO. LTD. 2",
                         "QINGDAO ZHONGRONGTONG TRADE 3 DEVELOPMENT CO., LTD.", "SINNO GROUP LIMITED 4"]
    assert names[10:12] == ["QINGDAO ZHONGRONGTONG TRADE 11 DEVELOPMENT CO., LTD.",
                            "SINNO GROUP LIMITED 12"]
    assert got.parties[2].aliases == ("QINGDAO ZHONGRONGTONG TRADING DEVELOPMENT CO., LTD.",)
    assert [p.country for p in got.parties[:4]] == ["BY", "CN", "CN", "HK"]
    assert got.parties[9].hs_codes == got.parties[19].hs_codes == ("8542.31", "8542.39", "8471.80",
                                                                   "8526.91")


def test_sanctions_list_entries_set_with_hanging_indents(tmp_path: Path) -> None:
    """Entries printed as the SDN list prints them, one paragraph each with a hanging indent
    and no marker, ending in identifiers and programme tags, gave one spurious party for 70."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    entries = [
        "AO CHIP I DIP, Ul. Gilyarovskogo D. 39, Str. 1, Moscow 129110, Russia; Tax ID No. "
        "7794338754 (Russia) [RUSSIA-EO14024].",
        "C&amp;I SEMICONDUCTORS CO LIMITED (a.k.a. C AND I SEMICONDUCTORS CO LTD; a.k.a. C&amp;I "
        "SEMICONDUCTOR CO LTD), Rm A4, /8, Ko Fai Road, Yau Tong, Kowloon, Hong Kong, China; "
        "Organization Established Date 17 Mar 2018 [RUSSIA-EO14024].",
        "ELAR, Shosse Leningradskoe, D. 15, Moscow 125171, Russia [RUSSIA-EO14024].",
        "LUMBER MARINE SA, Office OT 17-32, 17th Floor, Office Tower, Central Park Towers, Dubai, "
        "United Arab Emirates; Tax ID No. 7752602178 (Russia) [RUSSIA-EO14024] (Linked To: "
        "SOVCOMFLOT).",
        "JOINT STOCK COMPANY ALL-RUSSIAN RESEARCH INSTITUTE SIGNAL (a.k.a. OAO VNII SIGNAL; "
        "a.k.a. AO VNII SIGNAL), 57 Ul. Krupskoy, Kovrov, Vladimir Oblast 601903, Russia; "
        "Website www.vniisignal.ru; Registration Number 1093332000028 (Russia) [RUSSIA-EO14024].",
    ]
    pdf = tmp_path / "sdn_style.pdf"
    style = ParagraphStyle("entry", fontName="Times-Roman", fontSize=8, leading=9.2, leftIndent=12,
                           firstLineIndent=-12, spaceAfter=3)
    intro = ParagraphStyle("intro", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=10)
    SimpleDocTemplate(str(pdf), pagesize=letter).build([
        Paragraph("Attachment A: entities of diversion concern, as listed by OFAC.", intro),
        *(Paragraph(e, style) for e in entries)])
    got = extract_letter(pdf)
    assert [(p.name, p.country) for p in got.parties] == [
        ("AO CHIP I DIP", "RU"), ("C&I SEMICONDUCTORS CO LIMITED", "HK"), ("ELAR", "RU"),
        ("LUMBER MARINE SA", "AE"), ("JOINT STOCK COMPANY ALL-RUSSIAN RESEARCH INSTITUTE SIGNAL", "RU")]
    assert got.parties[1].aliases == ("C AND I SEMICONDUCTORS CO LTD", "C&I SEMICONDUCTOR CO LTD")
    assert got.parties[3].address == ("Office OT 17-32, 17th Floor, Office Tower, Central Park Towers, "
                                      "Dubai")
    assert got.parties[4].address == "57 Ul. Krupskoy, Kovrov, Vladimir Oblast 601903"


def test_entity_list_table_under_a_centred_header_of_three_lines(tmp_path: Path) -> None:
    """The Federal Register's table: header cells centred over their columns, "Federal /
    Register / citation" over three lines. The first row starts left of the centred "Country",
    more than two and a half lines under the header's first line: it was taken for text left
    of the table, the table had no rows, and the license columns were read as parties."""
    pdf = tmp_path / "fr_table.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Supplement No. 4 to Part 744-Entity List (extract)"])
    edges = [54, 130, 330, 420, 510, 560]
    head = [["Country"], ["Entity"], ["License requirement"], ["License review policy"],
            ["Federal", "Register", "citation"]]
    c.setFont("Helvetica-Bold", 8)
    for (a, b), cell in zip(itertools.pairwise(edges), head, strict=True):
        for k, text in enumerate(cell):
            c.drawCentredString((a + b) / 2, top - 20 - 10 * k, text)
    c.line(edges[0], top - 46, edges[-1], top - 46)
    rows = [
        [["BELARUS"], ["JOINT STOCK COMPANY COMMUNICATION", "EQUIPMENT, a.k.a., OAO",
                       "TEKHNIKA SVYAZI, 1 Naberezhnaya", "str., Baran 211011, Belarus."],
         ["For all items subject", "to the EAR."], ["Policy of denial."], ["88 FR 15887,", "1/16/23."]],
        [["ESTONIA"], ["GARANTEX EUROPE OU, a.k.a.,", "GARANTEX, Poska tn 51a/1-3,",
                       "Tallinn 10150, Estonia."],
         ["For all items subject", "to the EAR."], ["Policy of denial."], ["88 FR 15887,", "1/16/23."]],
    ]
    y = top - 56
    c.setFont("Helvetica", 8)
    for row in rows:
        for x, cell in zip(edges, row, strict=False):
            for k, text in enumerate(cell):
                c.drawString(x + 2, y - 10 * k, text)
        y -= 10 * max(len(cell) for cell in row) + 6
        c.line(edges[0], y + 6, edges[-1], y + 6)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country) for p in got.parties] == [
        ("JOINT STOCK COMPANY COMMUNICATION EQUIPMENT", ("OAO TEKHNIKA SVYAZI",), "BY"),
        ("GARANTEX EUROPE OU", ("GARANTEX",), "EE")]
    assert got.parties[1].address == "Poska tn 51a/1-3, Tallinn 10150, Estonia"
    assert got.parties[0].extra["Federal Register citation"] == "88 FR 15887, 1/16/23."


def test_one_row_per_alias_under_its_party(tmp_path: Path) -> None:
    """A row of its own for each alias ("a.k.a. X" in the name column, the other cells merged
    down or blank): each alias row was a party of its own, later dropped, and the address line
    printed beside an alias row was lost."""
    pdf = tmp_path / "alias_rows.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Office of Export Enforcement", "ANNEX - parties of concern"])
    _table(c, [54, 80, 260, 430, 500], top - 20, [
        [["#"], ["Name / a.k.a."], ["Address"], ["Country"], ["HS codes"]],
        [["1"], ["LLC LABORATORY OF ADDITIVE", "TECHNOLOGIES"], ["Pekinskiy bld. 22", "Minsk 222205"],
         ["Belarus"], ["8541.59, 8541.60"]],
        [[""], ["   a.k.a. OOO LABORATORIYA", "   ADDITIVNYKH TEKHNOLOGIY"], [], [], []],
        [[""], ["   a.k.a. LLC LASER DEVICES AND", "   TECHNOLOGIES"], [], [], []],
        [["2"], ["PELENG JSC"], ["25 Makayonka St."], ["Belarus"], ["8458.11"]],
        [[""], ["   a.k.a. PELENG OAO"], ["Minsk 220114"], [], []],
        [["3"], ["NORD TRADING L.L.C"], ["Deira Al Sabkha, Dubai"], ["UAE"], []],
    ], rules="none")
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country) for p in got.parties] == [
        ("LLC LABORATORY OF ADDITIVE TECHNOLOGIES",
         ("OOO LABORATORIYA ADDITIVNYKH TEKHNOLOGIY", "LLC LASER DEVICES AND TECHNOLOGIES"), "BY"),
        ("PELENG JSC", ("PELENG OAO",), "BY"), ("NORD TRADING L.L.C", (), "AE")]
    assert got.parties[1].address == "25 Makayonka St. Minsk 220114"
    assert got.parties[0].hs_codes == ("8541.59", "8541.60")


def test_hs_subheadings_written_short_and_redacted_rows(tmp_path: Path) -> None:
    """"8541.10/.29/.49" gave 8541.10 only, its heading's other subheadings were lost; a row
    blacked out with its FOIA exemption "(b)(7)(E)" printed in the name cell was a party."""
    pdf = tmp_path / "short_codes.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Office of Export Enforcement", "Annex: parties and HS subheadings"])
    _table(c, [54, 250, 420, 500], top - 20, [
        [["Name"], ["Address"], ["Ctry"], ["HS subheadings"]],
        [["LIMITED LIABILITY COMPANY CATKONEFT"], ["Ul. Yantarnaya D. 8, Kogalym"], ["Russia"],
         ["8486.10/.40"]],
        [["(b)(7)(E)"], ["(b)(7)(E)"], ["Russia"], ["8542.31"]],
        [["THE MOTHER ARK LTD"], ["44 Inomenon Ethnon, Larnaca"], ["Cyprus"], ["8526.91; 8458.11/.91"]],
    ], rules="rows")
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.hs_codes) for p in got.parties] == [
        ("LIMITED LIABILITY COMPANY CATKONEFT", ("8486.10", "8486.40")),
        ("THE MOTHER ARK LTD", ("8526.91", "8458.11", "8458.91"))]


@pytest.mark.parametrize("rules", ["cells", "none"])
def test_a_table_on_its_side_one_column_per_party(tmp_path: Path, rules: str) -> None:
    """A table with the labels down its first column ("Name", "Also known as", "Address", ...)
    and one party per column gave no party (ruled: "Party A" was taken for a name header), or
    only the last, alone on its page."""
    pdf = tmp_path / "transposed.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Office of Export Enforcement", "ANNEX 1 - parties of diversion concern"])
    _table(c, [54, 130, 250, 370], top - 20, [
        [[""], ["Party A"], ["Party B"], ["Party C"]],
        [["Name"], ["SUPER SOURCES", "INDUSTRIAL CO LIMITED"], ["GRODNO", "KHIMVOLOKNO OAO"],
         ["JSC AGAT-SYSTEM"]],
        [["Also known as"], ["None known"], ["GRODNO AZOT JSC"],
         ["OAO AGAT-SISTEM"]],
        [["Address"], ["Unit 1307, Beverley", "Commercial Centre, Kowloon"],
         ["4 Slavinskogo Street,", "Grodno 230026"], ["51 Skoriny str", "Minsk 220141"]],
        [["Country"], ["Hong Kong"], ["Belarus"], ["Belarus"]],
        [["HS-6"], ["8541.29"], ["8458.11, 9030.32"], ["—"]],
    ], rules=rules)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country, p.hs_codes) for p in got.parties] == [
        ("SUPER SOURCES INDUSTRIAL CO LIMITED", (), "HK", ("8541.29",)),
        ("GRODNO KHIMVOLOKNO OAO", ("GRODNO AZOT JSC",), "BY", ("8458.11", "9030.32")),
        ("JSC AGAT-SYSTEM", ("OAO AGAT-SISTEM",), "BY", ())]
    assert got.parties[1].address == "4 Slavinskogo Street, Grodno 230026"
    assert [(p.source, p.page) for p in got.parties] == [("table", 1)] * 3
    assert got.parties[0].bbox[0] >= 130  # the party's own column, not the labels


def test_parties_numbered_one_paren_in_a_paragraph(tmp_path: Path) -> None:
    """Parties in one paragraph numbered "1) …; 2) …": each name kept its number ("1) FALCON
    …"), and the last address was cut at an initial ("Prospekt A. Navoi")."""
    text = ("Based on information available to BIS, the following parties have received items listed "
            "on the Common High Priority List: 1) FALCON STRATEGIC SOLUTIONS DOO, a.k.a. FALCON "
            "STRATEGIC SOLUTIONS DOO BEOGRAD-PALILULA, Todora Manojlovica 28, Belgrade 11060, Serbia; "
            "2) TMSD GLOBAL PRIVATE LIMITED, Z-107 B, Dayalsar Road, Uttam Nagar, New Delhi 110059, "
            "India; 3) PRIVATE COMPANY PROMCOMPLEKTLOGISTIC, a.k.a. PE PROMCOMPLEKTLOGISTIC, Office "
            "202, 16A Prospekt A. Navoi, Tashkent 100011, Uzbekistan. Please review your records.")
    got = extract_letter(_paragraph_letter(tmp_path / "numbered.pdf", "Re: Parties of concern", text))
    assert [(p.name, p.aliases, p.country) for p in got.parties] == [
        ("FALCON STRATEGIC SOLUTIONS DOO", ("FALCON STRATEGIC SOLUTIONS DOO BEOGRAD-PALILULA",), "RS"),
        ("TMSD GLOBAL PRIVATE LIMITED", (), "IN"),
        ("PRIVATE COMPANY PROMCOMPLEKTLOGISTIC", ("PE PROMCOMPLEKTLOGISTIC",), "UZ")]
    assert got.parties[2].address == "Office 202, 16A Prospekt A. Navoi, Tashkent 100011"


@pytest.mark.parametrize("numbers", ["annex", "entries"])
def test_items_in_a_table_of_their_own_naming_their_party_by_number(tmp_path: Path, numbers: str) -> None:
    """An annex of parties numbered "A-1", "A-2" and an annex of items each naming its party's
    number: the item rows were read as parties named "A-4", and no party had its HS codes. Also
    with plain numbers and an item naming several parties ("1, 3")."""
    ref = (lambda n: f"A-{n}") if numbers == "annex" else str
    pdf = tmp_path / "annexes.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Office of Export Enforcement", "Annex A - Parties"])
    y = _table(c, [54, 110, 330, 480], top - 20, [
        [["Party No." if numbers == "annex" else "No."], ["Name"], ["Address"], ["Country"]],
        [[ref(1)], ["HUANGDAO INSPECTION CO., LTD"], ["Room 1216, Huangdao, Qingdao"], ["China"]],
        [[ref(2)], ["AO RAU FARM"], ["ul. Mnevniki, D. 3, Moscow 123308"], ["Russia"]],
        [[ref(3)], ["GALAXY PETROCHEMICAL FZE"], ["Office No. E2-101F-33, Sharjah"], ["UAE"]],
    ], rules="rows")
    c.drawString(54, y - 30, "Annex B - Items of concern")
    _table(c, [54, 150, 250], y - 50, [
        [["Party No." if numbers == "annex" else "Entries"], ["HS code"], ["Description"]],
        [[ref(3)], ["8457.10"], ["Machining centres"]],
        [[f"{ref(1)}, {ref(3)}"], ["8542.31"], ["Processors and controllers"]],
        [[ref(2)], ["9030.32"], ["Multimeters"]],
        [[ref(3)], ["8471.80"], ["Computer units"]],
    ], rules="rows")
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.hs_codes) for p in got.parties] == [
        ("HUANGDAO INSPECTION CO., LTD", ("8542.31",)), ("AO RAU FARM", ("9030.32",)),
        ("GALAXY PETROCHEMICAL FZE", ("8457.10", "8542.31", "8471.80"))]
    assert {i.hs_code for i in got.items} == {"8457.10", "8542.31", "9030.32", "8471.80"}


def test_names_in_their_own_script_first_and_countries_abbreviated(tmp_path: Path) -> None:
    """A name cell printing the Cyrillic name first, the Latin one in brackets ("ООО «ГЕРМЕС»
    (LIMITED LIABILITY COMPANY GERMES)") was read as one name; "Utd. Arab Emirates" was no
    country."""
    pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    pdf = tmp_path / "own_script.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("DejaVuSans", 9)
    top = _page(c, ["Office of Export Enforcement", "Annex - parties"])
    for y, row in zip(range(int(top) - 30, 0, -30), [
            ("Company", "Address", "Country"),
            ("ООО «ГЕРМЕС» (LIMITED LIABILITY COMPANY GERMES)", "d. 1 ul. Neftyanaya, Khabarovsk", "Russia"),
            ("АО «АМИГЕ» (AMIGE AO); a.k.a. AMIGE JSC", "Ulitsa Karla Marksa 19, Murmansk", "Russia"),
            ("SHAMS GOLD TRADING FZE", "Hamriyah Free Zone, Sharjah", "Utd. Arab Emirates")], strict=False):
        for x, text in zip((54, 330, 500), row, strict=True):
            c.drawString(x, y, text)
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country) for p in got.parties] == [
        ("LIMITED LIABILITY COMPANY GERMES", ("ООО «ГЕРМЕС»",), "RU"),
        ("AMIGE AO", ("АО «АМИГЕ»", "AMIGE JSC"), "RU"),
        ("SHAMS GOLD TRADING FZE", (), "AE")]


def test_turned_column_headers_over_zebra_rows_with_codes_of_both_kinds(tmp_path: Path) -> None:
    """Column headers printed turned up over zebra-striped rows: each turned letter was a word
    ("y t i t n E", a party), the rows after it merged into one; a column mixing HS codes and
    ECCNs and a column of "a.k.a. X a.k.a. Y" kept neither codes nor aliases."""
    pdf = tmp_path / "turned_headers.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    _page(c, ["Office of Export Enforcement", "Attachment - parties of concern"])
    xs = (44, 64, 230, 370, 480)
    for x, head in zip(xs, ("Ref.", "Entity", "Other names", "Location", "ECCN / HS"), strict=True):
        c.saveState()
        c.translate(x + 8, 600)
        c.rotate(90)
        c.setFont("Helvetica-Bold", 8)
        c.drawString(0, 0, head)
        c.restoreState()
    rows = [("1", ["JSC MODELING AND DIGITAL", "DOUBLES"], ["a.k.a. SIMULATION AND", "DIGITAL TWIN"],
             ["Ul. Suzdalskaya D.46,", "Moscow 111672, Russia"], ["8807.30, 5A991.b"]),
            ("2", ["AEZA GROUP LLC"], [], ["Ul. Zolnaya d. 15,", "St. Petersburg, Russia"],
             ["EAR99, 8548.00"]),
            ("3", ["YONA STAR INTERNATIONAL"], ["a.k.a. YONA HOLDING"], ["Deira, Dubai, UAE"],
             ["8459.61, 8532.21"])]
    y = 585.0
    for k, (number, *cells) in enumerate(rows):
        if k % 2 == 0:
            c.setFillColorRGB(0.91, 0.93, 0.96)
            c.rect(42, y - 26, 530, 30, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica", 8)
        c.drawString(xs[0], y - 8, number)
        for x, lines in zip(xs[1:], cells, strict=True):
            for i, text in enumerate(lines):
                c.drawString(x, y - 8 - 10 * i, text)
        y -= 30
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country, p.hs_codes) for p in got.parties] == [
        ("JSC MODELING AND DIGITAL DOUBLES", ("SIMULATION AND DIGITAL TWIN",), "RU", ("8807.30",)),
        ("AEZA GROUP LLC", (), "RU", ("8548.00",)),
        ("YONA STAR INTERNATIONAL", ("YONA HOLDING",), "AE", ("8459.61", "8532.21"))]
    assert [i.eccn for i in got.parties[0].items] == ["5A991.b"]


def test_a_column_of_names_in_their_own_script_beside_the_latin_names(tmp_path: Path) -> None:
    """"Entity (Latin) | Entity (original script)": the Cyrillic column was taken for the
    names (its header is the one the vocabulary knows), the Latin names were lost."""
    pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    pdf = tmp_path / "script_column.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("DejaVuSans", 8)
    y = 700
    for row in [("Entity (Latin)", "Entity (original script)", "Address", "Country"),
                ("NPK FOTONIKA LLC", "НПК ФОТОНИКА ООО", "Pr-Kt Gagarina D. 2, St Petersburg", "Russia"),
                ("LIMITED LIABILITY COMPANY ALLRUS", "ООО АЛЛРУС", "ul. Lenina 5, Moscow 125047", "Russia"),
                ("JOINT STOCK COMPANY OBORONAUTO", "АО ОБОРОНАУТО", "Prospekt Mira 10, Kazan", "Russia")]:
        for x, text in zip((54, 230, 340, 520), row, strict=True):
            c.drawString(x, y, text)
        y -= 20
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country) for p in got.parties] == [
        ("NPK FOTONIKA LLC", ("НПК ФОТОНИКА ООО",), "RU"),
        ("LIMITED LIABILITY COMPANY ALLRUS", ("ООО АЛЛРУС",), "RU"),
        ("JOINT STOCK COMPANY OBORONAUTO", ("АО ОБОРОНАУТО",), "RU")]


def test_aliases_in_brackets_joined_by_a_lower_case_and() -> None:
    """"(also known as ALNASER AIRLINES, AL NASER WINGS and AL NASER WINGS AIRLINES)": the last
    two were one alias; "SIMULATION AND DIGITAL TWIN" (capitals) stays one."""
    assert name_and_aliases("AL-NASER AIRLINES (also known as ALNASER AIRLINES, AL NASER WINGS and "
                            "AL NASER WINGS AIRLINES)") == (
        "AL-NASER AIRLINES", ["ALNASER AIRLINES", "AL NASER WINGS", "AL NASER WINGS AIRLINES"])
    assert name_and_aliases("JSC MODELING (a.k.a. SIMULATION AND DIGITAL TWIN)") == (
        "JSC MODELING", ["SIMULATION AND DIGITAL TWIN"])


def _plain_table_letter(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=letter)
    top = _page(c, ["Office of Export Enforcement", "Attachment - parties of diversion concern"])
    _table(c, [54, 210, 340, 490], top - 20, [
        [["Party"], ["Also known as"], ["Address"], ["Country"]],
        [["OOO RUSSTROI-SK"], ["RUSSTROI SK LLC"], ["ul. Nezhnova 72, Pyatigorsk"], ["Russia"]],
        [["KSK GROUP"], ["KSK GRUPP OOO"], ["Zemlyanoi Val 68, Moscow"], ["Russia"]],
        [["AGILITY SHIPPING LIMITED"], ["AGILITY SHIPPING LTD"], ["Lockhart Road 12"], ["Hong Kong"]],
    ], rules="rows", size=10, pad=8)
    c.save()


def test_words_read_again_in_a_region_are_not_added_twice() -> None:
    """A scan's dark header band, counted as ink left unread, was read a second time and its
    words came twice ("Also Also Known Known As As"): no header role, no alias column."""
    def word(text: str, left: int, top: int, width: int) -> OcrWord:
        return OcrWord(text, left, top, width, 18, 0.9, (1, 1, 1))

    words = [word("Also", 500, 753, 52), word("Known", 563, 753, 81)]
    again = [word("Also", 501, 752, 51), word("Known", 565, 754, 80), word("As", 654, 754, 30),
             word("Known", 900, 753, 81)]
    assert [(w.text, w.left) for w in not_read_yet(again, words)] == [("As", 654), ("Known", 900)]


def test_a_searchable_scan_is_read_by_ocr_here_not_from_its_text_layer(tmp_path: Path) -> None:
    """A scan saved with another OCR's invisible text layer (Tesseract's, as ocrmypdf and many
    scanners write it) was read from that layer, skew and misreadings included; its page is now
    read by this project's OCR, which levels it first."""
    _plain_table_letter(tmp_path / "plain.pdf")
    with Image.open(_scanned(tmp_path / "plain.pdf")) as img:
        img.rotate(0.9, fillcolor=255).save(tmp_path / "askew.png", dpi=(200, 200))
    subprocess.run(["tesseract", str(tmp_path / "askew.png"), str(tmp_path / "searchable"),
                    "-c", "textonly_pdf=0", "pdf"], check=True, capture_output=True)
    got = extract_letter(tmp_path / "searchable.pdf")
    assert got.ocr_pages == (1,)
    assert [(p.name, p.aliases, p.country) for p in got.parties] == [
        ("OOO RUSSTROI-SK", ("RUSSTROI SK LLC",), "RU"), ("KSK GROUP", ("KSK GRUPP OOO",), "RU"),
        ("AGILITY SHIPPING LIMITED", ("AGILITY SHIPPING LTD",), "HK")]


def test_country_rows_numbered_and_continued_over_a_page(tmp_path: Path) -> None:
    """Parties numbered "1.1" under numbered country rows ("1. CYPRUS"), the country row repeated
    "(cont.)" on the next page: the numbered country rows were no headings (the parties had no
    country), and "2. RUSSIA (cont.)" ended the table."""
    pdf = tmp_path / "numbered_groups.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    head: list[Row] = [["No."], ["Entity"], ["Address"], ["HS codes"]]
    top = _page(c, ["Office of Export Enforcement", "ATTACHMENT 1"])
    _table(c, [54, 90, 290, 480], top - 20, [
        head, [["1."], ["CYPRUS"], [], []],
        [["1.1"], ["KRU OVERSEAS LIMITED"], ["Flat 1102, Agios Athanasios 4103"], ["8486.10"]],
        [["2."], ["RUSSIA"], [], []],
        [["2.1"], ["OOO PV BRIDZH"], ["Rubtsovskaya nab. 3, Moscow 105082"], ["8458.91"]],
    ], rules="rows")
    c.showPage()
    top = _page(c, ["ATTACHMENT 1 (continued)"])
    _table(c, [54, 90, 290, 480], top - 20, [
        head, [["2."], ["RUSSIA (cont.)"], [], []],
        [["2.2"], ["JSC PFC CSKA"], ["Ul. 3-ya Peschanaya 2a, Moscow 125252"], ["8471.50"]],
        [["3."], ["SWITZERLAND"], [], []],
        [["3.1"], ["ADORABELLA AG"], ["Dammstrasse 19, Zug 6300"], ["8457.10"]],
    ], rules="rows")
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country, p.hs_codes) for p in got.parties] == [
        ("KRU OVERSEAS LIMITED", "CY", ("8486.10",)), ("OOO PV BRIDZH", "RU", ("8458.91",)),
        ("JSC PFC CSKA", "RU", ("8471.50",)), ("ADORABELLA AG", "CH", ("8457.10",))]


def test_a_justified_cell_spread_to_a_narrow_gutter(tmp_path: Path) -> None:
    """A country cell set justified ("United" at its left, "Arab" at its right edge, a narrow
    gutter before the HS codes): the column boundary was put in the gap inside the cell, and
    "Arab" went to the HS codes (no country)."""
    pdf = tmp_path / "justified.pdf"
    c = canvas.Canvas(str(pdf), pagesize=landscape(letter))
    _page(c, ["Office of Export Enforcement", "Supplier list"], top=560)
    c.setFont("Helvetica-Bold", 7)
    for x, head in ((40, "No."), (60, "Entity"), (240, "Address"), (460, "Country"), (535, "HS codes")):
        c.drawString(x, 510, head)
    c.setFont("Helvetica", 7)
    rows = [("1", "LEPUS NAVIGATION LTD", "Office 2207, Prime Tower", ["United", "Emirates"], "8504.40"),
            ("2", "OOO PV BRIDZH", "Rubtsovskaya nab. 3, Moscow", ["Russia"], "8458.91"),
            ("3", "VIRGO MARINE", "Business Bay, Dubai", ["United", "Emirates"], "8526.91"),
            ("4", "KLARET AVIATION LIMITED", "Louloupis Court, Limassol", ["Cyprus"], "8542.39")]
    y = 495.0
    for number, name, address, country, codes in rows:
        for x, text in ((40, number), (60, name), (240, address), (535, codes)):
            c.drawString(x, y, text)
        c.drawString(460, y, country[0])
        if len(country) > 1:  # justified: the line's last word at the cell's right edge
            c.drawRightString(530, y, "Arab")
            c.drawString(460, y - 8, country[1])
        y -= 22
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.country, p.hs_codes) for p in got.parties] == [
        ("LEPUS NAVIGATION LTD", "AE", ("8504.40",)), ("OOO PV BRIDZH", "RU", ("8458.91",)),
        ("VIRGO MARINE", "AE", ("8526.91",)), ("KLARET AVIATION LIMITED", "CY", ("8542.39",))]


def test_a_name_hyphenated_at_a_line_end_in_a_paragraph(tmp_path: Path) -> None:
    """A name broken after its hyphen at a line end inside a lettered paragraph ("AL-" /
    "NASER AIRLINES") was read "AL- NASER AIRLINES"."""
    pdf = tmp_path / "hyphen.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 10)
    _page(c, ["Re: Parties of diversion concern",
              "BIS has identified the following parties: (a) QUESTANO HK LIMITED, located at Rm 023,",
              "9/F Kwai Shing Ind Bldg, Hong Kong; (b) AL-",
              "NASER AIRLINES (also known as ALNASER AIRLINES), located at P.O. Box 28360, Dubai,",
              "United Arab Emirates; and (c) SHINE ROAD TRADING FZE, located at Office No FZJOBB1210,",
              "Jebel Ali Free Zone, Dubai, United Arab Emirates. Please review your records."])
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases, p.country) for p in got.parties] == [
        ("QUESTANO HK LIMITED", (), "HK"), ("AL-NASER AIRLINES", ("ALNASER AIRLINES",), "AE"),
        ("SHINE ROAD TRADING FZE", (), "AE")]


def test_a_scanned_grid_of_cells_whose_lines_do_not_share_baselines(tmp_path: Path) -> None:
    """A ruled table scanned slightly askew, its cells of one, two or three lines centred on
    their rows: Tesseract's page layout took lines of neighbouring cells for one line and
    garbled them ("EMITED PARITY COMPANY", "Rano 24, ae" for "room 9"). A page ruled as a
    table is now read with its rules wiped out, in sparse-text mode."""
    pdf = tmp_path / "grid.pdf"
    c = canvas.Canvas(str(pdf), pagesize=landscape(letter))
    _page(c, ["Office of Export Enforcement", "Customers of Concern"], top=560)
    _table(c, [40, 70, 140, 350, 590], 520, [
        [["No."], ["Country"], ["Entity"], ["Address line"], ["City"]],
        [["1"], ["Russia"], ["LIMITED LIABILITY COMPANY", "HOLDING INTELLIGENT COMPUTER", "SYSTEMS"],
         ["Michurinskiy avenue, house 27, apartment 5,", "room 9"], ["Moscow"]],
        [["2"], ["Russia"], ["RPK NORD LIMITED LIABILITY", "COMPANY"], ["Pr-kt Lenina D. 82, Floor 17"],
         ["Murmansk"]],
        [["3"], ["China"], ["AGILITY SHIPPING LIMITED"], ["Room A, 12th Floor, Lockhart Road,", "Wan Chai"],
         ["Hong Kong"]],
    ], rules="cells", size=11, centred=True, pad=10)
    c.save()
    with Image.open(_scanned(pdf)) as img:
        img.rotate(-0.6, fillcolor=255).save(tmp_path / "scan.png", dpi=(200, 200))
    got = extract_letter(tmp_path / "scan.png")
    assert [(p.name, p.country) for p in got.parties] == [
        ("LIMITED LIABILITY COMPANY HOLDING INTELLIGENT COMPUTER SYSTEMS", "RU"),
        ("RPK NORD LIMITED LIABILITY COMPANY", "RU"), ("AGILITY SHIPPING LIMITED", "CN")]
    assert got.parties[0].address == "Michurinskiy avenue, house 27, apartment 5, room 9, Moscow"


def test_two_ruled_tables_one_above_the_other_on_a_scan(tmp_path: Path) -> None:
    """Two ruled tables of one width, one above the other, scanned: the outer rules of both
    were found as one line running through the gap, the two made one grid, and the lower
    table's column rules cut the upper table's cells in two ("LIMITED INFORMATION" |
    "LIABILITY COMPANY KEY SYSTEMS")."""
    pdf = tmp_path / "stacked.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Office of Export Enforcement", "Annex I - Entities"])
    y = _table(c, [40, 70, 240, 390, 450], top - 20, [
        [["No."], ["Entity"], ["Address"], ["Country"], ["Ref."]],
        [["1"], ["LIMITED LIABILITY COMPANY KEY", "INFORMATION SYSTEMS"],
         ["Ul. Elektrozavodskaya d. 24,", "Moscow"], ["Russia"], ["E-1"]],
        [["2"], ["YONA STAR INTERNATIONAL"], ["Al Maktoum Street, Dubai"], ["UAE"], ["E-2"]],
        [["3"], ["PUBLIC JOINT STOCK COMPANY", "BANK URALSIB"], ["8 Efremova Street, Moscow"], ["Russia"],
         ["E-3"]],
    ], rules="cells", size=10, pad=8)
    c.drawString(40, y - 30, "Annex II - Items")
    _table(c, [40, 130, 250, 450], y - 50, [
        [["Entity"], ["HS code"], ["Description"], ["Note"]],
        [["E-1"], ["8542.31"], ["Processors"], ["-"]],
        [["E-3"], ["8471.80"], ["Computer units"], ["-"]],
    ], rules="cells", size=10, pad=8)
    c.save()
    got = extract_letter(_scanned(pdf))
    assert [(p.name, p.country, p.hs_codes) for p in got.parties] == [
        ("LIMITED LIABILITY COMPANY KEY INFORMATION SYSTEMS", "RU", ("8542.31",)),
        ("YONA STAR INTERNATIONAL", "AE", ()),
        ("PUBLIC JOINT STOCK COMPANY BANK URALSIB", "RU", ("8471.80",))]


def test_a_scanned_grid_whose_header_misses_one_rule() -> None:
    """A scanned grid whose rule between two header cells did not come out (printed faint at
    150 dpi): "Country" and "HS codes" were read as one merged cell, "Country HS codes", and
    the country column became a second HS column. Two columns whose words each name a column
    are two cells; a header over two columns, in one or in both, is a merged cell."""
    xs, ys = (50.0, 80.0, 270.0, 440.0, 505.0, 565.0), (100.0, 122.0, 144.0)
    rules = tuple(Rule(x, ys[1] if x == 505.0 else ys[0], x, ys[-1]) for x in xs)
    grid = Grid(xs, ys, rules)

    def word(text: str, x0: float, x1: float) -> Word:
        return Word(text, x0, 106.0, x1, 115.0, 9.0)

    head = GridBand(0, ((word("No.", 53, 68),), (word("Name", 83, 110),), (word("Address", 273, 310),),
                        (word("Country", 443, 480),), (word("HS", 508, 520), word("codes", 522, 548))))
    assert [text for _, text in column_headers(grid, [head])] == [
        "No.", "Name", "Address", "Country", "HS codes"]
    merged = GridBand(0, ((), (), (), (word("Location", 470, 530),), ()))
    assert [text for _, text in column_headers(grid, [merged])][3:] == ["Location", "Location"]
    spread = GridBand(0, ((), (), (), (word("Location", 460, 500),), (word("details", 509, 540),)))
    assert [text for _, text in column_headers(grid, [spread])][3:] == ["Location details"] * 2


def test_a_name_going_on_with_a_number_after_its_legal_form(tmp_path: Path) -> None:
    """"JOINT STOCK COMPANY 140 REPAIR PLANT": with its own address column, the name cell was
    split at "140" (taken for the address's start); printed line by line in one cell, the same
    under "JOINT STOCK COMPANY" alone. A legal form alone is no name: the name goes on."""
    tables = {"columns": [
        [["Name"], ["Address"], ["Country"]],
        [["JOINT STOCK COMPANY 140 REPAIR PLANT"], ["19, Chalovskaya St., Borisov"], ["Belarus"]],
        [["PITARON LIMITED"], ["103, Afstralias 6, Limassol"], ["Cyprus"]],
    ], "cell": [
        [["Entity"], ["Country"]],
        [["JOINT STOCK COMPANY", "140 REPAIR PLANT", "19, Chalovskaya St., Borisov"], ["Belarus"]],
        [["PITARON LIMITED", "103, Afstralias 6, Limassol"], ["Cyprus"]],
    ]}
    for layout, rows in tables.items():
        pdf = tmp_path / f"{layout}.pdf"
        c = canvas.Canvas(str(pdf), pagesize=letter)
        top = _page(c, ["Office of Export Enforcement", "Annex"])
        _table(c, [54, 300, 460][:len(rows[0])], top - 20, rows, rules="rows")
        c.save()
        got = extract_letter(pdf)
        assert [(p.name, p.address) for p in got.parties] == [
            ("JOINT STOCK COMPANY 140 REPAIR PLANT", "19, Chalovskaya St., Borisov"),
            ("PITARON LIMITED", "103, Afstralias 6, Limassol")], layout


def test_an_alias_wrapped_after_a_legal_form_in_a_column_parted_by_semicolons(tmp_path: Path) -> None:
    """An alias column that parts aliases with ";" ("LLC GRUPPA AKVARIUS; LLC PRODUCTION
    COMPANY AQUARIUS"): an alias wrapped after a legal form in another cell ("MANAGING COMPANY"
    / "TATBURNEFT LLC") was read as two aliases."""
    pdf = tmp_path / "semicolons.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    top = _page(c, ["Office of Export Enforcement", "Annex"])
    _table(c, [54, 230, 350, 500], top - 20, [
        [["Entity"], ["Aliases"], ["Address"], ["Country"]],
        [["TATBURNEFT LLC"], ["MANAGING COMPANY", "TATBURNEFT LLC"], ["Ul. Musy Dzhalilya 51"], ["Russia"]],
        [["AKVARIUS GROUP LLC"], ["LLC GRUPPA AKVARIUS;", "LLC PRODUCTION", "COMPANY AQUARIUS"],
         ["22 km Kiyevskoye Highway"], ["Russia"]],
    ], rules="rows")
    c.save()
    got = extract_letter(pdf)
    assert [(p.name, p.aliases) for p in got.parties] == [
        ("TATBURNEFT LLC", ("MANAGING COMPANY TATBURNEFT LLC",)),
        ("AKVARIUS GROUP LLC", ("LLC GRUPPA AKVARIUS", "LLC PRODUCTION COMPANY AQUARIUS"))]
