"""Matching benchmark: quality on a 100k-row master and on labelled pairs; speed and memory
at 300k and 1M rows, against brute force, in the same run.

    python benchmarks/bench_match.py [--quality-rows 100000] [--speed-rows 300000 1000000]
                                     [--repeat 3] [--seed 11] [--no-pairs] [--cold-only]

``--quality-rows 0`` or ``--speed-rows`` with no sizes leaves that part out; ``--seed`` draws
other listed parties and other planted variants for the quality part; ``--cold-only`` times
brute force and the cold run only (``--no-pairs --quality-rows 0 --speed-rows 300000
--cold-only``: the cold 300k figure alone).

Quality: the master is made of ordinary companies (Faker's company names and addresses in ten
locales, recombined) with planted variants of 600 real listed parties (samples/source/parties.csv:
legal-form swaps, abbreviations, typos, dropped legal forms, case and punctuation, aliases used
as names, Cyrillic transliteration) and look-alikes that differ in their distinctive word. The
baseline is rapidfuzz ``process.cdist`` with ``token_sort_ratio`` over all names (>= 90 match,
>= 80 review). The labelled pairs (tests/fixtures/matching) are scored per half: the groups the
rules were tuned on and the held-out group.

Speed: 600 listed parties against masters of ordinary companies. Each measurement runs in a
fresh process (so that peak RSS is its own), interleaved with the others, medians over
``--repeat``:

* brute force: read the names + ``cdist`` (600 x all names, both cores);
* cold: the first run on a new master, no cache: load, build the index (writing the caches, as
  ``redletter`` does by default), match;
* incremental: the same master with 2 % of its rows changed, the keys of the others cached;
* warm: the master unchanged, its index cached.

The machine is shared and noisy: read the ratios, measured in the same run. Targets: cold <=
1.0x brute force at 300k and 1M, warm <= 0.3x at 1M.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import statistics
import subprocess
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
from redletter.match.master import load_master
from redletter.nlp.countries import resolve_country
from redletter.nlp.normalize import name_keys
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


def _names(party: dict[str, Any]) -> set[str]:
    """The words of a party's name and aliases, as redletter's key reads them."""
    return {k.text for k in name_keys([party["name"], *party["aliases"]]) if k is not None}


def plant(parties: list[dict[str, Any]], rng: random.Random) -> tuple[list[tuple[str, str, str, str]],
                                                                      list[tuple[int, str]]]:
    """Variants (party index, expected) and their master rows. A look-alike is another
    company, so one that came out as the name of a listed party (the words put in are real
    words: "Orion" for "Microribor" makes ORION LLC, itself listed) is drawn again."""
    listed_names = set().union(*map(_names, parties))
    rows, truth = [], []
    for i, p in enumerate(parties):
        kind = KINDS[i % len(KINDS)]
        name = variant(p, kind, rng) if i % 2 == 0 else _lookalike(p, rng, listed_names)
        if name:
            rows.append((name, "", "", p["country"] or ""))
            truth.append((i, "variant" if i % 2 == 0 else "lookalike"))
    return rows, truth


def _lookalike(party: dict[str, Any], rng: random.Random, listed_names: set[str]) -> str | None:
    """A look-alike of the party that is no listed party's name (drawn up to five times)."""
    for _ in range(5):
        name = lookalike(party, rng)
        if not name or not _names({"name": name, "aliases": []}) & listed_names:
            return name
    return None


def _positives(parties: list[dict[str, Any]], truth: list[tuple[int, str]], offset: int
               ) -> set[tuple[int, int]]:
    """(party, row) pairs that are right: each variant with its party, and with every other
    listed party of the same name (two listed parties may share one: EXITON, a.k.a. EKSITON,
    and LLC EKSITON; a variant of one is the other's name too)."""
    names = [_names(p) for p in parties]
    found = set()
    for k, (j, kind) in enumerate(truth):
        if kind == "variant":
            found |= {(i, offset + k) for i in range(len(parties)) if i == j or names[i] & names[j]}
    return found


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
    right = _positives(parties, truth, offset)
    positives = {(i, offset + k) for k, (i, kind) in enumerate(truth) if kind == "variant"}
    for label, got in (("redletter", decided), ("brute-force cdist", brute)):
        found = sum(1 for key in positives if got.get(key))
        matches = [k for k, d in got.items() if d == "match"]
        true_matches = sum(1 for k in matches if k in right)
        reviews = sum(1 for k, d in got.items() if d == "review" and k not in right)
        print(f"  {label:18s} recall {found / len(positives):.4f}  match precision "
              f"{true_matches / max(1, len(matches)):.4f}  extra reviews/party {reviews / len(parties):.3f}")


def _brute(path: Path, parties: list[Party]) -> None:
    with path.open(encoding="utf-8") as fh:
        names = [utils.default_process(r[1]) for r in csv.reader(fh)][1:]
    process.cdist([utils.default_process(p.name) for p in parties], names,
                  scorer=fuzz.token_sort_ratio, processor=None, score_cutoff=80,
                  dtype=np.uint8, workers=-1)


