"""Aliases given in a footnote: a table prints a mark after a name ("ALFA LOGISTICS FZCO¹")
and, under the table or at the page's foot, "¹ Also known as ALFA FREIGHT FZCO." The mark was
kept in the party's ``extra`` (records.FOOTNOTE); here the footnote's aliases join the party
and the mark is dropped from ``extra``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from redletter.extract.records import FOOTNOTE, SUPERSCRIPT
from redletter.nlp.party_text import ALIAS_MARKER, split_alias_list, strip_period
from redletter.schema import Party

_NOTE = re.compile(rf"^\s*\(?(?P<mark>\d{{1,2}}|[*†‡¹²³⁴⁵⁶⁷⁸⁹]+)\)?[.:]?\s*"
                   rf"(?:{ALIAS_MARKER}|formerly(?:\s+known\s+as)?)\s*[:,]?\s*(?P<aliases>.+)$", re.I)


def footnote_aliases(lines: Sequence[str]) -> dict[str, list[str]]:
    """Footnotes that name aliases, by mark: "1 Also known as X; Y." gives {"1": [X, Y]}."""
    out: dict[str, list[str]] = {}
    for text in lines:
        if m := _NOTE.match(text):
            mark = m.group("mark").translate(SUPERSCRIPT)
            out.setdefault(mark, []).extend(
                strip_period(a.strip(), sentence=True) for a in split_alias_list(m.group("aliases")))
    return out


def footnoted_aliases(parties: Sequence[Party], lines: Sequence[str]) -> list[Party]:
    """The parties with the aliases their footnotes name, the mark left out of ``extra``."""
    notes = footnote_aliases(lines) if any(FOOTNOTE in p.extra for p in parties) else {}
    out = []
    for party in parties:
        mark = party.extra.get(FOOTNOTE)
        if mark is None:
            out.append(party)
            continue
        extra = {k: v for k, v in party.extra.items() if k != FOOTNOTE}
        aliases = tuple(dict.fromkeys([*party.aliases, *(a for a in notes.get(mark, []) if a)]))
        out.append(party.model_copy(update={"extra": extra, "aliases": aliases}))
    return out
