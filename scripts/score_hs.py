"""Score the unseen/sealed families letter by letter, tolerating letters the extractor cannot
read, and measure per-party HS-code recall.

    .venv/bin/python scripts/score_hs.py tests/fixtures/unseen/* tests/fixtures/sealed/*
    .venv/bin/python scripts/score_hs.py --misses 4 tests/fixtures/unseen/u01_customs_consignees

Party name F1, exact F1, country accuracy and alias recall are computed with
``redletter.evaluation.score_letter`` (the same rules as ``python -m redletter.evaluation``).
Unlike that command, a letter the extractor refuses (an .xlsx, .csv or .eml today) does not
stop the folder: its truth parties count as missed, and the refusal is printed.

HS recall: for each truth party matched by name (the evaluation's one-to-one pairing, ratio
>= 90), the share of its truth ``hs_codes`` whose digits appear among the digits of the
predicted party's ``hs_codes`` (if the schema has that field) or of the letter's
``items[].hs_code``; codes are compared on their first six digits (the HS-6 subheading), so
"8542.31" is found in "8542310000" and vice versa. Parties without truth HS codes are not
counted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from redletter.evaluation import Score, letter_files, pair_parties, score_letter
from redletter.pipeline import extract_letters
from redletter.schema import Letter


def digits(code: str | None) -> str:
    return re.sub(r"\D", "", code or "")


def hs_found(code: str, predicted: Sequence[str]) -> bool:
    want = digits(code)[:6]
    return len(want) == 6 and any(digits(got)[:6] == want for got in predicted)


def hs_counts(truth: dict[str, Any], letter: Letter) -> tuple[int, int]:
    """(truth HS codes of matched parties, of which found)."""
    predicted = [p.model_dump() for p in letter.parties]
    items = [i.hs_code for i in letter.items if i.hs_code]
    total = found = 0
    for i, j, _ in pair_parties(truth["parties"], predicted):
        codes = truth["parties"][i].get("hs_codes") or []
        pool = list(predicted[j].get("hs_codes") or []) + items
        total += len(codes)
        found += sum(hs_found(c, pool) for c in codes)
    return total, found


def score_folder(folder: Path) -> tuple[Score, int, int, list[str]]:
    pairs = letter_files(folder)
    outcomes = extract_letters([p for p, _ in pairs])
    total = Score()
    hs_total = hs_hit = 0
    notes = []
    for (path, truth_path), outcome in zip(pairs, outcomes, strict=True):
        truth = json.loads(truth_path.read_text("utf-8"))
        if not isinstance(outcome, Letter):
            parties = truth["parties"]
            total.add(Score(truth=len(parties), misses=[f"{truth['file']}: missed {p['name']!r}"
                                                        for p in parties]))
            notes.append(f"{path.name}: not read ({type(outcome).__name__}: {outcome})")
            continue
        total.add(score_letter(truth, outcome))
        t, h = hs_counts(truth, outcome)
        hs_total, hs_hit = hs_total + t, hs_hit + h
    return total, hs_total, hs_hit, notes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--misses", type=int, default=0, help="print up to N misses per folder")
    args = parser.parse_args(argv)
    print("| family | letters | truth | pred | name F1 | exact F1 | country acc | alias rec | HS rec |")
    print("|---|---|---|---|---|---|---|---|---|")
    details = []
    for folder in args.folders:
        s, hs_total, hs_hit, notes = score_folder(folder)
        hs = f"{hs_hit / hs_total:.3f} ({hs_hit}/{hs_total})" if hs_total else "n/a"
        print(f"| {folder.name} | {len(letter_files(folder))} | {s.truth} | {s.predicted} | "
              f"{s.f1:.3f} | {s.exact_f1:.3f} | {s.country_accuracy:.3f} | "
              f"{s.alias_recall:.3f} | {hs} |", flush=True)
        details.append((folder.name, notes, s.misses[: args.misses]))
    for name, notes, misses in details:
        if notes or misses:
            print(f"\n== {name}")
            print("\n".join(notes + misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
