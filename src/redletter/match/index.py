"""Candidate generation (blocking) over the customer master.

An inverted index from the normalized name tokens (and rare address tokens) to customers.
A party's candidates are the customers whose key equals one of the party's keys (name or
alias), those sharing one of the party's rarest tokens, those sharing a token within a typo of
one of them (whether or not the master also has the party's spelling: "Gazprom" finds
"Gasprom"), and those whose words are the party's joined or split ("Good Will" / "Goodwill",
"SiemensAG" / "Siemens AG"). Number and abbreviation variants share their key
(``nlp.normalize``). The cost grows with the number of plausible candidates, not with the size
of the master.

The index is built in whole-column passes (``name_keys`` over all names at once, one pass over
the tokens for the postings); keys already known for the same row text (``KeyStore``) are
reused. A large CSV master is read as well as indexed in two halves, one per core
(``MasterIndex.of_file``). Every ordering has a total tie-break (document frequency, then the
token; rows by number), so candidates do not depend on the hash seed.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import groupby, pairwise
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from rapidfuzz import fuzz, process
from rigour.text.scripts import is_modern_alphabet

from redletter.collector import no_gc
from redletter.match.master import (
    Columns,
    CsvHalves,
    Customer,
    MasterColumns,
    PackedColumn,
    csv_halves,
    joined_halves,
    load_columns,
    read_half,
)
from redletter.match.postings import Pairs, Postings, grouped_pairs, merged, pairs_of, postings_of
from redletter.match.twocores import in_two
from redletter.nlp.normalize import (
    KeyParts,
    NameKey,
    fold,
    fold_many,
    key_from_parts,
    key_parts_many,
    romanised_alike,
)

_RARE_TOKENS = 3  # the rarest tokens of a name used for blocking
_MAX_SHARE = 0.002  # tokens in more than this share of names are too common to block on
_FUZZY_TOKEN = 80.0
_ADDRESS_MAX_DF = 50
_PRIOR = 20  # customers without a token counted in its rarity (see ``MasterIndex.idf``)
_PREFILTER = 60.0  # token_sort_ratio below which a blocked customer is not scored further
_SHORTLIST = 25  # the most similar distinct keys scored further
_SAME_KEY = 20  # customers scored for one key, at most (the first rows)
_MIN_SPLIT = 3  # the shortest part of a joined word looked up on its own
_MIN_SCRIPT_HEAD = 6  # letters of the first word a name in another script must spell
_PARALLEL_FROM = 100_000  # rows; below this a second process costs more than it saves
_SECOND_SHARE = 0.46  # of a CSV read in halves: the copy also packs its half to send it back
_REMEMBERED = ("_similar", "_pools", "_by_len")  # lookups remembered while matching, not cached


class KeySource(Protocol):
    """Keys made before for some name texts, under the same rules (``cache.KeyStore``)."""

    def fill(self, parts: dict[str, KeyParts | None]) -> None:
        """Set the key of each name of ``parts`` that it has."""


Known = Mapping[str, KeyParts] | KeySource


def _columns(master: MasterColumns | Sequence[Customer]) -> MasterColumns:
    if isinstance(master, MasterColumns):
        return master
    return MasterColumns([c.customer_id for c in master], [c.name for c in master],
                         [c.address for c in master], [c.city for c in master],
                         [c.country for c in master], [c.line for c in master])


@dataclass
class MasterIndex:
    """The customer master with its name keys, token postings and document frequencies.

    Everything is kept column-wise (plain lists and sorted arrays, ``postings.Postings``), so
    that a master of a million rows builds in a few passes and loads quickly from the on-disk
    cache (``cache.py``)."""

    master: MasterColumns
    key_texts: Sequence[str] = field(default_factory=list)
    key_legal: Sequence[str] = field(default_factory=list)
    key_quals: Sequence[str] = field(default_factory=list)
    postings: Postings = field(default_factory=lambda: postings_of([]))
    address_postings: Postings = field(default_factory=lambda: postings_of([]))
    _similar: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)
    _pools: dict[int, list[str]] = field(default_factory=dict, repr=False, compare=False)
    _by_len: dict[int, list[str]] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.master)

    def __getstate__(self) -> dict[str, object]:
        """What the cache keeps: the key columns packed (see ``PackedColumn``), not the lookups
        remembered during matching."""
        state = {k: v for k, v in self.__dict__.items() if k not in _REMEMBERED}
        state.update({k: PackedColumn(getattr(self, k)) for k in ("key_texts", "key_legal", "key_quals")})
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state, **{k: {} for k in _REMEMBERED})

    def customer(self, i: int) -> Customer:
        return self.master.customer(i)

    def key(self, i: int) -> NameKey | None:
        """Customer ``i``'s name key (``None`` when the name has none)."""
        return key_from_parts((self.key_texts[i], self.key_legal[i], self.key_quals[i]))

    @classmethod
    def build(cls, master: MasterColumns | Sequence[Customer], *,
              known: Known | None = None) -> MasterIndex:
        """Index a master in whole-column passes; ``known``: keys already made for these name
        texts (under the same rules), which are not made again."""
        with no_gc():
            return cls._build(_columns(master), known or {})

    @classmethod
    def _build(cls, master: MasterColumns, known: Known) -> MasterIndex:
        """The index of the master's two halves, the second made by a forked copy of this
        process for a large master (``twocores``), put together."""
        work = partial(_part, master, known)
        if len(master) >= _PARALLEL_FROM:
            first, second = in_two(work, len(master))
        else:
            first, second = work(0, len(master)), work(len(master), len(master))
        return cls._of_parts(master, first, second)

    @classmethod
    def _of_parts(cls, master: MasterColumns, first: _Part, second: _Part) -> MasterIndex:
        index = cls(master, first.texts + second.texts, first.legal + second.legal,
                    first.quals + second.quals)
        index.postings = Postings(merged(first.names, second.names))
        index.address_postings = Postings(merged(first.places, second.places, max_df=_ADDRESS_MAX_DF))
        return index

    @classmethod
    def of_file(cls, path: Path, columns: Columns | None = None, *,
                known: Known | None = None) -> MasterIndex:
        """Load and index a master file. A large CSV is read and indexed in two halves, the
        second by a forked copy of this process (``twocores``), so that reading the file is
        shared too; anything else, or a file whose halves are not plain, in one pass
        (``load_columns``, then ``build``)."""
        with no_gc():
            first, second = _halves_indexed(path, columns, known or {})
            if first is None or second is None:
                return cls._build(load_columns(path, columns), known or {})
            master = joined_halves(first[0], second[0], path)
            return cls._of_parts(master, first[1], second[1].shifted(len(first[0])))

    def known_keys(self) -> dict[str, KeyParts]:
        """Name text -> key, for reuse when a changed master is indexed (``KeyStore``)."""
        return {n: (t, g, q) for n, t, g, q in zip(self.master.names, self.key_texts, self.key_legal,
                                                  self.key_quals, strict=True)}

    def df(self, token: str) -> int:
        """How many customers' keys have this token."""
        return self.postings.df(token)

    def idf(self, token: str) -> float:
        """Inverse document frequency of a name token (rare tokens weigh more). A token the
        master does not have (a typo) weighs as its closest spelling in the master does.
        ``_PRIOR`` customers without the token are counted in: a master of one customer, or of
        one name many times, says nothing of which words are rare (its words would all weigh
        0); in a master of thousands they change nothing."""
        if token not in self.postings and (similar := self.similar_tokens(token)):
            token = similar[0]
        return math.log((1 + _PRIOR + len(self)) / (1 + self.df(token)))

    def similar_tokens(self, token: str) -> list[str]:
        """Vocabulary tokens within a typo of ``token`` (same length +-1; not the token
        itself), best first, ties by spelling; of a word of three letters, those another
        romanisation gives ("nev" for "new"); remembered."""
        if len(token) < 3:
            return []
        if (known := self._similar.get(token)) is not None:
            return known
        if len(token) == 3:
            ranked = [t for t in self._pool(3) if len(t) == 3 and romanised_alike(token, t)][:3]
        else:
            found = process.extract(token, self._pool(len(token)), scorer=fuzz.ratio,
                                    score_cutoff=_FUZZY_TOKEN, limit=None)
            ranked = _ranked(token, [t for t, _, _ in found])
        self._similar[token] = ranked
        return ranked

    def _pool(self, length: int) -> list[str]:
        """The vocabulary of tokens of this length +-1 (in spelling order), remembered."""
        if not self._by_len:
            for token in self.postings.tokens:  # sorted
                self._by_len.setdefault(len(token), []).append(token)
        if (pool := self._pools.get(length)) is None:
            pool = [t for n in (length - 1, length, length + 1) for t in self._by_len.get(n, ())]
            self._pools[length] = pool
        return pool

    def exact(self, text: str) -> list[int]:
        """Customers whose name key is exactly ``text``, ascending: those among the postings of
        its rarest word whose key is the text."""
        words = [t for t in set(text.split()) if t in self.postings]
        if not words or len(words) < len(set(text.split())):
            return []
        rows = self.postings.rows(min(words, key=lambda t: (self.df(t), t)))
        texts = self.key_texts
        return [i for i in rows if texts[i] == text]

    def _limit(self) -> int:
        return max(50, int(_MAX_SHARE * len(self)))

    def _usable(self, token: str) -> bool:
        return 0 < self.df(token) <= self._limit()

    def _rare(self, key: NameKey) -> list[str]:
        """The key's rarest words that block (``_RARE_TOKENS`` at most), rarest first."""
        return sorted({t for t in key.core if self._usable(t)}, key=lambda t: (self.df(t), t))[:_RARE_TOKENS]

    def _typo_lookups(self, key: NameKey, rare: list[str]) -> list[str]:
        """The words of a key whose typos are looked up: the rarest and those the master
        lacks; every word, when none is rare ("New Tech": candidates come from "Nev Tech",
        not from "Tech")."""
        looked = set(rare) if rare else set(key.core)
        return sorted({t for t in key.core if t not in self.postings} | looked)

    def _name_candidates(self, key: NameKey) -> set[int]:
        found = set(self.exact(key.text))
        rare = self._rare(key)
        for token in rare:
            found.update(self.postings.rows(token))
        for token in self._typo_lookups(key, rare):
            for similar in self.similar_tokens(token):
                if self._usable(similar):
                    found.update(self.postings.rows(similar))
        return found

    def look_up_typos(self, keys: Iterable[NameKey]) -> None:
        """``similar_tokens`` of the words that ``candidates`` will look up for these keys,
        made at once and remembered: one rapidfuzz ``cdist`` per word length scores all the
        words against the vocabulary, much faster than a search per word."""
        words = {t for key in keys for t in self._typo_lookups(key, self._rare(key))}
        todo = sorted((t for t in words if len(t) > 3 and t not in self._similar), key=lambda t: (len(t), t))
        for length, group in groupby(todo, key=len):
            queries = list(group)
            pool = self._pool(length)
            scores = process.cdist(queries, pool, scorer=fuzz.ratio, score_cutoff=_FUZZY_TOKEN,
                                   dtype=np.float32) if pool else np.zeros((len(queries), 0))
            for token, row in zip(queries, scores, strict=True):
                self._similar[token] = _ranked(token, [pool[j] for j in np.flatnonzero(row)])

    def _joined_candidates(self, names: Sequence[str]) -> set[int]:
        """Customers whose words are the party's words joined ("Good Will" -> "goodwill") or
        split ("SiemensAG" -> "siemens")."""
        found: set[int] = set()
        for name in names:
            words = fold(name).split()
            for a, b in pairwise(words):
                if self._usable(a + b):
                    found.update(self.postings.rows(a + b))
            if len(words) > 2 and self._usable(whole := "".join(words)):
                found.update(self.postings.rows(whole))
            for word in words:
                found.update(self._split_candidates(word))
        return found

    def _split_candidates(self, word: str) -> set[int]:
        """Customers with the longest word that starts ``word`` and leaves at least two
        letters ("siemensag" -> "siemens", "vanderbilt" -> "van")."""
        for cut in range(len(word) - 2, _MIN_SPLIT - 1, -1):
            if self._usable(head := word[:cut]):
                return set(self.postings.rows(head))
        return set()

    def _address_candidates(self, address: str | None) -> set[int]:
        places = self.address_postings
        tokens = sorted({t for t in (fold(address) if address else "").split()
                         if 0 < places.df(t) <= _ADDRESS_MAX_DF}, key=lambda t: (places.df(t), t))
        if len(tokens) < 2:
            return set()
        first, second = (set(places.rows(t)) for t in tokens[:2])
        return first & second

    def candidates(self, keys: Sequence[NameKey], address: str | None, *,
                   names: Sequence[str] = ()) -> set[int]:
        """Customers worth scoring for a party with these names and this address: those the
        index blocks together with it whose key is at all similar (a fast rapidfuzz pass keeps
        the customers of the best ``_SHORTLIST`` distinct keys, ties by key), and those at the
        same address. ``names``: the printed names, for joined and split words."""
        blocked = self._joined_candidates(names)
        for key in keys:
            blocked |= self._name_candidates(key)
        rows: defaultdict[str, list[int]] = defaultdict(list)
        for i in sorted(blocked):
            rows[self.key_texts[i]].append(i)
        texts = sorted(rows)
        shortlist: set[int] = set()
        for key in keys if texts else ():
            shortlist |= self._shortlist(key.text, texts, rows)
        return shortlist | self._address_candidates(address) | self._script_candidates(names)

    def _shortlist(self, text: str, texts: list[str], rows: Mapping[str, list[int]]) -> set[int]:
        """The customers of the keys most similar to ``text``: by their words in any order, or
        with the spaces left out ("GroupeDiarraImportExport" / "Groupe Diarra Import Export")."""
        hits = process.extract(text, texts, scorer=fuzz.token_sort_ratio, score_cutoff=_PREFILTER, limit=None)
        if " " in text or any(" " in t for t in texts):
            compact = [t.replace(" ", "") for t in texts]
            hits += process.extract(text.replace(" ", ""), compact, scorer=fuzz.ratio,
                                    score_cutoff=_PREFILTER, limit=None)
        best: dict[int, float] = {}
        for _, score, j in hits:
            best[j] = max(best.get(j, 0.0), score)
        ranked = sorted(best.items(), key=lambda h: (-h[1], h[0]))[:_SHORTLIST]
        return {i for j, _ in ranked for i in rows[texts[j]][:_SAME_KEY]}

    def _script_candidates(self, names: Sequence[str]) -> set[int]:
        """Customers whose first word a name in a script without spaces or reliable
        transliteration (Chinese, Korean...) spells at its start ("沧澜远洋航运" -> "canglan"):
        its other words are translated, so the similarity of the whole keys says nothing."""
        found: set[int] = set()
        for name in names:
            if name.isascii() or is_modern_alphabet(name):
                continue
            spelt = fold(name).replace(" ", "")
            head = next((spelt[:cut] for cut in range(len(spelt), _MIN_SCRIPT_HEAD - 1, -1)
                         if self._usable(spelt[:cut])), None)
            if head is not None:
                found.update(i for i in self.postings.rows(head)[:_SAME_KEY]
                             if self.key_texts[i].startswith(head))
        return found


