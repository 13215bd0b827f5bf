"""Family J generator: 12 born-digital BIS letters + 4 scans, with truth files.
Run from the repo root: /work/main/.venv/bin/python scripts/families/j/gen.py"""
import html as H, os, random, shutil, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C
from common import truth, write_truth

OUT = os.path.join(C.ROOT, "tests/fixtures/families/j")
TMP = tempfile.mkdtemp(prefix="famJ-")
R = random.Random(C.SEED + 7)
DR = C.Drawer()
e = H.escape


def cp(p):
    return C.COUNTRY_PRINT[p["country"]]


def hs_dot(codes, sep=", "):
    return sep.join(codes)


def hs_10(c):
    return c + "." + "%04d" % R.randint(0, 9999)


# ------------------------------------------------------------ HTML letter shell
CSS_BASE = """
@page { size: %(size)s; margin: %(margin)s; }
body { font-family: %(font)s; font-size: %(fs)s; color:#111; }
.lh { text-align:center; border-bottom: 2px solid #1d2f5c; padding-bottom:6px; margin-bottom:14px; }
.lh .d { font-size: 15pt; font-weight: bold; letter-spacing: 1px; color:#1d2f5c; }
.lh .b { font-size: 11pt; } .lh .o { font-size: 8.5pt; color:#333; }
.meta td { padding: 0 12px 0 0; vertical-align: top; }
p { text-align: justify; margin: 6px 0; }
.sig { margin-top: 22px; } .pb { page-break-before: always; }
"""


def html_letter(m, annex_html, size="Letter", margin="0.8in 0.85in", font="'Times New Roman', 'Liberation Serif', serif",
                fs="11pt", extra_css="", enclosure="Annex 1 - Listed Parties", body_extra=""):
    exp = m["exporter"]
    name, sig = m["signer"]
    body = "".join(f"<p>{e(t)}</p>" for t in m["body"][:2]) + body_extra + f"<p>{e(m['body'][2])}</p>"
    head = f"""<div class='lh'><div class='d'>UNITED STATES DEPARTMENT OF COMMERCE</div>
<div class='b'>Bureau of Industry and Security</div><div class='o'>{e(m['office'])}</div></div>
<table class='meta'><tr><td>{e(m['date'])}</td></tr><tr><td>Reference: {e(m['ref'])}</td></tr></table><br>
<div>{e(exp[0])}<br>{'<br>'.join(e(x) for x in exp[1])}</div><br>
<div><b>Re: {e(m['subject'])}</b></div><br><div>Dear Sir or Madam:</div>
{body}
<div class='sig'>Sincerely,<br><br><br>{e(name)}<br>{e(sig)}<br>Office of Export Enforcement</div>
<p style='margin-top:14px;font-size:9pt'>Enclosure: {e(enclosure)}</p>"""
    css = CSS_BASE % dict(size=size, margin=margin, font=font, fs=fs) + extra_css
    return f"<!doctype html><html><head><meta charset='utf-8'><style>{css}</style></head><body>{head}{annex_html}</body></html>"


def annex_head(m, title):
    return f"<div class='pb'></div><div style='font-size:9pt'>{e(m['ref'])} &mdash; {e(m['date'])}</div><h3 style='text-align:center'>{e(title)}</h3>"


# ------------------------------------------------------------ J01 / scan: SDN text style, one column
def sdn_entry(p, hsform):
    al = "".join(f"; a.k.a. {e(a)}" for a in p["aliases"][1:])
    alias = f" (a.k.a. {e(p['aliases'][0])}{al})" if p["aliases"] else ""
    addr = ", ".join(e(x) for x in p["addr"])
    hs = ""
    if p["hs"]:
        hs = "; CHPL Items " + "; ".join(f"HS {hsform(c)}" for c in p["hs"])
    return f"{e(p['name'])}{alias}, {addr}, {e(cp(p))}{hs}; Identified By Office of Export Enforcement [RUSSIA-DIVERSION]."


def j_sdn(stem, n, kind="supplier"):
    ps = DR.draw(n, ru_share=0.5)
    m = C.letter_meta(R, kind)
    items = "".join(f"<p class='sdn'>{sdn_entry(p, lambda c: c)}</p>" for p in ps)
    annex = annex_head(m, "ANNEX - PARTIES OF DIVERSION CONCERN") + \
        "<p style='font-size:9pt'>Entries below follow the format of the Specially Designated Nationals List. Entities are listed alphabetically.</p>" + items
    ps.sort(key=lambda p: p["name"])
    items = "".join(f"<p class='sdn'>{sdn_entry(p, lambda c: c)}</p>" for p in ps)
    annex = annex_head(m, "ANNEX - PARTIES OF DIVERSION CONCERN") + \
        "<p style='font-size:9pt'>Entries below follow the format of the Specially Designated Nationals List. Entities are listed alphabetically.</p>" + items
    css = ".sdn { padding-left: 0.4in; text-indent: -0.4in; font-size: 10pt; margin: 0 0 7px 0; text-align:left; }"
    C.chromium_pdf(html_letter(m, annex, extra_css=css), f"{TMP}/{stem}.pdf")
    return [truth(p) for p in ps]


