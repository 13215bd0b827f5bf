"""Family K: shared data pool and helpers (written from the domain description only)."""
import csv, json, random, re, os

LISTS = "/work/shared/data/lists/ofac/sdn_2026_addresses_joined.csv"
CHPL = "/work/shared/data/chpl/chpl_hs6_tiers.csv"

ISO = {"Russia": "RU", "China": "CN", "Hong Kong": "HK", "United Arab Emirates": "AE", "Turkey": "TR",
       "Kyrgyzstan": "KG", "Kazakhstan": "KZ", "Armenia": "AM", "India": "IN", "Serbia": "RS",
       "Thailand": "TH", "Uzbekistan": "UZ", "Georgia": "GE"}
PLAIN = {"RU": "Russia", "CN": "China", "HK": "Hong Kong", "AE": "United Arab Emirates", "TR": "Turkey",
         "KG": "Kyrgyzstan", "KZ": "Kazakhstan", "AM": "Armenia", "IN": "India", "RS": "Serbia",
         "TH": "Thailand", "UZ": "Uzbekistan", "GE": "Georgia"}
VARIANT = {"RU": ["Russian Federation", "RF", "Rossiya"], "CN": ["PRC", "People's Republic of China", "P.R. China"],
           "HK": ["Hong Kong SAR", "HKSAR", "Hong Kong, China"], "AE": ["UAE", "U.A.E.", "Utd. Arab Emirates"],
           "TR": ["Türkiye", "Republic of Türkiye", "Turkiye"], "KG": ["Kyrgyz Republic", "Kyrgyzstan"],
           "KZ": ["Republic of Kazakhstan", "Kazakstan"], "AM": ["Republic of Armenia"],
           "IN": ["Republic of India", "Bharat"], "RS": ["Republic of Serbia", "Srbija"],
           "TH": ["Kingdom of Thailand"], "UZ": ["Republic of Uzbekistan"], "GE": ["Sakartvelo"]}
WEIGHT = {"RU": 40, "CN": 14, "HK": 6, "AE": 12, "TR": 8, "KG": 4, "KZ": 3, "AM": 2, "IN": 4, "RS": 2, "TH": 3, "UZ": 2}


def _aliases(s):
    out = []
    for part in s.split(" | "):
        part = part.strip()
        if part.startswith("aka: "):
            a = part[5:].strip()
            if 3 < len(a) <= 60:
                out.append(a)
    return out[:2]


def load_pool():
    rows = list(csv.DictReader(open(LISTS, encoding="utf-8", errors="replace")))
    seen, pool = set(), {}
    for r in rows:
        if r["type"] != "Entity" or not r["address"].strip() or r["ent_num"] in seen:
            continue
        c = r["country"]
        csp = r["city_state_postal"].strip()
        if c == "China" and "Hong Kong" in (csp + r["address"]):
            c = "Hong Kong"
        if c not in ISO or len(r["name"]) > 85 or len(r["address"]) > 80:
            continue
        if not all(ord(ch) < 128 for ch in r["name"] + r["address"] + csp + r["alt_names"]):
            continue
        seen.add(r["ent_num"])
        iso = ISO[c]
        m = re.match(r"^(.*?)[ ,]*(\d{5,6})$", csp)
        city, postal = (m.group(1).strip(" ,"), m.group(2)) if m else (csp, "")
        pool.setdefault(iso, []).append(dict(name=r["name"].strip(), aliases=_aliases(r["alt_names"]),
                                             street=r["address"].strip(" ,"), city=city, postal=postal,
                                             country=iso, src=r["ent_num"]))
    return pool


HS = [r["hs6_dotted"] for r in csv.DictReader(open(CHPL))]


class Picker:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.pool = load_pool()
        for k in self.pool:
            self.rng.shuffle(self.pool[k])
        self.used = set()

    def take(self, n, countries=None, hs=(0, 3), pred=None):
        ws = {k: v for k, v in WEIGHT.items() if (countries is None or k in countries)}
        out = []
        while len(out) < n:
            iso = self.rng.choices(list(ws), weights=list(ws.values()))[0]
            lst = self.pool.get(iso, [])
            while lst and lst[-1]["src"] in self.used:
                lst.pop()
            if not lst:
                ws.pop(iso); continue
            p = dict(lst.pop())
            self.used.add(p["src"])
            if pred and not pred(p):
                continue
            p["hs"] = sorted(self.rng.sample(HS, self.rng.randint(*hs)))
            out.append(p)
        return out


