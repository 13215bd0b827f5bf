#!/usr/bin/env python3
"""Family E: BIS-style letters built from real SDN/CSL parties, rendered by five tools.

Run with a Python that has reportlab, fpdf2, pillow and numpy (e.g. /work/main/.venv/bin/python):

    python scripts/families/e/gen.py

Writes tests/fixtures/families/e/{dev,heldout}/eNN.pdf + eNN.truth.json.
External tools used: chromium (headless print-to-pdf), soffice (LibreOffice), pdftoppm.
Deterministic for a given data snapshot (seeded RNG).
"""
from __future__ import annotations

import csv
import html
import io
import json
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
from fpdf import FPDF
from PIL import Image, ImageFilter
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer,
                                Table, TableStyle)

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "tests" / "fixtures" / "families" / "e"
LISTS = Path("/work/shared/data/lists")
CHPL = Path("/work/shared/data/chpl/chpl_hs6_tiers.csv")

# printed name, ISO-2, ISO-3, Entity-List style heading
COUNTRIES = {
    "China": ("China", "CN", "CHN", "CHINA, PEOPLE'S REPUBLIC OF"),
    "Hong Kong": ("Hong Kong", "HK", "HKG", "HONG KONG"),
    "Turkey": ("Turkey", "TR", "TUR", "TURKEY"),
    "United Arab Emirates": ("United Arab Emirates", "AE", "ARE", "UNITED ARAB EMIRATES"),
    "India": ("India", "IN", "IND", "INDIA"),
    "Kyrgyzstan": ("Kyrgyzstan", "KG", "KGZ", "KYRGYZSTAN"),
    "Kazakhstan": ("Kazakhstan", "KZ", "KAZ", "KAZAKHSTAN"),
    "Armenia": ("Armenia", "AM", "ARM", "ARMENIA"),
    "Uzbekistan": ("Uzbekistan", "UZ", "UZB", "UZBEKISTAN"),
    "Serbia": ("Serbia", "RS", "SRB", "SERBIA"),
    "Georgia": ("Georgia", "GE", "GEO", "GEORGIA"),
    "Singapore": ("Singapore", "SG", "SGP", "SINGAPORE"),
    "Thailand": ("Thailand", "TH", "THA", "THAILAND"),
    "Malaysia": ("Malaysia", "MY", "MYS", "MALAYSIA"),
    "Belarus": ("Belarus", "BY", "BLR", "BELARUS"),
    "Tajikistan": ("Tajikistan", "TJ", "TJK", "TAJIKISTAN"),
    "Azerbaijan": ("Azerbaijan", "AZ", "AZE", "AZERBAIJAN"),
    "Russia": ("Russia", "RU", "RUS", "RUSSIA"),
}

ADDRESSEES = [
    ("Halvorsen Microsystems, Inc.", "2200 Technology Parkway", "Austin, TX 78758"),
    ("Crestline Power Electronics LLC", "415 Industrial Drive", "Dayton, OH 45414"),
    ("Northgate Instruments Corporation", "88 Harbor Street, Suite 300", "Boston, MA 02210"),
    ("Pinecrest Semiconductor Distribution", "7100 Commerce Court", "San Jose, CA 95134"),
    ("Bluewater Avionics Supply Co.", "19 Airport Road", "Wichita, KS 67209"),
    ("Summit Connector Products, Inc.", "1250 Ridge Avenue", "Allentown, PA 18103"),
]

ECCNS = ["3A001.a.2.c", "3A991.a.2", "5A992.c", "3A991.b.1.a", "4A994.b", "7A994", "3A001.b.2", "5A002.a"]
PARTS = ["XC7K325T-2FFG900I", "STM32F407VGT6", "ADSP-21489BSWZ-4B", "TMS320F28335PGFA",
         "AD9361BBCZ", "LTC6811HG-1#3ZZPBF", "EP4CE22F17I7N", "MAX3232ECSE+T", "IRFP4668PBF",
         "HMC1099LP5DE", "LM25116MHX/NOPB", "ATSAMD21G18A-AU"]


# ----------------------------------------------------------------------------- data

def _ascii(s: str) -> bool:
    return all(32 <= ord(c) < 127 for c in s)


def load_pool(seed: int) -> list[dict]:
    """Real SDN entities (2026 address join), one address each, in diversion-relevant countries."""
    rows = list(csv.DictReader(open(LISTS / "ofac" / "sdn_2026_addresses_joined.csv", encoding="latin-1")))
    seen: set[str] = set()
    first, second = [], []
    for r in rows:
        if r["type"] != "Entity" or r["country"] not in COUNTRIES or r["ent_num"] in seen:
            continue
        name, street, city = r["name"].strip(), r["address"].strip(), r["city_state_postal"].strip()
        if not (street and city and _ascii(name + street + city)) or not 6 <= len(name) <= 75:
            continue
        if len(street) > 95 or "," in city and len(city) > 40:
            continue
        seen.add(r["ent_num"])
        country = r["country"]
        if country == "China" and "hong kong" in city.lower() + street.lower():
            country = "Hong Kong"
        aliases = []
        for a in r["alt_names"].split(" | "):
            if a.startswith("aka: "):
                a = a[5:].strip()
                if a and _ascii(a) and a.upper() != name.upper() and len(a) <= 70 and a not in aliases:
                    aliases.append(a)
        p = dict(ent=r["ent_num"], name=name, aliases=aliases[:3], street=street.rstrip(",. "),
                 city=city.rstrip(",. "), country=country)
        (first if "RUSSIA-EO14024" in r["programs"] and country != "Russia" else second).append(p)
    rng = random.Random(seed)
    rng.shuffle(first)
    rng.shuffle(second)
    return first + second


