"""Parties listed in running text: numbered or bulleted enumerations.

An enumeration item starts at a marker ("(1)", "1.", "a)", "•", "–") and runs until the next
marker or a paragraph break, across page breaks. An item counts as a party when it reads as
one: aliases, an address, or a country at its end.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from redletter.extract.geometry import Line, union_bbox
from redletter.nlp.countries import trailing_country
from redletter.nlp.party_text import ALIAS_MARKER, looks_like_address, split_prose_party
from redletter.schema import Party

# A bullet whose font has no Unicode mapping comes out of pdfminer as "(cid:127)".
_MARKER = re.compile(
    r"^\s*(?:(?:\(\d{1,3}\)|\d{1,3}[.)]|\([a-z]{1,3}\)|[a-z][.)])\s+"
    r"|(?:[•▪●◦∙·*]|[-–—]|\(cid:\d+\))\s*(?=\S))")
_ALIAS = re.compile(ALIAS_MARKER, re.I)
_MAX_NAME = 160


@dataclass(frozen=True, slots=True)
class PlacedLine:
    """A line of running text and the page it is on."""

    page: int
    line: Line


def modal_pitch(lines: Sequence[PlacedLine]) -> float:
    """The most common distance between the tops of consecutive lines on a page."""
    pitches = Counter(round(b.line.top - a.line.top, 0) for a, b in itertools.pairwise(lines)
                      if a.page == b.page and b.line.top > a.line.top)
    return float(pitches.most_common(1)[0][0]) if pitches else 14.0


def _items(lines: Sequence[PlacedLine]) -> list[list[PlacedLine]]:
    items: list[list[PlacedLine]] = []
    current: list[PlacedLine] | None = None
    pitch = modal_pitch(lines)
    for pl in lines:
        if _MARKER.match(pl.line.text):
            current = [pl]
            items.append(current)
            continue
        if current is None:
            continue
        current[-1]
        if _ends_item(current, pl, pitch):
            current = None
        else:
            current.append(pl)
    return items


def _ends_item(item: list[PlacedLine], nxt: PlacedLine, pitch: float) -> bool:
    """An item ends at a paragraph gap, at a page break after a finished sentence, or where the
    text moves left of the item's marker after a finished sentence."""
    prev = item[-1]
    if prev.page != nxt.page:
        return not _continues(prev)
    if nxt.line.top - prev.line.top > 1.25 * max(pitch, prev.line.size):
        return True
    return nxt.line.x0 < item[0].line.x0 - 2 and not _continues(prev)


def _continues(prev: PlacedLine) -> bool:
    """Whether the previous line leaves the sentence open (no final ';' or '.')."""
    return not prev.line.text.rstrip().endswith((";", ".", ":"))


def _is_party(name: str, aliases: list[str], address: str | None, text: str) -> bool:
    if not name or len(name) > _MAX_NAME or name[0].islower():
        return False
    if aliases or _ALIAS.search(text):
        return True
    return address is not None and (looks_like_address(address) or any(c.isdigit() for c in address)
                                    or trailing_country(address) is not None)


def item_to_party(item: list[PlacedLine], number: int) -> Party | None:
    """A party from one enumeration item, or ``None`` when the item is not one."""
    text = " ".join(pl.line.text for pl in item)
    body = _MARKER.sub("", text, count=1)
    name, aliases, address = split_prose_party(body)
    if not _is_party(name, aliases, address, body):
        return None
    country = printed = None
    if address and (split := trailing_country(address)):
        printed = address[len(split[0]):].strip(" ,.;") or None
        address, country = split[0] or None, split[1]
    first_page = item[0].page
    bbox = union_bbox(pl.line for pl in item if pl.page == first_page)
    return Party(name=name, aliases=tuple(aliases), address=address, country=country,
                 country_printed=printed, page=first_page, row=number, bbox=bbox, source="text",
                 confidence=0.9 if country else 0.7)


def prose_parties(lines: Sequence[PlacedLine]) -> list[Party]:
    """Parties from every enumeration in the running text."""
    parties: list[Party] = []
    for item in _items(lines):
        party = item_to_party(item, len(parties) + 1)
        if party is not None:
            parties.append(party)
    return parties
