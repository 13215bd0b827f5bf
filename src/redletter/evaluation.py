"""Score extraction against truth files: party name F1, country accuracy, alias recall, HS
codes per party.

    python -m redletter.evaluation FOLDER... [--show-misses] [--per-file]

A truth file ``X.truth.json`` sits beside each letter ``X.pdf`` (or image, spreadsheet, e-mail).
A predicted party counts as found when its name's rapidfuzz ``ratio`` to a truth name is >= 90
after case and whitespace folding (one-to-one, best pairs first); "exact" requires equality
after folding. An HS code of a truth party is found when a code with the same digits is among
the found party's ``hs_codes``. A truth file without its letter is an error, not a silent 1.0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from redletter.pipeline import extract_letters
from redletter.schema import Letter

FUZZY_MIN = 90.0


def fold(text: str) -> str:
    """Case and whitespace folding for comparisons."""
    return " ".join(text.casefold().split())


@dataclass
class Score:
    """Counts over one or more letters."""

    truth: int = 0
    predicted: int = 0
    found: int = 0
    exact: int = 0
    country_ok: int = 0
    aliases_truth: int = 0
    aliases_found: int = 0
    hs_truth: int = 0
    hs_found: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("truth", "predicted", "found", "exact", "country_ok", "aliases_truth",
                     "aliases_found", "hs_truth", "hs_found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    @staticmethod
    def _f1(hits: int, truth: int, predicted: int) -> float:
        return 2 * hits / (truth + predicted) if truth + predicted else 1.0

    @property
    def f1(self) -> float:
        return self._f1(self.found, self.truth, self.predicted)

    @property
    def exact_f1(self) -> float:
        return self._f1(self.exact, self.truth, self.predicted)

    @property
    def country_accuracy(self) -> float:
        return self.country_ok / self.found if self.found else 1.0

    @property
    def alias_recall(self) -> float:
        return self.aliases_found / self.aliases_truth if self.aliases_truth else 1.0

    @property
    def hs_recall(self) -> float:
        return self.hs_found / self.hs_truth if self.hs_truth else 1.0


def pair_parties(truth: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]
                 ) -> list[tuple[int, int, float]]:
    """One-to-one pairs (truth index, predicted index, ratio), best first, ratio >= 90."""
    scored = sorted(((fuzz.ratio(fold(t["name"]), fold(p["name"])), i, j)
                     for i, t in enumerate(truth) for j, p in enumerate(predicted)), reverse=True)
    used_t: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for ratio, i, j in scored:
        if ratio < FUZZY_MIN:
            break
        if i not in used_t and j not in used_p:
            used_t.add(i)
            used_p.add(j)
            pairs.append((i, j, ratio))
    return pairs


def score_letter(truth: dict[str, Any], letter: Letter) -> Score:
    """Compare one letter's extraction with its truth."""
    predicted = [p.model_dump() for p in letter.parties]
    t_parties = truth["parties"]
    s = Score(truth=len(t_parties), predicted=len(predicted))
    pairs = pair_parties(t_parties, predicted)
    matched = {i for i, _, _ in pairs}
    for i, j, _ in pairs:
        t, p = t_parties[i], predicted[j]
        s.found += 1
        s.exact += fold(t["name"]) == fold(p["name"])
        s.country_ok += t["country"] == p["country"]
        got = {fold(a) for a in p["aliases"]}
        s.aliases_truth += len(t["aliases"])
        s.aliases_found += sum(fold(a) in got for a in t["aliases"])
        _score_hs(s, truth["file"], t, p)
        lost = [a for a in t["aliases"] if fold(a) not in got]
        if lost:
            s.misses.append(f"{truth['file']}: aliases {lost!r} not in {p['aliases']!r}")
        if fold(t["name"]) != fold(p["name"]) or t["country"] != p["country"]:
            s.misses.append(f"{truth['file']}: {t['name']!r}/{t['country']} ~ {p['name']!r}/{p['country']}")
    s.misses += [f"{truth['file']}: missed {t['name']!r}" for i, t in enumerate(t_parties)
                 if i not in matched]
    used = {j for _, j, _ in pairs}
    s.misses += [f"{truth['file']}: spurious {p['name']!r}" for j, p in enumerate(predicted)
                 if j not in used]
    return s


