"""Table-driven regression test: expected decision, minimum score and detail text per case
(tests/fixtures/matching/expected_scores.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from redletter.match.decide import match_party
from redletter.match.index import MasterIndex
from redletter.match.master import Customer
from redletter.schema import Party
from redletter.settings import Settings

CASES = Path(__file__).parent / "fixtures" / "matching" / "expected_scores.csv"
FILLER = ["Gazprom Neft PJSC", "Toyota Tsusho Corporation", "Bank of America", "Siemens Energy AG",
          "Delancourt Holdings", "Alpha Shipping LLC", "Motor Trading Co", "International Trade Bank",
          "China Construction Bank", "State Bank of India"]


def _rows() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def index() -> MasterIndex:
    names = [r["candidate"] for r in _rows()] + FILLER
    return MasterIndex.build([Customer(f"C{i}", n, "", "", None, i + 2) for i, n in enumerate(names)])


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['query']} ~ {r['candidate']}")
def test_expected_score(row: dict[str, str], index: MasterIndex) -> None:
    at = next(i for i, r in enumerate(_rows()) if r == row)
    party = Party(name=row["query"], page=1, row=1, bbox=(0, 0, 1, 1), source="table", confidence=1.0)
    found = {c.customer_id: c for c in match_party(party, index, Settings())}.get(f"C{at}")
    if row["decision"] == "none":
        assert found is None, found
        return
    assert found is not None, f"{row['candidate']!r} not found"
    assert found.decision == row["decision"]
    assert found.score >= float(row["min_score"])
    assert any(row["detail"] in f.detail for f in found.features), [f.detail for f in found.features]
