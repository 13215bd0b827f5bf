"""Matching output does not depend on the hash seed: every ordering has a total tie-break."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import csv, json, sys
from pathlib import Path
from redletter.match.decide import match_parties
from redletter.match.evaluate import truth_parties
from redletter.match.index import MasterIndex
from redletter.match.master import Customer, load_master
from redletter.schema import Party
from redletter.settings import Settings

root = Path(sys.argv[1])
settings = Settings()
index = MasterIndex.build(load_master(root / "samples" / "customers.csv"))
out = [r.model_dump() for r in match_parties(truth_parties(root / "samples" / "letters"), index, settings)]
with (root / "tests" / "fixtures" / "matching" / "company_pairs.csv").open(encoding="utf-8") as fh:
    rows = list(csv.DictReader(fh))
pairs = MasterIndex.build([Customer(str(i), r["name2"], "", "", None, i) for i, r in enumerate(rows)])
parties = [Party(name=r["name1"], page=1, row=1, bbox=(0, 0, 1, 1), source="table", confidence=1.0)
           for r in rows]
out += [r.model_dump() for r in match_parties(parties, pairs, settings)]
sys.stdout.write(json.dumps(out, sort_keys=True))
"""


def _run(seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT)], env=env, capture_output=True,
                          timeout=300, check=True)
    return done.stdout


def test_same_output_under_two_hash_seeds() -> None:
    first, second = _run("1"), _run("4242")
    assert len(first) > 100_000  # candidates with their features, not an empty run
    assert first == second
