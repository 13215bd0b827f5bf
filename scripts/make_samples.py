"""Generate the sample BIS letters in ``samples/letters/`` with a truth JSON for each.

    python scripts/make_samples.py samples/letters

Parties come from ``samples/source/parties.csv`` (real OFAC SDN / Entity List rows, see
``samples/source/README.md``). Each letter spec below picks a layout, fonts, wording, notice
type and the ways names, aliases and countries are printed. The output is deterministic.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
import pycountry
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "samples" / "source" / "parties.csv"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")

COUNTRY_CODES = {
    "Russia": "RU", "China": "CN", "United Arab Emirates": "AE", "Turkey": "TR", "Cyprus": "CY",
    "India": "IN", "Switzerland": "CH", "United Kingdom": "GB", "Ukraine": "UA", "Belarus": "BY",
    "Singapore": "SG", "Iran": "IR", "Kyrgyzstan": "KG", "Estonia": "EE", "Kazakhstan": "KZ",
    "Serbia": "RS", "Uzbekistan": "UZ", "Armenia": "AM", "Malaysia": "MY", "Thailand": "TH",
    "Vietnam": "VN", "Korea, South": "KR", "Moldova": "MD", "Hong Kong": "HK",
}
# How letters print each country: several spellings per code, picked per letter.
COUNTRY_SPELLINGS = {
    "AE": ["United Arab Emirates", "UAE", "U.A.E."],
    "TR": ["Turkey", "Türkiye", "Republic of Türkiye"],
    "RU": ["Russia", "Russian Federation", "RUSSIA"],
    "CN": ["China", "People's Republic of China", "PRC"],
    "HK": ["Hong Kong", "Hong Kong SAR", "HONG KONG"],
    "KR": ["South Korea", "Republic of Korea", "Korea, Republic of"],
    "KG": ["Kyrgyzstan", "Kyrgyz Republic"],
    "GB": ["United Kingdom", "UK"],
}
LEGAL_SHORT = [
    (r"\bLIMITED LIABILITY COMPANY\b", "LLC"), (r"\bCOMPANY LIMITED\b", "Co., Ltd."),
    (r"\bCO LTD\b", "Co., Ltd."), (r"\bLIMITED SIRKETI\b", "Ltd. Şti."),
    (r"\bSANAYI VE TICARET\b", "San. ve Tic."), (r"\bJOINT STOCK COMPANY\b", "JSC"),
]
US_RECIPIENTS = [
    ("Northfield Instruments, Inc.", "Attn: Export Compliance Officer", "1200 Harbor Drive",
     "San Diego, CA 92101"),
    ("Cascade Microsystems LLC", "Attn: Ms. Laura Bennett, Trade Compliance", "455 Pine Street",
     "Portland, OR 97204"),
    ("Delmar Test & Measurement Corp.", "Legal Department", "77 Industrial Parkway",
     "Rochester, NY 14623"),
    ("Granite Peak Electronics, Inc.", "Attention: Empowered Official", "3100 Research Blvd",
     "Austin, TX 78759"),
]
ITEMS = [
    ("8542.31", "3A991.a", "XC7K325T-2FFG900I", "Field programmable gate array"),
    ("8542.39", "5A992.c", "STM32F407VGT6", "Microcontroller"),
    ("8517.62", "5A992.c", "WRT-3200ACM", "Wireless router"),
    ("8471.50", "4A994.b", "PE-R740-02", "Server"),
    ("9014.20", "7A994", "GNS-430W", "Aircraft navigation receiver"),
    ("8526.91", "7A994", "ZED-F9P-04B", "GNSS receiver module"),
    ("8541.29", "EAR99", "IRF540NPBF", "Power MOSFET"),
    ("8504.40", "3A991.d", "LTM4644EY", "Power module"),
]


@dataclass(frozen=True)
class Spec:
    """One sample letter: how it is laid out and printed."""

    name: str
    notice: str
    layout: str  # grid | zebra | plain | entity_list | prose_numbered | prose_bullets
    n: int
    columns: tuple[str, ...] = ("Entity Name", "Address", "Country")
    font: str = "Helvetica"
    size: float = 9.5
    pagesize: tuple[float, float] = LETTER
    case: str = "upper"  # upper | title
    annex: bool = False
    repeat_header: bool = True
    alias_in_name: bool = False
    number_col: str | None = None
    tight: bool = False
    items: bool = False
    country_in_address: bool = False
    seed: int = 0
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


SPECS = [
    Spec("01_supplier_grid", "supplier_list", "grid", 6, notes="full grid, 3 columns"),
    Spec("02_redflag_zebra_aliases", "red_flag", "zebra", 9,
         ("Name", "Also Known As", "Address", "Country"), font="Times", size=10,
         notes="shaded zebra rows, alias column"),
    Spec("03_isinformed_plain", "is_informed", "plain", 5, ("Entity", "Location", "Country"),
         font="Courier", size=8.5, notes="whitespace-aligned columns, Courier"),
    Spec("04_supplier_multipage_40", "supplier_list", "grid", 40,
         ("No.", "Foreign Party", "Also Known As", "Address", "Country"), number_col="No.",
         notes="40 parties over several pages, repeated header"),
    Spec("05_guardian_annex", "project_guardian", "grid", 12, annex=True, items=True,
         notes="parties in an annex after the signature, items table"),
    Spec("06_entity_list_style", "is_informed", "entity_list", 10,
         ("Country", "Entity", "License requirement", "License review policy",
          "Federal Register citation"),
         size=8, notes="Supplement No. 4 style: country once per group, aliases in entity cell"),
    Spec("07_prose_numbered", "red_flag", "prose_numbered", 7, font="Times", size=11,
         notes="parties in running prose, (1) ... (n) enumeration"),
    Spec("08_prose_bullets", "supplier_list", "prose_bullets", 8, case="title",
         notes="bulleted prose list with a.k.a. in parentheses"),
    Spec("09_columns_reordered", "supplier_list", "grid", 11,
         ("Country", "Company", "Address", "Aliases"), case="title", font="Times",
         notes="columns in another order, title case"),
    Spec("10_no_repeat_header", "supplier_list", "plain", 34,
         ("#", "Name", "Address", "Country"), number_col="#", repeat_header=False,
         notes="whitespace table over pages without a repeated header"),
    Spec("11_alias_in_name", "red_flag", "grid", 10, ("Entity Name", "Address", "Country"),
         alias_in_name=True, notes="aliases written in the name cell: X (a.k.a. Y; Z)"),
    Spec("12_tight_plain", "is_informed", "plain", 15, ("Party", "Address", "Country"),
         tight=True, size=8, notes="whitespace table with no extra space between rows"),
    Spec("13_location_only", "supplier_list", "zebra", 13, ("Entity Name", "Location"),
         country_in_address=True, notes="no country column: country at end of location"),
    Spec("14_a4_dejavu", "supplier_list", "grid", 14,
         ("Company Name", "Also Known As", "Address", "Country"), font="DejaVuSans",
         pagesize=A4, case="title", notes="A4, DejaVu font, Turkish/Chinese legal forms"),
    Spec("15_single_party", "red_flag", "prose_numbered", 1, notes="one party in prose"),
    Spec("16_entity_list_multipage", "is_informed", "entity_list", 24,
         ("Country", "Entity", "License requirement", "License review policy",
          "Federal Register citation"), size=8, notes="Supplement No. 4 style over pages"),
    Spec("17_guardian_items_plain", "project_guardian", "plain", 6,
         ("Entity Name", "Address", "Country"), items=True, font="Times",
         notes="Project Guardian request with items table and a whitespace party table"),
    Spec("18_zebra_annex_long", "supplier_list", "zebra", 30,
         ("Item", "Name", "Also Known As", "Address", "Country"), number_col="Item",
         annex=True, size=8.5, notes="annex, zebra, 30 parties, item numbers"),
    Spec("19_grid_no_repeat", "red_flag", "grid", 28, ("Entity", "Address", "Country"),
         repeat_header=False, font="Courier", size=8,
         notes="grid table over pages without a repeated header, Courier"),
    Spec("20_prose_long", "is_informed", "prose_numbered", 18, case="title",
         notes="18 parties in prose over pages"),
    Spec("21_plain_aliases_title", "is_informed", "plain", 9,
         ("Foreign Party", "A.K.A.", "Address", "Country"), case="title", font="Times",
         notes="whitespace table, alias column, title case"),
    Spec("22_location_plain_annex", "red_flag", "plain", 12, ("Name", "Location"),
         country_in_address=True, annex=True, notes="annex, whitespace, country in location"),
    Spec("23_bullets_items", "red_flag", "prose_bullets", 4, items=True, font="Times",
         notes="bullets and an items table"),
    Spec("24_grid_twoline_header", "supplier_list", "grid", 16,
         ("Entity Name (as listed)", "Other Names Used by the Entity", "Street Address", "Country"),
         size=8, notes="long header that wraps to two lines"),
    Spec("25_entity_list_a4", "supplier_list", "entity_list", 8,
         ("Country", "Entity", "License requirement", "License review policy",
          "Federal Register citation"), pagesize=A4, font="Times", size=8.5,
         notes="Supplement No. 4 style, Times, A4"),
    Spec("26_zebra_reordered_alias_name", "is_informed", "zebra", 12,
         ("Country", "Entity Name", "Address"), alias_in_name=True, case="title",
         notes="zebra, country first, aliases in name cell"),
]


def register_fonts() -> None:
    """Register DejaVu (for Ş, Ğ, Cyrillic) when Debian's fonts-dejavu-core is installed."""
    if (DEJAVU / "DejaVuSans.ttf").exists():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(DEJAVU / "DejaVuSans-Bold.ttf")))


