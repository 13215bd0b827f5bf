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

from redletter.extract.blocks import block_parties, labelled_fields
from redletter.extract.card_items import split_items, without_tag
from redletter.extract.geometry import Line, PlacedLine, Word, split_line, union_bbox
from redletter.extract.records import printed_items
from redletter.extract.rows import cell_text
from redletter.nlp import ner
from redletter.nlp.countries import country_of_city, heading_country, resolve_country, trailing_country
from redletter.nlp.items import hs_codes_in
from redletter.nlp.party_text import (
    ALIAS_MARKER,
    ends_with_legal_form,
    is_legal_form,
    looks_like_address,
    name_and_aliases,
    sentence_stop,
    split_party_lines,
    split_prose_party,
    starts_with_legal_form,
    strip_period,
    without_identifiers,
)
from redletter.schema import Item, Party

# A bullet whose font has no Unicode mapping comes out of pdfminer as "(cid:127)"; one of a
# symbol font (Word's Symbol and Wingdings bullets) as a private-use character ("\uf0b7").
_MARKER = re.compile(
    r"^\s*(?:(?:\(\d{1,3}\)|\d{1,3}(?:\.\d{1,3})+\.?(?=\s+[^\W\d])|\d{1,3}[.)]|\([a-z]{1,3}\)|"
    r"[A-Z]{1,3}[-.]\d{1,3}[.):]?(?=\s+[^\W\d])|"  # "A-1.", "P.12" (annex and party codes)
    r"0\d{1,3}(?=\s+[^\W\d])(?!\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)|"
    # ("001 NAME -- …": a register's numbers; not the day of "03 August 2024")
    r"[a-z][.)](?=\s+[^\W\d]))\s+"
    r"|(?:[•▪●◦∙·*‣⁃○■□►➢➤✓]|[\ue000-\uf8ff]|[-–—](?![-–—])|\(cid:\d+\))\s*(?=\S))")
_ALIAS = re.compile(ALIAS_MARKER, re.I)
_INLINE = re.compile(r"(?:(?<=\s)|^)\((\d{1,2}|[a-z])\)\s+")
_OPENERS = (r"(?:The|These|This|Please|You|Your|BIS|We|In|If|Any|All|Such|Each|Note|Accordingly|"
            r"Therefore|Should|Failure|Exporters)\b")  # words that open the letter's next sentence
_SENTENCE_END = re.compile(rf"\.\s+(?={_OPENERS})")
_MAX_NAME = 160


def modal_pitch(lines: Sequence[PlacedLine]) -> float:
    """The most common distance between the tops of consecutive lines on a page."""
    pitches = Counter(round(b.line.top - a.line.top, 0) for a, b in itertools.pairwise(lines)
                      if a.page == b.page and b.line.top > a.line.top)
    return float(pitches.most_common(1)[0][0]) if pitches else 14.0


_HANG = (4.0, 40.0)  # points by which the lines of an entry set with a hanging indent are indented


def _hanging_openers(lines: Sequence[PlacedLine], pitch: float) -> set[int]:
    """The lines that open the entries of a list set with hanging indents and no marker (the
    SDN list's "NAME (a.k.a. …), address, country [PROGRAM]."): a line whose next lines are
    indented under it, and a one-line entry at such a line's left edge on the same page after
    a finished sentence. Two entries with indented lines at least, else none."""
    rights: dict[int, float] = {}
    for pl in lines:
        rights[pl.page] = max(rights.get(pl.page, 0.0), pl.line.x1)

    def hangs(k: int) -> bool:  # (a line that wraps reaches the right margin: centred lines do not)
        a, b = lines[k], lines[k + 1]
        return (a.page == b.page and 0 < b.line.top - a.line.top <= 1.6 * pitch
                and _HANG[0] <= b.line.x0 - a.line.x0 <= _HANG[1] and a.line.text[:1].isupper()
                and rights[a.page] - a.line.x1 < 0.15 * (rights[a.page] - a.line.x0))
    hanging = {k for k in range(len(lines) - 1) if hangs(k)}
    if len(hanging) < 2:
        return set()
    edges = {(lines[k].page, round(lines[k].line.x0)) for k in hanging}
    opens = {id(lines[k].line) for k in hanging}
    for k, pl in enumerate(lines[1:], start=1):
        prev = lines[k - 1]
        if (k not in hanging and pl.line.text[:1].isupper()
                and any(page == pl.page and abs(x - pl.line.x0) < 2 for page, x in edges)
                and prev.line.text.rstrip().endswith((".", "]", ";", ")"))):
            opens.add(id(pl.line))
    return opens


