"""Parties written as label/value blocks:

    Entity Name:   ACME TRADING LLC
    Also known as: ACME FZE; ACME GENERAL TRADING
    Address:       Office 5, Al Quoz Industrial Area 3, Dubai
    Country:       United Arab Emirates

A block starts at a line whose label has the role "name" (the same vocabulary as table headers)
and takes the labelled lines that follow; an unlabelled line continues the field above it. It
counts as a party when it also has an address or a country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from redletter.extract.geometry import Line, PlacedLine, split_line, union_bbox
from redletter.extract.headers import ITEM_ROLES, PARTY_ROLES, header_match, header_role
from redletter.extract.records import printed_items
from redletter.nlp.countries import country_of_city, resolve_country, trailing_country
from redletter.nlp.party_text import (
    clean,
    comma_names,
    ends_with_legal_form,
    name_and_aliases,
    split_alias_list,
    starts_with_legal_form,
    strip_period,
)
from redletter.schema import Item, Party

_LABEL = re.compile(
    r"^\s*(?:\(?\d{1,3}[.)]\s+)?(?P<label>[A-Za-z][A-Za-z ./&()-]{0,40}?)\s*:\s*(?P<value>.*)$")
_MAX_LABEL_WORDS = 5
_CELL_GAP = 1.5  # font sizes of white space between a label and its value, without a colon
_NEAR_GAP = 1.0  # or this much after words that are all label words


@dataclass
class Block:
    """The fields of one label/value block, and the lines it was read from."""

    fields: dict[str, list[str]] = field(default_factory=dict)
    lines: list[PlacedLine] = field(default_factory=list)
    last: str | None = None


def label_of(line: Line) -> tuple[str, str] | None:
    """(role, value) when a line starts with a party label such as "Address:" or "A.K.A.:", or
    an item label ("HS codes:", "Commodities:", "ECCN:"); or, without a colon, with such a
    label in a column of its own, the value set apart to its right ("Party name   ACME LLC")."""
    return text_label(line.text) or _column_label(line)


def _column_label(line: Line) -> tuple[str, str] | None:
    runs = split_line(line, gap=_CELL_GAP * line.size)
    if len(runs) == 1:  # a label column close to its values ("HS codes  8542.31"): a word gap
        runs = next(([Line(line.words[:k]), Line(line.words[k:])] for k in range(1, min(
            _MAX_LABEL_WORDS, len(line.words) - 1) + 1) if line.words[k].x0 - line.words[k - 1].x1
            >= _NEAR_GAP * line.size and header_match(Line(line.words[:k]).text).coverage >= 1.0), runs)
    if len(runs) != 2 or len(runs[0].words) > _MAX_LABEL_WORDS:
        return None  # more cells: a table's row or header line ("Consignee   Ctry   HS Codes")
    role, value = header_role(runs[0].text), runs[1].text.strip()
    if role not in PARTY_ROLES | ITEM_ROLES or not value or (
            header_match(value).coverage >= 1.0 and not any(c.isdigit() for c in value)):
        return None  # a value of header words only: a two-column table's header
    return role, value


def text_label(text: str, roles: frozenset[str] = PARTY_ROLES | ITEM_ROLES) -> tuple[str, str] | None:
    """(role, value) of a text that starts with a label of one of ``roles``."""
    m = _LABEL.match(text)
    if not m or len(m.group("label").split()) > _MAX_LABEL_WORDS:
        return None
    role = header_role(m.group("label"))
    return (role, m.group("value").strip()) if role in roles else None


_CODE_LINE = re.compile(r"^\s*(?:HS|HTS)(?:\s+codes?)?\s*[:#]?\s*(?P<value>\d[\d.,;·/\s]*)$", re.I)


def _code_line(text: str) -> tuple[str, str] | None:
    """A line of HS codes after "HS" or "HTS" with no colon ("HS 8542310000, 9030391000")."""
    m = _CODE_LINE.match(text)
    return ("hs_code", m.group("value")) if m else None


def labelled_fields(texts: Sequence[str], page: int) -> tuple[list[str], list[Item], str | None]:
    """An item's lines without its item and country lines ("Commodities: 8517.62, 9030.32",
    "HS codes: …", "Country: SERBIA"), the items those print, and the country as printed. The
    first line (the name) is never taken."""
    kept, items, country = list(texts[:1]), [], None
    for text in texts[1:]:
        found = text_label(text, ITEM_ROLES | {"country", "address"}) or _code_line(text)
        if found is None:
            kept.append(text)
        elif found[0] == "address":  # "Address: Rm. 4, 16/F, …": the line, without its label
            label = text.split(":", 1)[0]  # not "…, with an / address at No: 4/1-59"
            kept.append(found[1] if len(label.split()) <= 2 else text)
        elif found[0] == "country":
            country = found[1] or None
        else:
            items += printed_items(found[1], found[0], page)
    return kept, items, country


def _blocks(lines: Sequence[PlacedLine]) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    for pl in lines:
        labelled = label_of(pl.line)
        if labelled and labelled[0] == "name":
            current = Block()
            blocks.append(current)
        if current is None:
            continue
        if labelled:
            role, value = labelled
            current.fields.setdefault(role, []).append(value)
            current.last = role
        elif (other := _other_label(pl.line.text)) is not None:  # "Shipments identified: 68 …"
            current.fields.setdefault(f"{_EXTRA}{other[0]}", []).append(other[1])
            current.last = None
        elif current.last and _continues_block(current, pl):
            current.fields[current.last].append(pl.line.text)
        else:
            current = None
            continue
        current.lines.append(pl)
    return blocks


_EXTRA = "extra:"  # the field of a label the vocabulary does not know


def _other_label(text: str) -> tuple[str, str] | None:
    """(label, value) of a line that opens with a label of no known role ("Shipments
    identified: 68 shipments …"): it ends the field above without joining it."""
    m = _LABEL.match(text)
    if m is None or not m.group("label")[0].isupper() or len(m.group("label").split()) > _MAX_LABEL_WORDS:
        return None
    return m.group("label").strip(), m.group("value").strip()


def _address_lines(values: Sequence[str]) -> str:
    """An address field's lines joined: a line that is a country's name ("HONG KONG" under
    "… Wan Chai" and "Hong Kong") after a comma, other lines (wrapped) after a space."""
    out = ""
    for value in values:
        sep = ", " if out and (resolve_country(value.strip(" ,.")) or out.endswith(",")) else " "
        out = f"{out}{sep}{value}".replace(",,", ",") if out else value
    return out


def _continues_block(block: Block, pl: PlacedLine) -> bool:
    prev = block.lines[-1]
    return prev.page == pl.page and pl.line.top - prev.line.bottom < 0.8 * prev.line.size


_INLINE_LABEL = re.compile(
    r"(?:^|(?<=[;.]\s))(?:\(?\d{1,3}[.)]\s+)?(?P<label>[A-Za-z][A-Za-z ./&()-]{0,40}?)\s*:\s")


def _inline_fields(block: Block) -> dict[str, list[str]]:
    """The fields of a block read from its text in order, where labels follow one another on
    a line after a semicolon ("Party: X; Trading as: Y; Registered address: …; HS: 852589"),
    a label broken over two lines included; the fields as read line by line otherwise."""
    text = " ".join(pl.line.text for pl in block.lines)
    cuts = [m for m in _INLINE_LABEL.finditer(text) if _label_role(m.group("label")) is not None]
    if len(cuts) < 2 or cuts[0].start() != 0 or not any(text[m.start() - 2] == ";" for m in cuts[1:]):
        return block.fields
    out: dict[str, list[str]] = {}
    for m, nxt in zip(cuts, [*cuts[1:], None], strict=True):
        value = strip_period(text[m.end():nxt.start() if nxt else len(text)].strip(" ;"))
        out.setdefault(_label_role(m.group("label")) or "", []).append(value)
    return out


def _label_role(label: str) -> str | None:
    if len(label.split()) > _MAX_LABEL_WORDS:
        return None
    role = header_role(label)
    return role if role in PARTY_ROLES | ITEM_ROLES else None


def block_to_party(block: Block, number: int) -> Party | None:
    """A party from a block that has a name and an address or country."""
    block = Block(_inline_fields(block), block.lines, block.last)
    f = {k: _address_lines(v) if k == "address" else " ".join(v) for k, v in block.fields.items()}
    if not f.get("name") or not (f.get("address") or f.get("country")):
        return None
    page = block.lines[0].page
    items = [i for role in sorted(ITEM_ROLES) for value in block.fields.get(role, ())
             for i in printed_items(value, role, page)]
    name, aliases = name_and_aliases(f["name"])
    aliases += [name for value in _alias_values(block.fields.get("alias", []))
                for a in split_alias_list(value) for name in comma_names(a)]  # "Alias(es): A LLP, B LLP"
    address = clean(", ".join(x for x in (f.get("address"), f.get("city")) if x)) or None
    printed = clean(f.get("country", "")) or None
    country = resolve_country(printed) if printed else None
    if country is None and address and (split := trailing_country(address)):
        address, country = split[0] or None, split[1]
    if country is None and not printed:
        country = country_of_city(address)
    return Party(name=name, aliases=tuple(aliases), address=address, country=country,
                 country_printed=printed, page=page, row=number,
                 bbox=union_bbox(pl.line for pl in block.lines if pl.page == page), source="text",
                 confidence=0.95 if country else 0.75, items=tuple(items),
                 extra={k.removeprefix(_EXTRA): v for k, v in f.items() if k.startswith(_EXTRA)})


def _alias_values(values: Sequence[str]) -> list[str]:
    """An alias field's lines, one alias per line where a line starts or the line above ends
    with a legal form ("AKTSIONEROE OBSHCHESTVO RNT" / "CLOSED JOINT STOCK COMPANY RNT"); a
    line that only goes on with the alias above is joined to it."""
    out: list[str] = []
    for value in values:
        if out and not (starts_with_legal_form(value) or ends_with_legal_form(out[-1])):
            out[-1] = f"{out[-1]} {value}"
        else:
            out.append(value)
    return out


def block_parties(lines: Sequence[PlacedLine]) -> tuple[list[Party], set[int]]:
    """Parties from label/value blocks, and the ids of the lines they used."""
    parties: list[Party] = []
    used: set[int] = set()
    for block in _blocks(lines):
        party = block_to_party(block, len(parties) + 1)
        if party is not None:
            parties.append(party)
            used.update(id(pl.line) for pl in block.lines)
    return parties, used
