"""A letter's place in the history of the list: a new letter is linked to the earlier letters
it refers to (the same reference, or one it says it amends, supersedes or removes parties
from), the parties it takes off are removed, and each link shows what changed (parties
added, removed or changed). A removal, by a letter or by a reviewer, records a ``removed``
decision for each pair of the party on the list: never a silent delete.

What a link does to the list:

* ``supersedes``: the earlier letter's parties that the later one no longer names are removed
  (by a reviewer when the later letter needs review: a party it failed to read stays listed);
* ``removes``: the earlier letter's parties that the later one names are removed, and the
  later letter's own parties are never screened onto the list;
* ``amends`` and ``same_reference``: nothing is removed (an amendment or a second copy names
  parties to add or change); the parties not named again are shown, for a reviewer to remove.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from redletter.nlp.normalize import name_key
from redletter.schema import Letter, Party
from redletter.screening.restrictions import restricted
from redletter.store.decisions import LISTED, latest_decisions, provenance, record_decision
from redletter.store.history import (
    Link,
    letters_with_reference,
    links_of,
    record_link,
    record_removal,
    removed_parties,
)
from redletter.store.letters import StoredParty, letter_label, stored_parties

COMPARED = ("aliases", "address", "country", "hs_codes")


def _keys(party: Party) -> set[str]:
    """A party's name and aliases as comparison keys."""
    keys = (name_key(n) for n in (party.name, *party.aliases))
    return {k.text for k in keys if k is not None and k.text}


def _same(later: Party, earlier: Sequence[StoredParty]) -> StoredParty | None:
    """The earlier party that is this one: the same name key first, then a shared alias."""
    first = name_key(later.name)
    for s in earlier:
        if first is not None and (k := name_key(s.party.name)) is not None and k.text == first.text:
            return s
    keys = _keys(later)
    return next((s for s in earlier if keys & _keys(s.party)), None)


@dataclass
class PartyChange:
    """One party of a link's diff: its earlier and later rows, and the fields that changed."""

    name: str
    earlier_id: int | None = None
    later_id: int | None = None
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)


@dataclass
class LetterDiff:
    """What a later letter changes against an earlier one."""

    link: Link
    added: list[PartyChange] = field(default_factory=list)
    removed: list[PartyChange] = field(default_factory=list)
    changed: list[PartyChange] = field(default_factory=list)
    not_repeated: list[PartyChange] = field(default_factory=list)


def _changes(a: Party, b: Party) -> dict[str, tuple[Any, Any]]:
    """The compared fields that differ, before and after."""
    return {f: (getattr(a, f), getattr(b, f)) for f in COMPARED if getattr(a, f) != getattr(b, f)}


def diff(conn: Connection, link: Link) -> LetterDiff:
    """The parties a later letter adds, removes or changes against the earlier one."""
    earlier = stored_parties(conn, letter_id=link.earlier_id)
    later = stored_parties(conn, letter_id=link.letter_id)
    out, seen = LetterDiff(link), set()
    for s in later:
        match = _same(s.party, earlier)
        if match is None:
            if link.relation != "removes":
                out.added.append(PartyChange(s.party.name, later_id=s.id))
            continue
        seen.add(match.id)
        if link.relation == "removes":
            out.removed.append(PartyChange(match.party.name, match.id, s.id))
        elif changes := _changes(match.party, s.party):
            out.changed.append(PartyChange(s.party.name, match.id, s.id, changes))
    if link.relation != "removes":
        rest = [PartyChange(e.party.name, earlier_id=e.id) for e in earlier if e.id not in seen]
        (out.removed if link.relation == "supersedes" else out.not_repeated).extend(rest)
    return out


