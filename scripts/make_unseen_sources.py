"""Cut the small party extract that ``make_unseen.py`` reads, from the shared public lists.

    python scripts/make_unseen_sources.py /path/to/shared/data tests/fixtures/unseen

Run once by hand (the shared data is not on every machine); its output,
``tests/fixtures/unseen/source_parties.csv`` and ``chpl_hs6_tiers.csv``, is checked in and is the
only data the generator reads. Selection is deterministic: rows are ordered by a SHA-1 of their
keys and the first N per country are kept.

Pools:
  A  OFAC SDN entities under RUSSIA-EO14024 outside Russia, with a street address
  B  the same inside Russia
  D  SDN entities (Russia programmes first) whose address opens with a unit, floor, room,
     block, office, suite, "No.", "d. N k. N" or P.O. box, up to 4 per pattern
  C  Entity List entries (CSL 2026-07-31) whose name is also an SDN entity with an address:
     name, aliases, FR citation and licence requirement/policy from the CSL, address from OFAC
"""

from __future__ import annotations

import csv
import hashlib
import re
import shutil
import sys
from collections import defaultdict
from pathlib import Path

ISO = {
    "China": "CN", "Hong Kong": "HK", "United Arab Emirates": "AE", "Turkey": "TR", "India": "IN",
    "Kyrgyzstan": "KG", "Kazakhstan": "KZ", "Uzbekistan": "UZ", "Armenia": "AM", "Serbia": "RS",
    "Singapore": "SG", "Malaysia": "MY", "Thailand": "TH", "Cyprus": "CY", "Russia": "RU",
    "Belarus": "BY", "Switzerland": "CH", "United Kingdom": "GB", "Finland": "FI", "Estonia": "EE",
    "Georgia": "GE", "Ukraine": "UA", "Azerbaijan": "AZ", "Tajikistan": "TJ", "Mongolia": "MN",
    "Vietnam": "VN", "Seychelles": "SC", "Latvia": "LV", "Lithuania": "LT",
}
QUOTA_A = {"CN": 70, "HK": 45, "AE": 45, "TR": 45, "IN": 22, "KG": 10, "KZ": 8, "UZ": 6, "AM": 5,
           "RS": 6, "SG": 8, "MY": 6, "TH": 5, "CY": 6, "GE": 3, "AZ": 3}
QUOTA_B = 60
QUOTA_C = {"RU": 45, "CN": 14, "HK": 1, "TR": 4, "IN": 3, "AE": 2, "BY": 6, "CY": 4, "FI": 4,
           "GB": 3, "UA": 6, "SG": 1, "EE": 1, "GE": 1}
ADDRESS_OPENINGS = [r"\d+(st|nd|rd|th) Floor", r"Office \d", r"No\. \d", r"Rm\. ", r"d\. \d+,? k\. ?\d",
                    r"Block \d", r"Unit \d", r"Suite \d", r"P\.O\. Box \d", r"Flat \d", r"Ofis \d"]
FIELDS = ["pool", "source_file", "source_key", "name", "aliases", "fka", "address", "city",
          "country_source", "iso2", "fr_citation", "license_requirement", "license_policy"]


def key(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()


def iso_of(row: dict[str, str]) -> str | None:
    city = row["city_state_postal"]
    if row["country"] in ("China", "Hong Kong") and ("Hong Kong" in city or "Kowloon" in city):
        return "HK"
    return ISO.get(row["country"])


def split_alt(text: str, kind: str) -> list[str]:
    out = []
    for part in text.split(" | "):
        if part.startswith(kind + ": "):
            out.append(part[len(kind) + 2:].strip())
    return out


def sdn_rows(shared: Path) -> list[dict[str, str]]:
    path = shared / "lists/ofac/sdn_2026_addresses_joined.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    first: dict[str, dict[str, str]] = {}
    for r in rows:
        if r["type"] == "Entity" and r["address"].strip() and r["ent_num"] not in first:
            first[r["ent_num"]] = r
    return list(first.values())


def from_sdn(pool: str, r: dict[str, str], iso: str) -> dict[str, str]:
    return {"pool": pool, "source_file": "ofac/sdn_2026_addresses_joined.csv",
            "source_key": f"ent_num={r['ent_num']};add_num={r['add_num']}", "name": r["name"],
            "aliases": " | ".join(split_alt(r["alt_names"], "aka")),
            "fka": " | ".join(split_alt(r["alt_names"], "fka")), "address": r["address"].strip(),
            "city": r["city_state_postal"].strip(), "country_source": r["country"], "iso2": iso,
            "fr_citation": "", "license_requirement": "", "license_policy": ""}


def pick(rows: list[dict[str, str]], quota: dict[str, int], iso_key: str) -> list[dict[str, str]]:
    by: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: key(r["source_key"], r["name"])):
        by[r[iso_key]].append(r)
    out = []
    for iso, n in quota.items():
        have = by.get(iso, [])
        with_alias = [r for r in have if r["aliases"]][: n // 3]
        rest = [r for r in have if r not in with_alias][: n - len(with_alias)]
        out += with_alias + rest
    return out


def main(shared: Path, out: Path) -> None:
    sdn = sdn_rows(shared)
    russia = [r for r in sdn if "RUSSIA-EO14024" in r["programs"]]
    pool_a = [from_sdn("A", r, iso) for r in russia
              if (iso := iso_of(r)) and iso != "RU"]
    pool_b = [from_sdn("B", r, "RU") for r in russia if iso_of(r) == "RU"]
    chosen = pick(pool_a, QUOTA_A, "iso2") + pick(pool_b, {"RU": QUOTA_B}, "iso2")
    by_name = {r["name"].upper(): r for r in sdn}
    with (shared / "lists/csl/csl_trade_gov_2026-07-31_flat.csv").open(encoding="utf-8") as fh:
        el = [r for r in csv.DictReader(fh) if r["source_code"] == "EL"]
    pool_c = []
    for e in el:
        s = by_name.get(e["name"].upper())
        if s is None or not (iso := iso_of(s)):
            continue
        row = from_sdn("C", s, iso)
        row.update(source_file="csl/csl_trade_gov_2026-07-31_flat.csv + ofac/sdn_2026_addresses_joined.csv",
                   source_key=f"EL name={e['name']};ent_num={s['ent_num']};add_num={s['add_num']}",
                   name=e["name"], aliases=" | ".join(a.strip() for a in e["alt_names"].split(" | ")
                                                     if a.strip()), fka="",
                   fr_citation=e["federal_register_notice"].strip(),
                   license_requirement=e["license_requirement"].strip(),
                   license_policy=e["license_policy"].strip())
        pool_c.append(row)
    seen = {r["name"].upper() for r in chosen}
    ordered = sorted(sdn, key=lambda r: ("RUSSIA" not in r["programs"], key(r["ent_num"], r["add_num"])))
    for pattern in ADDRESS_OPENINGS:
        hits = [r for r in ordered if re.match(pattern, r["address"]) and r["name"].upper() not in seen
                and iso_of(r) and not re.search("IRAN|SDGT|DPRK|CUBA|SYRIA", r["programs"])][:4]
        for r in hits:
            chosen.append(from_sdn("D", r, iso_of(r) or ""))
            seen.add(r["name"].upper())
    pool_c = [r for r in pool_c if r["name"].upper() not in seen]
    chosen += pick(pool_c, QUOTA_C, "iso2")
    out.mkdir(parents=True, exist_ok=True)
    with (out / "source_parties.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(chosen)
    shutil.copyfile(shared / "chpl/chpl_hs6_tiers.csv", out / "chpl_hs6_tiers.csv")
    print(f"{len(chosen)} parties written")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
