"""Match features: each compares a party with a customer and returns ``(score, detail)``.

Each feature is declared once, in ``FEATURES``, with its weight and its role in the decision
(``FeatureSpec``), so that ``decide.py`` is a loop over them. The docstring of each feature is
the explanation a reviewer reads beside it; ``detail`` says what it found. A feature returns
``None`` when it has nothing to compare.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA
from rigour.names import NameTypeTag, analyze_names
from rigour.text.phonetics import metaphone
from rigour.text.scripts import is_dense_script, is_latin, is_modern_alphabet
from rigour.text.stopwords import is_stopword

from redletter.match.index import MasterIndex
from redletter.match.master import Customer
from redletter.nlp.normalize import (
    NameKey,
    abbreviated_spellings,
    address_key,
    fold,
    former_names,
    legal_family,
    name_keys,
    romanised_alike,
    skeleton,
)
from redletter.schema import Party

_RARE_ALIAS = 3  # customers sharing a one-word alias, at most
_RARE_WORD = 5  # customers with a word, at most, for it to be rare (or 0.1 % of the master)
_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_WITH_DIGIT = re.compile(r"\S*\d\S*")
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# rigour's symbol categories read as one spelling: abbreviations, numbers, places, org types
# (dropped). Not its broad "domain" words, which would make "Petroleum" and "Oil" one name.
_READ = frozenset({"SYMBOL", "NUM", "LOC", "ORGCLS"})


@dataclass(frozen=True)
class Pair:
    """A party and a customer, with their normalized keys."""

    party: Party
    party_keys: tuple[tuple[str, NameKey], ...]  # (printed name, key) for the name and aliases
    customer: Customer
    customer_key: NameKey | None
    index: MasterIndex

    @cached_property
    def best(self) -> tuple[str, NameKey, float]:
        """The party's name or alias closest to the customer's name: (printed, key, similarity)."""
        ck = self.customer_key
        if ck is None:
            return self.party.name, self.party_keys[0][1], 0.0
        scored = [(n, k, _similarity(k, ck)) for n, k in self.party_keys]
        return max(scored, key=lambda s: s[2])


Result = tuple[float, str] | None


class Role(StrEnum):
    """How a feature's score moves the pair's score (see ``decide.combine``)."""

    MEAN = "mean"  # the weighted mean of these is the base score
    IDENTITY = "identity"  # a score of 1 proves the names the same: score >= weight, may match
    FLOOR = "floor"  # score >= weight x feature score, but it alone never makes a match
    BONUS = "bonus"  # + weight when the feature scores 0.9 or more
    PENALTY = "penalty"  # - weight when the feature scores 0


class Conflict(StrEnum):
    """What a score of 0 forbids."""

    NONE = "none"
    MATCH = "match"  # no automatic match; review stays possible
    PLACE = "place"  # no match, and a shared address no longer forces a review


@dataclass(frozen=True)
class FeatureSpec:
    """A declared feature: its function, weight and role, what its conflict forbids, the score
    it must reach for a match when it speaks (``match_at``), and the score that forces a review
    (``review_at``)."""

    fn: Callable[[Pair], Result]
    weight: float
    role: Role = Role.MEAN
    conflict: Conflict = Conflict.NONE
    match_at: float | None = None
    review_at: float | None = None
    name: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", self.fn.__name__)

    @property
    def explanation(self) -> str:
        """The feature's docstring: what the review page says it measures."""
        return inspect.getdoc(self.fn) or ""


def _best(pair: Pair) -> tuple[str, NameKey, float]:
    return pair.best


def _similarity(a: NameKey, b: NameKey) -> float:
    """Token-sort similarity, or the plain similarity with the spaces left out ("Good Will" =
    "Goodwill"), whichever is higher."""
    compact = fuzz.ratio(a.text.replace(" ", ""), b.text.replace(" ", ""))
    return max(fuzz.token_sort_ratio(a.text, b.text), compact) / 100


def name_similarity(pair: Pair) -> Result:
    """Similarity of the names' distinctive words (legal forms, abbreviations, numbers and
    spelling normalized), best of the party's name and aliases."""
    printed, _, score = _best(pair)
    return score, f"{printed!r} vs {pair.customer.name!r}: {score:.2f}"


