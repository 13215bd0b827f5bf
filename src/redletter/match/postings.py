"""Inverted lists (token -> ascending row numbers) built with numpy sorts.

A master's words are mapped to numbers in one pass over its joined text, and the (word, row)
pairs sorted once: no dict of lists grows row by row. ``Pairs`` of two parts of a master (made
in two processes) merge into the pairs of the whole. ``Postings`` keeps one array of rows sorted
by word and each word's start in it; it pickles as a few arrays and one string.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any

import numpy as np
import numpy.typing as npt

from redletter.match.master import PackedColumn

Ints = npt.NDArray[np.int64]


@dataclass
class Pairs:
    """(word, row) pairs: the words (sorted), and the pairs as word numbers and rows, sorted by
    word, then row, each pair once; ``common``: the words left out because too many rows have
    them (so that a part of a master that has a word too often rules it out of the whole)."""

    tokens: list[str]
    words: Ints
    rows: Ints
    common: frozenset[str] = frozenset()

    def __getstate__(self) -> dict[str, Any]:
        return {"tokens": PackedColumn(self.tokens), "words": self.words, "rows": self.rows,
                "common": self.common}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, tokens=state["tokens"].tolist())

    def shifted(self, offset: int) -> Pairs:
        """The pairs with the rows numbered from ``offset`` on."""
        return Pairs(self.tokens, self.words, self.rows + offset, self.common)

    def df(self) -> Ints:
        """How many rows have each word."""
        return np.bincount(self.words, minlength=len(self.tokens))


class Postings:
    """Token -> the rows that have it, ascending (``rows``); ``df`` without building a list."""

    def __init__(self, pairs: Pairs) -> None:
        self.tokens = pairs.tokens  # sorted
        starts = np.searchsorted(pairs.words, np.arange(len(pairs.tokens) + 1))
        self._starts = array("q", starts.astype(np.int64).tobytes())
        self._rows = array("i", pairs.rows.astype(np.int32).tobytes())
        self._ids = dict(zip(self.tokens, range(len(self.tokens)), strict=True))

    def __len__(self) -> int:
        return len(self.tokens)

    def __contains__(self, token: object) -> bool:
        return token in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self.tokens)

    def df(self, token: str) -> int:
        """How many rows have the token."""
        if (i := self._ids.get(token)) is None:
            return 0
        return self._starts[i + 1] - self._starts[i]

    def rows(self, token: str) -> array[int]:
        """The rows that have the token, ascending (empty when none has it)."""
        if (i := self._ids.get(token)) is None:
            return array("i")
        return self._rows[self._starts[i]:self._starts[i + 1]]

    def __getstate__(self) -> dict[str, Any]:
        return {"tokens": PackedColumn(self.tokens), "starts": self._starts, "rows": self._rows}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.tokens = state["tokens"].tolist()
        self._starts, self._rows = state["starts"], state["rows"]
        self._ids = dict(zip(self.tokens, range(len(self.tokens)), strict=True))


def _distinct(words: Ints, rows: Ints) -> tuple[Ints, Ints]:
    """(word, row) pairs sorted by word, then row, each pair once."""
    span = int(rows.max()) + 1 if len(rows) else 1
    pairs = np.sort(words * span + rows)  # (np.unique is many times slower than a sort)
    if len(pairs):
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
    return pairs // span, pairs % span


def _keep(pairs: Pairs, kept: npt.NDArray[np.bool_], common: frozenset[str]) -> Pairs:
    """The pairs of the words ``kept`` says (a flag per word), the words renumbered; ``common``:
    the words too many rows have."""
    number = np.cumsum(kept) - 1
    chosen = kept[pairs.words]
    return Pairs([t for t, k in zip(pairs.tokens, kept, strict=True) if k],
                 number[pairs.words[chosen]], pairs.rows[chosen], common)


def _numbered(texts: Sequence[str]) -> tuple[list[str], Ints, Ints]:
    """The distinct words of the texts (sorted), and each word's number and text's number for
    every word of every text: one split of the joined texts, one map to numbers."""
    counts = np.fromiter(map(str.count, texts, repeat(" ")), dtype=np.int64, count=len(texts))
    counts += np.fromiter(map(bool, texts), dtype=np.int64, count=len(texts))
    stream = " ".join(filter(None, texts)).split(" ") if any(texts) else []
    if len(stream) != counts.sum() or "" in stream:  # not single-spaced: word by word
        split = [t.split() for t in texts]
        counts = np.array([len(w) for w in split], dtype=np.int64)
        stream = [w for words in split for w in words]
    tokens = sorted(set(stream))
    number = dict(zip(tokens, range(len(tokens)), strict=True))
    words = np.fromiter(map(number.__getitem__, stream), dtype=np.int64, count=len(stream))
    return tokens, words, np.repeat(np.arange(len(texts), dtype=np.int64), counts)


def pairs_of(texts: Sequence[str], *, first: int = 0) -> Pairs:
    """The (word, row) pairs of texts of space-separated words, one per row; the rows are
    numbered from ``first``."""
    tokens, words, rows = _numbered(texts)
    return Pairs(tokens, *_distinct(words, rows + first))


def grouped_pairs(texts: Sequence[str], group: Ints, *, first: int = 0, keep: int,
                  max_df: int) -> Pairs:
    """The (word, row) pairs where row ``first + r`` has the words of ``texts[group[r]]`` (a
    master repeats its addresses: each distinct one is split once). Only words of ``keep``
    letters or more (or numbers) that ``max_df`` rows at most have are kept: the others are
    never looked up."""
    tokens, words, of_text = _numbered(texts)
    pairs = Pairs(tokens, *_distinct(words, of_text))  # word and text, each pair once
    sizes = np.bincount(group, minlength=len(texts))
    df = np.bincount(pairs.words, weights=sizes[pairs.rows], minlength=len(tokens))
    usable = np.array([len(t) >= keep or t.isdigit() for t in tokens], dtype=bool)
    common = frozenset(t for t, n in zip(tokens, df > max_df, strict=True) if n)
    pairs = _keep(pairs, usable & (df > 0) & (df <= max_df), common)
    by_text = np.argsort(group, kind="stable")  # rows, grouped by their text
    starts = np.concatenate(([0], np.cumsum(sizes)))
    lengths = sizes[pairs.rows]
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    rows = by_text[np.repeat(starts[pairs.rows], lengths) + offsets]
    return Pairs(pairs.tokens, *_distinct(np.repeat(pairs.words, lengths), rows + first), common)


def merged(a: Pairs, b: Pairs, *, max_df: int | None = None) -> Pairs:
    """The pairs of two parts of a master (rows of ``b`` after those of ``a``); with
    ``max_df``, only the words that many rows at most have in the whole (not those that one
    part already left out as common)."""
    tokens = sorted(set(a.tokens) | set(b.tokens))
    number = dict(zip(tokens, range(len(tokens)), strict=True))
    renumber = [np.array([number[t] for t in p.tokens], dtype=np.int64) for p in (a, b)]
    words = np.concatenate([n[p.words] for n, p in zip(renumber, (a, b), strict=True)])
    rows = np.concatenate((a.rows, b.rows))
    order = np.argsort(words, kind="stable")  # rows stay ascending within a word
    pairs = Pairs(tokens, words[order], rows[order])
    if max_df is None:
        return pairs
    common = a.common | b.common
    rare = np.array([t not in common for t in tokens], dtype=bool) & (pairs.df() <= max_df)
    return _keep(pairs, rare, common | {t for t, r in zip(tokens, rare, strict=True) if not r})


def postings_of(texts: Sequence[str]) -> Postings:
    """Word -> the rows whose text has it (texts of space-separated words, one per row)."""
    return Postings(pairs_of(texts))
