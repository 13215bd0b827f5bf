#!/usr/bin/env python3
"""Family h: 16 BIS letters (12 born-digital, 4 scans) with truth files.

Producers: Typst (typst-py), LibreOffice Calc (xlsx written with openpyxl), reportlab
(platypus and bare canvas), headless Chromium, fpdf2, python-docx through LibreOffice Writer.
Scans are rasterised with pdftoppm and wrapped back into PDF by Pillow.
Seeded; see README.md.
"""
import csv, io, json, os, random, re, shutil, subprocess, sys, tempfile

import numpy as np
from PIL import Image, ImageFilter
import pypdfium2 as pdfium

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pool as poolmod  # noqa: E402

ROOT = poolmod.ROOT
OUT = os.path.join(ROOT, "tests/fixtures/families/h")
SEED = 20261215
TYPST_PY = os.environ.get("TYPST_PY", "/tmp/venvh/bin/python")
CHPL = "/work/shared/data/chpl/chpl_hs6_tiers.csv"

rng = random.Random(SEED)
DR = poolmod.Drawer(SEED)
HS = [(r["hs6"], r["hs6_dotted"], r["tier"]) for r in csv.DictReader(open(CHPL))]
HS_DESC = {
    "8542": "electronic integrated circuits", "8517": "telephone sets / network apparatus",
    "8526": "radar and radio navigational aid apparatus", "8529": "parts for radio apparatus",
    "8536": "switches and connectors", "8532": "capacitors", "8541": "diodes, transistors",
    "8471": "automatic data-processing machines", "8473": "parts for ADP machines",
    "8504": "power supplies, converters", "8507": "electric accumulators", "8525": "cameras",
    "8803": "parts of aircraft", "9013": "optical devices, lasers", "9014": "navigational instruments",
    "8807": "parts of aircraft", "8482": "ball or roller bearings", "8486": "semiconductor equipment",
    "9030": "oscilloscopes, analysers", "8548": "electrical parts", "8411": "turbojets",
    "8483": "transmission shafts", "8501": "electric motors", "8479": "machines n.e.s.",
    "8458": "lathes", "8457": "machining centres", "8459": "machine tools", "8460": "grinding machines",
    "8466": "parts of machine tools", "8534": "printed circuits", "8531": "signalling apparatus",
}

COUNTRY_EN = {"RU": "Russia", "CN": "China", "HK": "Hong Kong", "AE": "United Arab Emirates",
              "TR": "Turkey", "IN": "India", "SG": "Singapore", "MY": "Malaysia", "TH": "Thailand",
              "KZ": "Kazakhstan", "KG": "Kyrgyzstan", "AM": "Armenia", "UZ": "Uzbekistan",
              "GE": "Georgia", "RS": "Serbia", "TJ": "Tajikistan", "AZ": "Azerbaijan"}
ISO3 = {"RU": "RUS", "CN": "CHN", "HK": "HKG", "AE": "ARE", "TR": "TUR", "IN": "IND", "SG": "SGP",
        "MY": "MYS", "TH": "THA", "KZ": "KAZ", "KG": "KGZ", "AM": "ARM", "UZ": "UZB", "GE": "GEO"}
LOCAL = {"RU": "Rossiya", "CN": "中国", "HK": "Hong Kong SAR", "AE": "U.A.E.", "TR": "Türkiye",
         "IN": "Bhārat (India)", "SG": "Singapura", "MY": "Malaysia", "TH": "Prathet Thai"}

ADDRESSEES = [
    ["Attn: Export Compliance Officer", "Northfield Precision Components, Inc.", "2750 Technology Drive",
     "Santa Clara, CA 95054"],
    ["Ms. Laura Brennan, Director of Trade Compliance", "Halvorsen Analog Devices LLC",
     "118 Commerce Park Road", "Nashua, NH 03062"],
    ["Mr. David Ochoa, Empowered Official", "Meridian RF Systems Corp.", "9 Industrial Way, Suite 200",
     "Plano, TX 75074"],
    ["Export Control Manager", "Bluewater Sensor Technologies, Inc.", "4100 N. Fairfax Drive",
     "Arlington, VA 22203"],
    ["Attn: Legal Department", "Redwood Motion Control, Inc.", "660 Westridge Avenue", "Fremont, CA 94538"],
    ["Mr. Peter Lindqvist, VP Global Trade", "Keystone Optoelectronics Corp.", "31 Lancaster Pike",
     "Malvern, PA 19355"],
]
SIGNERS = [("Marisa T. Kellerman", "Director, Office of Export Enforcement"),
           ("Jonathan R. Albright", "Special Agent in Charge, Chicago Field Office"),
           ("Denise O. Fairweather", "Assistant Director, Office of Export Enforcement"),
           ("Samuel K. Whitcombe", "Special Agent in Charge, San Jose Field Office")]
FIELD_OFFICES = [["Chicago Field Office", "2001 Butterfield Road, Suite 1200", "Downers Grove, IL 60515"],
                 ["San Jose Field Office", "160 W. Santa Clara Street, Suite 725", "San Jose, CA 95113"],
                 ["Boston Field Office", "10 Causeway Street, Suite 350", "Boston, MA 02222"],
                 ["Dallas Field Office", "525 S. Griffin Street, Suite 622", "Dallas, TX 75202"]]