def bold(font: str) -> str:
    return {"Times": "Times-Bold", "Courier": "Courier-Bold", "Helvetica": "Helvetica-Bold",
            "DejaVuSans": "DejaVuSans-Bold"}[font]


def regular(font: str) -> str:
    return {"Times": "Times-Roman"}.get(font, font)


def load_parties() -> list[dict[str, str]]:
    with SOURCE.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def styled_name(name: str, case: str, rng: random.Random, font: str = "Helvetica") -> str:
    """The name as this letter prints it: upper case, or title case with short legal forms."""
    if case == "upper":
        return name
    out = name
    for pattern, short in LEGAL_SHORT:
        if rng.random() < 0.8:
            out = re.sub(pattern, short.upper(), out)
    words = []
    for w in out.split():
        keep = w in {"LLC", "JSC", "OOO", "FZE", "FZCO", "DMCC", "LLP", "PJSC", "AO", "CJSC"}
        words.append(w if keep or (len(w) <= 2 and w.isupper() and "." not in w) else w.title())
    text = " ".join(words).replace("Ltd. Şti.", "Ltd. Şti.").replace("Ve", "ve")
    text = text.replace("ŞTI.", "Şti.")
    return text if font == "DejaVuSans" else text.replace("Ş", "S")


def country_printed(code: str, rng: random.Random, style: int) -> str:
    options = COUNTRY_SPELLINGS.get(code)
    if not options:
        names = {v: k for k, v in COUNTRY_CODES.items()}
        country = pycountry.countries.get(alpha_2=code)
        return names.get(code) or getattr(country, "common_name", None) or country.name
    return options[style % len(options)] if style >= 0 else rng.choice(options)