HS = [r["hs6_dotted"] for r in csv.DictReader(open(CHPL))]


class Picker:
    """Hands out parties of one half (dev or heldout) without repetition."""

    def __init__(self, pool: list[dict], rng: random.Random):
        self.pool, self.rng, self.i = pool, rng, 0

    def take(self, n: int, countries: set[str] | None = None, hs: tuple[int, int] = (0, 0),
             need_alias: float = 0.0) -> list[dict]:
        out = []
        j = self.i
        while len(out) < n and j < len(self.pool):
            p = self.pool[j]
            j += 1
            if p.get("used") or (countries and p["country"] not in countries):
                continue
            if need_alias and not p["aliases"] and self.rng.random() < need_alias:
                continue
            p["used"] = True
            q = dict(p)
            q["hs"] = sorted(self.rng.sample(HS, self.rng.randint(*hs))) if hs[1] else []
            out.append(q)
        while self.i < len(self.pool) and self.pool[self.i].get("used"):
            self.i += 1
        if len(out) < n:
            raise SystemExit(f"pool exhausted ({len(out)}/{n})")
        return out


def cinfo(p: dict) -> tuple[str, str, str, str]:
    return COUNTRIES[p["country"]]


def truth(p: dict, address: str, name: str | None = None, aliases: list[str] | None = None,
          hs: list[str] | None = None) -> dict:
    return {"name": name if name is not None else p["name"],
            "aliases": aliases if aliases is not None else list(p["aliases"]),
            "address": address, "country": cinfo(p)[1],
            "hs_codes": hs if hs is not None else list(p["hs"])}


def write_truth(path: Path, parties: list[dict]) -> None:
    path.with_suffix(".truth.json").write_text(
        json.dumps({"file": path.name, "parties": parties}, indent=2, ensure_ascii=False) + "\n")


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def letter_meta(rng: random.Random) -> dict:
    a = rng.choice(ADDRESSEES)
    m, d, y = rng.randint(1, 12), rng.randint(1, 28), rng.choice([2024, 2025])
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    return dict(addressee=a, date=f"{months[m - 1]} {d}, {y}",
                ref=f"OEE-{rng.choice(['NYFO', 'CHFO', 'DAFO', 'LAFO', 'SJFO', 'MIFO'])}-{y}-{rng.randint(1000, 9999)}",
                agent=rng.choice(["Special Agent in Charge", "Assistant Special Agent in Charge",
                                  "Director, Office of Export Enforcement"]),
                office=rng.choice(["New York Field Office", "Chicago Field Office", "Dallas Field Office",
                                   "San Jose Field Office", "Boston Field Office"]))


# ----------------------------------------------------------------------------- reportlab helpers

SS = {
    "body": ParagraphStyle("body", fontName="Times-Roman", fontSize=11, leading=14, alignment=TA_JUSTIFY,
                           spaceAfter=7),
    "cell": ParagraphStyle("cell", fontName="Helvetica", fontSize=8, leading=9.6),
    "cellb": ParagraphStyle("cellb", fontName="Helvetica-Bold", fontSize=8, leading=9.6),
    "head": ParagraphStyle("head", fontName="Times-Bold", fontSize=13, leading=16, alignment=1),
    "small": ParagraphStyle("small", fontName="Times-Roman", fontSize=9, leading=11, alignment=1),
    "h2": ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=6,
                         spaceAfter=6, alignment=1),
    "ann": ParagraphStyle("ann", fontName="Times-Roman", fontSize=10, leading=12.5, leftIndent=28,
                          firstLineIndent=-28, spaceAfter=6),
}


def rl_letterhead(meta: dict, subject: str) -> list:
    a = meta["addressee"]
    return [
        Paragraph("UNITED STATES DEPARTMENT OF COMMERCE", SS["head"]),
        Paragraph("Bureau of Industry and Security<br/>Office of Export Enforcement<br/>"
                  "Washington, D.C. 20230", SS["small"]),
        Spacer(1, 14),
        Paragraph(f"{meta['date']}<br/>Reference: {meta['ref']}", SS["body"]),
        Paragraph(f"{esc(a[0])}<br/>Attn: Export Compliance Officer<br/>{esc(a[1])}<br/>{a[2]}", SS["body"]),
        Paragraph(f"<b>Re: {subject}</b>", SS["body"]),
    ]


def rl_signature(meta: dict) -> list:
    return [Spacer(1, 8), Paragraph("Sincerely,", SS["body"]), Spacer(1, 18),
            Paragraph(f"{meta['agent']}<br/>{meta['office']}<br/>Office of Export Enforcement", SS["body"])]


