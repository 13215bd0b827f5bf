"""The auto-update policy, as data (``data/screening_policy.json``), validated once.

It answers three questions for a (party, customer) pair: what automatic outcome follows what
the matcher said, given the pair's latest decision; what happens to the pair when the matcher
no longer proposes it; and what the kind of the party's letter makes of the entry (its
restriction, legal basis and the thresholds its parties are screened with).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from redletter.schema import Candidate, NoticeType, Restriction
from redletter.settings import Settings

Outcome = Literal["active", "pending_review", "rejected", "withdrawn", "removed"]


class KindRule(BaseModel):
    """What a kind of letter makes of a listed customer, and its thresholds."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    restriction: Restriction
    legal_basis: str
    match_threshold: float | None = None
    review_threshold: float | None = None


class Policy(BaseModel):
    """The rules of ``data/screening_policy.json``."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    outcome_of: dict[Literal["match", "review"], Outcome]
    may_follow: dict[str, list[Outcome] | Literal["if_party_changed"]]
    withdraw_when_gone: list[Outcome]
    keep_when_gone: list[Outcome]
    kinds: dict[NoticeType, KindRule]

    @model_validator(mode="after")
    def _every_kind(self) -> Policy:
        """Every kind of letter, ``unknown`` included, has its rule."""
        missing = sorted(k.value for k in NoticeType if k not in self.kinds)
        if missing:
            raise ValueError(f"screening_policy.json: no rule for the kinds {', '.join(missing)}")
        return self


@cache
def policy() -> Policy:
    """The policy shipped with the package."""
    raw = resources.files("redletter.data").joinpath("screening_policy.json").read_text("utf-8")
    return Policy.model_validate_json(raw)


def auto_outcome(cand: Candidate, last_outcome: str | None, party_changed: bool) -> str | None:
    """The automatic decision for a candidate, or ``None`` to leave the pair as it is."""
    wanted = policy().outcome_of[cand.decision]
    allowed = policy().may_follow.get(last_outcome or "none", [])
    if allowed == "if_party_changed":
        return wanted if party_changed else None
    return wanted if wanted in allowed else None


def withdraws(outcome: str) -> bool:
    """Whether a pair with this latest outcome is withdrawn when its customer is gone."""
    return outcome in policy().withdraw_when_gone


def keeps(outcome: str) -> bool:
    """Whether a pair with this latest outcome keeps its candidate row when it is gone."""
    return outcome in policy().keep_when_gone


def auto_reason(prov: dict[str, object], cand: Candidate) -> str:
    """The reason written with an automatic decision: letter, page, row, party, features."""
    feats = "; ".join(f"{f.name} {f.score:.2f} ({f.detail})" for f in cand.features)
    ref = f" ({prov['letter_reference']})" if prov["letter_reference"] else ""
    return (f"matcher said {cand.decision} with score {cand.score:.3f}: letter {prov['letter']}{ref},"
            f" page {prov['page']} row {prov['row']}, party {prov['party']!r}; features: {feats}")


def kind_rule(kind: str) -> KindRule:
    """The rule of a kind of letter (an unknown kind: the rule of ``unknown``)."""
    rules = policy().kinds
    return rules.get(NoticeType(kind) if kind in NoticeType.__members__ else NoticeType.unknown,
                     rules[NoticeType.unknown])


def settings_for(kind: str, settings: Settings) -> Settings:
    """The settings with the kind's thresholds in place of the general ones."""
    rule = kind_rule(kind)
    match = rule.match_threshold if rule.match_threshold is not None else settings.match_threshold
    review = rule.review_threshold if rule.review_threshold is not None else settings.review_threshold
    return settings.model_copy(update={"match_threshold": match,
                                       "review_threshold": min(review, match)})
