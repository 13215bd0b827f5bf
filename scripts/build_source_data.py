"""Copy the subset of real list data that the sample letters use into ``samples/source/``.

Run once by a developer with the workplace's ``shared/`` folder beside the repo:
    python scripts/build_source_data.py ../shared/data/lists samples/source
The output is committed (see samples/source/README.md for provenance); nothing in the
package or the tests reads ``shared/``.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

TRANSIT = {"China", "United Arab Emirates", "Turkey", "Kyrgyzstan", "Kazakhstan", "Armenia",
           "India", "Serbia", "Uzbekistan", "Singapore", "Malaysia", "Thailand", "Hong Kong",
           "Cyprus", "Switzerland", "Estonia", "Belarus", "Vietnam", "Korea, South", "Moldova"}
FIELDS = ["ent_num", "name", "aliases", "address", "city", "country"]


def _aliases(alt_names: str) -> list[str]:
    out = []
    for part in alt_names.split(" | "):
        kind, _, name = part.partition(": ")
        if kind == "aka" and name and len(name) < 70:
            out.append(name.strip())
    return out[:3]


def select(rows: list[dict[str, str]], rng: random.Random) -> list[dict[str, str]]:
    """Entities under RUSSIA-EO14024 with a street address, one address each; transit first."""
    seen: set[str] = set()
    picked = []
    for r in rows:
        if r["type"] != "Entity" or "RUSSIA-EO14024" not in r["programs"]:
            continue
        if not r["address"].strip() or r["ent_num"] in seen or len(r["name"]) > 90:
            continue
        seen.add(r["ent_num"])
        picked.append(r)
    transit = [r for r in picked if r["country"] in TRANSIT]
    russia = [r for r in picked if r["country"] not in TRANSIT]
    return transit + rng.sample(russia, min(len(russia), 250))


def donation_orgs(src: Path, dst: Path) -> None:
    """Organisations (not persons) of the German party-donation disclosures, one row each."""
    seen: dict[str, dict[str, str]] = {}
    with (src / "customer_like" / "nomenklatura_donations_de.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["DonorType"] == "ORG":
                seen.setdefault(r["Donor"].strip(), {"name": r["Donor"].strip(),
                                                     "street": r["Street"], "city": r["City"]})
    with (dst / "donations_orgs.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["name", "street", "city"])
        writer.writeheader()
        writer.writerows(seen.values())


def main(src: Path, dst: Path) -> None:
    rng = random.Random(20261128)
    path = src / "ofac" / "sdn_2026_addresses_joined.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    dst.mkdir(parents=True, exist_ok=True)
    with (dst / "parties.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        for r in select(rows, rng):
            writer.writerow({"ent_num": r["ent_num"], "name": r["name"],
                             "aliases": " | ".join(_aliases(r["alt_names"])),
                             "address": r["address"], "city": r["city_state_postal"],
                             "country": r["country"]})
    donation_orgs(src, dst)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