def rl_page_no(canvas, doc):
    canvas.saveState()
    canvas.setFont("Times-Roman", 8)
    canvas.drawCentredString(doc.pagesize[0] / 2, 0.45 * inch, f"Page {doc.page}")
    canvas.drawString(doc.leftMargin, doc.pagesize[1] - 0.45 * inch, "CONTROLLED UNCLASSIFIED INFORMATION // LAW ENFORCEMENT SENSITIVE")
    canvas.restoreState()


def rl_build(path: Path, story: list, pagesize=LETTER) -> None:
    doc = SimpleDocTemplate(str(path), pagesize=pagesize, leftMargin=0.8 * inch, rightMargin=0.8 * inch,
                            topMargin=0.8 * inch, bottomMargin=0.75 * inch, title="BIS letter")
    doc.build(story, onFirstPage=rl_page_no, onLaterPages=rl_page_no)


def P(text: str, style: str = "cell") -> Paragraph:
    return Paragraph(text, SS[style])


# ----------------------------------------------------------------------------- layouts

def l_ruled_redflag(path: Path, pk: Picker, rng: random.Random, half: str, n: int = 10,
                    country_form: str = "iso2", extra_alias_col: bool = False) -> None:
    """Red-flag letter, ruled reportlab table, narrow name column (names wrap), cells centred."""
    meta = letter_meta(rng)
    ps = pk.take(n, hs=(1, 4))
    story = rl_letterhead(meta, "Red Flag Notification - Potential Diversion to the Russian Federation")
    story += [Paragraph(
        "The Bureau of Industry and Security (BIS) has reviewed export and customs data indicating that "
        "items exported by your company, including items identified on the Common High Priority List "
        "(CHPL), were subsequently re-exported to the Russian Federation by the parties listed below. "
        "BIS considers these transactions to present a red flag of diversion under Supplement No. 3 to "
        "Part 732 of the Export Administration Regulations (EAR).", SS["body"]),
        Paragraph("The customers identified in customs records are:", SS["body"])]
    if extra_alias_col:
        head = ["No.", "Customer", "Other names", "Address", "Country", "HS codes observed", "Ship-ments"]
        widths = [0.35, 1.25, 1.15, 1.75, 0.75, 0.9, 0.55]
    else:
        head = ["No.", "Customer name (as shown in export records)", "Address", "Country",
                "HS codes observed", "Ship-ments to RU"]
        widths = [0.35, 1.45, 2.35, 0.8, 1.2, 0.55]
    data = [[P(h, "cellb") for h in head]]
    tr = []
    for i, p in enumerate(ps, 1):
        c = cinfo(p)
        cn = {"iso2": c[1], "iso3": c[2], "full": c[0]}[country_form]
        if country_form == "full" and c[1] == "AE":
            cn = "UAE"
        addr = f"{p['street']}, {p['city']}"
        hs = ", ".join(p["hs"])
        name_cell = esc(p["name"])
        if extra_alias_col:
            row = [P(str(i)), P(name_cell), P("<br/>".join(esc(a) for a in p["aliases"]) or "-"),
                   P(esc(addr)), P(cn), P(hs), P(str(rng.randint(2, 60)))]
        else:
            if p["aliases"]:
                name_cell += "<br/>(a.k.a. " + "; ".join(esc(a) for a in p["aliases"]) + ")"
            row = [P(str(i)), P(name_cell), P(esc(addr)), P(cn), P(hs), P(str(rng.randint(2, 60)))]
        data.append(row)
        tr.append(truth(p, addr))
    t = Table(data, colWidths=[w * inch for w in widths], repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9d9d9")),
                           ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    story += [t, Spacer(1, 10), Paragraph(
        "You should resolve these red flags before proceeding with any further transaction involving "
        "these parties. Where a red flag cannot be resolved, you should refrain from the transaction or "
        "apply for a license. Please contact the undersigned within 30 days.", SS["body"])]
    story += rl_signature(meta)
    rl_build(path, story)
    write_truth(path, tr)


def l_unruled_supplier(path: Path, pk: Picker, rng: random.Random, half: str, n: int,
                       country_form: str = "iso3", repeat: int = 0, pagesize=LETTER) -> None:
    """Supplier-list cover letter + unruled attachment table spanning pages, names wrap."""
    meta = letter_meta(rng)
    ps = pk.take(n, need_alias=0.5)
    story = rl_letterhead(meta, "Parties of Diversion Concern")
    story += [Paragraph(
        "BIS is providing your company with the attached list of foreign parties that have, according to "
        "commercial and customs data available to BIS, shipped or received items on the Common High "
        "Priority List to or on behalf of Russia. These parties are not necessarily on any public "
        "screening list. BIS requests that your company voluntarily refrain from shipping to these "
        "parties and scrutinise any transaction in which they appear.", SS["body"]),
        Paragraph(f"The attachment lists {n} parties.", SS["body"])]
    story += rl_signature(meta)
    story += [PageBreak(), Paragraph("ATTACHMENT A - PARTIES OF DIVERSION CONCERN", SS["h2"])]
    head = ["Entity Name", "Alias(es)", "Address", "City", "Country"]
    data = [[P(h, "cellb") for h in head]]
    tr = []
    for p in ps:
        c = cinfo(p)
        cn = {"iso2": c[1], "iso3": c[2], "full": c[0]}[country_form]
        data.append([P(esc(p["name"])), P("; ".join(esc(a) for a in p["aliases"])),
                     P(esc(p["street"])), P(esc(p["city"])), P(cn)])
        tr.append(truth(p, f"{p['street']}, {p['city']}"))
    t = Table(data, colWidths=[w * inch for w in (1.6, 1.5, 2.05, 1.1, 0.6)], repeatRows=repeat)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                           ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    story.append(t)
    rl_build(path, story, pagesize)
    write_truth(path, tr)


def chromium_pdf(html_text: str, path: Path) -> None:
    with tempfile.TemporaryDirectory() as td:
        src = Path(td) / "in.html"
        src.write_text(html_text)
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={path}", str(src)], check=True, capture_output=True, timeout=120)


def soffice_pdf(html_text: str, path: Path) -> None:
    with tempfile.TemporaryDirectory() as td:
        src = Path(td) / (path.stem + ".html")
        src.write_text(html_text)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{td}/prof", "--headless",
                        "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export", "--outdir", td, str(src)], check=True, capture_output=True, timeout=180)
        shutil.move(str(Path(td) / (path.stem + ".pdf")), path)


