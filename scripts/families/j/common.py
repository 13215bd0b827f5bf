"""Family J helpers: party pool, HS draws, letter text, producers, scan degradation."""
import csv, glob, io, json, os, random, re, subprocess, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DATA = "/work/shared/data"
SEED = 20261217

ISO = {"Russia": "RU", "China": "CN", "Hong Kong": "HK", "United Arab Emirates": "AE", "Turkey": "TR",
       "Cyprus": "CY", "India": "IN", "United Kingdom": "GB", "Switzerland": "CH", "Belarus": "BY",
       "Singapore": "SG", "Kyrgyzstan": "KG", "Seychelles": "SC", "Estonia": "EE", "Liechtenstein": "LI",
       "Kazakhstan": "KZ", "Malta": "MT", "Uzbekistan": "UZ", "Serbia": "RS", "Malaysia": "MY",
       "Netherlands": "NL", "France": "FR", "Belgium": "BE", "Moldova": "MD", "Germany": "DE",
       "Thailand": "TH", "Armenia": "AM", "Georgia": "GE", "Finland": "FI", "Latvia": "LV",
       "Lithuania": "LT", "Tajikistan": "TJ", "Italy": "IT", "Israel": "IL", "Bulgaria": "BG",
       "Korea, South": "KR", "Taiwan": "TW", "Japan": "JP", "Austria": "AT", "Czech Republic": "CZ",
       "Azerbaijan": "AZ", "Mongolia": "MN", "Vietnam": "VN", "Slovakia": "SK", "Spain": "ES",
       "Sweden": "SE", "Poland": "PL", "Greece": "GR", "Hungary": "HU", "Maldives": "MV"}
COUNTRY_PRINT = {v: k for k, v in ISO.items()}
COUNTRY_PRINT["KR"] = "South Korea"

BAD = re.compile(r"\b(BANK|BANKA|SHIPPING|MARITIME|TANKER|VESSEL|OIL|PETROL|GAS|INSURANCE|FUND|FOUNDATION|"
                 r"CHARIT|CLUB|MINISTRY|COMMISSION|INVEST|CAPITAL|LEASING|FINANC|CREDIT|ASSET|SECURITIES|"
                 r"EXCHANGE|PAYMENT|CRYPTO|TRUST|MEDIA|NEWS|TV|UNIVERSITY|INSTITUTE OF|AIRLINES|PORT|FLEET|"
                 r"SERVICE OF|GOVERNMENT|REPUBLIC|FEDERAL|STATE|AGENCY|SCHOOL|CHURCH|PARTY|HOTEL|FOOTBALL)",
                 re.I)


def used_names():
    used = set()
    files = glob.glob("/work/main/tests/fixtures/**/*.truth.json", recursive=True)
    files += glob.glob(os.path.join(ROOT, "tests/fixtures/**/*.truth.json"), recursive=True)
    for f in files:
        if "/families/j/" in f:
            continue
        try:
            d = json.load(open(f))
        except Exception:
            continue
        for p in d.get("parties", []):
            used.add(p.get("name", "").upper().strip())
            for a in p.get("aliases", []) or []:
                used.add(a.upper().strip())
    return used