def _digits(code: str) -> str:
    return "".join(c for c in code if c.isdigit())


def _score_hs(s: Score, file: str, t: dict[str, Any], p: dict[str, Any]) -> None:
    """Count the truth party's HS codes found among the predicted party's."""
    want = [_digits(c) for c in t.get("hs_codes", [])]
    got = {_digits(c) for c in p.get("hs_codes", [])}
    s.hs_truth += len(want)
    s.hs_found += sum(1 for c in want if c in got)
    if lost := [c for c in t.get("hs_codes", []) if _digits(c) not in got]:
        s.misses.append(f"{file}: HS codes {lost!r} of {t['name']!r} not in {p.get('hs_codes')!r}")


def letter_files(folder: Path) -> list[tuple[Path, Path]]:
    """(letter, truth) pairs in a folder; a truth file without its letter raises."""
    out = []
    for truth in sorted(folder.glob("*.truth.json")):
        stem = truth.name.removesuffix(".truth.json")
        letter = next((p for p in sorted(folder.glob(stem + ".*")) if not p.name.endswith(".json")), None)
        if letter is None:
            raise FileNotFoundError(f"{truth}: its letter is not in {folder}")
        out.append((letter, truth))
    return out


def evaluate_files(folder: Path, letters: Sequence[Letter] | None = None) -> list[tuple[Path, Score]]:
    """Score every letter in a folder that has a truth file (extracted as one batch, unless
    the letters are given, in ``letter_files`` order)."""
    pairs = letter_files(folder)
    if letters is None:
        outcomes = extract_letters([p for p, _ in pairs])
        letters = [o for o in outcomes if isinstance(o, Letter)]
        if len(letters) != len(pairs):
            raise RuntimeError(f"some letters could not be read: {outcomes}")
    return [(path, score_letter(json.loads(truth.read_text("utf-8")), letter))
            for (path, truth), letter in zip(pairs, letters, strict=True)]


def evaluate(folder: Path, letters: Sequence[Letter] | None = None) -> Score:
    """The scores of a folder's letters, added up."""
    total = Score()
    for _, score in evaluate_files(folder, letters):
        total.add(score)
    return total


def report(score: Score) -> str:
    """The numbers, one per line."""
    return (f"letters' parties: truth {score.truth}, predicted {score.predicted}\n"
            f"party name F1 (ratio >= {FUZZY_MIN:.0f}): {score.f1:.4f}\n"
            f"party name F1 (exact after folding): {score.exact_f1:.4f}\n"
            f"country accuracy: {score.country_accuracy:.4f}\n"
            f"alias recall: {score.alias_recall:.4f}\n"
            f"HS codes per party recall: {score.hs_recall:.4f} ({score.hs_found}/{score.hs_truth})")


def _folder(folder: Path, args: argparse.Namespace) -> Score | None:
    """One folder's score, printed unless the folders are only added up (``--together``);
    ``None`` for a folder whose letters are not there (the public tables' PDFs)."""
    try:
        files = evaluate_files(folder)
    except FileNotFoundError as exc:
        print(f"== {folder}: skipped ({exc}; see the folder's README)")
        return None
    total = Score()
    for path, score in files:
        total.add(score)
        if args.per_file:
            print(f"  {path.name}: truth {score.truth} predicted {score.predicted} "
                  f"F1 {score.f1:.3f} exact {score.exact_f1:.3f} aliases "
                  f"{score.alias_recall:.3f} HS {score.hs_recall:.3f}")
    if args.together is None:
        print(f"== {folder}")
        print(report(total))
    else:
        print(f"  {folder}: truth {total.truth} predicted {total.predicted} F1 {total.f1:.4f}")
    if args.show_misses:
        print("\n".join(total.misses))
    return total


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--per-file", action="store_true", help="one line of figures per letter")
    parser.add_argument("--together", metavar="LABEL",
                        help="add the folders up and print one report under this label")
    args = parser.parse_args(argv)
    if args.together is not None:
        print(f"== {args.together}")
    grand = Score()
    for folder in args.folders:
        if (score := _folder(folder, args)) is not None:
            grand.add(score)
    if args.together is not None:
        print(report(grand))
    return 0


if __name__ == "__main__":
    sys.exit(main())