def make_party(row: dict[str, str], spec: Spec, rng: random.Random, style: int) -> dict[str, Any]:
    code = COUNTRY_CODES.get(row["country"]) or pycountry.countries.lookup(row["country"]).alpha_2
    city = row["city"]
    if code == "CN" and "Hong Kong" in (city + row["address"]):
        code, city = "HK", city.replace("Hong Kong", "").strip(" ,") or "Kowloon"
    if code == "CN" and rng.random() < 0.3:
        code = "CN"
    aliases = [styled_name(a, spec.case, rng, spec.font) for a in row["aliases"].split(" | ") if a]
    address = row["address"].strip().rstrip(",")
    if city:
        address = f"{address}, {city}"
    return {"name": styled_name(row["name"], spec.case, rng, spec.font), "aliases": aliases,
            "address": address, "country": code,
            "country_printed": country_printed(code, rng, style)}


def pick_parties(pool: list[dict[str, str]], spec: Spec, rng: random.Random) -> list[dict[str, Any]]:
    style = rng.choice([-1, 0, 1, 2])
    want_aliases = any(k in " ".join(spec.columns).lower() for k in ("known", "alias", "a.k.a", "other"))
    prose_or_el = spec.layout in {"entity_list", "prose_numbered", "prose_bullets"}
    want_aliases = want_aliases or spec.alias_in_name or prose_or_el
    with_alias = [r for r in pool if r["aliases"]]
    rows = []
    for i in range(spec.n):
        source = with_alias if want_aliases and i % 2 == 0 else pool
        rows.append(rng.choice(source))
    names = set()
    out = []
    for row in rows:
        if row["name"] in names:
            row = rng.choice([r for r in pool if r["name"] not in names])
        names.add(row["name"])
        out.append(make_party(row, spec, rng, style))
    return out


