"""The kind of a BIS letter, from what the letter says it is and what it asks the recipient to do.

Each kind has weighted cues (``data/notice_phrases.json``, compiled once): statements such as "a
licence is required", "voluntarily stop shipping", "a customer of yours re-exported your items",
"notify the field office of any enquiry". A cue counts once per letter, more in the subject
line, and against its kind when the sentence denies it ("does not itself impose a licence
requirement"). A cue that is only part of a company's name ("RED FLAG TRADING LLC") does not
count: the project's NER model says so where it is at hand. The kind with the highest score wins
only with enough evidence and a clear lead, and when the letter does not name itself as two
kinds at once; otherwise the letter's kind is ``unknown``, for a reviewer to decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict

from redletter.schema import LetterRelation, NoticeType

Relation = Literal["removes", "supersedes", "amends"]


class Cue(BaseModel):
    """One statement that speaks for a kind of letter."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: NoticeType
    weight: float
    statement: str
    all: tuple[str, ...]
    name_like: bool = False
    names_the_kind: bool = False


class NoticeRules(BaseModel):
    """The contents of ``data/notice_phrases.json``."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    subject_factor: float
    min_score: float
    min_margin: float
    min_ratio: float
    negation_window: int
    negations: tuple[str, ...]
    cues: tuple[Cue, ...]
    relations: dict[Relation, tuple[str, ...]]
    reference: str


@dataclass(frozen=True)
class Compiled:
    """The rules with their patterns compiled."""

    rules: NoticeRules
    patterns: tuple[tuple[re.Pattern[str], ...], ...]
    negation: re.Pattern[str]
    relations: tuple[tuple[Relation, re.Pattern[str]], ...]
    reference: re.Pattern[str]


@cache
def compiled() -> Compiled:
    """The notice rules shipped with the package, compiled once."""
    raw = resources.files("redletter.data").joinpath("notice_phrases.json").read_text("utf-8")
    rules = NoticeRules.model_validate_json(raw)
    words = "|".join(re.escape(w) for w in sorted(rules.negations, key=len, reverse=True))
    return Compiled(rules, tuple(tuple(re.compile(p, re.I) for p in c.all) for c in rules.cues),
                    re.compile(rf"(?:\b|(?<=\w))(?:{words})\b", re.I),
                    tuple((kind, re.compile("|".join(ps), re.I)) for kind, ps in rules.relations.items()),
                    re.compile(rules.reference))


@dataclass(frozen=True)
class Hit:
    """A cue found in the letter: where, and how much it counts (negative when denied)."""

    cue: Cue
    quote: str
    in_subject: bool
    negated: bool

    @property
    def points(self) -> float:
        factor = compiled().rules.subject_factor if self.in_subject else 1.0
        return (-1.0 if self.negated else 1.0) * self.cue.weight * factor

    def __str__(self) -> str:
        where = " in the subject" if self.in_subject else ""
        said = f"denied: {self.cue.statement}" if self.negated else self.cue.statement
        return f"{self.cue.kind.value} {self.points:+.1f}: \"{self.quote}\"{where} ({said})"


@dataclass(frozen=True)
class NoticeDecision:
    """The kind decided, the score of each kind and the cues behind them."""

    kind: NoticeType
    scores: dict[NoticeType, float]
    hits: tuple[Hit, ...]

    @property
    def evidence(self) -> tuple[str, ...]:
        """One line per cue that counted, the strongest first; for an undecided letter, a first
        line that says why."""
        lines = tuple(str(h) for h in sorted(self.hits, key=lambda h: -abs(h.points)))
        return lines if self.kind is not NoticeType.unknown else (self.undecided(), *lines)

    def undecided(self) -> str:
        """Why no kind was decided: the two best scores against the thresholds."""
        rules = compiled().rules
        named = sorted({h.cue.kind.value for h in self.hits if h.cue.names_the_kind and not h.negated})
        if len(named) > 1:
            return f"undecided: the letter names itself as {' and '.join(named)}"
        ranked = sorted(self.scores.items(), key=lambda kv: -kv[1])[:2]
        shown = " vs ".join(f"{k.value} {v:.1f}" for k, v in ranked) or "no cue found"
        return (f"undecided: {shown} (a kind needs {rules.min_score:.1f} and a lead of "
                f"{rules.min_margin:.1f} points and {rules.min_ratio:.2f} times)")


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(A-Z])|(?<=:)\n|\n(?=[A-Z][a-z]+:)")
_CLAUSE = re.compile(r"[,;:()]")


def sentences(text: str) -> list[str]:
    """The text cut into sentences (a line ending in a colon ends one too), each on one line."""
    return [" ".join(s.split()) for s in _SENTENCE_END.split(text) if s.strip()]


def _negated(sentence: str, start: int) -> bool:
    """Whether a negation stands shortly before ``start`` in the same clause."""
    rules = compiled()
    clause = _CLAUSE.split(sentence[:start])[-1]
    window = " ".join(clause.split()[-rules.rules.negation_window:])
    return rules.negation.search(window) is not None


def _find(index: int, sentence: str) -> list[re.Match[str]]:
    """The match of each pattern of cue ``index``, or none unless all are in the sentence."""
    found = [p.search(sentence) for p in compiled().patterns[index]]
    return [m for m in found if m is not None] if all(found) else []


def _quote(sentence: str, found: list[re.Match[str]], width: int = 160) -> str:
    """The words from the first match to the last (at most ``width`` characters), for the
    reviewer."""
    start = max(0, min(m.start() for m in found) - 20)
    end = min(len(sentence), max(m.end() for m in found) + 20, start + width)
    return ("…" if start else "") + sentence[start:end].strip() + ("…" if end < len(sentence) else "")


def _may_be_a_name(sentence: str, m: re.Match[str]) -> bool:
    """A cheap look before the model is loaded: a cue printed in capitals, or followed within a
    few words by a legal form ("Red Flag Trading LLC"), may be part of a name."""
    from redletter.nlp.party_text import ends_with_legal_form

    if m.group().isupper():
        return True
    words: list[str] = []
    for word in sentence[m.end():].split()[:5]:
        if not word[:1].isupper():
            return False  # a name's words are capitalised up to its legal form
        words.append(word)
        if ends_with_legal_form(" ".join(words)):
            return True
    return False


def _in_a_name(sentence: str, m: re.Match[str]) -> bool:
    """Whether the NER model reads the match as part of an organisation's name (a span of at
    most eight words that holds more than the match). spaCy is loaded only for a cue that may
    be one (``_may_be_a_name``)."""
    from redletter.nlp.ner import load

    if not _may_be_a_name(sentence, m):
        return False
    nlp = load()
    if nlp is None:
        return False
    lo = max(0, m.start() - 120)
    doc = nlp(sentence[lo:m.end() + 120])
    start, end = m.start() - lo, m.end() - lo
    return any(e.label_ == "ORG" and len(e) <= 8 and e.start_char <= start and end <= e.end_char
               and (e.end_char - e.start_char) > (end - start) + 2 for e in doc.ents)


def _hits_in(text: str, in_subject: bool) -> dict[int, Hit]:
    """The best hit of each cue in a text."""
    out: dict[int, Hit] = {}
    for sentence in sentences(text):
        for i, cue in enumerate(compiled().rules.cues):
            found = _find(i, sentence)
            if not found or (cue.name_like and not in_subject and _in_a_name(sentence, found[0])):
                continue
            hit = Hit(cue, _quote(sentence, found), in_subject, _negated(sentence, found[0].start()))
            if i not in out or (out[i].negated and not hit.negated):
                out[i] = hit
    return out


def classify(text: str, subject: str = "") -> NoticeDecision:
    """The kind of a letter from its whole text and its subject line."""
    hits = _hits_in(text, False)
    for i, hit in _hits_in(subject, True).items():
        if not hit.negated or i not in hits or hits[i].negated:
            hits[i] = hit
    scores: dict[NoticeType, float] = {}
    for hit in hits.values():
        scores[hit.cue.kind] = scores.get(hit.cue.kind, 0.0) + hit.points
    named = {h.cue.kind for h in hits.values() if h.cue.names_the_kind and not h.negated}
    kind = NoticeType.unknown if len(named) > 1 else _decide(scores)
    return NoticeDecision(kind, scores, tuple(hits.values()))


def _decide(scores: dict[NoticeType, float]) -> NoticeType:
    """The best kind, if it has enough evidence and a clear lead."""
    rules = compiled().rules
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < rules.min_score:
        return NoticeType.unknown
    best, runner_up = ranked[0][1], max(ranked[1][1] if len(ranked) > 1 else 0.0, 0.0)
    clear = best - runner_up >= rules.min_margin and best >= rules.min_ratio * runner_up
    return ranked[0][0] if clear else NoticeType.unknown


def relations(text: str, own_reference: str | None) -> tuple[LetterRelation, ...]:
    """What the letter says it does to earlier letters: each sentence with a relation's verb
    followed by another letter's reference ("This letter supersedes our letter OEE-2026-0417",
    "the parties below are removed from the list attached to OEE/SL/2026-0070")."""
    rules = compiled()
    found: dict[str, LetterRelation] = {}
    for sentence in sentences(text):
        for kind, verb in rules.relations:
            if (m := verb.search(sentence)) is None:
                continue
            refs = [r.group() for r in rules.reference.finditer(sentence, m.end())
                    if r.group() != own_reference]
            for ref in refs:
                found.setdefault(ref, LetterRelation(relation=kind, reference=ref))
            if refs:
                break
    return tuple(found.values())