# ------------------------------------------------------------ J02: SDN text in two columns (reportlab)
def j_sdn2col(stem, n):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, NextPageTemplate, PageBreak
    ps = sorted(DR.draw(n, ru_share=0.5), key=lambda p: p["name"])
    m = C.letter_meta(R, "informed")
    W, Hh = A4
    st = ParagraphStyle("b", fontName="Times-Roman", fontSize=10.5, leading=13.5, alignment=4)
    hd = ParagraphStyle("h", fontName="Times-Bold", fontSize=12, leading=15, alignment=1)
    ent = ParagraphStyle("e", fontName="Times-Roman", fontSize=8.5, leading=10.2, leftIndent=12, firstLineIndent=-12, spaceAfter=4)
    doc = BaseDocTemplate(f"{TMP}/{stem}.pdf", pagesize=A4)
    one = Frame(22 * mm, 20 * mm, W - 44 * mm, Hh - 40 * mm, id="one")
    gap = 8 * mm
    cw = (W - 44 * mm - gap) / 2
    two = [Frame(22 * mm, 20 * mm, cw, Hh - 48 * mm, id="c1"), Frame(22 * mm + cw + gap, 20 * mm, cw, Hh - 48 * mm, id="c2")]

    def deco(c, d):
        c.setFont("Helvetica-Bold", 9)
        c.drawString(22 * mm, Hh - 14 * mm, "U.S. DEPARTMENT OF COMMERCE - BUREAU OF INDUSTRY AND SECURITY")
        c.setFont("Helvetica", 8)
        c.drawRightString(W - 22 * mm, Hh - 14 * mm, f"{m['ref']}   Page {d.page}")
        c.line(22 * mm, Hh - 16 * mm, W - 22 * mm, Hh - 16 * mm)

    def deco2(c, d):
        deco(c, d)
        c.setFont("Helvetica-Bold", 9)
        c.drawCentredString(W / 2, Hh - 24 * mm, "ATTACHMENT A - PARTIES SUBJECT TO THE LICENSE REQUIREMENT")
        c.line(W / 2, 20 * mm, W / 2, Hh - 28 * mm)
    doc.addPageTemplates([PageTemplate("cover", [one], onPage=deco), PageTemplate("list", two, onPage=deco2)])
    exp = m["exporter"]
    story = [Spacer(1, 8 * mm), Paragraph("UNITED STATES DEPARTMENT OF COMMERCE<br/>Bureau of Industry and Security<br/>Washington, D.C. 20230", hd),
             Spacer(1, 8 * mm), Paragraph(m["date"], st), Paragraph(f"Our reference: {m['ref']}", st), Spacer(1, 5 * mm),
             Paragraph("<br/>".join(e(x) for x in [exp[0]] + exp[1]), st), Spacer(1, 5 * mm),
             Paragraph(f"<b>SUBJECT: {e(m['subject'])}</b>", st), Spacer(1, 3 * mm), Paragraph("Dear Sir or Madam:", st)]
    for t in m["body"]:
        story += [Spacer(1, 2 * mm), Paragraph(e(t), st)]
    story += [Spacer(1, 2 * mm), Paragraph("The parties concerned are listed in Attachment A in the format used by the Department of the Treasury for the SDN List.", st),
              Spacer(1, 8 * mm), Paragraph(f"{e(m['signer'][0])}<br/>{e(m['signer'][1])}<br/>Office of Export Enforcement", st),
              NextPageTemplate("list"), PageBreak()]
    for p in ps:
        al = "".join(f"; a.k.a. {e(a)}" for a in p["aliases"][1:])
        alias = f" (a.k.a. {e(p['aliases'][0])}{al})" if p["aliases"] else ""
        hs = (" Harmonized System Codes " + ", ".join(c.replace(".", "") for c in p["hs"]) + ";") if p["hs"] else ""
        story.append(Paragraph(f"{e(p['name'])}{alias}, {', '.join(e(x) for x in p['addr'])}, {e(cp(p))};{hs} Additional License Requirement 15 CFR 744.21(b) [RU-INFORMED].", ent))
    doc.build(story)
    return [truth(p) for p in ps]


