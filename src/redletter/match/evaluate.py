"""Score the matcher on a customer master with planted rows (see scripts/make_customers.py).

    python -m redletter.match.evaluate samples/customers.csv samples/letters

Recall: planted variants of letter parties found as ``match`` or ``review``. Precision of
``match``: the share of ``match`` decisions that are planted variants. Look-alikes must not be
a ``match``; a different company at a listed address must come out as ``review``. Also counts
review candidates per party.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redletter.match.decide import match_parties, match_party
from redletter.match.index import MasterIndex
from redletter.match.master import load_master
from redletter.schema import Party
from redletter.settings import Settings


@dataclass
class MatchScore:
    planted: int = 0
    found: int = 0
    matches: int = 0
    true_matches: int = 0
    reviews: int = 0
    parties: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 1.0

    @property
    def match_precision(self) -> float:
        return self.true_matches / self.matches if self.matches else 1.0

    @property
    def reviews_per_party(self) -> float:
        return self.reviews / self.parties if self.parties else 0.0


def truth_parties(letters: Path) -> list[Party]:
    """Each distinct party of the sample letters' truth files, as printed."""
    seen: dict[str, Party] = {}
    for path in sorted(letters.glob("*.truth.json")):
        for p in json.loads(path.read_text("utf-8"))["parties"]:
            seen.setdefault(p["name"], Party(name=p["name"], aliases=tuple(p["aliases"]),
                                             address=p["address"], country=p["country"], page=1,
                                             row=1, bbox=(0, 0, 1, 1), source="table",
                                             confidence=1.0))
    return list(seen.values())


def _ok(expected: str, decision: str | None) -> bool:
    if expected == "match_or_review":
        return decision is not None
    if expected == "review":
        return decision == "review"
    return decision != "match"


def evaluate_master(master: Path, letters: Path, settings: Settings | None = None) -> MatchScore:
    """Match every letter party against the master and compare with the planted truth."""
    truth: list[dict[str, Any]] = json.loads(master.with_suffix(".truth.json").read_text("utf-8"))
    index = MasterIndex.build(load_master(master))
    results = match_parties(truth_parties(letters), index, settings or Settings.load())
    got = {(r.party.name, c.customer_id): c.decision for r in results for c in r.candidates}
    # One entity may be printed differently in two letters: a planted variant is a true match
    # for every printing of its party (same listed address).
    places = {p.name: p.address for r in results for p in [r.party]}
    same = {(n, t["customer_id"]) for t in truth if t["expected"] == "match_or_review"
            for n, a in places.items() if n == t["party"] or (a and a == places.get(t["party"]))}
    positives = same | {(t["party"], t["customer_id"]) for t in truth if t["expected"] == "review"}
    s = MatchScore(parties=len(results))
    for t in truth:
        decision = got.get((t["party"], t["customer_id"]))
        s.planted += t["expected"] == "match_or_review"
        s.found += t["expected"] == "match_or_review" and decision is not None
        if not _ok(t["expected"], decision):
            s.failures.append(f"{t['kind']}: {t['party']!r} ~ {t['name']!r}: {decision}")
    s.matches = sum(1 for d in got.values() if d == "match")
    s.true_matches = sum(1 for k, d in got.items() if d == "match" and k in positives)
    s.reviews = sum(1 for k, d in got.items() if d == "review" and k not in positives)
    return s


def main(argv: list[str]) -> int:
    s = evaluate_master(Path(argv[0]), Path(argv[1]))
    print(f"planted variants: {s.planted}; recall (match + review): {s.recall:.4f}")
    print(f"match decisions: {s.matches}; precision of match: {s.match_precision:.4f}")
    print(f"extra review candidates per party: {s.reviews_per_party:.3f} ({s.reviews} for {s.parties})")
    print("\n".join(s.failures))
    for pairs in argv[2:]:
        p = evaluate_pairs(Path(pairs))
        print(f"labelled pairs {pairs}: recall of true pairs (match + review) {p.recall:.4f} "
              f"({p.found}/{p.positives}); false pairs matched {p.false_match_rate:.4f} "
              f"({p.false_matches}/{p.negatives})")
    return 0



@dataclass
class PairScore:
    """Decisions on labelled name pairs: a true pair should be matched or reviewed, a false
    pair should not be matched."""

    positives: int = 0
    found: int = 0
    negatives: int = 0
    false_matches: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.positives if self.positives else 1.0

    @property
    def false_match_rate(self) -> float:
        return self.false_matches / self.negatives if self.negatives else 0.0


def evaluate_pairs(path: Path, settings: Settings | None = None) -> PairScore:
    """Match each ``name1`` against a master of all the ``name2`` values, and read the decision
    for its own ``name2``."""
    import csv

    from redletter.match.master import Customer

    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    customers = [Customer(str(i), r["name2"], "", "", None, i) for i, r in enumerate(rows)]
    index = MasterIndex.build(customers)
    settings = settings or Settings.load()
    s = PairScore()
    for i, r in enumerate(rows):
        party = Party(name=r["name1"], page=1, row=1, bbox=(0, 0, 1, 1), source="table",
                      confidence=1.0)
        decision = next((c.decision for c in match_party(party, index, settings)
                         if c.customer_id == str(i)), None)
        if r["is_match"] == "true":
            s.positives += 1
            s.found += decision is not None
            if decision is None:
                s.errors.append(f"missed: {r['name1']!r} ~ {r['name2']!r}")
        else:
            s.negatives += 1
            s.false_matches += decision == "match"
            if decision == "match":
                s.errors.append(f"false match: {r['name1']!r} ~ {r['name2']!r} ({r['category']})")
    return s


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