HQ = ["U.S. Department of Commerce", "Bureau of Industry and Security", "Office of Export Enforcement",
      "1401 Constitution Avenue, N.W.", "Washington, D.C. 20230"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def a_date():
    return f"{MONTHS[rng.randrange(12)]} {rng.randint(1, 28)}, 20{rng.choice([24, 25, 26])}"


def ref(prefix):
    return f"{prefix}-{rng.randint(2024, 2026)}-{rng.randint(100, 9999):04d}"


def hs_pick(k):
    return sorted(rng.sample(HS, k))


def addr(p):
    return f"{p['street']}, {p['city']}"


def T(name, aliases, address, cc, hs=()):
    return {"name": name, "aliases": list(aliases), "address": address, "country": cc,
            "hs_codes": [h if "." in h else h[:4] + "." + h[4:6] for h in hs]}


def title_case(s):
    def w(m):
        t = m.group(0)
        if t.upper() in ("LLC", "LTD", "JSC", "OOO", "AO", "PJSC", "OJSC", "CJSC", "FZE", "FZCO", "LLP",
                         "DMCC", "PTE", "SDN", "BHD", "NPO", "NPP", "PVT", "CO", "HK", "UAE", "II", "III"):
            return t.upper() if t.upper() not in ("CO", "PTE", "SDN", "BHD", "PVT") else t.capitalize()
        return t[:1].upper() + t[1:].lower()
    return re.sub(r"[A-Za-z][A-Za-z']*", w, s)


def write_truth(stem, parties):
    with open(os.path.join(OUT, stem + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump({"file": stem + ".pdf", "parties": parties}, f, ensure_ascii=False, indent=1)
        f.write("\n")


# ---------------------------------------------------------------- producers
TMP = tempfile.mkdtemp(prefix="famh_")


def esc_html(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def typ(s):
    """plain text inside Typst markup."""
    return '#"' + s.replace("\\", "\\\\").replace('"', '\\"') + '";'


def typst_pdf(src, out):
    p = os.path.join(TMP, os.path.basename(out) + ".typ")
    open(p, "w", encoding="utf-8").write(src)
    subprocess.run([TYPST_PY, "-c", "import typst,sys; typst.compile(sys.argv[1], output=sys.argv[2])", p, out],
                   check=True)


def chromium_pdf(html, out):
    p = os.path.join(TMP, os.path.basename(out) + ".html")
    open(p, "w", encoding="utf-8").write(html)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", "file://" + p], check=True, capture_output=True)


def soffice_pdf(src, out):
    d = os.path.join(TMP, "so")
    os.makedirs(d, exist_ok=True)
    subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + TMP + "/lo", "--convert-to", "pdf",
                    "--outdir", d, src], check=True, capture_output=True)
    shutil.move(os.path.join(d, os.path.splitext(os.path.basename(src))[0] + ".pdf"), out)


def merge_pdfs(parts, out):
    dst = pdfium.PdfDocument.new()
    for p in parts:
        dst.import_pages(pdfium.PdfDocument(p))
    dst.save(out)


def scan(src_pdf, out_pdf, dpi):
    d = os.path.join(TMP, "scan_" + os.path.basename(out_pdf))
    os.makedirs(d, exist_ok=True)
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-png", src_pdf, os.path.join(d, "p")], check=True)
    pages = []
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    for fn in sorted(os.listdir(d)):
        im = Image.open(os.path.join(d, fn)).convert("L")
        ang = rng.uniform(0.2, 1.2) * rng.choice([-1, 1])
        im = im.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=255)
        im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.8)))
        a = np.asarray(im).astype(np.float32)
        a = a * rng.uniform(0.90, 0.97) + 6 + nrng.normal(0, rng.uniform(5, 9), a.shape)
        specks = nrng.random(a.shape) < 0.0004
        a[specks] = nrng.uniform(0, 120, specks.sum())
        im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
        b = io.BytesIO()
        im.save(b, "JPEG", quality=rng.randint(42, 58))
        b.seek(0)
        pages.append(Image.open(b))
    pages[0].save(out_pdf, "PDF", save_all=True, append_images=pages[1:], resolution=float(dpi))


# ---------------------------------------------------------------- Typst common
def typst_head(font="Liberation Serif", size="10.5pt", footer_left="", paper="us-letter"):
    return f'''#set page(paper: "{paper}", margin: (x: 2.3cm, top: 2.2cm, bottom: 2.4cm),
  footer: context [#set text(7.5pt, fill: luma(70)); {typ(footer_left)} #h(1fr) Page #counter(page).display() of #counter(page).final().first()])
#set text(font: "{font}", size: {size})
#set smartquote(enabled: false)
#set par(justify: true)
'''


def typst_letterhead():
    return f'''#grid(columns: (1fr, auto), gutter: 8pt,
  [#text(13pt, weight: "bold")[UNITED STATES DEPARTMENT OF COMMERCE] \\ #text(11pt)[Bureau of Industry and Security] \\ #text(9pt)[Office of Export Enforcement]],
  align(right)[#text(8.5pt)[1401 Constitution Avenue, N.W. \\ Washington, D.C. 20230 \\ www.bis.gov]])
#line(length: 100%, stroke: 1.2pt)
'''


def typst_addressee(a):
    return " \\\n".join(typ(x) for x in a) + "\n\n"


def typst_sig(s):
    return f"\nSincerely,\n\n#v(1.4em)\n{typ(s[0])} \\\n{typ(s[1])} \\\nBureau of Industry and Security\n\n"


# ================================================================= h01: cover (Typst) + Calc sheet
def spreadsheet_pdf(path_pdf, title, header, rows, widths, landscape=True, footer="", number_fmt=None):
    import openpyxl
    from openpyxl.styles import Alignment, Font
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Attachment"
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=11)
    ws.append([])
    ws.append(header)
    for c in ws[3]:
        c.font = Font(bold=True, size=9)
        c.alignment = Alignment(wrap_text=True, vertical="top")
    for r in rows:
        ws.append(r)
    for row in ws.iter_rows(min_row=4):
        for c in row:
            c.font = Font(size=8.5, name="Arial")
            c.alignment = Alignment(wrap_text=True, vertical="top")
            if number_fmt and isinstance(c.value, int):
                c.number_format = "0"
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(65 + i)].width = w
    import math
    for row in ws.iter_rows(min_row=3):
        lines = 1
        for c, w in zip(row, widths):
            if c.value is None:
                continue
            n = sum(max(1, math.ceil(len(part) * 1.05 / max(w * 1.1, 1))) for part in str(c.value).split("\n"))
            lines = max(lines, n)
        ws.row_dimensions[row[0].row].height = 11.5 * lines + 2
    ws.print_options.gridLines = True
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_LETTER
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddHeader.right.text = "&A"
    ws.oddFooter.left.text = footer
    ws.oddFooter.right.text = "Page &P of &N"
    x = os.path.join(TMP, os.path.basename(path_pdf).replace(".pdf", ".xlsx"))
    wb.save(x)
    soffice_pdf(x, path_pdf)


def h01(stem, n=26, scanned_dpi=None):
    parties = DR.draw(n, pred=lambda p: all(";" not in a for a in p["aliases"]))
    date, rf = a_date(), ref("OEE-SL")
    rows, truth = [], []
    for i, p in enumerate(parties, 1):
        al = p["aliases"][:rng.choice([0, 1, 2, 3, 4])] if p["aliases"] else []
        k = rng.choice([0, 1, 1, 2, 3])
        hs = hs_pick(k) if k else []
        rows.append([i, p["name"], "; ".join(al), p["street"], p["city"], ISO3.get(p["country"], p["country"]),
                     ", ".join(h[0] for h in hs)])
        truth.append(T(p["name"], al, addr(p), p["country"], [h[1] for h in hs]))
    ad = rng.choice(ADDRESSEES)
    sig = rng.choice(SIGNERS)
    cover = typst_head(footer_left=f"Ref. {rf}") + typst_letterhead() + f'''
#v(6pt)
{typ(date)} #h(1fr) Reference: {typ(rf)}

{typst_addressee(ad)}
*Re: Parties of Diversion Concern -- Supplier Data*

Dear Sir or Madam:

The Bureau of Industry and Security (BIS) is writing to you because BIS's analysis of export and import data indicates that your company has supplied, or may be asked to supply, items listed on the Common High Priority List (CHPL) to foreign parties that have shipped such items on to the Russian Federation. The attached spreadsheet identifies {len(parties)} parties of diversion concern, with the names, other names, addresses and country codes found in commercial shipping records, and the six-digit Harmonized System (HS) subheadings observed.

BIS requests that you exercise heightened caution and conduct additional due diligence before engaging in any transaction with these parties, and that you consider voluntarily ceasing shipments to them. Exporters who proceed with knowledge of a red flag may be liable under the Export Administration Regulations (EAR), 15 CFR 730-774.

Please direct questions to the Office of Export Enforcement at the address above, quoting the reference number.
{typst_sig(sig)}
Attachment: Parties of diversion concern (spreadsheet, {len(parties)} rows)
'''
    c = os.path.join(TMP, stem + "_cover.pdf")
    typst_pdf(cover, c)
    a = os.path.join(TMP, stem + "_att.pdf")
    spreadsheet_pdf(a, f"Attachment A to letter {rf} -- Parties of diversion concern (CHPL items)",
                    ["Line", "Entity name", "Also known as", "Street address", "City / postal code",
                     "Ctry (ISO-3)", "HS-6 observed"], rows, [5, 26, 26, 32, 18, 7, 13],
                    footer=f"BIS/OEE {rf} - For official use")
    out = os.path.join(TMP if scanned_dpi else OUT, stem + ".pdf")
    merge_pdfs([c, a], out)
    if scanned_dpi:
        scan(out, os.path.join(OUT, stem + ".pdf"), scanned_dpi)
    write_truth(stem, truth)