# ---------------------------------------------------------------- letter text

BODY = {
    "supplier_list": [
        "The Bureau of Industry and Security (BIS) is writing to inform you that the foreign "
        "parties listed {where} have been identified as having shipped, or being likely to ship, "
        "items subject to the Export Administration Regulations (EAR) to Russia. BIS is "
        "providing this supplier list so that your company can review its customers and "
        "distributors against it.",
        "Transactions with the parties listed {where} present a red flag of possible diversion "
        "to Russia. Please review your records and exercise heightened due diligence before "
        "engaging in any further transaction with them.",
    ],
    "red_flag": [
        "BIS has identified information indicating that the following foreign parties may be "
        "involved in the diversion of U.S.-origin items to Russia. Each of these facts is a red "
        "flag under Supplement No. 3 to Part 732 of the EAR.",
        "Please be advised that you should resolve these red flags before proceeding with any "
        "transaction involving the parties listed {where}.",
    ],
    "is_informed": [
        "You are hereby informed, pursuant to Section 744.21(b) of the EAR, that a license is "
        "required for the export, reexport or transfer (in-country) of the items described "
        "below to the parties listed {where}.",
        "This is informed notice is effective immediately and remains in effect until further "
        "notice from BIS.",
    ],
    "project_guardian": [
        "Under Project Guardian, BIS's Office of Export Enforcement asks U.S. companies to "
        "report unusual requests for items of concern. We request your assistance in "
        "identifying any orders from the parties listed {where} for the items described.",
        "If you receive an inquiry or order from any of these parties, please contact your "
        "local Export Enforcement field office before shipping.",
    ],
}
RE_LINES = {
    "supplier_list": "Re: Foreign Parties Identified as Suppliers of U.S. Items to Russia",
    "red_flag": "Re: Red Flag Notification - Diversion Risk to the Russian Federation",
    "is_informed": "Re: \"Is Informed\" Notice under 15 CFR 744.21(b)",
    "project_guardian": "Re: Project Guardian Request for Assistance",
}


@dataclass
class Styles:
    body: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle


