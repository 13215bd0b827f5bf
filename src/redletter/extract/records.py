"""Turn table rows into parties and items, by the role of each column."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from redletter.extract.columns import running_numbers
from redletter.extract.geometry import Line, Word, words_to_lines
from redletter.extract.headers import PARTY_ROLES
from redletter.extract.rows import Row, cell_text, detail_line, labelled_lines_out
from redletter.extract.tables import TableFragment, TableModel, is_partial_row
from redletter.nlp import ner
from redletter.nlp.countries import (
    country_of_city,
    heading_country,
    resolve_country,
    resolve_country_misread,
    trailing_country,
)
from redletter.nlp.items import chpl_tier, hs_codes_in, items_in
from redletter.nlp.party_text import (
    ALIAS_MARKER,
    clean,
    comma_names,
    ends_with_legal_form,
    is_legal_form,
    legal_form_across,
    looks_like_address,
    name_and_aliases,
    parse_entity_cell,
    split_alias_list,
    split_cell_lines,
    starts_with_legal_form,
)
from redletter.schema import Item, Party

LOW_CONFIDENCE = 0.75
_HS_CODE = re.compile(r"^\d{4}(?:\.?\d{2}){0,3}$")
_ECCN = re.compile(r"^(?:\d[A-E]\d{3}(?:\.[a-z0-9.]+)?|EAR99)$", re.I)
_FOLLOWING_ALIASES = re.compile(r"a\.k\.a\.?,?\s+the\s+following", re.I)


def col(model: TableModel, role: str) -> int | None:
    return next((i for i, r in enumerate(model.roles) if r == role), None)


def _without_marks(lines: Sequence[Line]) -> list[Line]:
    """A cell's lines without footnote marks set small (and raised) after a word ("ALFA
    LOGISTICS FZCO¹" printed as a small "1", not as the character "¹")."""
    sizes = sorted(w.size for ln in lines for w in ln.words)
    if not sizes:
        return list(lines)
    usual = sizes[len(sizes) // 2]
    out = []
    for ln in lines:
        base = sorted(w.bottom for w in ln.words)[len(ln.words) // 2]
        words = tuple(w for w in ln.words if not (
            len(w.text) <= 2 and (w.text.isdigit() or w.text in _MARKS)
            and (w.size < 0.75 * usual or (w.size < 0.9 * usual and w.bottom < base - 1))))
        if words:
            out.append(Line(words))
    return out


_MARKS = frozenset({"*", "**", "†", "‡", "§", "a", "b", "c"})
FOOTNOTE = "footnote"  # the extra field that holds a name's footnote mark until it is used
SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")  # "¹" as "1"


def footnote_marks(lines: Sequence[Line]) -> str:
    """The footnote mark after a name: a small raised word left out by ``_without_marks``, or
    a superscript figure ("LTD¹")."""
    kept = {id(w) for ln in _without_marks(lines) for w in ln.words}
    small = [w.text for ln in lines for w in ln.words if id(w) not in kept]
    raised = [m.group().translate(SUPERSCRIPT) for ln in lines
              for m in re.finditer(r"[¹²³⁴⁵⁶⁷⁸⁹⁰†‡]+", ln.text)]
    return (small + raised)[0] if small + raised else ""


def _texts(row: Row, model: TableModel) -> dict[str, str]:
    out: dict[str, str] = {}
    for i, role in enumerate(model.roles):
        if i >= len(row.cells):
            continue
        cell = _without_marks(row.cells[i]) if role in ("name", "alias") else row.cells[i]
        text = (cell_text(cell) if model.semicolons else alias_cell_text(cell, _span(model, i))) \
            if role == "alias" else cell_text(cell)
        if role and role not in out:
            out[role] = text
        elif role == "alias":
            out[role] = f"{out[role]}; {text}"
    return out


def _span(model: TableModel, column: int) -> tuple[float, float]:
    left = model.boundaries[column - 1] if 0 < column <= len(model.boundaries) else model.x0
    return left, (model.boundaries[column] if column < len(model.boundaries) else model.x1)


def alias_cell_text(lines: Sequence[Line], span: tuple[float, float]) -> str:
    """An alias cell's text, its lines joined by "; " where a line break starts another alias:
    the alias so far ends with a legal form ("… TRADE" / "LIMITED COMPANY" / "IDA ASANSOR …" is
    two), or the line above is short (under 70% of the column) though the next line's first word
    would have fitted on it, so it was ended on purpose, not wrapped; unless the line above is a
    legal form that opens the alias or the next one opens with one ("PJSC" / "TRANSKAPITALBANK",
    "… TECHNOLOGY" / "CO LTD" are one name wrapped). (A table that parts its aliases with
    semicolons only wraps them at line ends: ``_semicolon_tables``, no call here.)"""
    if len(lines) < 2:
        return cell_text(lines)
    left, right = span
    out = [[lines[0]]]
    for above, line in itertools.pairwise(lines):
        first = line.words[0]
        short = above.x1 - left < 0.7 * (right - left)
        fitted = above.x1 + (first.x1 - first.x0) + 2 * above.size < right
        head = above.text.rsplit(";", 1)[-1].strip(" ,")  # the alias the line ends with
        nxt = line.text.split(";", 1)[0]
        # "PJSC" / "TRANSKAPITALBANK"; "… COMPANY" / "JOINT STOCK COMPANY" / "NEVA" when it had
        # no room for the next word
        opening = is_legal_form(head) and (len(out[-1]) == 1 or not (short and fitted))
        alias = " ".join(ln.text for ln in out[-1]).rsplit(";", 1)[-1].strip(" ,")
        complete = ends_with_legal_form(alias) and not is_legal_form(alias)  # "SBER VOSTOK LLP" / …
        # "ERA FUND LLC" / "OOO PSB-FINTEKH": after a whole name, a legal form opens the next one
        form_opens = starts_with_legal_form(nxt) and not (complete and not is_legal_form(nxt.strip(" ,."))
                                                          and len(nxt.split()) > 1)
        wrapped = (opening or form_opens or legal_form_across(head, nxt)
                   or above.text.rstrip().casefold().endswith(("-", ",", "&", " and", " of"))
                   or first.text.casefold() in {"and", "&", "of", "for", "in", "de", "ve"}
                   or (not first.text[:1].isupper() and not first.text[:1].isdigit()))
        if not wrapped and (complete or (short and fitted)):
            out.append([line])
        else:
            out[-1].append(line)
    return "; ".join(cell_text(part) for part in out)


def _name_parts(texts: dict[str, str], lines: Sequence[Line]) -> tuple[str, list[str], str | None]:
    """Name, aliases and (for Entity List style cells) address from the name column, whose
    ``lines`` are those of the cell."""
    name_text = texts.get("name", "")
    own_place = "address" in texts or "city" in texts
    if not own_place and (by_lines := split_cell_lines([ln.text for ln in lines])) is not None:
        return by_lines  # "NAME" / "Room 1502, …" / "Wan Chai": the cell's lines are its parts
    if _FOLLOWING_ALIASES.search(name_text) or (not own_place and "," in name_text):
        return parse_entity_cell(name_text)
    name, aliases = name_and_aliases(name_text)
    if _spilled(name) and (spans := ner.find(name)) is not None and spans.orgs and spans.address and not (
            own_place and spans.address.isupper() and "," not in spans.address):
        return spans.orgs[0], [*aliases, *spans.orgs[1:]], spans.address  # address in the name cell
    return name, aliases, None  # (a row with its own address column: "… COMPANY 140 REPAIR PLANT")


def _spilled(name: str) -> bool:
    """Whether a name cell seems to hold an address too ("ACME LLC, Office 5, Al Quoz")."""
    return any(looks_like_address(part) for part in name.split(",")[1:]) or (
        sum(c.isdigit() for c in name) >= 3 and len(name.split()) > 4)


def _country(texts: dict[str, str], address: str | None,
             carried: str | None) -> tuple[str | None, str | None, str | None]:
    """Country code, country as printed, and the address without a trailing country."""
    printed = texts.get("country", "").strip(" .;")
    if printed:
        code = (resolve_country(printed) or resolve_country("".join(printed.split()))
                or resolve_country_misread(printed))
        return code, printed, address
    if address and (split := trailing_country(address)):
        rest, code = split
        return code, address[len(rest):].strip(" ,.;"), rest or None
    return carried or country_of_city(address), None, address


_EXTRA_ROLES = (None, "extra", "description")


def row_extra(row: Row, model: TableModel) -> dict[str, str]:
    """The row's other columns, {header text: cell text}, for the columns with no party role."""
    out: dict[str, str] = {}
    for i, col in enumerate(model.columns):
        if col.role in _EXTRA_ROLES and (text := clean(row.text(i))):
            header = clean(col.header) or f"column {i + 1}"
            out[header] = f"{out[header]}; {text}" if header in out else text
    return out


_ITEM_ROLES = ("hs_code", "eccn", "part_number", "description")


def printed_items(text: str, role: str, page: int) -> list[Item]:
    """The HS codes, ECCNs and part numbers of a cell or labelled field of this role, with
    their CHPL tier."""
    return [Item(hs_code=p.hs_code, eccn=p.eccn, part_number=p.part_number,
                 chpl_tier=chpl_tier(p.hs_code), page=page)
            for p in items_in(text, kind=role)]


def row_items(row: Row, model: TableModel) -> list[Item]:
    """The HS codes, ECCNs and part numbers printed in a party's row, with their CHPL tier."""
    items: list[Item] = []
    for i, role in enumerate(model.roles):
        if role in _ITEM_ROLES:
            items += printed_items(row.text(i), role, row.page)
    return items


_ROW_NUMBER = re.compile(r"^\s*\d{1,4}[.)]?\s+(?=\S)")
_INDEX_WORDS = frozenset({"item", "no", "nr", "#", "sr", "sl", "s/n", "ser", "entry", "ref"})


def _index_in_name_header(model: TableModel) -> bool:
    """Whether the name column's header opens with an index word ("Item Entity", "No. Name"):
    a narrow number column whose header ran into the name's."""
    heads = [c.header for c in model.columns if c.role == "name"]
    first = heads[0].split()[0].casefold().strip(".:") if heads and heads[0].split() else ""
    return first in _INDEX_WORDS


def row_to_party(row: Row, model: TableModel, number: int, carried: str | None,
                 above: dict[str, str] | None = None) -> Party | None:
    """A party from one row, or ``None`` for a row with no name; ``above`` holds the cells of
    the party row above, for the ditto marks of this one."""
    if (name_col := col(model, "name")) is not None:
        row = labelled_lines_out(row, name_col)
    texts = _with_ditto(_texts(row, model), above)
    for role, text in row.details:  # "Address: …" printed across the row under its cells
        joiner = "; " if role == "alias" else ", "
        texts[role] = f"{texts[role]}{joiner}{text}" if texts.get(role) else text
    if _index_in_name_header(model) and (m := _ROW_NUMBER.match(texts.get("name", ""))):
        texts["name"] = texts["name"][m.end():]  # "Item Entity" over "7 BANGKOK …": the row's number
    name_lines = _without_marks(row.cells[name_col]) if name_col is not None and name_col < len(
        row.cells) else []
    name, aliases, address = _name_parts(texts, name_lines)
    if not name or _REDACTED.fullmatch(name):
        return None  # (a row blacked out, its FOIA exemption printed in the name cell)
    aliases += [n for a in split_alias_list(texts.get("alias", "")) for n in comma_names(a)]
    if spilled := address:
        address = None
    address = clean(texts.get("address", "")) or address
    if spilled:
        address = f"{spilled}, {address}" if address else spilled
    if city := clean(texts.get("city", "")):
        address = f"{address}, {city}" if address else city
    country, printed, address = _country(texts, address, carried)
    confidence = round((0.97 if country else 0.8) * mean_conf(row.words), 3)
    extra = row_extra(row, model)
    if (name_col := col(model, "name")) is not None and (marks := footnote_marks(row.cells[name_col])):
        extra[FOOTNOTE] = marks  # the mark after the name, for a footnote that names aliases
    items = row_items(row, model)
    items += [i for role, text in row.details if role in _ITEM_ROLES
              for i in printed_items(text, role, row.page) if i not in items]
    for remark in extra.values():  # "Also known as: X. HS 9014.80, 8486.40. 19 shipments"
        aliases += remark_aliases(remark)
        items += [i for i in remark_items(remark, row.page) if i not in items]
    return Party(name=name, aliases=tuple(dict.fromkeys(aliases)), address=address or None,
                 country=country, country_printed=printed, page=row.page, row=number,
                 bbox=row.bbox, source="table", confidence=confidence, items=tuple(items), extra=extra)


_REDACTED = re.compile(r"(?:[\W_]*(?:\(b\)\s*\(\d\)(?:\s*\([A-F]\))?|redacted|withheld))+[\W_]*", re.I)
_REMARK_ALIAS = re.compile(
    rf"(?:\b{ALIAS_MARKER}|\bformerly\s*/\s*also)\s*[:,]?\s*(?P<alias>.+?)(?=\.\s+[A-Z0-9]|;\s|\.?$)", re.I)
_REMARK_HS = re.compile(r"\b(?:HS|HTS)(?:\s+codes?)?\s*[:#]?\s*(?P<codes>\d[\d.,\s]*\d)", re.I)


def remark_aliases(text: str) -> list[str]:
    """Aliases written in a remarks column ("Also known as: SERVIS FLAI BISHKEK. HS …",
    "Formerly/also: Catu Tech LTD. Last shipment 05/2024")."""
    return [a for m in _REMARK_ALIAS.finditer(text) for a in split_alias_list(m.group("alias"))]


def remark_items(text: str, page: int) -> list[Item]:
    """HS codes written after "HS" in a remarks column ("HS 8471.50, 8458.11. 87 shipments")."""
    return [i for m in _REMARK_HS.finditer(text)
            for i in printed_items(m.group("codes"), "description", page)]


def merge_rows(first: Row, second: Row) -> Row:
    """A row split over a page break, joined (the box stays on the first page)."""
    cells = tuple(a + b for a, b in zip(first.cells, second.cells, strict=False))
    return replace(first, cells=cells)


def fragments_to_rows(fragments: Sequence[TableFragment]) -> list[tuple[Row, TableModel]]:
    """All rows in order. A table's first row on a new page that holds only the tail of the last
    row before the page break (see ``is_partial_row``) is merged into that row."""
    out: list[tuple[Row, TableModel]] = []
    last_page = 0
    for frag in fragments:
        rows = list(frag.rows)
        follows = bool(out) and frag.page == last_page + 1 and out[-1][1].roles == frag.model.roles
        table = [r for r, m in out[-40:] if m.roles == frag.model.roles] + rows if follows else rows
        if follows and rows and is_partial_row(rows[0], table, frag.model) and \
                country_heading(rows[0], frag.model) is None:  # ("RUSSIA (cont.)": a heading)
            prev, model = out.pop()
            out.append((merge_rows(prev, rows.pop(0)), model))
        out += [(r, frag.model) for r in rows]
        last_page = frag.page
    return _with_alias_rows(_with_detail_rows(out))


_ALIAS_ROW = re.compile(rf"^\W*{ALIAS_MARKER}\b", re.I)


def _with_alias_rows(rows: list[tuple[Row, TableModel]]) -> list[tuple[Row, TableModel]]:
    """Rows that give one more alias of the party above ("a.k.a. PELENG OAO" in the name column,
    under the party's row, with its number or none) joined to that row: the alias goes on in the
    name cell, and each other cell is added where it says more than the cell above (a merged
    cell repeated on every row it spans says nothing new)."""
    out: list[tuple[Row, TableModel]] = []
    for row, model in rows:
        name, index = col(model, "name"), col(model, "index")
        prev = out[-1][0] if out and out[-1][1].roles == model.roles else None
        if prev is None or name is None or not _ALIAS_ROW.match(row.text(name)) or (
                index is not None and row.text(index) not in ("", prev.text(index))):
            out.append((row, model))
            continue
        cells = tuple(a + b if k == name or (b and row.text(k) != prev.text(k)
                                               and not prev.text(k).endswith(row.text(k))) else a
                      for k, (a, b) in enumerate(zip(prev.cells, row.cells, strict=False)))
        out[-1] = (replace(prev, cells=cells), model)
    return out


def _with_detail_rows(rows: list[tuple[Row, TableModel]]) -> list[tuple[Row, TableModel]]:
    """Rows that only carry a labelled line for the row above ("Address: …" in a row of its
    own, spanning the columns) joined to that row as its details."""
    out: list[tuple[Row, TableModel]] = []
    for row, model in rows:
        words = sorted((w for cell in row.cells for ln in cell for w in ln.words),
                       key=lambda w: (round(w.top), w.x0))
        lines = words_to_lines(words)
        found = detail_line(lines[0]) if lines else None
        if out and found is not None and out[-1][1].roles == model.roles:
            role, text = found
            more = " ".join(ln.text for ln in lines[1:])
            prev = out[-1][0]
            out[-1] = (replace(prev, details=(*prev.details, (role, f"{text} {more}".strip()))), model)
            continue
        out.append((row, model))
    return out


def mean_conf(words: Sequence[Word]) -> float:
    """Mean OCR confidence of some words (1.0 for a text layer)."""
    return round(sum(w.conf for w in words) / len(words), 3) if words else 1.0


def field_warnings(row: Row, model: TableModel, party: Party) -> list[str]:
    """One warning per cell that OCR read with low confidence, for the reviewer."""
    out = []
    for cell, role in zip(row.cells, model.roles, strict=False):
        words = [w for ln in cell for w in ln.words]
        conf = mean_conf(words)
        if role in PARTY_ROLES and words and conf < LOW_CONFIDENCE:
            text = " ".join(w.text for w in words)
            out.append(f"page {party.page} row {party.row}: low OCR confidence {conf:.2f} in "
                       f"{role} {text!r}")
    return out


def country_heading(row: Row, model: TableModel) -> str | None:
    """The country of a row that is only a country's name ("UNITED ARAB EMIRATES", "China:"),
    printed over the rows of that country as in the Entity List; else ``None``."""
    texts = [t for i in range(len(model.columns)) if (t := row.text(i).strip())]
    return heading_country(" ".join(texts)) if texts else None


def _country_groups(rows: Sequence[tuple[Row, TableModel]]) -> set[int]:
    """The rows (by id) of tables whose country is printed once per group of rows: the first
    row has one, others have none, and no country is printed twice (where a country column
    merely has gaps, the same country comes back on other rows)."""
    out: set[int] = set()
    run: list[tuple[Row, TableModel]] = []
    for pair in [*rows, None]:
        if pair is not None and (not run or pair[1].roles == run[-1][1].roles):
            run.append(pair)
            continue
        if run and (k := col(run[0][1], "country")) is not None:
            values = [r.text(k).strip() for r, _ in run]
            printed = [v for v in values if v]
            if values[0] and len(values) - len(printed) >= 2 and len(set(printed)) == len(printed):
                out.update(id(r) for r, _ in run)
        run = [pair] if pair is not None else []
    return out


def _semicolon_tables(rows: Sequence[tuple[Row, TableModel]]) -> list[tuple[Row, TableModel]]:
    """The rows, the model of each table whose alias column parts aliases with semicolons in
    one cell at least marked so: its other cells' line ends only wrap ("MANAGING COMPANY" /
    "TATBURNEFT LLC" is one alias where another cell reads "X LLC; Y LLC")."""
    parted: set[tuple[str | None, ...]] = set()
    for row, model in rows:
        if any(role == "alias" and ";" in row.text(k) for k, role in enumerate(model.roles)):
            parted.add(model.roles)
    marked: dict[int, TableModel] = {}
    return [(row, marked.setdefault(id(model), replace(model, semicolons=True)))
            if model.roles in parted else (row, model) for row, model in rows]


def rows_to_parties(rows: Sequence[tuple[Row, TableModel]], warnings: list[str] | None = None,
                    unassigned: list[str] | None = None) -> list[Party]:
    """Parties from party-table rows; a country printed once per group carries down. Cells read
    with low OCR confidence are reported in ``warnings``; rows that hold text but no name, in
    ``unassigned``."""
    warnings = [] if warnings is None else warnings
    unassigned = [] if unassigned is None else unassigned
    rows = _semicolon_tables(rows)
    parties: list[Party] = []
    carried: str | None = None
    heading: str | None = None  # the country of a heading row over a group of rows
    last_model: TableModel | None = None
    above: dict[str, str] | None = None  # the texts of the last party's row, for ditto marks
    grouped = _country_groups(rows)
    for row, model in rows:
        if model is not last_model:
            if last_model is None or model.roles != last_model.roles:
                carried, heading, above = None, None, None
            heading = model.heading or heading  # a country printed over the table's header
            last_model = model
        if (code := country_heading(row, model)) is not None:
            heading = code
            continue
        fill_down = (bool(model.roles) and model.roles[0] == "country") or id(row) in grouped
        party = row_to_party(row, model, len(parties) + 1, carried if fill_down else heading,
                             above)
        if party is not None:
            parties.append(party)
            above = _with_ditto(_texts(row, model), above)
            carried = party.country
            warnings += field_warnings(row, model, party)
        elif text := " ".join(t for i in range(len(model.columns)) if (t := row.text(i))):
            unassigned.append(f"page {row.page}: a table row has no name: {text[:80]!r}")
    return _without_row_numbers(parties)


_LEADING_NUMBER = re.compile(r"^(\d{1,3})[.)]?\s+(?=\S)")


def _without_row_numbers(parties: list[Party]) -> list[Party]:
    """The parties with the row numbers their names open with taken off, when most names open
    with one and the numbers run 1, 2, 3 ("5 LIMITED LIABILITY COMPANY …": on a scan, a narrow
    number column read into the names)."""
    found = [m for p in parties if (m := _LEADING_NUMBER.match(p.name))]
    numbers = [m.group(1) for m in found]
    if len(found) < 3 or len(found) < 0.8 * len(parties) or not running_numbers(numbers):
        return parties
    return [p.model_copy(update={"name": p.name[m.end():]}) if (m := _LEADING_NUMBER.match(p.name))
            else p for p in parties]


_DITTO = re.compile(r'^\s*(?:["“”〃″\']+|-?\s*do\.?\s*-?|ditto|(?:the\s+)?same(?:\s+as\s+above)?|'
                    r"as\s+above|idem)\s*[.,;]?\s*$", re.I)
_DITTO_ROLES = ("address", "city", "country")


def _with_ditto(texts: dict[str, str], above: dict[str, str] | None) -> dict[str, str]:
    """A row's texts with each address, city or country cell that is a ditto mark ('"', "〃",
    "do.", "Same as above") replaced by the cell above it."""
    if not above:
        return texts
    return {role: above.get(role, text) if role in _DITTO_ROLES and _DITTO.match(text) else text
            for role, text in texts.items()}


def rows_to_items(rows: Sequence[tuple[Row, TableModel]]) -> list[Item]:
    """Items from item-table rows (HS code, ECCN, part number, description)."""
    items = []
    for row, model in rows:
        t = _texts(row, model)
        values = {k: clean(t.get(k, "")) or None for k in ("hs_code", "eccn", "part_number",
                                                            "description")}
        if _is_item(values):
            hs = values["hs_code"]
            codes = hs_codes_in(hs or "", headings=True)
            hs = codes[0] if len(codes) == 1 else hs
            items.append(Item(hs_code=hs, eccn=values["eccn"], part_number=values["part_number"],
                              description=values["description"], chpl_tier=chpl_tier(hs),
                              page=row.page))
    return items


def _is_item(values: dict[str, str | None]) -> bool:
    """An item row names a well-formed HS code or ECCN, or a part number with a description."""
    hs, eccn = values["hs_code"] or "", values["eccn"] or ""
    return bool(_HS_CODE.match(hs) or _ECCN.match(eccn)
                or (values["part_number"] and values["description"]))
