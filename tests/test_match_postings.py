"""Inverted lists built with numpy sorts hold what a dict of lists would."""

from __future__ import annotations

import pickle
from collections import defaultdict

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from redletter.match.postings import Postings, grouped_pairs, merged, pairs_of, postings_of

words = st.sampled_from(["alpha", "beta", "gamma", "12", "7", "ab", "trad", "zeta"])
texts = st.lists(st.lists(words, max_size=5).map(" ".join), max_size=30)


def _naive(rows: list[str]) -> dict[str, list[int]]:
    found: defaultdict[str, set[int]] = defaultdict(set)
    for i, text in enumerate(rows):
        for word in text.split():
            found[word].add(i)
    return {w: sorted(at) for w, at in found.items()}


def _as_dict(postings: Postings) -> dict[str, list[int]]:
    return {t: list(postings.rows(t)) for t in postings}


@given(texts)
def test_postings_hold_each_words_rows_ascending(rows: list[str]) -> None:
    postings = postings_of(rows)
    assert _as_dict(postings) == _naive(rows)
    assert all(postings.df(t) == len(at) for t, at in _naive(rows).items())
    assert _as_dict(pickle.loads(pickle.dumps(postings))) == _naive(rows)


@given(texts, st.lists(st.integers(0, 29), max_size=60))
def test_grouped_postings_keep_long_and_rare_words(places: list[str], group: list[int]) -> None:
    group = [g for g in group if g < len(places)]
    rows = [places[g] for g in group]
    want = {w: at for w, at in _naive(rows).items() if (len(w) >= 3 or w.isdigit()) and len(at) <= 4}
    got = grouped_pairs(places, np.array(group, dtype=np.int64), keep=3, max_df=4)
    assert _as_dict(Postings(got)) == want


@given(texts, texts)
def test_the_pairs_of_two_parts_merge_into_those_of_the_whole(a: list[str], b: list[str]) -> None:
    whole = merged(pairs_of(a), pairs_of(b, first=len(a)))
    assert _as_dict(Postings(whole)) == _naive(a + b)
    rare = merged(pairs_of(a), pairs_of(b, first=len(a)), max_df=2)
    assert _as_dict(Postings(rare)) == {w: at for w, at in _naive(a + b).items() if len(at) <= 2}


@given(texts, st.lists(st.integers(0, 29), max_size=60), st.integers(0, 60))
@example(["alpha", "beta"], [0, 0, 0, 0, 0, 1, 0], 5)
def test_grouped_pairs_of_two_parts_merge_into_those_of_the_whole(places: list[str], group: list[int],
                                                                   cut: int) -> None:
    """A word too common in one part is too common in the whole, whatever the other part has
    of it: the rare words of the whole do not depend on where the master is cut."""
    group = [g for g in group if g < len(places)]
    cut = min(cut, len(group))
    parts = [grouped_pairs(places, np.array(g, dtype=np.int64), first=start, keep=3, max_df=4)
             for g, start in ((group[:cut], 0), (group[cut:], cut))]
    whole = grouped_pairs(places, np.array(group, dtype=np.int64), keep=3, max_df=4)
    assert _as_dict(Postings(merged(*parts, max_df=4))) == _as_dict(Postings(whole))


def test_a_word_no_row_has() -> None:
    postings = postings_of(["alpha beta", "", "beta  gamma"])
    assert postings.df("delta") == 0 and list(postings.rows("delta")) == []
    assert list(postings.rows("beta")) == [0, 2] and "gamma" in postings and len(postings) == 3
