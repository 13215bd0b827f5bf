"""Family K, design 2 (heldout): fpdf2 (Liberation Sans Narrow / DejaVu Serif Condensed), python-docx + LibreOffice,
chromium. Different column orders and wording from design 1."""
import os, sys, subprocess, tempfile, shutil
from html import escape as E
from fpdf import FPDF
from fpdf.fonts import FontFace
sys.path.insert(0, os.path.dirname(__file__))
import common as C

LIB = "/usr/share/fonts/truetype/liberation/"
DV = "/usr/share/fonts/truetype/dejavu/"


class Letter(FPDF):
    first_header = None  # column header row drawn by hand

    def __init__(self, orientation="P"):
        super().__init__(orientation=orientation, unit="mm", format="Letter")
        self.add_font("N", "", LIB + "LiberationSansNarrow-Regular.ttf")
        self.add_font("N", "B", LIB + "LiberationSansNarrow-Bold.ttf")
        self.add_font("S", "", DV + "DejaVuSerifCondensed.ttf")
        self.add_font("S", "B", DV + "DejaVuSerifCondensed-Bold.ttf")
        self.set_auto_page_break(True, 15)
        self.set_margins(14, 14, 14)

    def footer(self):
        self.set_y(-10); self.set_font("N", "", 7)
        self.cell(0, 5, f"Page {self.page_no()} - Law-enforcement sensitive", align="C")


def cover(pdf, ref, subject, body):
    pdf.add_page(); pdf.set_font("S", "B", 11)
    pdf.multi_cell(0, 5, "U.S. Department of Commerce | Bureau of Industry and Security\nExport Enforcement - Dallas Field Office\n"
                   "2501 N. Hwy 121 Business, Suite 400, Grapevine, TX 76051", align="L")
    pdf.ln(4); pdf.set_font("S", "", 9.5)
    pdf.multi_cell(0, 4.6, f"Date: 14 October 2025\nFile No.: {ref}\n\nTO: Lone Star Sensorics LLC\n"
                   f"9100 Research Blvd., Austin, TX 78758\n\nSUBJECT: {subject}\n\n{body}")
    pdf.ln(2)


def sign(pdf):
    pdf.ln(4); pdf.set_font("S", "", 9.5)
    pdf.multi_cell(0, 4.6, "Respectfully,\n\nKevin A. Morales\nAssistant Special Agent in Charge\nExport Enforcement")


BODY = ("This letter notifies you that BIS considers the entities in the enclosed schedule to present an elevated "
        "risk of transshipment of Common High Priority List items to Russia or Belarus. You are asked to refrain from "
        "exporting, reexporting or transferring such items to them without prior consultation.")


def table(pdf, heads, rows, widths, size=7.5, font="N", head_bg=(210, 210, 210), zebra=None, lines="ALL", repeat=True):
    pdf.set_font(font, "", size)
    kw = dict(col_widths=widths, text_align="LEFT", line_height=size * 0.45, borders_layout=lines,
              headings_style=FontFace(emphasis="BOLD", fill_color=head_bg, color=(255, 255, 255) if sum(head_bg) < 300 else (0, 0, 0)), repeat_headings=1 if repeat else 0)
    if zebra:
        kw.update(cell_fill_color=zebra, cell_fill_mode="ROWS")
    with pdf.table(**kw) as t:
        r = t.row()
        for h in heads: r.cell(h)
        for row in rows:
            r = t.row()
            for c in row: r.cell(c)


# 1. split address, different column order
def k_columns(path, ps):
    pdf = Letter(); cover(pdf, "EE-DAL-25-2201", "Entities of diversion concern", BODY)
    rows = [[str(i), C.PLAIN[p["country"]], p["name"], "\n".join(p["aliases"]), p["street"], p["city"], p["postal"],
             " ".join(p["hs"])] for i, p in enumerate(ps, 1)]
    table(pdf, ["No.", "Country", "Entity", "Aliases", "Address line", "City", "ZIP", "HS-6"], rows,
          (7, 15, 38, 32, 38, 18, 12, 18))
    sign(pdf); pdf.output(path)
    C.truth(path, [C.tp(p) for p in ps])