def _items(lines: Sequence[PlacedLine]) -> list[list[PlacedLine]]:
    items: list[list[PlacedLine]] = []
    current: list[PlacedLine] | None = None
    pitch = modal_pitch(lines)
    hanging = _hanging_openers(lines, pitch)
    first = next((k for k, pl in enumerate(lines) if _MARKER.match(pl.line.text)), 0)
    grouped = first > 0 and _heading_over(lines[first - 1], lines[first])  # a heading over the first
    letter = ""  # the last item's letter marker ("a.", "b)")
    bold = {id(pl.line) for pl in lines if bold_lead(pl.line) is not None}
    bold = bold if len(bold) >= 2 else set()  # a list of bold names, not one heading in bold
    for pl, nxt in itertools.zip_longest(lines, lines[1:]):
        if (_MARKER.match(pl.line.text) and _in_sequence(pl.line.text, letter, current is not None)) \
                or id(pl.line) in bold or id(pl.line) in hanging:
            letter = m.group(1) if (m := _LETTER.match(pl.line.text)) else ""
            current = [pl]
            items.append(current)
            continue
        if current is None:
            continue
        if _ends_item(current, pl, pitch) or (grouped and nxt is not None and _heading_over(pl, nxt)):
            current = None
        else:
            current.append(pl)
    return items


_LETTER = re.compile(r"^\s*\(?([a-z])[.)]\s")


def _bold(word: Word) -> bool:
    return "bold" in word.font.casefold() or "black" in word.font.casefold()


def bold_lead(line: Line) -> str | None:
    """The name printed in bold at the start of a line that goes on in plain type ("**ALFA
    LOGISTICS FZCO** Office 4EA 324, Dubai…", a list whose bullets are drawn, not typed): the
    bold words, when they read as a name (two words at least, capitals or a legal form)."""
    words = [w for w in line.words if not _MARKER.fullmatch(w.text + " ")]
    n = next((k for k, w in enumerate(words) if not _bold(w)), len(words))
    if n < 2 or n == len(words) or n > _MAX_NAME_WORDS:
        return None
    printed = " ".join(w.text for w in words[:n])
    name = printed.rstrip(",;")
    if printed.endswith(":") or not (_capitalised(name) or ends_with_legal_form(name)):
        return None  # ("Subject:" in bold is a label)
    rest = " ".join(w.text for w in words[n:])
    if not (any(c.isdigit() for c in rest) or "," in rest or looks_like_address(rest)):
        return None  # what follows a bold name is its address ("Office 4EA 324, Dubai")
    return name


def _in_sequence(text: str, letter: str, inside: bool) -> bool:
    """Whether a line's marker opens an item: a letter marker only as "a." or the letter after
    the last one; inside an item, "g. Akhangaran" (Russian "gorod", city) goes on with it."""
    m = _LETTER.match(text)
    if m is None or not inside:
        return True
    return m.group(1) == "a" or (letter != "" and ord(m.group(1)) == ord(letter) + 1)


def _heading_over(line: PlacedLine, nxt: PlacedLine) -> bool:
    """A line that is only a country's name, with a list item right under it: in a list whose
    first item has such a heading, the heading of the next group ("China" between the UAE's
    bullets and China's); elsewhere the country line that ends an item ("RUSSIA")."""
    return bool(_MARKER.match(nxt.line.text)) and heading_country(line.line.text) is not None


def _ends_item(item: list[PlacedLine], nxt: PlacedLine, pitch: float) -> bool:
    """An item ends at a paragraph gap, at a page break after a finished sentence, or where the
    text moves left of the item's marker after a finished sentence."""
    prev = item[-1]
    if prev.page != nxt.page:
        return not _continues(prev)
    if nxt.line.top - prev.line.top > 1.25 * max(pitch, prev.line.size):
        return True
    typed = _MARKER.match(item[0].line.text) is not None  # else a bold name opens the item
    return nxt.line.x0 < item[0].line.x0 - 2 and (not typed or not _continues(prev))


def _continues(prev: PlacedLine) -> bool:
    """Whether the previous line leaves the sentence open (no final ';' or '.')."""
    return not prev.line.text.rstrip().endswith((";", ".", ":"))


