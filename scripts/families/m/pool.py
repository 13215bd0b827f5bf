"""Party pool for family M: real SDN (RUSSIA-EO14024) entities with addresses, from
/work/shared/data/lists/ofac/sdn_2026_addresses_joined.csv; CHPL HS-6 codes from chpl_hs6_tiers.csv."""
import csv, random, re

DATA = "/work/shared/data/lists/ofac/sdn_2026_addresses_joined.csv"
CHPL = "/work/shared/data/chpl/chpl_hs6_tiers.csv"
ISO2 = {"Russia": "RU", "China": "CN", "United Arab Emirates": "AE", "Turkey": "TR", "India": "IN",
        "Kyrgyzstan": "KG", "Kazakhstan": "KZ", "Armenia": "AM", "Uzbekistan": "UZ", "Belarus": "BY",
        "Singapore": "SG", "Malaysia": "MY", "Thailand": "TH", "Serbia": "RS", "Cyprus": "CY",
        "Hong Kong": "HK", "Switzerland": "CH", "Georgia": "GE"}
ISO3 = {"RU": "RUS", "CN": "CHN", "AE": "ARE", "TR": "TUR", "IN": "IND", "KG": "KGZ", "KZ": "KAZ",
        "AM": "ARM", "UZ": "UZB", "BY": "BLR", "SG": "SGP", "MY": "MYS", "TH": "THA", "RS": "SRB",
        "CY": "CYP", "HK": "HKG", "CH": "CHE", "GE": "GEO"}


class Pool:
    def __init__(self, seed=20261129):
        self.rng = random.Random(seed)
        seen, self.rows = set(), []
        for x in csv.DictReader(open(DATA, encoding="utf-8")):
            if x["type"] != "Entity" or "RUSSIA-EO14024" not in x["programs"]:
                continue
            if not x["address"] or not x["city_state_postal"] or x["ent_num"] in seen:
                continue
            country = x["country"]
            if country == "China" and "hong kong" in (x["city_state_postal"] + x["address"]).lower():
                country = "Hong Kong"
            if country not in ISO2:
                continue
            name = x["name"].strip()
            if len(name) > 64 or len(x["address"]) > 90 or len(x["city_state_postal"]) > 40:
                continue
            if not re.fullmatch(r"[ -~]+", name + x["address"] + x["city_state_postal"] + x["alt_names"]):
                continue
            aliases = []
            for a in x["alt_names"].split("|"):
                a = a.strip()
                a = re.sub(r"^(aka|fka|nka):\s*", "", a)
                if a and a != name and len(a) <= 60:
                    aliases.append(a)
            seen.add(x["ent_num"])
            self.rows.append(dict(name=name, aliases=aliases[:3], street=x["address"].strip(),
                                  city=x["city_state_postal"].strip(), country_name=country,
                                  iso2=ISO2[country]))
        self.rng.shuffle(self.rows)
        self.used = set()
        self.hs = [r["hs6_dotted"] for r in csv.DictReader(open(CHPL))]

    def take(self, n, countries=None, alias=None, hs=(0, 3), name_re=None):
        out = []
        for r in self.rows:
            if len(out) == n:
                break
            if r["name"] in self.used:
                continue
            if countries and r["iso2"] not in countries:
                continue
            if alias is True and not r["aliases"]:
                continue
            if alias is False and r["aliases"]:
                continue
            if name_re and not re.search(name_re, r["name"]):
                continue
            p = dict(r)
            p["aliases"] = list(r["aliases"])
            p["hs"] = sorted(self.rng.sample(self.hs, self.rng.randint(*hs)))
            self.used.add(r["name"])
            out.append(p)
        assert len(out) == n, (n, countries)
        return out


def truth(file, parties, with_hs=True):
    return {"file": file, "parties": [
        {"name": p["name"], "aliases": p["aliases"], "address": p["street"] + ", " + p["city"],
         "country": p["iso2"], "hs_codes": p["hs"] if with_hs else []} for p in parties]}