def load_pool():
    used = used_names()
    seen, third, ru = set(), [], []
    with open(f"{DATA}/lists/ofac/sdn_2026_addresses_joined.csv", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["type"] != "Entity" or r["ent_num"] in seen:
                continue
            seen.add(r["ent_num"])
            prog = r["programs"]
            if not ("RUSSIA-EO14024" in prog or "BELARUS" in prog or
                    ("NPWMD" in prog and r["country"] in ("China", "Hong Kong", "United Arab Emirates", "Turkey"))):
                continue
            if re.search(r"SDGT|SDNT|ILLICIT|TCO|GLOMAG", prog):
                continue
            name = r["name"].strip()
            if BAD.search(name) or len(name) > 70 or len(name) < 6:
                continue
            ctry = r["country"]
            if ctry not in ISO:
                continue
            addr = [x.strip() for x in (r["address"], r["city_state_postal"]) if x.strip()]
            if not addr or len(", ".join(addr)) > 110:
                continue
            akas = [a.strip()[4:].strip() for a in r["alt_names"].split(" | ") if a.strip().startswith("aka:")]
            akas = [a for a in akas if 3 <= len(a) <= 60]
            if any(n.upper() in used for n in [name] + akas):
                continue
            iso = ISO[ctry]
            if iso == "CN" and re.search(r"Hong Kong|Kowloon|Wan Chai|Tsim Sha Tsui", " ".join(addr)):
                iso = "HK"
            p = {"name": name, "akas": akas, "addr": addr, "country": iso}
            (ru if iso == "RU" else third).append(p)
    rnd = random.Random(SEED)
    rnd.shuffle(third)
    rnd.shuffle(ru)
    return third, ru


class Drawer:
    def __init__(self):
        self.third, self.ru = load_pool()
        self.rnd = random.Random(SEED + 1)
        self.names = set()

    def _take(self, lst, pred=None):
        for i, p in enumerate(lst):
            if pred and not pred(p):
                continue
            if p["name"].upper() in self.names or any(a.upper() in self.names for a in p["akas"]):
                continue
            lst.pop(i)
            self.names.add(p["name"].upper())
            for a in p["akas"]:
                self.names.add(a.upper())
            return dict(p)
        raise RuntimeError("pool exhausted")

    def draw(self, n, ru_share=0.4, max_alias=3, pred=None, ru_pred=None):
        out = []
        for _ in range(n):
            if self.rnd.random() < ru_share:
                p = self._take(self.ru, ru_pred or pred)
            else:
                try:
                    p = self._take(self.third, pred)
                except RuntimeError:
                    p = self._take(self.ru, ru_pred or pred)
            k = min(len(p["akas"]), self.rnd.choice([0, 1, 1, 2, 2, 3, max_alias]))
            p["aliases"] = p["akas"][:k]
            p["hs"] = hs_draw(self.rnd, self.rnd.choice([0, 1, 2, 2, 3, 4]))
            out.append(p)
        return out


_CHPL = None


def hs_draw(rnd, k):
    global _CHPL
    if _CHPL is None:
        with open(f"{DATA}/chpl/chpl_hs6_tiers.csv") as fh:
            _CHPL = [r["hs6_dotted"] for r in csv.DictReader(fh)]
    return sorted(rnd.sample(_CHPL, k)) if k else []


def truth(p, hs=None, aliases=None, address=None, name=None):
    return {"name": name or p["name"], "aliases": list(p["aliases"] if aliases is None else aliases),
            "address": address if address is not None else ", ".join(p["addr"]),
            "country": p["country"], "hs_codes": list(p["hs"] if hs is None else hs)}


def write_truth(outdir, stem, parties):
    with open(os.path.join(outdir, stem + ".truth.json"), "w") as fh:
        json.dump({"file": stem + ".pdf", "parties": parties}, fh, indent=1, ensure_ascii=False)


# ---------------------------------------------------------------- letter text
OFFICES = ["Office of Export Enforcement, New York Field Office, 1200 South Avenue, Staten Island, NY 10314",
           "Office of Export Enforcement, Chicago Field Office, 2860 River Road, Des Plaines, IL 60018",
           "Office of Export Enforcement, San Jose Field Office, 160 West Santa Clara Street, San Jose, CA 95113",
           "Office of Export Enforcement, Dallas Field Office, 525 South Griffin Street, Dallas, TX 75202",
           "Office of Export Enforcement, Boston Field Office, 10 Causeway Street, Boston, MA 02222",
           "Office of Export Enforcement, Miami Field Office, 200 East Las Olas Blvd., Fort Lauderdale, FL 33301"]
EXPORTERS = [("Halvorsen Microsystems, Inc.", ["Attn: Trade Compliance Department", "4410 Research Boulevard", "Austin, TX 78759"]),
             ("Brightwater Test & Measurement LLC", ["Attn: Ms. Dana Whitlock, Export Compliance Officer", "77 Innovation Drive", "Beaverton, OR 97006"]),
             ("Corvane Semiconductor Corporation", ["Attn: Legal and Compliance", "2100 Mission College Blvd.", "Santa Clara, CA 95054"]),
             ("Ridgefield Industrial Controls, Inc.", ["Attn: Mr. Paul Okafor, Director of Global Trade", "1550 Commerce Parkway", "Columbus, OH 43219"]),
             ("Northgate Avionics Supply Co.", ["Attn: Export Control Manager", "903 Airport Road", "Wichita, KS 67209"]),
             ("Selwyn Precision Bearings, Inc.", ["Attn: Compliance Department", "48 Foundry Street", "Worcester, MA 01608"]),
             ("Pinecrest Electronic Components, Inc.", ["Attn: Ms. Laura Chen, Empowered Official", "3300 Technology Drive", "Plano, TX 75074"]),
             ("Altamont Wireless Systems LLC", ["Attn: Trade Compliance", "615 Bayshore Parkway", "Mountain View, CA 94043"])]
SIGNERS = [("Jonathan R. Mercer", "Special Agent in Charge"), ("Katherine L. Osei", "Assistant Special Agent in Charge"),
           ("Michael T. Varga", "Director, Office of Export Enforcement"), ("Renee A. Castillo", "Special Agent in Charge"),
           ("David K. Lindqvist", "Supervisory Special Agent")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

BODIES = {
 "supplier": [
  "The Bureau of Industry and Security (BIS) is providing your company with the attached list of foreign parties that present a risk of diverting items subject to the Export Administration Regulations (EAR) to the Russian Federation. These parties were identified through analysis of commercial and customs data and many of them are not on any public screening list.",
  "BIS requests that your company review its transactions with the listed parties and, where appropriate, voluntarily refrain from further shipments to them. Continued shipments to a listed party without resolving this red flag may expose your company to liability under Part 764 of the EAR.",
  "Please direct any questions regarding this notification to the field office shown above. This notice does not itself impose a license requirement."],
 "redflag": [
  "BIS has identified shipments of your company's items, including items on the Common High Priority List (CHPL), that were re-exported to the Russian Federation after being sold to the customers listed below. This constitutes a red flag under Supplement No. 3 to Part 732 of the EAR.",
  "Your company should conduct heightened due diligence before any further transaction with these parties and must resolve this red flag before proceeding. Resolution may include seeking a license from BIS.",
  "BIS appreciates your cooperation and requests that you notify this office of any enquiry or order received from the listed parties."],
 "informed": [
  "Pursuant to Sections 744.21(b) and 744.6(c) of the Export Administration Regulations (EAR), you are hereby informed that a license is required for the export, reexport or transfer (in-country) of any item subject to the EAR to the parties identified in this letter, because there is an unacceptable risk that such items will be used by or diverted to the Russian Federation.",
  "This requirement is effective immediately and applies to all items subject to the EAR, including items designated EAR99. License applications will be reviewed under a policy of denial.",
  "Failure to comply with this notification may result in civil or criminal penalties under the Export Control Reform Act of 2018."],
 "guardian": [
  "As part of Project Guardian, the Office of Export Enforcement is asking your company to remain alert to enquiries and orders from the parties identified below, which BIS believes are attempting to procure items for end users in the Russian Federation.",
  "If your company receives an order, quote request or other contact from any of these parties, please do not proceed with the transaction and contact the agent named below at your earliest convenience.",
  "Your company's cooperation will be considered a mitigating factor in any future enforcement matter."]}
SUBJECTS = {"supplier": "Parties of Diversion Concern (Supplier List)",
            "redflag": "Red Flag Notification - Diversion of Items to Russia",
            "informed": "\"Is Informed\" Notification - License Requirement",
            "guardian": "Project Guardian Request"}


def letter_meta(rnd, kind):
    off = rnd.choice(OFFICES)
    exp = rnd.choice(EXPORTERS)
    sig = rnd.choice(SIGNERS)
    date = f"{rnd.choice(MONTHS)} {rnd.randint(1, 28)}, 2026"
    ref = f"OEE-{rnd.choice(['NY', 'CH', 'SJ', 'DA', 'BO', 'MI'])}-2026-{rnd.randint(1000, 9999)}"
    return {"office": off, "exporter": exp, "signer": sig, "date": date, "ref": ref,
            "subject": SUBJECTS[kind], "body": BODIES[kind], "kind": kind}


# ---------------------------------------------------------------- producers
def chromium_pdf(html, out):
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False, encoding="utf-8") as fh:
        fh.write(html)
        path = fh.name
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", "file://" + path], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.unlink(path)


def soffice_pdf(docx_path, outdir):
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", outdir, docx_path], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def pdfunite(parts, out):
    subprocess.run(["pdfunite", *parts, out], check=True)


def rasterise(pdf, dpi):
    from PIL import Image
    d = tempfile.mkdtemp()
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-png", pdf, f"{d}/p"], check=True)
    pages = [Image.open(os.path.join(d, f)).copy() for f in sorted(os.listdir(d))]
    return pages


def scan(pdf_in, pdf_out, dpi, rnd):
    import numpy as np
    from PIL import Image, ImageFilter
    from fpdf import FPDF
    pages = rasterise(pdf_in, dpi)
    out = FPDF(unit="pt")
    tmp = tempfile.mkdtemp()
    for i, im in enumerate(pages):
        im = im.convert("L")
        ang = rnd.uniform(0.3, 1.5) * rnd.choice([-1, 1])
        im = im.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=255)
        im = im.filter(ImageFilter.GaussianBlur(rnd.uniform(0.4, 0.8)))
        a = np.asarray(im).astype(np.float32)
        a = a * rnd.uniform(0.9, 0.96) + rnd.uniform(4, 12)
        a += np.random.default_rng(rnd.randint(0, 10**6)).normal(0, 7, a.shape)
        g = np.random.default_rng(rnd.randint(0, 10**6))
        for _ in range(60):
            y, x = g.integers(0, a.shape[0] - 3), g.integers(0, a.shape[1] - 3)
            a[y:y + 2, x:x + 2] = 40
        im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
        f = os.path.join(tmp, f"{i}.jpg")
        im.save(f, "JPEG", quality=rnd.randint(42, 55), dpi=(dpi, dpi))
        w, h = im.size[0] * 72 / dpi, im.size[1] * 72 / dpi
        out.add_page(format=(w, h))
        out.image(f, 0, 0, w, h)
    out.output(pdf_out)
