#!/usr/bin/env python3
"""Family F: BIS letters written as HTML+CSS (printed by headless Chromium) and as DOCX
(written with python-docx, converted by LibreOffice), four of them degraded into scans.

Parties are real rows of OFAC's SDN address file (shared/data/lists/ofac/
sdn_2026_addresses_joined.csv); HS codes come from shared/data/chpl/chpl_hs6_tiers.csv.
Run:  /work/main/.venv/bin/python scripts/families/f/gen.py  [--out DIR] [--seed N]
Needs: chromium, soffice, pdftoppm on PATH; python libs numpy, Pillow, fpdf2, python-docx;
fonts WenQuanYi Micro Hei (Chinese) and Noto Color Emoji (flags).
"""
from __future__ import annotations

import argparse
import csv
import html
import io
import json
import os
import random
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

SHARED = Path("/work/shared/data")
SDN = SHARED / "lists/ofac/sdn_2026_addresses_joined.csv"
CHPL = SHARED / "chpl/chpl_hs6_tiers.csv"

COUNTRIES = {  # name in the SDN file -> (ISO-2, ISO-3, name printed in letters, Entity List heading)
    "China": ("CN", "CHN", "China", "CHINA, PEOPLE'S REPUBLIC OF"),
    "Hong Kong": ("HK", "HKG", "Hong Kong", "HONG KONG"),
    "United Arab Emirates": ("AE", "ARE", "United Arab Emirates", "UNITED ARAB EMIRATES"),
    "Turkey": ("TR", "TUR", "Türkiye", "TURKEY"),
    "India": ("IN", "IND", "India", "INDIA"),
    "Russia": ("RU", "RUS", "Russia", "RUSSIA"),
    "Singapore": ("SG", "SGP", "Singapore", "SINGAPORE"),
    "Thailand": ("TH", "THA", "Thailand", "THAILAND"),
    "Malaysia": ("MY", "MYS", "Malaysia", "MALAYSIA"),
    "Serbia": ("RS", "SRB", "Serbia", "SERBIA"),
    "Kazakhstan": ("KZ", "KAZ", "Kazakhstan", "KAZAKHSTAN"),
    "Kyrgyzstan": ("KG", "KGZ", "Kyrgyzstan", "KYRGYZSTAN"),
    "Armenia": ("AM", "ARM", "Armenia", "ARMENIA"),
    "Uzbekistan": ("UZ", "UZB", "Uzbekistan", "UZBEKISTAN"),
    "Georgia": ("GE", "GEO", "Georgia", "GEORGIA"),
    "Belarus": ("BY", "BLR", "Belarus", "BELARUS"),
    "Cyprus": ("CY", "CYP", "Cyprus", "CYPRUS"),
}
WEIGHTS = {"China": 5, "Hong Kong": 4, "United Arab Emirates": 4, "Turkey": 3, "India": 2,
           "Russia": 3, "Singapore": 1, "Thailand": 1, "Malaysia": 1, "Serbia": 1,
           "Kazakhstan": 2, "Kyrgyzstan": 2, "Armenia": 2, "Uzbekistan": 1, "Georgia": 1,
           "Belarus": 1, "Cyprus": 1}

ADDRESSEES = [
    ("Halvorsen Microsystems, Inc.", "4100 Ridgepoint Drive", "Austin, TX 78759"),
    ("Calder Ridge Instruments LLC", "220 Technology Parkway", "Norcross, GA 30092"),
    ("Brightwater Power Devices Corp.", "1 Innovation Way, Suite 300", "Chandler, AZ 85226"),
    ("Ostrander Test & Measurement Co.", "77 Mill Street", "Beverly, MA 01915"),
]
AGENTS = ["Special Agent in Charge Rebecca M. Thornquist", "Assistant Director Jonah P. Ellery",
          "Director Marisol D. Kwan", "Special Agent Thomas R. Vaillancourt"]
OFFICES = ["Office of Export Enforcement, Dallas Field Office", "Office of Export Enforcement, Boston Field Office",
           "Office of Export Enforcement, Headquarters", "Office of Export Enforcement, San Jose Field Office"]

# Chinese names: real labelled pairs from shared/data/lists/matching/nomenklatura_name_bench_cases.csv
CHINESE_PAIRS = [("Canglan Ocean Shipping Co., Ltd.", "沧澜远洋航运有限公司"),
                 ("Wushan Precision Machinery Co., Ltd.", "雾山精密机械股份有限公司")]
RUSSIAN_PAIR = ("JSC Murom Instrument-Making Plant", "Акционерное общество “Муромский приборостроительный завод”")