# ================================================================= h02: Entity List Supp. 4 (Typst)
NUMW = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def el_cell(p, al, place):
    """Returns (typst content, truth address)."""
    address = f"{p['street']}, {p['city']}, {place}"
    if not al:
        txt = [f"{p['name']}, {address}."]
    elif len(al) == 1:
        txt = [f"{p['name']}, a.k.a., {al[0]}.", f"{address}."]
    else:
        txt = [f"{p['name']}, a.k.a., the following {NUMW[len(al)]} aliases:"]
        for j, a in enumerate(al):
            txt.append("—" + a + (";" if j < len(al) - 2 else ("; and" if j == len(al) - 2 else ".")))
        txt.append(f"{address}.")
    return "[" + " #linebreak() ".join(typ(t) for t in txt) + "]", address


def h02(stem, n=8, scanned_dpi=None):
    parties = DR.draw(n, src="EL", countries={"RU"})
    date, rf = a_date(), ref("IS-744.21")
    ad, sig = rng.choice(ADDRESSEES), rng.choice(SIGNERS)
    cells, truth = [], []
    for i, p in enumerate(parties):
        al = p["aliases"][:rng.choice([0, 1, 2, 3, 4])]
        c, address = el_cell(p, al, "Russia")
        truth.append(T(p["name"], al, address, "RU"))
        country = f'table.cell(rowspan: {n})[RUSSIA]' if i == 0 else None
        row = ([country] if country else []) + [c, f"[{typ(p['lic_req'])}]", f"[{typ(p['lic_pol'])}]",
                                                  f"[{typ(p['fr'] or '89 FR 68548')}]"]
        cells.append(", ".join(row))
    src = typst_head(font="Liberation Serif", footer_left=f"{rf} -- Is-informed notice") + typst_letterhead() + f'''
{typ(date)}

#text(9pt)[BY ELECTRONIC MAIL AND COURIER]

{typst_addressee(ad)}
*Subject: Notification pursuant to 15 CFR 744.21(b) and 744.6(c) ("is informed") -- Ref. {typ(rf)}*

Dear {typ(ad[0].split(",")[0].replace("Attn: ", ""))}:

You are hereby informed, pursuant to section 744.21(b) of the Export Administration Regulations (EAR), that a license is required for the export, reexport or transfer (in-country) of any item subject to the EAR to the entities identified in the enclosure to this letter, because there is an unacceptable risk of use in, or diversion to, a military end use or military end user in Russia. The enclosure sets out each entity in the form used in Supplement No. 4 to part 744 of the EAR. License applications will be reviewed under the policy stated in the enclosure.

This requirement takes effect immediately and remains in effect until BIS notifies you otherwise. Failure to comply may result in civil or criminal penalties under the Export Control Reform Act of 2018.
{typst_sig(sig)}
Enclosure (1)

#set page(flipped: true)
#set par(justify: false)
#text(11pt, weight: "bold")[Enclosure to letter {typ(rf)}: Entities subject to a license requirement]
#v(4pt)
#set text(8.5pt)
#table(columns: (2.2cm, 1fr, 4.6cm, 4.6cm, 2.8cm), stroke: 0.5pt, inset: 4pt,
  table.header([*Country*], [*Entity*], [*License requirement*], [*License review policy*], [*Federal Register citation*]),
  {(","+chr(10)+"  ").join(cells)}
)
'''
    out = os.path.join(TMP if scanned_dpi else OUT, stem + ".pdf")
    typst_pdf(src, out)
    if scanned_dpi:
        scan(out, os.path.join(OUT, stem + ".pdf"), scanned_dpi)
    write_truth(stem, truth)


# ================================================================= h03: 64-row supplier list (reportlab platypus)
def h03(stem):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, PageBreak
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    pdfmetrics.registerFont(TTFont("DVS", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DVSB", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))
    pdfmetrics.registerFont(TTFont("WQY", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", subfontIndex=0))
    nonru = DR.draw(22, countries={"CN", "HK", "AE", "IN", "SG", "MY", "TR", "TH"})
    ru = DR.draw(42, countries={"RU"})
    parties = nonru + ru
    rng.shuffle(parties)
    # group by country as a real export would be sorted
    order = ["CN", "HK", "IN", "MY", "RU", "SG", "TH", "TR", "AE"]
    parties.sort(key=lambda p: (order.index(p["country"]), p["name"].upper()))
    date, rf = a_date(), ref("OEE-SL")
    ad, sig = rng.choice(ADDRESSEES), rng.choice(SIGNERS)
    st = ParagraphStyle("b", fontName="DVS", fontSize=9.5, leading=12.5, spaceAfter=6)
    cs = ParagraphStyle("c", fontName="DVS", fontSize=7.6, leading=9.2)
    cz = ParagraphStyle("z", fontName="WQY", fontSize=8, leading=9.5)
    hs_ = ParagraphStyle("h", fontName="DVSB", fontSize=7.8, leading=9.5)
    E = esc_html
    story = [Paragraph("<b>U.S. DEPARTMENT OF COMMERCE · BUREAU OF INDUSTRY AND SECURITY</b>", st),
             Paragraph("Office of Export Enforcement · 1401 Constitution Ave., N.W. · Washington, DC 20230", cs),
             Spacer(1, 14), Paragraph(date, st), Paragraph("Our reference: " + rf, st), Spacer(1, 6)]
    story += [Paragraph("<br/>".join(E(x) for x in ad), st), Spacer(1, 8)]
    story += [Paragraph("<b>Subject: Supplier list -- foreign parties of diversion concern</b>", st),
              Paragraph("Dear Export Compliance Officer:", st),
              Paragraph(f"BIS has identified the {len(parties)} foreign companies listed in the attachment as parties that "
                        "have received items on the Common High Priority List and have been involved in shipments to "
                        "Russia. The list is drawn from trade data; a party's appearance on it does not mean that it "
                        "is on the Entity List or any other U.S. government list. The names are given as they appear "
                        "in trade records, with the country of the address as recorded by the local registry.", st),
              Paragraph("BIS asks that you review your customer records against the attachment, treat any match "
                        "as a red flag under Supplement No. 3 to part 732 of the EAR, and voluntarily refrain from "
                        "further shipments to these parties. Please notify the Office of Export Enforcement of any "
                        "pending order or enquiry from a listed party.", st), Spacer(1, 14),
              Paragraph("Sincerely,", st), Spacer(1, 18), Paragraph(E(sig[0]) + "<br/>" + E(sig[1]), st),
              Spacer(1, 10), Paragraph("Attachment 1 (supplier list, " + str(len(parties)) + " entries)", cs), PageBreak()]
    story.append(Paragraph(f"<b>ATTACHMENT 1 -- Reference {rf}</b>", st))
    data = [[Paragraph("No.", hs_), Paragraph("Company", hs_), Paragraph("Registered address", hs_),
             Paragraph("Country", hs_)]]
    truth = []
    for i, p in enumerate(parties, 1):
        al = p["aliases"][:rng.choice([0, 0, 1, 2])]
        comp = "<b>" + E(p["name"]) + "</b>" + ("<br/><i>aka</i> " + "<br/><i>aka</i> ".join(E(a) for a in al) if al else "")
        cc = p["country"]
        ctry = Paragraph(LOCAL[cc], cz if cc == "CN" else cs)
        data.append([Paragraph(f"{i}", cs), Paragraph(comp, cs),
                     Paragraph(E(p["street"]) + "<br/>" + E(p["city"]), cs), ctry])
        truth.append(T(p["name"], al, addr(p), cc))
    t = Table(data, colWidths=[24, 190, 220, 72], repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.85, 0.85))]))
    story.append(t)

    def foot(c, d):
        c.saveState()
        c.setFont("DVS", 7)
        c.drawString(50, 28, f"BIS/OEE {rf} -- Controlled Unclassified Information")
        c.drawRightString(A4[0] - 50, 28, f"Page {d.page}")
        c.restoreState()
    doc = SimpleDocTemplate(os.path.join(OUT, stem + ".pdf"), pagesize=A4, leftMargin=45, rightMargin=45,
                            topMargin=50, bottomMargin=50, title="Supplier list")
    doc.build(story, onFirstPage=foot, onLaterPages=foot)
    write_truth(stem, truth)