def _sentence_like(name: str) -> bool:
    """A clause, not a name: half its words or more in lower case ("You are hereby informed
    that a license is required for the export")."""
    words = [w for w in name.split() if w[:1].isalpha()]
    return len(words) >= 5 and sum(w[0].islower() for w in words) >= 0.5 * len(words)


def _is_party(name: str, aliases: list[str], address: str | None, text: str) -> bool:
    if not name or len(name) > _MAX_NAME or name[0].islower() or _sentence_like(name):
        return False
    if sum(c.isalpha() for c in name) < 2:
        return False  # codes and numbers ("8542.31 8517.62") name no one
    if aliases or _ALIAS.search(text):
        return True
    if address is not None and ends_with_legal_form(name):
        return True  # "HEBEI … CO., LTD. — Qiaoxi District, Shijiazhuang": a company and its place
    return address is not None and (looks_like_address(address) or any(c.isdigit() for c in address)
                                    or trailing_country(address) is not None)


_COLUMN_GAP = 1.8  # font sizes of white space between two columns of an item laid out as a table
_SAME_START = 8.0  # points: runs starting this close are in the same column


def _without_marker(line: Line) -> tuple[Word, ...]:
    """The words of an item's first line after its marker ("1.", "(a)", "•")."""
    words = line.words
    if words and _MARKER.match(line.text) and _MARKER.match(words[0].text + " x"):
        return words[1:]
    return words


def _starts(runs: Sequence[Line]) -> list[float]:
    """Where columns start: the left edges of the runs, close ones taken as one."""
    out: list[float] = []
    for x in sorted(r.x0 for r in runs):
        if not out or x - out[-1] > _SAME_START:
            out.append(x)
    return out


def item_columns(lines: Sequence[PlacedLine]) -> list[list[str]] | None:
    """An enumerated item laid out in columns without a header ("1. NAME   ADDRESS   COUNTRY",
    each column wrapping onto the next lines): the lines of each column, left to right. ``None``
    when the item is running text (no line with a wide gap in it)."""
    rows = [_without_marker(lines[0].line), *(pl.line.words for pl in lines[1:])]
    runs = [split_line(Line(ws), gap=_COLUMN_GAP * Line(ws).size) for ws in rows if ws]
    if not any(len(r) >= 2 for r in runs):
        return None
    starts = _starts([run for line_runs in runs for run in line_runs])
    columns: list[list[str]] = [[] for _ in starts]
    for ws in rows:
        cells: dict[int, list[Word]] = {}
        for w in ws:
            cells.setdefault(max(i for i, x in enumerate(starts) if x <= w.x0 + 1), []).append(w)
        for i, cell in sorted(cells.items()):
            columns[i].append(" ".join(w.text for w in cell))
    return columns if len(columns) >= 2 and all(columns) else None


def _from_columns(columns: list[list[str]]) -> tuple[str, list[str], str | None]:
    """Name, aliases and address of an item laid out in columns: the name column (with its
    "also known as" lines), then the others as the address (the last one often the country)."""
    name, aliases = name_and_aliases(" ".join(columns[0]))
    address = ", ".join(" ".join(c).strip(" ,") for c in columns[1:])
    return name, aliases, address or None