HTML_LETTERHEAD = """<div style="text-align:center;font-family:'Times New Roman',serif">
<div style="font-size:15pt;font-weight:bold">UNITED STATES DEPARTMENT OF COMMERCE</div>
<div>Bureau of Industry and Security</div><div>Washington, D.C. 20230</div></div><hr/>
<p>{date}<br/>Our reference: {ref}</p>
<p>{a0}<br/>{a1}<br/>{a2}</p>"""


def html_head(meta: dict) -> str:
    a = meta["addressee"]
    return HTML_LETTERHEAD.format(date=meta["date"], ref=meta["ref"], a0=esc(a[0]), a1=esc(a[1]), a2=esc(a[2]))


def l_two_row_header(path: Path, pk: Picker, rng: random.Random, half: str, n: int,
                     country_form: str = "full") -> None:
    """Chromium: ruled table, two-row header with merged cells, thead repeats over pages."""
    meta = letter_meta(rng)
    ps = pk.take(n, hs=(0, 3), need_alias=0.6)
    rows, tr = [], []
    for i, p in enumerate(ps, 1):
        c = cinfo(p)
        cn = {"iso2": c[1], "iso3": c[2], "full": c[0]}[country_form]
        rows.append(
            f"<tr><td class=c>{i}</td><td class=n>{esc(p['name'])}</td>"
            f"<td>{'<br/>'.join(esc(a) for a in p['aliases'])}</td>"
            f"<td>{esc(p['street'])}<br/>{esc(p['city'])}</td><td class=c>{cn}</td>"
            f"<td class=c>{'<br/>'.join(p['hs'])}</td></tr>")
        tr.append(truth(p, f"{p['street']}, {p['city']}"))
    doc = f"""<html><head><style>
@page {{ size: Letter; margin: 18mm 15mm; }}
body {{ font-family: 'Liberation Serif', serif; font-size: 11pt; }}
table {{ border-collapse: collapse; width: 100%; font-family: 'Liberation Sans', Arial, sans-serif; font-size: 8.5pt; }}
th, td {{ border: 0.8px solid #222; padding: 3px 4px; vertical-align: middle; }}
th {{ background: #e6e6e6; }}
td.c {{ text-align: center; }} td.n {{ width: 24%; font-weight: bold; }}
thead {{ display: table-header-group; }} tr {{ page-break-inside: avoid; }}
</style></head><body>{html_head(meta)}
<p><b>Subject: Transaction parties of diversion risk</b></p>
<p>Dear Export Compliance Officer:</p>
<p>The Office of Export Enforcement has identified the following foreign parties as involved in the
procurement of items on the Common High Priority List for end users in the Russian Federation. The HS-6
subheadings shown are those observed in shipments by each party. BIS urges your company to exercise
heightened due diligence and, where appropriate, to cease shipments to these parties.</p>
<table><thead>
<tr><th rowspan=2>#</th><th colspan=2>Party</th><th colspan=2>Location</th><th rowspan=2>CHPL HS-6</th></tr>
<tr><th>Name</th><th>Also known as</th><th>Street address</th><th>Country</th></tr>
</thead><tbody>{''.join(rows)}</tbody></table>
<p>Questions regarding this letter may be directed to the {meta['office']}.</p>
<p>Sincerely,<br/><br/>{meta['agent']}<br/>Office of Export Enforcement</p>
</body></html>"""
    chromium_pdf(doc, path)
    write_truth(path, tr)


def el_entity_text(p: dict) -> tuple[str, str]:
    """Entity List style: 'NAME, a.k.a., the following two aliases: -A; and -B. ADDRESS.'"""
    al = p["aliases"]
    addr = f"{p['street']}, {p['city']}"
    if not al:
        return f"{esc(p['name'])}, {esc(addr)}.", addr
    words = {1: "one alias", 2: "two aliases", 3: "three aliases"}[len(al)]
    if len(al) == 1:
        return f"{esc(p['name'])}, a.k.a., the following {words}: &mdash;{esc(al[0])}. {esc(addr)}.", addr
    parts = [f"&mdash;{esc(a)}" for a in al]
    body = "; ".join(parts[:-1]) + "; and " + parts[-1]
    return f"{esc(p['name'])}, a.k.a., the following {words}:<br/>{body.replace('; ', ';<br/>')}.<br/>{esc(addr)}.", addr


