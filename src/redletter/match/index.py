"""Candidate generation (blocking) over the customer master.

An inverted index from the normalized name tokens (and rare address tokens) to customers.
A party's candidates are the customers whose key equals one of the party's keys (name or
alias), plus those sharing one of the party's rarest tokens; a token the master has never seen
(a typo) is looked up among similar vocabulary tokens. The cost grows with the number of
plausible candidates, not with the size of the master.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from redletter.match.master import Customer, MasterColumns, no_gc
from redletter.nlp.normalize import NameKey, address_key, name_key

_RARE_TOKENS = 3  # the rarest tokens of a name used for blocking
_MAX_SHARE = 0.002  # tokens in more than this share of names are too common to block on
_FUZZY_TOKEN = 80.0
_ADDRESS_MAX_DF = 50
_PREFILTER = 60.0  # token_sort_ratio below which a blocked customer is not scored further
_SHORTLIST = 25


@dataclass
class MasterIndex:
    """The customer master with its name keys, token postings and document frequencies.

    Everything is kept column-wise (plain lists and dicts of lists), so that a master of a
    million rows builds in one pass and loads quickly from the on-disk cache (``cache.py``)."""

    master: MasterColumns
    key_texts: list[str] = field(default_factory=list)
    key_legal: list[str] = field(default_factory=list)
    addresses: list[str | None] = field(default_factory=list)
    order: array[int] = field(default_factory=lambda: array("i"))  # customers by key text
    postings: dict[str, list[int]] = field(default_factory=dict)
    address_postings: dict[str, list[int]] = field(default_factory=dict)
    vocab_by_len: dict[int, list[str]] = field(default_factory=dict)
    _similar: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.master)

    def customer(self, i: int) -> Customer:
        return self.master.customer(i)

    def key(self, i: int) -> NameKey | None:
        """Customer ``i``'s name key (``None`` when the name has none)."""
        text = self.key_texts[i]
        if not text:
            return None
        legal = self.key_legal[i]
        return NameKey(tuple(text.split()), frozenset(legal.split("|")) if legal else frozenset())

    @classmethod
    def build(cls, master: MasterColumns | Sequence[Customer]) -> MasterIndex:
        """Index a master: one pass over the customers."""
        with no_gc():
            return cls._build(master)

    @classmethod
    def _build(cls, master: MasterColumns | Sequence[Customer]) -> MasterIndex:
        if not isinstance(master, MasterColumns):
            master = MasterColumns([c.customer_id for c in master], [c.name for c in master],
                                   [c.address for c in master], [c.city for c in master],
                                   [c.country for c in master], [c.line for c in master])
        index = cls(master)
        postings: defaultdict[str, list[int]] = defaultdict(list)
        addr: defaultdict[str, list[int]] = defaultdict(list)
        for i, name in enumerate(master.names):
            key = name_key(name)
            index.key_texts.append(key.text if key else "")
            index.key_legal.append("|".join(sorted(key.legal)) if key else "")
            a = address_key(" ".join(x for x in (master.addresses[i], master.cities[i]) if x))
            index.addresses.append(a)
            if key is not None:
                for token in set(key.core):
                    postings[token].append(i)
            for token in set((a or "").split()):
                if len(token) > 2 or token.isdigit():
                    addr[token].append(i)
        index.postings, index.address_postings = dict(postings), dict(addr)
        index.order = array("i", sorted(range(len(master)), key=index.key_texts.__getitem__))
        by_len: defaultdict[int, list[str]] = defaultdict(list)
        for token in index.postings:
            by_len[len(token)].append(token)
        index.vocab_by_len = dict(by_len)
        return index

    def idf(self, token: str) -> float:
        """Inverse document frequency of a name token (rare tokens weigh more). A token the
        master does not have (a typo) weighs as its closest spelling in the master does."""
        if token not in self.postings and (similar := self.similar_tokens(token)):
            token = similar[0]
        return math.log((1 + len(self)) / (1 + len(self.postings.get(token, ()))))

    def similar_tokens(self, token: str) -> list[str]:
        """Vocabulary tokens within a typo of ``token`` (same length +-1), remembered."""
        if len(token) < 4:
            return []
        if (known := self._similar.get(token)) is not None:
            return known
        pool = [t for n in (len(token) - 1, len(token), len(token) + 1) for t in self.vocab_by_len.get(n, ())]
        found = process.extract(token, pool, scorer=fuzz.ratio, score_cutoff=_FUZZY_TOKEN, limit=3)
        self._similar[token] = [t for t, _, _ in found]
        return self._similar[token]

    def exact(self, text: str) -> list[int]:
        """Customers whose name key is exactly ``text`` (binary search in ``order``)."""
        at = bisect_left(self.order, text, key=self.key_texts.__getitem__)
        hits = []
        while at < len(self.order) and self.key_texts[self.order[at]] == text:
            hits.append(self.order[at])
            at += 1
        return hits

    def _name_candidates(self, key: NameKey) -> set[int]:
        found = set(self.exact(key.text))
        limit = max(50, int(_MAX_SHARE * len(self)))
        tokens = sorted(set(key.core), key=lambda t: len(self.postings.get(t, ())))
        usable = [t for t in tokens if 0 < len(self.postings.get(t, ())) <= limit]
        for token in usable[:_RARE_TOKENS]:
            found.update(self.postings[token])
        for token in (t for t in key.core if t not in self.postings):
            for similar in self.similar_tokens(token):
                if len(self.postings[similar]) <= limit:
                    found.update(self.postings[similar])
        return found

    def _address_candidates(self, address: str | None) -> set[int]:
        tokens = [t for t in set((address_key(address) or "").split())
                  if 0 < len(self.address_postings.get(t, ())) <= _ADDRESS_MAX_DF]
        if len(tokens) < 2:
            return set()
        tokens.sort(key=lambda t: len(self.address_postings[t]))
        first, second = (set(self.address_postings[t]) for t in tokens[:2])
        return first & second

    def candidates(self, keys: Sequence[NameKey], address: str | None) -> set[int]:
        """Customers worth scoring for a party with these names and this address: those the
        index blocks together with it whose key is at all similar (a fast rapidfuzz pass keeps
        the best ``_SHORTLIST``), and those at the same address."""
        blocked: set[int] = set()
        for key in keys:
            blocked |= self._name_candidates(key)
        shortlist: set[int] = set()
        if blocked:
            ids = list(blocked)
            texts = [self.key_texts[i] for i in ids]
            for key in keys:
                hits = process.extract(key.text, texts, scorer=fuzz.token_sort_ratio,
                                       score_cutoff=_PREFILTER, limit=_SHORTLIST)
                shortlist.update(ids[j] for _, _, j in hits)
        return shortlist | self._address_candidates(address)
