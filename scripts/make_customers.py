"""Make the sample customer master ``samples/customers.csv`` and its truth file.

    python scripts/make_customers.py

Ordinary customers: the organisations of the German party-donation disclosures (real,
unlisted; see samples/source/README.md) and listed entities that no sample letter names. Planted
among them, variants of parties named in the sample letters, each of a known kind (legal-form
swap, abbreviation, typo, dropped legal form, case and punctuation, an alias used as the name,
Cyrillic transliteration), look-alikes that differ in their distinctive word (must not be a
match), and a different company at a listed party's street address (must be reviewed).
``customers.truth.json`` lists each planted row with the party it stands for and the expected
decision.
"""

from __future__ import annotations

import csv
import json
import random
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "samples" / "letters"
SOURCE = ROOT / "samples" / "source"
CYRILLIC = {"shch": "щ", "kh": "х", "zh": "ж", "ts": "ц", "ch": "ч", "sh": "ш", "ya": "я", "yu": "ю",
            "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и", "y": "ы",
            "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т",
            "u": "у", "f": "ф", "c": "к", "h": "х", "j": "й", "w": "в", "x": "кс", "q": "к"}
SWAPS = [("LIMITED LIABILITY COMPANY", "OOO"), ("CO LTD", "COMPANY LIMITED"),
         ("COMPANY LIMITED", "CO., LTD."), ("JOINT STOCK COMPANY", "JSC"), ("LLC", "L.L.C."),
         ("LIMITED", "LTD"), ("FZE", "FZCO"), ("LIMITED SIRKETI", "LTD. STI.")]
ABBREVIATIONS = [("INTERNATIONAL", "INTL"), ("TRADING", "TRDG"), ("TECHNOLOGY", "TECH"),
                 ("SERVICES", "SVCS"), ("ELECTRONICS", "ELEC"), ("INDUSTRIAL", "IND"),
                 ("GROUP", "GRP"), ("MANUFACTURING", "MFG")]
LEGAL_TAIL = re.compile(r"\s*,?\s*(LIMITED LIABILITY COMPANY|CO\.?,? LTD\.?|LIMITED|LLC|FZE|FZCO|"
                        r"JSC|OOO|LTD|INC|SDN BHD|PTE LTD|LIMITED SIRKETI|DMCC|AG|OU)\.?$", re.I)
LOOKALIKE_WORDS = ["SIGMA", "NORDWIND", "KRISTALL", "ORION", "VEGA", "ALTAIR", "POLARIS", "ZENIT"]


def cyrillic(word: str) -> str:
    out, i, low = "", 0, word.lower()
    while i < len(low):
        for n in (4, 2, 1):
            if low[i:i + n] in CYRILLIC:
                out += CYRILLIC[low[i:i + n]]
                i += n
                break
        else:
            out += low[i]
            i += 1
    return out.upper()


def typo(name: str, rng: random.Random) -> str:
    words = name.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:] if rng.random() < 0.5 else w[:j] + w[j + 1:]
    return " ".join(words)


def variant(party: dict[str, Any], kind: str, rng: random.Random) -> str | None:
    name = party["name"].upper()
    if kind == "legal_swap":
        for a, b in SWAPS:
            if re.search(rf"\b{re.escape(a)}\b", name):
                return re.sub(rf"\b{re.escape(a)}\b", b, name)
        return None
    if kind == "abbreviation":
        for a, b in ABBREVIATIONS:
            if re.search(rf"\b{a}\b", name):
                return re.sub(rf"\b{a}\b", b, name)
        return None
    if kind == "typo":
        return typo(name, rng) if max(len(w) for w in name.split()) >= 6 else None
    if kind == "dropped_legal_form":
        short = LEGAL_TAIL.sub("", name)
        return short if short != name and len(short.split()) >= 2 else None
    if kind == "case_punct":
        return re.sub(r"[.,]", "", party["name"]).title()
    if kind == "alias_as_name":
        return party["aliases"][0] if party["aliases"] else None
    if kind == "cyrillic":
        if party["country"] != "RU" or "LIMITED LIABILITY COMPANY" not in name:
            return None
        core = name.replace("LIMITED LIABILITY COMPANY", "").split()
        return "ООО " + " ".join(cyrillic(w) for w in core)
    return None