def l_entity_list(path: Path, pk: Picker, rng: random.Random, half: str, n: int) -> None:
    """LibreOffice: 'is informed' letter, Entity-List-shaped table; one cell = name + a.k.a. + address,
    country cell merged over several rows."""
    meta = letter_meta(rng)
    ps = pk.take(n, need_alias=0.8)
    ps.sort(key=lambda p: (cinfo(p)[3], p["name"]))
    groups: dict[str, list[dict]] = {}
    for p in ps:
        groups.setdefault(cinfo(p)[3], []).append(p)
    rows, tr = [], []
    for cname, gp in groups.items():
        for k, p in enumerate(gp):
            text, addr = el_entity_text(p)
            fr = f"{rng.choice([88, 89, 90])} FR {rng.randint(10000, 99999)}, {rng.randint(1, 12)}/{rng.randint(1, 28)}/{rng.choice([23, 24, 25])}."
            cc = f"<td rowspan={len(gp)} valign=top><b>{cname}</b></td>" if k == 0 else ""
            rows.append(f"<tr>{cc}<td valign=top>{text}</td><td valign=top>For all items subject to the EAR. "
                        f"(See &sect;744.21(b) of the EAR).</td><td valign=top>Policy of denial.</td>"
                        f"<td valign=top>{fr}</td></tr>")
            tr.append(truth(p, addr))
    doc = f"""<html><head><meta charset="utf-8"><style>
body {{ font-family: 'Liberation Serif'; font-size: 11pt; }}
td, th {{ font-size: 9pt; font-family: 'Liberation Sans'; }}
</style></head><body>{html_head(meta)}
<p><b>Re: Notification of license requirement (&ldquo;is informed&rdquo; letter) under 15 CFR 744.21(b)</b></p>
<p>Dear Sir or Madam:</p>
<p>You are hereby informed that a license is required for the export, reexport, or transfer (in-country)
of all items subject to the Export Administration Regulations (EAR) to the parties identified in the
table below, because there is an unacceptable risk of use in, or diversion to, a military end use or
military end user in Russia or Belarus. This requirement is effective immediately and applies to any
transaction in which a listed party acts as purchaser, intermediate consignee, ultimate consignee, or end user.</p>
<table border=1 cellpadding=4 cellspacing=0 width="100%">
<tr><th width="16%">Country</th><th width="42%">Entity</th><th width="16%">License requirement</th>
<th width="12%">License review policy</th><th width="14%">Federal Register citation</th></tr>
{''.join(rows)}</table>
<p>Failure to comply with this notification may result in criminal and administrative penalties.</p>
<p>{meta['agent']}<br/>{meta['office']}</p></body></html>"""
    soffice_pdf(doc, path)
    write_truth(path, tr)


class Letter(FPDF):
    def header(self):
        if self.page_no() == 1:
            self.set_font("Times", "B", 14)
            self.cell(0, 7, "U.S. DEPARTMENT OF COMMERCE", align="C", new_x="LMARGIN", new_y="NEXT")
            self.set_font("Times", "", 10)
            self.cell(0, 5, "Bureau of Industry and Security | Office of Export Enforcement", align="C",
                      new_x="LMARGIN", new_y="NEXT")
            self.line(20, self.get_y() + 2, 190, self.get_y() + 2)
            self.ln(6)
        else:
            self.set_font("Times", "I", 8)
            self.cell(0, 5, self.title or "", align="R", new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

    def footer(self):
        self.set_y(-12)
        self.set_font("Times", "", 8)
        self.cell(0, 5, f"{self.page_no()}", align="C")


def fp_new(meta: dict, subject: str) -> Letter:
    pdf = Letter(format="letter")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, 18)
    pdf.title = meta["ref"]
    pdf.add_page()
    pdf.set_font("Times", "", 11)
    a = meta["addressee"]
    pdf.multi_cell(0, 5.5, f"{meta['date']}\nRef.: {meta['ref']}\n\nBY ELECTRONIC MAIL\n\n{a[0]}\n{a[1]}\n{a[2]}\n",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "B", 11)
    pdf.multi_cell(0, 5.5, f"Subject: {subject}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Times", "", 11)
    return pdf


def fp_par(pdf: FPDF, text: str, h: float = 5.5) -> None:
    pdf.multi_cell(0, h, text, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2.5)


