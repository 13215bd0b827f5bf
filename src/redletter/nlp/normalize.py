"""Comparison keys for names and addresses. The display form (as printed) is kept elsewhere;
these keys are only for comparing.

``name_key`` folds Unicode (NFKC), transliterates Cyrillic, Chinese, Turkish and other scripts
to Latin (anyascii), case-folds, drops punctuation and parenthetical tags ("(HK)"), and turns
legal forms into canonical tokens ("OOO", "Limited Liability Company", "L.L.C." -> "llc";
``data/legal_forms.json``) and abbreviations into one spelling ("Intl", "International" ->
"intl"; ``data/abbreviations.json``). Legal forms are kept apart from the distinctive words.
Normalizers return ``None`` instead of raising, and are idempotent.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from anyascii import anyascii

from redletter.nlp.countries import trailing_country

_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True, slots=True)
class NameKey:
    """A name's distinctive words and its legal forms, both normalized."""

    core: tuple[str, ...]
    legal: frozenset[str]

    @property
    def text(self) -> str:
        return " ".join(self.core)


def _data(name: str) -> dict[str, object]:
    raw = resources.files("redletter.data").joinpath(name).read_text("utf-8")
    return {k: v for k, v in json.loads(raw).items() if not k.startswith("_")}


def fold(text: str) -> str:
    """NFKC, transliterated to ASCII, case-folded, '&' as 'and', punctuation as spaces."""
    text = unicodedata.normalize("NFKC", text).replace("&", " and ")
    ascii_text = anyascii(text).casefold().replace("'", "").replace(".", " ")
    return " ".join(_NON_ALNUM.sub(" ", ascii_text).split())


@cache
def _legal_phrases() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Legal-form phrases by their first token, longest first."""
    table: dict[str, list[str]] = {k: list(v) for k, v in _data("legal_forms.json").items()
                                   if isinstance(v, list)}
    pairs = {(tuple(fold(v).split()), canon) for canon, variants in table.items()
             for v in [canon, *variants] if fold(v)}
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, canon in sorted(pairs, key=lambda p: -len(p[0])):
        by_first.setdefault(phrase[0], []).append((phrase, canon))
    return {k: tuple(v) for k, v in by_first.items()}


@cache
def _abbreviations() -> dict[str, str]:
    return {fold(k): str(v) for k, v in _data("abbreviations.json").items()}


def _deletions(token: str) -> set[str]:
    return {token[:i] + token[i + 1:] for i in range(len(token))}


@cache
def _known_spellings() -> dict[str, str]:
    """Long legal-form and abbreviated words ("limited", "otvetstvennostyu", "management") and
    their one-letter misspellings: a single deletion, insertion, substitution or swap meets
    the right spelling in its deletion neighbourhood."""
    words = {w for phrase in _legal_phrases().values() for p, _ in phrase for w in p if len(w) >= 6}
    words |= {w for w in _abbreviations() if len(w) >= 6}
    table: dict[str, str] = {}
    for w in sorted(words):
        for variant in sorted({w, *_deletions(w)}):
            table.setdefault(variant, w)
    return table


@lru_cache(maxsize=1 << 16)
def _spell_known(token: str) -> str:
    """A legal-form or abbreviated word with a typo, spelled right; other tokens unchanged."""
    if len(token) < 6 or token in _legal_phrases() or token in _abbreviations():
        return token
    table = _known_spellings()
    if token in table:
        return table[token]
    return next((table[d] for d in sorted(_deletions(token)) if d in table), token)


def _take_legal(tokens: list[str]) -> tuple[list[str], set[str]]:
    core: list[str] = []
    legal: set[str] = set()
    i = 0
    phrases = _legal_phrases()
    tokens = [_spell_known(t) for t in tokens]
    while i < len(tokens):
        for phrase, canon in phrases.get(tokens[i], ()):
            if tuple(tokens[i:i + len(phrase)]) == phrase and len(tokens) > len(phrase):
                legal.add(canon)
                i += len(phrase)
                break
        else:
            core.append(tokens[i])
            i += 1
    return core, legal


def _join_initials(tokens: list[str]) -> list[str]:
    """Runs of single letters are one acronym: "A.B.C. Company" -> "abc company"."""
    out: list[str] = []
    run: list[str] = []
    for t in [*tokens, ""]:
        if len(t) == 1 and t.isalpha():
            run.append(t)
            continue
        if run:
            out += ["".join(run)] if len(run) > 1 else run
            run = []
        if t:
            out.append(t)
    return out


def name_key(name: str | None) -> NameKey | None:
    """The comparison key of a company name, or ``None`` for a name with no letters.

    Keys are idempotent: the key of a key's text is the same key (the rules are applied again
    until nothing changes, which takes at most a second pass on odd inputs)."""
    key = _key_once(name)
    for _ in range(3):
        if key is None or not key.text:
            return key
        again = _key_once(key.text)
        if again is None or again.core == key.core:
            return key
        key = NameKey(again.core, key.legal | again.legal)
    return key


def _key_once(name: str | None) -> NameKey | None:
    if not name:
        return None
    try:
        tokens = fold(_PARENS.sub(" ", name)).split() or fold(name).split()
    except Exception:  # anyascii/unicodedata on odd input: no key rather than a crash
        return None
    if not tokens:
        return None
    tokens = _join_initials(tokens)
    core, legal = _take_legal(tokens)
    abbreviations = _abbreviations()
    core = [abbreviations.get(t, t) for t in _join_initials(core)] or tokens
    return NameKey(tuple(core), frozenset(legal))


def address_key(address: str | None) -> str | None:
    """A folded address for comparison (street, city and postal code words)."""
    if not address:
        return None
    try:
        return fold(address) or None
    except Exception:
        return None


@dataclass(frozen=True, slots=True)
class Address:
    """An address split into its parts where they can be told apart; ``None`` where not."""

    street: str | None
    city: str | None
    postal_code: str | None
    country: str | None  # ISO 3166-1 alpha-2


_POSTAL = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|\d{4,6}(?:-\d{3,4})?|[A-Z]{2}-?\d{4,5})\b")


def split_address(text: str | None, country: str | None = None) -> Address | None:
    """Street, city, postal code and country of a printed address ("5 Main St, Dubai, UAE";
    "Ul. Lenina 5, Moscow 119019, Russian Federation"). Never raises."""
    if not text or not text.strip():
        return None
    try:
        rest = text.strip(" ,;.")
        if split := trailing_country(rest):
            rest, country = split[0], split[1]
        parts = [p.strip() for p in rest.split(",") if p.strip()]
        postal = None
        if parts and (m := _POSTAL.search(parts[-1])):
            postal = m.group(0)
            parts[-1] = (parts[-1][: m.start()] + parts[-1][m.end():]).strip(" ,-")
            if not parts[-1]:
                parts.pop()
        alone = len(parts) == 1 and not any(c.isdigit() for c in parts[0])
        city = parts[-1] if len(parts) > 1 or alone else None
        street = ", ".join(parts[:-1] if city else parts) or None
        return Address(street, city, postal, country)
    except Exception:
        return None
