"""Matching benchmark: quality on a 100k-row master, speed on 1M rows, against brute force.

    python benchmarks/bench_match.py [--quality-rows 100000] [--speed-rows 1000000]

The master is made of ordinary companies (Faker's company names and addresses in ten locales,
recombined) with planted variants of 600 real listed parties (samples/source/parties.csv:
legal-form swaps, abbreviations, typos, dropped legal forms, case and punctuation, aliases
used as names, Cyrillic transliteration) and look-alikes that differ in their distinctive
word. The baseline is rapidfuzz ``process.cdist`` with ``token_sort_ratio`` over all names
(>= 90 match, >= 80 review), in the same run.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from faker import Faker
from rapidfuzz import fuzz, process, utils

from redletter.match.cache import master_index
from redletter.match.decide import match_parties
from redletter.match.index import MasterIndex
from redletter.match.master import load_columns, load_master
from redletter.nlp.countries import resolve_country
from redletter.schema import Party
from redletter.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from make_customers import lookalike, variant  # noqa: E402

LOCALES = ["en_US", "de_DE", "ru_RU", "zh_CN", "tr_TR", "fr_FR", "it_IT", "es_ES", "pl_PL", "en_GB"]
FORMS = ["LLC", "GmbH", "Co., Ltd.", "ООО", "Ltd.", "S.A.", "Ltd. Şti.", "Inc.", "JSC", "FZE", "AG",
         "Sp. z o.o.", "S.r.l.", "有限公司", ""]
KINDS = ["legal_swap", "abbreviation", "typo", "dropped_legal_form", "case_punct", "alias_as_name",
         "cyrillic"]


def listed(n: int, rng: random.Random) -> list[dict[str, Any]]:
    with (ROOT / "samples" / "source" / "parties.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for r in rng.sample(rows, n):
        out.append({"name": r["name"], "aliases": [a for a in r["aliases"].split(" | ") if a],
                    "address": f"{r['address']}, {r['city']}", "country": resolve_country(r["country"])})
    return out


def ordinary(n: int, seed: int) -> list[tuple[str, str, str, str]]:
    """n ordinary companies: Faker names split into words and recombined, with addresses."""
    fake = Faker(LOCALES)
    Faker.seed(seed)
    words = sorted({w for _ in range(20000) for w in fake.company().replace(",", " ").split()
                    if len(w) > 1})
    places = [(fake.street_address().replace("\n", " "), fake.city(), fake.current_country_code())
              for _ in range(5000)]
    gen = np.random.default_rng(seed)
    w_idx = gen.integers(0, len(words), size=(n, 3))
    n_words = gen.integers(1, 4, size=n)
    forms = gen.integers(0, len(FORMS), size=n)
    where = gen.integers(0, len(places), size=n)
    out = []
    for i in range(n):
        name = " ".join(words[j] for j in w_idx[i, : n_words[i]]) + " " + FORMS[forms[i]]
        street, city, country = places[where[i]]
        out.append((name.strip(), street, city, country))
    return out


def write_master(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["customer_id", "name", "address", "city", "country"])
        for i, r in enumerate(rows):
            w.writerow([f"C{i:07d}", *r])


def plant(parties: list[dict[str, Any]], rng: random.Random) -> tuple[list[tuple[str, str, str, str]],
                                                                      list[tuple[int, str]]]:
    """Variants (party index, expected) and their master rows."""
    rows, truth = [], []
    for i, p in enumerate(parties):
        kind = KINDS[i % len(KINDS)]
        name = variant(p, kind, rng) if i % 2 == 0 else lookalike(p, rng)
        if name:
            rows.append((name, "", "", p["country"] or ""))
            truth.append((i, "variant" if i % 2 == 0 else "lookalike"))
    return rows, truth


def as_party(p: dict[str, Any]) -> Party:
    return Party(name=p["name"], aliases=tuple(p["aliases"]), address=p["address"],
                 country=p["country"], page=1, row=1, bbox=(0, 0, 1, 1), source="table",
                 confidence=1.0)


def quality(rows: int, rng: random.Random) -> None:
    parties = listed(600, rng)
    planted, truth = plant(parties, rng)
    base = ordinary(rows - len(planted), seed=1)
    offset = len(base)
    master = base + planted
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "master.csv"
        write_master(path, master)
        index = MasterIndex.build(load_master(path))
    results = match_parties([as_party(p) for p in parties], index, Settings())
    decided = {(r.party_index, int(c.customer_id[1:])): c.decision for r in results for c in r.candidates}
    names = [utils.default_process(m[0]) for m in master]
    scores = process.cdist([utils.default_process(p["name"]) for p in parties], names,
                           scorer=fuzz.token_sort_ratio, processor=None, score_cutoff=80,
                           dtype=np.uint8, workers=-1)
    rows_, cols_ = np.nonzero(scores)
    brute = {(int(i), int(j)): "match" if scores[i, j] >= 90 else "review"
             for i, j in zip(rows_, cols_, strict=True)}
    for label, got in (("redletter", decided), ("brute-force cdist", brute)):
        positives = {(i, offset + k) for k, (i, kind) in enumerate(truth) if kind == "variant"}
        found = sum(1 for key in positives if got.get(key))
        matches = [k for k, d in got.items() if d == "match"]
        true_matches = sum(1 for k in matches if k in positives)
        reviews = sum(1 for k, d in got.items() if d == "review" and k not in positives)
        print(f"  {label:18s} recall {found / len(positives):.4f}  match precision "
              f"{true_matches / max(1, len(matches)):.4f}  extra reviews/party {reviews / len(parties):.3f}")


def _brute(path: Path, parties: list[Party]) -> float:
    t0 = time.perf_counter()
    with path.open(encoding="utf-8") as fh:
        names = [utils.default_process(r[1]) for r in csv.reader(fh)][1:]
    process.cdist([utils.default_process(p.name) for p in parties], names,
                  scorer=fuzz.token_sort_ratio, processor=None, score_cutoff=80,
                  dtype=np.uint8, workers=-1)
    return time.perf_counter() - t0


def _ours(path: Path, parties: list[Party]) -> tuple[float, float, float]:
    t0 = time.perf_counter()
    columns = load_columns(path)
    t1 = time.perf_counter()
    index = MasterIndex.build(columns)
    t2 = time.perf_counter()
    match_parties(parties, index, Settings())
    return t1 - t0, t2 - t1, time.perf_counter() - t2


def _cached(path: Path, parties: list[Party], cache: Path) -> float:
    t0 = time.perf_counter()
    match_parties(parties, master_index(path, cache_dir=cache), Settings())
    return time.perf_counter() - t0


def speed(rows: int, rng: random.Random, repeat: int) -> None:
    parties = [as_party(p) for p in listed(600, rng)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "master.csv"
        write_master(path, ordinary(rows, seed=2))
        brute = statistics.median(_brute(path, parties) for _ in range(repeat))
        runs = [_ours(path, parties) for _ in range(repeat)]
        load, build, match = (statistics.median(r[k] for r in runs) for k in range(3))
        cache = Path(tmp) / "cache"
        master_index(path, cache_dir=cache)  # writes the cache
        cached = statistics.median(_cached(path, parties, cache) for _ in range(repeat))
    print(f"  brute-force cdist (load + 600 x {rows:,}): {brute:7.2f} s")
    print(f"  redletter load master:                    {load:7.2f} s")
    print(f"  redletter index build (reported apart):   {build:7.2f} s")
    print(f"  redletter match 600 parties:              {match:7.2f} s")
    print(f"  ratio (load + match) / brute force:       {(load + match) / brute:7.2f}x  (target <= 0.3x)")
    print(f"  with the index cached (load cache + match): {cached:5.2f} s  (target <= 2 s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quality-rows", type=int, default=100_000)
    parser.add_argument("--speed-rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="speed runs; medians are shown")
    args = parser.parse_args()
    rng = random.Random(11)
    print(f"matching quality, 600 listed parties, master of {args.quality_rows:,} rows:")
    quality(args.quality_rows, rng)
    print(f"matching speed, 600 parties against {args.speed_rows:,} customers, "
          f"median of {args.repeat}:")
    speed(args.speed_rows, rng, args.repeat)


if __name__ == "__main__":
    main()
