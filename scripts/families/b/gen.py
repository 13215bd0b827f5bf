"""Generate helperB letter family: HTML -> PDF via headless chromium, plus truth files."""
import json, random, subprocess, html, os, sys
from pathlib import Path

R = random.Random(20240710)
POOL = json.load(open(Path(__file__).with_name("pool.json")))
for _e in [e for e in POOL["CN"] if "hong kong" in (e["city"] + e["street"]).lower()]:
    POOL["CN"].remove(_e); POOL["HK"].append(_e)
for k in POOL:
    R.shuffle(POOL[k])
CHPL = [l.split(",")[0] for l in open("/work/shared/data/chpl/chpl_hs6_tiers.csv").read().split()[1:]]
OUT = Path("/work/helperB")
GEN = OUT / "gen"
E = html.escape

FULL = {"CN": "China", "HK": "Hong Kong", "TR": "Türkiye", "AE": "United Arab Emirates", "RU": "Russia",
        "KG": "Kyrgyzstan", "AM": "Armenia", "KZ": "Kazakhstan", "IN": "India", "UZ": "Uzbekistan",
        "RS": "Serbia", "TH": "Thailand", "MY": "Malaysia", "GE": "Georgia"}
EL = {"CN": "CHINA, PEOPLE'S REPUBLIC OF", "HK": "HONG KONG", "TR": "TURKEY", "AE": "UNITED ARAB EMIRATES",
      "RU": "RUSSIA", "KG": "KYRGYZSTAN", "AM": "ARMENIA", "KZ": "KAZAKHSTAN", "IN": "INDIA",
      "UZ": "UZBEKISTAN", "RS": "SERBIA", "TH": "THAILAND", "MY": "MALAYSIA", "GE": "GEORGIA"}
ISO3 = {"CN": "CHN", "HK": "HKG", "TR": "TUR", "AE": "ARE", "RU": "RUS", "KG": "KGZ", "AM": "ARM", "KZ": "KAZ",
        "IN": "IND", "UZ": "UZB", "RS": "SRB", "TH": "THA", "MY": "MYS", "GE": "GEO"}
CAPS = {k: v.upper() for k, v in FULL.items()}
CAPS["TR"] = "TÜRKİYE"
CAPS["HK"] = "HONG KONG SAR"


def pick(isos, n_aliases=None):
    out = []
    for iso in isos:
        e = POOL[iso].pop()
        al = list(e["aliases"])
        if n_aliases is not None:
            al = al[:n_aliases]
        out.append(dict(name=e["name"], aliases=al, street=e["street"], city=e["city"], iso=iso))
    return out


def hs(n, digits=6):
    codes = R.sample(CHPL, n)
    res = []
    for c in codes:
        if digits == 6:
            res.append((c, f"{c[:4]}.{c[4:]}"))
        elif digits == 8:
            s = c + R.choice(["00", "10", "80"])
            res.append((s, f"{s[:4]}.{s[4:6]}.{s[6:]}"))
        else:
            s = c + R.choice(["0000", "0010", "0080", "1000"])
            res.append((s, f"{s[:4]}.{s[4:6]}.{s[6:]}"))
    return res  # (raw digits, normalised)


def truth_party(p, address, country, codes, aliases=None):
    return {"name": p["name"], "aliases": p["aliases"] if aliases is None else aliases,
            "address": address, "country": country, "hs_codes": [c[1] for c in codes]}


CSS = """
body{font-family:'Liberation Serif',serif;font-size:11pt;line-height:1.3}
.lh{text-align:center;font-weight:bold;border-bottom:2px solid #000;padding-bottom:4px;margin-bottom:10px}
.lh small{font-weight:normal;display:block}
.foot{position:fixed;bottom:0;left:0;right:0;text-align:center;font-size:8pt;color:#444}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #000;padding:3px 4px;vertical-align:top;font-size:9.5pt}
th{background:#ddd}
thead{display:table-header-group}
"""


def letterhead(kind, ref, date, recipient):
    return f"""<div class="lh">UNITED STATES DEPARTMENT OF COMMERCE<small>Bureau of Industry and Security</small>
<small>Office of Export Enforcement &middot; Washington, D.C. 20230</small></div>
<p style="text-align:right">{date}<br>Ref.: {ref}</p>
<p>{recipient}<br>Attn: Export Compliance Officer</p>
<p><b>Re: {kind}</b></p>"""


