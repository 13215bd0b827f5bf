"""Family L generator: python gen.py  -> tests/fixtures/families/l/{dev,heldout}"""
import os, sys, random, subprocess, tempfile, html
sys.path.insert(0, os.path.dirname(__file__))
from common import *
from fpdf import FPDF
from reportlab.lib.pagesizes import letter, A4
from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer, PageBreak
from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../../../tests/fixtures/families/l"))
DJ = "/usr/share/fonts/truetype/dejavu/"
pdfmetrics.registerFont(TTFont("DV", DJ + "DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DVB", DJ + "DejaVuSans-Bold.ttf"))
pdfmetrics.registerFont(TTFont("DVS", DJ + "DejaVuSerif.ttf"))
pdfmetrics.registerFont(TTFont("DVC", DJ + "DejaVuSansCondensed.ttf"))
SS = getSampleStyleSheet()
def PS(font="DV", size=9, lead=None, **k): return ParagraphStyle("x", fontName=font, fontSize=size, leading=lead or size * 1.25, **k)
E = html.escape

# ---------------- helpers -------------
def rl_cover(kind, ref, exporter, rng, font="DV"):
    hdr, body = cover(kind, ref, rng.choice(["March 4, 2025", "June 17, 2025", "October 2, 2025", "January 21, 2026"]), exporter, rng)
    st = PS(font, 9.5)
    fl = [Paragraph(E(h) or "&nbsp;", st) for h in hdr]
    for b in body.split("\n"): fl += [Paragraph(E(b), st), Spacer(1, 5)]
    return fl

def rl_sign(font="DV"):
    return [Spacer(1, 10)] + [Paragraph(E(s) or "&nbsp;", PS(font, 9.5)) for s in SIGN]

def html_cover(kind, ref, exporter, rng):
    hdr, body = cover(kind, ref, rng.choice(["April 8, 2025", "July 30, 2025", "November 12, 2025"]), exporter, rng)
    return "<div class=hdr>" + "<br>".join(E(h) for h in hdr) + "</div>" + "".join(f"<p>{E(b)}</p>" for b in body.split("\n"))

def html_sign(): return "<p>" + "<br>".join(E(s) for s in SIGN) + "</p>"

BROWSER = None
def chromium_pdf(htmltext, out, landscape=False):
    global BROWSER
    if BROWSER is None:
        from playwright.sync_api import sync_playwright
        BROWSER = sync_playwright().start().chromium.launch(executable_path="/usr/bin/chromium")
    pg = BROWSER.new_page(); pg.set_content(htmltext); pg.pdf(path=out, format="Letter", landscape=landscape,
                                                             margin=dict(top="0.6in", bottom="0.6in", left="0.5in", right="0.5in")); pg.close()

def fp_cover(pdf, kind, ref, exporter, rng, font="Helvetica"):
    hdr, body = cover(kind, ref, rng.choice(["May 6, 2025", "August 19, 2025"]), exporter, rng)
    pdf.set_font(font, size=9.5)
    for h in hdr: pdf.cell(0, 4.6, h, new_x="LMARGIN", new_y="NEXT")
    for b in body.split("\n"): pdf.multi_cell(0, 4.6, b, new_x="LMARGIN", new_y="NEXT"); pdf.ln(1.5)

def fp_sign(pdf):
    pdf.ln(4)
    for s in SIGN: pdf.cell(0, 4.6, s, new_x="LMARGIN", new_y="NEXT")

def hs_str(p, sep="; "): return sep.join(p["hs"]) if p["hs"] else "—"
def addr_cols(p):
    c, z = split_zip(p["city"]); return c, z
def addr3(p):
    c, z = addr_cols(p); return ", ".join(x for x in [p["street"], c, z] if x)