def text_to_party(body: str, lines: Sequence[PlacedLine], number: int) -> Party | None:
    """A party from the text of one enumeration item, or ``None`` when it is not one. An item
    laid out in columns is read by column; one printed a part per line (name, "Also known as"
    lines, address, country) by its lines; otherwise by its text."""
    body = without_identifiers(body)
    texts = [_MARKER.sub("", lines[0].line.text, count=1), *(pl.line.text for pl in lines[1:])]
    lead = bold_lead(lines[0].line)
    if lead and body.startswith(lead) and not body[len(lead):].lstrip().startswith(","):
        body = f"{lead}, {body[len(lead):].lstrip()}"  # the bold name, then its address
    by_line = body.startswith(texts[0][:20])
    items: list[Item] = []
    labelled_country = None
    if by_line:
        kept, items, labelled_country = labelled_fields(texts, lines[0].page)
        if (m := _NAME_PLACE.match(kept[0])) and _place(m.group("place")):  # "N. NAME (Country)"
            kept[0], labelled_country = m.group("name"), labelled_country or m.group("place")
        if kept != texts:
            texts, body = kept, " ".join(kept)
    if not items and (clause := _ITEM_CLAUSE.search(body) or _ITEM_LABEL.search(body)
                      or _ITEM_TAIL.search(body) or _ITEM_BRACKET.search(body)
                      or _ITEM_SENTENCE.search(body)) \
            and hs_codes_in(clause.group("codes")):
        items = printed_items(clause.group("codes"), "hs_code", lines[0].page)
        body = body[:clause.start()]
    columns = item_columns(lines) if by_line else None
    wrapped = texts[0].rstrip().endswith(",") or (  # a sentence wrapped, not a part per line
        len(texts) > 1 and starts_with_legal_form(texts[1]) and "," in texts[1])
    by_lines = split_party_lines(texts) if by_line and not wrapped else None
    name, aliases, address = (_from_columns(columns) if columns else None) or by_lines or \
        split_prose_party(body)
    if address is None and (spans := ner.find(body)) is not None and spans.orgs and spans.address:
        name, aliases = spans.orgs[0], [*aliases, *spans.orgs[1:]]
        address = f"{spans.address}, {spans.country}" if spans.country else spans.address
    if address:  # read line by line, the address still has what the list adds after it
        address = without_identifiers(address) or None
    if not _is_party(name, aliases, address, body) and not (labelled_country and name) \
            and not (len(texts) == 1 and _capitalised(name) and name.isupper()
                     and (ends_with_legal_form(name) or starts_with_legal_form(name))):
        return None  # (a name alone in capitals with its legal form is a listed company)
    country = printed = None
    if labelled_country:
        split = trailing_country(labelled_country)
        printed = labelled_country
        country = resolve_country(labelled_country) or (split[1] if split else None)
    elif address and (split := trailing_country(address)):
        printed = address[len(split[0]):].strip(" ,.;") or None
        address, country = split[0] or None, split[1]
    else:
        country = country_of_city(address)  # "…, Moscow 127018": the city names the country
    first_page = lines[0].page
    bbox = union_bbox(pl.line for pl in lines if pl.page == first_page)
    return Party(name=name, aliases=tuple(aliases), address=address, country=country,
                 country_printed=printed, page=first_page, row=number, bbox=bbox, source="text",
                 confidence=round((0.9 if country else 0.7) * _conf(lines), 3), items=tuple(items))


def _all_parties(items: list[tuple[str, list[PlacedLine]]]) -> list[tuple[str, list[PlacedLine]]]:
    """The items of a semicolon list, when every one reads as a party (else none: a list of
    conditions or of addresses is not a list of parties)."""
    ok = [it for it in items if _is_party(*split_prose_party(it[0]), it[0])]
    return items if items and len(ok) == len(items) else []


def _named(items: list[tuple[str, list[PlacedLine]]]) -> list[tuple[str, list[PlacedLine]]]:
    """Names from sentences, when each has its place: a capitalised name alone in a sentence
    (the recipient's "ACME INC." in "…sent to ACME INC. by…") is not taken for a party."""
    return items if items and all(", located in " in body for body, _ in items) else []


def _conf(lines: Sequence[PlacedLine]) -> float:
    words = [w for pl in lines for w in pl.line.words]
    return sum(w.conf for w in words) / len(words) if words else 1.0


def paragraphs(lines: Sequence[PlacedLine], pitch: float) -> list[list[PlacedLine]]:
    """Running text cut into paragraphs at gaps, and at page breaks after a finished sentence."""
    out: list[list[PlacedLine]] = []
    for pl in lines:
        if out and not _ends_item(out[-1][:1] + out[-1][-1:], pl, pitch):
            out[-1].append(pl)
        else:
            out.append([pl])
    return out


def _chain(markers: list[re.Match[str]]) -> list[re.Match[str]]:
    """The longest run of markers numbered in order: (1) (2) (3) or (a) (b) (c)."""
    best: list[re.Match[str]] = []
    for start in ("1", "a"):
        chain: list[re.Match[str]] = []
        expected = start
        for m in markers:
            if m.group(1) == expected:
                chain.append(m)
                expected = str(int(expected) + 1) if expected.isdigit() else chr(ord(expected) + 1)
        best = max(best, chain, key=len)
    return best


def _joined(par: Sequence[PlacedLine]) -> tuple[list[int], str]:
    """A paragraph's text and where each line starts in it; a line ending in a hyphen joins the
    next without a space ("AL-" / "NASER AIRLINES"), as a cell's lines do."""
    starts, text = [], ""
    for pl in par:
        glue = "" if not text or (text.endswith("-") and not text.endswith(" -")) else " "
        starts.append(len(text) + len(glue))
        text = f"{text}{glue}{pl.line.text}"
    return starts, text