def signature(name="Special Agent in Charge"):
    return f"""<p>If you have questions regarding this letter, please contact the Office of Export Enforcement
at the number above. Nothing in this letter relieves you of your obligations under the Export Administration
Regulations (EAR), 15 C.F.R. Parts 730-774.</p><p>Sincerely,</p><p style="margin-top:30px">{name}<br>
Office of Export Enforcement</p>"""


def write(folder, stem, body, parties, landscape=False, extra_css=""):
    page = "@page{size:Letter landscape;margin:0.6in}" if landscape else "@page{size:Letter;margin:0.8in}"
    doc = f"<!doctype html><html><head><meta charset='utf-8'><style>{page}{CSS}{extra_css}</style></head><body>" \
          f"<div class='foot'>For Official Use Only &mdash; Law Enforcement Sensitive</div>{body}</body></html>"
    h = GEN / f"{stem}.html"
    h.write_text(doc)
    pdf = OUT / folder / f"{stem}.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", str(h)], check=True, capture_output=True)
    (OUT / folder / f"{stem}.truth.json").write_text(
        json.dumps({"file": f"{stem}.pdf", "parties": parties}, indent=1, ensure_ascii=False))


RECIP = ["Meridian Controls Inc.<br>4100 Industrial Parkway<br>Austin, TX 78744",
         "Northgate Microsystems LLC<br>77 Harbor Drive<br>San Jose, CA 95134",
         "Bluewater Instruments Corp.<br>210 Commerce Way<br>Nashua, NH 03062"]


def addr(p):
    return f"{p['street']}, {p['city']}"


# ---------------------------------------------------------------- paragraph layouts
def para_A(folder, stem):
    ps = pick(["CN", "HK", "TR", "AE", "KG"])
    body = letterhead("Red Flag Notification &mdash; Transactions Involving Diversion to Russia", "OEE-RF-2024-0311",
                      "July 22, 2024", RECIP[0])
    body += """<p>Dear Sir or Madam:</p><p>The Office of Export Enforcement (OEE) has identified the following
customers of your company that appear to have re-exported items you supplied to the Russian Federation. Customs
data reviewed by OEE show shipments of the Harmonized System (HS) codes listed for each party. Each party is
described below.</p>"""
    truth = []
    for i, p in enumerate(ps):
        codes = hs(R.choice([1, 2]))
        parts = [f"Party: {E(p['name'])}"]
        if p["aliases"]:
            parts.append("Trading as: " + ", ".join(E(a) for a in p["aliases"]))
        parts.append(f"Registered address: {E(addr(p))} ({FULL[p['iso']]})")
        parts.append("HS: " + ", ".join(c[0] for c in codes))
        body += f"<p>{'; '.join(parts)}.</p>"
        truth.append(truth_party(p, addr(p), p["iso"], codes))
    body += """<p>You are requested to resolve these red flags before proceeding with any further transaction with
the parties named above, consistent with Supplement No. 3 to Part 732 of the EAR.</p>""" + signature()
    write(folder, stem, body, truth)


def para_B(folder, stem):
    ps = pick(["RU", "AM", "UZ", "TR", "CN", "IN"])
    body = letterhead("Transaction Parties of Diversion Concern", "BIS/OEE/2024-SL-0047", "16 August 2024", RECIP[1])
    body += """<p>Pursuant to the guidance issued on July 10, 2024, BIS is providing your firm with information on
foreign parties that present a risk of diversion. Each entry below gives the party's name, any other names used,
the address known to BIS and the Common High Priority List items observed.</p>"""
    truth = []
    for i, p in enumerate(ps):
        codes = hs(R.choice([1, 2, 3]))
        parts = [f"{i+1}. Name: <b>{E(p['name'])}</b>"]
        if p["aliases"]:
            parts.append("also known as: " + " / ".join(E(a) for a in p["aliases"]))
        else:
            parts.append("also known as: none known")
        parts.append(f"Address: {E(addr(p))}")
        parts.append(f"Country: {FULL[p['iso']]}")
        parts.append("HS codes: " + ", ".join(c[1] for c in codes))
        body += f"<p style='margin-left:18px'>{'; '.join(parts)}</p>"
        truth.append(truth_party(p, addr(p), p["iso"], codes))
    body += signature("Director, Office of Export Enforcement")
    write(folder, stem, body, truth)


