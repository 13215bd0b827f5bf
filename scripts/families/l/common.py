"""Family L: shared party pool, cover text, truth writing and page-image helpers."""
import csv, json, random, re, os
DATA = "/work/shared/data"
COUNTRIES = {"Russia": "RU", "China": "CN", "United Arab Emirates": "AE", "Turkey": "TR", "India": "IN",
             "Hong Kong": "HK", "Kyrgyzstan": "KG", "Kazakhstan": "KZ", "Armenia": "AM", "Serbia": "RS",
             "Thailand": "TH", "Uzbekistan": "UZ", "Georgia": "GE", "Belarus": "BY"}
NICE = {"RU": "Russia", "CN": "China", "AE": "United Arab Emirates", "TR": "Türkiye", "IN": "India",
        "HK": "Hong Kong", "KG": "Kyrgyzstan", "KZ": "Kazakhstan", "AM": "Armenia", "RS": "Serbia",
        "TH": "Thailand", "UZ": "Uzbekistan", "GE": "Georgia", "BY": "Belarus"}
HS = [r["hs6_dotted"] for r in csv.DictReader(open(f"{DATA}/chpl/chpl_hs6_tiers.csv"))]


def load_pool():
    seen, pool = set(), []
    for r in csv.DictReader(open(f"{DATA}/lists/ofac/sdn_2026_addresses_joined.csv")):
        if r["type"] != "Entity" or r["country"] not in COUNTRIES or not r["address"] or not r["city_state_postal"]:
            continue
        if r["ent_num"] in seen or len(r["name"]) > 75 or len(r["address"]) > 80:
            continue
        seen.add(r["ent_num"])
        al = [a.strip()[4:].strip() for a in r["alt_names"].split("|") if a.strip().lower().startswith("aka:")]
        al = [a for a in al if len(a) < 60][:3]
        pool.append(dict(name=r["name"].strip(), aliases=al, street=r["address"].strip(),
                         city=r["city_state_postal"].strip(), country=COUNTRIES[r["country"]]))
    return pool


class Pool:
    """Draws parties without reuse inside one half (dev / heldout)."""
    def __init__(self, half):
        p = load_pool()
        random.Random(7).shuffle(p)
        self.items = p[0::2] if half == "dev" else p[1::2]
        self.rng = random.Random(half)
        self.i = 0

    def take(self, n, countries=None, hs=True, max_hs=3):
        out = []
        while len(out) < n:
            c = self.items[self.i]; self.i += 1
            if countries and c["country"] not in countries:
                self.items.append(c); continue
            c = dict(c)
            c["hs"] = sorted(self.rng.sample(HS, self.rng.randint(0 if len(out) % 4 == 3 else 1, max_hs))) if hs else []
            out.append(c)
        return out


def split_zip(city):
    m = re.search(r"\b(\d{4,6})\b", city)
    if not m:
        return city, ""
    rest = (city[:m.start()] + city[m.end():]).strip(" ,")
    rest = re.sub(r"\s*,\s*,", ",", rest)
    return rest, m.group(1)


def addr(p):
    return f"{p['street']}, {p['city']}"


def write_truth(path_base, fname, parties, address_fn=addr, name_fn=None, alias_fn=None):
    out = {"file": fname, "parties": []}
    for p in parties:
        out["parties"].append({"name": name_fn(p) if name_fn else p["name"],
                               "aliases": alias_fn(p) if alias_fn else list(p["aliases"]),
                               "address": address_fn(p), "country": p["country"], "hs_codes": list(p["hs"])})
    json.dump(out, open(path_base + ".truth.json", "w"), ensure_ascii=False, indent=1)


EXPORTERS = ["Kestrel Microsystems, Inc.", "Arbor Ridge Instruments LLC", "Hollis Bay Electronics Corp.",
             "Northgate Precision Components, Inc.", "Pinecrest Photonics LLC", "Summit Lake Semiconductor, Inc."]