def inline_items(par: list[PlacedLine]) -> list[tuple[str, list[PlacedLine]]]:
    """Items enumerated inside a paragraph: "... the following: (1) X, ...; (2) Y, ...; and (3) Z."."""
    starts, text = _joined(par)
    chain = _chain(list(_INLINE.finditer(text)))
    if len(chain) < 2 or all(m.start() in starts for m in chain):
        return []
    ends = [m.start() for m in chain[1:]] + [len(text)]
    items = []
    for m, end in zip(chain, ends, strict=True):
        body = text[m.end():end]
        if end == len(text):
            body = _SENTENCE_END.split(body, maxsplit=1)[0]
        used = [pl for pl, s0 in zip(par, starts, strict=True)
                if s0 < m.end() + len(body) and s0 + len(pl.line.text) > m.end()]
        items.append((body, used))
    return items


_INTRO = re.compile(r"(?:\b(?:are|is|include|includes|including|namely|following|as follows)\b|:)\s+",
                    re.I)
_SEMICOLON = re.compile(r";\s+(?:and\s+|or\s+)?")
_LAST_END = re.compile(r"(?<![\s.][A-Z])\.\s+(?=[A-Z][a-z])")  # not after an initial ("Prospekt A. Navoi")


def listed_items(par: list[PlacedLine]) -> list[tuple[str, list[PlacedLine]]]:
    """Parties listed in a sentence without markers, separated by semicolons: "The businesses
    concerned are X (also trading as Y), of ADDRESS; Z, of ADDRESS; and W, of ADDRESS." Each
    item must read as a party (checked by the caller); the list starts after its introduction."""
    text = cell_text([pl.line for pl in par])  # ("AL-" / "NASER": a hyphen at a line end joins)
    parts = _SEMICOLON.split(text)
    if len(parts) < 3:
        return []
    intro = list(_INTRO.finditer(parts[0]))
    first = parts[0][intro[-1].end():] if intro else parts[0]
    last = _LAST_END.split(parts[-1], maxsplit=1)[0]
    # each item without its number: "1) NAME, …; 2) NAME, …"
    return [(_MARKER.sub("", body, count=1), list(par)) for body in [first, *parts[1:-1], last]]


_PLACE = re.compile(r"\(([^()]{2,80})\)")
_BETWEEN = re.compile(r"^[\s,;]*(?:(?:and|or)\s+)?")
_MAX_NAME_WORDS = 12


def _place(text: str) -> bool:
    """Whether a parenthesis holds a place ending in a country: "(Dubai, United Arab Emirates)"."""
    return bool(resolve_country(text.strip(), allow_codes=False) or trailing_country(text))


def located_items(par: list[PlacedLine]) -> list[tuple[str, list[PlacedLine]]]:
    """Parties named in a sentence, each followed by its place in parentheses: "... the following
    entities ...: X Co., Ltd. (Zhongshan, China), Y Limited (Hong Kong) and Z FZCO (Dubai, United
    Arab Emirates)." Two such names at least; each item's body is "NAME, of PLACE"."""
    starts, text = _joined(par)
    places = [m for m in _PLACE.finditer(text) if _place(m.group(1))]
    if len(places) < 2:
        return []
    intro = [m for m in _INTRO.finditer(text, 0, places[0].start())]
    begin = intro[-1].end() if intro else 0
    items = []
    for m in places:
        segment = text[begin:m.start()]
        name = segment[_BETWEEN.match(segment).end():].strip()  # type: ignore[union-attr]
        if not name or len(name.split()) > _MAX_NAME_WORDS or "(" in name or ". " in name:
            return []
        a, b = begin + len(segment) - len(segment.lstrip(" ,;")), m.end()
        used = [pl for pl, s0 in zip(par, starts, strict=True)
                if s0 < b and s0 + len(pl.line.text) > a]
        items.append((f"{name}, of {m.group(1).strip()}", used))
        begin = m.end()
    return items