def _ranked(token: str, found: list[str]) -> list[str]:
    """The three spellings found closest to ``token`` (not itself), best first, ties by
    spelling."""
    return sorted((t for t in found if t != token), key=lambda t: (-fuzz.ratio(token, t), t))[:3]


@dataclass
class _Part:
    """The keys and the pairs of the name and address postings of some rows of a master.
    Pickled with packed columns: the part a forked copy made comes back in a memory copy."""

    texts: list[str]
    legal: list[str]
    quals: list[str]
    names: Pairs
    places: Pairs

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, **{k: PackedColumn(getattr(self, k)) for k in ("texts", "legal", "quals")}}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, **{k: state[k].tolist() for k in ("texts", "legal", "quals")})

    def shifted(self, offset: int) -> _Part:
        """The part with its rows numbered from ``offset`` on."""
        return _Part(self.texts, self.legal, self.quals, self.names.shifted(offset),
                     self.places.shifted(offset))


def _part(master: MasterColumns, known: Known, start: int, stop: int) -> _Part:
    """The part of the index of rows ``start`` to ``stop``."""
    texts, legal, quals = _keys(master.names[start:stop], known)
    return _Part(texts, legal, quals, pairs_of(texts, first=start), _address_pairs(master, start, stop))


_Half = tuple[MasterColumns, _Part] | None