# ----------------------------------------------------------------------------- data
def load_pool() -> list[dict]:
    by_ent: dict[str, dict] = {}
    with open(SDN, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["type"] != "Entity" or r["country"] not in COUNTRIES:
                continue
            street = r["address"].strip()
            city = r["city_state_postal"].strip()
            if not street or not city or street == "-0-" or len(street) > 90:
                continue
            if r["ent_num"] in by_ent:
                continue
            name = r["name"].strip()
            if not name or len(name) > 80 or not re.search(r"[A-Za-z]", name):
                continue
            aliases = []
            for a in r["alt_names"].split(" | "):
                a = a.strip()
                if a.startswith("aka: "):
                    a = a[5:].strip()
                    if a and len(a) <= 70 and a.upper() != name.upper():
                        aliases.append(a)
            by_ent[r["ent_num"]] = dict(ent=r["ent_num"], name=name, aliases=aliases, street=street,
                                        city=city, country=r["country"])
    return list(by_ent.values())


def load_hs() -> list[str]:
    with open(CHPL, newline="") as fh:
        return [r["hs6_dotted"] for r in csv.DictReader(fh)]


class Picker:
    def __init__(self, pool, hs, rng):
        self.rng = rng
        self.hs = hs
        self.by_country: dict[str, list] = {}
        for p in pool:
            self.by_country.setdefault(p["country"], []).append(p)
        for v in self.by_country.values():
            rng.shuffle(v)
        self.used: set[str] = set()

    def take(self, n, max_alias=2, hs=(0, 3), countries=None, alias_p=0.7, alias_need=0.35):
        out = []
        names = list(countries or WEIGHTS)
        w = [WEIGHTS.get(c, 1) for c in names]
        while len(out) < n:
            c = self.rng.choices(names, w)[0]
            lst = self.by_country.get(c, [])
            while lst and lst[-1]["ent"] in self.used:
                lst.pop()
            if not lst:
                continue
            p = dict(lst.pop())
            self.used.add(p["ent"])
            if not p["aliases"] and self.rng.random() < alias_need:
                continue
            k = 0
            if max_alias and p["aliases"] and self.rng.random() < alias_p:
                k = self.rng.randint(1, min(max_alias, len(p["aliases"])))
            p["aliases"] = p["aliases"][:k]
            lo, hi = hs
            p["hs"] = sorted(self.rng.sample(self.hs, self.rng.randint(lo, hi)))
            iso2, iso3, cname, elhead = COUNTRIES[c]
            p.update(iso2=iso2, iso3=iso3, cname=cname, elhead=elhead)
            out.append(p)
        return out


def addr(p, with_country=False):
    s = f"{p['street']}, {p['city']}"
    return f"{s}, {p['cname']}" if with_country else s


def truth_party(p, address, name=None, aliases=None, hs=True):
    return {"name": name or p["name"], "aliases": list(p["aliases"] if aliases is None else aliases),
            "address": address, "country": p["iso2"], "hs_codes": list(p["hs"]) if hs else []}


LEGAL = {"LLC", "LTD", "LTD.", "CO.", "JSC", "OOO", "AO", "PAO", "OAO", "ZAO", "FZE", "FZCO", "FZ-LLC",
         "DMCC", "TOO", "LLP", "PJSC", "OJSC", "CJSC", "A.S.", "SAN.", "TIC.", "DOO", "D.O.O.", "PTE", "PTE.",
         "(HK)", "HK", "LIMITED", "FZC", "SDN", "BHD", "PVT", "PVT.", "JV", "CO"}


def soft_case(s):
    """Title-case an upper-case registry name the way a customs record might print it."""
    words = s.split(" ")
    out = []
    for w in words:
        if w.upper() in LEGAL or len(w) <= 2 and w.isalpha() and w not in ("OF", "AND", "DE"):
            out.append(w if w.upper() not in ("LIMITED",) else "Limited")
        else:
            out.append("-".join(re.sub(r"[A-Za-z]", lambda m: m.group(0).upper(), x.lower(), count=1) for x in w.split("-")))
    return " ".join(out)


def cased(parties):
    for p in parties:
        p["name"] = soft_case(p["name"])
        p["aliases"] = [soft_case(a) for a in p["aliases"]]
    return parties


# Latin -> Cyrillic (reverse of the BGN/PCGN-ish romanisation OFAC uses), for Russian names
_DIGRAPHS = [("SHCH", "Щ"), ("ZH", "Ж"), ("KH", "Х"), ("TS", "Ц"), ("CH", "Ч"), ("SH", "Ш"), ("YU", "Ю"),
             ("YA", "Я"), ("YE", "Е"), ("YO", "Ё"), ("IY", "ИЙ"), ("YY", "ЫЙ")]
_SINGLE = dict(zip("ABVGDEZIKLMNOPRSTUFYJ", "АБВГДЕЗИКЛМНОПРСТУФЫЙ"))


def to_cyrillic(s):
    s = s.upper()
    out, i = [], 0
    while i < len(s):
        for lat, cyr in _DIGRAPHS:
            if s.startswith(lat, i):
                out.append(cyr)
                i += len(lat)
                break
        else:
            ch = s[i]
            if ch == "'":
                out.append("Ь")
            elif ch == "C":
                out.append("К")
            elif ch in ("H",):
                out.append("Х")
            elif ch in ("W",):
                out.append("В")
            elif ch in ("X",):
                out.append("КС")
            elif ch in ("Q",):
                out.append("К")
            else:
                out.append(_SINGLE.get(ch, ch))
            i += 1
    return "".join(out)


def russian_native(name):
    m = re.match(r"^(OOO|AO|PAO|OAO|ZAO|TOO)\s+(.*)$", name)
    if m:
        form = {"OOO": "ООО", "AO": "АО", "PAO": "ПАО", "OAO": "ОАО", "ZAO": "ЗАО", "TOO": "ТОО"}[m.group(1)]
        rest = m.group(2).strip().strip('"').strip()
        if re.fullmatch(r"[A-Z' \-]+", rest):
            return f"{form} «{to_cyrillic(rest)}»"
    return None


# ----------------------------------------------------------------------------- HTML pieces
BASE_CSS = """
@page { size: Letter; margin: 0.9in 0.85in 0.9in 0.85in; }
body { font-family: 'Liberation Serif', 'DejaVu Serif', serif; font-size: 11pt; color: #111; line-height: 1.32; }
.lh { text-align: center; border-bottom: 2px solid #1b2a4a; padding-bottom: 6px; margin-bottom: 14px; }
.lh .d { font-family: 'Liberation Sans', sans-serif; font-size: 13pt; letter-spacing: 1px; font-weight: bold; color: #1b2a4a; }
.lh .b { font-family: 'Liberation Sans', sans-serif; font-size: 10pt; }
.meta { font-family: 'Liberation Sans', sans-serif; font-size: 9.5pt; margin-bottom: 12px; }
.to { margin-bottom: 12px; }
p { margin: 0 0 9px 0; text-align: justify; }
.sig { margin-top: 18px; }
.small { font-size: 9pt; }
h3 { font-family: 'Liberation Sans', sans-serif; font-size: 11.5pt; margin: 14px 0 8px 0; }
"""


def letterhead(rng, kind, ref, date):
    office = rng.choice(OFFICES)
    org = rng.choice(ADDRESSEES)
    subj = {
        "supplier": "Parties of Diversion Concern &mdash; Supplier List",
        "redflag": "Red Flag Notification: Possible Diversion of Items to the Russian Federation",
        "informed": "Notification of License Requirement (&ldquo;Is Informed&rdquo;) under 15 CFR 744.21(b)",
        "guardian": "Project Guardian &mdash; Request for Information",
    }[kind]
    return f"""
<div class="lh"><div class="d">UNITED STATES DEPARTMENT OF COMMERCE</div>
<div class="b">Bureau of Industry and Security &middot; {html.escape(office)}<br>1401 Constitution Avenue NW, Washington, D.C. 20230</div></div>
<div class="meta">Date: {date}<br>Reference: {ref}</div>
<div class="to">{html.escape(org[0])}<br>Attn: Export Compliance Officer<br>{html.escape(org[1])}<br>{html.escape(org[2])}</div>
<p><b>Subject: {subj}</b></p>
<p>Dear Export Compliance Officer:</p>
"""


def closing(rng):
    who = rng.choice(AGENTS)
    return f"""<p>Please acknowledge receipt of this letter within ten (10) business days. Questions may be directed to the
undersigned. Nothing in this letter relieves {"your company"} of its obligations under the Export Administration Regulations
(15 CFR parts 730&ndash;774).</p>
<div class="sig">Sincerely,<br><br><br>{html.escape(who)}<br>Office of Export Enforcement<br>Bureau of Industry and Security</div>"""


def intro(kind):
    return {
        "supplier": "<p>The Bureau of Industry and Security (BIS) has identified the foreign parties listed below as parties of "
                    "diversion concern. Analysis of commercial and customs data indicates that these parties have shipped "
                    "Common High Priority List (CHPL) items to the Russian Federation. BIS requests that your company "
                    "scrutinise every transaction involving a listed party and voluntarily stop shipping to them.</p>",
        "redflag": "<p>BIS has reviewed customs records indicating that items produced by your company were re-exported to "
                   "the Russian Federation after sale to the customers identified below. This constitutes a red flag under "
                   "Supplement No. 3 to part 732. Please resolve it before any further shipment to these parties.</p>",
        "informed": "<p>You are hereby informed, pursuant to 15 CFR 744.21(b), that a license is required for the export, "
                    "reexport, or transfer (in-country) of any item subject to the EAR to the parties identified below, "
                    "because of an unacceptable risk of diversion to a military end user in Russia or Belarus.</p>",
        "guardian": "<p>Under Project Guardian, BIS asks your company to notify the Office of Export Enforcement promptly of any "
                    "enquiry or order received from the parties identified below, and not to ship until you have consulted "
                    "the field office.</p>",
    }[kind]


def write_html_pdf(doc_html: str, pdf: Path, work: Path):
    src = work / (pdf.stem + ".html")
    src.write_text(doc_html, encoding="utf-8")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--print-to-pdf-no-header", f"--print-to-pdf={pdf}", src.as_uri()],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)


def page(css, body):
    return f"<!doctype html><html><head><meta charset='utf-8'><style>{BASE_CSS}{css}</style></head><body>{body}</body></html>"


def e(s):
    return html.escape(s)


def hs_txt(p, sep=", "):
    return sep.join(p["hs"])


# ----------------------------------------------------------------------------- layouts (HTML)
def lay_columns(rng, pk, ref, date):
    """Supplier-list attachment whose entries flow in two CSS columns."""
    ps = cased(pk.take(26, max_alias=2, hs=(1, 3)))
    css = """.cols { column-count: 2; column-gap: 0.35in; column-rule: 0.5pt solid #999; font-size: 9.5pt; line-height: 1.25; }
    .ent { break-inside: avoid; margin-bottom: 8px; } .ent .n { font-weight: bold; } .ent .k { font-style: italic; }
    .att { page-break-before: always; }"""
    body = letterhead(rng, "supplier", ref, date) + intro("supplier") + \
        "<p>The list of parties is provided as Attachment A. Harmonized System (HS) codes shown for each party are those " \
        "observed in the customs data.</p>" + closing(rng)
    body += "<div class='att'><h3>Attachment A &mdash; Parties of Diversion Concern</h3><div class='cols'>"
    truth = []
    for p in ps:
        lines = [f"<span class='n'>{e(p['name'])}</span>"]
        if p["aliases"]:
            lines.append("<span class='k'>a.k.a.</span> " + "; ".join(e(a) for a in p["aliases"]))
        lines += [e(p["street"]), e(p["city"]), e(p["cname"]), "HS: " + hs_txt(p)]
        body += "<div class='ent'>" + "<br>".join(lines) + "</div>"
        truth.append(truth_party(p, f"{p['street']}, {p['city']}, {p['cname']}"))
    body += "</div></div>"
    return page(css, body), truth


def lay_tworow(rng, pk, ref, date, kind="redflag", n=7):
    """Table in which each party takes two rows: name row, then an address row spanning the columns."""
    ps = pk.take(n, max_alias=2, hs=(1, 3))
    css = """table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
    th { background: #dfe4ec; border: 0.8pt solid #555; padding: 4px; text-align: left; font-family: 'Liberation Sans', sans-serif; }
    td { border-left: 0.8pt solid #555; border-right: 0.8pt solid #555; padding: 3px 5px; vertical-align: top; }
    tr.nm td { border-top: 0.8pt solid #555; } tr.ad td { border-bottom: 0.8pt solid #555; color: #333; }
    tr { break-inside: avoid; }"""
    body = letterhead(rng, kind, ref, date) + intro(kind)
    body += "<table><thead><tr><th>#</th><th>Customer (as recorded)</th><th>Country</th><th>HS codes observed</th><th>Shipments</th></tr></thead><tbody>"
    truth = []
    for i, p in enumerate(ps, 1):
        nm = e(p["name"]) + (f"<br><i>a.k.a. {e('; '.join(p['aliases']))}</i>" if p["aliases"] else "")
        body += (f"<tr class='nm'><td>{i}</td><td><b>{nm}</b></td><td>{e(p['cname'])}</td><td>{hs_txt(p, '<br>')}</td>"
                 f"<td>{rng.randint(2, 41)}</td></tr>")
        body += f"<tr class='ad'><td></td><td colspan='4'>Address: {e(addr(p))}</td></tr>"
        truth.append(truth_party(p, addr(p)))
    body += "</tbody></table><p></p>" + closing(rng)
    return page(css, body), truth


def lay_paragraph(rng, pk, ref, date, n=6):
    """Parties numbered (1), (2) ... inside one long paragraph."""
    ps = pk.take(n, max_alias=2, hs=(0, 2))
    body = letterhead(rng, "informed", ref, date) + intro("informed")
    parts = []
    truth = []
    for i, p in enumerate(ps, 1):
        s = f"({i}) {e(p['name'])}"
        if p["aliases"]:
            s += ", also known as " + " and ".join(e(a) for a in p["aliases"])
        s += f", located at {e(addr(p, True))}"
        if p["hs"]:
            s += f" (items classified under HS {' and '.join(p['hs'])})"
        parts.append(s)
        truth.append(truth_party(p, addr(p, True)))
    body += "<p>This requirement applies to the following parties: " + "; ".join(parts[:-1]) + "; and " + parts[-1] + \
        ". License applications for these parties will be reviewed under a policy of denial.</p>"
    body += "<p>This requirement is in addition to any other license requirement under the EAR and remains in effect " \
            "until further notice.</p>" + closing(rng)
    return page("", body), truth


def lay_footnotes(rng, pk, ref, date):
    """Annex table whose aliases sit in footnotes under the table."""
    ps = pk.take(9, max_alias=2, hs=(1, 2), alias_p=0.8, alias_need=0.7)
    css = """table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin-top: 6px; }
    th, td { border: 0.6pt solid #444; padding: 3px 5px; vertical-align: top; text-align: left; }
    th { font-family: 'Liberation Sans', sans-serif; font-size: 9pt; }
    .fn { font-size: 8.5pt; border-top: 0.6pt solid #000; margin-top: 8px; padding-top: 4px; width: 45%; }
    .fn div { width: 220%; } .annex { page-break-before: always; } sup { font-size: 7pt; }"""
    body = letterhead(rng, "guardian", ref, date) + intro("guardian") + \
        "<p>The parties concerned are identified in the Annex to this letter.</p>" + closing(rng)
    body += "<div class='annex'><h3>ANNEX 1. Parties and items of interest</h3><table><thead><tr><th>No.</th>" \
            "<th>Party</th><th>Address</th><th>Country</th><th>CHPL HS-6</th></tr></thead><tbody>"
    notes = []
    truth = []
    for i, p in enumerate(ps, 1):
        mark = ""
        if p["aliases"]:
            notes.append("Also known as: " + "; ".join(e(a) for a in p["aliases"]) + ".")
            mark = f"<sup>{len(notes)}</sup>"
        body += f"<tr><td>{i}</td><td>{e(p['name'])}{mark}</td><td>{e(addr(p))}</td><td>{e(p['cname'])}</td><td>{hs_txt(p, '; ')}</td></tr>"
        truth.append(truth_party(p, addr(p)))
    body += "</tbody></table><div class='fn'><div>" + "<br>".join(f"<sup>{k}</sup> {t}" for k, t in enumerate(notes, 1)) + \
        "</div></div><p class='small'>Source: BIS analysis of commercial shipping data, 2023&ndash;2024.</p></div>"
    return page(css, body), truth


def lay_zebra(rng, pk, ref, date, kind="guardian", n=10):
    """Zebra-striped table, no rules at all."""
    ps = pk.take(n, max_alias=2, hs=(0, 3))
    css = """table { border-collapse: collapse; width: 100%; font-family: 'Liberation Sans', sans-serif; font-size: 9pt; }
    th { text-align: left; padding: 5px; color: #fff; background: #3b4f6b; } td { padding: 5px; vertical-align: top; }
    tbody tr:nth-child(even) { background: #e9edf3; } tr { break-inside: avoid; }"""
    body = letterhead(rng, kind, ref, date) + intro(kind)
    body += "<table><thead><tr><th>Entity name</th><th>Alias(es)</th><th>Address</th><th>Country</th><th>HS-6</th></tr></thead><tbody>"
    truth = []
    for p in ps:
        body += (f"<tr><td>{e(p['name'])}</td><td>{'<br>'.join(e(a) for a in p['aliases']) or '&mdash;'}</td>"
                 f"<td>{e(p['street'])}<br>{e(p['city'])}</td><td>{e(p['cname'])}</td><td>{hs_txt(p, ' ') or '&mdash;'}</td></tr>")
        truth.append(truth_party(p, addr(p)))
    body += "</tbody></table><p></p>" + closing(rng)
    return page(css, body), truth


def lay_box(rng, pk, ref, date):
    """Red-flag letter whose parties sit in a bordered text box; some addresses are 'c/o' another firm."""
    ps = pk.take(5, max_alias=1, hs=(1, 2))
    carriers = pk.take(3, max_alias=0, hs=(0, 0))
    css = """.box { border: 1.5pt solid #000; padding: 10px 14px; margin: 10px 0 14px 0; font-family: 'Liberation Mono', monospace; font-size: 9pt; line-height: 1.3; }
    .box .t { font-weight: bold; text-decoration: underline; margin-bottom: 6px; } .box .p { margin-bottom: 9px; }"""
    body = letterhead(rng, "redflag", ref, date) + intro("redflag")
    body += "<div class='box'><div class='t'>CUSTOMERS IDENTIFIED</div>"
    truth = []
    for i, p in enumerate(ps):
        a = addr(p, True)
        if i % 2 == 1:
            a = f"c/o {carriers[i // 2]['name']}, {a}"
        body += f"<div class='p'>{e(p['name'])}<br>"
        if p["aliases"]:
            body += f"(a.k.a. {e(p['aliases'][0])})<br>"
        body += f"{e(a)}<br>Items: HS {hs_txt(p)}</div>"
        truth.append(truth_party(p, a))
    body += "</div><p>BIS expects your company to treat any further order from these customers with heightened due diligence.</p>" + closing(rng)
    return page(css, body), truth


def flag(iso2):
    return "".join(chr(0x1F1E6 + ord(c) - 65) for c in iso2)


def lay_flags(rng, pk, ref, date):
    ps = pk.take(9, max_alias=1, hs=(1, 2))
    css = """table { border-collapse: collapse; width: 100%; font-size: 9.5pt; } th, td { border-bottom: 0.6pt solid #888; padding: 4px; text-align: left; vertical-align: top; }
    .fl { font-family: 'Noto Color Emoji'; font-size: 15pt; text-align: center; }"""
    body = letterhead(rng, "supplier", ref, date) + intro("supplier")
    body += "<table><thead><tr><th></th><th>Party</th><th>Address</th><th>HS codes</th></tr></thead><tbody>"
    truth = []
    for p in ps:
        nm = e(p["name"]) + (f" (a.k.a. {e(p['aliases'][0])})" if p["aliases"] else "")
        body += f"<tr><td class='fl'>{flag(p['iso2'])}</td><td>{nm}</td><td>{e(addr(p))}</td><td>{hs_txt(p)}</td></tr>"
        truth.append(truth_party(p, addr(p)))
    body += "</tbody></table><p></p>" + closing(rng)
    return page(css, body), truth


def lay_iso3(rng, pk, ref, date):
    ps = cased(pk.take(11, max_alias=2, hs=(1, 3)))
    css = """table { border-collapse: collapse; width: 100%; font-size: 9pt; font-family: 'Liberation Sans Narrow', 'Liberation Sans', sans-serif; }
    th { border-top: 1.2pt solid #000; border-bottom: 0.8pt solid #000; text-align: left; padding: 3px; } td { padding: 3px; vertical-align: top; }
    tbody tr:last-child td { border-bottom: 1.2pt solid #000; }"""
    body = letterhead(rng, "redflag", ref, date) + intro("redflag")
    body += "<table><thead><tr><th>Ctry</th><th>Consignee / Other names</th><th>Street</th><th>City</th><th>HTS (6)</th></tr></thead><tbody>"
    truth = []
    for p in ps:
        nm = e(p["name"]) + "".join(f"<br>&nbsp;&nbsp;/ {e(a)}" for a in p["aliases"])
        body += f"<tr><td>{p['iso3']}</td><td>{nm}</td><td>{e(p['street'])}</td><td>{e(p['city'])}</td><td>{hs_txt(p, ' ')}</td></tr>"
        truth.append(truth_party(p, addr(p)))
    body += "</tbody></table><p></p>" + closing(rng)
    return page(css, body), truth


def lay_scripts(rng, pk, ref, date):
    """Table with the name in its own script beside the Latin name."""
    ru_pool = [p for p in pk.by_country.get("Russia", []) if p["ent"] not in pk.used and russian_native(p["name"])]
    rng.shuffle(ru_pool)
    ru = []
    for p in ru_pool[:4]:
        pk.used.add(p["ent"])
        q = dict(p, aliases=p["aliases"][:1] if rng.random() < 0.5 else [],
                 hs=sorted(rng.sample(pk.hs, rng.randint(1, 2))))
        q.update(dict(zip(("iso2", "iso3", "cname", "elhead"), COUNTRIES["Russia"])))
        ru.append((q, russian_native(p["name"])))
    hosts = []
    for c in ("China", "China", "Russia"):
        h = pk.take(1, max_alias=0, hs=(1, 2), countries=[c])[0]
        while "hong kong" in h["city"].lower() or "hong kong" in h["street"].lower():
            h = pk.take(1, max_alias=0, hs=(1, 2), countries=[c])[0]
        hosts.append(h)
    extra = []
    for h, (lat, nat) in zip(hosts, CHINESE_PAIRS + [RUSSIAN_PAIR]):
        extra.append((dict(h, name=lat, aliases=[]), nat))
    rows = ru + extra
    rng.shuffle(rows)
    css = """table { border-collapse: collapse; width: 100%; font-size: 9.5pt; } th, td { border: 0.6pt solid #666; padding: 4px; vertical-align: top; text-align: left; }
    .nat { font-family: 'DejaVu Sans', 'WenQuanYi Micro Hei', sans-serif; font-size: 9pt; }"""
    body = letterhead(rng, "informed", ref, date) + intro("informed")
    body += "<table><thead><tr><th>Name</th><th>Name in original script</th><th>Address</th><th>Country</th><th>HS</th></tr></thead><tbody>"
    truth = []
    for p, nat in rows:
        nm = e(p["name"]) + (f"<br>a.k.a. {e(p['aliases'][0])}" if p["aliases"] else "")
        body += f"<tr><td>{nm}</td><td class='nat'>{e(nat)}</td><td>{e(addr(p))}</td><td>{e(p['cname'])}</td><td>{hs_txt(p, ', ')}</td></tr>"
        truth.append(truth_party(p, addr(p), aliases=list(p["aliases"]) + [nat]))
    body += "</tbody></table><p></p>" + closing(rng)
    return page(css, body), truth


def lay_long(rng, pk, ref, date):
    """Supplier list table long enough to run over three pages, header repeated, some c/o addresses."""
    ps = pk.take(44, max_alias=1, hs=(1, 2), alias_p=0.3)
    fwd = pk.take(6, max_alias=0, hs=(0, 0))
    css = """table { border-collapse: collapse; width: 100%; font-size: 8.5pt; font-family: 'Liberation Sans', sans-serif; }
    thead { display: table-header-group; } th { background: #ccc; border: 0.6pt solid #000; padding: 3px; text-align: left; }
    td { border: 0.6pt solid #000; padding: 2px 3px; vertical-align: top; } tr { break-inside: avoid; }
    .att { page-break-before: always; }"""
    body = letterhead(rng, "supplier", ref, date) + intro("supplier") + "<p>The parties are listed in the enclosed table.</p>" + closing(rng)
    body += "<div class='att'><h3>Enclosure &mdash; Supplier List (parties of diversion concern)</h3>"
    body += "<table><thead><tr><th>Line</th><th>Party name</th><th>Also known as</th><th>Address</th><th>Country</th><th>HS-6</th></tr></thead><tbody>"
    truth = []
    for i, p in enumerate(ps, 1):
        a = addr(p)
        if rng.random() < 0.15:
            a = f"c/o {rng.choice(fwd)['name']}, {a}"
        body += (f"<tr><td>{i}</td><td>{e(p['name'])}</td><td>{e('; '.join(p['aliases']))}</td><td>{e(a)}</td>"
                 f"<td>{e(p['cname'])}</td><td>{hs_txt(p, ', ')}</td></tr>")
        truth.append(truth_party(p, a))
    body += "</tbody></table></div>"
    return page(css, body), truth


# ----------------------------------------------------------------------------- layouts (DOCX -> LibreOffice)
def _docx_letter(rng, kind, ref, date):
    from docx import Document
    from docx.shared import Pt
    d = Document()
    st = d.styles["Normal"]
    st.font.name = "Liberation Serif"
    st.font.size = Pt(11)
    p = d.add_paragraph()
    r = p.add_run("UNITED STATES DEPARTMENT OF COMMERCE\n")
    r.bold = True
    p.add_run("Bureau of Industry and Security\n" + rng.choice(OFFICES) + "\nWashington, D.C. 20230")
    p.alignment = 1
    org = rng.choice(ADDRESSEES)
    d.add_paragraph(f"{date}\nRef.: {ref}")
    d.add_paragraph(f"{org[0]}\n{org[1]}\n{org[2]}")
    subj = {"informed": "Is-informed notification, 15 CFR 744.21(b)", "supplier": "Supplier list - parties of diversion concern",
            "redflag": "Red flag notification", "guardian": "Project Guardian"}[kind]
    d.add_paragraph().add_run("Re: " + subj).bold = True
    d.add_paragraph(re.sub("<[^>]+>", "", html.unescape(intro(kind))))
    return d


def _docx_close(d, rng):
    d.add_paragraph("Please acknowledge receipt of this letter within ten business days.")
    d.add_paragraph("Sincerely,\n\n\n" + rng.choice(AGENTS) + "\nOffice of Export Enforcement")


NUMW = {1: "one", 2: "two", 3: "three"}


def docx_entitylist(rng, pk, ref, date):
    """Entity List supplement-style table: Country | Entity | License requirement | Review policy | FR citation."""
    from docx.shared import Pt
    ps = pk.take(8, max_alias=3, hs=(0, 0), alias_p=0.7, alias_need=0.6)
    ps.sort(key=lambda p: (p["elhead"], p["name"]))
    d = _docx_letter(rng, "informed", ref, date)
    d.add_paragraph("The parties subject to this requirement are set out below in the form used in Supplement No. 4 to part 744.")
    t = d.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ["Country", "Entity", "License requirement", "License review policy", "Federal Register citation"]):
        c.text = h
        c.paragraphs[0].runs[0].bold = True
    truth = []
    last = None
    for p in ps:
        row = t.add_row().cells
        row[0].text = p["elhead"] if p["elhead"] != last else ""
        last = p["elhead"]
        a = addr(p, True)
        if p["aliases"]:
            k = len(p["aliases"])
            if k == 1:
                ent = f"{p['name']}, a.k.a., {p['aliases'][0]}. {a}."
            else:
                al = "; ".join("—" + x for x in p["aliases"][:-1]) + "; and —" + p["aliases"][-1]
                ent = f"{p['name']}, a.k.a., the following {NUMW[k]} aliases: {al}. {a}."
        else:
            ent = f"{p['name']}, {a}."
        row[1].text = ent
        row[2].text = "For all items subject to the EAR. (See §§ 734.9(e), and 744.21(b) of the EAR)."
        row[3].text = "Policy of denial."
        row[4].text = f"{rng.randint(88, 89)} FR {rng.randint(10000, 99999)}, {rng.choice(['2/27/23', '6/14/24', '10/2/24'])}."
        truth.append(truth_party(p, a, hs=False))
    for r in t.rows:
        for c in r.cells:
            for para in c.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(8.5)
    _docx_close(d, rng)
    return d, truth