def cover(kind, ref, date, exporter, rng):
    city = rng.choice(["Austin, TX 78701", "San Jose, CA 95134", "Boston, MA 02110", "Chandler, AZ 85226"])
    hdr = ["UNITED STATES DEPARTMENT OF COMMERCE", "Bureau of Industry and Security",
           "Office of Export Enforcement", "Washington, D.C. 20230", "", date, f"Reference: {ref}", "",
           exporter, f"Attn: Export Compliance Officer", f"1200 Commerce Parkway, {city}", ""]
    body = {
        "supplier": ("Dear Export Compliance Officer:\nThe Bureau of Industry and Security (BIS) is providing the attached "
                     "list of foreign parties that present a risk of diverting items on the Common High Priority List "
                     "(CHPL) to Russia. BIS asks that your company carefully scrutinize any transaction involving these "
                     "parties and consider voluntarily refraining from shipping to them."),
        "redflag": ("Dear Sir or Madam:\nCustoms data indicate that items produced by your company were re-exported to the "
                    "Russian Federation by the customers listed below. This constitutes a red flag that must be resolved "
                    "before any further shipment (see 15 CFR Part 732, Supplement No. 3)."),
        "informed": ("Dear Export Compliance Officer:\nYou are hereby informed, pursuant to 15 CFR 744.21(b) and 744.6(c), "
                     "that a license is required for the export, reexport or transfer (in-country) of the items described "
                     "below to the following parties, because of an unacceptable risk of diversion to Russia."),
        "guardian": ("Dear Colleague:\nUnder Project Guardian, the Office of Export Enforcement asks that you notify your "
                     "local field office of any inquiry or order from the parties identified below, and that you refrain "
                     "from shipping to them until contacted."),
    }[kind]
    return hdr, body


SIGN = ["Sincerely,", "", "Special Agent in Charge", "Office of Export Enforcement, Bureau of Industry and Security"]

CYR = [("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"),
       ("yo", "ё"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"),
       ("y", "ы"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"),
       ("t", "т"), ("u", "у"), ("f", "ф"), ("c", "к"), ("h", "х"), ("j", "й"), ("w", "в"), ("x", "кс"), ("q", "к")]


LEGAL = [("LIMITED LIABILITY COMPANY", "ООО"), ("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU", "ООО"),
         ("CLOSED JOINT-STOCK COMPANY", "ЗАО"), ("CLOSED JOINT STOCK COMPANY", "ЗАО"), ("PUBLIC JOINT STOCK COMPANY", "ПАО"),
         ("OPEN JOINT STOCK COMPANY", "ОАО"), ("JOINT STOCK COMPANY", "АО"), ("JOINT-STOCK COMPANY", "АО"), ("LLC", "ООО"),
         ("JSC", "АО"), ("PJSC", "ПАО"), ("OOO", "ООО"), ("AO", "АО"), ("LTD", "ООО"), ("FEDERAL STATE UNITARY ENTERPRISE", "ФГУП")]


def to_cyr(s):
    for lat, cy in LEGAL:
        s = re.sub(r"(?<![A-Z])" + re.escape(lat) + r"(?![A-Z])", "\x00" + cy + "\x00", s)
    return "".join(seg if i % 2 else _cyr(seg) for i, seg in enumerate(s.split("\x00")))


def _cyr(s):
    out, i, low = [], 0, s.lower()
    while i < len(s):
        for lat, cy in CYR:
            if low.startswith(lat, i):
                up = s[i].isupper()
                out.append(cy.upper() if up else cy); i += len(lat); break
        else:
            out.append(s[i]); i += 1
    return "".join(out)


# ---------- image helpers
def pdf_to_images(pdf, dpi=200):
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(pdf)
    return [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]


def scanify(im, rng, angle=None, noise=12):
    from PIL import Image, ImageFilter
    import numpy as np
    angle = angle if angle is not None else rng.uniform(0.5, 1.0) * rng.choice([-1, 1])
    im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    a = np.asarray(im).astype(np.int16)
    nr = np.random.default_rng(rng.randint(0, 10**6))
    a = a + nr.normal(0, noise, a.shape).astype(np.int16)
    a = np.clip(a, 0, 255).astype(np.uint8)
    return Image.fromarray(a).filter(ImageFilter.GaussianBlur(0.5))


def merge_pdfs(parts, out):
    import pypdfium2 as pdfium
    dst = pdfium.PdfDocument.new()
    for p in parts:
        src = pdfium.PdfDocument(p)
        dst.import_pages(src)
    dst.save(out)
