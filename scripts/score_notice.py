"""Notice-type accuracy per folder of letters with truth files (``notice_type``).

    .venv/bin/python scripts/score_notice.py samples/letters tests/fixtures/unseen/u0*
    .venv/bin/python scripts/score_notice.py --misses tests/fixtures/holdout

Prints, per folder, how many letters got the kind of their truth file, and how many were left
``unknown`` (for a reviewer: not a wrong guess, but not right either). ``--misses`` names the
letters whose kind is wrong, with the evidence; leave it off for the sealed families
(``tests/fixtures/sealed/``), whose letters are only ever scored in aggregate.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from redletter.evaluation import letter_files
from redletter.pipeline import extract_letters
from redletter.schema import Letter, NoticeType


def score_folder(folder: Path, misses: bool) -> tuple[int, int, int]:
    """(letters, right, unknown) of one folder; prints the misses when asked."""
    pairs = letter_files(folder)
    outcomes = extract_letters([p for p, _ in pairs])
    right = unknown = 0
    for (path, truth), got in zip(pairs, outcomes, strict=True):
        want = json.loads(truth.read_text("utf-8")).get("notice_type")
        kind = got.notice_type if isinstance(got, Letter) else None
        right += kind is not None and kind.value == want
        unknown += kind is NoticeType.unknown
        if misses and (kind is None or kind.value != want):
            print(f"  {path.name}: truth {want}, got {kind or got}")
            for line in got.notice_type_evidence if isinstance(got, Letter) else ():
                print(f"      {line}")
    return len(pairs), right, unknown


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--misses", action="store_true", help="name the letters whose kind is wrong")
    args = parser.parse_args(argv)
    total = [0, 0, 0]
    for folder in args.folders:
        n, right, unknown = score_folder(folder, args.misses)
        total = [total[0] + n, total[1] + right, total[2] + unknown]
        print(f"{folder}: {right}/{n} right, {unknown} unknown")
    print(f"all: {total[1]}/{total[0]} right ({total[1] / max(total[0], 1):.1%}), {total[2]} unknown")
    return 0


if __name__ == "__main__":
    sys.exit(main())