# ---------------- layout 1: country first, address over columns -------------
def l1_fpdf(pool, out, rng):
    ps = pool.take(16)
    pdf = FPDF(orientation="L", format="letter"); pdf.set_auto_page_break(True, 15); pdf.add_page()
    fp_cover(pdf, "redflag", "OEE-RF-25-0417", EXPORTERS[0], rng)
    pdf.ln(3); pdf.set_font("Helvetica", "B", 10); pdf.cell(0, 6, "Customers of Concern", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(8, 20, 48, 40, 62, 30, 16, 24), text_align="LEFT", line_height=4) as t:
        pdf.set_font("Helvetica", size=7.5)
        t.row(["No.", "Country", "Entity", "Aliases", "Address line", "City", "ZIP", "HS-6"])
        for i, p in enumerate(ps, 1):
            c, z = addr_cols(p)
            t.row([str(i), NICE[p["country"]].replace("ü", "u"), p["name"], "; ".join(p["aliases"]) or "-", p["street"], c, z, "\n".join(p["hs"]) or "-"])
    pdf.set_font("Helvetica", size=9.5); fp_sign(pdf); pdf.output(out + ".pdf")
    write_truth(out, os.path.basename(out) + ".pdf", ps, addr3)

def l1_html(pool, out, rng, n=14, title="Parties identified"):
    ps = pool.take(n)
    rows = "".join(f"<tr><td>{i}</td><td>{E(NICE[p['country']])}</td><td><b>{E(p['name'])}</b></td><td>{'<br>'.join(E(a) for a in p['aliases'])}</td>"
                   f"<td>{E(p['street'])}</td><td>{E(addr_cols(p)[0])}</td><td>{E(addr_cols(p)[1])}</td><td>{'<br>'.join(p['hs'])}</td></tr>" for i, p in enumerate(ps, 1))
    h = f"""<html><head><style>body{{font-family:'Liberation Serif';font-size:10.5pt}} .hdr{{margin-bottom:10px}}
    table{{border-collapse:collapse;font-size:8pt;width:100%}} td,th{{border:0.6pt solid #444;padding:2px 4px;vertical-align:top}} th{{background:#eee}}</style></head><body>
    {html_cover('informed', 'BIS-IF-2025-118', EXPORTERS[1], rng)}<h3>{title}</h3>
    <table><tr><th>#</th><th>Country / Region</th><th>Party Name</th><th>Other Names Used</th><th>Street Address</th><th>City / Province</th><th>Postal Code</th><th>HS Code(s)</th></tr>{rows}</table>{html_sign()}</body></html>"""
    chromium_pdf(h, out + ".pdf", landscape=True)
    write_truth(out, os.path.basename(out) + ".pdf", ps, addr3)

# ---------------- layout 2: long list, hrules, header first page only, tiny font -------------
def l2_rl(pool, out, rng):
    ps = pool.take(112)
    doc = SimpleDocTemplate(out + ".pdf", pagesize=letter, leftMargin=36, rightMargin=36, topMargin=40, bottomMargin=40)
    fl = rl_cover("supplier", "OEE/SL/2025-0093", EXPORTERS[2], rng) + [Paragraph("Attachment A: Supplier List", PS("DVB", 10))]
    st = PS("DVC", 6.4)
    data = [["Ref", "Company Name", "Alias(es)", "Address", "Country", "HS"]] + [[f"SL-{i:03d}", Paragraph(E(p["name"]), st), Paragraph(E("; ".join(p["aliases"])), st),
             Paragraph(E(addr(p)), st), Paragraph(E(NICE[p["country"]]), st), Paragraph(E(", ".join(p["hs"])), st)] for i, p in enumerate(ps, 1)]
    t = Table(data, colWidths=[34, 130, 110, 190, 58, 58], repeatRows=0)
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "DVC", 6.4), ("FONT", (0, 0), (-1, 0), "DVB", 6.2), ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.grey),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    doc.build(fl + [PageBreak(), t] + rl_sign())
    write_truth(out, os.path.basename(out) + ".pdf", ps)