def distinctive_words(pair: Pair) -> Result:
    """Share of the names' rarity-weighted words found in both, so that a differing
    distinctive word ("Alpha Trading" / "Sigma Trading") outweighs shared common ones. A slip
    of the keyboard inside a long word counts in full, another typo half."""
    ck = pair.customer_key
    if ck is None:
        return None
    _, pk, _ = _best(pair)
    weights = {t: pair.index.idf(t) for t in sorted(set(pk.core) | set(ck.core))}
    total = sum(weights.values()) or 1.0
    credit = {t: _credit(t, ck.core if t in pk.core else pk.core) for t in weights}
    score = sum(weights[t] * credit[t] for t in weights) / total
    missing = [t for t in weights if credit[t] == 0.0]
    typos = [t for t in weights if 0.0 < credit[t] < 1.0]
    detail = f"weighted word overlap {score:.2f}"
    detail += f"; with a typo: {', '.join(typos)}" if typos else ""
    return score, detail + (f"; differing: {', '.join(missing)}" if missing else "")


def _credit(token: str, others: tuple[str, ...]) -> float:
    if token in others or any(_slip(token, o) for o in others):
        return 1.0
    return 0.5 if any(_typo(token, o) for o in others) else 0.0


@lru_cache(maxsize=1 << 16)
def _slip(a: str, b: str) -> bool:
    """A slip of the keyboard in a long word: one letter swapped, dropped or doubled inside a
    word of 8 letters or more ("Rosoboronxeport"). Short words, the first letter and a plural
    "s" are left out: there one letter tells real names apart ("Lixin" / "Lixing")."""
    if min(len(a), len(b)) < 8 or a[0] != b[0] or a + "s" == b or b + "s" == a:
        return False
    return OSA.distance(a, b, score_cutoff=1) <= 1


@lru_cache(maxsize=1 << 16)
def _typo(a: str, b: str) -> str | None:
    """How ``a`` and ``b`` are one word misspelt, or ``None``: a Damerau (OSA) edit distance
    scaled by length (one edit from 4 letters, two from 9), a keyboard slip, the same sound
    (metaphone, from 5 letters), or another romanisation (``skeleton``; of three letters:
    the same letters but for the romanisation, "New" / "Nev")."""
    if a == b or min(len(a), len(b)) < 3 or a.isdigit() or b.isdigit():
        return None
    if min(len(a), len(b)) == 3:
        return "another romanisation" if romanised_alike(a, b) else None
    allowed = 1 if min(len(a), len(b)) < 9 else 2
    if abs(len(a) - len(b)) > max(allowed, 2):
        return None
    if (edits := OSA.distance(a, b, score_cutoff=allowed)) <= allowed:
        return "a keyboard slip" if _keyboard_slip(a, b) else f"{edits} edit(s)"
    if min(len(a), len(b)) >= 5 and a[0] == b[0] and _sound(a) == _sound(b):
        return "the same sound"
    if min(len(a), len(b)) >= 4 and OSA.distance(skeleton(a), skeleton(b), score_cutoff=allowed) <= allowed:
        return "another romanisation"
    return None


@lru_cache(maxsize=1 << 14)
def _sound(word: str) -> str:
    return metaphone(word)


def _keyboard_slip(a: str, b: str) -> bool:
    if len(a) != len(b) or sum(x != y for x, y in zip(a, b, strict=True)) != 1:
        return False
    x, y = next((x, y) for x, y in zip(a, b, strict=True) if x != y)
    return any(abs(r.find(x) - r.find(y)) == 1 for r in _KEYBOARD if x in r and y in r)