def para_C(folder, stem):  # heldout variant
    ps = pick(["AE", "KZ", "MY", "HK", "TH"])
    body = letterhead("Notice to Exporters &mdash; \"Is Informed\" (15 CFR 744.21(b))", "EA-IS-24-118", "September 3, 2024",
                      RECIP[2])
    body += """<p>You are hereby informed that a license is required for the export, reexport or transfer (in-country)
of any item subject to the EAR to the entities below. The entities are identified as follows:</p>"""
    truth = []
    for p in ps:
        codes = hs(R.choice([1, 2]), 8)
        seg = [f"Entity &mdash; {E(p['name'])}"]
        if p["aliases"]:
            seg.append("d/b/a " + "; d/b/a ".join(E(a) for a in p["aliases"]))
        seg.append(f"Location: {E(p['street'])}, {E(p['city'])}, {CAPS[p['iso']]}")
        seg.append("HTS: " + " and ".join(c[0][:4] + "." + c[0][4:6] + "." + c[0][6:] for c in codes))
        body += f"<p>&bull; {'; '.join(seg)}</p>"
        truth.append(truth_party(p, addr(p), p["iso"], codes))
    body += signature()
    write(folder, stem, body, truth)


# ---------------------------------------------------------------- entity-list tables
def el_cell(p, two_addr=None):
    s = f"<b>{E(p['name'])}</b>"
    al = p["aliases"]
    if len(al) == 1:
        s += f", a.k.a., {E(al[0])}."
    elif len(al) > 1:
        words = {2: "two", 3: "three"}[len(al)]
        s += f", a.k.a., the following {words} aliases: " + "; ".join(
            ("and " if i == len(al) - 1 else "") + "&mdash;" + E(a) for i, a in enumerate(al)) + "."
    elif not p["name"].endswith("."):
        s += "."
    s += f" {E(addr(p))}"
    if two_addr:
        s += f"; and {E(two_addr)}"
    return s + "."


def el_A(folder, stem):
    ps = pick(["CN", "CN", "HK", "TR", "AE", "RU", "IN", "KG"])
    body = letterhead("Supplier List &mdash; Parties of Diversion Concern", "OEE-SL-24-0702", "July 10, 2024", RECIP[0])
    body += """<p>Attached is a list of parties, in the format of Supplement No. 4 to Part 744, that BIS assesses to be
involved in the diversion of items to Russia. BIS encourages you to voluntarily cease shipments to these parties.</p>
<h4 style="text-align:center">Attachment A</h4><table><thead><tr><th>Country</th><th>Entity</th><th>License
requirement</th><th>License review policy</th><th>Federal Register citation</th></tr></thead><tbody>"""
    truth = []
    extra = ["Office 4, 2nd Floor, Al Qusais Industrial Area 2, Dubai",
             "Room 1203, Block B, Tian An Cyber Times Tower, Futian District, Shenzhen"]
    for i, p in enumerate(ps):
        two = extra.pop() if i in (1, 4) and extra else None
        body += f"<tr><td>{EL[p['iso']]}</td><td>{el_cell(p, two)}</td><td>For all items subject to the EAR.</td>" \
                f"<td>Presumption of denial.</td><td>89 FR 51644, 6/18/24.</td></tr>"
        a = addr(p) + (f"; and {two}" if two else "")
        truth.append(truth_party(p, a, p["iso"], []))
    body += "</tbody></table>" + signature()
    write(folder, stem, body, truth)


def el_B(folder, stem):
    ps = pick(["TR", "TR", "AE", "AE", "CN", "UZ", "AM", "TH", "MY"])
    body = letterhead("Supplier List &mdash; Annex 1", "OEE/SL/2024/17", "August 2, 2024", RECIP[1])
    body += "<p>Annex 1 lists parties and the CHPL items associated with them in commercial shipment data.</p>"
    body += """<table><thead><tr><th style="width:18%">Country</th><th>Entity and address</th><th style="width:16%">
CHPL HS-6</th></tr></thead><tbody>"""
    truth = []
    second = {2: "Jebel Ali Free Zone, Plot S30402, Dubai", 6: "12 Tigran Mets Avenue, Yerevan 0005"}
    for i, p in enumerate(ps):
        codes = hs(R.choice([1, 2, 3]))
        two = second.get(i)
        body += f"<tr><td>{EL[p['iso']]}</td><td>{el_cell(p, two)}</td><td>{'<br>'.join(c[0] for c in codes)}</td></tr>"
        truth.append(truth_party(p, addr(p) + (f"; and {two}" if two else ""), p["iso"], codes))
    body += "</tbody></table>" + signature()
    write(folder, stem, body, truth)


