"""Recognize table header cells and the role of each column ("name", "alias", "address", ...).

The vocabulary lives in ``data/table_headers.json``: every phrase found in a cell proposes its
role, the highest priority (then the longest phrase) wins. ``header_match`` also says how much
of the cell the vocabulary covers, which tells a header line from a data line that merely
contains "Company" ("Boeing Company").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

PARTY_ROLES = frozenset({"name", "alias", "address", "country", "city", "place"})
ITEM_ROLES = frozenset({"hs_code", "eccn", "part_number", "description"})
# The number of a party's card or row ("Party 1", "Entity 3"): a tag, never a header cell.
NUMBERED_TAG = re.compile(r"^(?:party|entity|item|customer|no\.?|#)\s*\d{1,3}$", re.I)
_NON_ALNUM = re.compile(r"[^0-9a-z#]+")
_PLURAL = re.compile(r"\((?:e?s|ies)\)")


def header_key(text: str) -> str:
    """Case-folded words of a header cell, punctuation and plural marks ("Alias(es)") dropped."""
    return _NON_ALNUM.sub(" ", _PLURAL.sub("", text.casefold())).strip()


def _singular(word: str) -> str:
    """A word without a plural -s, so that "Shares" is "share" and "Retailers" "retailer"."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Phrases (as word tuples) with their role and priority, by their first word, and the
    filler words."""

    phrases: tuple[tuple[tuple[str, ...], str, int], ...]
    filler: frozenset[str]
    by_first: dict[str, tuple[tuple[tuple[str, ...], str, int], ...]]


@cache
def vocabulary() -> Vocabulary:
    """The header vocabulary of ``data/table_headers.json``, compiled once."""
    raw = json.loads(resources.files("redletter.data").joinpath("table_headers.json")
                     .read_text("utf-8"))
    phrases = list(dict.fromkeys(
        (tuple(_singular(w) for w in header_key(p).split()) or (p,), entry["role"],
         int(entry["priority"])) for entry in raw["roles"] for p in entry["phrases"]))
    by_first: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase[0][0], []).append(phrase)
    return Vocabulary(tuple(phrases), frozenset(_singular(w) for w in raw["filler"]),
                      {k: tuple(v) for k, v in by_first.items()})


def _occurrences(words: list[str], vocab: Vocabulary) -> list[tuple[range, str, int, int]]:
    """Every phrase found in the words: (where, role, priority, length)."""
    found = []
    for i, word in enumerate(words):
        for phrase, role, priority in vocab.by_first.get(word, ()):
            n = len(phrase)
            if tuple(words[i:i + n]) == phrase:
                found.append((range(i, i + n), role, priority, n))
    return found


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    """The role a header cell proposes and the share of its words the vocabulary knows."""

    role: str | None
    coverage: float


@lru_cache(maxsize=65536)
def header_match(text: str) -> HeaderMatch:
    """The role of a header cell (or ``None``) and the vocabulary's coverage of its words."""
    words = [_singular(w) for w in header_key(text).split()]
    if not words or len(words) > 10:
        return HeaderMatch(None, 0.0)
    vocab = vocabulary()
    covered = {i for i, w in enumerate(words) if w in vocab.filler or w.isdigit()}
    best: tuple[int, int, str] | None = None
    span = range(0)
    found = _occurrences(words, vocab)
    for where, role, priority, n in found:
        covered.update(where)
        if best is None or (priority, n) > best[:2]:
            best, span = (priority, n, role), where
    if best is not None and best[2] == "alias" and _name_then_alias(found):
        best = (best[0], best[1], "name")
    if best is not None and best[2] in ("description", "index") and any(
            r == "name" and not (span.start <= w.start and w.stop <= span.stop) for w, r, _, _ in found):
        best = (best[0], best[1], "name")  # "Item Entity": a narrow index column's header run into
        # the name's; not "Party No." (the party's number, a name word inside the index phrase)
    return HeaderMatch(best[2] if best else None, len(covered) / len(words))


def _name_then_alias(found: list[tuple[range, str, int, int]]) -> bool:
    """A name word, then an alias phrase apart from it ("Name / a.k.a.", "Entity (AKA)"): a
    name column whose cells hold the aliases too; not "Alias name" nor "Alternate names"."""
    aliases = [where for where, role, _, _ in found if role == "alias"]
    return any(role == "name" and all(where.stop <= a.start for a in aliases)
               for where, role, _, _ in found)


def header_role(text: str) -> str | None:
    """The role of a header cell whose words are all header vocabulary, else ``None``
    ("Entity Name (as listed)" is a name column; "Boeing Company" is not a header)."""
    match = header_match(text)
    return match.role if match.coverage >= 1.0 else None


def prefix_role(text: str) -> str | None:
    """The role of the first words of a wrapped header cell ("Federal Register" of "Federal
    Register Citation"), when every word is known."""
    return header_role(text)