# 2. long list, header only on the first page, no page numbers on rows
def k_long(path, ps):
    pdf = Letter("L"); cover(pdf, "EE-DAL-25-2202", "Supplier list", BODY + " The schedule follows on the next pages.")
    pdf.add_page(); pdf.set_font("N", "B", 9); pdf.cell(0, 6, "SCHEDULE 1", new_x="LMARGIN", new_y="NEXT")
    rows = [[p["name"], C.addr(p), C.PLAIN[p["country"]], "; ".join(p["aliases"]), ", ".join(p["hs"])] for p in ps]
    table(pdf, ["Company name", "Address", "Country", "AKA", "HS"], rows, (70, 90, 24, 50, 22), size=7,
          lines="HORIZONTAL_LINES", repeat=False)
    sign(pdf); pdf.output(path)
    C.truth(path, [C.tp(p) for p in ps])


# 7. original script in its own column
def k_script(path, ps):
    pdf = Letter(); cover(pdf, "EE-DAL-25-2207", "Russian counterparties", BODY)
    rows, tr = [], []
    for i, p in enumerate(ps, 1):
        cy = C.cyr(p["name"])
        rows.append([str(i), p["name"], cy, ", ".join(p["aliases"]), C.addr(p), ", ".join(p["hs"])])
        tr.append(C.tp(p, aliases=[cy] + p["aliases"]))
    pdf.set_font("S", "", 7)
    table(pdf, ["#", "Name (Latin)", "Name (original script)", "Other names", "Address (Russia)", "HS"], rows,
          (6, 42, 38, 34, 46, 22), font="S", size=7)
    sign(pdf); pdf.output(path)
    C.truth(path, tr)


# 9. headers in a shaded band, zebra rows without rules, ECCN/HS mixed
def k_band(path, ps, rng):
    pdf = Letter(); cover(pdf, "EE-DAL-25-2209", "Is-informed notice (15 CFR 744.21(b))",
                         "You are hereby informed that a licence is required for the export of the items below to "
                         "the following parties.")
    eccn = ["3A001.b.1", "EAR99", "5A992.c", "3A991.a", "4A994.b", "9A991.d"]
    rows = []
    for i, p in enumerate(ps, 1):
        it = [rng.choice(eccn) for _ in range(rng.randint(1, 2))] + p["hs"]; rng.shuffle(it)
        rows.append([f"{i:02d}", p["name"] + "".join(f"\n(alias: {a})" for a in p["aliases"]), C.addr(p),
                     C.PLAIN[p["country"]], " / ".join(it)])
    table(pdf, ["ID", "PARTY", "ADDRESS", "COUNTRY", "ECCN/HS"], rows, (9, 62, 64, 22, 30), head_bg=(60, 70, 90),
          zebra=(236, 236, 236), lines="NONE")
    sign(pdf); pdf.output(path)
    C.truth(path, [C.tp(p) for p in ps])


# 6. country variants in an HTML page (chromium), country first
def k_country(path, ps, rng):
    import raster
    trs = "".join(f"<tr><td>{E(rng.choice(C.VARIANT[p['country']]))}</td><td><b>{E(p['name'])}</b>"
                  + "".join(f"<br><i>aka</i> {E(a)}" for a in p["aliases"]) +
                  f"</td><td>{E(C.addr(p))}</td><td>{' '.join(p['hs'])}</td></tr>" for p in ps)
    html = f"""<html><head><style>body{{font-family:'Liberation Sans';font-size:10pt}}
    table{{border-collapse:collapse;width:100%;font-size:8pt}} td,th{{border:1px solid #555;padding:2px 4px;vertical-align:top}}
    th{{background:#333;color:#fff}}</style></head><body>
    <p><b>BUREAU OF INDUSTRY AND SECURITY &middot; OFFICE OF EXPORT ENFORCEMENT</b><br>Boston Field Office, 10 Causeway St., Boston, MA 02222</p>
    <p>September 9, 2025 &nbsp; Case: EE-BOS-25-0606</p><p>Harbor Photonics Corp.<br>77 Mystic Ave, Medford, MA 02155</p>
    <p>{E(BODY)}</p><table><tr><th>Jurisdiction</th><th>Party</th><th>Address</th><th>HS codes observed</th></tr>{trs}</table>
    <p>Regards,<br>Linda Cho, Special Agent</p></body></html>"""
    raster.html_pdf(html, path)
    C.truth(path, [C.tp(p) for p in ps])