def l2_fpdf(pool, out, rng):
    ps = pool.take(118)
    pdf = FPDF(format="A4"); pdf.set_auto_page_break(True, 12); pdf.add_page()
    pdf.add_font("LS", "", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"); pdf.add_font("LS", "B", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf")
    fp_cover(pdf, "supplier", "SL-2025-11-B", EXPORTERS[3], rng, "LS"); fp_sign(pdf); pdf.add_page()
    pdf.set_font("LS", "B", 6.5); W = [10, 22, 52, 80, 26]
    for w, h in zip(W, ["Item", "Country", "Name of party", "Address", "CHPL HS"]): pdf.cell(w, 4, h)
    pdf.ln(4); pdf.line(10, pdf.get_y(), 200, pdf.get_y())
    pdf.set_font("LS", "", 5.5)
    for i, p in enumerate(ps, 1):
        name = p["name"] + (" (a.k.a. " + "; ".join(p["aliases"]) + ")" if p["aliases"] else "")
        y0 = pdf.get_y()
        if y0 > 275: pdf.add_page(); y0 = pdf.get_y()
        cols = [str(i), NICE[p["country"]], name, addr(p), " ".join(p["hs"])]
        ys = []
        x = 10
        for w, c in zip(W, cols):
            pdf.set_xy(x, y0); pdf.multi_cell(w - 1, 2.9, c, align="L"); ys.append(pdf.get_y()); x += w
        pdf.set_y(max(ys) + 0.6); pdf.line(10, pdf.get_y(), 200, pdf.get_y()); pdf.ln(0.6)
    pdf.output(out + ".pdf")
    write_truth(out, os.path.basename(out) + ".pdf", ps, name_fn=None)

# ---------------- layout 3: jurisdiction-first (chromium) -------------
JUR = {"TR": ["Türkiye", "Republic of Türkiye"], "KG": ["Kyrgyz Republic"], "HK": ["Hong Kong SAR", "Hong Kong S.A.R., China"], "CN": ["PRC", "People's Republic of China"],
       "AE": ["U.A.E.", "UAE"], "RU": ["Russian Federation", "Russia"], "IN": ["India", "Republic of India"], "KZ": ["Kazakhstan", "Rep. of Kazakhstan"], "AM": ["Armenia"],
       "RS": ["Serbia"], "TH": ["Thailand", "Kingdom of Thailand"], "UZ": ["Uzbekistan"], "GE": ["Georgia"], "BY": ["Belarus"]}
def l3_html(pool, out, rng, design):
    want = ["TR", "KG", "HK", "CN", "AE", "RU", "KZ", "AM", "IN", "TH"]
    ps = []
    for c in want: ps += pool.take(2 if c in ("CN", "RU", "AE", "TR", "HK") else 1, countries={c})
    if design == 1:
        hd = "<tr><th>Jurisdiction</th><th>Entity</th><th>Also known as</th><th>Registered address</th><th>HS subheadings</th></tr>"
        css = "body{font-family:'DejaVu Sans';font-size:9.5pt} table{border-collapse:collapse;font-size:7.5pt} td,th{border:1px solid #888;padding:3px}"
        row = lambda p: f"<tr><td>{JUR[p['country']][0]}</td><td>{E(p['name'])}</td><td>{E(', '.join(p['aliases']))}</td><td>{E(addr(p))}</td><td>{' '.join(p['hs'])}</td></tr>"
    else:
        hd = "<tr><th>Place of registration</th><th>Legal name</th><th>AKA</th><th>Address of record</th><th>Harmonized System (6-digit)</th></tr>"
        css = "body{font-family:'Liberation Sans Narrow','Liberation Sans';font-size:10pt} table{border-collapse:collapse;font-size:8pt;width:100%} th{border-bottom:2px solid #000;text-align:left} td{border-bottom:0.5px dotted #777;padding:3px}"
        row = lambda p: f"<tr><td>{JUR[p['country']][-1]}</td><td>{E(p['name'])}</td><td>{'<br>'.join(E(a) for a in p['aliases'])}</td><td>{E(addr(p))}</td><td>{'<br>'.join(p['hs'])}</td></tr>"
    h = f"<html><head><style>{css}</style></head><body>{html_cover('guardian', 'PG-2025-%d' % (40 + design), EXPORTERS[design], rng)}<table>{hd}{''.join(row(p) for p in ps)}</table>{html_sign()}</body></html>"
    chromium_pdf(h, out + ".pdf")
    write_truth(out, os.path.basename(out) + ".pdf", ps)

# ---------------- layout 4: original-script column -------------
def l4_rows(pool):
    ps = pool.take(14, countries={"RU", "KZ", "KG", "BY"})
    for p in ps: p["orig"] = to_cyr(p["name"])
    return ps
def l4_truth(out, ps):
    write_truth(out, os.path.basename(out) + ".pdf", ps, alias_fn=lambda p: [p["orig"]] + p["aliases"])
