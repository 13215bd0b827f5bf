"""Whole-column passes give what one name at a time gives: folding word by word, keys from a
column's token codes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redletter.nlp.normalize import fold, fold_many, key_parts_many

# Words the rules act on, mixed with scripts, marks and spacing that folding must treat alike.
WORDS = ["Alpha", "Trading", "Co.,", "Ltd.", "LLC", "ООО", "Ромашка", "S.A.", "de", "C.V.", "Sp.", "z",
         "o.o.", "Ltd.", "Şti.", "GmbH", "&", "Co.", "KG", "Limited", "Liabilty", "Company", "Intl",
         "U.S.", "Forty-Four", "First", "II", "A.B.C.", "(Hong", "Kong)", "[Pvt]", "(ex-Orion)",
         "BENEFICIARY:", "北京", "有限公司", "e\u0301", "\u0301x", "\u00a0", "\u3000", "\t", "\n", "\r",
         "O'Brien", "ＡＢＣ", "ﬁ", "Ⅻ", "½", "№", "Straße", "İstanbul", "-", "", "  "]

names = st.lists(st.sampled_from(WORDS), max_size=7).map(" ".join) | st.text(max_size=40)


@settings(max_examples=300)
@given(st.lists(names, max_size=12))
def test_fold_many_folds_each_text_as_fold_does(texts: list[str]) -> None:
    assert fold_many(texts) == [fold(t) for t in texts]


@settings(max_examples=300)
@given(st.lists(names, max_size=12))
def test_a_column_gets_the_keys_its_names_get_one_by_one(column: list[str]) -> None:
    assert key_parts_many(column) == [key_parts_many([n])[0] for n in column]


def test_keys_of_a_column() -> None:
    column = ["Alpha Trading Co., Ltd.", "OOO Romashka", "", "BENEFICIARY: Beta GmbH",
              "Bank of China (Hong Kong) Limited", "Brigade Forty-Four LLC", "A.B.C. Ltd. Şti."]
    assert key_parts_many(column) == [
        ("alpha trad", "coltd", ""), ("romashka", "llc", ""), ("", "", ""),
        ("beta", "gmbh", ""), ("bank of china", "ltd", "hk"),
        ("brigade 44", "llc", ""), ("abc", "ltd", "")]
