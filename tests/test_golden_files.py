"""Golden files: the whole JSON of every sample letter (born-digital and scanned) is kept in
tests/golden/ and compared field by field, so that any change in what is extracted (an
address, an alias, a box, a warning) fails a test naming the letter, the party and the field.

After a deliberate change: ``pytest tests/test_golden_files.py --update-golden`` rewrites the
files; review the diff before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from redletter.evaluation import letter_files
from redletter.schema import Letter

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SAMPLES = ROOT / "samples" / "letters"
LETTERS = [p for folder in (SAMPLES, SAMPLES / "scanned") for p, _ in letter_files(folder)]


def as_golden(letter: Letter) -> dict[str, Any]:
    """The letter's JSON, with its path relative to the repository (the same on any machine)."""
    data = letter.model_dump(mode="json")
    data["source"]["path"] = Path(data["source"]["path"]).resolve().relative_to(ROOT).as_posix()
    return data


def differences(want: Any, got: Any, where: str = "") -> list[str]:
    """Every field that differs, by its path ("parties[3].address")."""
    if isinstance(want, dict) and isinstance(got, dict):
        return [d for k in sorted(set(want) | set(got))
                for d in differences(want.get(k), got.get(k), f"{where}.{k}" if where else k)]
    if isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        return [d for i, (a, b) in enumerate(zip(want, got, strict=True))
                for d in differences(a, b, f"{where}[{i}]")]
    return [] if want == got else [f"{where}: expected {want!r}, got {got!r}"]


@pytest.mark.parametrize("path", LETTERS, ids=[p.name for p in LETTERS])
def test_letter_equals_its_golden_file(path: Path, sample_letters: dict[str, Letter],
                                       request: pytest.FixtureRequest) -> None:
    golden = GOLDEN / f"{path.name}.json"
    got = as_golden(sample_letters[path.name])
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", "utf-8")
        return
    assert golden.exists(), f"no golden file for {path.name}: run with --update-golden"
    diffs = differences(json.loads(golden.read_text("utf-8")), got)
    assert not diffs, f"{path.name}: {len(diffs)} field(s) differ:\n" + "\n".join(diffs[:25])


def test_every_golden_file_has_its_letter() -> None:
    names = {f"{p.name}.json" for p in LETTERS}
    assert sorted(p.name for p in GOLDEN.glob("*.json")) == sorted(names)