def el_C(folder, stem):  # heldout: country printed only once per group? no - every row; different columns
    ps = pick(["CN", "CN", "CN", "HK", "RU", "RU", "KZ", "RS"])
    body = letterhead("Parties of Diversion Concern (Entity List format)", "OEE-SL-24-0815", "15 August 2024", RECIP[2])
    body += """<table><thead><tr><th>No.</th><th>Entity</th><th>Country</th><th>Federal Register citation</th>
</tr></thead><tbody>"""
    truth = []
    for i, p in enumerate(ps):
        two = "No. 88 Jianguo Road, Chaoyang District, Beijing" if i == 1 else (
            "3rd Floor, 14 Leninsky Prospekt, Moscow 119071" if i == 5 else None)
        body += f"<tr><td>{i+1}</td><td>{el_cell(p, two)}</td><td>{EL[p['iso']]}</td><td>89 FR {R.randint(40000,70000)}, 8/{R.randint(1,28)}/24</td></tr>"
        truth.append(truth_party(p, addr(p) + (f"; and {two}" if two else ""), p["iso"], []))
    body += "</tbody></table>" + signature()
    write(folder, stem, body, truth)


# ---------------------------------------------------------------- customs tables
def customs_A(folder, stem):
    ps = pick(["CN", "HK", "TR", "AE", "KZ", "KG", "AM", "RU"])
    body = letterhead("Red Flag &mdash; Export Shipments Re-exported to Russia", "OEE-RF-24-1190", "June 27, 2024", RECIP[2])
    body += """<p>Analysis of U.S. export and foreign import records shows that items bearing the following
Harmonized Tariff Schedule numbers were shipped by your company to the consignees below and subsequently re-exported
to Russia.</p><table><thead><tr><th>HTS</th><th>Consignee</th><th>Also known as</th><th>Ctry</th><th>Consignee
address</th><th>Shipments</th></tr></thead><tbody>"""
    truth = []
    for p in ps:
        codes = hs(R.choice([1, 2]), 10)
        body += f"<tr><td>{'<br>'.join(c[0] for c in codes)}</td><td>{E(p['name'])}</td>" \
                f"<td>{'<br>'.join(E(a) for a in p['aliases']) or '&mdash;'}</td><td>{ISO3[p['iso']]}</td>" \
                f"<td>{E(addr(p))}</td><td>{R.randint(2,40)}</td></tr>"
        truth.append(truth_party(p, addr(p), p["iso"], codes))
    body += "</tbody></table>" + signature()
    write(folder, stem, body, truth)


def customs_B(folder, stem):  # long, header repeats on every page
    isos = ["CN"] * 7 + ["HK"] * 3 + ["TR"] * 5 + ["AE"] * 5 + ["RU"] * 4 + ["IN"] * 2 + ["TH", "MY", "UZ"]
    R.shuffle(isos)
    ps = pick(isos)
    body = letterhead("Supplier List &mdash; Customs Data Annex", "OEE-SL-24-0933", "July 31, 2024", RECIP[0])
    body += """<p>The following consignees appear in customs data as receiving CHPL items subsequently
shipped to Russia or Belarus.</p><table><thead><tr><th>HTS Code(s)</th><th>Country Code</th><th>Consignee Name</th>
<th>Alias(es)</th><th>Address</th></tr></thead><tbody>"""
    truth = []
    for p in ps:
        codes = hs(R.choice([1, 2, 3]), 8)
        body += f"<tr><td>{'; '.join(c[0] for c in codes)}</td><td>{ISO3[p['iso']]}</td><td>{E(p['name'])}</td>" \
                f"<td>{' | '.join(E(a) for a in p['aliases'])}</td><td>{E(addr(p))}</td></tr>"
        truth.append(truth_party(p, addr(p), p["iso"], codes))
    body += "</tbody></table>" + signature()
    write(folder, stem, body, truth)


