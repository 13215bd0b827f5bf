"""Score OpenSanctions' nomenklatura (logic-v1, logic-v2, at yente's 0.70 threshold) on the same
labelled pairs as redletter, per half, for the comparison in bench_match.py.

    NOMENKLATURA_PYTHON=/path/to/venv/bin/python python benchmarks/bench_match.py

nomenklatura is not a dependency of redletter: install it in a throwaway venv
(``python -m venv /tmp/nk && /tmp/nk/bin/pip install nomenklatura``) and point
``NOMENKLATURA_PYTHON`` at its interpreter; this script runs there, with only the standard
library and nomenklatura. It prints one JSON line per (file, algorithm, half).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from followthemoney import model
from nomenklatura.matching import LogicV1, LogicV2, ScoringConfig

THRESHOLD = 0.70  # yente's default match threshold
TUNED_GROUPS = {"synth_companies", "nk_checks", "nk_unit_tests", "cluster_align", "cust_cases"}


def entity(schema: str, name: str, key: str):  # type: ignore[no-untyped-def]
    proxy = model.make_entity(schema)
    proxy.id = key
    proxy.add("name", name)
    return proxy


def score(path: Path, algorithm: type, held_out: bool | None) -> dict[str, object]:
    config = ScoringConfig.defaults()
    tp = fp = fn = 0
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for i, r in enumerate(rows):
        if held_out is not None and (r["case_group"] not in TUNED_GROUPS) != held_out:
            continue
        result = algorithm.compare(entity(r["schema"], r["name1"], f"a{i}"),
                                   entity(r["schema"], r["name2"], f"b{i}"), config)
        found, true = result.score >= THRESHOLD, r["is_match"] == "true"
        tp += found and true
        fp += found and not true
        fn += true and not found
    p = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    return {"file": path.name, "algorithm": algorithm.NAME,
            "half": {None: "all", True: "held-out groups", False: "tuned groups"}[held_out],
            "f1": 2 * p * rc / (p + rc) if p + rc else 0.0, "precision": p, "recall": rc}


def main(paths: list[str]) -> None:
    for path in paths:
        for algorithm in (LogicV1, LogicV2):
            for held_out in (False, True, None):
                print(json.dumps(score(Path(path), algorithm, held_out)))


if __name__ == "__main__":
    main(sys.argv[1:])