def docx_bullets(rng, pk, ref, date):
    """Bullets with bold names followed by plain addresses."""
    ps = pk.take(8, max_alias=2, hs=(0, 3), alias_need=0.4)
    d = _docx_letter(rng, "guardian", ref, date)
    d.add_paragraph("Parties of interest:")
    truth = []
    for p in ps:
        b = d.add_paragraph(style="List Bullet")
        b.add_run(p["name"]).bold = True
        if p["aliases"]:
            b.add_run(" (also: " + "; ".join(p["aliases"]) + ")")
        b.add_run("\n" + p["street"] + "\n" + p["city"] + ", " + p["cname"])
        if p["hs"]:
            b.add_run("\nHS: " + " / ".join(p["hs"]))
        truth.append(truth_party(p, addr(p, True)))
    _docx_close(d, rng)
    return d, truth


def write_docx_pdf(d, pdf: Path, work: Path):
    src = work / (pdf.stem + ".docx")
    d.save(src)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{work}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(work), str(src)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=240)
    shutil.move(str(work / (pdf.stem + ".pdf")), pdf)


# ----------------------------------------------------------------------------- scanning
def scan(pdf: Path, rng: random.Random, work: Path):
    dpi = rng.choice([200, 225, 250])
    prefix = work / (pdf.stem + "-pg")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)], check=True)
    pages = sorted(work.glob(pdf.stem + "-pg*.png"))
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    jpgs = []
    for i, pg in enumerate(pages):
        im = Image.open(pg).convert("L")
        ang = rng.uniform(0.3, 1.5) * rng.choice([-1, 1])
        im = im.rotate(ang, resample=Image.BICUBIC, expand=True, fillcolor=250)
        im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 0.9)))
        a = np.asarray(im).astype(np.float32)
        a = a * rng.uniform(0.9, 0.97) + 8 + nrng.normal(0, rng.uniform(6, 12), a.shape)
        speck = nrng.random(a.shape) < 0.0006
        a[speck] = nrng.uniform(0, 90, speck.sum())
        im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
        jp = work / f"{pdf.stem}-{i}.jpg"
        im.save(jp, "JPEG", quality=rng.randint(40, 60))
        jpgs.append((jp, im.size))
    from fpdf import FPDF
    out = FPDF(unit="pt")
    for jp, (w, h) in jpgs:
        wpt, hpt = w * 72 / dpi, h * 72 / dpi
        out.add_page(format=(wpt, hpt))
        out.image(str(jp), 0, 0, wpt, hpt)
    out.output(str(pdf))


