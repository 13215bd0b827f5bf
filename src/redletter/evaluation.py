"""Score extraction against truth files: party name F1, country accuracy, alias recall.

    python -m redletter.evaluation samples/letters [--min-f1 0.99 ...]

A truth file ``X.truth.json`` sits beside each letter ``X.pdf`` (or image). A predicted party
counts as found when its name's rapidfuzz ``ratio`` to a truth name is >= 90 after case and
whitespace folding (one-to-one, best pairs first); "exact" requires equality after folding.
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
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("truth", "predicted", "found", "exact", "country_ok", "aliases_truth",
                     "aliases_found"):
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


def letter_files(folder: Path) -> list[tuple[Path, Path]]:
    """(letter, truth) pairs in a folder."""
    out = []
    for truth in sorted(folder.glob("*.truth.json")):
        stem = truth.name.removesuffix(".truth.json")
        letter = next((p for p in sorted(folder.glob(stem + ".*")) if not p.name.endswith(".json")), None)
        if letter is not None:
            out.append((letter, truth))
    return out


def evaluate(folder: Path, letters: Sequence[Letter] | None = None) -> Score:
    """Score every letter in a folder that has a truth file (extracted as one batch, unless
    the letters are given, in ``letter_files`` order)."""
    pairs = letter_files(folder)
    if letters is None:
        outcomes = extract_letters([p for p, _ in pairs])
        letters = [o for o in outcomes if isinstance(o, Letter)]
        if len(letters) != len(pairs):
            raise RuntimeError(f"some letters could not be read: {outcomes}")
    total = Score()
    for (_, truth_path), letter in zip(pairs, letters, strict=True):
        truth = json.loads(truth_path.read_text("utf-8"))
        total.add(score_letter(truth, letter))
    return total


def report(score: Score) -> str:
    """The numbers, one per line."""
    return (f"letters' parties: truth {score.truth}, predicted {score.predicted}\n"
            f"party name F1 (ratio >= {FUZZY_MIN:.0f}): {score.f1:.4f}\n"
            f"party name F1 (exact after folding): {score.exact_f1:.4f}\n"
            f"country accuracy: {score.country_accuracy:.4f}\n"
            f"alias recall: {score.alias_recall:.4f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    for folder in args.folders:
        score = evaluate(folder)
        print(f"== {folder}")
        print(report(score))
        if args.show_misses:
            print("\n".join(score.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
