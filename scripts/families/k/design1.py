"""Family K, design 1 (dev): reportlab (DejaVu Sans / Serif), chromium for the rotated-header table."""
import os, sys
from reportlab.lib.pagesizes import letter, landscape
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, PageBreak
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from xml.sax.saxutils import escape as E
sys.path.insert(0, os.path.dirname(__file__))
import common as C

F = "/usr/share/fonts/truetype/dejavu/"
pdfmetrics.registerFont(TTFont("DV", F + "DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DVB", F + "DejaVuSans-Bold.ttf"))
pdfmetrics.registerFont(TTFont("DVS", F + "DejaVuSerif.ttf"))
body = ParagraphStyle("b", fontName="DVS", fontSize=10, leading=13, spaceAfter=6)
cell = ParagraphStyle("c", fontName="DV", fontSize=7.5, leading=9)
hdr = ParagraphStyle("h", fontName="DVB", fontSize=7.5, leading=9)


def P(t, s=cell):
    return Paragraph(E(t), s)


def cover(ref, kind="supplier"):
    out = [Paragraph("<b>" + "<br/>".join(C.BIS_HEAD) + "</b>", ParagraphStyle("x", parent=body, alignment=1)),
           Spacer(1, 8), Paragraph(f"July 22, 2025 &nbsp;&nbsp;&nbsp; Ref.: {ref}", body),
           Paragraph("<br/>".join(C.RECIP), body),
           Paragraph("Re: Parties of diversion concern", body),
           Paragraph("Dear Export Compliance Officer:", body),
           Paragraph("The Bureau of Industry and Security (BIS) has identified the foreign parties listed below as "
                     "presenting a risk of diversion of Common High Priority List items to Russia. BIS requests that "
                     "your company exercise heightened due diligence before any transaction with these parties.", body)]
    return out


def sign():
    return [Spacer(1, 10), Paragraph("Sincerely,<br/><br/>John R. Whitfield<br/>Special Agent in Charge<br/>"
                                     "Office of Export Enforcement, Washington Field Office", body)]


def tstyle(extra=()):
    return TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd"))] + list(extra))


def build(path, story, size=letter, margin=0.7 * inch):
    SimpleDocTemplate(path, pagesize=size, leftMargin=margin, rightMargin=margin, topMargin=margin,
                      bottomMargin=margin).build(story)


# 1. address split over columns
def k_columns(path, ps):
    rows = [[P(h, hdr) for h in ("Name", "Also known as", "Street", "City", "Postal code", "Country", "HS codes")]]
    for p in ps:
        rows.append([P(p["name"]), P("; ".join(p["aliases"])), P(p["street"]), P(p["city"]), P(p["postal"]),
                     P(C.PLAIN[p["country"]]), P(", ".join(p["hs"]))])
    t = Table(rows, colWidths=[1.9 * inch, 1.5 * inch, 1.7 * inch, 0.8 * inch, 0.6 * inch, 0.7 * inch, 0.7 * inch],
              repeatRows=1)
    t.setStyle(tstyle())
    build(path, cover("OEE-K-2025-0101") + [t] + sign(), margin=0.5 * inch)
    C.truth(path, [C.tp(p) for p in ps])


# 2. long list, landscape, 7pt, thin rules, header repeated
def k_long(path, ps):
    c7 = ParagraphStyle("c7", fontName="DV", fontSize=7, leading=8)
    h7 = ParagraphStyle("h7", fontName="DVB", fontSize=7, leading=8)
    rows = [[Paragraph(h, h7) for h in ("#", "Entity name", "Alias(es)", "Address", "Country", "CHPL HS-6")]]
    for i, p in enumerate(ps, 1):
        rows.append([Paragraph(str(i), c7), Paragraph(E(p["name"]), c7), Paragraph(E(" | ".join(p["aliases"])), c7),
                     Paragraph(E(C.addr(p)), c7), Paragraph(C.PLAIN[p["country"]], c7),
                     Paragraph(" ".join(p["hs"]), c7)])
    t = Table(rows, colWidths=[0.3 * inch, 2.6 * inch, 2.2 * inch, 3.0 * inch, 0.9 * inch, 1.0 * inch], repeatRows=1)
    t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    st = [Paragraph("<b>Attachment 1 - Supplier List: Parties of Diversion Concern</b>", body), t]
    build(path, cover("OEE-K-2025-0102") + [PageBreak()] + st, size=landscape(letter), margin=0.4 * inch)
    C.truth(path, [C.tp(p, aliases=p["aliases"]) for p in ps])


