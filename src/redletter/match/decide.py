"""Score a party against its candidate customers and decide: match, review or nothing.

The score is the mean of name similarity and rarity-weighted word overlap, raised to near
certainty by an exact alias hit, lowered by a different legal form or country, raised a little
by the same address. ``match`` needs a high score, the distinctive words in common and no
country or legal-form conflict (Deutsche Bank AG is not Deutsche Bank GmbH); ``review`` a fair
score, or the same street address and city under another name (15 CFR 744.16 lists
high-diversion addresses). Thresholds come from ``Settings``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from redletter.match.features import FEATURES, Pair, party_keys
from redletter.match.index import MasterIndex
from redletter.schema import Candidate, Feature, Party, PartyMatches
from redletter.settings import Settings

_ALIAS_SCORE = 0.97
_SAME_ADDRESS = 0.9


def features(pair: Pair) -> dict[str, Feature]:
    """Every feature that has something to say about the pair."""
    out = {}
    for name, fn in FEATURES:
        result = fn(pair)
        if result is not None:
            out[name] = Feature(name=name, score=round(result[0], 3), detail=result[1])
    return out


def _score(f: dict[str, Feature]) -> float:
    name = f["name_similarity"].score
    words = f["distinctive_words"].score if "distinctive_words" in f else name
    score = (name + words) / 2
    if "alias_hit" in f:
        score = max(score, _ALIAS_SCORE)
    if "legal_form" in f and f["legal_form"].score == 0.0:
        score -= 0.05
    if "address_similarity" in f and f["address_similarity"].score >= _SAME_ADDRESS:
        score += 0.03
    if "country" in f and f["country"].score == 0.0:
        score -= 0.15
    return round(min(1.0, max(0.0, score)), 3)


Decision = Literal["match", "review"]


def decide(f: dict[str, Feature], settings: Settings) -> tuple[float, Decision | None]:
    """The pair's score and decision ("match", "review" or ``None``)."""
    score = _score(f)
    elsewhere = "country" in f and f["country"].score == 0.0
    conflict = elsewhere or ("legal_form" in f and f["legal_form"].score == 0.0)
    words = f["distinctive_words"].score if "distinctive_words" in f else 0.0
    if score >= settings.match_threshold and not conflict and (words >= 0.8 or "alias_hit" in f):
        return score, "match"
    if score >= settings.review_threshold:
        return score, "review"
    same_place = "address_similarity" in f and f["address_similarity"].score >= _SAME_ADDRESS
    if same_place and not elsewhere:
        return max(score, settings.review_threshold), "review"
    return score, None


def match_party(party: Party, index: MasterIndex, settings: Settings) -> list[Candidate]:
    """The customers that may be this party, best first."""
    out: list[Candidate] = []
    keys = party_keys(party)
    if not keys:
        return out
    for i in index.candidates([k for _, k in keys], party.address):
        customer = index.customer(i)
        f = features(Pair(party, keys, customer, index.key(i), index))
        score, decision = decide(f, settings)
        if decision is not None:
            out.append(Candidate(customer_id=customer.customer_id, name=customer.name, score=score,
                                 decision=decision, features=tuple(f.values())))
    return sorted(out, key=lambda c: (-c.score, c.customer_id))


def match_parties(parties: Sequence[Party], index: MasterIndex, settings: Settings
                  ) -> list[PartyMatches]:
    """Candidates for every party of a letter."""
    return [PartyMatches(party_index=i, party=p, candidates=tuple(match_party(p, index, settings)))
            for i, p in enumerate(parties)]