def customs_C(folder, stem):  # heldout: HTS first, ISO-3, 6-digit undotted + description, no aliases col header 'AKA'
    ps = pick(["TR", "TR", "AE", "CN", "CN", "HK", "IN", "RS", "GE", "KZ"])
    body = letterhead("Red Flag Notification", "RF-2024-00821", "September 12, 2024", RECIP[1])
    body += """<p>The parties below received your items classified under the listed HTS subheadings.</p>
<table><thead><tr><th>HTS</th><th>Importer of record</th><th>AKA</th><th>ISO</th><th>City / Address</th>
<th>First seen</th><th>Last seen</th></tr></thead><tbody>"""
    truth = []
    for p in ps:
        codes = hs(R.choice([1, 2]), 10)
        body += f"<tr><td>{', '.join(c[1] for c in codes)}</td><td>{E(p['name'])}</td>" \
                f"<td>{'; '.join(E(a) for a in p['aliases'])}</td><td>{ISO3[p['iso']]}</td>" \
                f"<td>{E(addr(p))}</td><td>2023-0{R.randint(1,9)}-1{R.randint(0,9)}</td><td>2024-0{R.randint(1,6)}-2{R.randint(0,8)}</td></tr>"
        truth.append(truth_party(p, addr(p), p["iso"], codes))
    body += "</tbody></table>" + signature()
    write(folder, stem, body, truth)


# ---------------------------------------------------------------- landscape, unusual column order
def land_A(folder, stem):
    isos = ["CN"] * 6 + ["HK"] * 3 + ["TR"] * 5 + ["AE"] * 5 + ["KG"] * 2 + ["IN", "UZ", "KZ", "RS", "IN", "IN", "GE"]
    R.shuffle(isos)
    ps = pick(isos)
    body = letterhead("Supplier List &mdash; Attachment", "OEE-SL-24-0710-ATT", "July 10, 2024", RECIP[2])
    body += """<p>Attachment 1: Parties of diversion concern (sorted by country).</p><table><thead><tr>
<th style="width:11%">Country</th><th style="width:12%">HS</th><th style="width:30%">Address</th>
<th style="width:20%">Aliases</th><th>Name</th></tr></thead><tbody>"""
    truth = []
    ps.sort(key=lambda p: FULL[p["iso"]])
    for p in ps:
        codes = hs(R.choice([1, 2, 3]))
        body += f"<tr><td>{FULL[p['iso']]}</td><td>{'<br>'.join(c[1] for c in codes)}</td><td>{E(addr(p))}</td>" \
                f"<td>{'<br>'.join(E(a) for a in p['aliases'])}</td><td>{E(p['name'])}</td></tr>"
        truth.append(truth_party(p, addr(p), p["iso"], codes))
    body += "</tbody></table>"
    write(folder, stem, body, truth, landscape=True)


def land_B(folder, stem):
    isos = ["RU"] * 6 + ["CN"] * 5 + ["AE"] * 4 + ["TR"] * 4 + ["HK"] * 2 + ["TH", "MY", "KZ", "UZ"]
    R.shuffle(isos)
    ps = pick(isos)
    body = letterhead("Annex B &mdash; Parties and Items", "OEE-24-ANX-B", "August 29, 2024", RECIP[0])
    body += """<table><thead><tr><th>Aliases</th><th>HS codes</th><th>Country</th><th>Street address</th>
<th>Party name</th><th>Source</th></tr></thead><tbody>"""
    truth = []
    for p in ps:
        codes = hs(R.choice([1, 2]), 10)
        body += f"<tr><td>{'; '.join(E(a) for a in p['aliases'])}</td><td>{' '.join(c[0] for c in codes)}</td>" \
                f"<td>{CAPS[p['iso']]}</td><td>{E(addr(p))}</td><td><b>{E(p['name'])}</b></td><td>{R.choice(['customs','commercial','OEE'])}</td></tr>"
        truth.append(truth_party(p, addr(p), p["iso"], codes))
    body += "</tbody></table>"
    write(folder, stem, body, truth, landscape=True)