def lookalike(party: dict[str, Any], rng: random.Random) -> str | None:
    words = party["name"].upper().split()
    core = [w for w in words if not LEGAL_TAIL.fullmatch(w) and len(w) > 3]
    if len(words) < 2 or not core:
        return None
    target = max(core, key=len)
    return " ".join(rng.choice(LOOKALIKE_WORDS) if w == target else w for w in words)


def letter_parties() -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for truth in sorted(LETTERS.glob("*.truth.json")):
        for p in json.loads(truth.read_text("utf-8"))["parties"]:
            seen.setdefault(p["name"].upper(), {**p, "letter": truth.name.removesuffix(".truth.json")})
    return list(seen.values())


def ordinary(rng: random.Random, named: set[str], places: set[str]) -> list[dict[str, str]]:
    rows = []
    with (SOURCE / "donations_orgs.csv").open(encoding="utf-8") as fh:
        rows += [{"name": r["name"], "address": r["street"], "city": r["city"], "country": "DE"}
                 for r in csv.DictReader(fh)]
    with (SOURCE / "parties.csv").open(encoding="utf-8") as fh:
        unlisted = [r for r in csv.DictReader(fh) if r["name"].upper() not in named
                    and f"{r['address'].strip().rstrip(',')}, {r['city']}" not in places]
    for r in rng.sample(unlisted, 300):
        rows.append({"name": r["name"], "address": r["address"], "city": r["city"],
                     "country": r["country"]})
    return rows


def main() -> None:
    rng = random.Random(4)
    parties = letter_parties()
    named = {p["name"].upper() for p in parties}
    places = {p["address"] for p in parties if p["address"]}
    rows: list[dict[str, str]] = ordinary(rng, named, places)
    planted: list[dict[str, Any]] = []
    kinds = ["legal_swap", "abbreviation", "typo", "dropped_legal_form", "case_punct",
             "alias_as_name", "cyrillic"]
    for p in rng.sample(parties, 120):
        kind = kinds[len(planted) % len(kinds)]
        name = variant(p, kind, rng)
        if name:
            planted.append({"name": name, "address": p["address"] or "", "city": "",
                            "country": p["country"], "party": p["name"], "letter": p["letter"],
                            "kind": kind, "expected": "match_or_review"})
    for p in rng.sample(parties, 25):
        name = lookalike(p, rng)
        if name:
            planted.append({"name": name, "address": "", "city": "", "country": p["country"],
                            "party": p["name"], "letter": p["letter"], "kind": "lookalike",
                            "expected": "not_match"})
    for p in [q for q in parties if q["address"] and len(q["address"]) > 25][:5]:
        planted.append({"name": "Harbor Freight Forwarding Co", "address": p["address"], "city": "",
                        "country": p["country"], "party": p["name"], "letter": p["letter"],
                        "kind": "same_address", "expected": "review"})
    rows += planted
    rng.shuffle(rows)
    truth = []
    with (ROOT / "samples" / "customers.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["customer_id", "name", "address", "city", "country"])
        for i, r in enumerate(rows, start=1):
            cid = f"C{i:05d}"
            writer.writerow([cid, r["name"], r["address"], r["city"], r["country"]])
            if "kind" in r:
                truth.append({"customer_id": cid, **{k: r[k] for k in ("name", "party", "letter",
                                                                       "kind", "expected")}})
    (ROOT / "samples" / "customers.truth.json").write_text(
        json.dumps(truth, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(rows)} customers, {len(truth)} planted")


if __name__ == "__main__":
    main()
