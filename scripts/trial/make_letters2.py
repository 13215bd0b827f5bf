"""Round 2: harder layouts."""
import csv
import io
import json
import os
from email.message import EmailMessage
from email.utils import formatdate

import openpyxl
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch, mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

OUT = "/tmp/trial/letters"
pdfmetrics.registerFont(TTFont("DV", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DVB", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))
pdfmetrics.registerFont(TTFont("LS", "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"))
pdfmetrics.registerFont(TTFont("LSB", "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf"))
body = ParagraphStyle("b", fontName="DV", fontSize=9.5, leading=12.5)
bold = ParagraphStyle("h", fontName="DVB", fontSize=10, leading=13)
cell = ParagraphStyle("c", fontName="DV", fontSize=8, leading=9.5)
cellb = ParagraphStyle("cb", fontName="DVB", fontSize=8, leading=9.5)
TRUTH = json.load(open(f"{OUT}/truth.json"))


def head(ref, date, subject):
    return [
        Paragraph("UNITED STATES DEPARTMENT OF COMMERCE", bold),
        Paragraph("Bureau of Industry and Security, Office of Export Enforcement", body),
        Spacer(1, 8), Paragraph(date, body), Paragraph(f"Our reference: {ref}", body), Spacer(1, 6),
        Paragraph("Halvorsen Instruments Corp.<br/>22 Quarry Lane, Andover, MA 01810", body), Spacer(1, 6),
        Paragraph(f"SUBJECT: {subject}", bold), Spacer(1, 6)]


# F: aliases column with one alias per line, a.k.a. prefixes, 10-digit HS, extra columns, blank cells, ISO codes
F = [
    ("Fujian Minxin Microelectronics Co., Ltd.", ["Minxin Micro", "FJ Minxin Electronic"], "No. 8 Gaoxin Road, Fuzhou, Fujian 350108", "CN", "CN", ["8542310000", "8542390000"], ["8542.31.0000", "8542.39.0000"], "14", "2024-02-11"),
    ("Veles Avia Components OOO", [], "", "RU", "RU", ["880730"], ["8807.30"], "3", "2023-11-30"),
    ("Sinotrust Link (HK) Limited", ["Sino Trust Link"], "Flat A, 10/F, Tung Ning Building, 249-253 Des Voeux Road Central, Sheung Wan", "HK", "HK", ["854239"], ["8542.39"], "27", "2024-04-02"),
    ("Magnit Elektronik Dış Ticaret Ltd. Şti.", ["Magnit Elektronik"], "Perpa Ticaret Merkezi B Blok Kat 11 No 1753, Okmeydanı, Şişli, İstanbul", "TR", "TR", ["8517620000"], ["8517.62.0000"], "6", "2024-01-19"),
    ("Emirates Horizon Technologies L.L.C.", ["EHT LLC", "Horizon Tech UAE", "Horizon Technologies FZ"], "Office 1204, Al Moosa Tower 2, Sheikh Zayed Road, Dubai", "AE", "AE", ["8471500000", "8473300000"], ["8471.50.0000", "8473.30.0000"], "9", "2024-03-07"),
]


def letter_f():
    path = f"{OUT}/F_aliases_perline_hs10.pdf"
    doc = SimpleDocTemplate(path, pagesize=LETTER, leftMargin=0.6 * inch, rightMargin=0.6 * inch)
    story = head("OEE-RF-2024-1402", "May 6, 2024", "Red Flag Notification - Transshipment of your items")
    story.append(Paragraph(
        "BIS customs data show that the following customers of yours re-exported your items to Russia. "
        "This is a red flag. Please resolve the red flag before any further shipment.", body))
    story.append(Spacer(1, 8))
    rows = [[Paragraph(h, cellb) for h in ["Name of Party", "Alternate Names", "Address", "Ctry", "HTS Code(s)", "No. of Shipments", "Last Shipment"]]]
    for n, al, ad, c, _, hs, _, sh, dt in F:
        rows.append([Paragraph(n, cell), Paragraph("<br/>".join("a.k.a. " + a for a in al), cell), Paragraph(ad, cell),
                     Paragraph(c, cell), Paragraph("<br/>".join(hs), cell), Paragraph(sh, cell), Paragraph(dt, cell)])
    t = Table(rows, colWidths=[1.45 * inch, 1.25 * inch, 1.9 * inch, 0.4 * inch, 0.9 * inch, 0.7 * inch, 0.75 * inch])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(t)
    doc.build(story)
    TRUTH[os.path.basename(path)] = [dict(name=n, aliases=al, address=ad, country=cc, hs=hs2) for n, al, ad, _, cc, _, hs2, _, _ in F]


# G: unruled, names AND addresses wrap, no extra space between rows
G = [
    (["Joint Stock Company Scientific", "Production Enterprise Radiosvyaz"], ["ul. Tsiolkovskogo 7,", "Krasnoyarsk 660021"], "Russia", "RU"),
    (["Bright Future Electronic Components", "Trading Limited"], ["Unit 1106, 11/F, Tower 1, Enterprise Square,", "9 Sheung Yuet Road, Kowloon Bay"], "Hong Kong", "HK"),
    (["Irtysh Trade LLP"], ["Satpayev Street 30A, office 115,", "Pavlodar 140000"], "Kazakhstan", "KZ"),
    (["Caspian Logistic Solutions MMC"], ["Heydar Aliyev Ave. 152,", "Chinar Plaza, 14th floor,", "Baku AZ1029"], "Azerbaijan", "AZ"),
    (["Shenzhen Yuante Sheng Technology", "Development Co., Ltd."], ["Room 1602, Hangdu Building, Huafu Road,", "Futian District, Shenzhen"], "China", "CN"),
    (["Vneshtorgtekhnika OOO"], ["Kalanchevskaya ul. 16, str. 1,", "Moscow 107078"], "Russia", "RU"),
]


def letter_g():
    path = f"{OUT}/G_unruled_tight_wrapnames.pdf"
    c = canvas.Canvas(path, pagesize=A4)
    W, H = A4
    y = H - 70
    def line(txt, x=70, font="LS", size=11, dy=14):
        nonlocal y
        c.setFont(font, size); c.drawString(x, y, txt); y -= dy
    line("UNITED STATES DEPARTMENT OF COMMERCE", font="LSB")
    line("Bureau of Industry and Security")
    y -= 8
    line("15 January 2025")
    line("Ref.: OEE-SL-2025-0044")
    y -= 8
    line("Halvorsen Instruments Corp., 22 Quarry Lane, Andover, MA 01810")
    y -= 8
    line("Re: Supplier list of parties of diversion concern", font="LSB")
    for t in ["BIS asks that you voluntarily stop shipping to the parties of diversion concern listed below.",
              "Please refrain from further sales to these parties."]:
        line(t)
    y -= 12
    xs = [70, 265, 470]
    c.setFont("LSB", 10)
    for x, h in zip(xs, ["Company", "Address", "Country"]):
        c.drawString(x, y, h)
    y -= 14
    c.setFont("LS", 10)
    for names, addr, ctry, _ in G:
        top = y
        for i, n in enumerate(names):
            c.drawString(xs[0], top - 12 * i, n)
        for i, a in enumerate(addr):
            c.drawString(xs[1], top - 12 * i, a)
        c.drawString(xs[2], top, ctry)
        y = top - 12 * max(len(names), len(addr))  # no extra gap
    y -= 20
    line("Office of Export Enforcement")
    c.showPage(); c.save()
    TRUTH[os.path.basename(path)] = [dict(name=" ".join(n), aliases=[], address=" ".join(a), country=cc, hs=[]) for n, a, _, cc in G]


# H: prose with parenthesised locations, comma-separated, "and"
H = [
    ("Zhongshan Leiyuan Electronics Co., Ltd.", "Zhongshan, China", "CN"),
    ("Polar Star Trading Limited", "Hong Kong", "HK"),
    ("Aeromarine Supply FZCO", "Dubai, United Arab Emirates", "AE"),
    ("Tashkent Avia Servis MChJ", "Tashkent, Uzbekistan", "UZ"),
]


def letter_h():
    path = f"{OUT}/H_prose_parenthesised.pdf"
    doc = SimpleDocTemplate(path, pagesize=LETTER)
    story = head("OEE-PG-2025-0310", "February 27, 2025", "Project Guardian request for assistance")
    ents = ", ".join(f"{n} ({loc})" for n, loc, _ in H[:-1]) + f" and {H[-1][0]} ({H[-1][1]})"
    story.append(Paragraph(
        "As part of Project Guardian, BIS requests your assistance. BIS has information that the "
        f"following entities are seeking US-origin navigation and avionics items: {ents}. "
        "Please notify the field office of any enquiry or order from these entities.", body))
    story.append(Spacer(1, 6))
    story.append(Paragraph("Halvorsen Instruments Corp. is not suspected of any wrongdoing. Sincerely, Office of Export Enforcement, Boston Field Office.", body))
    doc.build(story)
    TRUTH[os.path.basename(path)] = [dict(name=n, aliases=[], address="", country=cc, hs=[], loc=loc) for n, loc, cc in H]


# I: table continues on page 2, a row split across the break, running header on p2, no repeated column header
I = [(f"{a} {b}", ad, ctry, cc) for a, b, ad, ctry, cc in [
    ("Almaz Trade", "LLC", "Leninsky prospekt 32A, Moscow 119334", "Russia", "RU"),
    ("Beijing Zhongke", "Xinyuan Technology Co., Ltd.", "No. 3 Danling Street, Haidian District, Beijing 100080", "China", "CN"),
    ("Crimson Gate", "General Trading LLC", "Shop 5, Al Ras, Deira, Dubai", "United Arab Emirates", "AE"),
    ("Delta Komponent", "OOO", "Sredny prospekt V.O. 88, St. Petersburg 199106", "Russia", "RU"),
    ("Everbright Parts", "Limited", "Room 2101, 21/F, Nan Fung Centre, 264-298 Castle Peak Road, Tsuen Wan", "Hong Kong", "HK"),
    ("Ferrotek Muhendislik", "A.S.", "Ivedik OSB 1467. Cad. No 22, Yenimahalle, Ankara", "Turkey", "TR"),
    ("Golden Route", "Trading FZE", "SAIF Zone, Q1-05-112/B, Sharjah", "United Arab Emirates", "AE"),
    ("Hanseatic Components", "GmbH", "Grosse Elbstrasse 145, 22767 Hamburg", "Germany", "DE"),
    ("Issyk-Kul Trade", "OsOO", "Manas Avenue 40, Bishkek 720001", "Kyrgyzstan", "KG"),
    ("Jiangsu Hengyuan", "Import & Export Co., Ltd.", "No. 56 Zhongshan North Road, Nanjing 210008", "China", "CN"),
]]


def letter_i():
    path = f"{OUT}/I_split_row_pagebreak.pdf"
    c = canvas.Canvas(path, pagesize=LETTER)
    W, H = LETTER
    y = H - 60
    def line(txt, x=60, font="DV", size=9.5, dy=13):
        nonlocal y
        c.setFont(font, size); c.drawString(x, y, txt); y -= dy
    line("U.S. DEPARTMENT OF COMMERCE - BUREAU OF INDUSTRY AND SECURITY", font="DVB")
    line("Office of Export Enforcement")
    y -= 6
    line("October 2, 2025      Reference: OEE-SL-2025-1177")
    y -= 6
    line("Re: Supplier List - parties of diversion concern", font="DVB")
    for t in ["BIS requests that you voluntarily stop shipping to the following parties of diversion concern.",
              "These parties have been identified in customs data as supplying Common High Priority List items",
              "to Russia. Please refrain from further sales to them."] + [
              "Filler paragraph line to push the table toward the page foot. " * 1] * 34:
        line(t)
    y -= 10
    xs = [60, 80, 270, 490]
    def hrule(yy):
        c.setLineWidth(0.4); c.line(60, yy, 560, yy)
    c.setFont("DVB", 8.5)
    for x, h in zip(xs, ["No.", "Entity name", "Address", "Country"]):
        c.drawString(x, y, h)
    hrule(y - 4)
    y -= 16
    c.setFont("DV", 8.5)
    page = 1
    def wrap(s, n):
        out, cur = [], ""
        for w in s.split():
            if len(cur) + len(w) + 1 > n:
                out.append(cur); cur = w
            else:
                cur = (cur + " " + w).strip()
        return out + [cur]
    for k, (n, ad, ctry, _) in enumerate(I, 1):
        nl = wrap(n, 34); al = wrap(ad, 40); cl = wrap(ctry, 13)
        lines = max(len(nl), len(al), len(cl))
        for i in range(lines):
            if y < 60:  # page break inside a row
                c.setFont("DV", 7); c.drawString(280, 30, f"Page {page}")
                c.showPage(); page += 1; y = H - 50
                c.setFont("DV", 7); c.drawString(60, y, "OEE-SL-2025-1177 - Supplier List (continued)"); y -= 24
                c.setFont("DV", 8.5)
            if i == 0:
                c.drawString(xs[0], y, str(k))
            if i < len(nl): c.drawString(xs[1], y, nl[i])
            if i < len(al): c.drawString(xs[2], y, al[i])
            if i < len(cl): c.drawString(xs[3], y, cl[i])
            y -= 11
        hrule(y + 7)
        y -= 5
    y -= 10
    c.drawString(60, y, "Special Agent in Charge")
    c.setFont("DV", 7); c.drawString(280, 30, f"Page {page}")
    c.showPage(); c.save()
    TRUTH[os.path.basename(path)] = [dict(name=n, aliases=[], address=ad, country=cc, hs=[]) for n, ad, _, cc in I]


# J: HTML-only e-mail forwarding an original message that has an XLSX and a cp1252 ';' CSV
J_X = [("Kunming Tianrui Optoelectronics Co., Ltd.", "Tianrui Optics", "No. 9 Keyi Road, Kunming 650106", "China", "CN", "9013.10"),
       ("Sever Pribor OOO", "", "Prospekt Lenina 12, Murmansk 183038", "Russia", "RU", "9014.20")]
J_C = [("Société Orientale d'Électronique SARL", "SOE", "Rue de l'Industrie 14, Zone Franche, Tanger", "Maroc", "MA", "8542.31"),
       ("Müller & Söhne Handelsgesellschaft mbH", "", "Königstraße 5, 70173 Stuttgart", "Deutschland", "DE", "8526.91")]


def letter_j():
    path = f"{OUT}/J_forwarded_xlsx_cp1252.eml"
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Parties"
    ws.append(["Entity", "AKA", "Address", "Country", "HS"])
    for r in J_X:
        ws.append([r[0], r[1], r[2], r[3], r[5]])
    b = io.BytesIO(); wb.save(b)
    s = io.StringIO(); w = csv.writer(s, delimiter=";")
    w.writerow(["Name", "Alias", "Adresse", "Land", "HS-Code"])
    for r in J_C:
        w.writerow([r[0], r[1], r[2], r[3], r[5]])
    orig = EmailMessage()
    orig["From"] = "BIS OEE <oee@bis.doc.gov>"; orig["To"] = "export@halvorsen.example"
    orig["Subject"] = "Supplier list OEE-SL-2025-0901 - parties of diversion concern"
    orig["Date"] = formatdate(1757000000)
    orig.set_content("BIS requests that you voluntarily stop shipping to the parties of diversion concern in the attached supplier list.")
    orig.add_attachment(b.getvalue(), maintype="application", subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="list_part1.xlsx")
    orig.add_attachment(s.getvalue().encode("cp1252"), maintype="text", subtype="csv", filename="list_part2.csv")
    fwd = EmailMessage()
    fwd["From"] = "Legal <legal@halvorsen.example>"; fwd["To"] = "tradecompliance@halvorsen.example"
    fwd["Subject"] = "Fwd: Supplier list OEE-SL-2025-0901 - parties of diversion concern"
    fwd["Date"] = formatdate(1757100000)
    fwd.add_alternative("<html><body><p>FYI - please load into screening.</p><p>-- Legal</p></body></html>", subtype="html")
    fwd.add_attachment(orig)
    open(path, "wb").write(bytes(fwd))
    TRUTH[os.path.basename(path)] = [dict(name=r[0], aliases=[r[1]] if r[1] else [], address=r[2], country=r[4], hs=[r[5]]) for r in J_X + J_C]


letter_f(); letter_g(); letter_h(); letter_i(); letter_j()
json.dump(TRUTH, open(f"{OUT}/truth.json", "w"), indent=1, ensure_ascii=False)
print("ok")