def _halves_indexed(path: Path, columns: Columns | None, known: Known
                    ) -> tuple[_Half, _Half]:
    """The halves of a large CSV master read and indexed, one here and one in a forked copy;
    ``None`` for a file that is not read in halves. (The file's text is let go on return.)"""
    halves = csv_halves(path, columns, min_lines=_PARALLEL_FROM, second_share=_SECOND_SHARE)
    return in_two(partial(_half, halves, known), 2) if halves else (None, None)


def _half(halves: CsvHalves, known: Known, start: int, stop: int
          ) -> _Half:
    """Half of a CSV master read (``start``: 0 or 1) and indexed, its rows numbered from 0;
    ``None`` when the half is not plain."""
    master = read_half(halves, second=start > 0)
    return None if master is None else (master, _part(master, known, 0, len(master)))


def _address_pairs(master: MasterColumns, start: int, stop: int) -> Pairs:
    """Address word (of 3 letters or more, or a number) and customer at an address with it, for
    rows ``start`` to ``stop``: each distinct address and city folded and split once. Words
    that more than ``_ADDRESS_MAX_DF`` customers have are left out (here, and once the parts
    are merged): candidates never come from them."""
    places = list(map("{} {}".format, master.addresses[start:stop], master.cities[start:stop]))
    distinct = list(dict.fromkeys(places))
    number = dict(zip(distinct, range(len(distinct)), strict=True))
    group = np.fromiter(map(number.__getitem__, places), dtype=np.int64, count=len(places))
    return grouped_pairs(fold_many(distinct), group, first=start, keep=3, max_df=_ADDRESS_MAX_DF)


def _keys(names: Sequence[str], known: Known) -> tuple[list[str], list[str], list[str]]:
    """The keys of the names as three columns (words, legal forms, qualifiers): those in
    ``known`` reused, the rest made in one pass, each distinct name once."""
    distinct: dict[str, KeyParts | None] = dict.fromkeys(names)
    _fill(distinct, known)
    if missing := [n for n, p in distinct.items() if p is None]:
        distinct.update(zip(missing, key_parts_many(missing), strict=True))
    parts: list[KeyParts] = list(map(distinct.__getitem__, names))  # type: ignore[arg-type]
    if not parts:
        return [], [], []
    texts, legal, quals = zip(*parts, strict=True)
    return list(texts), list(legal), list(quals)


def _fill(parts: dict[str, KeyParts | None], known: Known) -> None:
    """The keys ``known`` has for names of ``parts`` set there."""
    if not isinstance(known, Mapping):
        known.fill(parts)
    elif known:
        parts.update({n: known[n] for n in parts if n in known})