def make_styles(spec: Spec) -> Styles:
    reg, bld = regular(spec.font), bold(spec.font)
    lead = spec.size * (1.12 if spec.tight else 1.25)
    return Styles(
        body=ParagraphStyle("body", fontName=reg, fontSize=spec.size + 1, leading=spec.size * 1.5,
                            spaceAfter=6),
        cell=ParagraphStyle("cell", fontName=reg, fontSize=spec.size, leading=lead),
        head=ParagraphStyle("head", fontName=bld, fontSize=spec.size, leading=lead),
        small=ParagraphStyle("small", fontName=reg, fontSize=8, leading=10),
        title=ParagraphStyle("title", fontName=bld, fontSize=12, leading=15, alignment=TA_CENTER),
    )


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def letterhead(st: Styles, meta: dict[str, Any]) -> list[Any]:
    rec = meta["recipient_block"]
    out: list[Any] = [
        Paragraph("UNITED STATES DEPARTMENT OF COMMERCE", st.title),
        Paragraph("Bureau of Industry and Security", st.title),
        Paragraph("Office of Export Enforcement", st.small),
        Paragraph("1401 Constitution Avenue, NW, Washington, D.C. 20230", st.small),
        Spacer(1, 14),
        Paragraph(meta["date_printed"], st.body),
        Paragraph(f"{meta['ref_label']} {meta['reference']}", st.body),
        Spacer(1, 6),
    ]
    out += [Paragraph(esc(line), st.body if i == 0 else st.small) for i, line in enumerate(rec)]
    out += [Spacer(1, 8), Paragraph(RE_LINES[meta["notice"]], st.body),
            Paragraph("Dear Sir or Madam:", st.body)]
    return out


def signature(st: Styles) -> list[Any]:
    return [Spacer(1, 10), Paragraph("Sincerely,", st.body), Spacer(1, 18),
            Paragraph("John D. Sonderman", st.body),
            Paragraph("Director, Office of Export Enforcement", st.small),
            Paragraph("Bureau of Industry and Security", st.small)]


def alias_text(aliases: list[str], rng: random.Random) -> str:
    sep = rng.choice(["; ", ";\n"])
    return sep.join(aliases)


def name_with_aliases(p: dict[str, Any], rng: random.Random) -> str:
    if not p["aliases"]:
        return p["name"]
    marker = rng.choice(["a.k.a.", "a/k/a", "also known as", "aka"])
    return f"{p['name']} ({marker} {'; '.join(p['aliases'])})"


def cell_value(col: str, p: dict[str, Any], spec: Spec, rng: random.Random, index: int) -> str:
    c = col.lower()
    if c in {"no.", "#", "item"}:
        return str(index)
    if "country" in c:
        return p["country_printed"]
    if "known" in c or "alias" in c or "a.k.a" in c or "other" in c:
        return alias_text(p["aliases"], rng)
    if "address" in c or "location" in c:
        if spec.country_in_address:
            return f"{p['address']}, {p['country_printed']}"
        return p["address"]
    return name_with_aliases(p, rng) if spec.alias_in_name else p["name"]


def col_widths(columns: tuple[str, ...], width: float) -> list[float]:
    weights = []
    for col in columns:
        c = col.lower()
        weights.append(0.35 if c in {"no.", "#", "item"} else 0.9 if "country" in c else
                       2.0 if "address" in c or "location" in c else 1.5)
    total = sum(weights)
    return [width * w / total for w in weights]


