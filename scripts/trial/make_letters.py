"""Trial letters written by a tester, not by the project's generators."""
import csv
import io
import json
import os
from email.message import EmailMessage
from email.utils import formatdate

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch, mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

OUT = "/tmp/trial/letters"
os.makedirs(OUT, exist_ok=True)
pdfmetrics.registerFont(TTFont("DV", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DVB", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))
pdfmetrics.registerFont(TTFont("LS", "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"))

body = ParagraphStyle("b", fontName="DV", fontSize=9.5, leading=12.5)
bold = ParagraphStyle("h", fontName="DVB", fontSize=10, leading=13)
cell = ParagraphStyle("c", fontName="DV", fontSize=8, leading=9.5)
cellb = ParagraphStyle("cb", fontName="DVB", fontSize=8, leading=9.5)
TRUTH = {}


def head(ref, date, subject):
    return [
        Paragraph("UNITED STATES DEPARTMENT OF COMMERCE", bold),
        Paragraph("Bureau of Industry and Security", body),
        Paragraph("Office of Export Enforcement", body),
        Paragraph("Washington, D.C. 20230", body),
        Spacer(1, 10),
        Paragraph(date, body),
        Paragraph(f"Reference: {ref}", body),
        Spacer(1, 8),
        Paragraph("Meridian Photonics Inc.<br/>Attn: Trade Compliance<br/>4410 Kestrel Way<br/>Beaverton, OR 97005", body),
        Spacer(1, 8),
        Paragraph(f"Re: {subject}", bold),
        Spacer(1, 6),
    ]


# ---------------------------------------------------------------- A: Party + Aliases columns, ruled grid, HS codes
A = [
    ("Shenzhen Jinhuada Electronic Technology Co., Ltd.", ["JHD Electronics", "Jin Hua Da Tech"],
     "Room 1205, Block B, Galaxy Century Building, Caitian Road, Futian District, Shenzhen, Guangdong 518026",
     "China", "CN", ["8542.31", "8542.39"]),
    ("Tekno Yildiz Dis Ticaret Limited Sirketi", ["Tekno Yildiz Ltd."],
     "Maslak Mah. Buyukdere Cad. No: 255, Sariyer, Istanbul 34398", "Turkey", "TR", ["8517.62"]),
    ("ACTeam Logistics Ltd.", [],
     "Unit B1-B3, 21/F, Block B, Kong Nam Industrial Building, 603-609 Castle Peak Road, Tsuen Wan, N.T.",
     "Hong Kong", "HK", ["8471.50", "8542.32", "8473.30"]),
    ("Al Sahra Electronics Trading FZE", ["Sahra Electronics", "ASET FZE", "Desert Electronics"],
     "Office 714, Building 6WB, Dubai Airport Free Zone, Dubai", "United Arab Emirates", "AE", ["8526.91"]),
    ("Asia Pacific Links Limited", ["APL HK"],
     "Flat 12, 9/F, Kwai Cheong Centre, 50-52 Kwai Cheong Road, Kwai Chung", "Hong Kong", "HK", ["8542.31"]),
    ("Orion Tech Solutions OsOO", ["Orion Tekh"],
     "Chuy Avenue 128, office 44, Bishkek 720040", "Kyrgyzstan", "KG", ["8517.62", "9013.10"]),
]


def letter_a():
    path = f"{OUT}/A_party_aliases_cols.pdf"
    doc = SimpleDocTemplate(path, pagesize=LETTER, leftMargin=0.8 * inch, rightMargin=0.8 * inch,
                            topMargin=0.8 * inch, bottomMargin=0.8 * inch)
    story = head("OEE-SL-2025-0417", "March 3, 2025",
                 "Supplier List - Parties of Diversion Concern")
    story.append(Paragraph(
        "Dear Sir or Madam: The Bureau of Industry and Security (BIS) is providing this supplier list "
        "of parties of diversion concern. BIS requests that you voluntarily stop shipping to, and "
        "refrain from further sales to, the parties listed below, which have been identified as "
        "shipping Common High Priority List items to Russia.", body))
    story.append(Spacer(1, 8))
    rows = [[Paragraph(h, cellb) for h in ["No.", "Party", "Aliases", "Address", "Country", "HS Codes"]]]
    for i, (n, al, ad, c, _, hs) in enumerate(A, 1):
        rows.append([Paragraph(str(i), cell), Paragraph(n, cell), Paragraph("; ".join(al), cell),
                     Paragraph(ad, cell), Paragraph(c, cell), Paragraph(", ".join(hs), cell)])
    t = Table(rows, colWidths=[0.35 * inch, 1.55 * inch, 1.2 * inch, 2.0 * inch, 0.8 * inch, 0.9 * inch])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]))
    story.append(t)
    story.append(Spacer(1, 10))
    story.append(Paragraph("Sincerely,<br/>Special Agent in Charge<br/>Office of Export Enforcement", body))
    doc.build(story)
    TRUTH[os.path.basename(path)] = [dict(name=n, aliases=al, address=ad, country=cc, hs=hs) for n, al, ad, _, cc, hs in A]