def join_and(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def l_prose(path: Path, pk: Picker, rng: random.Random, half: str, n: int) -> None:
    """fpdf2 'is informed' letter naming the parties in running prose; HS codes in the sentences."""
    meta = letter_meta(rng)
    ps = pk.take(n, hs=(1, 3), need_alias=0.7)
    pdf = fp_new(meta, "Notification of License Requirement Pursuant to 15 CFR 744.21(b)")
    fp_par(pdf, "Dear Export Compliance Officer:")
    fp_par(pdf, "The Bureau of Industry and Security (BIS) has determined that the transactions described in this "
                "letter present an unacceptable risk of diversion to a military end user in the Russian Federation. "
                "Accordingly, you are hereby informed, under Section 744.21(b) of the Export Administration "
                "Regulations, that a license is required for the export or reexport of the items identified below "
                "to the following parties.")
    tr = []
    openers = ["First, ", "Second, ", "Third, ", "Fourth, ", "Fifth, ", "Sixth, "]
    for i, p in enumerate(ps):
        c = cinfo(p)
        addr = f"{p['street']}, {p['city']}, {c[0]}"
        aka = f" (also known as {join_and(p['aliases'])})" if p["aliases"] else ""
        hs = join_and(p["hs"])
        word = "subheading" if len(p["hs"]) == 1 else "subheadings"
        if i % 2 == 0:
            s = (f"{openers[i]}the license requirement applies to {p['name']}{aka}, located at {addr}, for items "
                 f"classified under HS {word} {hs}, including integrated circuits and related components.")
        else:
            s = (f"{openers[i]}BIS has information that {p['name']}{aka}, with an address at {addr}, has sought "
                 f"to acquire items of HS {word} {hs}; any export of such items to this party requires a license.")
        fp_par(pdf, s)
        tr.append(truth(p, addr))
    fp_par(pdf, "This requirement applies regardless of the value of the transaction and to any item subject to the "
                "EAR that your company might supply to these parties through distributors. Items classified under "
                "ECCNs 3A991 and 5A992 are included. Applications will be reviewed under a policy of denial.")
    fp_par(pdf, f"Sincerely,\n\n\n{meta['agent']}\n{meta['office']}")
    pdf.output(str(path))
    write_truth(path, tr)


def l_blocks(path: Path, pk: Picker, rng: random.Random, half: str, n: int) -> FPDF:
    """fpdf2 red-flag letter with one label/value block per customer; country only in the address."""
    meta = letter_meta(rng)
    ps = pk.take(n, hs=(1, 4), need_alias=0.5)
    pdf = fp_new(meta, "Red flags of diversion identified in your export transactions")
    fp_par(pdf, "Dear Sir or Madam:")
    fp_par(pdf, "In the course of its review of U.S. export data and foreign customs records, the Office of Export "
                "Enforcement identified shipments in which your company's items were re-exported to the Russian "
                f"Federation. The {n} customers concerned are described below. Each of them received items "
                "falling under the Common High Priority List and subsequently shipped items of the same "
                "description to Russian consignees.")
    tr = []
    for i, p in enumerate(ps, 1):
        c = cinfo(p)
        if pdf.get_y() > 215:
            pdf.add_page()
        pdf.set_font("Times", "B", 11)
        pdf.cell(0, 6, f"Customer {i} of {n}", new_x="LMARGIN", new_y="NEXT")
        lines = [("Name:", p["name"])]
        if p["aliases"]:
            lines.append(("Other names used:", "\n".join(p["aliases"])))
        lines.append(("Address:", f"{p['street']}\n{p['city']}\n{c[0].upper()}"))
        d1 = f"{rng.choice([2022, 2023])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        d2 = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        lines.append(("Shipments identified:", f"{rng.randint(3, 90)} shipments between {d1} and {d2}"))
        lines.append(("HS codes:", "; ".join(p["hs"])))
        for lab, val in lines:
            pdf.set_font("Times", "B", 10)
            y = pdf.get_y()
            pdf.set_x(28)
            pdf.cell(42, 5, lab)
            pdf.set_font("Times", "", 10)
            pdf.set_xy(70, y)
            pdf.multi_cell(120, 5, val, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        tr.append(truth(p, f"{p['street']}, {p['city']}, {c[0].upper()}"))
    fp_par(pdf, "Please review these transactions and inform this office within 30 days of the steps your company "
                "has taken. Resolving a red flag may require you to apply for a license before shipping again.")
    fp_par(pdf, f"{meta['agent']}\n{meta['office']}")
    pdf.output(str(path))
    write_truth(path, tr)


def l_annex(path: Path, pk: Picker, rng: random.Random, half: str, n: int, numbering: str = "A-") -> None:
    """reportlab: cover letter + numbered Annex 1 (one flowing paragraph per party) + Annex 2 CHPL table."""
    meta = letter_meta(rng)
    ps = pk.take(n, hs=(0, 3), need_alias=0.6)
    story = rl_letterhead(meta, "Project Guardian - request for information and parties of concern")
    story += [Paragraph(
        "Under Project Guardian, BIS works with industry to identify attempts to acquire items of concern. "
        "BIS requests that your company notify the Office of Export Enforcement of any enquiry or order "
        "received from the parties listed in Annex 1 and refrain from shipping to them. Annex 2 lists the "
        "Common High Priority List subheadings of particular concern.", SS["body"])]
    story += rl_signature(meta)
    story += [PageBreak(), Paragraph("ANNEX 1<br/>PARTIES OF CONCERN", SS["h2"])]
    tr = []
    for i, p in enumerate(ps, 1):
        c = cinfo(p)
        lab = f"{numbering}{i}." if numbering != "1." else f"1.{i}"
        addr = f"{p['street']}, {p['city']}, {c[0]}"
        aka = "".join(f", a.k.a. {esc(a)}" for a in p["aliases"])
        hs = f" (HS {', '.join(p['hs'])})" if p["hs"] else ""
        story.append(Paragraph(f"{lab}&nbsp;&nbsp;<b>{esc(p['name'])}</b>{aka}, {esc(addr)}{hs}.", SS["ann"]))
        tr.append(truth(p, addr))
    story += [PageBreak(), Paragraph("ANNEX 2<br/>COMMON HIGH PRIORITY LIST ITEMS OF CONCERN", SS["h2"])]
    tiers = list(csv.DictReader(open(CHPL)))
    data = [[P("HS-6", "cellb"), P("Tier", "cellb"), P("Note", "cellb")]]
    for r in tiers[:: 2]:
        data.append([P(r["hs6_dotted"]), P(r["tier"]), P("Any quantity; report enquiries to OEE.")])
    t = Table(data, colWidths=[1.2 * inch, 0.8 * inch, 3.5 * inch])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]))
    story.append(t)
    rl_build(path, story, A4)
    write_truth(path, tr)