def land_C(folder, stem):  # heldout: landscape, ISO-2 country column, address before name, no header repeat
    isos = ["CN"] * 5 + ["TR"] * 5 + ["AE"] * 4 + ["HK"] * 3 + ["KG", "UZ", "RS", "TH", "IN", "MY", "TH"]
    R.shuffle(isos)
    ps = pick(isos)
    body = letterhead("Appendix &mdash; Diversion-risk parties", "OEE-24-APP-3", "October 1, 2024", RECIP[1])
    body += """<table><thead style="display:table-row-group"><tr><th>HS (10)</th><th>Country</th><th>Address</th>
<th>Name</th><th>Other names</th><th>Notes</th></tr></thead><tbody>"""
    truth = []
    for p in ps:
        codes = hs(R.choice([1, 2]), 10)
        body += f"<tr><td>{'<br>'.join(c[1] for c in codes)}</td><td>{FULL[p['iso']]}</td><td>{E(addr(p))}</td>" \
                f"<td>{E(p['name'])}</td><td>{', '.join(E(a) for a in p['aliases'])}</td><td>Tier {R.choice(['1','2','3.A'])}</td></tr>"
        truth.append(truth_party(p, addr(p), p["iso"], codes))
    body += "</tbody></table>"
    write(folder, stem, body, truth, landscape=True)


# ---------------------------------------------------------------- Project Guardian
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"]


def pg(folder, stem, groups, style):
    body = letterhead("Project Guardian &mdash; Request for Information", "PG-2024-" + str(R.randint(100, 999)),
                      "May 14, 2024", RECIP[R.randint(0, 2)])
    body += """<p>Under Project Guardian, BIS requests that your company notify the nearest OEE field office of any
inquiry or order received from the parties listed in the Annex. Do not proceed with any transaction.</p>
<h4 style="text-align:center">ANNEX</h4>"""
    truth = []
    for gi, (iso, n) in enumerate(groups):
        title = CAPS[iso] if style == 1 else EL[iso]
        body += f"<p><b>{ROMAN[gi]}. {title}</b></p>"
        for k, p in enumerate(pick([iso] * n)):
            codes = hs(R.choice([1, 2]), 6 if style == 1 else 8)
            letter = "abcdefgh"[k]
            if style == 1:
                aka = f" (also: {' / '.join(E(a) for a in p['aliases'])})" if p["aliases"] else ""
                body += f"<p style='margin-left:20px'>({letter}) {E(p['name'])}{aka}<br>{E(addr(p))}<br>" \
                        f"HS: {', '.join(c[1] for c in codes)}</p>"
            else:
                aka = f" (also: {' / '.join(E(a) for a in p['aliases'])})" if p["aliases"] else ""
                body += f"<div style='margin-left:20px;margin-bottom:8px'>({letter})&nbsp;&nbsp;<b>{E(p['name'])}</b>{aka}" \
                        f"<div style='margin-left:28px'>Address: {E(addr(p))}</div>" \
                        f"<div style='margin-left:28px'>HS: {' &middot; '.join(c[0] for c in codes)}</div></div>"
            truth.append(truth_party(p, addr(p), iso, codes))
    body += signature()
    write(folder, stem, body, truth)


# ---------------------------------------------------------------- cards grid
def cards(folder, stem, isos, style):
    ps = pick(isos)
    body = letterhead("Parties of Diversion Concern &mdash; Summary Cards", "OEE-SL-24-C" + str(R.randint(10, 99)),
                      "July 19, 2024", RECIP[R.randint(0, 2)])
    body += "<p>Each card below identifies one party; HS codes are given at ten digits as seen in customs data.</p>"
    body += "<div style='display:grid;grid-template-columns:1fr 1fr;gap:10px'>"
    truth = []
    for p in ps:
        codes = hs(R.choice([1, 2]), 10)
        if style == 1:
            al = f"<div><i>Aliases:</i> {'; '.join(E(a) for a in p['aliases'])}</div>" if p["aliases"] else ""
            hsl = f"<div>HS {', '.join(c[0] for c in codes)}</div>"
        else:
            al = f"<div>a.k.a. {' / '.join(E(a) for a in p['aliases'])}</div>" if p["aliases"] else ""
            hsl = f"<div>HTS: {' '.join(c[1] for c in codes)}</div>"
        body += f"<div style='border:1.5px solid #000;padding:6px;break-inside:avoid;font-size:10pt'>" \
                f"<div style='font-weight:bold;font-size:11pt'>{E(p['name'])}</div>{al}" \
                f"<div>{E(p['street'])}<br>{E(p['city'])}</div>{hsl}<div>{CAPS[p['iso']]}</div></div>"
        truth.append(truth_party(p, addr(p), p["iso"], codes))
    body += "</div>" + signature()
    write(folder, stem, body, truth)