def l4_rl(pool, out, rng):
    ps = l4_rows(pool)
    doc = SimpleDocTemplate(out + ".pdf", pagesize=letter, leftMargin=40, rightMargin=40)
    st = PS("DV", 7.5)
    data = [["Entity (Latin)", "Entity (original script)", "Address", "Country"]] + [[Paragraph(E(p["name"]) + ("<br/><i>aka " + E("; ".join(p["aliases"])) + "</i>" if p["aliases"] else ""), st),
            Paragraph(E(p["orig"]), st), Paragraph(E(addr(p)), st), Paragraph(E(NICE[p["country"]]), st)] for p in ps]
    t = Table(data, colWidths=[150, 150, 170, 62], repeatRows=1)
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "DV", 7.5), ("FONT", (0, 0), (-1, 0), "DVB", 8), ("GRID", (0, 0), (-1, -1), 0.4, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    hs = sorted({h for p in ps for h in p["hs"]})
    for p in ps: p["hs"] = []  # items listed for all parties in the letter text -> not per party
    doc.build(rl_cover("informed", "BIS/OEE/IF/25-77", EXPORTERS[4], rng) + [t] + rl_sign())
    l4_truth(out, ps)
def l4_html(pool, out, rng):
    ps = l4_rows(pool)
    rows = "".join(f"<tr><td>{E(NICE[p['country']])}</td><td>{E(p['name'])}</td><td lang=ru>{E(p['orig'])}</td><td>{E('; '.join(p['aliases']))}</td><td>{E(addr(p))}</td><td>{', '.join(p['hs'])}</td></tr>" for p in ps)
    h = f"""<html><head><style>body{{font-family:'DejaVu Serif';font-size:9.5pt}} table{{border-collapse:collapse;font-size:7.5pt}} td,th{{border:0.5pt solid #333;padding:2px 3px}}</style></head><body>
    {html_cover('redflag', 'RF-2025-0311', EXPORTERS[5], rng)}<table><tr><th>Country</th><th>Name (transliterated)</th><th>Name (Cyrillic)</th><th>Other names</th><th>Address</th><th>HS</th></tr>{rows}</table>{html_sign()}</body></html>"""
    chromium_pdf(h, out + ".pdf")
    l4_truth(out, ps)

# ---------------- layout 5: prose lettered items -------------
def l5_text(ps, conn="also known as"):
    parts = []
    for i, p in enumerate(ps):
        s = f"({chr(97 + i)}) {p['name']}"
        if p["aliases"]: s += f" ({conn} " + (" and ".join([", ".join(p["aliases"][:-1]), p["aliases"][-1]]) if len(p["aliases"]) > 1 else p["aliases"][0]) + ")"
        s += f", located at {addr(p)}, {NICE[p['country']]}"
        parts.append(s)
    return "; ".join(parts[:-1]) + "; and " + parts[-1] + "."
def l5_docx(pool, out, rng):
    from docx import Document
    from docx.shared import Pt
    ps = pool.take(12, hs=False)
    d = Document(); st = d.styles["Normal"]; st.font.name = "Liberation Serif"; st.font.size = Pt(11)
    hdr, body = cover("informed", "IF-25-0552", "May 14, 2025", EXPORTERS[0], rng)
    for h in hdr: d.add_paragraph(h)
    d.add_paragraph(body.split("\n")[0]); d.add_paragraph(body.split("\n")[1])
    d.add_paragraph("The parties are: " + l5_text(ps))
    d.add_paragraph("This requirement applies to all items subject to the EAR listed on the Common High Priority List.")
    for s in SIGN: d.add_paragraph(s)
    with tempfile.TemporaryDirectory() as td:
        d.save(f"{td}/{os.path.basename(out)}.docx")
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", os.path.dirname(out), f"{td}/{os.path.basename(out)}.docx"], check=True, capture_output=True)
    write_truth(out, os.path.basename(out) + ".pdf", ps)
def l5_rl(pool, out, rng):
    ps = pool.take(13, hs=False)
    doc = SimpleDocTemplate(out + ".pdf", pagesize=A4)
    fl = rl_cover("guardian", "PG/OEE/2025/19", EXPORTERS[1], rng, "DVS")
    fl.append(Paragraph(E("Specifically, BIS has identified the following parties: " + l5_text(ps, "a.k.a.")), PS("DVS", 10, alignment=4)))
    doc.build(fl + rl_sign("DVS"))
    write_truth(out, os.path.basename(out) + ".pdf", ps)

# ---------------- layout 6: dark header band, zebra, mixed ECCN/HS -------------
ECCNS = ["3A001.a.2", "5A992.c", "EAR99", "3A991.a", "4A994.b", "5A002.a"]
def l6_items(p, rng):
    e = rng.sample(ECCNS, rng.randint(0, 2)); it = e + p["hs"]; rng.shuffle(it); return it
def l6_rl(pool, out, rng, n=18, kind="redflag", ref="OEE-RF-25-0660"):
    ps = pool.take(n)
    doc = SimpleDocTemplate(out + ".pdf", pagesize=letter, leftMargin=36, rightMargin=36)
    st = PS("DV", 7.5); sw = PS("DVB", 8, textColor=colors.white)
    data = [[Paragraph(x, sw) for x in ["#", "Party", "Also Known As", "Address", "Country", "Items (ECCN / HTS)"]]]
    for i, p in enumerate(ps, 1):
        data.append([str(i), Paragraph(E(p["name"]), st), Paragraph(E("; ".join(p["aliases"])), st), Paragraph(E(addr(p)), st), Paragraph(E(NICE[p["country"]]), st), Paragraph(", ".join(l6_items(p, rng)), st)])
    t = Table(data, colWidths=[18, 120, 100, 170, 60, 72], repeatRows=1)
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f2f4a")), ("FONT", (0, 1), (-1, -1), "DV", 7.5),
                           ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#e6ebf2")]), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc.build(rl_cover(kind, ref, EXPORTERS[2], rng) + [t] + rl_sign())
    write_truth(out, os.path.basename(out) + ".pdf", ps)
def l6_html(pool, out, rng, n=16):
    ps = pool.take(n)
    rows = "".join(f"<tr><td>{E(p['name'])}</td><td>{E(NICE[p['country']])}</td><td>{E(addr(p))}</td><td>{E(' / '.join(p['aliases']))}</td><td>{' · '.join(l6_items(p, rng))}</td></tr>" for p in ps)
    h = f"""<html><head><style>body{{font-family:'Liberation Sans';font-size:10pt}} table{{border-collapse:collapse;font-size:8pt;width:100%}}
    th{{background:#222;color:#fff;font-weight:bold;padding:5px;text-align:left}} td{{padding:4px}} tr:nth-child(even) td{{background:#ececec}}
    * {{-webkit-print-color-adjust:exact;print-color-adjust:exact}}</style></head><body>{html_cover('informed', 'IF-2025-1207', EXPORTERS[3], rng)}
    <table><tr><th>Name</th><th>Country</th><th>Location</th><th>Alternate names</th><th>Commodities (ECCN or HS)</th></tr>{rows}</table>{html_sign()}</body></html>"""
    chromium_pdf(h, out + ".pdf")
    write_truth(out, os.path.basename(out) + ".pdf", ps)

# ---------------- layout 7: two annexes -------------
def l7_assign(ps, rng):
    codes = rng.sample(HS, 7); m = {}
    for c in codes: m[c] = sorted(rng.sample(range(1, len(ps) + 1), rng.randint(1, 5)))
    for p in ps: p["hs"] = []
    for c, nums in m.items():
        for n in nums: ps[n - 1]["hs"].append(c)
    for p in ps: p["hs"].sort()
    return m
DESC = {"8542": "Electronic integrated circuits", "8541": "Semiconductor devices", "8517": "Telephone sets / network apparatus", "8526": "Radar / radio navigation apparatus",
        "8471": "Automatic data processing machines", "8525": "Transmission apparatus; cameras", "9014": "Navigational instruments", "8536": "Electrical apparatus for switching",
        "8532": "Capacitors", "8533": "Resistors", "8504": "Static converters", "8486": "Semiconductor manufacturing machines", "9030": "Oscilloscopes and measuring instruments"}
def l7_fpdf(pool, out, rng):
    ps = pool.take(15, hs=False); m = l7_assign(ps, rng)
    pdf = FPDF(format="letter"); pdf.add_page(); fp_cover(pdf, "informed", "IF-25-0930", EXPORTERS[4], rng); fp_sign(pdf)
    pdf.add_page(); pdf.set_font("Helvetica", "B", 11); pdf.cell(0, 7, "Annex I - Entities", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(10, 55, 45, 70, 22), line_height=4.2) as t:
        pdf.set_font("Helvetica", size=7.5); t.row(["No.", "Entity", "Aliases", "Address", "Country"])
        for i, p in enumerate(ps, 1): t.row([str(i), p["name"], "; ".join(p["aliases"]), addr(p), NICE[p["country"]].replace("ü", "u")])
    pdf.ln(6); pdf.set_font("Helvetica", "B", 11); pdf.cell(0, 7, "Annex II - Items", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(25, 90, 45), line_height=4.2) as t:
        pdf.set_font("Helvetica", size=8); t.row(["HS Code", "Description", "Entries"])
        for c, nums in m.items(): t.row([c, DESC.get(c[:4], "CHPL item"), ", ".join(map(str, nums))])
    pdf.output(out + ".pdf"); write_truth(out, os.path.basename(out) + ".pdf", ps)
def l7_rl(pool, out, rng):
    ps = pool.take(17, hs=False); m = l7_assign(ps, rng)
    doc = SimpleDocTemplate(out + ".pdf", pagesize=A4); st = PS("DVS", 7.5)
    fl = rl_cover("supplier", "OEE/SL/2025-212", EXPORTERS[5], rng, "DVS") + rl_sign("DVS") + [PageBreak(), Paragraph("ANNEX I \u2013 ENTITIES", PS("DVB", 11)), Spacer(1, 6)]
    d1 = [["Entity No.", "Name", "Address", "Country", "Other names"]] + [[f"E-{i}", Paragraph(E(p["name"]), st), Paragraph(E(addr(p)), st), Paragraph(E(NICE[p["country"]]), st), Paragraph(E("; ".join(p["aliases"])), st)] for i, p in enumerate(ps, 1)]
    t1 = Table(d1, colWidths=[45, 130, 170, 65, 110]); t1.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "DVS", 7.5), ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    d2 = [["Harmonized Tariff Schedule subheading", "Entity Nos."]] + [[c, ", ".join(f"E-{n}" for n in nums)] for c, nums in m.items()]
    t2 = Table(d2, colWidths=[200, 200]); t2.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "DVS", 8), ("GRID", (0, 0), (-1, -1), 0.3, colors.black)]))
    doc.build(fl + [t1, Spacer(1, 14), Paragraph("ANNEX II \u2013 ITEMS", PS("DVB", 11)), Spacer(1, 6), t2])
    write_truth(out, os.path.basename(out) + ".pdf", ps)