def party_table(parties: list[dict[str, Any]], spec: Spec, st: Styles, rng: random.Random,
                width: float) -> Table:
    header = [Paragraph(esc(c), st.head) for c in spec.columns]
    data = [header]
    for i, p in enumerate(parties, start=1):
        data.append([Paragraph(esc(cell_value(c, p, spec, rng, i)).replace("\n", "<br/>"), st.cell)
                     for c in spec.columns])
    table = Table(data, colWidths=col_widths(spec.columns, width),
                  repeatRows=1 if spec.repeat_header else 0)
    pad = 1 if spec.tight else 3
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), pad),
             ("BOTTOMPADDING", (0, 0), (-1, -1), pad)]
    if spec.layout == "grid":
        style += [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    elif spec.layout == "zebra":
        style += [("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.75, 0.8, 0.9))]
        style += [("BACKGROUND", (0, r), (-1, r), colors.Color(0.92, 0.92, 0.92))
                  for r in range(2, len(data), 2)]
    else:
        style += [("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)] if spec.seed % 2 else []
    table.setStyle(TableStyle(style))
    return table


def entity_list_cell(p: dict[str, Any]) -> str:
    numbers = ["one alias", "two aliases", "three aliases", "four aliases"]
    text = esc(p["name"])
    if p["aliases"]:
        n = len(p["aliases"])
        parts = [f"—{esc(a)}" for a in p["aliases"]]
        listed = ";<br/>".join(parts[:-1]) + (";<br/>and " if n > 1 else "") + parts[-1] + "."
        text += f", a.k.a., the following {numbers[n - 1]}:<br/>{listed}<br/>"
        return text + esc(p["address"]) + "."
    return esc(text) + ", " + esc(p["address"]) + "."


def entity_list_table(parties: list[dict[str, Any]], spec: Spec, st: Styles,
                      width: float) -> Table:
    header = [Paragraph(esc(c), st.head) for c in spec.columns]
    data = [header]
    ordered = sorted(parties, key=lambda p: (p["country_printed"].upper(), p["name"]))
    last = None
    for p in ordered:
        country = p["country_printed"].upper()
        data.append([Paragraph(country if country != last else "", st.cell),
                     Paragraph(entity_list_cell(p), st.cell),
                     Paragraph("For all items subject to the EAR. (See §744.11 of the EAR).", st.cell),
                     Paragraph("Policy of denial.", st.cell),
                     Paragraph("88 FR 12150, 2/27/23.", st.cell)])
        last = country
    parties[:] = ordered
    table = Table(data, colWidths=[width * w for w in (0.14, 0.42, 0.17, 0.14, 0.13)],
                  repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                               ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black)]))
    return table


def prose_items(parties: list[dict[str, Any]], spec: Spec, st: Styles,
                rng: random.Random) -> list[Any]:
    out: list[Any] = []
    for i, p in enumerate(parties, start=1):
        if spec.layout == "prose_numbered":
            aka = ""
            if p["aliases"]:
                aka = rng.choice([", also known as ", ", a.k.a. "]) + " and ".join(p["aliases"])
            loc = rng.choice(["located at", "with an address at", "at"])
            sep = ";" if i < len(parties) else "."
            tail = " and" if i == len(parties) - 1 else ""
            text = f"({i}) {p['name']}{aka}, {loc} {p['address']}, {p['country_printed']}{sep}{tail}"
        else:
            text = f"• {name_with_aliases(p, rng)}, {p['address']}, {p['country_printed']}"
        out.append(Paragraph(esc(text), st.body))
    return out


def items_table(st: Styles, rng: random.Random, width: float) -> tuple[Table, list[dict[str, str]]]:
    chosen = rng.sample(ITEMS, 4)
    data = [[Paragraph(h, st.head) for h in ("HS Code", "ECCN", "Part Number", "Description")]]
    data += [[Paragraph(v, st.cell) for v in row] for row in chosen]
    table = Table(data, colWidths=[width * w for w in (0.15, 0.15, 0.3, 0.4)])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]))
    truth = [{"hs_code": h, "eccn": e, "part_number": pn, "description": d} for h, e, pn, d in chosen]
    return table, truth


def footer(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 7.5)
    width = doc.pagesize[0]
    canvas.drawCentredString(width / 2, 0.45 * inch, f"Page {doc.page}")
    canvas.drawString(doc.leftMargin, 0.45 * inch, "CONTROLLED UNCLASSIFIED INFORMATION")
    canvas.restoreState()


def letter_meta(spec: Spec, rng: random.Random) -> dict[str, Any]:
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 900))
    fmt = rng.choice(["%B %d, %Y", "%d %B %Y", "%B %-d, %Y"])
    ref = f"OEE-{date.year}-{rng.randrange(1000, 9999)}-{rng.choice('ABCDEFG')}"
    rec = rng.choice(US_RECIPIENTS)
    return {"notice": spec.notice, "date": date.isoformat(), "date_printed": date.strftime(fmt),
            "reference": ref, "ref_label": rng.choice(["Reference:", "Ref:", "Our ref:", "Case No."]),
            "recipient": rec[0], "recipient_block": list(rec)}