# ---------------------------------------------------------------- B: no ruling lines, wrapped addresses (canvas)
B = [
    ("Energokomplekt Service LLC", ["ul. Bolshaya Serpukhovskaya 44,", "office 19, Moscow 115093"], "Russia", "RU"),
    ("Sky Leader Trading Limited", ["Room 803, 8/F, Lippo Sun Plaza,", "28 Canton Road, Tsim Sha Tsui,", "Kowloon"], "Hong Kong", "HK"),
    ("Pars Gostar Mehr Company", ["No. 14, Golbarg Alley,", "Mirdamad Blvd., Tehran"], "Iran", "IR"),
    ("Arvand Trade Armenia LLC", ["Tigran Mets Ave. 67,", "Yerevan 0005"], "Armenia", "AM"),
    ("Kazmicrotech TOO", ["Abay Avenue 150/230, office 12,", "Almaty 050046"], "Kazakhstan", "KZ"),
    ("Global Components Hub DMCC", ["Unit 2304, Jumeirah Bay X2 Tower,", "Cluster X, Jumeirah Lakes Towers,", "Dubai"], "United Arab Emirates", "AE"),
    ("Gulf Gate Shipping Co. LLC", ["No. 508, Bldg P-114, Almaktoum Road,", "Deirah, Dubai"], "United Arab Emirates", "AE"),
]


def letter_b():
    path = f"{OUT}/B_unruled_wrapped.pdf"
    c = canvas.Canvas(path, pagesize=LETTER)
    W, H = LETTER
    y = H - 60
    def line(txt, x=60, font="LS", size=11, dy=14):
        nonlocal y
        c.setFont(font, size); c.drawString(x, y, txt); y -= dy
    line("U.S. Department of Commerce", font="LS", size=12)
    line("Bureau of Industry and Security - Office of Export Enforcement")
    line("Chicago Field Office")
    y -= 10
    line("September 16, 2024")
    line("OEE Case Reference: CHI-RF-2024-0311")
    y -= 10
    line("Meridian Photonics Inc.")
    line("4410 Kestrel Way, Beaverton, OR 97005")
    y -= 10
    line("Subject: Red Flag Notification - Customers Identified in Diversion to Russia")
    y -= 6
    for t in [
        "BIS has identified the following customers of yours as parties that appear to have re-exported",
        "items you supplied to the Russian Federation. Your items were re-exported after shipment, as",
        "shown in customs records. Each of these facts is a red flag under Supplement No. 3 to Part 732",
        "of the EAR. You should resolve the red flag before any further shipment to these customers.",
    ]:
        line(t)
    y -= 14
    xs = [60, 250, 460]
    c.setFont("LS", 11)
    for x, h in zip(xs, ["Customer Name", "Address", "Country"]):
        c.drawString(x, y, h)
    y -= 20
    c.setFont("LS", 10)
    for n, addr, ctry, _ in B:
        top = y
        c.drawString(xs[0], y, n)
        c.drawString(xs[2], y, ctry if len(ctry) < 16 else "United Arab")
        if len(ctry) >= 16:
            c.drawString(xs[2], y - 12, "Emirates")
        for i, a in enumerate(addr):
            c.drawString(xs[1], y - 12 * i, a)
        y = top - 12 * max(len(addr), 2 if len(ctry) >= 16 else 1) - 8
    y -= 10
    c.setFont("LS", 11)
    c.drawString(60, y, "Sincerely,"); y -= 14
    c.drawString(60, y, "Special Agent in Charge, Chicago Field Office")
    c.showPage(); c.save()
    TRUTH[os.path.basename(path)] = [dict(name=n, aliases=[], address=" ".join(a), country=cc, hs=[]) for n, a, _, cc in B]