# ---------------- layouts 8-10: images and scans (built from a born-digital render) -------------
def tmp_render(fn, pool, rng, *a, **k):
    td = tempfile.mkdtemp(); base = os.path.join(td, "x"); fn(pool, base, rng, *a, **k)
    return base + ".pdf", json.load(open(base + ".truth.json"))
def save_truth(out, fname, truth):
    truth["file"] = fname; json.dump(truth, open(out + ".truth.json", "w"), ensure_ascii=False, indent=1)

def l8_tiff(pool, out, rng):
    pdf, truth = tmp_render(l6_rl, pool, rng, n=14, kind="guardian", ref="PG-25-0088")
    ims = [scanify(im, rng, noise=6).point(lambda v: 255 if v > 150 else 0).convert("1") for im in pdf_to_images(pdf, 200)]
    ims[0].save(out + ".tif", save_all=True, append_images=ims[1:], compression="group4", dpi=(200, 200))
    save_truth(out, os.path.basename(out) + ".tif", truth)
def l8_photo(pool, out, rng):
    from PIL import Image
    import numpy as np
    pdf, truth = tmp_render(l1_html, pool, rng, n=10, title="Parties of concern")
    im = pdf_to_images(pdf, 170)[0].convert("RGB")
    w, h = im.size
    bg = Image.new("RGB", (int(w * 1.12), int(h * 1.1)), (92, 80, 66)); bg.paste(im, (int(w * .06), int(h * .05)))
    W, H = bg.size; d = 0.035
    coeffs = find_coeffs([(0, 0), (W, 0), (W, H), (0, H)], [(W * d, H * 0.01), (W * (1 - d * .4), 0), (W, H), (0, H * (1 - .01))])
    bg = bg.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC).rotate(-1.3, resample=Image.BICUBIC, fillcolor=(70, 60, 50))
    a = np.asarray(bg).astype(np.float32); yy, xx = np.mgrid[0:H, 0:W]
    light = 0.72 + 0.32 * (1 - ((xx / W - .3) ** 2 + (yy / H - .25) ** 2)); a = a * light[..., None] * np.array([1.0, .97, .9])
    Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).save(out + ".jpg", quality=72)
    save_truth(out, os.path.basename(out) + ".jpg", truth)