def other_words(pair: Pair) -> Result:
    """Whether a name has words the other lacks (not even misspelt): a word put in place of
    another ("Alpha ... Fund" / "Kristall ... Fund"), or a rare word on one side only, makes
    another company however many words are shared, so never an automatic match. Common words
    ("Group", "Trading") and names the same but for spaces do not count."""
    ck = pair.customer_key
    _, pk, _ = _best(pair)
    if ck is None or "".join(pk.core) == "".join(ck.core) or compact_equal(pair) is not None:
        return None
    ours = sorted(t for t in set(pk.core) if _credit(t, ck.core) == 0.0)
    theirs = sorted(t for t in set(ck.core) if _credit(t, pk.core) == 0.0)
    rare = [t for t in ours + theirs if pair.index.df(t) <= max(_RARE_WORD, len(pair.index) // 1000)]
    if (ours and theirs) or rare:
        return 0.0, f"words on one side only: {', '.join(ours) or '-'} / {', '.join(theirs) or '-'}"
    return None


def replaced_words(pair: Pair) -> Result:
    """Whether a word of one name stands where the other has another word, not even misspelt
    ("Zanier Impianti" / "Zanier Servizi", "Société Malienne" / "Société Guinéenne"): sister
    companies and namesakes differ so, so the pair's score drops below the review level
    unless the rest of the names is close. Common words ("Group", "Trading") count too; a
    name in another script (``other_script``) has its words translated, not replaced."""
    ck = pair.customer_key
    _, pk, _ = _best(pair)
    if ck is None or "".join(pk.core) == "".join(ck.core) or compact_equal(pair) is not None \
            or other_script(pair) is not None:
        return None
    ours = [t for t in sorted(set(pk.core)) if _replacing(t, ck.core)]
    theirs = [t for t in sorted(set(ck.core)) if _replacing(t, pk.core)]
    if ours and theirs:
        return 0.0, f"{', '.join(ours)} in place of {', '.join(theirs)}"
    return None


def added_words(pair: Pair) -> Result:
    """Whether one name is the other with words added ("Motors" / "Motor Spares", "Shipping"
    / "Ship Finance"): a sister company or a subsidiary by activity, so the score drops by a
    little. Places (``qualifier``), numbers, stopwords and words of one or two letters (a
    vessel's "M/T") do not count."""
    ck = pair.customer_key
    _, pk, _ = _best(pair)
    if ck is None or "".join(pk.core) == "".join(ck.core) or compact_equal(pair) is not None \
            or other_script(pair) is not None:
        return None
    ours = [t for t in sorted(set(pk.core)) if len(t) > 2 and _replacing(t, ck.core) and not _is_place(t)]
    theirs = [t for t in sorted(set(ck.core)) if len(t) > 2 and _replacing(t, pk.core) and not _is_place(t)]
    if bool(ours) == bool(theirs):
        return None
    return 0.0, f"words added: {', '.join(ours or theirs)}"


def _is_place(token: str) -> bool:
    return any(c == "LOC" for c, _, _ in _analysed(token))


def _replacing(token: str, others: tuple[str, ...]) -> bool:
    """Whether a word can stand in place of another: not a number (``numbers`` speaks for
    those), a single letter or a stopword (rigour's: "and", "de"), nor found in ``others``,
    misspelt (also as the word our abbreviation table shortened: "Kenter" / "Center" read
    "ctr"), abbreviated or as its initial."""
    if token.isdigit() or len(token) == 1 or is_stopword(token, normalizer=_folded):
        return False
    if any(len(o) == 1 and o == token[0] for o in others):  # its initial: "Qualizza R."
        return False
    spelt = (*others, *(w for o in others for w in abbreviated_spellings(o)))  # "Kenter": "ctr"
    mine = (token, *abbreviated_spellings(token))
    return all(_credit(t, spelt) == 0.0 for t in mine) and not any(_abbreviates(token, o) for o in others)


def _folded(text: str | None) -> str | None:
    """``fold`` as rigour's word lists want it: their words read as our keys do ("für")."""
    return fold(text) or None if text else None


@lru_cache(maxsize=1 << 16)
def _abbreviates(a: str, b: str) -> bool:
    """Whether one of the words abbreviates the other: its first three letters or more
    ("Ind." / "Indústria"), or its letters in order from the first to the last ("Mgmt" /
    "Management")."""
    short, long_ = sorted((a, b), key=len)
    if len(short) < 3 or len(short) == len(long_) or short[0] != long_[0]:
        return False
    if long_.startswith(short):
        return True
    rest = iter(long_)
    return short[-1] == long_[-1] and all(ch in rest for ch in short)


def rare_word_typo(pair: Pair) -> Result:
    """Whether the names have the same words but for a typo or a spelling by sound in one or two
    of them ("Tayota" / "Toyota", "Khoury" / "Khouri"): a reason to review, never alone a
    match, since one letter also tells real companies apart ("Lixin" / "Lixing"). Not in
    Chinese or Japanese characters or Korean syllables: there one sign is a whole syllable
    ("東光商事" / "東洋商事")."""
    ck = pair.customer_key
    printed, pk, _ = _best(pair)
    if ck is None or len(pk.core) != len(ck.core) or pk.core == ck.core \
            or is_dense_script(printed) or is_dense_script(pair.customer.name):
        return None
    a = sorted(set(pk.core) - set(ck.core))
    b = sorted(set(ck.core) - set(pk.core))
    if not 0 < len(a) == len(b) <= 2:
        return None
    pairs = [(x, y) for x, y in zip(pk.core, ck.core, strict=True) if x != y]  # word by word
    how = [_typo(x, y) for x, y in pairs]
    if len(pairs) != len(a) or any(h is None for h in how):
        return None
    return 1.0, "; ".join(f"{x!r} ~ {y!r}: {h}" for (x, y), h in zip(pairs, how, strict=True))


_HEAD = 6  # letters, at least, of the first word that a name in another script must spell


def other_script(pair: Pair) -> Result:
    """Whether a name written in a script that has no spaces between words or no reliable
    transliteration (Chinese, Korean, Hebrew, Arabic...) spells, transliterated, the first
    distinctive word of the other name, in Latin letters ("沧澜远洋航运有限公司" / "Canglan
    Ocean Shipping Co., Ltd."): the rest of such a name is usually translated ("Ocean
    Shipping"), so this is a reason to review, never a match. A place ("Beijing") is not
    distinctive enough."""
    ck = pair.customer_key
    printed, pk, _ = _best(pair)
    if ck is None:
        return None
    sides = sorted([(is_latin(printed), pk, printed), (is_latin(pair.customer.name), ck, pair.customer.name)],
                   key=lambda side: side[0])
    (latin_a, other, other_name), (latin_b, latin, _) = sides
    if latin_a or not latin_b or is_modern_alphabet(other_name):
        return None
    head, spelt = latin.core[0], "".join(other.core)
    if len(head) < _HEAD or any(c == "LOC" for c, _, _ in _analysed(head)):
        return None
    near = spelt.startswith(head) or OSA.distance(spelt[:len(head)], head, score_cutoff=1) <= 1
    return (1.0, f"{other_name!r} reads {spelt!r}, which starts with {head!r}") if near else None


@lru_cache(maxsize=1 << 14)
def _compact(name: str) -> str:
    return fold(name).replace(" ", "")


def compact_equal(pair: Pair) -> Result:
    """Whether the names are the same once the spaces are left out: joined or split words
    ("Goodwill" / "Good Will", "SiemensAG" / "Siemens AG")."""
    ck = pair.customer_key
    if ck is None:
        return None
    theirs = _compact(pair.customer.name)
    for printed, key in pair.party_keys:
        same_key = key.text.replace(" ", "") == ck.text.replace(" ", "") and key.legal == ck.legal
        if key.core != ck.core and (same_key or _compact(printed) == theirs):
            return 1.0, f"{printed!r} and {pair.customer.name!r} differ only in spaces"
    return None


@lru_cache(maxsize=1 << 12)
def symbol_form(name: str) -> tuple[str, ...]:
    """rigour's reading of an organisation name: each word it knows as an abbreviation,
    number or place as that symbol ("Bros" and "Brothers" -> BROS, "forty four" -> 44), legal
    forms left out; the longest reading wins, ties by position (see ``_READ``)."""
    names = sorted(analyze_names(NameTypeTag.ORG, [name]), key=lambda n: n.form)
    if not names:
        return ()
    spans = sorted(names[0].spans, key=lambda s: (-len(s.parts), s.parts[0].index,
                                                  s.symbol.category.value == "ORGCLS", s.symbol.id))
    read: dict[int, str] = {}
    for span in spans:
        at = [p.index for p in span.parts]
        if span.symbol.category.value not in _READ or any(i in read for i in at):
            continue
        symbol = "" if span.symbol.category.value == "ORGCLS" else span.symbol.id.lower()
        read.update({i: "" for i in at} | {at[0]: symbol})
    return tuple(read.get(p.index, p.comparable) for p in names[0].parts if read.get(p.index, p.comparable))


def abbreviation_equal(pair: Pair) -> Result:
    """Whether the names are the same once rigour reads their abbreviations, numbers and places
    ("U.S." / "United States", "Bros." / "Brothers", "Mfg." / "Manufacturing", "1st" / "First")."""
    ck = pair.customer_key
    if ck is None:
        return None
    theirs = symbol_form(pair.customer.name)
    for printed, key in pair.party_keys:
        if key.core != ck.core and len(theirs) > 1 and symbol_form(printed) == theirs:
            return 1.0, f"{printed!r} and {pair.customer.name!r} read alike: {' '.join(theirs)}"
    return None


def _numbers(name: str, key: NameKey) -> frozenset[str]:
    from_key = {t for t in key.core if t.isdigit()}
    return frozenset(from_key | {t for t in symbol_form(name) if t.isdigit()})


def numbers(pair: Pair) -> Result:
    """Whether the numbers in the names agree ("Brigade 44" = "Brigade Forty-Four"; "Fund
    VIII" is not "Fund IX", "Solutions II" is not "Solutions"), when either name has one."""
    ck = pair.customer_key
    printed, pk, _ = _best(pair)
    if ck is None:
        return None
    a, b = _numbers(printed, pk), _numbers(pair.customer.name, ck)
    if not a and not b:
        return None
    if a == b:
        return 1.0, f"same numbers ({', '.join(sorted(a))})"
    return 0.0, f"different numbers ({', '.join(sorted(a)) or 'none'} vs {', '.join(sorted(b)) or 'none'})"


@lru_cache(maxsize=1 << 12)
def _analysed(name: str) -> tuple[tuple[str, str, tuple[int, ...]], ...]:
    """rigour's symbols in a name: (category, id, part positions), in a stable order."""
    names = sorted(analyze_names(NameTypeTag.ORG, [name]), key=lambda n: n.form)
    if not names:
        return ()
    return tuple(sorted((s.symbol.category.value, s.symbol.id, tuple(p.index for p in s.parts))
                        for s in names[0].spans))


@lru_cache(maxsize=1 << 12)
def _place(qualifier: str) -> str:
    places = {i for c, i, _ in _analysed(qualifier) if c == "LOC"}
    return min(places) if len(places) == 1 else qualifier


@lru_cache(maxsize=1 << 12)
def places(name: str, qualifiers: tuple[str, ...]) -> frozenset[str]:
    """The places a name names: its bracketed qualifiers and the words rigour knows as places
    ("Banco Santander México", "Bank of China (Hong Kong)")."""
    main = _BRACKETS.sub(" ", name)
    found = {i for text in (main, fold(main)) for c, i, _ in _analysed(text) if c == "LOC"}
    return frozenset(found | {_place(q) for q in qualifiers})


def qualifier(pair: Pair) -> Result:
    """Whether the places the names give agree, bracketed ("Bank of China (Hong Kong)" is not
    "Bank of China (Singapore)") or not ("Banco Santander México"). A place on one side only
    ("Marrowby Chemicals (Thailand)") may name a branch or a subsidiary: a reason to review
    rather than match. A bracketed place with a typo is the place ("(Switzreland)")."""
    ck = pair.customer_key
    printed, pk, _ = _best(pair)
    if ck is None:
        return None
    spelt = tuple(next((o for o in ck.qualifiers if _typo(q, o)), q) for q in pk.qualifiers)
    a, b = places(printed, spelt), places(pair.customer.name, ck.qualifiers)
    if a == b:
        return (1.0, f"same places ({', '.join(sorted(a))})") if a else None
    if a <= b or b <= a:
        return 0.5, f"a place on one side only ({', '.join(sorted(a ^ b))})"
    return 0.0, f"different places ({', '.join(sorted(a))} vs {', '.join(sorted(b))})"


def foreign_subsidiary(pair: Pair) -> Result:
    """Whether one name adds a country and the legal forms differ ("Lundqvist Hydraulics
    Inc." / "Lundqvist Hydraulics (UK) Ltd.", "Nakamura Precision Tooling Canada Ltd."): a
    subsidiary registered there under that country's legal form, another company. The same
    form with a country ("Deutsche Bank (Schweiz) AG") says nothing."""
    ck = pair.customer_key
    printed, pk, _ = _best(pair)
    if ck is None or not pk.legal or not ck.legal or pk.legal == ck.legal:
        return None
    a, b = places(printed, pk.qualifiers), places(pair.customer.name, ck.qualifiers)
    added = sorted(p for p in a ^ b if _is_country(p))
    if not added or not (a <= b or b <= a):
        return None
    forms = f"{', '.join(sorted(pk.legal))} vs {', '.join(sorted(ck.legal))}"
    return 0.0, f"{', '.join(added)} on one side only, legal forms {forms}"


def _is_country(place: str) -> bool:
    """A place rigour reads as a country (a two-letter territory code)."""
    return len(place) == 2 and place.isalpha()


def legal_form(pair: Pair) -> Result:
    """Whether the legal forms agree (rigour's organisation types across jurisdictions: Kft =
    Korlátolt Felelősségű Társaság, LLC = OOO); two forms of the same kind (GmbH, Ltd: limited
    companies) do not conflict, an AG and a GmbH do. Says nothing when one name has none."""
    ck = pair.customer_key
    _, pk, _ = _best(pair)
    if ck is None or not pk.legal or not ck.legal:
        return None
    if pk.legal & ck.legal:
        return 1.0, f"same legal form ({', '.join(sorted(pk.legal & ck.legal))})"
    kinds = {legal_family(f) for f in pk.legal} & {legal_family(f) for f in ck.legal}
    forms = f"{', '.join(sorted(pk.legal))} vs {', '.join(sorted(ck.legal))}"
    if kinds:
        return 0.5, f"legal forms of the same kind ({forms}: {', '.join(sorted(kinds))})"
    return 0.0, f"different legal forms ({forms})"


def alias_hit(pair: Pair) -> Result:
    """Whether one of the party's aliases, normalized, is exactly the customer's name."""
    ck = pair.customer_key
    if ck is None:
        return None
    hits = [n for n, k in pair.party_keys[1:] if k.text == ck.text and _distinctive(k, pair.index)]
    return (1.0, f"alias {hits[0]!r} is the customer's name") if hits else None


def _distinctive(key: NameKey, index: MasterIndex) -> bool:
    """An alias of one common word ("VEGA") is too weak to identify a customer by itself."""
    return len(key.core) > 1 or index.df(key.core[0]) <= _RARE_ALIAS


def address_similarity(pair: Pair) -> Result:
    """Similarity of the full addresses (street, number, city, postal code), when both have a
    street number; a city alone, or differing house numbers, is not the same address. The
    same name at a clearly different address is reviewed, not matched automatically."""
    a = address_key(pair.party.address)
    c = address_key(" ".join(x for x in (pair.customer.address, pair.customer.city) if x))
    if not a or not c:
        return None
    numbers_a, numbers_c = set(_WITH_DIGIT.findall(a)), set(_WITH_DIGIT.findall(c))
    if not numbers_a or not numbers_c:
        return None
    score = fuzz.token_sort_ratio(a, c) / 100 * (1.0 if numbers_a & numbers_c else 0.5)
    where = ", ".join(x for x in (pair.customer.address, pair.customer.city) if x)
    return score, f"address {pair.party.address!r} vs {where!r}: {score:.2f}"


def country(pair: Pair) -> Result:
    """Whether the countries agree, when both are known."""
    p, c = pair.party.country, pair.customer.country
    if not p or not c:
        return None
    return (1.0, f"same country ({p})") if p == c else (0.0, f"different countries ({p} vs {c})")


FEATURES: tuple[FeatureSpec, ...] = (
    FeatureSpec(name_similarity, 1.0),
    FeatureSpec(distinctive_words, 1.0, match_at=0.8),
    FeatureSpec(alias_hit, 0.97, Role.IDENTITY),
    FeatureSpec(abbreviation_equal, 0.96, Role.IDENTITY),
    FeatureSpec(compact_equal, 0.95, Role.IDENTITY),
    FeatureSpec(rare_word_typo, 0.8, Role.FLOOR),
    FeatureSpec(other_script, 0.8, Role.FLOOR),
    FeatureSpec(other_words, 0.0, Role.PENALTY, Conflict.MATCH),
    FeatureSpec(replaced_words, 0.1, Role.PENALTY, Conflict.MATCH),
    FeatureSpec(added_words, 0.15, Role.PENALTY, Conflict.MATCH),
    FeatureSpec(numbers, 0.1, Role.PENALTY, Conflict.MATCH),
    FeatureSpec(qualifier, 0.3, Role.PENALTY, Conflict.MATCH, match_at=1.0),
    FeatureSpec(foreign_subsidiary, 0.3, Role.PENALTY, Conflict.MATCH),
    FeatureSpec(legal_form, 0.05, Role.PENALTY, Conflict.MATCH, match_at=1.0),
    FeatureSpec(address_similarity, 0.03, Role.BONUS, match_at=0.5, review_at=0.9),
    FeatureSpec(country, 0.15, Role.PENALTY, Conflict.PLACE),
)


def explanations() -> dict[str, str]:
    """Feature name -> its explanation, as the review page shows it."""
    return {f.name: f.explanation for f in FEATURES}


PartyKeys = tuple[tuple[str, NameKey], ...]


def party_keys(party: Party) -> PartyKeys:
    """(printed name, key) for the party's name and each alias that has a key."""
    printed = (party.name, *party.aliases)
    names: Sequence[str] = tuple(dict.fromkeys([*printed, *(f for n in printed for f in former_names(n))]))
    return tuple((n, k) for n, k in zip(names, name_keys(names), strict=True) if k is not None)