_ADDRESSED = re.compile(
    r"\b(?:to|that)\s+(?:the\s+(?:following\s+)?(?:entity|company|party|firm|person)\s*:?\s*)?"
    r"(?P<name>[A-Z0-9][^,;:()]*?(?:\s*\([^()]*\))?)\s*,?\s*"
    r"(?:located|situated|based|with\s+(?:an\s+)?address)\s+(?:at|in)\s+"
    rf"(?P<rest>.+?)(?=\.\s+{_OPENERS}|\.?\s*$)", re.S)
_ITEM_CLAUSE = re.compile(
    r",?\s+(?:of|for|involving)\s+(?:any\s+)?(?:items?|commodities|goods|products)\s+"
    r"(?:classified\s+)?(?:under|in|as)\s+(?P<codes>.+)$", re.I | re.S)


_ITEM_SENTENCE = re.compile(  # "…, Turkey. This requirement applies to items classified under HS …"
    r"\.\s+(?=[A-Z])[^.]*?\b(?:items?|commodities|goods|products)\b[^.]*?\b(?:under|in|as)\s+"
    r"(?P<codes>(?:(?:HS|HTS)\s+(?:subheadings?\s+|codes?\s+)?)?\d.+)$", re.S)
_NAME_PLACE = re.compile(r"^(?P<name>.+?)\s*\((?P<place>[^()]{2,60})\)\s*\.?$")  # "NAME (China)"
_ITEM_LABEL = re.compile(
    r"[.;,]\s*(?:items?|commodit(?:y|ies)|products?|goods|hs(?:\s+codes?)?|hts(?:\s+codes?)?)"
    r"\s*(?:\([^)]*\))?\s*:\s*(?P<codes>[^:]+)$", re.I | re.S)  # "…, Ajman. Items: HS 854110, 854233"


_ITEM_TAIL = re.compile(  # "…, Bursa 16130, Türkiye – HS 8536.90"
    r"\s[–—-]\s*(?:hs|hts)(?:\s+codes?)?\s*:?\s*(?P<codes>\d[\d.,;\s]*(?:and\s+\d[\d.]*)?)\.?$", re.I)

_ITEM_BRACKET = re.compile(  # "…, Istanbul, Turkey (HS 8457.10, 8541.49)."
    r"\s*\((?:hs|hts)(?:\s+(?:codes?|subheadings?))?\s*:?\s*(?P<codes>\d[\d.,;\s]*(?:and\s+\d[\d.]*)?)\)"
    r"\s*\.?$", re.I)


def _capitalised(name: str) -> bool:
    """A name printed in capitals, or ending with a legal form ("…to KOHANA COMPANY LIMITED")."""
    letters = [c for c in re.sub(r"\([^()]*\)", "", name) if c.isalpha()]
    return bool(letters) and (sum(c.isupper() for c in letters) >= 0.8 * len(letters)
                              or ends_with_legal_form(name.strip()))


def _classified(codes: Sequence[str]) -> str:
    """The item clause ``text_to_party`` reads HS codes from (", of items classified under …"),
    or nothing."""
    return f", of items classified under {', '.join(codes)}" if codes else ""


def addressed_items(par: list[PlacedLine]) -> list[tuple[str, list[PlacedLine]]]:
    """Parties named as the addressee of a sentence, one per sentence: "…a license is required
    for any export … to KOHANA COMPANY LIMITED (also known as KOHANA CO LTD), located at 19th
    Floor, …, China, of items classified under HTS subheadings 8543.20 and 9030.20.", or its
    subject: "BIS has information that X, with an address at …, Hong Kong, has sought to acquire
    items of HS subheadings 8517.69…". Each item's body is "NAME, located at REST" (the item
    clause stays for ``text_to_party``)."""
    text = " ".join(pl.line.text for pl in par)
    items = []
    for m in _DEFINED.finditer(text):
        name = m.group("name").strip()
        if len(name.split()) <= _MAX_NAME_WORDS + 4 and _capitalised(name):
            codes = hs_codes_in(text[text.rfind(". ", 0, m.start()) + 1:m.start()])  # before "to"
            items.append((f"{name}, located at {m.group('rest').strip()}{_classified(codes)}", par))
    for m in _ADDRESSED.finditer(text):
        name = m.group("name").strip()
        if len(name.split()) > _MAX_NAME_WORDS + 4 or not _capitalised(name):
            continue
        rest = m.group("rest").strip()
        if verb := _VERB_CLAUSE.search(rest):  # "…, Hong Kong, has sought to acquire items of HS…"
            codes = hs_codes_in(rest[verb.start():])
            rest = rest[:verb.start()] + _classified(codes)
        items.append((f"{name}, located at {rest}", par))
    return items