# ------------------------------------------------------------ J03: plain numbered supplier list (fpdf2, Courier)
def j_numbered(stem, n):
    from fpdf import FPDF
    ps = DR.draw(n, ru_share=0.5)
    m = C.letter_meta(R, "supplier")
    pdf = FPDF(format="Letter", unit="pt")
    pdf.set_auto_page_break(True, 54)
    pdf.set_margins(72, 60, 72)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 16, "U.S. Department of Commerce", new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 13, "Bureau of Industry and Security | Export Enforcement", new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.cell(0, 13, m["office"], new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.ln(18)
    pdf.set_font("Times", "", 11)
    for line in [m["date"], f"Ref.: {m['ref']}", "", m["exporter"][0], *m["exporter"][1], "", f"Subject: {m['subject']}", "", "To Whom It May Concern:"]:
        pdf.cell(0, 14, line, new_x="LMARGIN", new_y="NEXT")
    for t in m["body"]:
        pdf.ln(4)
        pdf.multi_cell(0, 14, t, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(14)
    for line in ["Respectfully,", "", "", m["signer"][0], m["signer"][1]]:
        pdf.cell(0, 14, line, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("Courier", "B", 10)
    pdf.cell(0, 14, "SUPPLIER LIST - PARTIES OF DIVERSION CONCERN", new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.set_font("Courier", "", 9)
    pdf.cell(0, 12, f"Attachment to letter {m['ref']} of {m['date']}", new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.ln(12)
    for i, p in enumerate(ps, 1):
        if pdf.get_y() > 640:
            pdf.add_page()
        pdf.set_font("Courier", "B", 9)
        pdf.cell(36, 12, f"{i:>3}.")
        pdf.multi_cell(0, 12, p["name"], new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Courier", "", 9)
        lines = list(p["addr"]) + [cp(p).upper()]
        if p["aliases"]:
            lines.append("Also known as: " + "; ".join(p["aliases"]))
        if p["hs"]:
            lines.append("HS: " + ", ".join(p["hs"]))
        for ln in lines:
            pdf.set_x(72 + 58)
            pdf.multi_cell(0, 11, ln, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(7)
    pdf.output(f"{TMP}/{stem}.pdf")
    return [truth(p) for p in ps]


# ------------------------------------------------------------ J04 / scan: zebra table, no rules, mixed vertical alignment
def j_zebra(stem, n):
    ps = DR.draw(n, ru_share=0.5)
    m = C.letter_meta(R, "redflag")
    rows = []
    for i, p in enumerate(ps, 1):
        rows.append(f"<tr><td class='t'>{i}</td><td class='t'><b>{e(p['name'])}</b></td>"
                    f"<td class='b'>{'<br>'.join(e(a) for a in p['aliases'])}</td>"
                    f"<td class='b'>{'<br>'.join(e(x) for x in p['addr'])}</td><td class='b'>{e(cp(p))}</td>"
                    f"<td class='b'>{'<br>'.join(e(c) for c in p['hs'])}</td><td class='b' style='text-align:right'>{R.randint(2, 60)}</td></tr>")
    table = ("<table class='z'><thead><tr><th>#</th><th>Customer</th><th>Other names</th><th>Address</th><th>Country</th>"
             "<th>HS codes observed</th><th>Shipments</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    css = """.z { border-collapse: collapse; width:100%; font-family: Arial, 'Liberation Sans', sans-serif; font-size: 8.5pt; }
.z th { text-align:left; color:#555; font-weight:bold; padding:4px 5px; }
.z td { padding: 5px 5px; } .z td.t { vertical-align: top; } .z td.b { vertical-align: bottom; }
.z tbody tr:nth-child(odd) { background: #ececec; } .z tr { page-break-inside: avoid; }"""
    annex = annex_head(m, "Customers Identified in Russia-Bound Re-export Data") + table
    C.chromium_pdf(html_letter(m, annex, extra_css=css, enclosure="Customer table"), f"{TMP}/{stem}.pdf")
    return [truth(p) for p in ps]


# ------------------------------------------------------------ J05 / scan: landscape, 11 columns, tiny font (reportlab)
def j_landscape(stem, n):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import letter, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import inch
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, PageBreak
    ps = DR.draw(n, ru_share=0.5)
    m = C.letter_meta(R, "guardian")
    c7 = ParagraphStyle("c", fontName="Helvetica", fontSize=6.5, leading=7.8)
    c7b = ParagraphStyle("cb", parent=c7, fontName="Helvetica-Bold")
    st = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13)
    doc = SimpleDocTemplate(f"{TMP}/{stem}.pdf", pagesize=landscape(letter), leftMargin=0.5 * inch, rightMargin=0.5 * inch,
                            topMargin=0.6 * inch, bottomMargin=0.5 * inch)
    exp = m["exporter"]
    story = [Paragraph("<b>U.S. DEPARTMENT OF COMMERCE | BUREAU OF INDUSTRY AND SECURITY | OFFICE OF EXPORT ENFORCEMENT</b>", st),
             Paragraph(e(m["office"]), st), Spacer(1, 10), Paragraph(f"{m['date']}<br/>Case reference {m['ref']}", st), Spacer(1, 8),
             Paragraph("<br/>".join(e(x) for x in [exp[0]] + exp[1]), st), Spacer(1, 8), Paragraph(f"<b>{e(m['subject'])}</b>", st)]
    for t in m["body"]:
        story += [Spacer(1, 5), Paragraph(e(t), st)]
    story += [Spacer(1, 12), Paragraph(f"{e(m['signer'][0])}, {e(m['signer'][1])}", st), PageBreak(),
              Paragraph("<b>Table 1. Parties and items of interest (Project Guardian)</b>", st), Spacer(1, 6)]
    hdr = ["No.", "Entity", "Alias(es)", "Street", "City / Postal", "Country", "ECCN", "Part No.", "HTS", "First seen", "Last seen"]
    data = [[Paragraph(f"<b>{h}</b>", c7) for h in hdr]]
    tr = []
    for i, p in enumerate(ps, 1):
        street = p["addr"][0] if len(p["addr"]) > 1 else ""
        city = p["addr"][-1]
        hts = [hs_10(c) for c in p["hs"]]
        eccn = R.choice(["3A001.a.2", "5A992.c", "3A991.p", "EAR99", "7A994", "4A994.b", "5A002.a"])
        part = "<br/>".join(R.choice(["XC7Z020-1CLG400C", "ADS1256IDBR", "STM32F407VGT6", "LTC2630", "AD9361BBCZ", "TPS7A4700RGWR", "MAX3232ECDR"]) for _ in p["hs"][:2]) or "-"
        data.append([Paragraph(str(i), c7), Paragraph(e(p["name"]), c7b), Paragraph("; ".join(e(a) for a in p["aliases"]) or "-", c7),
                     Paragraph(e(street), c7), Paragraph(e(city), c7), Paragraph(e(cp(p)), c7), Paragraph(eccn, c7), Paragraph(part, c7),
                     Paragraph("<br/>".join(hts) or "-", c7), Paragraph(f"{R.randint(1, 12):02d}/2024", c7), Paragraph(f"{R.randint(1, 9):02d}/2026", c7)])
        tr.append(truth(p, address=", ".join(p["addr"])))
    t = Table(data, colWidths=[0.3, 1.55, 1.45, 1.5, 0.95, 0.65, 0.55, 0.95, 0.8, 0.5, 0.5], repeatRows=1)
    t._argW = [w * inch for w in t._argW]
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde3ee")),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(t)
    doc.build(story)
    return tr


# ------------------------------------------------------------ J06: "Party N" in prose + legend table (docx -> LibreOffice)
def j_prose_legend(stem, n):
    from docx import Document
    from docx.shared import Pt
    ps = DR.draw(n, ru_share=0.5)
    for p in ps:
        if not p["hs"]:
            p["hs"] = C.hs_draw(R, 2)
    m = C.letter_meta(R, "redflag")
    d = Document()
    s = d.styles["Normal"]; s.font.name = "Liberation Serif"; s.font.size = Pt(11)
    h = d.add_paragraph(); h.alignment = 1
    r = h.add_run("UNITED STATES DEPARTMENT OF COMMERCE\nBureau of Industry and Security\n"); r.bold = True
    h.add_run(m["office"]).font.size = Pt(9)
    d.add_paragraph(f"{m['date']}\nReference: {m['ref']}")
    d.add_paragraph("\n".join([m["exporter"][0]] + m["exporter"][1]))
    d.add_paragraph().add_run(f"Re: {m['subject']}").bold = True
    d.add_paragraph("Dear Compliance Officer:")
    d.add_paragraph(m["body"][0])
    d.add_paragraph("For convenience, the parties are referred to below by number; their full particulars are given in the legend table at the end of this letter.")
    for i, p in enumerate(ps, 1):
        codes = [c for c in p["hs"]]
        if len(codes) == 1:
            cl = f"classified under HS subheading {codes[0]}"
        else:
            cl = "classified under HS subheadings " + ", ".join(codes[:-1]) + " and " + codes[-1]
        d.add_paragraph(f"Party {i} purchased items from your company between {R.choice(C.MONTHS)} 2024 and {R.choice(C.MONTHS)} 2025, {cl}. "
                        f"Customs records show that these items were subsequently consigned to end users in the Russian Federation.", style="List Bullet")
    d.add_paragraph(m["body"][1])
    d.add_paragraph(m["body"][2])
    d.add_paragraph(f"Sincerely,\n\n\n{m['signer'][0]}\n{m['signer'][1]}")
    d.add_paragraph().add_run("Legend of parties").bold = True
    t = d.add_table(rows=1, cols=5); t.style = "Table Grid"
    for c, txt in zip(t.rows[0].cells, ["Party", "Name", "Also known as", "Address", "Country"]):
        c.text = ""; c.paragraphs[0].add_run(txt).bold = True
    for i, p in enumerate(ps, 1):
        cells = t.add_row().cells
        cells[0].text = f"Party {i}"; cells[1].text = p["name"]; cells[2].text = "\n".join(p["aliases"])
        cells[3].text = "\n".join(p["addr"]); cells[4].text = cp(p)
    d.save(f"{TMP}/{stem}.docx")
    C.soffice_pdf(f"{TMP}/{stem}.docx", TMP)
    return [truth(p) for p in ps]


# ------------------------------------------------------------ J07: annex table as embedded image in a born-digital letter
def j_image_annex(stem, n):
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas
    ps = DR.draw(n, ru_share=0.5)
    m = C.letter_meta(R, "informed")
    rows = "".join(f"<tr><td>{i}</td><td>{e(p['name'])}</td><td>{'; '.join(e(a) for a in p['aliases'])}</td><td>{'<br>'.join(e(x) for x in p['addr'])}</td>"
                   f"<td>{e(cp(p))}</td><td>{' '.join(c.replace('.', '') for c in p['hs'])}</td></tr>" for i, p in enumerate(ps, 1))
    ann = f"""<!doctype html><html><head><meta charset='utf-8'><style>@page{{size:Letter;margin:0.7in}} body{{font-family:'Liberation Sans',Arial;font-size:9.5pt}}
table{{border-collapse:collapse;width:100%}} td,th{{border:1px solid #000;padding:4px;vertical-align:top}}</style></head><body>
<p style='text-align:right'>Appendix to {e(m['ref'])}</p><h3 style='text-align:center'>APPENDIX: PARTIES - LICENSE REQUIRED (15 CFR 744.21(b))</h3>
<table><tr><th>No</th><th>Name</th><th>Alias</th><th>Address</th><th>Country</th><th>HS-6</th></tr>{rows}</table></body></html>"""
    C.chromium_pdf(ann, f"{TMP}/{stem}_ann.pdf")
    pages = C.rasterise(f"{TMP}/{stem}_ann.pdf", 200)
    W, Hh = letter
    c = canvas.Canvas(f"{TMP}/{stem}.pdf", pagesize=letter)
    y = Hh - 60
    c.setFont("Times-Bold", 13); c.drawCentredString(W / 2, y, "UNITED STATES DEPARTMENT OF COMMERCE"); y -= 16
    c.setFont("Times-Roman", 11); c.drawCentredString(W / 2, y, "Bureau of Industry and Security"); y -= 13
    c.setFont("Times-Roman", 8.5); c.drawCentredString(W / 2, y, m["office"]); y -= 36
    c.setFont("Times-Roman", 11)
    from reportlab.lib.utils import simpleSplit
    for line in [m["date"], f"Reference: {m['ref']}", "", m["exporter"][0], *m["exporter"][1], "", f"RE: {m['subject']}", "", "Dear Sir or Madam:"]:
        c.drawString(72, y, line); y -= 14
    for t in m["body"] + ["The parties subject to this notification are identified in the appendix to this letter."]:
        y -= 5
        for line in simpleSplit(t, "Times-Roman", 11, W - 144):
            c.drawString(72, y, line); y -= 14
    y -= 20
    for line in ["Sincerely,", "", "", m["signer"][0], m["signer"][1]]:
        c.drawString(72, y, line); y -= 14
    c.showPage()
    for i, im in enumerate(pages):
        f = f"{TMP}/{stem}_{i}.jpg"
        im.save(f, "JPEG", quality=70)
        c.drawImage(f, 0, 0, W, Hh)
        c.showPage()
    c.save()
    return [truth(p) for p in ps]


# ------------------------------------------------------------ J08 / scan: multi-page table, "(continued)" headers, Russian addresses (reportlab canvas)
RUABBR = lambda p: any(t in " ".join(p["addr"]).lower() for t in ("ul.", " d.", "pom", "str.", "kom", "ofis", "etazh", "pr-kt", "per."))


def j_continued(stem, n, ru_share=0.8):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas
    ps = DR.draw(n, ru_share=ru_share, ru_pred=RUABBR)
    m = C.letter_meta(R, "supplier")
    W, Hh = A4
    c = canvas.Canvas(f"{TMP}/{stem}.pdf", pagesize=A4)
    L = 50
    y = Hh - 55
    c.setFont("Helvetica-Bold", 11); c.drawString(L, y, "UNITED STATES DEPARTMENT OF COMMERCE"); y -= 14
    c.setFont("Helvetica", 9.5); c.drawString(L, y, "Bureau of Industry and Security - Office of Export Enforcement"); y -= 12
    c.drawString(L, y, m["office"]); y -= 8
    c.setLineWidth(1.2); c.line(L, y, W - L, y); y -= 28
    c.setFont("Helvetica", 10)
    for line in [m["date"], f"Ref: {m['ref']}", "", m["exporter"][0], *m["exporter"][1], "", f"Subject: {m['subject']}", "", "Dear Sir or Madam:"]:
        c.drawString(L, y, line); y -= 13
    for t in m["body"] + ["The parties are listed in Table A, which continues over several pages."]:
        y -= 5
        for line in simpleSplit(t, "Helvetica", 10, W - 2 * L):
            c.drawString(L, y, line); y -= 13
    y -= 16
    for line in ["Sincerely,", "", m["signer"][0], m["signer"][1]]:
        c.drawString(L, y, line); y -= 13
    c.showPage()
    cols = [("Item", 28), ("Organisation", 135), ("Also known as", 105), ("Legal address", 150), ("Country", 50), ("HS", 47)]
    xs = [L]
    for _, w in cols:
        xs.append(xs[-1] + w)
    page = [1]
    fs, ld = 7.5, 9

    def header(cont):
        yy = Hh - 50
        c.setFont("Helvetica-Bold", 10)
        c.drawString(L, yy, "Table A. Parties of diversion concern" + (" (continued)" if cont else ""))
        c.setFont("Helvetica", 7); c.drawRightString(W - L, yy, f"{m['ref']} - Annex page {page[0]}")
        yy -= 10
        c.setFillGray(0.85); c.rect(L, yy - 13, xs[-1] - L, 13, fill=1, stroke=0); c.setFillGray(0)
        c.setFont("Helvetica-Bold", 7.5)
        for (h, _), x in zip(cols, xs):
            c.drawString(x + 2, yy - 9.5, h)
        c.setLineWidth(0.6); c.line(L, yy - 13, xs[-1], yy - 13)
        return yy - 13
    y = header(False)
    tr = []
    for i, p in enumerate(ps, 1):
        cells = [[str(i)], simpleSplit(p["name"], "Helvetica-Bold", fs, cols[1][1] - 4),
                 sum((simpleSplit(a, "Helvetica", fs, cols[2][1] - 4) for a in p["aliases"]), []),
                 sum((simpleSplit(a, "Helvetica", fs, cols[3][1] - 4) for a in p["addr"]), []), [cp(p)], list(p["hs"])]
        h = max(len(x) for x in cells) * ld + 6
        if y - h < 50:
            c.setFont("Helvetica-Oblique", 7); c.drawRightString(W - L, 38, "continued on next page")
            c.showPage(); page[0] += 1
            y = header(True)
        for k, (lines, x) in enumerate(zip(cells, xs)):
            c.setFont("Helvetica-Bold" if k == 1 else "Helvetica", fs)
            for j, ln in enumerate(lines):
                c.drawString(x + 2, y - 9 - j * ld, ln)
        y -= h
        c.setLineWidth(0.25); c.line(L, y, xs[-1], y)
        tr.append(truth(p))
    c.showPage(); c.save()
    return tr


# ------------------------------------------------------------ J09: footnote-marked names (Chromium)
NOTES = ["Identified in export data as consignee for shipments transiting Almaty.", "Shares a registered address with a party added to the Entity List.",
         "Shipments routed through a freight forwarder in Istanbul.", "Listed by the Department of the Treasury on the SDN List.",
         "Company registration could not be verified."]


def j_footnotes(stem, n):
    ps = DR.draw(n, ru_share=0.5)
    m = C.letter_meta(R, "guardian")
    rows, notes_used = [], []
    for i, p in enumerate(ps, 1):
        mark = ""
        if R.random() < 0.6:
            k = R.randrange(len(NOTES))
            if k not in notes_used:
                notes_used.append(k)
            mark = f"<sup>{notes_used.index(k) + 1}</sup>"
        rows.append(f"<tr><td>{e(p['name'])}{mark}</td><td>{'<br>'.join(e(a) for a in p['aliases'])}</td><td>{e(', '.join(p['addr']))}</td>"
                    f"<td>{e(p['country'])}</td><td>{', '.join(p['hs'])}</td></tr>")
    table = ("<table class='f'><tr><th>Entity name</th><th>Also trading as</th><th>Address</th><th>ISO</th><th>HS subheadings</th></tr>" + "".join(rows) + "</table>"
             "<div class='fn'>" + "".join(f"<div><sup>{j + 1}</sup> {e(NOTES[k])}</div>" for j, k in enumerate(notes_used)) + "</div>")
    css = """.f{border-collapse:collapse;width:100%;font-size:9pt;font-family:'Liberation Sans',Arial} .f th{border-bottom:1.5px solid #000;border-top:1.5px solid #000;text-align:left;padding:3px}
.f td{border-bottom:0.5px solid #999;padding:4px 3px;vertical-align:top} .fn{font-size:7.5pt;margin-top:8px;border-top:0.5px solid #000;width:40%;padding-top:3px}"""
    annex = annex_head(m, "Parties of Interest - Project Guardian") + table
    C.chromium_pdf(html_letter(m, annex, size="A4", extra_css=css, font="Georgia, 'DejaVu Serif', serif", fs="10.5pt"), f"{TMP}/{stem}.pdf")
    return [truth(p) for p in ps]


# ------------------------------------------------------------ J10: Entity | Particulars (one paragraph), docx -> LibreOffice
def j_particulars(stem, n):
    from docx import Document
    from docx.shared import Pt, Cm
    ps = DR.draw(n, ru_share=0.5)
    m = C.letter_meta(R, "guardian")
    d = Document()
    s = d.styles["Normal"]; s.font.name = "Liberation Sans"; s.font.size = Pt(10)
    h = d.add_paragraph(); r = h.add_run("U.S. Department of Commerce | Bureau of Industry and Security"); r.bold = True; r.font.size = Pt(13)
    d.add_paragraph(m["office"]).runs[0].font.size = Pt(8)
    d.add_paragraph(f"Date: {m['date']}\nFile No.: {m['ref']}")
    d.add_paragraph("\n".join([m["exporter"][0]] + m["exporter"][1]))
    d.add_paragraph().add_run(m["subject"]).bold = True
    for t in m["body"]:
        d.add_paragraph(t)
    d.add_paragraph(f"{m['signer'][0]}\n{m['signer'][1]}")
    d.add_page_break()
    d.add_paragraph().add_run("Schedule - Entities of concern").bold = True
    t = d.add_table(rows=1, cols=2); t.style = "Table Grid"
    t.rows[0].cells[0].text = "Entity"; t.rows[0].cells[1].text = "Particulars"
    for p in ps:
        cells = t.add_row().cells
        cells[0].text = ""; cells[0].paragraphs[0].add_run(p["name"]).bold = True
        parts = [f"Address: {', '.join(p['addr'])}"]
        if p["aliases"]:
            parts.append("Other names: " + "; ".join(p["aliases"]))
        parts.append(f"Jurisdiction: {cp(p)}")
        if p["hs"]:
            parts.append("Goods (HS): " + ", ".join(p["hs"]))
        cells[1].text = ". ".join(parts) + "."
    for row in t.rows:
        row.cells[0].width = Cm(5.5); row.cells[1].width = Cm(11)
    d.save(f"{TMP}/{stem}.docx")
    C.soffice_pdf(f"{TMP}/{stem}.docx", TMP)
    return [truth(p) for p in ps]


# ------------------------------------------------------------ J11: bilingual name cell (Latin + Cyrillic), Chromium
FORMS = [("OPEN JOINT STOCK COMPANY", "ОАО"), ("PUBLIC JOINT STOCK COMPANY", "ПАО"), ("CLOSED JOINT STOCK COMPANY", "ЗАО"), ("LIMITED LIABILITY COMPANY", "ООО"), ("JOINT STOCK COMPANY", "АО"), ("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU", "ООО"),
         ("AKTSIONERNOE OBSHCHESTVO", "АО"), ("LLC", "ООО"), ("OOO", "ООО"), ("AO", "АО"), ("JSC", "АО")]
TR = [("SHCH", "Щ"), ("KH", "Х"), ("ZH", "Ж"), ("TS", "Ц"), ("CH", "Ч"), ("SH", "Ш"), ("YU", "Ю"), ("YA", "Я"), ("YE", "Е")]
SINGLE = dict(zip("ABVGDEZIYKLMNOPRSTUFCHJWQX", "АБВГДЕЗИЙКЛМНОПРСТУФЦХЖВКС"))


def cyr(name):
    n = name.upper()
    pre = ""
    for lat, c in FORMS:
        if n.startswith(lat + " "):
            pre, n = c, n[len(lat) + 1:]; break
        if n.endswith(" " + lat):
            pre, n = c, n[:-len(lat) - 1]; break
    out, i = "", 0
    while i < len(n):
        for lat, c in TR:
            if n.startswith(lat, i):
                out += c; i += len(lat); break
        else:
            out += SINGLE.get(n[i], n[i]); i += 1
    core = out.strip().strip('"')
    return f"{pre} «{core}»" if pre else core


def has_form(p):
    n = p["name"].upper()
    return any(n.startswith(l + " ") or n.endswith(" " + l) for l, _ in FORMS) and not any(w in n for w in ("BAKERY", "FOOD", "FARM", "HOTEL"))


def j_bilingual(stem, n):
    ps = DR.draw(n, ru_share=1.0, ru_pred=has_form)
    m = C.letter_meta(R, "informed")
    rows = "".join(f"<tr><td>{i}</td><td><div>{e(p['name'])}</div><div class='cy'>{e(cyr(p['name']))}</div></td><td>{'<br>'.join(e(a) for a in p['aliases'])}</td>"
                   f"<td>{'<br>'.join(e(x) for x in p['addr'])}</td><td>{e(cp(p))}</td><td>{'<br>'.join(hs_10(c) for c in p['hs'])}</td></tr>" for i, p in enumerate(ps, 1))
    css = """.bl{border-collapse:collapse;width:100%;font-size:9pt;font-family:'DejaVu Sans',sans-serif} .bl td,.bl th{border:0.6px solid #444;padding:3px;vertical-align:top}
.bl th{background:#f0f0f0;font-size:8pt} .cy{color:#333;font-size:8.5pt;margin-top:2px}"""
    table = ("<table class='bl'><tr><th>№</th><th>Name / Наименование</th><th>Other names / Другие наименования</th><th>Address / Адрес</th><th>Country / Страна</th><th>HTS</th></tr>"
             + rows + "</table>")
    annex = annex_head(m, "Annex - Parties Subject to License Requirement / Приложение") + table
    C.chromium_pdf(html_letter(m, annex, extra_css=css), f"{TMP}/{stem}.pdf")
    return [truth(p, hs=p["hs"]) for p in ps]


# ------------------------------------------------------------ J12: one row per HS code, party cells spanned (rowspan), Chromium
DESC = {"8542": "Electronic integrated circuits", "8541": "Semiconductor devices", "8471": "Automatic data processing machines",
        "8517": "Telephone / data transmission apparatus", "8526": "Radar / radio navigation apparatus", "8525": "Transmission apparatus; cameras",
        "8529": "Parts for radio apparatus", "8532": "Capacitors", "8533": "Resistors", "8536": "Electrical switching apparatus",
        "8504": "Electrical transformers / converters", "8507": "Electric accumulators", "9013": "Optical devices; lasers", "9014": "Navigational instruments",
        "9030": "Instruments for measuring electrical quantities", "8803": "Parts of aircraft", "8473": "Parts of computers", "8486": "Semiconductor manufacturing machines"}


def j_rowspan(stem, n):
    ps = DR.draw(n, ru_share=0.5)
    for p in ps:
        if len(p["hs"]) < 2:
            p["hs"] = C.hs_draw(R, R.choice([2, 3]))
    m = C.letter_meta(R, "redflag")
    rows = []
    for i, p in enumerate(ps, 1):
        k = len(p["hs"])
        for j, c in enumerate(p["hs"]):
            left = ""
            if j == 0:
                left = (f"<td rowspan={k}>{i}</td><td rowspan={k}><b>{e(p['name'])}</b>" + (f"<br><i>aka {e('; '.join(p['aliases']))}</i>" if p["aliases"] else "") + "</td>"
                        f"<td rowspan={k}>{'<br>'.join(e(x) for x in p['addr'])}</td><td rowspan={k}>{e(cp(p))}</td>")
            rows.append(f"<tr>{left}<td>{c}</td><td>{e(DESC.get(c[:4], 'CHPL item'))}</td><td style='text-align:right'>{R.randint(1, 40)}</td></tr>")
    for p in ps:  # "aka A, B" in one cell: aliases joined with ", " -- only multi-word names with no comma are used
        pass
    css = """.rs{border-collapse:collapse;width:100%;font-size:8.8pt;font-family:'Liberation Sans',Arial} .rs td,.rs th{border:0.7px solid #222;padding:3px 4px;vertical-align:middle}
.rs th{background:#1d2f5c;color:#fff}"""
    table = ("<table class='rs'><tr><th>Ref</th><th>Customer</th><th>Address</th><th>Destination country</th><th>HS-6</th><th>Description</th><th>Entries</th></tr>" + "".join(rows) + "</table>")
    annex = annex_head(m, "Attachment - Customers and CHPL Items Re-exported to Russia") + table
    C.chromium_pdf(html_letter(m, annex, extra_css=css, size="A4"), f"{TMP}/{stem}.pdf")
    return [truth(p) for p in ps]


def no_comma_alias(p):
    return all("," not in a for a in p["akas"])


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    plan = [("j01", j_sdn, (10,)), ("j02", j_sdn2col, (14,)), ("j03", j_numbered, (12,)), ("j04", j_zebra, (7,)),
            ("j05", j_landscape, (14,)), ("j06", j_prose_legend, (5,)), ("j07", j_image_annex, (6,)), ("j08", j_continued, (18,)),
            ("j09", j_footnotes, (7,)), ("j10", j_particulars, (6,)), ("j11", j_bilingual, (6,)), ("j12", j_rowspan, (5,))]
    for stem, fn, args in plan:
        parties = fn(stem, *args)
        shutil.copy(f"{TMP}/{stem}.pdf", f"{OUT}/{stem}.pdf")
        write_truth(OUT, stem, parties)
        print(stem, len(parties))
    scans = [("j13", j_sdn, (8,), 200), ("j14", j_zebra, (6,), 200), ("j15", j_landscape, (8,), 250), ("j16", j_continued, (10, 0.6), 225)]
    for stem, fn, args, dpi in scans:
        parties = fn(stem, *args)
        C.scan(f"{TMP}/{stem}.pdf", f"{OUT}/{stem}.pdf", dpi, R)
        write_truth(OUT, stem, parties)
        print(stem, len(parties), "scan", dpi)
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