def l_guardian_cards(path: Path, pk: Picker, rng: random.Random, half: str, n: int) -> None:
    """Chromium: Project Guardian letter, one bordered card per party with an item table
    (ECCN, part number, HS code); country only in the address."""
    meta = letter_meta(rng)
    ps = pk.take(n - 1, hs=(1, 3), need_alias=0.9) + pk.take(1, countries={"Russia"}, hs=(1, 2))
    cards, tr = [], []
    for i, p in enumerate(ps, 1):
        c = cinfo(p)
        items = "".join(
            f"<tr><td>{rng.choice(ECCNS)}</td><td>{rng.choice(PARTS)}</td><td>{h}</td>"
            f"<td>{rng.randint(50, 5000)} pcs</td></tr>" for h in p["hs"])
        aka = f"<div><i>Also known as:</i> {' / '.join(esc(a) for a in p['aliases'])}</div>" if p["aliases"] else ""
        cards.append(f"""<div class=card><div class=lab>Party {i}</div>
<div class=nm>{esc(p['name'])}</div>{aka}
<div class=loc>{esc(p['street'])}<br/>{esc(p['city'])}<br/>{c[0]}</div>
<table class=it><tr><th>ECCN</th><th>Part number</th><th>HS code</th><th>Quantity sought</th></tr>{items}</table></div>""")
        al = p["aliases"]
        tr.append(truth(p, f"{p['street']}, {p['city']}, {c[0]}", aliases=al))
    doc = f"""<html><head><style>
@page {{ size: A4; margin: 20mm; }}
body {{ font-family: 'DejaVu Serif', serif; font-size: 10.5pt; }}
.card {{ border: 1.5px solid #333; border-radius: 6px; padding: 8px 12px; margin: 10px 0; page-break-inside: avoid; }}
.lab {{ float: right; color: #666; font-size: 9pt; }} .nm {{ font-weight: bold; font-size: 11.5pt; }}
.loc {{ margin: 4px 0 6px 0; }}
table.it {{ border-collapse: collapse; font-size: 8.5pt; font-family: 'DejaVu Sans'; }}
table.it td, table.it th {{ border-bottom: 0.6px solid #999; padding: 2px 8px; text-align: left; }}
</style></head><body>{html_head(meta)}
<p><b>PROJECT GUARDIAN NOTIFICATION</b></p>
<p>The Office of Export Enforcement requests your assistance. BIS has reason to believe that the parties
below are seeking to acquire the items described, for onward supply to end users in the Russian
Federation. If you receive an order or enquiry from any of these parties, please do not ship, and contact
the {meta['office']} immediately. This is a request for assistance, not a licence requirement.</p>
{''.join(cards)}
<p>Thank you for your cooperation.<br/><br/>{meta['agent']}<br/>{meta['office']}</p></body></html>"""
    chromium_pdf(doc, path)
    write_truth(path, tr)


def l_big_grouped(path: Path, pk: Picker, rng: random.Random, half: str, n: int,
                  layout: str = "HORIZONTAL_LINES", hs_form: str = "dotted") -> None:
    """fpdf2 large supplier list: name + a.k.a. in one cell, country printed only on the first row of
    each country group, repeated header, 100+ rows."""
    meta = letter_meta(rng)
    ps = pk.take(n, hs=(0, 2))
    ps.sort(key=lambda p: (cinfo(p)[0], p["name"]))
    pdf = fp_new(meta, "Supplier list - transaction parties of diversion risk")
    fp_par(pdf, "Dear Export Compliance Officer:")
    fp_par(pdf, f"Enclosed is a list of {n} foreign parties that BIS has identified, from customs and commercial "
                "data, as having supplied Common High Priority List items to Russia. BIS asks that your company "
                "voluntarily stop shipping to these parties. Where an HS-6 subheading is shown, it is the "
                "subheading most frequently observed for that party.")
    fp_par(pdf, f"{meta['agent']}\n{meta['office']}")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, "ENCLOSURE 1 - SUPPLIER LIST", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 7.5)
    tr = []
    last = None
    with pdf.table(col_widths=(10, 52, 62, 26, 20), borders_layout=layout, text_align="LEFT",
                   line_height=3.6, repeat_headings=1, padding=1.2) as t:
        t.row(["Ref.", "Name / a.k.a.", "Address", "Country", "HS-6"])
        for i, p in enumerate(ps, 1):
            c = cinfo(p)
            nm = p["name"] + ("\na.k.a. " + "; ".join(p["aliases"]) if p["aliases"] else "")
            cn = c[0] if c[0] != last else ""
            last = c[0]
            hs = [h.replace(".", "") for h in p["hs"]] if hs_form == "plain" else p["hs"]
            t.row([f"{i:03d}", nm, f"{p['street']}, {p['city']}", cn, "\n".join(hs)])
            tr.append(truth(p, f"{p['street']}, {p['city']}"))
    pdf.output(str(path))
    write_truth(path, tr)


