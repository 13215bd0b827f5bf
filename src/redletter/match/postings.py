"""Inverted lists (token -> ascending row numbers) built with numpy sorts.

A master's words are mapped to numbers in one pass over its joined text, and the (word, row)
pairs sorted once: no dict of lists grows row by row. ``Postings`` keeps one array of rows
sorted by word and each word's start in it; it pickles as a few arrays and one string.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from itertools import repeat
from typing import Any

import numpy as np
import numpy.typing as npt

from redletter.match.master import PackedColumn

Ints = npt.NDArray[np.int64]


class Postings:
    """Token -> the rows that have it, ascending (``rows``); ``df`` without building a list."""

    def __init__(self, tokens: Sequence[str], starts: Ints, rows: Ints) -> None:
        self.tokens = list(tokens)  # sorted
        self._starts = array("q", starts.astype(np.int64).tobytes())
        self._rows = array("i", rows.astype(np.int32).tobytes())
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


def _of_pairs(tokens: list[str], words: Ints, rows: Ints) -> Postings:
    """Postings of (word number, row) pairs."""
    words, rows = _distinct(words, rows)
    starts = np.searchsorted(words, np.arange(len(tokens) + 1)).astype(np.int64)
    present = np.flatnonzero(np.diff(starts))
    if len(present) < len(tokens):  # words left without rows are left out
        tokens, starts = [tokens[i] for i in present], np.append(starts[present], starts[-1])
    return Postings(tokens, starts, rows)


def _pairs(texts: Sequence[str]) -> tuple[list[str], Ints, Ints]:
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


def postings_of(texts: Sequence[str]) -> Postings:
    """Word -> the rows whose text has it (texts of space-separated words, one per row)."""
    return _of_pairs(*_pairs(texts))


def grouped_postings(texts: Sequence[str], group: Ints, *, keep: int, max_df: int) -> Postings:
    """Word -> rows, where row ``r`` has the words of ``texts[group[r]]`` (a master repeats its
    addresses: each distinct one is split once). Only words of ``keep`` letters or more (or
    numbers) that ``max_df`` rows at most have are kept: the others are never looked up."""
    tokens, words, of_text = _pairs(texts)
    words, of_text = _distinct(words, of_text)
    sizes = np.bincount(group, minlength=len(texts))
    usable = np.array([len(t) >= keep or t.isdigit() for t in tokens], dtype=bool)
    df = np.bincount(words, weights=sizes[of_text], minlength=len(tokens)) if len(tokens) else sizes[:0]
    usable &= (df > 0) & (df <= max_df)
    chosen = usable[words]
    words, of_text = words[chosen], of_text[chosen]
    by_text = np.argsort(group, kind="stable")  # rows, grouped by their text
    starts = np.concatenate(([0], np.cumsum(sizes)))
    lengths = sizes[of_text]
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    rows = by_text[np.repeat(starts[of_text], lengths) + offsets]
    return _of_pairs(tokens, np.repeat(words, lengths), rows)