# ---------------------------------------------------------------- table + prose
def table_prose(folder, stem, isos, style):
    ps = pick(isos)
    body = letterhead("Is-Informed Letter &mdash; License Requirement", "IS-24-" + str(R.randint(100, 999)),
                      "June 4, 2024", RECIP[R.randint(0, 2)])
    m1, m2 = ps[0], ps[2]
    if style == 1:
        body += f"""<p>BIS has determined that there is an unacceptable risk of diversion to Russia in exports to the
parties in the table below. In particular, {E(m1['name'])} of {FULL[m1['iso']]} received integrated circuits that were
later found in Russian military equipment, and {E(m2['name'])} appears to have acted as a transshipment point.</p>"""
    else:
        body += "<p>You are informed that a license is required for the exports described below.</p>"
    body += "<table><thead><tr><th>#</th><th>Name</th><th>Alias</th><th>Address</th><th>Country</th><th>HS</th></tr></thead><tbody>"
    truth = []
    for i, p in enumerate(ps):
        codes = hs(R.choice([1, 2]))
        body += f"<tr><td>{i+1}</td><td>{E(p['name'])}</td><td>{'<br>'.join(E(a) for a in p['aliases'])}</td>" \
                f"<td>{E(addr(p))}</td><td>{FULL[p['iso']]}</td><td>{', '.join(c[1] for c in codes)}</td></tr>"
        truth.append(truth_party(p, addr(p), p["iso"], codes))
    body += "</tbody></table>"
    if style == 1:
        body += f"""<p>The license requirement applies to all items subject to the EAR. Any application for
exports to {E(ps[-1]['name'])} will be reviewed under a presumption of denial.</p>"""
    else:
        body += f"""<p>Our analysis shows that {E(m1['name'])} ({m1['aliases'][0] if m1['aliases'] else 'no known alias'})
and {E(ps[1]['name'])}, located at {E(addr(ps[1]))}, continued to place orders after the first notification.
The company {E(ps[-1]['name'])} is also of concern.</p>"""
    body += signature()
    write(folder, stem, body, truth)


# ---------------------------------------------------------------- rows split across page break
def split_rows(folder, stem):
    isos = ["CN"] * 5 + ["TR"] * 4 + ["AE"] * 4 + ["RU"] * 3 + ["HK", "KZ", "KG"]
    R.shuffle(isos)
    ps = pick(isos)
    body = letterhead("Supplier List &mdash; Detailed Annex", "OEE-SL-24-DA", "July 24, 2024", RECIP[0])
    body += "<p>The following annex contains details of shipments observed for each party.</p>"
    body += """<table style="page-break-inside:auto"><thead><tr><th style="width:5%">No.</th><th style="width:28%">Party</th>
<th style="width:12%">Country</th><th>Address and shipment details</th><th style="width:12%">HS</th></tr></thead><tbody>"""
    truth = []
    filler = ("Shipments recorded from {a} through {b}; declared values ranged between USD {c},000 and USD {d},000; "
              "goods routed via third-country freight forwarders; end user unknown; payment through correspondent "
              "accounts in third countries; consolidated with unrelated cargo. ")
    for i, p in enumerate(ps):
        codes = hs(R.choice([1, 2, 3]))
        det = "".join(filler.format(a="2023-0" + str(R.randint(1, 9)), b="2024-0" + str(R.randint(1, 6)),
                                    c=R.randint(10, 90), d=R.randint(100, 900)) for _ in range(R.randint(2, 5)))
        al = ("<br><i>a.k.a.</i> " + "; ".join(E(a) for a in p["aliases"])) if p["aliases"] else ""
        body += f"<tr style='break-inside:auto'><td>{i+1}</td><td>{E(p['name'])}{al}</td><td>{FULL[p['iso']]}</td>" \
                f"<td>{E(addr(p))}. {det}</td><td>{'<br>'.join(c[1] for c in codes)}</td></tr>"
        truth.append(truth_party(p, addr(p), p["iso"], codes))
    body += "</tbody></table>" + signature()
    write(folder, stem, body, truth)


