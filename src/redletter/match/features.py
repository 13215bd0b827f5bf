"""Match features: each compares a party with a customer and returns ``(score, detail)``.

The docstring of each feature is what it measures; ``detail`` says what it found, in words a
reviewer reads beside the decision. A feature returns ``None`` when it has nothing to compare.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from redletter.match.index import MasterIndex
from redletter.match.master import Customer
from redletter.nlp.normalize import NameKey, address_key, name_key
from redletter.schema import Party

_TOKEN_MATCH = 85.0
_RARE_ALIAS = 3  # customers sharing a one-word alias, at most


@dataclass(frozen=True)
class Pair:
    """A party and a customer, with their normalized keys."""

    party: Party
    party_keys: tuple[tuple[str, NameKey], ...]  # (printed name, key) for the name and aliases
    customer: Customer
    customer_key: NameKey | None
    index: MasterIndex


Result = tuple[float, str] | None


def _best(pair: Pair) -> tuple[str, NameKey, float]:
    ck = pair.customer_key
    if ck is None:
        return pair.party.name, pair.party_keys[0][1], 0.0
    scored = [(n, k, _similarity(k, ck)) for n, k in pair.party_keys]
    return max(scored, key=lambda s: s[2])


def _similarity(a: NameKey, b: NameKey) -> float:
    """Token-sort similarity, or the plain similarity with the spaces left out ("Good Will" =
    "Goodwill"), whichever is higher."""
    compact = fuzz.ratio(a.text.replace(" ", ""), b.text.replace(" ", ""))
    return max(fuzz.token_sort_ratio(a.text, b.text), compact) / 100


def name_similarity(pair: Pair) -> Result:
    """Similarity of the names' distinctive words (legal forms and spelling normalized), best
    of the party's name and aliases."""
    printed, _, score = _best(pair)
    return score, f"{printed!r} vs {pair.customer.name!r}: {score:.2f}"


def _shared(token: str, others: tuple[str, ...]) -> bool:
    return token in others or any(fuzz.ratio(token, o) >= _TOKEN_MATCH for o in others if len(o) > 3)


def distinctive_words(pair: Pair) -> Result:
    """Share of the names' rarity-weighted words found in both, so that a differing
    distinctive word ("Alpha Trading" / "Sigma Trading") outweighs shared common ones."""
    ck = pair.customer_key
    if ck is None:
        return None
    _, pk, _ = _best(pair)
    idf = pair.index.idf
    weights = {t: idf(t) for t in set(pk.core) | set(ck.core)}
    total = sum(weights.values()) or 1.0
    shared = [t for t in set(pk.core) if _shared(t, ck.core)]
    shared += [t for t in set(ck.core) if t not in pk.core and _shared(t, pk.core)]
    missing = sorted(t for t in weights if t not in shared)
    score = sum(weights[t] for t in set(shared)) / total
    detail = f"weighted word overlap {score:.2f}" + (f"; differing: {', '.join(missing)}" if missing else "")
    return score, detail


def legal_form(pair: Pair) -> Result:
    """Whether the legal forms agree (LLC = OOO = TOO), or one name has none."""
    ck = pair.customer_key
    _, pk, _ = _best(pair)
    if ck is None or not pk.legal or not ck.legal:
        return None
    if pk.legal & ck.legal:
        return 1.0, f"same legal form ({', '.join(sorted(pk.legal & ck.legal))})"
    return 0.0, f"different legal forms ({', '.join(sorted(pk.legal))} vs {', '.join(sorted(ck.legal))})"


def alias_hit(pair: Pair) -> Result:
    """Whether one of the party's aliases, normalized, is exactly the customer's name."""
    ck = pair.customer_key
    if ck is None:
        return None
    hits = [n for n, k in pair.party_keys[1:] if k.text == ck.text and _distinctive(k, pair.index)]
    return (1.0, f"alias {hits[0]!r} is the customer's name") if hits else None


def _distinctive(key: NameKey, index: MasterIndex) -> bool:
    """An alias of one common word ("VEGA") is too weak to identify a customer by itself."""
    return len(key.core) > 1 or len(index.postings.get(key.core[0], ())) <= _RARE_ALIAS


def address_similarity(pair: Pair) -> Result:
    """Similarity of the full addresses (street, number, city, postal code), when both have a
    street number; a city alone, or differing house numbers, is not the same address."""
    a = address_key(pair.party.address)
    c = address_key(" ".join(x for x in (pair.customer.address, pair.customer.city) if x))
    if not a or not c:
        return None
    numbers_a = {t for t in a.split() if any(ch.isdigit() for ch in t)}
    numbers_c = {t for t in c.split() if any(ch.isdigit() for ch in t)}
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


FEATURES: tuple[tuple[str, Callable[[Pair], Result]], ...] = (
    ("name_similarity", name_similarity),
    ("distinctive_words", distinctive_words),
    ("legal_form", legal_form),
    ("alias_hit", alias_hit),
    ("address_similarity", address_similarity),
    ("country", country),
)


def party_keys(party: Party) -> tuple[tuple[str, NameKey], ...]:
    """(printed name, key) for the party's name and each alias that has a key."""
    return tuple((n, k) for n in (party.name, *party.aliases) if (k := name_key(n)) is not None)
