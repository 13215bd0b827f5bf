"""Score a party against its candidate customers and decide: match, review or nothing.

The decision is a loop over the declared features (``features.FEATURES``): the base score is
the weighted mean of the ``mean`` features (name similarity, rarity-weighted word overlap); an
``identity`` feature that holds (an alias, the same name once abbreviations, numbers or spaces
are read) raises it near certainty; a ``floor`` feature (a typo in a word) raises it to review
level; ``penalty`` features lower it when they find a conflict (other legal form, country,
number or bracketed place) and ``bonus`` ones raise it a little (the same address).

``match`` needs a high score, no conflict, and each ``match_at`` feature at its level (the
distinctive words in common) unless an identity feature holds (Deutsche Bank AG is not Deutsche
Bank GmbH); ``review`` a fair score, or a feature at its ``review_at`` level, such as the same
street address and city under another name (15 CFR 744.16 lists high-diversion addresses),
unless a place conflict rules it out. Thresholds come from ``Settings``.

A candidate's penalty features are computed only when the others leave it a chance of review
(``_features_if_decided``): most candidates of a screening fall short before, and the
penalties, which can only lower the score, would not change that.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from redletter.match.features import FEATURES, Conflict, FeatureSpec, Pair, PartyKeys, Role, party_keys
from redletter.match.index import MasterIndex
from redletter.match.twocores import in_two
from redletter.schema import Candidate, Feature, Party, PartyMatches
from redletter.settings import Settings

Decision = Literal["match", "review"]
_PARALLEL_FROM = 100  # parties; fewer are matched in this process only
Found = dict[str, Feature]


def features(pair: Pair) -> Found:
    """Every feature that has something to say about the pair, in declaration order."""
    return _found(pair, FEATURES)


def _found(pair: Pair, specs: Sequence[FeatureSpec]) -> Found:
    out = {}
    for spec in specs:
        result = spec.fn(pair)
        if result is not None:
            out[spec.name] = Feature(name=spec.name, score=round(result[0], 3), detail=result[1])
    return out


_LOWERING = tuple(s for s in FEATURES if s.role is Role.PENALTY and s.weight >= 0 and s.review_at is None)
_RAISING = tuple(s for s in FEATURES if s not in _LOWERING)


def _hopeless(found: Found, settings: Settings) -> bool:
    """Whether a pair whose features other than the penalties are ``found`` is decided
    nothing whatever the penalties say: they only lower the score, and none forces a review,
    so a score under the review threshold (the match threshold is never below it) stays so."""
    spoken = _spoken(found)
    return combine(found, spoken) < settings.review_threshold and not _forced(spoken)


def _features_if_decided(pair: Pair, settings: Settings) -> Found | None:
    """``features(pair)``, or ``None`` for a pair that is decided nothing before its penalty
    features are looked at (most of a party's candidates): those are then not computed."""
    found = _found(pair, _RAISING)
    if _hopeless(found, settings):
        return None
    found.update(_found(pair, _LOWERING))
    return {s.name: found[s.name] for s in FEATURES if s.name in found}


Spoken = list[tuple[FeatureSpec, float]]


def _spoken(found: Found) -> Spoken:
    return [(spec, found[spec.name].score) for spec in FEATURES if spec.name in found]


def combine(found: Found, spoken: Spoken | None = None) -> float:
    """The pair's score from its features, each according to its declared role."""
    spoken = _spoken(found) if spoken is None else spoken
    means = [(s.weight, v) for s, v in spoken if s.role is Role.MEAN]
    score = sum(w * v for w, v in means) / (sum(w for w, _ in means) or 1.0)
    for spec, value in spoken:
        if (spec.role is Role.IDENTITY and value == 1.0) or spec.role is Role.FLOOR:
            score = max(score, spec.weight * value)
    for spec, value in spoken:
        if spec.role is Role.BONUS and value >= 0.9:
            score += spec.weight
        elif spec.role is Role.PENALTY and value == 0.0:
            score -= spec.weight
    return round(min(1.0, max(0.0, score)), 3)


def _may_match(found: Found, spoken: Spoken) -> bool:
    if any(s.role is Role.IDENTITY and v == 1.0 for s, v in spoken):
        return True
    return all(v >= s.match_at for s, v in spoken if s.match_at is not None)


def decide(found: Found, settings: Settings) -> tuple[float, Decision | None]:
    """The pair's score and decision ("match", "review" or ``None``)."""
    spoken = _spoken(found)
    score = combine(found, spoken)
    conflicts = {s.conflict for s, v in spoken if v == 0.0 and s.conflict is not Conflict.NONE}
    if score >= settings.match_threshold and not conflicts and _may_match(found, spoken):
        return score, "match"
    if score >= settings.review_threshold:
        return score, "review"
    if _forced(spoken) and Conflict.PLACE not in conflicts:
        return max(score, settings.review_threshold), "review"
    return score, None


def _forced(spoken: Spoken) -> bool:
    """Whether a feature is at the level that forces a review."""
    return any(s.review_at is not None and v >= s.review_at for s, v in spoken)


def match_party(party: Party, index: MasterIndex, settings: Settings, *,
                keys: PartyKeys | None = None) -> list[Candidate]:
    """The customers that may be this party, best first (ties by customer id, then row);
    ``keys``: the party's keys (``party_keys``), if made already."""
    keys = party_keys(party) if keys is None else keys
    if not keys:
        return []
    found: list[tuple[Candidate, int]] = []
    names = (party.name, *party.aliases)
    for i in sorted(index.candidates([k for _, k in keys], party.address, names=names)):
        customer = index.customer(i)
        f = _features_if_decided(Pair(party, keys, customer, index.key(i), index), settings)
        if f is None:
            continue
        score, decision = decide(f, settings)
        if decision is not None:
            found.append((Candidate(customer_id=customer.customer_id, name=customer.name, score=score,
                                    decision=decision, features=tuple(f.values())), i))
    return [c for c, _ in sorted(found, key=lambda c: (-c[0].score, c[0].customer_id, c[1]))]


def match_parties(parties: Sequence[Party], index: MasterIndex, settings: Settings
                  ) -> list[PartyMatches]:
    """Candidates for every party of a letter; of a long list (a master's re-screening), the
    second half in a forked copy of this process (``twocores``: the index is shared, not sent)."""
    def work(start: int, stop: int) -> list[list[Candidate]]:
        part = parties[start:stop]
        keys = [party_keys(p) for p in part]
        index.look_up_typos(k for party in keys for _, k in party)  # at once: faster
        return [match_party(p, index, settings, keys=k) for p, k in zip(part, keys, strict=True)]

    if len(parties) >= _PARALLEL_FROM:
        first, second = in_two(work, len(parties))
    else:
        first, second = work(0, len(parties)), []
    return [PartyMatches(party_index=i, party=p, candidates=tuple(c))
            for i, (p, c) in enumerate(zip(parties, first + second, strict=True))]