def _ours(path: Path, parties: list[Party], cache: Path) -> None:
    match_parties(parties, master_index(path, cache_dir=cache), Settings())


def child(kind: str, path: Path, cache: Path) -> None:
    """One measurement in this (fresh) process: prints seconds and peak RSS (MB) as JSON."""
    parties = [as_party(p) for p in listed(600, random.Random(7))]
    t0 = time.perf_counter()
    if kind == "brute":
        _brute(path, parties)
    else:
        _ours(path, parties, cache)
    seconds = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "rss_mb": rss}))


def _measure(kind: str, path: Path, cache: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--child", kind, str(path), str(cache)],
                          capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _changed(path: Path, out: Path, share: float) -> None:
    """A copy of the master with ``share`` of its rows replaced by other companies."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    step = max(1, int(1 / share))
    for k, row in enumerate(ordinary(len(rows) // step, seed=3)):
        rows[k * step] = ["", *row]
    write_master(out, [(r[1], r[2], r[3], r[4]) for r in rows])


def speed(rows: int, repeat: int, *, cold_only: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, changed = Path(tmp) / "master.csv", Path(tmp) / "changed.csv"
        write_master(path, ordinary(rows, seed=2))
        _changed(path, changed, 0.02)
        kinds = ("brute", "cold") if cold_only else ("brute", "cold", "incremental", "warm")
        runs: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
        for r in range(repeat):
            cache = Path(tmp) / f"cache{r}"
            runs["brute"].append(_measure("brute", path, cache))
            runs["cold"].append(_measure("ours", changed, cache))  # nothing cached yet
            if not cold_only:
                runs["incremental"].append(_measure("ours", path, cache))  # keys of 98 % of rows cached
                runs["warm"].append(_measure("ours", path, cache))  # the index of this file cached
    med = {k: statistics.median(x["seconds"] for x in v) for k, v in runs.items()}
    rss = {k: max(x["rss_mb"] for x in v) for k, v in runs.items()}
    each = [x["seconds"] / b["seconds"] for x, b in zip(runs["cold"], runs["brute"], strict=True)]
    print(f"  600 parties x {rows:,} customers, median of {repeat}, each in a fresh process:")
    for k, label in (("brute", "brute-force cdist (read + 600 x all)"),
                     ("cold", "redletter cold (load, index, match)"),
                     ("incremental", "redletter, 2 % of rows changed"),
                     ("warm", "redletter warm (index cached)")):
        if k not in runs:
            continue
        ratio = "" if k == "brute" else f"  {med[k] / med['brute']:5.2f}x brute force"
        print(f"    {label:40s} {med[k]:7.2f} s  peak RSS {rss[k]:6.0f} MB{ratio}")
    print(f"    cold / brute force, run by run: {' '.join(f'{x:.2f}' for x in each)}")
    print("    targets: cold <= 1.0x; warm <= 0.3x at 1M")


def pairs() -> None:
    from redletter.match.evaluate import evaluate_pairs

    for name in ("company_pairs.csv", "person_pairs.csv"):
        path = ROOT / "tests" / "fixtures" / "matching" / name
        print(f"  {name}:")
        for label, held_out in (("tuned groups", False), ("held-out groups", True), ("all", None)):
            print(f"    {label:16s} {evaluate_pairs(path, held_out=held_out).line()}")
        nomenklatura(path)


def nomenklatura(path: Path) -> None:
    """nomenklatura's figures on the same pairs, in the same run, when ``NOMENKLATURA_PYTHON``
    names an interpreter that has it (see bench_nomenklatura.py)."""
    python = os.environ.get("NOMENKLATURA_PYTHON")
    if not python:
        print("    (set NOMENKLATURA_PYTHON to compare with nomenklatura)")
        return
    done = subprocess.run([python, str(Path(__file__).with_name("bench_nomenklatura.py")), str(path)],
                          capture_output=True, text=True, check=True)
    for line in done.stdout.splitlines():
        r = json.loads(line)
        print(f"    nomenklatura {r['algorithm']} >= 0.70, {r['half']:16s} F1 {r['f1']:.3f} "
              f"(P {r['precision']:.3f}, R {r['recall']:.3f})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quality-rows", type=int, default=100_000)
    parser.add_argument("--speed-rows", type=int, nargs="*", default=[300_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="speed runs; medians are shown")
    parser.add_argument("--seed", type=int, default=11, help="parties and variants of the quality part")
    parser.add_argument("--no-pairs", action="store_true", help="leave out the labelled pairs")
    parser.add_argument("--cold-only", action="store_true",
                        help="speed: brute force and the cold run only (no incremental or warm run)")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "MASTER", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    if not args.no_pairs:
        print("labelled pairs (match + review found; match precision; never retrieved):")
        pairs()
    if args.quality_rows:
        print(f"matching quality, 600 listed parties (seed {args.seed}), master of "
              f"{args.quality_rows:,} rows:")
        quality(args.quality_rows, random.Random(args.seed))
    for rows in args.speed_rows:
        print(f"matching speed and memory at {rows:,} rows:")
        speed(rows, args.repeat, cold_only=args.cold_only)


if __name__ == "__main__":
    main()
