"""The index cache follows the rules, and name keys are reused by row content."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from redletter.match import cache as cache_module
from redletter.match import index as index_module
from redletter.match.cache import master_index, wait_for_cache_writes
from redletter.match.master import MasterColumns, PackedColumn, joined_halves, load_columns
from redletter.nlp.normalize import KeyParts, key_parts_many


def _master(path: Path, names: list[str]) -> Path:
    rows = "".join(f"{i},{n},AE\n" for i, n in enumerate(names, start=1))
    path.write_text("customer_id,name,country\n" + rows, "utf-8")
    return path


def _record(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    asked: list[list[str]] = []

    def spy(names: Sequence[str | None]) -> list[KeyParts]:
        asked.append([n or "" for n in names])
        return key_parts_many(names)

    monkeypatch.setattr(index_module, "key_parts_many", spy)
    return asked


def test_a_changed_master_reuses_the_keys_of_unchanged_rows(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    names = ["Alpha Trading LLC", "Beta Shipping FZE", "Gamma Tech GmbH"]
    cache = tmp_path / "cache"
    master_index(_master(tmp_path / "a.csv", names), cache_dir=cache)
    wait_for_cache_writes()
    asked = _record(monkeypatch)
    index = master_index(_master(tmp_path / "b.csv", [*names[:2], "Delta Mining JSC"]), cache_dir=cache)
    assert asked == [["Delta Mining JSC"]]
    assert list(index.key_texts) == ["alpha trad", "beta ship", "delta mining"]


def test_the_key_store_is_read_chunk_by_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the names asked for get their stored keys, whichever chunk holds them; a
    name the store lacks is left to be made."""
    monkeypatch.setattr(cache_module, "_CHUNK", 2)
    names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
    store = cache_module.KeyStore(*(PackedColumn(c) for c in (
        names, [n.lower() for n in names], ["llc", "", "gmbh", "", "fze"], ["", "", "hk", "", ""])))
    parts: dict[str, KeyParts | None] = dict.fromkeys(["Epsilon", "Zeta", "Beta", "Gamma"])
    store.fill(parts)
    assert parts == {"Epsilon": ("epsilon", "fze", ""), "Zeta": None, "Beta": ("beta", "", ""),
                     "Gamma": ("gamma", "gmbh", "hk")}


def test_a_rule_change_never_serves_a_stale_index(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    master = _master(tmp_path / "m.csv", ["Alpha Trading LLC"])
    cache = tmp_path / "cache"
    master_index(master, cache_dir=cache)
    wait_for_cache_writes()
    asked = _record(monkeypatch)
    master_index(master, cache_dir=cache)
    assert asked == []  # same rules: the cached index
    monkeypatch.setattr(cache_module, "rules_hash", lambda: "edited-rules")
    master_index(master, cache_dir=cache)
    assert asked == [["Alpha Trading LLC"]]  # neither the index nor the keys are reused
    wait_for_cache_writes()
    assert len(list(cache.glob("master-*"))) == 2 and len(list(cache.glob("keys-*"))) == 2


def test_rules_hash_covers_the_rule_files() -> None:
    from redletter.nlp import normalize

    assert set(normalize.RULE_FILES) >= {"legal_forms.json", "abbreviations.json", "numbers.json"}
    assert len(normalize.rules_hash()) == 16


def _state(index: index_module.MasterIndex) -> tuple[object, ...]:
    posts = [(list(p.tokens), [list(p.rows(t)) for t in p.tokens])
             for p in (index.postings, index.address_postings)]
    return (index.master, list(index.key_texts), list(index.key_legal), list(index.key_quals), posts)


def test_a_large_csv_is_read_and_indexed_in_halves_as_in_one_pass(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The halves path (two processes read and index half of the file each) gives the index of
    one pass, rows, keys, postings and known keys alike."""
    names = ["Alpha Trading LLC", "Beta Shipping FZE", '"Gamma, Tech" GmbH', "ООО Дельта", "Alpha Mining"]
    rows = "".join(f'{i},"{n.replace(chr(34), chr(34) * 2)}","Street {i % 7}",Dubai,AE\n'
                   for i, n in enumerate(names * 12))
    path = tmp_path / "m.csv"
    path.write_text("customer_id,name,address,city,country\n" + rows, "utf-8")
    monkeypatch.setattr(index_module, "_PARALLEL_FROM", 10)
    halves: list[int] = []

    def spy(first: MasterColumns, second: MasterColumns, at: Path) -> MasterColumns:
        halves.append(len(first))
        return joined_halves(first, second, at)

    monkeypatch.setattr(index_module, "joined_halves", spy)
    whole = index_module.MasterIndex.build(load_columns(path))
    assert _state(index_module.MasterIndex.of_file(path)) == _state(whole)
    known = {"Alpha Trading LLC": ("alpha trad", "llc", "")}
    assert _state(index_module.MasterIndex.of_file(path, known=known)) == _state(whole)
    assert len(halves) == 2