def remove_party(conn: Connection, party_id: int, *, by_letter_id: int | None, decided_by: str,
                 reason: str) -> int:
    """Take a party off the list (audited), and each of its pairs on the list with a
    ``removed`` decision; returns how many pairs left the list (0 when it was removed before)."""
    if not record_removal(conn, party_id=party_id, by_letter_id=by_letter_id,
                          decided_by=decided_by, reason=reason):
        return 0
    prov = provenance(conn, party_id)
    made = 0
    for customer_id, last in sorted(latest_decisions(conn, party_id).items()):
        if last.outcome in LISTED:
            record_decision(conn, party_id=party_id, customer_id=customer_id,
                            customer_name=last.customer_name, outcome="removed",
                            decided_by=decided_by, reason=reason, score=last.score,
                            detail={**prov, "by_letter_id": by_letter_id},
                            restricted=restricted(prov["notice_type"], last))
            made += 1
    return made


def _targets(conn: Connection, letter_id: int, letter: Letter) -> list[tuple[int, str, str]]:
    """The earlier letters this one refers to: (letter id, relation, reference)."""
    out: list[tuple[int, str, str]] = []
    for rel in letter.relations:
        out += [(e, rel.relation, rel.reference)
                for e in letters_with_reference(conn, rel.reference, letter_id)]
    named = {e for e, _, _ in out}
    if letter.reference:
        out += [(e, "same_reference", letter.reference)
                for e in letters_with_reference(conn, letter.reference, letter_id) if e not in named]
    return out


_SAYS = {"amends": "amends", "supersedes": "supersedes", "removes": "removes parties from"}


def history_reasons(conn: Connection, letter: Letter) -> tuple[str, ...]:
    """Review reasons from what the letter says about earlier ones: an earlier letter that is
    not recorded; a letter that needs review anyway and supersedes one (its parties not named
    again are then removed by a reviewer, not automatically: a party the extraction missed
    must not come off the list)."""
    out = [f"it says it {_SAYS[r.relation]} letter {r.reference}, which is not recorded: "
           "check the list by hand" for r in letter.relations
           if not letters_with_reference(conn, r.reference, 2**31 - 1)]
    if letter.review_reasons and any(r.relation == "supersedes" for r in letter.relations):
        out.append("it supersedes an earlier letter: remove the parties it no longer names by "
                   "hand, once its parties are checked")
    return tuple(out)


def link_letter(conn: Connection, letter_id: int, letter: Letter) -> tuple[list[LetterDiff], int]:
    """Link a newly recorded letter to the earlier ones it refers to and apply what the links
    do to the list; returns the diffs and how many pairs left the list."""
    diffs, left = [], 0
    for earlier_id, relation, reference in _targets(conn, letter_id, letter):
        if record_link(conn, letter_id=letter_id, earlier_id=earlier_id, relation=relation,
                       reference=reference) is None:
            continue
        link = next(k for k in links_of(conn, letter_id) if k.earlier_id == earlier_id)
        d = diff(conn, link)
        why = (f"{'no longer named in' if relation == 'supersedes' else 'removed by'} letter "
               f"{letter.reference or letter.source.path} ({relation} {reference})")
        if relation == "removes" or not letter.review_reasons:
            left += sum(remove_party(conn, c.earlier_id, by_letter_id=letter_id,
                                     decided_by="auto", reason=why)
                        for c in d.removed if c.earlier_id is not None)
        diffs.append(d)
    if any(r.relation == "removes" for r in letter.relations):
        for s in stored_parties(conn, letter_id=letter_id):
            record_removal(conn, party_id=s.id, by_letter_id=letter_id, decided_by="auto",
                           reason="named in a letter that removes it from the list: not screened")
    return diffs, left


def is_removed(conn: Connection, party_id: int) -> bool:
    """Whether a party was taken off the list."""
    return bool(removed_parties(conn, [party_id]))


@dataclass
class HistoryView:
    """A link of a letter as its page shows it: the other letter and what changed."""

    later: bool  # this letter is the later one
    other_id: int
    other_label: str
    change: LetterDiff


def letter_history(conn: Connection, letter_id: int) -> list[HistoryView]:
    """The letter's links, to earlier letters and from later ones, each with its diff."""
    out = []
    for link in links_of(conn, letter_id):
        later = link.letter_id == letter_id
        other = link.earlier_id if later else link.letter_id
        out.append(HistoryView(later, other, letter_label(conn, other), diff(conn, link)))
    return out