# 6. country variants
def k_country(path, ps, rng):
    rows = [[P(h, hdr) for h in ("No.", "Party", "Alias", "Address", "Country", "Items (HS)")]]
    for i, p in enumerate(ps, 1):
        rows.append([P(str(i)), P(p["name"]), P(", ".join(p["aliases"])), P(C.addr(p)),
                     P(rng.choice(C.VARIANT[p["country"]])), P("; ".join(p["hs"]))])
    t = Table(rows, colWidths=[0.35 * inch, 2.0 * inch, 1.5 * inch, 2.1 * inch, 1.0 * inch, 0.8 * inch], repeatRows=1)
    t.setStyle(tstyle())
    build(path, cover("OEE-K-2025-0106") + [t] + sign())
    C.truth(path, [C.tp(p) for p in ps])


# 7. original script in the same cell
def k_script(path, ps):
    rows = [[P(h, hdr) for h in ("Item", "Company", "Registered address", "Country", "HS")]]
    tr = []
    for i, p in enumerate(ps, 1):
        cy = C.cyr(p["name"])
        shown = f"{cy} ({p['name']})"
        if p["aliases"]:
            shown += "; a.k.a. " + "; ".join(p["aliases"])
        rows.append([P(str(i)), P(shown), P(C.addr(p)), P("Russia"), P(", ".join(p["hs"]))])
        tr.append(C.tp(p, aliases=[cy] + p["aliases"]))
    t = Table(rows, colWidths=[0.4 * inch, 2.9 * inch, 2.3 * inch, 0.7 * inch, 0.9 * inch], repeatRows=1)
    t.setStyle(tstyle())
    build(path, cover("OEE-K-2025-0107") + [t] + sign())
    C.truth(path, tr)


# 8. numbered list in prose
def k_prose(path, ps):
    items = []
    for i, p in enumerate(ps, 1):
        s = p["name"]
        if p["aliases"]:
            s += ", a.k.a. " + ", a.k.a. ".join(p["aliases"])
        s += ", " + C.addr(p) + ", " + C.PLAIN[p["country"]]
        items.append(f"{i}) {s}")
    para = ("Based on information available to BIS, the following parties have received items listed on the "
            "Common High Priority List and re-exported them to the Russian Federation: " + "; ".join(items) + ".")
    st = cover("OEE-K-2025-0108") + [Paragraph(E(para), ParagraphStyle("j", parent=body, alignment=4))] + sign()
    build(path, st)
    C.truth(path, [C.tp(p, hs=False) for p in ps])


# 10. two annexes linked by party number
def k_annex(path, ps, rng):
    a = [[P(h, hdr) for h in ("Party No.", "Name", "Alias(es)", "Address", "Country")]]
    b = [[P(h, hdr) for h in ("Party No.", "HS code", "Description")]]
    desc = {"85": "Electronic integrated circuits / components", "84": "Machinery and parts",
            "90": "Optical, measuring or checking instruments", "88": "Aircraft parts", "93": "Arms parts"}
    for i, p in enumerate(ps, 1):
        a.append([P(f"A-{i}"), P(p["name"]), P("; ".join(p["aliases"])), P(C.addr(p)), P(C.PLAIN[p["country"]])])
    lines = [(i, h) for i, p in enumerate(ps, 1) for h in p["hs"]]
    rng.shuffle(lines); lines.sort(key=lambda x: x[1][:4])
    for i, h in lines:
        b.append([P(f"A-{i}"), P(h), P(desc.get(h[:2], "CHPL item"))])
    ta = Table(a, colWidths=[0.6 * inch, 2.2 * inch, 1.6 * inch, 2.0 * inch, 0.9 * inch], repeatRows=1); ta.setStyle(tstyle())
    tb = Table(b, colWidths=[0.8 * inch, 0.9 * inch, 3.5 * inch], repeatRows=1); tb.setStyle(tstyle())
    st = cover("OEE-K-2025-0110") + [Paragraph("<b>Annex A - Parties</b>", body), ta, Spacer(1, 12),
                                     Paragraph("<b>Annex B - Items of concern (by party)</b>", body), tb] + sign()
    build(path, st)
    C.truth(path, [C.tp(p) for p in ps])