# ================================================================= h04: red flag, one customer in prose (Chromium)
def h04(stem, scanned_dpi=None):
    p = DR.draw(1, countries={"AE", "HK", "CN", "IN", "TR", "SG", "MY"}, min_aliases=1)[0]
    al = p["aliases"][:2]
    date, rf = a_date(), ref("RF")
    ad, sig = rng.choice(ADDRESSEES), rng.choice(SIGNERS)
    fo = rng.choice(FIELD_OFFICES)
    hs = hs_pick(3)
    items = []
    for h in hs:
        for _ in range(rng.randint(1, 2)):
            pn = rng.choice(["XC7Z020-1CLG400I", "ADM3251EARWZ", "STM32F407VGT6", "TPS7A4701RGWR", "LTC2000IY-16",
                             "AD9361BBCZ", "MAX3232ECUE+", "EP4CE22F17C8N", "LM5118MH/NOPB", "HMC8410LP2FE"])
            eccn = rng.choice(["3A991.a.2", "3A001.a.7", "5A992.c", "EAR99", "3A991.b", "4A994.b", "7A994"])
            items.append((f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025", f"INV-{rng.randint(10000, 99999)}",
                          pn, eccn, h[1] + "." + f"{rng.randint(0, 99):02d}00", rng.choice([50, 120, 400, 1000, 2500]),
                          rng.choice(["Moscow", "St. Petersburg", "Yekaterinburg", "Novosibirsk"])))
    items.sort()
    alias_txt = (" (also known as " + " and ".join(f"&ldquo;{esc_html(a)}&rdquo;" for a in al) + ")") if al else ""
    place = COUNTRY_EN[p["country"]]
    address = f"{p['street']}, {p['city']}, {place}"
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td><td>{e}</td><td class=r>{f}</td><td>{g}</td></tr>"
                   for a, b, c, d, e, f, g in items)
    html = f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: Letter; margin: 0.9in 0.9in 0.8in 0.9in;
  @bottom-left {{ content: "{rf}"; font: 8pt Arial; color:#444 }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font: 8pt Arial; color:#444 }} }}
body {{ font: 11pt 'Liberation Serif', serif; line-height: 1.35 }}
.lh {{ text-align:center; border-bottom: 2px solid #000; padding-bottom:6px; margin-bottom:14px }}
.lh b {{ font-size: 14pt; letter-spacing: 1px }} .lh div {{ font-size: 9.5pt }}
table {{ border-collapse: collapse; width:100%; font: 8.5pt Arial; margin: 8px 0 }}
th, td {{ border: 0.6pt solid #555; padding: 3px 4px; vertical-align: top; text-align:left }}
th {{ background:#e6e6e6 }} .r {{ text-align:right }}
</style></head><body>
<div class="lh"><b>UNITED STATES DEPARTMENT OF COMMERCE</b><div>Bureau of Industry and Security &middot; Office of Export Enforcement</div>
<div>{fo[0]} &middot; {fo[1]} &middot; {fo[2]}</div></div>
<p style="text-align:right">{date}<br>Reference: {rf}</p>
<p>{'<br>'.join(esc_html(x) for x in ad)}</p>
<p><b>Re: Red flag &ndash; possible diversion of your items to Russia by a customer</b></p>
<p>Dear Sir or Madam:</p>
<p>The Office of Export Enforcement has reviewed customs and commercial shipping data relating to items produced
by your company. That review indicates that your customer {esc_html(p['name'])}{alias_txt}, located at
{esc_html(address)}, has re-exported items that it bought from you to end users in the Russian Federation. The
shipments we identified are set out below; the harmonized tariff numbers are those declared on entry into Russia.</p>
<table><tr><th>Date of entry</th><th>Your invoice</th><th>Part number</th><th>ECCN</th><th>HTS</th><th>Qty</th><th>Russian port / city</th></tr>
{rows}</table>
<p>These facts are a red flag within the meaning of Supplement No. 3 to part 732 of the Export Administration
Regulations. Before making any further export, reexport or transfer to this customer you should resolve the red
flag, for example by obtaining end-use and end-user statements that you can verify, or you should apply to BIS for
a license. Continuing to ship with knowledge that a violation is about to occur may expose your company to
liability under 15 CFR 764.2(e).</p>
<p>We would welcome a call from your compliance staff to discuss this matter. Please reply within 30 days.</p>
<p>Sincerely,<br><br><br>{sig[0]}<br>{sig[1]}</p>
<p style="font-size:8.5pt">cc: Office of Exporter Services, BIS</p>
</body></html>"""
    out = os.path.join(TMP if scanned_dpi else OUT, stem + ".pdf")
    chromium_pdf(html, out)
    if scanned_dpi:
        scan(out, os.path.join(OUT, stem + ".pdf"), scanned_dpi)
    write_truth(stem, [T(p["name"], al, address, p["country"], [h[1] for h in hs])])


# ================================================================= h05: numbered annex entries (Typst)
def h05(stem):
    parties = DR.draw(7, countries={"RU", "HK", "CN", "AE"})
    date, rf = a_date(), ref("PG")
    ad, sig, fo = rng.choice(ADDRESSEES), rng.choice(SIGNERS), rng.choice(FIELD_OFFICES)
    entries, truth = [], []
    for i, p in enumerate(parties, 1):
        al = p["aliases"][:3]
        hs = hs_pick(rng.choice([1, 2, 2, 3]))
        lines = [f"*{i}.* #h(6pt) *{typ(p['name'])}*"]
        if al:
            lines.append("#h(18pt) Trading also as: " + typ(", ".join(f"\u201c{a}\u201d" for a in al)))
        lines.append("#h(18pt) " + typ(p["street"]))
        lines.append("#h(18pt) " + typ(p["city"]))
        lines.append("#h(18pt) " + typ(COUNTRY_EN[p["country"]].upper()))
        lines.append("#h(18pt) #text(9pt)[Items of interest: " + typ("; ".join(f"{h[1]} ({HS_DESC.get(h[0][:4], 'CHPL item')})" for h in hs)) + "]")
        entries.append(" \\\n".join(lines))
        truth.append(T(p["name"], al, addr(p), p["country"], [h[1] for h in hs]))
    src = typst_head(font="DejaVu Sans", size="9.5pt", footer_left="PROJECT GUARDIAN -- LAW ENFORCEMENT SENSITIVE") + f'''
#align(center)[#text(12pt, weight: "bold")[U.S. Department of Commerce] \\ Bureau of Industry and Security \\ #text(8.5pt)[{typ(fo[0])} -- {typ(fo[1])} -- {typ(fo[2])}]]
#line(length: 100%)
#grid(columns: (1fr, 1fr), [{typ(date)}], align(right)[Project Guardian Ref. {typ(rf)}])

{typst_addressee(ad)}
*Project Guardian request*

Dear Colleague,

Through Project Guardian, the Office of Export Enforcement asks industry partners to tell us about enquiries or orders that may serve illicit procurement. We ask your company to be alert for approaches from the parties named in Annex A to this letter, which we believe are seeking the items shown against each of them for end users in Russia. If you receive an enquiry, order or payment connected with any of them, please do not proceed, and contact the Special Agent named below.

Responding to this request is voluntary. Your co-operation will be taken into account as a mitigating factor in any later enforcement matter.
{typst_sig(sig)}
#pagebreak()
#text(11pt, weight: "bold")[ANNEX A -- Parties of interest]

#set par(justify: false, leading: 0.55em)
''' + "\n\n#v(4pt)\n".join(entries) + "\n"
    typst_pdf(src, os.path.join(OUT, stem + ".pdf"))
    write_truth(stem, truth)


# ================================================================= h06: two tables (fpdf2)
def h06(stem):
    from fpdf import FPDF
    main = DR.draw(5, countries={"RU", "CN", "HK", "AE"}, pred=lambda p: bool(p["others"]))
    more = DR.draw(4, countries={"RU", "CN", "HK", "AE", "IN", "SG"})
    parties = main + more
    rng.shuffle(parties)
    date, rf = a_date(), ref("OEE-SL")
    ad, sig = rng.choice(ADDRESSEES), rng.choice(SIGNERS)

    class P(FPDF):
        def multi_cell(self, *a, **k):
            k.setdefault("new_x", "LMARGIN"); k.setdefault("new_y", "NEXT")
            return super().multi_cell(*a, **k)

        def footer(self):
            self.set_y(-14)
            self.set_font("dv", size=7)
            self.cell(0, 5, f"Ref. {rf}    Page {self.page_no()}/{{nb}}", align="C")
    pdf = P(format="letter")
    pdf.add_font("dv", fname="/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf")
    pdf.add_font("dv", style="B", fname="/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf")
    pdf.set_margins(18, 16, 18)
    pdf.add_page()
    pdf.set_font("dv", "B", 12)
    pdf.cell(0, 6, "BUREAU OF INDUSTRY AND SECURITY", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", size=8)
    pdf.cell(0, 4, "U.S. Department of Commerce | Office of Export Enforcement | Washington, DC 20230",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("dv", size=10)
    pdf.multi_cell(0, 5, f"{date}\nReference: {rf}\n\n" + "\n".join(ad) + "\n")
    pdf.ln(2)
    pdf.set_font("dv", "B", 10)
    pdf.multi_cell(0, 5, "Subject: Foreign parties of diversion concern -- supplemental information")
    pdf.set_font("dv", size=10)
    pdf.multi_cell(0, 5, "\nBIS is providing the information below on foreign parties that BIS believes have diverted, "
                   "or attempted to divert, U.S.-origin items to Russia. Table 1 lists each party with the address at "
                   "which it is registered; Table 2 lists other addresses at which the same parties have received "
                   "goods. Please screen your customer and consignee records against both tables.\n")
    pdf.ln(2)
    pdf.set_font("dv", "B", 10)
    pdf.cell(0, 6, "Table 1 - Parties", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", size=8)
    truth, refs = [], {}
    with pdf.table(col_widths=(12, 50, 42, 58, 22), line_height=4.2, text_align="LEFT",
                   ) as t:
        r = t.row()
        for h in ("Ref", "Party", "Known aliases", "Registered address", "Country"):
            r.cell(h)
        for i, p in enumerate(parties, 1):
            al = p["aliases"][:rng.choice([0, 1, 2, 3])]
            rr = f"P{i:02d}"
            refs[p["ent"]] = rr
            r = t.row()
            r.cell(rr); r.cell(p["name"]); r.cell("\n".join(al) if al else "None known")
            r.cell(p["street"] + "\n" + p["city"]); r.cell(COUNTRY_EN[p["country"]])
            truth.append(T(p["name"], al, addr(p), p["country"]))
    pdf.ln(5)
    pdf.set_font("dv", "B", 10)
    pdf.cell(0, 6, "Table 2 - Additional addresses", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", size=8)
    with pdf.table(col_widths=(12, 100, 30), line_height=4.2, text_align="LEFT") as t:
        r = t.row()
        for h in ("Ref", "Address", "Country"):
            r.cell(h)
        for p in parties:
            for o in p["others"][:2]:
                r = t.row()
                r.cell(refs[p["ent"]]); r.cell(o[0] + "\n" + o[1]); r.cell(o[3])
    pdf.ln(6)
    pdf.set_font("dv", size=10)
    pdf.multi_cell(0, 5, "BIS asks that you not proceed with any transaction involving these parties without first "
                   "contacting the Office of Export Enforcement.\n\nSincerely,\n\n\n" + sig[0] + "\n" + sig[1])
    pdf.output(os.path.join(OUT, stem + ".pdf"))
    write_truth(stem, truth)


# ================================================================= h07: ditto marks / same as above (Chromium)
def shared_groups(k, size=2):
    groups = {}
    for p in DR.pool:
        if p["ent"] in DR.used:
            continue
        if p["country"] == "RU":
            groups.setdefault((p["street"], p["city"]), []).append(p)
    gs = sorted((g for g in groups.values() if len(g) >= size), key=lambda g: g[0]["ent"])
    rng.shuffle(gs)
    out = []
    for g in gs:
        try:
            out.append(DR.draw(size, pred=lambda p, key=(g[0]["street"], g[0]["city"]): (p["street"], p["city"]) == key))
        except RuntimeError:
            continue
        if len(out) == k:
            break
    return out


def h07(stem, n=12, scanned_dpi=None):
    grp = shared_groups(2)
    single = DR.draw(n - 4, countries={"RU"})
    # city ditto: several parties share the city
    single.sort(key=lambda p: p["city"].split()[0])
    blocks = [[p] for p in single]
    for g in grp:
        blocks.insert(rng.randrange(len(blocks) + 1), g)
    rows = [p for b in blocks for p in b]
    date, rf = a_date(), ref("OEE-SL")
    ad, sig = rng.choice(ADDRESSEES), rng.choice(SIGNERS)
    trs, truth = [], []
    prev = None
    for i, p in enumerate(rows, 1):
        al = p["aliases"][:rng.choice([0, 1, 2])]
        name = title_case(p["name"]) if rng.random() < 0.5 else p["name"]
        al = [title_case(a) if name != p["name"] else a for a in al]
        if prev and (prev["street"], prev["city"]) == (p["street"], p["city"]):
            street, city = "Same as above", '"'
        elif prev and prev["city"] == p["city"]:
            street, city = p["street"], "do."
        else:
            street, city = p["street"], p["city"]
        ctry = "Russia" if i == 1 or prev is None else '〃'
        trs.append(f"<tr><td>{i}</td><td>{esc_html(name)}</td><td>{'<br>'.join(esc_html(a) for a in al)}</td>"
                   f"<td>{esc_html(street)}</td><td class=c>{esc_html(city)}</td><td class=c>{ctry}</td></tr>")
        truth.append(T(name, al, addr(p), "RU"))
        prev = p
    html = f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: Letter; margin: 0.75in 0.7in 0.8in 0.7in;
  @bottom-center {{ content: "- " counter(page) " -"; font: 8pt 'Liberation Sans' }}
  @top-right {{ content: "{rf}"; font: 7.5pt 'Liberation Sans'; color:#555 }} }}
body {{ font: 10.5pt 'Liberation Sans', sans-serif; line-height: 1.3 }}
h1 {{ font-size: 12.5pt; margin:0 }} .small {{ font-size: 8.5pt }}
table {{ border-collapse: collapse; width:100%; font-size: 8.5pt }}
th, td {{ border: 0.5pt solid #333; padding: 2px 4px; vertical-align: top; text-align: left }}
td.c {{ text-align: center }} thead {{ display: table-header-group }}
</style></head><body>
<h1>U.S. DEPARTMENT OF COMMERCE &mdash; Bureau of Industry and Security</h1>
<div class="small">Office of Export Enforcement, Room 4520, 1401 Constitution Avenue NW, Washington DC 20230 &middot; Tel. (202) 482-1208</div>
<hr><p>{date}</p><p>{'<br>'.join(esc_html(x) for x in ad)}</p>
<p><b>SUBJECT: Supplier list &ndash; Russian consignees (ref. {rf})</b></p>
<p>BIS has identified the following Russian companies as consignees of Common High Priority List items that were
shipped through third countries. The list was compiled from declarations by several forwarders and is reproduced as
received; where several entries share an address or city it is shown once. Please check your records for any of
these consignees, including under the other names shown, and contact us before any further shipment.</p>
<table><thead><tr><th>No.</th><th>Consignee</th><th>Other names</th><th>Address</th><th>City</th><th>Country</th></tr></thead>
<tbody>{''.join(trs)}</tbody></table>
<p>Sincerely,</p><p><br>{sig[0]}<br>{sig[1]}</p>
</body></html>"""
    out = os.path.join(TMP if scanned_dpi else OUT, stem + ".pdf")
    chromium_pdf(html, out)
    if scanned_dpi:
        scan(out, os.path.join(OUT, stem + ".pdf"), scanned_dpi)
    write_truth(stem, truth)


# ================================================================= h08: docx, mixed case, blanks (Writer)
def h08(stem):
    import docx
    from docx.shared import Pt, Cm
    from docx.enum.section import WD_ORIENT
    parties = DR.draw(14, countries={"RU", "CN", "HK", "AE", "IN"})
    date, rf = a_date(), ref("PG")
    ad, sig = rng.choice(ADDRESSEES), rng.choice(SIGNERS)
    d = docx.Document()
    stl = d.styles["Normal"]; stl.font.name = "Liberation Sans"; stl.font.size = Pt(10)
    sec = d.sections[0]
    sec.left_margin = sec.right_margin = Cm(2)
    hp = sec.header.paragraphs[0]; hp.text = "UNCLASSIFIED // FOR OFFICIAL USE ONLY"
    fp = sec.footer.paragraphs[0]; fp.text = f"Project Guardian {rf}"
    p = d.add_paragraph(); r = p.add_run("UNITED STATES DEPARTMENT OF COMMERCE\nBureau of Industry and Security"); r.bold = True
    d.add_paragraph("Office of Export Enforcement\n1401 Constitution Avenue, N.W.\nWashington, D.C. 20230")
    d.add_paragraph(date)
    d.add_paragraph("\n".join(ad))
    p = d.add_paragraph(); p.add_run(f"Re: Project Guardian -- {rf}").bold = True
    d.add_paragraph("Dear Partner,")
    d.add_paragraph("The Office of Export Enforcement asks for your help in identifying attempts by the parties "
                    "listed below to obtain U.S.-origin items. Names are given as they appear in our case files, "
                    "which mix upper and lower case. A blank cell means we hold no information for that field; "
                    "an HS subheading means the party has sought items of that kind.")
    d.add_paragraph("If any listed party contacts your firm, please do not ship and call your local field office.")
    p = d.add_paragraph("Sincerely,\n\n\n" + sig[0] + "\n" + sig[1])
    d.add_page_break()
    d.add_paragraph().add_run("Attachment: Parties of interest").bold = True
    t = d.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ["Company", "Trading names", "Location", "Country", "CHPL HS"]):
        c.text = h
        c.paragraphs[0].runs[0].bold = True
    truth = []
    for q in parties:
        mixed = rng.random() < 0.6
        name = title_case(q["name"]) if mixed else q["name"]
        al = q["aliases"][:rng.choice([0, 0, 1, 2])]
        al = [title_case(a) if mixed else a for a in al]
        k = rng.choice([0, 0, 1, 2])
        hs = hs_pick(k) if k else []
        row = t.add_row().cells
        row[0].text = name
        row[1].text = "\n".join(al) if al else ""
        row[2].text = q["street"] + "\n" + q["city"]
        row[3].text = COUNTRY_EN[q["country"]]
        row[4].text = "\n".join(h[1] for h in hs) if hs else ("—" if rng.random() < 0.5 else "")
        truth.append(T(name, al, addr(q), q["country"], [h[1] for h in hs]))
    for row in t.rows:
        for c, w in zip(row.cells, [Cm(4.6), Cm(3.8), Cm(5.2), Cm(2.2), Cm(1.8)]):
            c.width = w
            for pp in c.paragraphs:
                for rr in pp.runs:
                    rr.font.size = Pt(8.5)
    x = os.path.join(TMP, stem + ".docx")
    d.save(x)
    soffice_pdf(x, os.path.join(OUT, stem + ".pdf"))
    write_truth(stem, truth)


# ================================================================= h09: running prose (Typst)
def h09(stem):
    parties = DR.draw(4, countries={"RU", "HK", "CN", "AE", "IN"}, min_aliases=1)
    date, rf = a_date(), ref("IS-744.6")
    ad, sig = rng.choice(ADDRESSEES), rng.choice(SIGNERS)
    ords = ["The first", "The second", "The third", "The fourth"]
    paras, truth = [], []
    for i, p in enumerate(parties):
        al = p["aliases"][:2]
        place = COUNTRY_EN[p["country"]]
        address = f"{p['street']}, {p['city']}, {place}"
        hs = hs_pick(2)
        aliastxt = " and ".join(al)
        paras.append(f"{ords[i]} is " + typ(p["name"]) + ", which also does business as " + typ(aliastxt) +
                     ". It is located at " + typ(address) + ". BIS has information that it has ordered items classified "
                     "under HS subheadings " + typ(f"{hs[0][1]} and {hs[1][1]}") + " for delivery to a military end user.")
        truth.append(T(p["name"], al, address, p["country"], [h[1] for h in hs]))
    src = typst_head(font="Liberation Serif", size="11pt") + typst_letterhead() + f'''
#align(right)[{typ(date)} \\ {typ(rf)}]

{typst_addressee(ad)}
Dear {typ(ad[0].split(",")[0].replace("Attn: ", ""))}:

This letter informs you, under sections 744.6(c) and 744.21(b) of the Export Administration Regulations, that a license is required before you export, reexport or transfer any item subject to the EAR to any of four foreign parties. BIS has determined that there is an unacceptable risk that items supplied to them will be used in, or diverted to, a military end use in Russia or Belarus.

''' + "\n\n".join(paras) + f'''

License applications for these parties will be reviewed with a presumption of denial. This notice does not authorise any transaction that is otherwise prohibited, and it remains in force until withdrawn in writing.

Please acknowledge receipt of this letter within ten business days.
{typst_sig(sig)}'''
    typst_pdf(src, os.path.join(OUT, stem + ".pdf"))
    write_truth(stem, truth)


# ================================================================= h10: Calc portrait customs sheet
def h10(stem):
    parties = DR.draw(30, countries={"RU", "CN", "HK", "AE", "IN", "SG", "MY", "TR"})
    date, rf = a_date(), ref("OEE-CD")
    ad, sig = rng.choice(ADDRESSEES), rng.choice(SIGNERS)
    rows, truth = [], []
    for p in parties:
        name = title_case(p["name"])
        k = rng.choice([1, 1, 2, 3])
        hs = hs_pick(k)
        ship = rng.randint(1, 60)
        rows.append([name, p["street"] + "\n" + p["city"], p["country"],
                     int(hs[0][0]) if k == 1 else " / ".join(h[0] for h in hs), ship,
                     f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                     f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", None if rng.random() < 0.3 else
                     rng.choice(["Vostochny", "Novorossiysk", "Sheremetyevo", "Zabaikalsk", "Upper Lars"])])
        truth.append(T(name, [], addr(p), p["country"], [h[1] for h in hs]))
    cover = typst_head(font="Liberation Sans", size="10pt", footer_left=rf) + typst_letterhead() + f'''
{typ(date)}

{typst_addressee(ad)}
*Re: Consignees of CHPL items identified in customs data ({typ(rf)})*

Dear Sir or Madam:

The enclosed worksheet, exported from the Office of Export Enforcement's customs-data analysis tool, lists consignees that received items classified under Common High Priority List subheadings and later shipped such items to Russia. Each row gives the consignee as recorded (names are normalised to mixed case by the tool), the consignee address, the ISO country code, the HS subheadings declared, the number of shipments, the first and last shipment dates, and the Russian port of entry where known.

BIS asks that you compare the worksheet with your customer master data and apply heightened scrutiny to any match.
{typst_sig(sig)}'''
    c = os.path.join(TMP, stem + "_cover.pdf")
    typst_pdf(cover, c)
    a = os.path.join(TMP, stem + "_att.pdf")
    spreadsheet_pdf(a, f"Consignee worksheet -- {rf}",
                    ["Consignee", "Consignee address", "Ctry", "HS6", "Shipments", "First", "Last", "RU entry point"],
                    rows, [30, 40, 5, 14, 9, 10, 10, 13], landscape=False, footer="Source: OEE customs analysis",
                    number_fmt=True)
    merge_pdfs([c, a], os.path.join(OUT, stem + ".pdf"))
    write_truth(stem, truth)


# ================================================================= h11: CN/HK bilingual table (Typst landscape)
def h11(stem):
    parties = DR.draw(10, countries={"CN", "HK"})
    date, rf = a_date(), ref("OEE-SL")
    ad, sig = rng.choice(ADDRESSEES), rng.choice(SIGNERS)
    cells, truth = [], []
    for i, p in enumerate(parties, 1):
        al = p["aliases"][:3]
        hs = hs_pick(rng.choice([1, 2, 3]))
        ct = "中国香港 (Hong Kong)" if p["country"] == "HK" else "中国 (China)"
        cells.append(", ".join([f"[{i}]", f"[{typ(p['name'])}]",
                                "[" + " #linebreak() ".join(typ(a) for a in al) + "]",
                                f"[{typ(p['street'])} #linebreak() {typ(p['city'])}]", f"[{typ(ct)}]",
                                "[" + " #linebreak() ".join(typ(h[1] + '.00') for h in hs) + "]"]))
        truth.append(T(p["name"], al, addr(p), p["country"], [h[1] for h in hs]))
    src = typst_head(font="Liberation Sans", size="10pt", footer_left=f"{rf}") + typst_letterhead() + f'''
{typ(date)} #h(1fr) Ref.: {typ(rf)}

{typst_addressee(ad)}
*Subject: Parties in the People's Republic of China and the Hong Kong SAR of diversion concern*

Dear Sir or Madam:

BIS has identified the companies in the attached table, located in mainland China and in Hong Kong, as parties that have purchased Common High Priority List items and supplied them to Russian end users. The table reproduces the information supplied to BIS by a partner agency, including the country as written in Chinese in the source records, and the eight-digit tariff lines declared on export.

Please treat any transaction involving these parties as presenting a red flag and consider voluntarily refraining from further shipments.
{typst_sig(sig)}
#set page(flipped: true)
#set par(justify: false)
#text(11pt, weight: "bold")[Attachment -- 附件: Parties of diversion concern]
#v(4pt)
#set text(8.5pt, font: ("Liberation Sans", "WenQuanYi Micro Hei"))
#table(columns: (1cm, 5.2cm, 5cm, 7cm, 2.6cm, 2.4cm), stroke: (x, y) => (top: if y <= 1 {{ 0.8pt }} else {{ 0.3pt }}, bottom: 0.8pt), inset: 4pt,
  table.header([*序号 No.*], [*名称 Name*], [*别名 Other names*], [*地址 Address*], [*国家 Country*], [*HS*]),
  {(","+chr(10)+"  ").join(cells)}
)
'''
    typst_pdf(src, os.path.join(OUT, stem + ".pdf"))
    write_truth(stem, truth)


# ================================================================= h12: bare reportlab canvas schedule
def h12(stem):
    from reportlab.pdfgen import canvas
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfbase.pdfmetrics import stringWidth
    parties = DR.draw(9, countries={"RU", "AE", "HK", "CN", "SG", "IN", "MY"})
    date, rf = a_date(), ref("OEE-SL")
    ad, sig = rng.choice(ADDRESSEES), rng.choice(SIGNERS)
    W, H = letter
    path = os.path.join(OUT, stem + ".pdf")
    c = canvas.Canvas(path, pagesize=letter)
    c.setTitle("Schedule")

    def wrap(text, font, size, width):
        words, lines, cur = text.split(" "), [], ""
        for w in words:
            t = (cur + " " + w).strip()
            if stringWidth(t, font, size) <= width or not cur:
                cur = t
            else:
                lines.append(cur); cur = w
        if cur:
            lines.append(cur)
        return lines
    pages = []

    def footer(pg):
        c.setFont("Times-Roman", 8)
        c.drawString(60, 30, "Schedule to letter " + rf)
        c.drawRightString(W - 60, 30, f"Page {pg}")
    c.setFont("Times-Bold", 13); c.drawCentredString(W / 2, H - 60, "BUREAU OF INDUSTRY AND SECURITY")
    c.setFont("Times-Roman", 9); c.drawCentredString(W / 2, H - 73, "U.S. Department of Commerce  |  1401 Constitution Ave. NW  |  Washington, DC 20230")
    c.line(60, H - 80, W - 60, H - 80)
    y = H - 105
    c.setFont("Times-Roman", 10.5)
    for line in [date, "Ref: " + rf, ""] + ad + ["", "Dear Export Compliance Officer:", ""]:
        c.drawString(60, y, line); y -= 13
    body = ("The Office of Export Enforcement has identified the foreign parties in the schedule below as "
            "recipients of Common High Priority List items that were subsequently shipped to Russia. For each "
            "party the schedule gives the name, any other names found in trade records (in italics under the "
            "name), the address, the country and the CHPL items involved with their tier. BIS requests that you "
            "do not ship to these parties without first contacting this office.")
    for line in wrap(body, "Times-Roman", 10.5, W - 120):
        c.drawString(60, y, line); y -= 13
    y -= 8
    cols = [60, 82, 262, 440, 500, W - 60]
    pg = 1

    def header(y):
        c.setFont("Times-Bold", 9)
        for x, h in zip(cols, ["#", "Party", "Address", "Country", "CHPL items"]):
            c.drawString(x + 2, y - 10, h)
        c.line(cols[0], y, cols[-1], y); c.line(cols[0], y - 14, cols[-1], y - 14)
        return y - 14
    y = header(y)
    truth = []
    for i, p in enumerate(parties, 1):
        al = p["aliases"][:rng.choice([0, 1, 2, 3])]
        hs = hs_pick(rng.choice([1, 2, 3]))
        cname = COUNTRY_EN[p["country"]].upper()
        L1 = [("Times-Bold", l) for l in wrap(p["name"], "Times-Bold", 9, cols[2] - cols[1] - 6)]
        for a in al:
            L1 += [("Times-Italic", l) for l in wrap(a, "Times-Italic", 8.5, cols[2] - cols[1] - 10)]
        L2 = wrap(p["street"], "Times-Roman", 9, cols[3] - cols[2] - 6) + wrap(p["city"], "Times-Roman", 9, cols[3] - cols[2] - 6)
        L3 = wrap(cname, "Times-Roman", 9, cols[4] - cols[3] - 4)
        L4 = [f"HS {h[1]} (Tier {h[2]})" for h in hs]
        nlines = max(len(L1), len(L2), len(L3), len(L4))
        hgt = nlines * 11 + 6
        if y - hgt < 60:
            footer(pg); c.showPage(); pg += 1
            y = H - 60
            c.setFont("Times-Italic", 9); c.drawString(60, y, "Schedule (continued)"); y -= 8
            y = header(y)
        c.setFont("Times-Roman", 9); c.drawString(cols[0] + 2, y - 11, str(i))
        for j, (f, l) in enumerate(L1):
            c.setFont(f, 9 if f == "Times-Bold" else 8.5)
            c.drawString(cols[1] + 2 + (4 if f == "Times-Italic" else 0), y - 11 - 11 * j, l)
        c.setFont("Times-Roman", 9)
        for j, l in enumerate(L2):
            c.drawString(cols[2] + 2, y - 11 - 11 * j, l)
        for j, l in enumerate(L3):
            c.drawString(cols[3] + 2, y - 11 - 11 * j, l)
        for j, l in enumerate(L4):
            c.drawString(cols[4] + 2, y - 11 - 11 * j, l)
        y -= hgt
        c.setLineWidth(0.3); c.line(cols[0], y, cols[-1], y)
        truth.append(T(p["name"], al, addr(p), p["country"], [h[1] for h in hs]))
    y -= 24
    if y < 120:
        footer(pg); c.showPage(); pg += 1; y = H - 80
    c.setFont("Times-Roman", 10.5)
    for line in ["Sincerely,", "", "", sig[0], sig[1]]:
        c.drawString(60, y, line); y -= 13
    footer(pg)
    c.save()
    write_truth(stem, truth)


def main():
    if os.path.isdir(OUT):
        for f in os.listdir(OUT):
            if f.endswith(".pdf") or f.endswith(".truth.json"):
                os.remove(os.path.join(OUT, f))
    os.makedirs(OUT, exist_ok=True)
    h02("h02_entity_list_supp4")
    h02("h13_scan_entity_list", n=7, scanned_dpi=200)
    h01("h01_supplier_spreadsheet")
    h03("h03_supplier_list_64")
    h04("h04_red_flag_prose")
    h05("h05_guardian_annex_entries")
    h06("h06_two_tables")
    h07("h07_ditto_same_as_above")
    h08("h08_mixed_case_blanks")
    h09("h09_is_informed_prose")
    h10("h10_customs_worksheet")
    h11("h11_cn_hk_bilingual")
    h12("h12_canvas_schedule")
    h01("h14_scan_spreadsheet", n=12, scanned_dpi=250)
    h07("h15_scan_ditto", n=10, scanned_dpi=225)
    h04("h16_scan_red_flag", scanned_dpi=300)
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