_ORDINAL = re.compile(
    r"\bThe\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|last|final|"
    r"other|remaining)\s+(?:(?:party|entity|company|firm|one|business|customer)\s+)?is\s+(?=[A-Z0-9])")
_DOES_BUSINESS = re.compile(
    r",\s+which\s+(?:also\s+)?(?:does\s+business|trades|operates|is\s+(?:also\s+)?known)\s+"
    r"(?:under\s+the\s+names?\s+|as\s+)", re.I)
_IT_IS = re.compile(r"\.\s+(?:It|The\s+(?:company|entity|firm))\s+is\s+(?:located|based|registered|"
                    r"situated)\s+(?:at|in)\s+")


def ordinal_items(par: list[PlacedLine]) -> list[tuple[str, list[PlacedLine]]]:
    """Parties introduced one by one in running text: "The first is ALFA LOGISTICS FZCO, which
    also does business as ALFA FREIGHT. It is located at Office 4EA 324, …, United Arab Emirates.
    … HS subheadings 8542.31 and 8536.69. The second is …". Each item's body is "NAME, also
    known as …, located at ADDRESS" with the HS codes its sentences name."""
    text = " ".join(pl.line.text for pl in par)
    starts = list(_ORDINAL.finditer(text))
    items = []
    for m, nxt in itertools.zip_longest(starts, starts[1:]):
        chunk = text[m.end():nxt.start() if nxt else len(text)]
        body = _IT_IS.sub(", located at ", _DOES_BUSINESS.sub(", also known as ", chunk, count=1), count=1)
        at = body.find(", located at ")
        end = next((e for e in _SENTENCE.finditer(body, at + 1) if sentence_stop(body, e)), None) \
            if at >= 0 else None  # (not "ul. Lenina": an abbreviation's stop)
        codes = hs_codes_in(body[end.start():]) if end else []
        body = body[:end.start()] if end else body.rstrip(" .")
        items.append((f"{body}{_classified(codes)}", par))
    return items


_VERB_CLAUSE = re.compile(r",\s+(?:has|have|had|is|was|were|which|who)\s+[a-z]")
# "…to CITY DEVELOPMENT LLC (also known as X), d. 6 str. 2, …, Moscow 123112, Russia (“the
# Entity”)": the party a sentence names, its address ended by the term the letter defines for it
_DEFINED = re.compile(
    r"\bto\s+(?P<name>[A-Z0-9][^,;:()]*?(?:\s*\([^()]*\))?)\s*,\s*(?P<rest>[^()“”\"]+?)\s*"
    r"\(\s*[“\"]?the\s+(?:Entity|Company|Party|Firm|Customer|Consignee|End[- ]User)[”\"]?\s*\)", re.S)


_CAPS_WORD = r"[A-Z0-9][A-Z0-9&'’.\-/]*,?"
_CAPS_RUN = re.compile(rf"(?<![\w&])(?:{_CAPS_WORD}\s+)+{_CAPS_WORD}(?![\w&])")
_PLACE_AFTER = re.compile(
    r"^[^.;]*?\b(?:located|based|registered|situated|incorporated)?\s*(?:in|of)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,4})")
_SENTENCE = re.compile(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])")


def _caps_names(sentence: str) -> list[tuple[int, int, str]]:
    """Names printed in capitals in a sentence that end or open with a legal form ("ROFO
    TRADING CO LTD", "OOO VEKTOR"), two words at least: (start, end, name). A run of capitals
    is cut at the commas that start another name ("A LIMITED, B CO LTD"), not at those inside
    a legal form ("CO., LTD")."""
    out = []
    for m in _CAPS_RUN.finditer(sentence):
        cuts = [c.end() for c in re.finditer(r",\s+", m.group())
                if not starts_with_legal_form(m.group()[c.end():])]
        for a, b in itertools.pairwise([0, *cuts, len(m.group())]):
            name = m.group()[a:b].strip(" ,")
            if len(name.split()) >= 2 and (ends_with_legal_form(name) or starts_with_legal_form(name)) \
                    and not is_legal_form(name):
                out.append((m.start() + a, m.start() + b, name))
    return out