def docx_pdf(doc, path):
    d = tempfile.mkdtemp(); src = os.path.join(d, os.path.basename(path)[:-4] + ".docx"); doc.save(src)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", d, src], check=True, capture_output=True)
    shutil.move(src[:-5] + ".pdf", path); shutil.rmtree(d)


def docx_head(title):
    from docx import Document
    from docx.shared import Pt
    doc = Document(); st = doc.styles["Normal"]; st.font.name = "Liberation Serif"; st.font.size = Pt(10.5)
    doc.add_paragraph("UNITED STATES DEPARTMENT OF COMMERCE\nBureau of Industry and Security\nWashington, D.C. 20230")
    doc.add_paragraph("November 3, 2025\nRef: BIS/OEE/25-K-77\n\nCascade Avionics Supply Co.\n1850 Airport Way S, Seattle, WA 98134")
    doc.add_paragraph(title)
    return doc


# 8. prose list with (a), (b) items
def k_prose(path, ps):
    doc = docx_head("Re: Project Guardian request")
    items = []
    for i, p in enumerate(ps):
        lab = "abcdefghijklmnopqrstuvwxyz"[i] if i < 26 else "a" + "abcdefghijklmnopqrstuvwxyz"[i - 26]
        s = p["name"] + (" (also known as " + " and ".join(p["aliases"]) + ")" if p["aliases"] else "")
        items.append(f"({lab}) {s}, located at {C.addr(p)}, {C.PLAIN[p['country']]}")
    doc.add_paragraph("BIS asks that you notify the Office of Export Enforcement of any inquiry or order from the "
                      "following parties: " + "; ".join(items) + ". Do not ship to these parties before consulting "
                      "your field office.")
    doc.add_paragraph("Sincerely,\n\nRobert Nguyen\nDirector, Office of Enforcement Analysis")
    docx_pdf(doc, path)
    C.truth(path, [C.tp(p, hs=False) for p in ps])


# 10. two annexes linked by number (docx)
def k_annex(path, ps, rng):
    doc = docx_head("Re: Red flag letter - annexes enclosed")
    doc.add_paragraph("The parties in Annex I received the items listed in Annex II (matched by the entry number).")
    doc.add_paragraph("ANNEX I - TRANSACTION PARTIES")
    t = doc.add_table(rows=1, cols=4); t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ("Entry", "Country", "Party name and aliases", "Address")): c.text = h
    for i, p in enumerate(ps, 1):
        r = t.add_row().cells
        r[0].text = str(i); r[1].text = C.PLAIN[p["country"]]
        r[2].text = p["name"] + "".join(f"\nformerly/also: {a}" for a in p["aliases"]); r[3].text = C.addr(p)
    doc.add_paragraph(""); doc.add_paragraph("ANNEX II - ITEMS")
    t2 = doc.add_table(rows=1, cols=3); t2.style = "Table Grid"
    for c, h in zip(t2.rows[0].cells, ("HS-6", "Entry numbers", "Shipments seen")): c.text = h
    byhs = {}
    for i, p in enumerate(ps, 1):
        for h in p["hs"]: byhs.setdefault(h, []).append(i)
    for h in sorted(byhs):
        r = t2.add_row().cells
        r[0].text = h; r[1].text = ", ".join(map(str, byhs[h])); r[2].text = str(rng.randint(1, 40))
    doc.add_paragraph("Sincerely,\n\nRobert Nguyen\nDirector, Office of Enforcement Analysis")
    docx_pdf(doc, path)
    C.truth(path, [C.tp(p) for p in ps])


# plain source for scans
def k_plain(path, ps, ref):
    pdf = Letter(); cover(pdf, ref, "Parties of diversion concern", BODY)
    rows = [[str(i), p["name"] + "".join(f"; {a}" for a in p["aliases"]), C.addr(p), C.PLAIN[p["country"]],
             ", ".join(p["hs"])] for i, p in enumerate(ps, 1)]
    table(pdf, ["No", "Name; aliases", "Address", "Country", "HS"], rows, (8, 66, 68, 22, 24), size=8.5)
    sign(pdf); pdf.output(path)
    return [C.tp(p) for p in ps]