# ----------------------------------------------------------------------------- main
PLAN = [  # (file stem, layout, scanned?)
    ("f01_supplier_two_columns", "columns", False),
    ("f02_redflag_two_row_table", "tworow", False),
    ("f03_informed_numbered_paragraph", "paragraph", False),
    ("f04_informed_entity_list_supplement", "entitylist", False),
    ("f05_guardian_annex_footnotes", "footnotes", False),
    ("f06_guardian_zebra_no_rules", "zebra", False),
    ("f07_redflag_bordered_box", "box", False),
    ("f08_supplier_flag_emoji", "flags", False),
    ("f09_redflag_iso3_country", "iso3", False),
    ("f10_informed_original_script", "scripts", False),
    ("f11_guardian_bullets_bold", "bullets", False),
    ("f12_supplier_three_page_table", "long", False),
    ("f13_scan_redflag_two_row_table", "tworow", True),
    ("f14_scan_informed_numbered_paragraph", "paragraph", True),
    ("f15_scan_supplier_zebra", "zebra", True),
    ("f16_scan_informed_entity_list_supplement", "entitylist", True),
]
HTML_LAYOUTS = {"columns": lay_columns, "tworow": lay_tworow, "paragraph": lay_paragraph, "footnotes": lay_footnotes,
                "zebra": lay_zebra, "box": lay_box, "flags": lay_flags, "iso3": lay_iso3, "scripts": lay_scripts,
                "long": lay_long}