def _place_after(text: str) -> str | None:
    """The country (or city) a sentence gives right after a name: "…, of Türkiye", "…, located
    in the People's Republic of China", "…, a trading company in the United Arab Emirates"."""
    m = _PLACE_AFTER.match(text)
    if not m:
        return None
    words = m.group("place").split()
    for n in range(len(words), 0, -1):
        place = " ".join(words[:n])
        if resolve_country(place, allow_codes=False) or country_of_city(place):
            return place
    return None


def sentence_items(par: list[PlacedLine]) -> list[tuple[str, list[PlacedLine]]]:
    """Parties named in capitals in running sentences, each with the place the sentence gives
    after it ("… including ASIA MATERIAL SOLUTIONS COMPANY LIMITED, M STAR INTERNATIONAL TRADING
    CO LTD and HONESTWIN TECHNOLOGY CO LIMITED, all located in Hong Kong."). A name without a
    place of its own takes the one that closes its list. Each item's body is "NAME, located in
    PLACE" (or the name alone)."""
    text = " ".join(pl.line.text for pl in par)
    items: list[tuple[str, list[PlacedLine]]] = []
    for sentence in _SENTENCE.split(text):
        found = _caps_names(sentence)
        places: list[str | None] = []
        for k, (_, end_of_name, _) in enumerate(found):
            end = found[k + 1][0] if k + 1 < len(found) else len(sentence)
            places.append(_place_after(sentence[end_of_name:end].lstrip(" ,")))
        closing = next((p for p in reversed(places) if p), None)
        for (_, _, printed), place in zip(found, places, strict=True):
            name = strip_period(printed)
            where = place or closing
            items.append((f"{name}, located in {where}" if where else name, par))
    return items


def card_parties(cards: Sequence[Sequence[PlacedLine]]) -> list[Party]:
    """A party from each boxed card (``cards``), read as one item a part per line; a tag beside
    its name ("Party 1") left out, the rows of an item table under its address its items."""
    parties: list[Party] = []
    for card in cards:
        page = card[0].page
        lines, items = split_items(without_tag([pl.line for pl in card]), page)
        if not lines:
            continue
        placed = [PlacedLine(page, ln) for ln in lines]
        labelled = block_parties(placed)[0]  # a card of labels ("Name: …", "Address: …")
        party = labelled[0] if len(labelled) == 1 else text_to_party(
            cell_text(lines), placed, len(parties) + 1)
        if party is not None and labelled:
            party = party.model_copy(update={"row": len(parties) + 1})
        if party is not None:
            if items and not party.items:
                party = party.with_items(items)
            parties.append(party)
    return parties


def prose_parties(lines: Sequence[PlacedLine]) -> list[Party]:
    """Parties from every enumeration in the running text, in reading order."""
    found: list[tuple[str, list[PlacedLine]]] = []
    inline_lines: set[int] = set()
    for par in paragraphs(lines, modal_pitch(lines)):
        items = (inline_items(par) or _all_parties(listed_items(par))
                 or _all_parties(located_items(par)) or _all_parties(addressed_items(par))
                 or _all_parties(ordinal_items(par))
                 or _named(sentence_items(par)))
        found += items
        if items:
            inline_lines.update(id(pl.line) for pl in par)
    rest = [pl for pl in lines if id(pl.line) not in inline_lines]
    found += [(_MARKER.sub("", cell_text([pl.line for pl in item]), count=1), item)
              for item in _items(rest)]
    found.sort(key=lambda it: (it[1][0].page, it[1][0].line.top))
    headings = _country_headings(lines, {id(pl.line) for _, item in found for pl in item})
    parties: list[Party] = []
    for body, item_lines in found:
        party = text_to_party(body, item_lines, len(parties) + 1)
        if party is not None and party.country is None and (code := headings.get(id(item_lines[0].line))):
            party = party.model_copy(update={"country": code})
        if party is not None:
            parties.append(party)
    return parties


def _country_headings(lines: Sequence[PlacedLine], in_items: set[int]) -> dict[int, str]:
    """The country of the heading each list item is printed under ("United Arab Emirates",
    then its parties; "China", then its): item first line id -> country code. A heading is a
    line that is only a country's name, outside any item; it holds for the items that follow,
    up to the next heading or the next line of running text."""
    out: dict[int, str] = {}
    code: str | None = None
    for pl in lines:
        if id(pl.line) in in_items:
            if code is not None:
                out[id(pl.line)] = code
        elif (heading := heading_country(pl.line.text)) is not None:
            code = heading
        else:
            code = None  # running text: the heading no longer holds
    return out
