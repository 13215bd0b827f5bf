"""Name keys made faster stay the same keys: ``key_parts_many`` over a large, varied sample of
names (the fixtures' masters, pairs and truth files, and variants of them in case, brackets,
legal forms, scripts, punctuation and spacing) gives the keys recorded in
``fixtures/normalize/name_keys.json``, and a column gets the keys its names get one by one.

Regenerate the recorded keys (then review the diff: a changed key is a changed rule) with
``python tests/test_normalize_speed_equivalence.py --update``.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from redletter.nlp.normalize import KeyParts, key_parts_many

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EXPECTED = FIXTURES / "normalize" / "name_keys.json"

LEGAL_FORMS = ["LLC", "GmbH", "Co., Ltd.", "ООО", "Ltd.", "S.A.", "Ltd. Şti.", "Inc.", "JSC", "FZE", "AG",
               "Sp. z o.o.", "S.r.l.", "有限公司", "Limited Liability Company", "Limted", "Liabilty",
               "Korlátolt Felelősségű Társaság", "Kft.", "Aktiengesellschaft", "Public Limited Company",
               "plc", "S.A. de C.V.", "Obshchestvo s Ogranichennoy Otvetstvennostyu", "OAO", "ZAO", "PJSC",
               "Sp. j.", "Spolka Jawna", "GmbH & Co. KG", "B.V.", "N.V.", "Pvt. Ltd.", "L.L.C.", "A.Ş.",
               "Company Limited", "Corp.", "Incorporated", "LLP", "FZCO", "SARL", "s.r.o.", "Oy", "AB"]
PREFIXES = ["ООО «", "OOO ", "AO ", "ZAO ", "The ", "BENEFICIARY: ", "FIELD 59: ", "A.B.C. ", "J. "]
BRACKETS = ["(Hong Kong)", "(Singapore)", "[Pvt]", "(ex-Orion Trading)", "(formerly Alpha LLC)",
            "(f.k.a. Beta)", "(H.K.)", "(Private) Limited", "(Shenzhen) Co., Ltd.", "()", "[ ]"]
TAILS = [" c/o Aduanas Pedraza, Nuevo Laredo", ", Sukkur Branch", " Forty-Four", " 1st", " First",
         " II", " XII", " Intl", " International", " U.S.", " United States", " Bros.", " Mfg.",
         " & Sons", " №5", " ½", " Ⅻ", " ﬁnance", "\nSecond Line", "\r\n", "\t", "  ", " 2nd Ave"]
SCRIPTS = ["Ромашка", "ГАЗПРОМНЕФТ", "Газпром нефть", "北京华为技术", "深圳市", "شركة النفط الوطنية",
           "مؤسسة", "İstanbul Dış Ticaret", "Straße", "Ελληνική Εταιρεία", "ＡＢＣ", "e\u0301lan",
           "\u0301x", "non\u00a0breaking", "ideo\u3000space", "한국전력", "東京株式会社", "Łódź"]
ODD = [None, "", " ", "   ", "\n", "()", "(Hong Kong)", "---", "&", "'", "...", "Ltd", "LLC",
       "Limited Liability Company", "A", "A B C", "1", "one", "~", "\x00", "\x01", "~ltd"]


def _csv_names(path: Path, *columns: str) -> Iterator[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for c in columns:
                for value in (row.get(c) or "").split(" | "):
                    if value.strip():
                        yield value


def _truth_names(data: Any) -> Iterator[str]:
    """Names and aliases of the parties (or customers) of a truth file."""
    items = data.get("parties") or [] if isinstance(data, dict) else data
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            for k in ("name", "party", "fka"):
                if isinstance(item.get(k), str):
                    yield item[k]
            yield from (a for a in item.get("aliases") or [] if isinstance(a, str))


def fixture_names() -> list[str]:
    """The distinct names of the masters, pairs and truth files under samples/ and tests/fixtures."""
    names: list[str] = []
    for path in sorted([*FIXTURES.rglob("*.csv"), *(ROOT / "samples").rglob("*.csv")]):
        names += _csv_names(path, "name", "name1", "name2", "aliases", "query", "candidate", "fka")
    for path in sorted([*FIXTURES.rglob("*.truth.json"), *(ROOT / "samples").rglob("*.truth.json")]):
        names += _truth_names(json.loads(path.read_text(encoding="utf-8")))
    return list(dict.fromkeys(names))


def _variant(name: str, rng: random.Random) -> str:
    """One variant of a name: case, legal form, bracket, script, punctuation or spacing."""
    kind = rng.randrange(10)
    if kind == 0:
        return rng.choice([str.upper, str.lower, str.title, str.swapcase])(name)
    if kind == 1:
        return f"{name} {rng.choice(LEGAL_FORMS)}"
    if kind == 2:
        return f"{rng.choice(PREFIXES)}{name}{'»' if rng.random() < 0.3 else ''}"
    if kind == 3:
        return f"{name} {rng.choice(BRACKETS)}" if rng.random() < 0.7 else f"{rng.choice(BRACKETS)} {name}"
    if kind == 4:
        return f"{rng.choice(SCRIPTS)} {name}" if rng.random() < 0.5 else f"{name} {rng.choice(SCRIPTS)}"
    if kind == 5:
        return name.replace(" ", rng.choice(["-", ".", ", ", " & ", "'", "/", "  ", " . ", "_"]))
    if kind == 6:
        return name + rng.choice(TAILS)
    if kind == 7:
        words = name.split()
        rng.shuffle(words)
        return " ".join(words)
    if kind == 8:
        at = rng.randrange(len(name) + 1)
        return name[:at] + rng.choice("()[].,;:-'\"«»“”&/\\#") + name[at:]
    return f"  {name} {rng.choice(LEGAL_FORMS)} {rng.choice(LEGAL_FORMS)} "


def sample_names(variants: int = 2, seed: int = 12) -> list[str | None]:
    """The fixtures' names, each with ``variants`` variants, and odd inputs."""
    rng = random.Random(seed)
    base = fixture_names()
    out: list[str | None] = [*ODD, *SCRIPTS, *LEGAL_FORMS]
    for name in base:
        out += [name, *(_variant(name, rng) for _ in range(variants))]
    return out