# ---------------------------------------------------------------- C: prose list
C = [
    ("3K Aviation Consulting and Logistics", ["3K Havacilik ve Danismanlik San. Tic. Ltd. Sti."],
     "Biniciler Apt. Savas Cad. No. 18/5, Sirinyali Mah. 07160, Antalya", "Turkey", "TR"),
    ("Gryphon Aerospace", [], "36 Lorong N Telok Kurau Unit #03-03, Singapore 425160", "Singapore", "SG"),
    ("Nordic Trade Link OÜ", ["NTL Estonia"], "Pärnu mnt 105, 11312 Tallinn", "Estonia", "EE"),
    ("Vostok Komponent LLC", [], "Prospekt Mira 102, building 31, Moscow 129626", "Russia", "RU"),
]


def letter_c():
    path = f"{OUT}/C_prose_is_informed.pdf"
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm)
    story = head("OEE-IS-2025-0902", "11 June 2025", "Notice that a license is required (\"is informed\" letter)")
    parts = []
    for n, al, ad, ctry, _ in C:
        s = n
        if al:
            s += f" (also known as {al[0]})"
        s += f", located at {ad}, {ctry}"
        parts.append(s)
    prose = ("Pursuant to 15 CFR 744.21(b), you are hereby informed that a license is required for the export, "
             "reexport, or transfer (in-country) of any item subject to the EAR to the following entities: "
             + "; ".join(parts[:-1]) + "; and " + parts[-1] + ". ")
    story.append(Paragraph(prose, body))
    story.append(Spacer(1, 6))
    story.append(Paragraph(
        "No item subject to the EAR may be exported to these parties unless BIS has authorized it. "
        "This requirement applies to items identified on the Common High Priority List, including HS "
        "8542.31 and 8542.39.", body))
    story.append(Spacer(1, 10))
    story.append(Paragraph("Sincerely,<br/>Director, Office of Export Enforcement", body))
    doc.build(story)
    TRUTH[os.path.basename(path)] = [dict(name=n, aliases=al, address=ad, country=cc, hs=[]) for n, al, ad, _, cc in C]


# ---------------------------------------------------------------- D: table continues on page 2 without a header
PREFIX = ["Shenzhen", "Guangzhou", "Xiamen", "Ningbo", "Dongguan", "Hangzhou", "Suzhou", "Tianjin"]
MID = ["Huaxin", "Rongtai", "Kaida", "Yuanhang", "Botong", "Xinlian", "Hengda", "Jiarui", "Longwei", "Mingtai"]
SUF = ["Electronics Co., Ltd.", "Trading Co., Limited", "Technology Co., Ltd.", "Import and Export Co., Ltd."]


def d_parties():
    out = []
    for i in range(34):
        city = PREFIX[i % 8]
        n = f"{city} {MID[i % 10]}{' ' + MID[(i * 3 + 1) % 10] if i >= 10 else ''} {SUF[i % 4]}"
        ad = f"No. {10 + i * 7} {['Keji', 'Nanhai', 'Binjiang', 'Zhongshan'][i % 4]} Road, Floor {2 + i % 9}, {city}"
        if i % 5 == 3:
            ctry, cc = "Hong Kong", "HK"
            n = n.replace(city, "HK " + MID[(i + 4) % 10])
            ad = f"Unit {i + 1}01, {i % 20 + 3}/F, Wing On Plaza, 62 Mody Road, Tsim Sha Tsui, Kowloon"
        else:
            ctry, cc = "China", "CN"
        out.append((n, ad, ctry, cc))
    return out