# ---------------------------------------------------------------- footnotes
SUP = "¹²³⁴⁵⁶⁷⁸⁹"


def footnotes(folder, stem, isos, style):
    ps = pick(isos)
    body = letterhead("Red Flag Letter", "OEE-RF-24-" + str(R.randint(1000, 9999)), "August 8, 2024", RECIP[R.randint(0, 2)])
    body += "<p>OEE has identified the following parties as re-exporters of your items to Russia.</p>"
    truth = []
    notes = []
    if style == 1:
        body += "<table><thead><tr><th>Party</th><th>Aliases</th><th>Address</th><th>Country</th><th>HS</th></tr></thead><tbody>"
    for i, p in enumerate(ps):
        codes = hs(R.choice([1, 2]))
        mark = ""
        if i % 2 == 0:
            n = len(notes)
            notes.append(R.choice(["Identified in Russian import data for 2023.", "Formerly located at a different address in the same city.",
                                   "Also reported by a foreign partner agency.", "Subject of an earlier red-flag letter to another exporter."]))
            mark = SUP[n] if style == 1 else f"<sup>{n+1}</sup>"
        if style == 1:
            body += f"<tr><td>{E(p['name'])}{mark}</td><td>{'; '.join(E(a) for a in p['aliases'])}</td><td>{E(addr(p))}</td>" \
                    f"<td>{FULL[p['iso']]}</td><td>{', '.join(c[1] for c in codes)}</td></tr>"
        else:
            aka = (" (a.k.a. " + "; ".join(E(a) for a in p["aliases"]) + ")") if p["aliases"] else ""
            body += f"<p>{i+1}. <b>{E(p['name'])}</b>{mark}{aka}, {E(addr(p))}, {FULL[p['iso']]}. HS: {', '.join(c[0] for c in codes)}.</p>"
        truth.append(truth_party(p, addr(p), p["iso"], codes))
    if style == 1:
        body += "</tbody></table>"
    body += "<hr style='width:30%;margin-left:0'><div style='font-size:9pt'>" + "".join(
        f"<div>{SUP[i] if style == 1 else f'<sup>{i+1}</sup>'} {t}</div>" for i, t in enumerate(notes)) + "</div>"
    body += signature()
    write(folder, stem, body, truth)


if __name__ == "__main__":
    D, H = "dev", "heldout"
    para_A(D, "b01_para_semicolon")
    para_B(D, "b02_para_numbered")
    el_A(D, "b03_entitylist_supp4")
    el_B(D, "b04_entitylist_hs")
    customs_A(D, "b05_customs_hts10")
    customs_B(D, "b06_customs_long_repeat_header")
    land_A(D, "b07_landscape_country_first")
    land_B(D, "b08_landscape_aliases_first")
    pg(D, "b09_guardian_roman", [("CN", 3), ("TR", 2), ("AE", 2), ("KG", 1)], 1)
    cards(D, "b10_cards_grid", ["CN", "HK", "TR", "AE", "RU", "KZ", "AM", "IN"], 1)
    table_prose(D, "b11_table_and_prose", ["CN", "TR", "AE", "HK", "UZ", "RU"], 1)
    split_rows(D, "b12_rows_split_pages")
    footnotes(D, "b13_footnotes_table", ["CN", "AE", "TR", "RU", "MY", "IN"], 1)
    pg(D, "b14_guardian_el_titles", [("HK", 2), ("RU", 2), ("UZ", 1), ("TH", 1), ("IN", 1)], 2)
    # heldout
    para_C(H, "h01_para_dba_location")
    el_C(H, "h02_entitylist_country_col3")
    customs_C(H, "h03_customs_importer")
    land_C(H, "h04_landscape_hs_first_no_repeat")
    cards(H, "h05_cards_grid_aka", ["TR", "AE", "CN", "KG", "GE", "RS", "MY"], 2)
    table_prose(H, "h06_table_then_prose", ["AE", "CN", "TR", "IN", "KZ"], 2)
    footnotes(H, "h07_footnotes_paragraphs", ["TR", "HK", "CN", "AE", "AM"], 2)
    print("done")