DOCX_LAYOUTS = {"entitylist": docx_entitylist, "bullets": docx_bullets}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[3] / "tests/fixtures/families/f"))
    ap.add_argument("--seed", type=int, default=20261129)
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    pk = Picker(load_pool(), load_hs(), rng)
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for k, (stem, lay, scanned) in enumerate(PLAN, 1):
            ref = f"OEE-{rng.choice(['DAL', 'BOS', 'HQ', 'SJ'])}-{2024 + k % 2}-{rng.randint(1000, 9999)}"
            date = f"{rng.choice(months)} {rng.randint(1, 28)}, {2024 + k % 2}"
            pdf = out / f"{stem}.pdf"
            kw = {}
            if lay == "zebra" and scanned:
                kw = {"kind": "supplier", "n": 12}
            if lay in HTML_LAYOUTS:
                doc, truth = HTML_LAYOUTS[lay](rng, pk, ref, date, **kw)
                write_html_pdf(doc, pdf, work)
            else:
                d, truth = DOCX_LAYOUTS[lay](rng, pk, ref, date)
                write_docx_pdf(d, pdf, work)
            if scanned:
                scan(pdf, rng, work)
            (out / f"{stem}.truth.json").write_text(json.dumps({"file": pdf.name, "parties": truth}, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
            print(f"{pdf.name}: {len(truth)} parties, {pdf.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