def find_coeffs(pa, pb):
    import numpy as np
    m = []
    for p1, p2 in zip(pa, pb):
        m.append([p1[0], p1[1], 1, 0, 0, 0, -p2[0] * p1[0], -p2[0] * p1[1]]); m.append([0, 0, 0, p1[0], p1[1], 1, -p2[1] * p1[0], -p2[1] * p1[1]])
    A = np.array(m, dtype=float); B = np.array(pb, dtype=float).reshape(8)
    return np.linalg.solve(A, B).tolist()

def l9_searchable(pool, out, rng, fn, *a, **k):
    pdf, truth = tmp_render(fn, pool, rng, *a, **k); td = tempfile.mkdtemp(); parts = []
    for i, im in enumerate(pdf_to_images(pdf, 200)):
        png = f"{td}/p{i}.jpg"; scanify(im, rng, noise=8).save(png, dpi=(200, 200), quality=45)
        subprocess.run(["tesseract", png, f"{td}/o{i}", "-c", "textonly_pdf=0", "pdf"], check=True, capture_output=True)
        parts.append(f"{td}/o{i}.pdf")
    merge_pdfs(parts, out + ".pdf"); save_truth(out, os.path.basename(out) + ".pdf", truth)

def l10_plain(pool, out, rng, fn, fax, *a, **k):
    pdf, truth = tmp_render(fn, pool, rng, *a, **k); ims = []
    for im in pdf_to_images(pdf, 200):
        s = scanify(im, rng, noise=9)
        ims.append(s.point(lambda v: 255 if v > 140 else 0).convert("1") if fax else s)
    if fax: ims[0].save(out + ".pdf", save_all=True, append_images=ims[1:], resolution=200)
    else:
        td = tempfile.mkdtemp(); pages = []
        for i, im in enumerate(ims):
            jp = f"{td}/{i}.jpg"; im.save(jp, quality=60); pages.append(jp)
        from PIL import Image
        ii = [Image.open(p) for p in pages]; ii[0].save(out + ".pdf", save_all=True, append_images=ii[1:], resolution=200)
    save_truth(out, os.path.basename(out) + ".pdf", truth)