def build_story(spec: Spec, parties: list[dict[str, Any]], meta: dict[str, Any], st: Styles,
                rng: random.Random, width: float) -> tuple[list[Any], list[dict[str, str]]]:
    where = "in Attachment 1" if spec.annex else "below"
    body = [Paragraph(esc(t.format(where=where)), st.body) for t in BODY[spec.notice]]
    story = letterhead(st, meta) + body[:1]
    if spec.layout in {"prose_numbered", "prose_bullets"}:
        listing = prose_items(parties, spec, st, rng)
    elif spec.layout == "entity_list":
        listing = [entity_list_table(parties, spec, st, width)]
    else:
        listing = [party_table(parties, spec, st, rng, width)]
    items: list[dict[str, str]] = []
    if spec.items:
        table, items = items_table(st, rng, width)
        item_block = [Paragraph("The items of concern are described below:", st.body), table,
                      Spacer(1, 8)]
    else:
        item_block = []
    if spec.annex:
        story += body[1:] + item_block + signature(st) + [PageBreak()]
        story += [Paragraph("Attachment 1 - Foreign Parties of Concern", st.title), Spacer(1, 8)]
        story += listing
    else:
        story += [Spacer(1, 4), *listing, Spacer(1, 8), *body[1:], *item_block, *signature(st)]
    return story, items


def locate_pages(pdf_path: Path, parties: list[dict[str, Any]]) -> None:
    """Record the page a party is on when its whole name is printed on one line of exactly one
    page; otherwise (a name wrapped in a cell) leave it null rather than guess."""
    with pdfplumber.open(pdf_path) as pdf:
        texts = [re.sub(r"[ \t]+", " ", p.extract_text() or "") for p in pdf.pages]
    for p in parties:
        hits = [i + 1 for i, t in enumerate(texts) if p["name"] in t]
        p["page"] = hits[0] if len(hits) == 1 else None


def generate(spec: Spec, pool: list[dict[str, str]], out_dir: Path) -> None:
    rng = random.Random(f"{spec.name}:{spec.seed}")
    parties = pick_parties(pool, spec, rng)
    meta = letter_meta(spec, rng)
    st = make_styles(spec)
    margin = 0.8 * inch
    pdf_path = out_dir / f"{spec.name}.pdf"
    doc = SimpleDocTemplate(str(pdf_path), pagesize=spec.pagesize, leftMargin=margin,
                            rightMargin=margin, topMargin=margin, bottomMargin=margin,
                            title=f"BIS letter {meta['reference']}", author="BIS OEE",
                            creator="redletter sample generator", invariant=1)
    width = spec.pagesize[0] - 2 * margin
    story, items = build_story(spec, parties, meta, st, rng, width)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    locate_pages(pdf_path, parties)
    printed_aliases = spec.alias_in_name or spec.layout in {"entity_list", "prose_numbered",
                                                           "prose_bullets"} or any(
        k in c.lower() for c in spec.columns for k in ("known", "alias", "a.k.a", "other"))
    if not printed_aliases:
        for p in parties:
            p["aliases"] = []
    truth = {"file": pdf_path.name, "notes": spec.notes, "layout": spec.layout,
             "notice_type": spec.notice, "letter_date": meta["date"],
             "reference": meta["reference"], "recipient": meta["recipient"],
             "parties": [{k: p[k] for k in ("name", "aliases", "address", "country",
                                             "country_printed", "page")} for p in parties],
             "items": items}
    (out_dir / f"{spec.name}.truth.json").write_text(
        json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(out_dir: Path) -> None:
    register_fonts()
    out_dir.mkdir(parents=True, exist_ok=True)
    pool = load_parties()
    for spec in SPECS:
        generate(spec, pool, out_dir)
        print(f"wrote {spec.name}.pdf")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "samples" / "letters")
