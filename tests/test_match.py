"""Normalization, the customer master, match decisions with their details, and `redletter match`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from redletter.cli import app
from redletter.errors import ExitCode, InputFileError
from redletter.match.cache import master_index, wait_for_cache_writes
from redletter.match.decide import match_party
from redletter.match.evaluate import evaluate_master, evaluate_pairs
from redletter.match.index import MasterIndex
from redletter.match.master import Columns, Customer, load_master
from redletter.nlp.normalize import name_key
from redletter.schema import Party
from redletter.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.mark.parametrize(
    ("a", "b"),
    [("ACME TRADING CO., LTD.", "Acme Trdg Company Limited"),
     ("ООО Ромашка", "Romashka LLC"),
     ("LIMITED LIABILITY COMPANY NEBESNAYA MEKHANIKA", "OOO Nebesnaya Mekhanika"),
     ("Alpha International FZE", "ALPHA INTL FZCO"),
     ("YLH ELECTRONICS (H.K.) CO., LIMITED", "YLH Electronics Co Ltd"),
     ("Sermax Lojistik Sanayi ve Dis Ticaret Limited Sirketi", "SERMAX LOJISTIK SAN. VE DIS TIC. LTD. ŞTİ."),
     ("Smith & Sons GmbH", "SMITH AND SONS GESELLSCHAFT MIT BESCHRANKTER HAFTUNG")],
)
def test_names_that_normalize_alike(a: str, b: str) -> None:
    ka, kb = name_key(a), name_key(b)
    assert ka is not None and kb is not None
    assert ka.text == kb.text and ka.legal == kb.legal


def test_legal_form_is_kept_apart_from_the_name() -> None:
    key = name_key("OOO Romashka")
    assert key is not None and key.core == ("romashka",) and key.legal == {"llc"}
    assert name_key("LLC") is not None  # a name that is only a legal form keeps its word


@given(st.text(max_size=80))
def test_name_key_never_raises_and_is_idempotent(text: str) -> None:
    key = name_key(text)
    if key is not None and key.text:
        again = name_key(key.text)
        assert again is not None and again.core == key.core


def _party(name: str, *, aliases: tuple[str, ...] = (), address: str | None = None,
           country: str | None = "AE") -> Party:
    return Party(name=name, aliases=aliases, address=address, country=country, page=1, row=1,
                 bbox=(0, 0, 1, 1), source="table", confidence=1.0)


MASTER = [
    Customer("C1", "ALPHA TRADING LLC", "Office 5, Al Quoz 3", "Dubai", "AE", 2),
    Customer("C2", "SIGMA TRADING LLC", "PO Box 7", "Dubai", "AE", 3),
    Customer("C3", "Romashka Limited Liability Company", "Ul. Lenina 5", "Moscow", "RU", 4),
    Customer("C4", "Harbor Freight Forwarding", "Unit 12, 88 Sheikh Zayed Road", "Dubai", "AE", 5),
    Customer("C5", "ALPHA TRADING LLC", "Ul. Tverskaya 1", "Moscow", "RU", 6),
    *[Customer(f"N{i}", f"Generic {w} Trading LLC", "", "Dubai", "AE", 7 + i)
      for i, w in enumerate(["North", "South", "East", "West", "Blue", "Green", "Red", "Gold"])],
]


@pytest.mark.parametrize(
    ("party", "customer", "decision", "min_score", "detail"),
    [
        (_party("Alpha Trading L.L.C."), "C1", "match", 0.95, "same legal form (llc)"),
        (_party("ALPHA TRDG"), "C1", "match", 0.9, "weighted word overlap 1.00"),
        (_party("Alpha Tradng LLC"), "C1", "match", 0.9, "'Alpha Tradng LLC' vs"),
        (_party("ООО РОМАШКА", country="RU"), "C3", "match", 0.95, "same country (RU)"),
        (_party("Omega Holdings", aliases=("Alpha Trading LLC",)), "C1", "match", 0.97,
         "alias 'Alpha Trading LLC' is the customer's name"),
        (_party("Alpha Trading LLC", country="RU"), "C1", "review", 0.72,
         "different countries (RU vs AE)"),
        (_party("Nadir Shipping FZE", address="Unit 12, 88 Sheikh Zayed Road, Dubai"), "C4",
         "review", 0.72, "address"),
    ],
)
def test_match_decisions_with_details(party: Party, customer: str, decision: str,
                                      min_score: float, detail: str) -> None:
    index = MasterIndex.build(MASTER)
    found = {c.customer_id: c for c in match_party(party, index, Settings())}
    assert customer in found, found
    cand = found[customer]
    assert cand.decision == decision
    assert cand.score >= min_score
    assert any(detail in f.detail for f in cand.features), [f.detail for f in cand.features]


def test_a_different_distinctive_word_is_not_a_match() -> None:
    index = MasterIndex.build(MASTER)
    found = {c.customer_id: c for c in match_party(_party("Sigma Trading LLC"), index, Settings())}
    assert found["C2"].decision == "match"
    assert "C1" not in found or found["C1"].decision != "match"


def test_a_name_of_common_words_finds_a_variant_of_one_of_them() -> None:
    """Every word of "New Technologies" is common in this master: candidates come from the
    other romanisation of "New" ("Nev"), not from a word a hundred customers share."""
    pairs = [(w, v) for w in ("Alpha", "Beta", "Gamma", "Delta", "Omega")
             for v in ("Group", "Systems", "Trading", "Holding", "Labs", "Partners", "Capital", "Works",
                       "Energy", "Media", "Solutions", "Logistics")]
    common = [Customer(f"F{i}", f"{w} New Technologies {v}", "", "", "RU", i + 2)
              for i, (w, v) in enumerate(pairs)]
    index = MasterIndex.build([*common, Customer("C1", "ООО Нев Течнологиес", "", "", "RU", 99)])
    assert index.df("new") == 60 and index.df("tech") == 61  # above 50: too common to block on
    found = {c.customer_id: c for c in match_party(_party("New Technologies LLC", country="RU"), index,
                                                    Settings())}
    assert found["C1"].decision == "review"
    assert any("another romanisation" in f.detail for f in found["C1"].features)


def test_typos_looked_up_at_once_are_those_looked_up_one_by_one() -> None:
    """``look_up_typos`` (one rapidfuzz pass per word length, before matching) remembers
    what ``similar_tokens`` finds word by word: the same spellings, in the same order."""
    names = ["Gazprom Neft", "Gasprom Trading", "Gazprum Export", "Rosneft Oil", "Rossneft Trade",
             "Lukoil Group", "Lukoyl Holding", "Tatneft Energy", "Novatek Gas", "Novateck Ltd"]
    master = [Customer(f"C{i}", n, "", "", "RU", i + 2) for i, n in enumerate(names)]
    keys = [k for n in ("Gazprom", "Rosneft Lukoil", "Novatec Tatnieft", "Unknown Words")
            if (k := name_key(n)) is not None]
    batch, single = MasterIndex.build(master), MasterIndex.build(master)
    batch.look_up_typos(keys)
    words = sorted({t for k in keys for t in k.core if len(t) > 3})
    assert set(words) <= set(batch._similar)
    assert {t: batch._similar[t] for t in words} == {t: single.similar_tokens(t) for t in words}
    assert batch._similar["gazprom"] == ["gasprom", "gazprum"]


def test_sample_master_numbers() -> None:
    score = evaluate_master(SAMPLES / "customers.csv", SAMPLES / "letters")
    assert score.planted >= 30
    assert score.recall >= 0.99, score.failures
    assert score.match_precision >= 0.99
    assert score.reviews_per_party <= 0.3
    assert not score.failures


def test_labelled_company_pairs() -> None:
    """Public labelled pairs (nomenklatura, Cascade): a regression floor under the figures of
    `make eval` (F1 0.81, match precision 0.99, 25 true pairs never retrieved)."""
    path = ROOT / "tests" / "fixtures" / "matching" / "company_pairs.csv"
    score = evaluate_pairs(path)
    assert score.positives == 291 and score.negatives == 227
    assert score.f1 >= 0.79, score.errors
    assert score.match_precision >= 0.97, score.errors
    assert score.never_retrieved <= 28
    held_out = evaluate_pairs(path, held_out=True)
    assert held_out.positives + held_out.negatives == 252 and held_out.f1 >= 0.69


@pytest.mark.parametrize(("a", "b", "same"), [("A.B.C. Company", "ABC Co.", True),
                                               ("C.B.A. Company", "A.B.C. Company", False),
                                               ("Siemens Aktiengesellschaft", "Siemens AG", True)])
def test_acronyms_and_long_legal_forms(a: str, b: str, same: bool) -> None:
    ka, kb = name_key(a), name_key(b)
    assert ka is not None and kb is not None
    assert (ka.text == kb.text) is same


def test_master_encodings_and_column_options(tmp_path: Path) -> None:
    path = tmp_path / "kunden.csv"
    path.write_bytes("Kundennr;Firma;Strasse;Ort;Land\n7;Müller GmbH;Hauptstr. 1;Köln;Deutschland\n"
                     .encode("cp1252"))
    cols = Columns(id="Kundennr", name="Firma", address="Strasse", city="Ort", country="Land")
    [c] = load_master(path, cols)
    assert (c.customer_id, c.name, c.city, c.country) == ("7", "Müller GmbH", "Köln", "DE")
    bom = tmp_path / "bom.csv"
    bom.write_bytes("\ufeffcustomer_id,name,address,city,country\n1,Acme,,Dubai,UAE\n".encode())
    assert load_master(bom)[0].country == "AE"


def test_malformed_master_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("customer_id,name,country\n1,Acme,AE\n2,Beta\n", "utf-8")
    with pytest.raises(InputFileError, match="line 3"):
        load_master(path)


def test_xlsx_master(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ID", "Customer Name", "Country"])
    sheet.append([42, "Alpha Trading LLC", "AE"])
    book.save(tmp_path / "m.xlsx")
    [c] = load_master(tmp_path / "m.xlsx")
    assert (c.customer_id, c.name, c.country) == ("42", "Alpha Trading LLC", "AE")


def test_index_cache_is_reused_and_follows_the_file(tmp_path: Path) -> None:
    master = tmp_path / "m.csv"
    master.write_text("customer_id,name,country\n1,Alpha Trading LLC,AE\n", "utf-8")
    cache = tmp_path / "cache"
    first = master_index(master, cache_dir=cache)
    wait_for_cache_writes()
    [entry] = list(cache.glob("master-*"))
    again = master_index(master, cache_dir=cache)
    assert list(again.key_texts) == list(first.key_texts) == ["alpha trad"]
    assert list(cache.glob("master-*")) == [entry]
    master.write_text("customer_id,name,country\n1,Sigma Trading LLC,AE\n", "utf-8")
    assert list(master_index(master, cache_dir=cache).key_texts) == ["sigma trad"]
    wait_for_cache_writes()
    assert len(list(cache.glob("master-*"))) == 2
    entry.write_bytes(b"not a pickle")  # a broken cache entry is rebuilt, not fatal
    master.write_text("customer_id,name,country\n1,Alpha Trading LLC,AE\n", "utf-8")
    assert list(master_index(master, cache_dir=cache).key_texts) == ["alpha trad"]


def test_match_cli_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDLETTER_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()
    letter = SAMPLES / "letters" / "01_supplier_grid.pdf"
    extracted = runner.invoke(app, ["extract", str(letter), "-f", "json"])
    parties = tmp_path / "parties.json"
    parties.write_text(extracted.stdout, "utf-8")
    result = runner.invoke(app, ["match", str(parties), "--customers",
                                 str(SAMPLES / "customers.csv"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["results"]) == 6
    for r in data["results"]:
        assert set(r) == {"party_index", "party", "candidates"}
        for c in r["candidates"]:
            assert c["decision"] in {"match", "review"} and 0 <= c["score"] <= 1
            assert all(set(f) == {"name", "score", "detail"} for f in c["features"])


def test_match_cli_bad_master(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["match", str(SAMPLES / "letters" / "01_supplier_grid.pdf"),
                                      "--customers", str(tmp_path / "none.csv")])
    assert result.exit_code == ExitCode.input_file
    assert "no such file" in result.stderr


def test_master_columns_survive_pickling() -> None:
    import pickle

    from redletter.match.master import MasterColumns

    cols = MasterColumns(["1", "2"], ["Alpha LLC", "Beta\x1fodd"], ["", "Street 5"], ["Dubai", ""],
                         ["AE", None], [2, 3])
    again = pickle.loads(pickle.dumps(cols))
    assert [again.customer(i) for i in range(2)] == [cols.customer(i) for i in range(2)]
    assert again.customer(1).country is None and again.names[-1] == "Beta\x1fodd"


@pytest.mark.parametrize("copies", [1, 3])
def test_a_master_of_one_name_still_matches_it(copies: int) -> None:
    """In a master of one customer (or one name three times) every word is in every name: by
    rarity alone all would weigh nothing and nothing would match."""
    master = [Customer(f"C{i}", "ALFA LOGISTICS FZCO", "Office 4, Dubai Airport Free Zone", "", "AE", i + 2)
              for i in range(copies)]
    index = MasterIndex.build(master)
    found = match_party(_party("Alfa Logistics FZCO"), index, Settings())
    assert [(c.customer_id, c.decision) for c in found] == [(f"C{i}", "match") for i in range(copies)]
    other = match_party(_party("ALFA LOGISTICS GROUP FZCO", address="Office 4, Dubai Airport Free Zone"),
                        index, Settings())
    assert [c.decision for c in other] == ["review"] * copies