def addr(p, sep=", "):
    cp = " ".join(x for x in (p["city"], p["postal"]) if x)
    return sep.join(x for x in (p["street"], cp) if x)


def truth(path, parties, **over):
    """parties: list of dicts with name, aliases, address, country, hs_codes."""
    d = {"file": os.path.basename(path), "parties": parties}
    json.dump(d, open(re.sub(r"\.(pdf|png|tif|tiff)$", "", path) + ".truth.json", "w"), indent=1, ensure_ascii=False)


def tp(p, address=None, aliases=None, hs=True, name=None):
    return {"name": name or p["name"], "aliases": list(p["aliases"] if aliases is None else aliases),
            "address": addr(p) if address is None else address, "country": p["country"],
            "hs_codes": list(p["hs"]) if hs else []}


BIS_HEAD = ["UNITED STATES DEPARTMENT OF COMMERCE", "Bureau of Industry and Security",
            "Office of Export Enforcement", "1401 Constitution Avenue, N.W., Washington, D.C. 20230"]
RECIP = ["Northfield Motion Controls, Inc.", "Attn: Export Compliance Officer", "2200 Ridgeview Parkway", "Cary, NC 27513"]

_TR = [("shch", "щ"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"),
       ("ye", "е"), ("yo", "ё"), ("iy", "ий"), ("yy", "ый"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"),
       ("e", "е"), ("z", "з"), ("i", "и"), ("y", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"),
       ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "к"), ("w", "в"),
       ("x", "кс"), ("j", "дж"), ("q", "к")]
_FORMS = [("LIMITED LIABILITY COMPANY", "ООО"), ("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU", "ООО"),
          ("JOINT STOCK COMPANY", "АО"), ("AKTSIONERNOE OBSHCHESTVO", "АО"), ("OOO", "ООО"), ("LLC", "ООО"),
          ("JSC", "АО"), ("AO", "АО"), ("PAO", "ПАО"), ("OSOO", "ОсОО"), ("TOO", "ТОО")]


def cyr(name):
    """Russian-script rendering of a transliterated Russian company name: 'LLC SMARTMET' -> ООО «СМАРТМЕТ»."""
    n = name.replace('"', "").strip()
    form = "ООО"
    for lat, c in _FORMS:
        if n.startswith(lat + " "):
            form, n = c, n[len(lat) + 1:]; break
        if n.endswith(" " + lat):
            form, n = c, n[: -len(lat) - 1]; break
    low = re.sub(r"(?<=[bdfgklmnprstvz])y(?=[bcdfgklmnprstvz]|\b)", "ы", n.lower())
    s, i = "", 0
    while i < len(low):
        for lat, c in _TR:
            if low.startswith(lat, i):
                s += c; i += len(lat); break
        else:
            s += low[i]; i += 1
    return f"{form} «{s.upper()}»"


_ENGLISH = re.compile(r"\b(COMPANY|CENTRE|CENTER|BANK|GROUP|PLANT|PRODUCTION|ENTERPRISE|RESEARCH|NEW|TENTH|INFORMATION|"
                      r"SYSTEMS?|CAPITAL|PUBLIC|JOINT|STOCK|TECHNOLOG\w*|INTERNATIONAL|TRADING|SCIENTIFIC|AND|OF|THE|"
                      r"LIMITED|CORPORATION|HOLDINGS?|DESIGN|BUREAU|INSTITUTE|STATE|FEDERAL|ENGINEERING|SERVICES?|"
                      r"INDUSTRIAL|NATIONAL|RUSSIAN|INVESTMENT|MANAGEMENT|ASSOCIATION|ELECTRONICS?|ENERGY|SHIPPING|"
                      r"COMMERCIAL|INSURANCE|PRIVATE|RAILWAYS?|AIRLINES?|TRUST|FUND|PARTNERS)\b")


def russian_style(p):
    """Only names that are transliterated Russian can be printed back in Cyrillic without inventing a translation."""
    n = p["name"]
    for lat, _ in _FORMS:
        n = n.replace(lat, " ")
    return not _ENGLISH.search(n)