# ----------------------------------------------------------------------------- scanning

def scan(pdf_in: Path, pdf_out: Path, rng: random.Random, dpi: int, angle: float, noise: float,
         blur: float, quality: int) -> None:
    """Rasterise, tilt, blur, speckle and JPEG-compress every page, then wrap back into a PDF."""
    with tempfile.TemporaryDirectory() as td:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf_in), f"{td}/p"], check=True)
        pages = []
        for f in sorted(Path(td).glob("p*.png")):
            im = Image.open(f).convert("L")
            a = angle * rng.choice([-1, 1]) * rng.uniform(0.8, 1.1)
            im = im.rotate(a, resample=Image.BICUBIC, expand=False, fillcolor=255)
            im = im.filter(ImageFilter.GaussianBlur(blur))
            arr = np.asarray(im).astype(np.float32)
            nr = np.random.default_rng(rng.randint(0, 10 ** 6))
            arr = arr * 0.93 + 6 + nr.normal(0, noise, arr.shape)
            specks = nr.random(arr.shape) < 0.0004
            arr[specks] = nr.uniform(0, 120, specks.sum())
            # slightly dark scanner edge on the left
            arr[:, : int(dpi * 0.12)] *= 0.85
            im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=quality)
            pages.append(Image.open(io.BytesIO(buf.getvalue())))
        pages[0].save(pdf_out, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:])


def scanned(fn, path: Path, pk: Picker, rng: random.Random, half: str, scan_args: dict, **kw) -> None:
    with tempfile.TemporaryDirectory() as td:
        clean = Path(td) / path.name
        fn(clean, pk, rng, half, **kw)
        scan(clean, path, rng, **scan_args)
        shutil.copy(clean.with_suffix(".truth.json"), path.with_suffix(".truth.json"))
    t = json.loads(path.with_suffix(".truth.json").read_text())
    t["file"] = path.name
    path.with_suffix(".truth.json").write_text(json.dumps(t, indent=2, ensure_ascii=False) + "\n")


# ----------------------------------------------------------------------------- plan

def build_half(half: str, pool: list[dict], seed: int) -> None:
    d = OUT / half
    d.mkdir(parents=True, exist_ok=True)
    for f in d.glob("*"):
        f.unlink()
    rng = random.Random(seed)
    pk = Picker(pool, rng)
    dev = half == "dev"
    L = lambda k: d / f"e{k:02d}.pdf"  # noqa: E731
    l_ruled_redflag(L(1), pk, rng, half, n=10 if dev else 12, country_form="iso2" if dev else "full")
    l_unruled_supplier(L(2), pk, rng, half, n=60 if dev else 85, country_form="iso3" if dev else "iso2",
                       pagesize=LETTER if dev else A4)
    l_two_row_header(L(3), pk, rng, half, n=45 if dev else 40, country_form="full" if dev else "iso3")
    l_entity_list(L(4), pk, rng, half, n=14 if dev else 16)
    l_prose(L(5), pk, rng, half, n=4 if dev else 5)
    l_blocks(L(6), pk, rng, half, n=5 if dev else 6)
    l_annex(L(7), pk, rng, half, n=20 if dev else 24, numbering="A-" if dev else "1.")
    l_guardian_cards(L(8), pk, rng, half, n=2 if dev else 3)
    l_big_grouped(L(9), pk, rng, half, n=120 if dev else 150,
                  layout="HORIZONTAL_LINES" if dev else "MINIMAL", hs_form="dotted" if dev else "plain")
    # scanned variants
    scanned(l_ruled_redflag, L(10), pk, rng, half,
            dict(dpi=300 if dev else 250, angle=0.8, noise=5, blur=0.7, quality=45),
            n=14 if dev else 12, country_form="full" if dev else "iso2", extra_alias_col=True)
    scanned(l_unruled_supplier, L(11), pk, rng, half,
            dict(dpi=200 if dev else 220, angle=0.45 if dev else 1.3, noise=4, blur=0.5, quality=50),
            n=25 if dev else 28, country_form="full" if dev else "iso3", repeat=1)
    scanned(l_blocks, L(12), pk, rng, half,
            dict(dpi=250 if dev else 300, angle=1.4 if dev else 0.35, noise=6, blur=0.8, quality=40),
            n=4 if dev else 5)


def main() -> None:
    pool = load_pool(seed=20241107)
    dev_pool = pool[0::2]
    held_pool = pool[1::2]
    build_half("dev", dev_pool, seed=101)
    build_half("heldout", held_pool, seed=202)
    total = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"family e: {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