def letter_d():
    path = f"{OUT}/D_two_pages_no_repeat.pdf"
    P = d_parties()
    doc = SimpleDocTemplate(path, pagesize=LETTER, topMargin=0.7 * inch, bottomMargin=0.7 * inch)
    story = head("OEE-PG-2025-1188", "July 22, 2025", "Project Guardian - Request for Assistance")
    story.append(Paragraph(
        "Under Project Guardian, BIS requests your assistance. Please notify the field office of any "
        "enquiry or order from the following parties and do not ship to them without first contacting "
        "the Office of Export Enforcement.", body))
    story.append(Spacer(1, 8))
    rows = [["#", "Entity", "Address", "Country"]]
    for i, (n, ad, c, _) in enumerate(P, 1):
        rows.append([str(i), Paragraph(n, cell), Paragraph(ad, cell), c])
    t = Table(rows, colWidths=[0.35 * inch, 2.6 * inch, 2.8 * inch, 0.9 * inch], repeatRows=0)
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "DV", 8), ("FONT", (0, 0), (-1, 0), "DVB", 8),
                           ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                           ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(t)
    story.append(Spacer(1, 10))
    story.append(Paragraph("Thank you for your cooperation.<br/>Special Agent in Charge", body))
    doc.build(story)
    TRUTH[os.path.basename(path)] = [dict(name=n, aliases=[], address=ad, country=cc, hs=[]) for n, ad, _, cc in P]


# ---------------------------------------------------------------- E: e-mail with a CSV attachment
E = [
    ("Hong Kong Tsz Yung Trading Limited", "HKTY Trading", "Rm 1502, 15/F, Ho King Commercial Centre, 2-16 Fa Yuen Street, Mong Kok", "Hong Kong", "HK", "8542.31"),
    ("Eurasia Component Supply LLP", "", "Dostyk Avenue 210, Almaty 050051", "Kazakhstan", "KZ", "8471.50"),
    ("Bosphorus Elektronik Sanayi ve Ticaret A.Ş.", "Bosphorus Elektronik", "Ikitelli OSB Mah. Marmara Sanayi Sitesi M Blok No: 12, Başakşehir, İstanbul", "Türkiye", "TR", "8517.62"),
    ("Transkom Impex", "Transcom Impex; TKI", "Nezavisimosti Ave. 95, office 501, Minsk 220043", "Belarus", "BY", "8543.70"),
    ("Shanghai Siyuan Precision Instruments Co., Ltd.", "", "No. 688 Jinke Road, Pudong New Area, Shanghai 201203", "China", "CN", "9030.33"),
]


def letter_e():
    path = f"{OUT}/E_mail_with_csv.eml"
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["Entity Name", "Also Known As", "Street Address", "Country", "HTS"])
    for n, al, ad, c, _, hs in E:
        w.writerow([n, al, ad, c, hs])
    m = EmailMessage()
    m["From"] = "OEE Supplier List <oee.outreach@bis.doc.gov>"
    m["To"] = "compliance@meridianphotonics.example"
    m["Subject"] = "BIS supplier list - parties of diversion concern (ref OEE-SL-2025-0733)"
    m["Date"] = formatdate(1751360400)  # 2025-07-01
    m.set_content(
        "Dear Meridian Photonics,\n\nThe Bureau of Industry and Security is sharing the attached supplier list "
        "of parties of diversion concern (reference OEE-SL-2025-0733). BIS requests that you voluntarily "
        "stop shipping to the parties in the attachment.\n\nOffice of Export Enforcement\n")
    m.add_attachment(buf.getvalue().encode("utf-8"), maintype="text", subtype="csv", filename="supplier_list_0733.csv")
    with open(path, "wb") as f:
        f.write(bytes(m))
    TRUTH[os.path.basename(path)] = [dict(name=n, aliases=[a.strip() for a in al.split(";") if a.strip()], address=ad, country=cc, hs=[hs])
                                     for n, al, ad, _, cc, hs in E]


letter_a(); letter_b(); letter_c(); letter_d(); letter_e()
json.dump(TRUTH, open(f"{OUT}/truth.json", "w"), indent=1, ensure_ascii=False)
print("ok", sorted(TRUTH))