def _expected() -> list[tuple[str | None, KeyParts]]:
    return [(n, (k[0], k[1], k[2])) for n, k in json.loads(EXPECTED.read_text(encoding="utf-8"))]


def test_keys_are_the_recorded_keys() -> None:
    recorded = _expected()
    assert len(recorded) > 3000
    got = key_parts_many([n for n, _ in recorded])
    wrong = [(n, k, g) for (n, k), g in zip(recorded, got, strict=True) if k != g]
    assert not wrong, f"{len(wrong)} keys changed, e.g. {wrong[:5]}"


def test_recorded_keys_in_another_order_and_split() -> None:
    recorded = _expected()
    rng = random.Random(5)
    rng.shuffle(recorded)
    half = len(recorded) // 2
    got = key_parts_many([n for n, _ in recorded[:half]]) + key_parts_many([n for n, _ in recorded[half:]])
    assert got == [k for _, k in recorded]


@pytest.mark.parametrize("seed", [1, 2])
def test_a_column_gets_the_keys_of_its_names_one_by_one(seed: int) -> None:
    names = random.Random(seed).sample(sample_names(), 600)
    assert key_parts_many(names) == [key_parts_many([n])[0] for n in names]


def test_a_column_with_repeats_gets_each_name_its_key() -> None:
    names = sample_names(variants=1, seed=3)[:3000]
    column = names + names[::-1]
    keys = key_parts_many(column)
    assert keys[:len(names)] == keys[len(names):][::-1]


def update() -> None:
    """Record the keys of a sample of ``sample_names`` (every fifth name, and the odd ones)."""
    names = sample_names()
    chosen = list(dict.fromkeys([*ODD, *names[::5]]))
    keys = key_parts_many(chosen)
    EXPECTED.parent.mkdir(parents=True, exist_ok=True)
    rows = [json.dumps([n, list(k)], ensure_ascii=False) for n, k in zip(chosen, keys, strict=True)]
    EXPECTED.write_text("[\n" + ",\n".join(rows) + "\n]\n", encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    update()

