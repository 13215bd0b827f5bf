"""Party pool for family h: Entity List rows of the 2026 CSL joined to a real SDN address,
then SDN-only rows. Names/aliases used by any other family's truth files are excluded."""
import csv, glob, json, os, random, re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
LISTS = os.environ.get("REDLETTER_LISTS", "/work/shared/data/lists")

CTRY = {
    "Russia": "RU", "China": "CN", "Hong Kong": "HK", "United Arab Emirates": "AE", "Turkey": "TR",
    "Turkiye": "TR", "India": "IN", "Kazakhstan": "KZ", "Kyrgyzstan": "KG", "Armenia": "AM",
    "Georgia": "GE", "Uzbekistan": "UZ", "Thailand": "TH", "Malaysia": "MY", "Singapore": "SG",
    "Serbia": "RS", "Tajikistan": "TJ", "Azerbaijan": "AZ",
}
BAD_PROG = re.compile(r"SDGT|SDNT|ILLICIT|NARCO|TCO|FTO|HRIT|GLOMAG|CYBER|BALKANS|CUBA|VENEZUELA", re.I)
BAD_NAME = re.compile(r"BANK|SHIPPING|MARITIME|VESSEL|TANKER|PETROL|PETRO|SHIP ?MANAGE|OIL |\bOIL\b|CHARIT|FOUNDATION|FUND\b|\bGEMS?\b|DIAMOND|GOLD|INSURANCE|MEDIA|NEWS|AIRLINE|UNIVERSITY|MINISTRY|FINANCE|FINANCIAL|PAYMENT|EXCHANGE|LEASING|TV\b", re.I)

def norm(s):
    return re.sub(r"[^A-Z0-9]", "", s.upper())

def excluded_names():
    out = set()
    for p in glob.glob(os.path.join(ROOT, "tests/fixtures/families/**/*.truth.json"), recursive=True):
        if "/families/h/" in p:
            continue
        try:
            d = json.load(open(p, encoding="utf-8"))
        except Exception:
            continue
        for party in d.get("parties", []):
            for n in [party.get("name", "")] + list(party.get("aliases", [])):
                if n:
                    out.add(norm(n))
    return out

def cc_of(r):
    cc = CTRY[r["country"]]
    if cc == "CN" and re.search(r"Hong Kong|Kowloon|Wan Chai|Tsim Sha Tsui|Kwun Tong|Sheung Wan", r["address"] + " " + r["city_state_postal"], re.I):
        return "HK"
    return cc

def clean_alias(a):
    a = re.sub(r"^(aka|fka|nka):\s*", "", a.strip())
    return a.strip()

def build(seed):
    excl = excluded_names()
    sdn = list(csv.DictReader(open(os.path.join(LISTS, "ofac/sdn_2026_addresses_joined.csv"), encoding="utf-8")))
    by_ent = {}
    for r in sdn:
        if r["type"] != "Entity" or BAD_PROG.search(r["programs"] or ""):
            continue
        cc = CTRY.get(r["country"])
        if cc == "CN" and re.search(r"Hong Kong|Kowloon|Wan Chai|Tsim Sha Tsui|Kwun Tong|Sheung Wan", r["address"] + " " + r["city_state_postal"], re.I):
            cc = "HK"
        if not cc or not r["address"].strip() or not r["city_state_postal"].strip():
            continue
        if len(r["address"]) > 95 or len(r["name"]) > 70 or BAD_NAME.search(r["name"]):
            continue
        by_ent.setdefault(r["ent_num"], []).append(r)
    sdn_parties = {}
    name_index = {}
    for ent, rows in by_ent.items():
        r = rows[0]
        al = [clean_alias(a) for a in re.split(r";| \| ", r["alt_names"] or "") if a.strip().startswith("aka:")]
        al = [a for a in al if 2 < len(a) < 60]
        p = {"name": r["name"].strip(), "aliases": al, "street": r["address"].strip(),
             "city": r["city_state_postal"].strip(), "country": cc_of(r),
             "country_name": r["country"], "src": "SDN", "ent": ent,
             "others": [(x["address"].strip(), x["city_state_postal"].strip(), cc_of(x), x["country"]) for x in rows[1:]
                        if x["address"].strip() != r["address"].strip()]}
        sdn_parties[ent] = p
        for n in [p["name"]] + al:
            name_index.setdefault(norm(n), ent)
    el = [r for r in csv.DictReader(open(os.path.join(LISTS, "csl/csl_trade_gov_2026-07-31_flat.csv"), encoding="utf-8"))
          if r["source_code"] == "EL"]
    used_ents = set()
    el_parties = []
    for r in el:
        ent = name_index.get(norm(r["name"]))
        if ent is None or ent in used_ents:
            continue
        s = sdn_parties[ent]
        if s["country"] not in (r["address_countries"] or ""):
            continue
        used_ents.add(ent)
        al = [a.strip() for a in (r["alt_names"] or "").split(" | ") if 2 < len(a.strip()) < 60]
        p = dict(s, name=r["name"].strip(), aliases=al or s["aliases"], src="EL",
                 fr=r["federal_register_notice"].strip(), lic_req=r["license_requirement"].strip(),
                 lic_pol=r["license_policy"].strip())
        el_parties.append(p)
    sdn_only = [p for e, p in sdn_parties.items() if e not in used_ents]
    rng = random.Random(seed)
    el_parties.sort(key=lambda p: p["ent"]); sdn_only.sort(key=lambda p: p["ent"])
    rng.shuffle(el_parties); rng.shuffle(sdn_only)
    pool = []
    for p in el_parties + sdn_only:
        names = [p["name"]] + p["aliases"]
        if any(norm(n) in excl for n in names):
            continue
        p["aliases"] = [a for a in p["aliases"] if norm(a) != norm(p["name"])]
        pool.append(p)
    return pool

class Drawer:
    def __init__(self, seed):
        self.pool = build(seed)
        self.used = set()
        self.seen_names = set()

    def draw(self, n, countries=None, src=None, min_aliases=0, pred=None):
        out = []
        for p in self.pool:
            if len(out) == n:
                break
            if p["ent"] in self.used:
                continue
            if countries and p["country"] not in countries:
                continue
            if src and p["src"] != src:
                continue
            if len(p["aliases"]) < min_aliases:
                continue
            if pred and not pred(p):
                continue
            keys = {norm(x) for x in [p["name"]] + p["aliases"]}
            if keys & self.seen_names:
                continue
            self.used.add(p["ent"]); self.seen_names |= keys
            out.append(dict(p, aliases=list(p["aliases"])))
        if len(out) < n:
            raise RuntimeError(f"pool short: wanted {n} {countries} got {len(out)}")
        return out

if __name__ == "__main__":
    import collections
    pl = build(1)
    print(len(pl), collections.Counter((p["src"], p["country"]) for p in pl).most_common(40))
    for p in pl[:8]:
        print(p)