# plain table used as the source page of scans
def k_plain(path, ps, ref):
    rows = [[P(h, hdr) for h in ("No.", "Name / aliases", "Address", "Country", "HS codes")]]
    for i, p in enumerate(ps, 1):
        nm = p["name"] + ("".join(f"\na.k.a. {a}" for a in p["aliases"]))
        rows.append([P(str(i)), Paragraph(E(nm).replace("\n", "<br/>"), cell), P(C.addr(p)), P(C.PLAIN[p["country"]]),
                     P(", ".join(p["hs"]))])
    t = Table(rows, colWidths=[0.4 * inch, 2.6 * inch, 2.4 * inch, 0.9 * inch, 0.9 * inch], repeatRows=1)
    t.setStyle(tstyle())
    build(path, cover(ref) + [t] + sign())
    return [C.tp(p) for p in ps]


# 9. rotated column headers, zebra rows without rules, ECCNs and HS codes mixed (chromium)
def k_rotated(path, ps, rng):
    import raster
    eccn = ["3A001.a.2", "EAR99", "5A991.b", "3A991.p", "4A994.l", "7A994", "5A002.a"]
    trs, tr = [], []
    for i, p in enumerate(ps, 1):
        items = [rng.choice(eccn) for _ in range(rng.randint(0, 2))] + p["hs"]
        rng.shuffle(items)
        al = "<br>".join("a.k.a. " + E(a) for a in p["aliases"])
        trs.append(f"<tr><td>{i}</td><td>{E(p['name'])}</td><td>{al}</td><td>{E(C.addr(p))}</td>"
                   f"<td>{C.PLAIN[p['country']]}</td><td>{', '.join(items)}</td></tr>")
        tr.append(C.tp(p))
    heads = "".join(f"<th><div>{h}</div></th>" for h in ("Ref.", "Entity", "Other names", "Location", "Country",
                                                          "ECCN / HS classification"))
    html = f"""<html><head><style>
    body{{font-family:'Liberation Serif';font-size:10.5pt}} table{{border-collapse:collapse;width:100%;font-family:'DejaVu Sans';font-size:7.5pt}}
    th{{height:110px;vertical-align:bottom;border-bottom:1px solid #000}} th div{{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;text-align:left}}
    td{{padding:3px;vertical-align:top}} tr:nth-child(even) td{{background:#e8eef6}}
    </style></head><body><p style='text-align:center'><b>{'<br>'.join(C.BIS_HEAD)}</b></p>
    <p>August 5, 2025<br>Our reference: OEE-K-2025-0109</p><p>{'<br>'.join(C.RECIP)}</p>
    <p>Subject: Red flag notification &mdash; transaction parties of diversion concern</p>
    <p>BIS has information that your items, including those classified below, were shipped to the following parties and subsequently re-exported to Russia. Please review your transactions with these parties.</p>
    <table><thead><tr>{heads}</tr></thead><tbody>{''.join(trs)}</tbody></table>
    <p>Sincerely,<br><br>Maria T. Ellison<br>Director, Office of Export Enforcement</p></body></html>"""
    raster.html_pdf(html, path)
    C.truth(path, tr)
