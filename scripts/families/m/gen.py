"""Generate family M letters (measure only). Run: /work/main/.venv/bin/python gen.py"""
import json, os, subprocess, tempfile, io, random, email.message, email.utils, math
from xml.sax.saxutils import escape as esc
from pool import Pool, truth, ISO3

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.abspath(os.path.join(HERE, "../../../tests/fixtures/families/m"))
BORN, SCANS = os.path.join(OUT, "born"), os.path.join(OUT, "scans")
TMP = tempfile.mkdtemp(prefix="fam_m_")
P = Pool()
R = random.Random(7)
MIX = ["HK", "CN", "AE", "TR", "IN", "KG", "KZ", "AM", "SG", "MY", "TH", "RS", "CY", "UZ", "GE", "CH"]

from reportlab.lib.pagesizes import letter, A4, landscape, legal
from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle
from reportlab.lib import colors
from reportlab.lib.units import inch, mm
from reportlab.platypus import (SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, BaseDocTemplate,
                                Frame, PageTemplate, FrameBreak, KeepTogether)
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

pdfmetrics.registerFont(TTFont("WQY", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", subfontIndex=0))
pdfmetrics.registerFont(TTFont("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
pdfmetrics.registerFont(TTFont("DejaVuSerif-Bold", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"))
SS = getSampleStyleSheet()


def wtruth(folder, fname, parties, with_hs=True):
    with open(os.path.join(folder, os.path.splitext(fname)[0] + ".truth.json"), "w") as f:
        json.dump(truth(fname, parties, with_hs), f, indent=1, ensure_ascii=False)


def letterhead(style_font="Times-Roman", ref="", date="", to=""):
    st = ParagraphStyle("lh", fontName=style_font, fontSize=10.5, leading=13)
    stc = ParagraphStyle("lhc", parent=st, alignment=1)
    return [Paragraph("<b>UNITED STATES DEPARTMENT OF COMMERCE</b>", stc),
            Paragraph("Bureau of Industry and Security", stc),
            Paragraph("Office of Export Enforcement", stc),
            Paragraph("1401 Constitution Avenue, NW, Washington, D.C. 20230", stc), Spacer(1, 14),
            Paragraph(date, st), Spacer(1, 6), Paragraph(to, st), Spacer(1, 6),
            Paragraph("Reference: " + ref, st), Spacer(1, 10)]


def sign(st):
    return [Spacer(1, 14), Paragraph("Sincerely,", st), Spacer(1, 24),
            Paragraph("Special Agent in Charge<br/>Office of Export Enforcement, Boston Field Office", st)]


# ---------------------------------------------------------------- m01 is-informed, numbered paragraphs
def m01():
    ps = P.take(5, countries=MIX + ["RU"], alias=True, hs=(1, 3))
    fn = "m01_isinformed_paragraphs.pdf"
    st = ParagraphStyle("b", fontName="Times-Roman", fontSize=11, leading=14, spaceAfter=6)
    sub = ParagraphStyle("s", parent=st, leftIndent=36, firstLineIndent=-18, spaceAfter=1)
    sub2 = ParagraphStyle("s2", parent=st, leftIndent=54, spaceAfter=1)
    el = letterhead("Times-Roman", "OEE-IS-2025-0417", "March 14, 2025",
                    "Northbridge Instruments, Inc.<br/>Attn: Export Compliance Officer<br/>220 Mill Street<br/>Lowell, MA 01852")
    el += [Paragraph("<b>Re: \"Is Informed\" Notice Pursuant to 15 C.F.R. 744.21(b) and 744.6(c)</b>", st),
           Paragraph("Dear Export Compliance Officer:", st),
           Paragraph("This letter informs Northbridge Instruments, Inc. (\"Northbridge\") that a license is required "
                     "for the export, reexport, or transfer (in-country) of any item subject to the Export Administration "
                     "Regulations (EAR) identified below to the following parties, because there is an unacceptable risk "
                     "of diversion to Russia. The requirement applies to the parties at any address, and under any of the "
                     "names shown.", st),
           Paragraph("The parties are:", st)]
    for i, p in enumerate(ps, 1):
        blk = [Paragraph(f"<b>{i}.&nbsp;&nbsp;{esc(p['name'])}</b>", st),
               Paragraph("a.&nbsp;&nbsp;Address:", sub),
               Paragraph(esc(p["street"]), sub2), Paragraph(esc(p["city"]), sub2),
               Paragraph(esc(p["country_name"]), sub2)]
        for a in p["aliases"]:
            blk.append(Paragraph("b.&nbsp;&nbsp;a.k.a. " + esc(a), sub) if a == p["aliases"][0]
                       else Paragraph("a.k.a. " + esc(a), sub2))
        blk.append(Paragraph(("c." if p["aliases"] else "b.") + "&nbsp;&nbsp;Items of concern: HS " + ", ".join(p["hs"]), sub))
        blk.append(Spacer(1, 6))
        el.append(KeepTogether(blk))
    el += [Paragraph("Northbridge must not proceed with any transaction involving these parties without a license. "
                     "License applications will be reviewed under a policy of denial. Questions may be directed to the "
                     "Office of Exporter Services at (202) 482-4811.", st)]
    el += sign(st)
    SimpleDocTemplate(os.path.join(BORN, fn), pagesize=letter, leftMargin=72, rightMargin=72,
                      topMargin=60, bottomMargin=60).build(el)
    wtruth(BORN, fn, ps)


# ---------------------------------------------------------------- m02 Project Guardian, two columns
def m02():
    ps = P.take(8, countries=MIX, hs=(0, 2))
    fn = "m02_guardian_twocol.pdf"
    W, H = A4
    doc = BaseDocTemplate(os.path.join(BORN, fn), pagesize=A4, leftMargin=40, rightMargin=40, topMargin=40, bottomMargin=40)
    top = Frame(40, H - 300, W - 80, 260, id="top")
    cw = (W - 80 - 18) / 2
    c1 = Frame(40, 40, cw, H - 350, id="c1")
    c2 = Frame(40 + cw + 18, 40, cw, H - 350, id="c2")
    fc1 = Frame(40, 40, cw, H - 80, id="fc1")
    fc2 = Frame(40 + cw + 18, 40, cw, H - 80, id="fc2")

    def rule(canv, d):
        canv.setLineWidth(0.4)
        canv.line(W / 2, 50, W / 2, H - 310 if d.page == 1 else H - 50)
        canv.setFont("Helvetica", 7.5)
        canv.drawCentredString(W / 2, 22, f"PROJECT GUARDIAN - LAW ENFORCEMENT SENSITIVE - Page {d.page}")
    doc.addPageTemplates([PageTemplate("first", [top, c1, c2], onPage=rule, autoNextPageTemplate="rest"),
                          PageTemplate("rest", [fc1, fc2], onPage=rule)])
    st = ParagraphStyle("g", fontName="Helvetica", fontSize=9, leading=11.5, spaceAfter=4, alignment=4)
    nm = ParagraphStyle("n", parent=st, fontName="Helvetica-Bold", spaceBefore=6, alignment=0)
    ln = ParagraphStyle("l", parent=st, spaceAfter=0, alignment=0)
    el = letterhead("Helvetica", "PG-NY-2024-118", "12 November 2024",
                    "Kestrel Photonics LLC, 45 Harbor Drive, Stamford, CT 06902")
    el += [Paragraph("<b>Subject: Project Guardian - request for information on enquiries from the parties below</b>", st),
           Paragraph("The Office of Export Enforcement asks for your help. We believe the firms described in this notice are "
                     "seeking U.S.-origin items on the Common High Priority List for end users in Russia. If any of them "
                     "contacts you, please do not ship; note the enquiry and call your field office.", st),
           FrameBreak()]
    for i, p in enumerate(ps, 1):
        el.append(Paragraph(f"{i}) {esc(p['name'])}", nm))
        if p["aliases"]:
            el.append(Paragraph("Also known as: " + "; ".join(esc(a) for a in p["aliases"]), ln))
        el.append(Paragraph(esc(p["street"]), ln))
        el.append(Paragraph(esc(p["city"]) + ", " + esc(p["country_name"]), ln))
        if p["hs"]:
            el.append(Paragraph("CHPL items sought: " + ", ".join(p["hs"]), ln))
        el.append(Paragraph("Seen in customs data as consignee of re-exports to Russian end users in 2023-2024. "
                            "Contact by e-mail only; payment via third-country banks.", st))
    el += [Paragraph("If you receive an order or enquiry from any of these firms, please contact Special Agent "
                     "M. Alvarez, New York Field Office, at (212) 264-1300.", st)]
    doc.build(el)
    wtruth(BORN, fn, ps)


# ---------------------------------------------------------------- m03 supplier list printed from Excel
def m03():
    import openpyxl
    from openpyxl.styles import Alignment, Font
    ps = P.take(72, countries=MIX, hs=(0, 3))
    fn = "m03_supplier_excel.pdf"
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Attachment A"
    ws.append(["Attachment A - Parties of Diversion Concern (supplier list)", None, None, None, None, None])
    ws.append(["No.", "Party Name", "Alternate Name(s)", "Address", "Country", "HS Codes (CHPL)"])
    for i, p in enumerate(ps, 1):
        ws.append([i, p["name"], "; ".join(p["aliases"]), p["street"] + ", " + p["city"], p["country_name"],
                   ", ".join(p["hs"])])
    for col, w in zip("ABCDEF", [5, 30, 26, 40, 13, 14]):
        ws.column_dimensions[col].width = w
    for row in ws.iter_rows(min_row=2):
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="top")
            c.font = Font(name="Calibri", size=9, bold=(c.row == 2))
    import math as _m
    for r in range(3, ws.max_row + 1):
        lines = 1
        for col, w in zip("BCDF", [30, 26, 40, 14]):
            v = str(ws[f"{col}{r}"].value or "")
            lines = max(lines, _m.ceil(len(v) * 1.05 / (w - 1)) if v else 1)
        ws.row_dimensions[r].height = 12.5 * lines + 1
    ws.print_options.gridLines = True
    ws.print_options.headings = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_LETTER
    ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "2:2"
    ws.oddFooter.center.text = "Page &P of &N"
    x = os.path.join(TMP, "m03.xlsx"); wb.save(x)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", TMP, x], check=True, capture_output=True)
    os.replace(os.path.join(TMP, "m03.pdf"), os.path.join(BORN, fn))
    wtruth(BORN, fn, ps)


# ---------------------------------------------------------------- m04 Word table with merged country cells + footnote
def m04():
    import docx
    from docx.shared import Pt, RGBColor
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    groups = [P.take(3, countries=["HK"], hs=(1, 2)), P.take(2, countries=["TR"], hs=(1, 2)),
              P.take(3, countries=["AE"], hs=(0, 2))]
    ps = [p for g in groups for p in g]
    # footnote aliases: add one extra (real) alias only known from the footnote for parties w/o aliases? keep printed
    fn = "m04_word_merged.pdf"
    d = docx.Document()
    s = d.styles["Normal"]; s.font.name = "Cambria"; s.font.size = Pt(10)
    for t in ["U.S. Department of Commerce - Bureau of Industry and Security", "Office of Export Enforcement",
              "", "June 3, 2024", "Halvorsen Test Systems Corp.", "Attn: Trade Compliance", "",
              "Subject: Red flag notification - customers of diversion concern",
              "", "Our review of export and import data shows that items your company exported to the customers listed "
              "in the table below were later shipped to Russia. BIS considers these transactions to present red flags "
              "that you must resolve before further exports to these customers."]:
        d.add_paragraph(t)
    tb = d.add_table(rows=1, cols=4); tb.style = "Table Grid"
    hdr = ["Country", "Customer", "Address", "HS codes seen"]
    def shade(cell, fill):
        tcPr = cell._tc.get_or_add_tcPr(); sh = OxmlElement("w:shd")
        sh.set(qn("w:val"), "clear"); sh.set(qn("w:color"), "auto"); sh.set(qn("w:fill"), fill); tcPr.append(sh)
    for c, h in zip(tb.rows[0].cells, hdr):
        c.text = ""; r = c.paragraphs[0].add_run(h); r.bold = True; shade(c, "1F3864")
        r.font.color.rgb = RGBColor(255, 255, 255)
    notes = []
    for g in groups:
        first = None
        for j, p in enumerate(g):
            row = tb.add_row().cells
            if first is None:
                first = row[0]; first.text = p["country_name"].upper(); shade(first, "D9E2F3")
            else:
                first = first.merge(row[0])
            para = row[1].paragraphs[0]; para.add_run(p["name"]).bold = True
            if p["aliases"]:
                if len(p["aliases"]) >= 2:
                    para.add_run(" (a.k.a. " + p["aliases"][0] + ")")
                    notes.append((p, p["aliases"][1:]))
                    sup = para.add_run(str(len(notes))); sup.font.superscript = True
                else:
                    notes.append((p, p["aliases"]))
                    sup = para.add_run(str(len(notes))); sup.font.superscript = True
            row[2].text = p["street"] + "\n" + p["city"]
            row[3].text = "\n".join(p["hs"])
            if j % 2:
                for c in row[1:]:
                    shade(c, "F2F2F2")
    from docx.shared import Inches
    tb.autofit = False
    for row in tb.rows:
        for c, w in zip(row.cells, [1.1, 2.3, 2.4, 0.9]):
            c.width = Inches(w)
    d.add_paragraph("")
    d.add_paragraph("Please respond within 30 days describing the steps you have taken.")
    d.add_paragraph("Office of Export Enforcement, Chicago Field Office")
    d.add_paragraph("_" * 30)
    for k, (p, al) in enumerate(notes, 1):
        q = d.add_paragraph(); r = q.add_run(str(k)); r.font.superscript = True; r.font.size = Pt(8)
        r = q.add_run(" Also known as: " + "; ".join(al) + "."); r.font.size = Pt(8)
    x = os.path.join(TMP, "m04.docx"); d.save(x)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", TMP, x], check=True, capture_output=True)
    os.replace(os.path.join(TMP, "m04.pdf"), os.path.join(BORN, fn))
    wtruth(BORN, fn, ps)


# ---------------------------------------------------------------- m05 table whose rows split across page breaks (fpdf2)
def m05():
    from fpdf import FPDF
    ps = P.take(11, countries=MIX, alias=None, hs=(1, 3))
    fn = "m05_rows_split_pages.pdf"
    pdf = FPDF(format="Letter", unit="pt"); pdf.set_auto_page_break(False)
    pdf.add_font("DV", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_font("DV", "B", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    W, H = 612, 792; L, RM, B = 54, 54, 60
    cols = [("Entry", 32), ("Name and aliases", 170), ("Address", 194), ("Country", 62), ("HS-6", 46)]
    fs, lh = 8.5, 11

    def wrap(t, w):
        pdf.set_font("DV", "", fs); out = []
        for para in t.split("\n"):
            cur = ""
            for wd in para.split(" "):
                tr = (cur + " " + wd).strip()
                if pdf.get_string_width(tr) <= w - 6 or not cur: cur = tr
                else: out.append(cur); cur = wd
            out.append(cur)
        return out

    def header(y):
        pdf.set_font("DV", "B", fs); x = L
        for h, w in cols:
            pdf.set_fill_color(220, 220, 220); pdf.rect(x, y, w, 16, "DF"); pdf.text(x + 3, y + 11, h); x += w
        return y + 16

    pdf.add_page(); pdf.set_font("DV", "B", 11)
    pdf.text(L, 60, "BUREAU OF INDUSTRY AND SECURITY - OFFICE OF EXPORT ENFORCEMENT")
    pdf.set_font("DV", "", 9.5)
    intro = ["September 9, 2024                                              Ref. OEE/SL/24-2290",
             "To: Ostrander Microwave Components, Inc., Export Compliance",
             "",
             "BIS has identified the following foreign parties as presenting a risk of diversion of",
             "Common High Priority List items to Russia. We ask you to review any transaction with",
             "them and to consider voluntarily suspending shipments. The list continues overleaf."]
    y = 84
    for t in intro: pdf.text(L, y, t); y += 13
    y += 200  # push table down so that rows split across page 1/2 (and 2/3)
    y = header(y)
    for i, p in enumerate(ps, 1):
        cells = [[str(i)], wrap(p["name"] + "".join("\na.k.a. " + a for a in p["aliases"]), cols[1][1]),
                 wrap(p["street"] + "\n" + p["city"], cols[2][1]), wrap(p["country_name"], cols[3][1]),
                 wrap("\n".join(p["hs"]), cols[4][1])]
        n = max(len(c) for c in cells)
        k = 0
        while k < n:
            room = int((H - B - y - 4) // lh)
            if room <= 0:
                pdf.set_font("DV", "", 7); pdf.text(W / 2 - 20, H - 30, f"Page {pdf.page_no()}")
                pdf.add_page(); y = header(50); continue
            m = min(room, n - k)
            hgt = m * lh + 4; x = L; pdf.set_font("DV", "", fs)
            for c, (h, w) in zip(cells, cols):
                pdf.rect(x, y, w, hgt)
                for j, t in enumerate(c[k:k + m]): pdf.text(x + 3, y + 10 + j * lh, t)
                x += w
            y += hgt; k += m
    y += 20
    if y > H - B - 60:
        pdf.add_page(); y = 60
    pdf.set_font("DV", "", 9.5)
    for t in ["For questions contact the Office of Export Enforcement, (202) 482-1208.", "", "Director, Office of Export Enforcement"]:
        pdf.text(L, y, t); y += 13
    pdf.set_font("DV", "", 7); pdf.text(W / 2 - 20, H - 30, f"Page {pdf.page_no()}")
    pdf.output(os.path.join(BORN, fn))
    wtruth(BORN, fn, ps)


# ---------------------------------------------------------------- m06 red flag prose only (fpdf2, Times)
def m06():
    from fpdf import FPDF
    a, b, c = P.take(1, countries=["HK", "CN"], alias=True, hs=(2, 2)) + \
        P.take(1, countries=["TR", "AE"], alias=True, hs=(1, 1)) + P.take(1, countries=["KG", "KZ", "AM", "IN", "UZ"], alias=False, hs=(2, 3))
    ps = [a, b, c]
    fn = "m06_redflag_prose.pdf"
    pdf = FPDF(format="Letter"); pdf.add_page(); pdf.set_margins(25, 20, 25)
    pdf.set_font("Times", "B", 12); pdf.cell(0, 6, "U.S. DEPARTMENT OF COMMERCE", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 11); pdf.cell(0, 6, "Bureau of Industry and Security - Export Enforcement", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    def P_(t): pdf.multi_cell(0, 5.6, t, new_x="LMARGIN", new_y="NEXT"); pdf.ln(2.5)
    P_("April 22, 2024\n\nMs. Dana Whitfield\nDirector of Global Trade Compliance\nCorriveau Semiconductor Corp.\n9 Research Park Road\nAustin, TX 78758")
    P_("Dear Ms. Whitfield:")
    def al(p, word):
        return f" ({word} {p['aliases'][0]})" if p["aliases"] else ""
    def hs(p):
        return " and ".join([", ".join(p["hs"][:-1]), p["hs"][-1]] if len(p["hs"]) > 1 else p["hs"])
    P_("The Bureau of Industry and Security (BIS) writes to alert you to red flags concerning some of your customers. "
       f"Trade data available to BIS show that items produced by your company, including items classified under "
       f"HS {hs(a)}, were shipped to {a['name']}{al(a, 'also known as')}, located at {a['street']}, {a['city']}, "
       f"{a['country_name']}, and were then re-exported to end users in the Russian Federation within weeks of arrival.")
    extra = "".join(f", also trading as {x}" for x in b["aliases"][1:])
    P_(f"A similar pattern appears in shipments to {b['name']}{al(b, 'formerly')}{extra}, whose address is given in "
       f"shipping documents as {b['street']}, {b['city']}, {b['country_name']}. That company received items under "
       f"HS {hs(b)} from your distributor and declared no end user.")
    P_(f"Finally, we note that {c['name']} of {c['street']}, {c['city']}, {c['country_name']}, placed orders for "
       f"products classified under HS {hs(c)} that far exceed the needs of its stated business.")
    P_("These facts are red flags under Supplement No. 3 to Part 732 of the EAR. You should not proceed with further "
       "transactions with these customers until the red flags are resolved. Continuing to export in the face of "
       "unresolved red flags may expose your company to liability under 15 C.F.R. 764.2(e).")
    P_("Sincerely,\n\n\nDirector, Office of Export Enforcement")
    pdf.output(os.path.join(BORN, fn))
    wtruth(BORN, fn, ps)


# ---------------------------------------------------------------- m07 City + Country columns, ISO-3
def table_city_country(ps, path, title_ref, font="Courier", pagesize=landscape(letter)):
    st = ParagraphStyle("c", fontName=font, fontSize=8, leading=9.5)
    sth = ParagraphStyle("h", parent=st, fontName=font + "-Bold" if font in ("Courier", "Helvetica", "Times") else font)
    data = [[Paragraph(h, sth) for h in ["#", "ENTITY NAME / A.K.A.", "STREET ADDRESS", "CITY", "COUNTRY", "ISO", "HS CODE(S)"]]]
    for i, p in enumerate(ps, 1):
        nm = esc(p["name"]) + "".join("<br/>a.k.a. " + esc(a) for a in p["aliases"])
        data.append([Paragraph(str(i), st), Paragraph(nm, st), Paragraph(esc(p["street"]), st), Paragraph(esc(p["city"]), st),
                     Paragraph(p["country_name"].upper(), st), Paragraph(ISO3[p["iso2"]], st), Paragraph(" ".join(p["hs"]), st)])
    W = pagesize[0] - 72
    t = Table(data, colWidths=[w * W for w in [0.04, 0.27, 0.27, 0.13, 0.12, 0.06, 0.11]], repeatRows=1)
    t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.black), ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.grey),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    stb = ParagraphStyle("b", fontName=font, fontSize=9.5, leading=12, spaceAfter=6)
    el = [Paragraph("DEPARTMENT OF COMMERCE / BUREAU OF INDUSTRY AND SECURITY", stb),
          Paragraph("OFFICE OF EXPORT ENFORCEMENT - " + title_ref, stb),
          Paragraph("The parties below are identified as presenting a risk of diversion of CHPL items to Russia. "
                    "The recipient is asked to exercise heightened due diligence before any transaction with them.", stb), t,
          Spacer(1, 8), Paragraph("END OF ANNEX", stb)]
    SimpleDocTemplate(path, pagesize=pagesize, leftMargin=36, rightMargin=36, topMargin=36, bottomMargin=36).build(el)


def m07():
    ps = P.take(10, countries=["RU", "CN", "HK", "AE", "TR"], hs=(0, 2))
    fn = "m07_city_country_iso3.pdf"
    table_city_country(ps, os.path.join(BORN, fn), "ANNEX 1 TO LETTER OEE-2024-SL-0881")
    wtruth(BORN, fn, ps)


# ---------------------------------------------------------------- m08 e-mail with XLSX attachment
def m08():
    import openpyxl
    body_ps = P.take(2, countries=MIX, alias=True, hs=(1, 2))
    att_ps = P.take(6, countries=MIX, hs=(0, 2))
    fn = "m08_email_with_xlsx.eml"
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Parties"
    ws.append(["Entity Name", "AKA", "Street", "City", "Country", "HS Codes"])
    for p in att_ps:
        ws.append([p["name"], " | ".join(p["aliases"]), p["street"], p["city"], p["country_name"], ", ".join(p["hs"])])
    bio = io.BytesIO(); wb.save(bio)
    m = email.message.EmailMessage()
    m["From"] = "OEE Boston Field Office <oee.boston@bis.doc.gov>"
    m["To"] = "compliance@lindqvist-optics.com"
    m["Subject"] = "BIS - Red flag notification - Lindqvist Optics - REF OEE-BOS-2025-031"
    m["Date"] = email.utils.format_datetime(email.utils.parsedate_to_datetime("Tue, 04 Feb 2025 10:12:00 -0500"))
    m["Message-ID"] = "<20250204151200.4411@bis.doc.gov>"
    def blk(p):
        s = f"  - {p['name']}\n"
        for a in p["aliases"]: s += f"    a.k.a. {a}\n"
        s += f"    {p['street']}\n    {p['city']}\n    {p['country_name']}\n"
        s += f"    HS: {', '.join(p['hs'])}\n"
        return s
    m.set_content("Good morning,\n\nAs discussed by phone, BIS has identified red flags relating to two of your customers:\n\n"
                  + blk(body_ps[0]) + "\n" + blk(body_ps[1]) +
                  "\nBoth received your items in 2024 that were subsequently shipped to Russia. In addition, the attached "
                  "spreadsheet lists further parties of diversion concern for your screening.\n\nPlease confirm receipt.\n\n"
                  "Regards,\nSpecial Agent J. Okafor\nOffice of Export Enforcement, Boston Field Office\n")
    m.add_attachment(bio.getvalue(), maintype="application",
                     subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="Attachment_A_parties.xlsx")
    with open(os.path.join(BORN, fn), "wb") as f: f.write(bytes(m))
    wtruth(BORN, fn, body_ps + att_ps)


# ---------------------------------------------------------------- m09 CJK + Cyrillic names beside Latin
NATIVE = {}
def m09():
    zh = P.take(1, countries=["CN"], name_re=r"^SHENZHEN YOUXIN TECHNOLOGY CO LTD$", hs=(1, 2)) + \
         P.take(1, countries=["CN"], name_re=r"^SHENZHEN HUASHUO SEMICONDUCTOR CO LTD$", hs=(1, 2)) + \
         P.take(1, countries=["CN"], name_re=r"^SHENZHEN SHENCHUANGHUI TECHNOLOGY CO LTD$", hs=(1, 2))
    zhn = ["深圳市优信科技有限公司", "深圳市华硕半导体有限公司", "深圳市深创汇科技有限公司"]
    ru = P.take(3, countries=["RU"], name_re=r"^(LIMITED LIABILITY COMPANY|OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU|LLC|OOO|JOINT STOCK COMPANY|AO) [A-Z]+( [A-Z]+)?$", hs=(1, 2))
    def cyr(n):
        import re
        m = re.match(r"^(LIMITED LIABILITY COMPANY|OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU|LLC|OOO|JOINT STOCK COMPANY|AO) (.*)$", n)
        form = "ООО" if m.group(1) in ("LIMITED LIABILITY COMPANY", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU", "LLC", "OOO") else "АО"
        t = m.group(2)
        for a, b in [("SHCH", "Щ"), ("KH", "Х"), ("TS", "Ц"), ("CH", "Ч"), ("SH", "Ш"), ("ZH", "Ж"), ("YU", "Ю"), ("YA", "Я"),
                     ("YE", "Е"), ("YO", "Ё"), ("IY", "ИЙ"), ("Y", "Ы")]:
            t = t.replace(a, b)
        t = "".join(dict(zip("ABVGDEZIKLMNOPRSTUFXJ", "АБВГДЕЗИКЛМНОПРСТУФКСДЖ")).get(ch, ch) for ch in t)
        return f"{form} «{t}»"
    ps = zh + ru
    natives = zhn + [cyr(p["name"]) for p in ru]
    for p, n in zip(ps, natives):
        p["aliases"] = [n] + p["aliases"]  # native form is an alias; printed first
    fn = "m09_cjk_cyrillic.pdf"
    st = ParagraphStyle("c", fontName="WQY", fontSize=9, leading=12)
    stb = ParagraphStyle("b", fontName="DejaVuSerif", fontSize=10, leading=13, spaceAfter=6)
    data = [[Paragraph("<b>No.</b>", st), Paragraph("<b>Name (Latin) / 名称 / Наименование</b>", st),
             Paragraph("<b>Other names</b>", st), Paragraph("<b>Address</b>", st), Paragraph("<b>Country</b>", st),
             Paragraph("<b>HS</b>", st)]]
    for i, p in enumerate(ps, 1):
        data.append([Paragraph(str(i), st), Paragraph(esc(p["name"]) + "<br/>" + esc(p["aliases"][0]), st),
                     Paragraph("<br/>".join(esc(a) for a in p["aliases"][1:]) or "-", st),
                     Paragraph(esc(p["street"]) + "<br/>" + esc(p["city"]), st), Paragraph(esc(p["country_name"]), st),
                     Paragraph("<br/>".join(p["hs"]), st)])
    t = Table(data, colWidths=[28, 150, 108, 148, 55, 45], repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.black), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    el = [Paragraph("Bureau of Industry and Security — Office of Export Enforcement", stb),
          Paragraph("Supplier list: parties of diversion concern (China and Russia). Names are given in Latin script with the "
                    "native-script form recorded in trade data.", stb), t]
    SimpleDocTemplate(os.path.join(BORN, fn), pagesize=A4, leftMargin=36, rightMargin=36).build(el)
    wtruth(BORN, fn, ps)


# ---------------------------------------------------------------- m10 Entity-List style via HTML (playwright)
def html_pdf(html, path):
    # (playwright's chromium is not installed here) LibreOffice Writer/Web renders the HTML to PDF
    h = os.path.join(TMP, "m10.html")
    open(h, "w", encoding="utf-8").write(html)
    subprocess.run(["soffice", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export", "--outdir", TMP, h],
                   check=True, capture_output=True)
    os.replace(os.path.join(TMP, "m10.pdf"), path)


def m10():
    groups = [P.take(2, countries=["IN"], hs=(0, 2)),
              P.take(3, countries=["HK"], hs=(0, 2)), P.take(2, countries=["KG", "KZ", "UZ"], hs=(0, 2))]
    ps = [p for g in groups for p in g]
    fn = "m10_entity_list_style.pdf"
    words = {1: "one alias", 2: "two aliases", 3: "three aliases"}
    rows = ""
    for g in groups:
        for j, p in enumerate(g):
            cell = f"{esc(p['name'])}"
            if len(p["aliases"]) == 1:
                cell += f", a.k.a. {esc(p['aliases'][0])}"
            elif p["aliases"]:
                cell += f", a.k.a., the following {words[len(p['aliases'])]}:<br/>" + ";<br/>".join(
                    ("and " if k == len(p["aliases"]) - 1 else "") + "&ndash;" + esc(a) for k, a in enumerate(p["aliases"])) + "."
            cell += f"<br/>{esc(p['street'])}, {esc(p['city'])}."
            if p["hs"]:
                cell += f"<br/><i>Items of concern: HS {', '.join(p['hs'])}</i>"
            ctry = f'<td rowspan="{len(g)}" class="c">{g[0]["country_name"].upper()}</td>' if j == 0 else ""
            rows += f"<tr>{ctry}<td>{cell}</td><td>For all items subject to the EAR. (See &sect;744.11 of the EAR).</td><td>Presumption of denial.</td><td>89 FR 28594, 4/19/24.</td></tr>"
    html = f"""<html><head><style>
body{{font-family:'Liberation Serif',serif;font-size:10.5pt}} table{{border-collapse:collapse;width:100%}}
td,th{{border:1px solid #000;padding:4px;vertical-align:top;font-size:9.5pt}} th{{background:#ddd}} td.c{{font-weight:bold}}
</style></head><body>
<p style="text-align:center"><b>UNITED STATES DEPARTMENT OF COMMERCE<br/>Bureau of Industry and Security</b><br/>Washington, D.C. 20230</p>
<p>May 6, 2025</p><p>Vantage Precision Motion, Inc.<br/>Export Compliance Department</p>
<p><b>Re: Notification of license requirement ("is informed" letter)</b></p>
<p>Pursuant to 15 CFR 744.21(b), you are informed that a license is required for exports of items subject to the EAR to the
entities listed in the enclosure, set out in the format of Supplement No. 4 to Part 744.</p>
<p style="text-align:center"><b>Enclosure</b></p>
<table border="1" cellspacing="0" cellpadding="4" width="100%"><tr><th style="width:12%">Country</th><th style="width:44%">Entity</th><th>License requirement</th><th>License review policy</th><th>Federal Register citation</th></tr>
{rows}</table>
<p>Director, Office of Export Enforcement</p></body></html>"""
    html_pdf(html, os.path.join(BORN, fn))
    wtruth(BORN, fn, ps)


# ---------------------------------------------------------------- m15 docx key:value boxes (born)
def m15():
    import docx
    from docx.shared import Pt
    ps = P.take(5, countries=MIX + ["RU"], hs=(1, 3))
    fn = "m15_keyvalue_boxes.pdf"
    d = docx.Document(); s = d.styles["Normal"]; s.font.name = "Arial"; s.font.size = Pt(10)
    for t in ["BUREAU OF INDUSTRY AND SECURITY", "Office of Export Enforcement - Dallas Field Office", "",
              "January 17, 2025", "Sandoval Avionics Holdings, LLC", "",
              "RE: Parties of diversion concern - enclosure", "",
              "Each party is described in a separate box below. Please screen your customer base against all names shown."]:
        d.add_paragraph(t)
    for i, p in enumerate(ps, 1):
        d.add_paragraph(f"Party {i} of {len(ps)}").runs[0].bold = True
        tb = d.add_table(rows=0, cols=2); tb.style = "Table Grid"
        kv = [("Name", p["name"])]
        for k, a in enumerate(p["aliases"]): kv.append(("Alias" if k == 0 else "", a))
        kv += [("Street", p["street"]), ("City / Postal code", p["city"]), ("Country", p["country_name"]),
               ("Commodities (HS)", "; ".join(p["hs"]))]
        for k, v in kv:
            r = tb.add_row().cells; r[0].text = k; r[1].text = v
        d.add_paragraph("")
    d.add_paragraph("This letter does not itself impose a license requirement.")
    x = os.path.join(TMP, "m15.docx"); d.save(x)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", TMP, x], check=True, capture_output=True)
    os.replace(os.path.join(TMP, "m15.pdf"), os.path.join(BORN, fn))
    wtruth(BORN, fn, ps)


# ================================================================= scans
import numpy as np
from PIL import Image, ImageFilter, ImageOps, ImageDraw
import pypdfium2 as pdfium


def render(pdf, dpi):
    doc = pdfium.PdfDocument(pdf)
    return [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]


def scanify(im, angle, noise=8, rng=None):
    rng = rng or np.random.default_rng(1)
    im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    a = np.asarray(im).astype(np.float32)
    a = a * 0.92 + 8 + rng.normal(0, noise, a.shape)
    sp = rng.random(a.shape); a[sp < 0.0008] = 30
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.5))


def save_pdf(images, path, dpi):
    rgb = [i.convert("L") for i in images]
    rgb[0].save(path, save_all=True, append_images=rgb[1:], resolution=dpi, quality=55)


def m11():
    ps = P.take(9, countries=["RU", "CN", "HK", "AE", "TR"], hs=(0, 2))
    fn = "m11_scan_table_skew.pdf"
    src = os.path.join(TMP, "m11.pdf")
    table_city_country(ps, src, "ATTACHMENT TO LETTER OEE-2024-PG-0342", font="Helvetica", pagesize=letter)
    imgs = [scanify(im, R.choice([-1, 1]) * 0.9, rng=np.random.default_rng(11)) for im in render(src, 200)]
    save_pdf(imgs, os.path.join(SCANS, fn), 200)
    wtruth(SCANS, fn, ps)


def m12():
    ps = P.take(5, countries=MIX, alias=True, hs=(1, 2))
    fn = "m12_fax_1bit.tif"
    src = os.path.join(TMP, "m12.pdf")
    st = ParagraphStyle("f", fontName="Courier", fontSize=10, leading=12.5)
    el = [Paragraph("FAX  FROM: DOC/BIS/OEE  TO: PELLHAM RF SYSTEMS  PAGES: 1 OF 1", st),
          Paragraph("-" * 70, st), Spacer(1, 6),
          Paragraph("SUBJECT: PROJECT GUARDIAN - PARTIES SEEKING CHPL ITEMS", st), Spacer(1, 6),
          Paragraph("PLEASE NOTIFY THIS OFFICE OF ANY ORDER OR ENQUIRY FROM:", st), Spacer(1, 6)]
    for i, p in enumerate(ps, 1):
        el.append(Paragraph(f"({i}) {esc(p['name'])}", st))
        for a in p["aliases"]: el.append(Paragraph(f"&nbsp;&nbsp;&nbsp;&nbsp;AKA: {esc(a)}", st))
        el.append(Paragraph(f"&nbsp;&nbsp;&nbsp;&nbsp;{esc(p['street'])}", st))
        el.append(Paragraph(f"&nbsp;&nbsp;&nbsp;&nbsp;{esc(p['city'])}, {esc(p['country_name'].upper())}", st))
        el.append(Paragraph(f"&nbsp;&nbsp;&nbsp;&nbsp;HS {' / '.join(p['hs'])}", st)); el.append(Spacer(1, 5))
    el.append(Paragraph("CALL (214) 767-9294 - DALLAS FIELD OFFICE", st))
    SimpleDocTemplate(src, pagesize=letter, topMargin=36, bottomMargin=36).build(el)
    im = render(src, 200)[0]
    im = scanify(im, 0.5, noise=14, rng=np.random.default_rng(12))
    im = im.resize((im.width, im.height // 2)).resize((im.width, im.height))  # fax "fine" vertical 100 lpi
    bw = im.point(lambda v: 255 if v > 150 else 0).convert("1")
    bw.save(os.path.join(SCANS, fn), compression="group4", dpi=(200, 200))
    wtruth(SCANS, fn, ps)


def m13():
    ps = P.take(4, countries=MIX, hs=(1, 2))
    fn = "m13_phone_photo.jpg"
    src = os.path.join(TMP, "m13.pdf")
    st = ParagraphStyle("p", fontName="Times-Roman", fontSize=11, leading=14, spaceAfter=6)
    sc = ParagraphStyle("pc", parent=st, fontSize=9.5, leading=11.5)
    data = [[Paragraph("<b>Name</b>", sc), Paragraph("<b>Also known as</b>", sc), Paragraph("<b>Address</b>", sc),
             Paragraph("<b>Country</b>", sc), Paragraph("<b>HS</b>", sc)]]
    for p in ps:
        data.append([Paragraph(esc(p["name"]), sc), Paragraph("<br/>".join(esc(a) for a in p["aliases"]) or "&mdash;", sc),
                     Paragraph(esc(p["street"]) + ", " + esc(p["city"]), sc), Paragraph(esc(p["country_name"]), sc),
                     Paragraph("<br/>".join(p["hs"]), sc)])
    t = Table(data, colWidths=[120, 100, 160, 60, 50])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    el = [Paragraph("<b>U.S. Department of Commerce, Bureau of Industry and Security</b>", st),
          Paragraph("August 5, 2024 &mdash; Red flag notification to Brightwater Sensors Inc.", st),
          Paragraph("Items exported by you to the customers below were re-exported to Russia. Please resolve these "
                    "red flags before any further shipment.", st), t, Spacer(1, 10),
          Paragraph("Office of Export Enforcement, San Jose Field Office", st)]
    SimpleDocTemplate(src, pagesize=letter, topMargin=50).build(el)
    page = render(src, 170)[0].convert("RGB")
    pw_, ph_ = page.size
    canvas = Image.new("RGB", (int(pw_ * 1.25), int(ph_ * 1.2)), (92, 74, 60))  # desk
    canvas.paste(page, (int(pw_ * 0.12), int(ph_ * 0.08)))
    Wc, Hc = canvas.size
    # perspective: quad corners of output mapped from input
    quad = (Wc * 0.09, Hc * 0.03, Wc * 0.0, Hc * 0.99, Wc * 1.0, Hc * 0.93, Wc * 0.87, Hc * 0.07)
    img = canvas.transform((Wc, Hc), Image.QUAD, quad, resample=Image.BICUBIC)
    a = np.asarray(img).astype(np.float32)
    yy, xx = np.mgrid[0:Hc, 0:Wc]
    shade = 1 - 0.35 * np.clip((xx / Wc - 0.55) * 2.2 + (yy / Hc - 0.5), 0, 1)  # shadow from lower right
    a = a * shade[..., None] * np.array([1.0, 0.97, 0.9]) + np.random.default_rng(13).normal(0, 4, a.shape)
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))
    img = img.resize((int(Wc * 0.85), int(Hc * 0.85)))
    img.save(os.path.join(SCANS, fn), quality=72)
    wtruth(SCANS, fn, ps)


def m14():
    ps = P.take(7, countries=MIX + ["RU"], hs=(1, 3))
    fn = "m14_scan_two_pages.pdf"
    src = os.path.join(TMP, "m14.pdf")
    st = ParagraphStyle("b", fontName="Times-Roman", fontSize=11.5, leading=15, spaceAfter=8, alignment=4)
    bl = ParagraphStyle("bl", parent=st, leftIndent=28, firstLineIndent=-14, alignment=0, spaceAfter=7)
    el = letterhead("Times-Roman", "OEE-ATL-2024-0779", "October 28, 2024",
                    "Meridian Photonic Materials Corp.<br/>3100 Peachtree Industrial Blvd.<br/>Duluth, GA 30097")
    el += [Paragraph("Dear Sir or Madam:", st),
           Paragraph("The Bureau of Industry and Security has reason to believe that the following foreign parties, some of "
                     "which appear in your distribution records, are diverting items on the Common High Priority List to "
                     "Russia. Each is described with the names, address and commodities under which it appears in "
                     "customs data.", st)]
    for p in ps:
        t = f"&bull;&nbsp;&nbsp;<b>{esc(p['name'])}</b>"
        if p["aliases"]:
            t += " (also known as " + ", ".join(esc(a) for a in p["aliases"][:-1]) + (" and " if len(p["aliases"]) > 1 else "") + esc(p["aliases"][-1]) + ")"
        t += f"; {esc(p['street'])}, {esc(p['city'])}, {esc(p['country_name'])}. HS {', '.join(p['hs'])}."
        el.append(Paragraph(t, bl))
    el += [Paragraph("You are asked to review all transactions with these parties, to consider voluntarily stopping "
                     "shipments to them, and to tell us of any enquiry you receive.", st)] + sign(st)
    SimpleDocTemplate(src, pagesize=letter, leftMargin=72, rightMargin=72).build(el)
    imgs = [scanify(im, ang, noise=10, rng=np.random.default_rng(14 + k)) for k, (im, ang) in
            enumerate(zip(render(src, 300), [-0.6, 1.1, 0.4]))]
    imgs = [i.resize((i.width * 2 // 3, i.height * 2 // 3)) for i in imgs]  # store at 200 dpi
    save_pdf(imgs, os.path.join(SCANS, fn), 200)
    wtruth(SCANS, fn, ps)


if __name__ == "__main__":
    for f in [m09, m01, m02, m03, m04, m05, m06, m07, m08, m10, m15, m11, m12, m13, m14]:
        f(); print("ok", f.__name__, flush=True)