def main():
    for half in ("dev", "heldout"):
        pool = Pool(half); rng = random.Random("L" + half); d = os.path.join(ROOT, half)
        P = lambda n: os.path.join(d, n)
        if half == "dev":
            l1_fpdf(pool, P("la01_country_first_cols"), rng)
            l2_rl(pool, P("la02_long_supplier_hrules"), rng)
            l3_html(pool, P("la03_jurisdiction_first"), rng, 1)
            l4_rl(pool, P("la04_original_script_col"), rng)
            l5_docx(pool, P("la05_prose_lettered"), rng)
            l6_rl(pool, P("la06_dark_header_zebra"), rng)
            l7_fpdf(pool, P("la07_two_annexes"), rng)
            l8_tiff(pool, P("la08_multipage_tiff"), rng)
            l9_searchable(pool, P("la09_searchable_scan"), rng, l7_fpdf)
            l10_plain(pool, P("la10_plain_scan_grey"), rng, l1_fpdf, False)
        else:
            l1_html(pool, P("lb01_country_first_cols"), rng)
            l2_fpdf(pool, P("lb02_long_supplier_hrules"), rng)
            l3_html(pool, P("lb03_jurisdiction_first"), rng, 2)
            l4_html(pool, P("lb04_original_script_col"), rng)
            l5_rl(pool, P("lb05_prose_lettered"), rng)
            l6_html(pool, P("lb06_dark_header_zebra"), rng)
            l7_rl(pool, P("lb07_two_annexes"), rng)
            l8_photo(pool, P("lb08_phone_photo"), rng)
            l9_searchable(pool, P("lb09_searchable_scan"), rng, l3_html, 1)
            l10_plain(pool, P("lb10_plain_scan_fax"), rng, l6_rl, True, n=14, kind="informed", ref="IF-25-1402")

if __name__ == "__main__":
    main()
