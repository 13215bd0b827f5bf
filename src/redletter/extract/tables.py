"""Find tables on a page from their geometry: a header row, columns, and the body below it.

The chain, in pdfplumber's ``x_to_y`` style:
``lines_to_header -> header_to_columns -> columns_to_body -> body_to_rows`` (rows.py),
then ``rows_to_records``. It works from header semantics, gutters between columns and ruling
lines, so it does not depend on how a particular letter was produced. A ``TableModel`` that
reaches the bottom of a page is carried to the next one, where a table may continue with or
without a repeated header.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from redletter.extract.columns import content_role, is_address, is_date_or_number, name_score, share
from redletter.extract.geometry import Line, PageLayout, Rule, Word, split_line
from redletter.extract.headers import ITEM_ROLES, NUMBERED_TAG, HeaderMatch, header_match, header_role
from redletter.extract.rows import Row, detail_line, lines_to_rows
from redletter.nlp.countries import heading_country, resolve_country
from redletter.nlp.items import HS_TOKEN
from redletter.nlp.party_text import ends_with_legal_form

_CELL_GAP = 0.9  # a gap wider than this many font sizes separates two header cells
_PROSE_WIDTH = 0.62  # a run wider than this share of the table is running text, not a cell
_SAME_X = 6.0  # points: header cells this close are the same column on another page
_MOSTLY_SCRIPT = 0.7  # of a name column's cells in another script than Latin: its Latin twin leads
_DOUBTFUL = 0.6  # an OCR word read with less confidence may be a smudge on a column rule
_LONG_NUMBER = re.compile(r"\d{5,}")
_CLOSING = re.compile(r"^\s*(?:sincerely|yours (?:sincerely|faithfully|truly)|very truly yours|"
                      r"respectfully|regards|best regards|kind regards|with regards)\b", re.I)


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its role, header text and horizontal extent."""

    role: str | None
    header: str
    x0: float
    x1: float
    hint: str | None = None  # the role the header's words proposed, before the cells were read


@dataclass(frozen=True, slots=True)
class TableModel:
    """The column layout of a table, kept when the table continues on the next page."""

    columns: tuple[Column, ...]
    boundaries: tuple[float, ...]
    x0: float
    x1: float
    kind: str  # "party" or "item"
    heading: str | None = None  # the country of a heading printed right above the header
    semicolons: bool = False  # its alias column parts aliases with ";" (line ends only wrap)

    def column_of(self, word: Word) -> int:
        """Index of the column a word falls in, by its left edge (plus a little)."""
        x = word.x0 + min(2.0, (word.x1 - word.x0) / 2)
        return sum(1 for b in self.boundaries if x > b)

    def fits(self, line: Line) -> bool:
        """Whether a line can belong to this table: inside it, no word across a boundary."""
        if line.x0 < self.x0 - 2 * line.size or line.x1 > self.x1 + 3 * line.size:
            return False
        return not any(w.x0 < b - 1.0 and w.x1 > b + 1.0 and w.conf >= _DOUBTFUL
                       for w in line.words for b in self.boundaries)

    @property
    def roles(self) -> tuple[str | None, ...]:
        return tuple(c.role for c in self.columns)


@dataclass
class TableFragment:
    """The rows a table has on one page."""

    model: TableModel
    page: int
    rows: list[Row] = field(default_factory=list)
    open_at_bottom: bool = False
    continued: bool = False


Walls = Sequence[Rule]


def line_cells(line: Line, walls: Walls = ()) -> list[Line]:
    """A line's cells: runs of words apart by a wide gap, or by a vertical rule between them
    (a ruled grid whose cells nearly touch)."""
    runs = split_line(line, gap=_CELL_GAP * line.size)
    xs = [r.x0 for r in walls if r.top <= line.top + 1 and r.bottom >= line.bottom - 1]
    if not xs:
        return runs
    out: list[Line] = []
    for run in runs:
        group = [run.words[0]]
        for a, b in itertools.pairwise(run.words):
            if any(a.x1 - 1 <= x <= b.x0 + 1 for x in xs):
                out.append(Line(tuple(group)))
                group = []
            group.append(b)
        out.append(Line(tuple(group)))
    return out


def body_model(columns: Sequence[Column], body: Sequence[Line], rules: Sequence[Rule]) -> TableModel:
    """The layout of a table known by its body only (no header): the columns' boundaries in the
    white gutters between them, or on the ruling lines there."""
    words = [w for ln in body for w in ln.words]
    v_rules = _vertical_rules(rules, body[0].top, body[-1].bottom)
    runs = _runs(body[:40])
    bounds = tuple(_boundary(a, b, words, v_rules, runs) for a, b in itertools.pairwise(columns))
    return TableModel(tuple(columns), bounds, min(w.x0 for w in words), max(w.x1 for w in words),
                      _kind(c.role for c in columns))


def page_walls(page: PageLayout) -> list[Rule]:
    """The page's vertical rules (not on a scan, where a rule found in the pixels may run
    through a word)."""
    return [] if page.ocr else [r for r in page.rules if not r.horizontal]


def _cell_roles(line: Line, walls: Walls = ()) -> list[str | None] | None:
    matches = _cell_matches(line, walls)
    return None if matches is None else [m.role if m.coverage >= 1.0 else None for m in matches]


def _cell_matches(line: Line, walls: Walls = ()) -> list[HeaderMatch] | None:
    """What the header vocabulary says of each cell of a line that could be a header: two to
    sixteen cells, none longer than a header cell is on one line."""
    cells = line_cells(line, walls)
    if not 2 <= len(cells) <= 16 or any(len(c.words) > 8 for c in cells):
        return None
    return [header_match(c.text) for c in cells]


def header_roles(line: Line, walls: Walls = ()) -> list[str | None] | None:
    """Roles of a line's cells when the line reads as a table header beyond doubt (most cells
    are header words, a name column and another known one, or two item columns), else ``None``.
    Such a line also ends the body of the table above it."""
    roles = _cell_roles(line, walls)
    if roles is None or HS_TOKEN.search(line.text):
        return None  # a header names its columns; it never prints an HS code ("HS 8459.61")
    known = [r for r in roles if r]
    party = "name" in known and len(set(known)) >= 2
    items = len(set(known) & ITEM_ROLES) >= 2
    if not (party or items) or len(known) < 0.6 * len(roles):
        return None
    return roles


def maybe_header(line: Line, walls: Walls = ()) -> bool:
    """A line that may be a table header, to be confirmed by the body under it: a cell that
    names the party column ("Licensee Name", "Plan Name", "Company") or three cells of header
    words (a scan may have lost the name cell), no cell that is data (a date, an amount, a
    label ending in a colon...), and on average 40% of its words header words."""
    matches = _cell_matches(line, walls)
    if matches is None:
        return False
    named = "name" in {m.role for m in matches}
    if not named and (len(matches) < 3 or any(m.coverage < 0.75 for m in matches)):
        return False  # without a name cell, only a line of header words through and through
    cells = line_cells(line, walls)
    if any(_data_cell(c.text, m) for c, m in zip(cells, matches, strict=True)):
        return False
    return sum(m.coverage for m in matches) / len(matches) >= 0.4


def _data_cell(text: str, match: HeaderMatch) -> bool:
    """A cell that is data, not a header: a date or an amount, a label and its value ("Name:"),
    a postal code or other long number, a name with its legal form ("ACME CO LTD"), or the
    number of a party's card ("Party 2")."""
    return (is_date_or_number(text) or text.endswith(":") or _LONG_NUMBER.search(text) is not None
            or (match.coverage < 1.0 and ends_with_legal_form(text)) or NUMBERED_TAG.match(text) is not None)


def _vocabulary_line(line: Line) -> bool:
    """A line made only of header words (a header's second or third line: "Address", "Codes")."""
    return any(c.isalpha() for c in line.text) and all(
        header_match(run.text).coverage >= 1.0 for run in line_cells(line))


def _rows_above(lines: Sequence[Line], start: int) -> list[Line]:
    """Header lines printed above the line that was recognised ("Consignee" over "Address"):
    close above it, made of header words, within its width."""
    head, out = lines[start], list[Line]()
    for ln in reversed(lines[max(0, start - 2):start]):
        top = (out[0] if out else head).top
        if top - ln.bottom > 0.6 * head.size or ln.x0 < head.x0 - 4 * head.size:
            break
        if ln.x1 > head.x1 + 4 * head.size or not _vocabulary_line(ln) or header_roles(ln):
            break
        out.insert(0, ln)
    return out


def _header_block(lines: Sequence[Line], start: int, rules: Sequence[Rule] = ()) -> list[Line]:
    """The header line plus the lines its cells wrap onto: lines in the header's own font or
    made of header words only, down to a rule that underlines the header; without such a rule,
    only when the body's font differs or the line is all header words."""
    head = lines[start]
    below = [r.top for r in rules if r.horizontal and head.bottom < r.top < head.bottom + 4 * head.size
             and r.x1 - r.x0 > 4 * (head.x1 - head.x0) / 5]
    underline = min(below) if below else None
    font = head.words[0].font
    body_font = next((ln.words[0].font for ln in lines[start + 1:] if ln.words[0].font != font), "")
    block = [head]
    for ln in lines[start + 1:start + 3]:
        gap = ln.top - block[-1].bottom
        same_font = all(w.font == font for w in ln.words)
        if underline is not None:
            if ln.bottom > underline + 1 or not (same_font or _vocabulary_line(ln)):
                break
        elif gap > 0.8 * head.size or not ((same_font and body_font) or _vocabulary_line(ln)):
            break
        if header_roles(ln):
            break
        block.append(ln)
    return block


def _split_by_body(cell: Line, body_words: Sequence[Word]) -> list[Line]:
    """A header cell that heads two columns ("Jurisdiction  Remarks" printed close together):
    split it where the body under it has a white gutter between two of its words."""
    if len(cell.words) < 2 or len(body_words) < 3:
        return [cell]
    for k, (a, b) in enumerate(itertools.pairwise(cell.words)):
        if b.x0 - a.x1 < 0.3 * cell.size:
            continue
        lo, hi = (a.x0 + a.x1) / 2, (b.x0 + b.x1) / 2
        left = any(w.x1 <= lo + 1 and w.x1 > cell.x0 for w in body_words)
        right = any(w.x0 >= hi - 1 and w.x0 < cell.x1 for w in body_words)
        if left and right and any(iv[1] - iv[0] >= 3 for iv in free_intervals(body_words, lo, hi)):
            head, tail = Line(cell.words[:k + 1]), Line(cell.words[k + 1:])
            return [head, *_split_by_body(tail, body_words)]
    return [cell]


def _merge_header(block: list[Line], anchor: int = 0, body: Sequence[Line] = (),
                  walls: Walls = ()) -> list[Column]:
    """Columns from a header block: the anchor line's cells (split where the body shows two
    columns under one cell), with the runs of the other lines joined to the nearest cell in
    reading order."""
    body_words = [w for ln in body[:40] for w in ln.words]
    cells = [part for c in line_cells(block[anchor], walls) for part in _split_by_body(c, body_words)]
    texts: list[list[tuple[float, str]]] = [[(c.top, c.text)] for c in cells]
    extents = [[c.x0, c.x1] for c in cells]
    for ln in block[:anchor] + block[anchor + 1:]:
        for run in line_cells(ln, walls):
            mid = (run.x0 + run.x1) / 2
            i = min(range(len(cells)), key=lambda k: abs((cells[k].x0 + cells[k].x1) / 2 - mid))
            texts[i].append((run.top, run.text))
            extents[i] = [min(extents[i][0], run.x0), max(extents[i][1], run.x1)]
    columns = []
    for parts, (x0, x1), cell in zip(texts, extents, cells, strict=True):
        joined = " ".join(t for _, t in sorted(parts, key=lambda p: p[0]))
        role = header_role(joined) or header_role(cell.text) or header_match(joined).role
        columns.append(Column(role, joined, x0, x1, role))
    return columns


def free_intervals(words: Sequence[Word], lo: float, hi: float) -> list[tuple[float, float]]:
    """The white intervals between ``lo`` and ``hi`` that none of the words cross."""
    spans = sorted((max(lo, w.x0), min(hi, w.x1)) for w in words if w.x1 > lo and w.x0 < hi)
    free, cursor = [], lo
    for a, b in spans:
        if a > cursor:
            free.append((cursor, a))
        cursor = max(cursor, b)
    if cursor < hi:
        free.append((cursor, hi))
    return free


def _vertical_rules(rules: Sequence[Rule], top: float, bottom: float) -> list[float]:
    xs = [r.x0 for r in rules if not r.horizontal and r.top <= top + 2 and r.bottom >= bottom - 2]
    return sorted(xs)


def _runs(body: Sequence[Line]) -> list[Line]:
    """The body's cell-like runs: each line split at wide gaps."""
    return [run for ln in body for run in line_cells(ln)]


def _between_headers(left: Column, right: Column, runs: Sequence[Line]) -> tuple[float, float] | None:
    """Where the boundary must lie, judged by the body's runs: right of every run under the left
    header (or closer to it, when a run sits in the space between the two headers, as under
    centred headers), left of every run under the right one. ``None`` when a run straddles."""
    lo, hi = left.x0, right.x1
    centre_l, centre_r = (left.x0 + left.x1) / 2, (right.x0 + right.x1) / 2
    right_starts = [r.x0 for r in runs if r.x0 < right.x1 and r.x1 > right.x0 and r.x0 >= left.x1]
    edge = _common_start([*right_starts, right.x0])  # where the right column's cells (and its
    # header) start, when they align
    if edge is not None:  # a run across that edge is two cells a narrow gutter joined
        runs = [part for run in runs for part in _cut_at(run, edge)]
        right_starts = [r.x0 for r in runs if r.x0 < right.x1 and r.x1 > right.x0 and r.x0 >= left.x1]
    for run in runs:
        if run.x1 <= left.x0 or run.x0 >= right.x1:
            continue
        under_l, under_r = run.x0 < left.x1 and run.x1 > left.x0, run.x0 < right.x1 and run.x1 > right.x0
        if under_l and under_r:
            return None
        centre = (run.x0 + run.x1) / 2
        aligned = any(abs(run.x0 - x) <= 2 for x in right_starts)  # a cell's second line ("LIMITED")
        before = edge is not None and run.x1 < edge - 1  # ("United … Arab": a justified cell)
        nearer_l = abs(centre - centre_l) < abs(centre - centre_r)
        if under_l or (not under_r and not aligned and (before or nearer_l)):
            lo = max(lo, run.x1)
        else:
            hi = min(hi, run.x0)
    return (lo, hi) if lo < hi else None


def _cut_at(run: Line, x: float) -> list[Line]:
    """A run cut before its word that starts at ``x``, if one does (not its first)."""
    k = next((i for i, w in enumerate(run.words) if i and abs(w.x0 - x) <= 2), None)
    return [run] if k is None else [Line(run.words[:k]), Line(run.words[k:])]


def _common_start(starts: Sequence[float]) -> float | None:
    """The left edge most of a column's runs start at (three at least), if any."""
    if len(starts) < 3:
        return None
    best = max(starts, key=lambda x: sum(1 for y in starts if abs(y - x) <= 2))
    shared = sum(1 for y in starts if abs(y - best) <= 2)
    return best if shared >= 3 and shared >= 0.6 * len(starts) else None


def _boundary(left: Column, right: Column, words: Sequence[Word], v_rules: list[float],
              runs: Sequence[Line] = ()) -> float:
    """Where column ``left`` ends and ``right`` begins: a ruling line between their headers,
    else the white gutter at (or nearest to) the right header's left edge, kept between the
    body's runs of the two columns."""
    ruled = [x for x in v_rules if left.x0 < x <= right.x0 + 1]
    if ruled:
        return ruled[-1]
    target = right.x0 - 1.5
    window = _between_headers(left, right, runs)
    if window is not None and not window[0] <= target <= window[1]:
        return window[1] - min(1.5, (window[1] - window[0]) / 2)
    free = [iv for iv in free_intervals(words, left.x0 + 1, right.x1 - 1) if iv[1] - iv[0] >= 1.5]
    if not free:
        return target
    containing = [iv for iv in free if iv[0] - 1 <= target <= iv[1] + 1]
    if containing:
        return min(containing[0][1] - 0.5, max(containing[0][0], target))
    best = min(free, key=lambda iv: min(abs(iv[0] - target), abs(iv[1] - target)))
    return (best[0] + best[1]) / 2


def is_prose(line: Line, x0: float, x1: float) -> bool:
    width = max(x1 - x0, 1.0)
    return any(r.x1 - r.x0 > _PROSE_WIDTH * width for r in line_cells(line)) and len(line.words) > 3


def _within_columns(line: Line, model: TableModel) -> bool:
    """Whether each wide run of a line stays in one column: the long cell of a wide column
    (an Entity List cell of name, aliases and address), not running text across the table;
    or starts right of the first column (running text starts at the table's left edge; this is
    a cell that nearly touches the next one)."""
    wide = [r for r in line_cells(line) if r.x1 - r.x0 > _PROSE_WIDTH * max(model.x1 - model.x0, 1.0)]
    return all(len({model.column_of(w) for w in r.words}) == 1
               or model.column_of(r.words[0]) > 0  # not from the left edge: cells that nearly touch
               for r in wide)


def _candidate_body(lines: Sequence[Line], x0: float, x1: float,
                    head: Sequence[Line] = ()) -> list[Line]:
    """The lines under a header that may be its body, for measuring the columns: up to a new
    header, running text (a wide run under more than one header cell), or a line that starts
    well left of the table (a source note)."""
    body: list[Line] = []
    for ln in lines:
        if header_roles(ln) or ln.x0 < x0 - 2 * ln.size or closing(ln):
            break
        if is_prose(ln, x0, x1) and not _under_one_cell(ln, x0, x1, head) and not (
                body and detail_line(ln) is not None):
            break
        body.append(ln)
    return body


def _under_one_cell(line: Line, x0: float, x1: float, head: Sequence[Line]) -> bool:
    """Whether each wide run of a line lies under one header cell only (the long cell of a
    wide column, such as an Entity List cell), or starts right of the first header cell (a
    cell that nearly touches the next), not across the header from its left like running text."""
    wide = [r for r in line_cells(line) if r.x1 - r.x0 > _PROSE_WIDTH * max(x1 - x0, 1.0)]
    return bool(head) and all(
        sum(1 for h in head if h.x0 < r.x1 and h.x1 > r.x0) <= 1 or r.x0 > head[0].x1 for r in wide)


def _left_edge(header: Line, first: Line, walls: Walls, after: Sequence[Line],
               bottom: float) -> float:
    """Where the table starts: its first header cell, or left of it when that cell is centred
    over its column: the rule drawn at the column's left, else the first row under the header
    (whose last line ends at ``bottom``) when it starts further left and reaches under it."""
    left = [r.x0 for r in walls if r.top <= header.top + 1 and r.bottom >= header.bottom - 1
            and r.x0 <= first.x0 + 1]
    if left:
        return min(first.x0, max(left))
    below = after[0] if after else None
    if below is not None and below.top - bottom < 2.5 * header.size and below.x0 < first.x0 \
            and any(w.x0 <= first.x1 and w.x1 >= first.x0 for w in below.words):
        return below.x0
    return first.x0


def header_to_model(block: list[Line], after: Sequence[Line], rules: Sequence[Rule],
                    anchor: int = 0, scanned: bool = False) -> TableModel:
    """Columns and their boundaries, from the header cells, ruling lines and body gutters."""
    walls = [] if scanned else [r for r in rules if not r.horizontal]
    head = line_cells(block[anchor], walls)
    x0, x1 = _left_edge(block[anchor], head[0], walls, after, max(ln.bottom for ln in block)), max(
        head[-1].x1, max((ln.x1 for ln in after[:6]), default=0.0))
    body = [ln for ln in _candidate_body(after, x0, x1, head) if detail_line(ln) is None]
    words = [w for ln in body for w in ln.words]
    merged = _lost_columns(_merge_header(block, anchor, body, walls), body)
    columns = _columns_with_cells(merged, words, len(body))
    x0 = min(c.x0 for c in columns)
    bottom = body[-1].bottom if body else block[-1].bottom
    v_rules = _vertical_rules(rules, block[0].top, min(bottom, block[-1].bottom + 30))
    runs = _runs(body[:40])
    bounds = tuple(_boundary(a, b, words, v_rules, runs) for a, b in itertools.pairwise(columns))
    x0 = min([x0, *(w.x0 for w in words)]) if words else x0
    x1 = max([x1, *(w.x1 for w in words)]) if words else x1
    return TableModel(tuple(columns), bounds, x0, x1, _kind(c.role for c in columns))


def _lost_columns(columns: list[Column], body: Sequence[Line]) -> list[Column]:
    """For a header with no name cell (a cell a scan did not read), its columns plus those the
    body shows but the header lacks: a left edge where runs of the body start on several
    lines, away from every header cell."""
    if len(body) < 3 or any(c.role == "name" for c in columns):
        return columns
    starts = sorted(run.x0 for ln in body[:15] for run in line_cells(ln))
    found: list[list[float]] = []
    for x in starts:
        if found and x - found[-1][-1] <= _SAME_X:
            found[-1].append(x)
        else:
            found.append([x])
    lost = [Column(None, "", g[0], g[0] + 1.0) for g in found
            if len(g) >= max(3, len(body[:15]) // 3)
            and not any(c.x0 - _SAME_X <= g[0] <= c.x1 + 2 for c in columns)]
    return sorted([*columns, *lost], key=lambda c: c.x0) if lost else columns


def _columns_with_cells(columns: list[Column], words: Sequence[Word], lines: int) -> list[Column]:
    """The header's columns less those under which no body word starts, in a body of three lines
    or more: a header "cell" that heads nothing is a speck or a stray word of the scan ("TH")."""
    if lines < 3 or len(columns) < 3:
        return columns
    kept = []
    for i, col in enumerate(columns):
        right = columns[i + 1].x0 if i + 1 < len(columns) else float("inf")
        starts = any(col.x0 - 3 <= w.x0 < right - 1 for w in words)
        if starts or col.hint is not None or i == 0:
            kept.append(col)
    return kept


def _kind(roles: Iterable[str | None]) -> str:
    return "party" if "name" in set(roles) else "item"


def refine_roles(model: TableModel, rows: Sequence[Row]) -> TableModel:
    """The model with each column's role checked against its cells (``columns.content_role``);
    without a name column, the column that reads most like organisation names (and differs from
    row to row) becomes it."""
    cells = [[r.text(i) for r in rows] for i in range(len(model.columns))]
    roles = [content_role(c, col.role) for c, col in zip(cells, model.columns, strict=True)]
    scores = [name_score(c) for c in cells]
    names = [i for i, r in enumerate(roles) if r == "name"]
    if not names:
        names = [i for i, r in enumerate(roles) if r in (None, "extra") and scores[i] >= 0.5
                 and _distinct(cells[i])]
    best = max(names, key=lambda i: (scores[i], -i)) if names else None
    for i in names:
        roles[i] = "name" if i == best else model.columns[i].role if model.columns[i].role != "name" else None
    if best is not None:
        _script_names(roles, cells, scores, best)
    columns = tuple(dataclasses.replace(c, role=r) for c, r in zip(model.columns, roles, strict=True))
    return dataclasses.replace(model, columns=columns, kind=_kind(roles))


def _script_names(roles: list[str | None], cells: Sequence[Sequence[str]], scores: Sequence[float],
                  best: int) -> None:
    """"Entity (Latin) | Entity (original script)": the Latin column is the name (the lists key
    on it), the column of names in their own script gives aliases (``roles`` changed in place)."""
    script = [i for i, r in enumerate(roles) if (i == best or r in (None, "extra"))
              and share(cells[i], _own_script) >= _MOSTLY_SCRIPT and share(cells[i], is_address) < 0.5]
    if best in script:
        latin = [i for i, r in enumerate(roles) if r in (None, "extra") and scores[i] >= 0.5
                 and _distinct(cells[i]) and share(cells[i], _own_script) == 0]
        if not latin:
            return
        roles[max(latin, key=lambda i: (scores[i], -i))] = "name"
    for i in script:
        roles[i] = "alias"


def _own_script(text: str) -> bool:
    """A cell written mostly in another script than Latin (Cyrillic, Chinese)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if not c.isascii()) >= 0.6 * len(letters)


def _distinct(cells: Sequence[str]) -> bool:
    """Cells that differ from row to row, as names do (not one note repeated on every row:
    "Any quantity; report enquiries to OEE.")."""
    filled = [c for c in cells if c.strip()]
    return len(filled) < 4 or len(set(filled)) >= 0.5 * len(filled)


def column_span(model: TableModel, index: int) -> tuple[float, float]:
    """The horizontal extent of one column, between its boundaries."""
    edges = [model.x0, *model.boundaries, model.x1]
    return edges[index], edges[index + 1]


def table_rules(rules: Sequence[Rule], model: TableModel) -> list[Rule]:
    """Horizontal rules that span most of the table's width, or the whole name column (a grid
    whose name cells span several rows, "Partnership Health Plan" over fourteen counties, rules
    its rows only where a name cell ends)."""
    width = model.x1 - model.x0
    name = next((i for i, r in enumerate(model.roles) if r == "name"), None)
    lo, hi = column_span(model, name) if name is not None else (model.x1, model.x0)
    return [r for r in rules if r.horizontal and (
        min(r.x1, model.x1) - max(r.x0, model.x0) > 0.7 * width
        or (hi > lo and min(r.x1, hi) - max(r.x0, lo) > 0.8 * (hi - lo)))]


def closing(line: Line) -> bool:
    """A letter's closing or signature line ("Sincerely,", "Yours faithfully")."""
    return bool(_CLOSING.match(line.text))


def _set_apart(ln: Line, gap: float, gaps: Sequence[float], following: Sequence[Line],
               model: TableModel) -> bool:
    """A one-column line well below the rows, with no row after it: text after the table
    ("Office of Export Enforcement"), not the start of another row. Born-digital pages only:
    the line boxes of a scan are too uneven to measure gaps this finely."""
    if len(gaps) < 2 or gap <= max(1.5 * max(gaps) + 2, ln.size):
        return False
    if len({model.column_of(w) for w in ln.words}) >= 2:
        return False
    return not any(model.fits(n) and len({model.column_of(w) for w in n.words}) >= 2
                   for n in following)


def _group_heading(line: Line) -> bool:
    """A row that is only a country's name, printed across the columns over that country's
    rows ("HONG KONG", "UNITED ARAB EMIRATES", "3. CYPRUS", "RUSSIA (cont.)"): part of the table,
    though it fits no column."""
    return len(line.words) <= 7 and heading_country(line.text) is not None


def _body_lines(lines: Sequence[Line], model: TableModel, h_rules: list[Rule],
                scanned: bool = False) -> list[Line]:
    """The leading lines of ``lines`` that belong to the table body.

    The body ends at a line that does not fit the columns, a new header, a line of running text
    across the table, an unusually large gap, or (for a ruled table) the last ruling line under
    the body; not on a scan, where the last rule may just not have been seen.
    """
    first_top = lines[0].top if lines else 0.0
    below = [r.top for r in h_rules if r.top > first_top + 1]
    bottom_rule = max(below) if below and not scanned else None
    body: list[Line] = []
    gaps: list[float] = []
    for i, ln in enumerate(lines):
        gap = ln.top - body[-1].bottom if body else 0.0
        limit = max(2.6 * ln.size, 2.2 * max(gaps, default=0.0))
        if body and gap <= limit and detail_line(ln) is not None and ln.x0 >= model.x0 - ln.size:
            gaps.append(gap)  # "Address: …" across the row above, under its cells
            body.append(ln)
            continue
        if bottom_rule is not None and body and ln.top > bottom_rule:
            if not _row_below(lines[i:i + 3], model):
                break
            bottom_rule = None  # a row below the last rule: cut by the page break, no rule under it
        if (not model.fits(ln) and not _group_heading(ln)) or header_roles(ln) is not None or (
                body and gap > limit):
            break
        if _group_heading(ln) and i + 1 < len(lines) and (
                header_roles(lines[i + 1]) is not None or maybe_header(lines[i + 1])):
            break  # the heading of the next table, printed over its header
        if body and is_prose(ln, model.x0, model.x1) and not _within_columns(ln, model):
            break
        if closing(ln) or (not scanned and _set_apart(ln, gap, gaps, lines[i + 1:i + 3], model)):
            break  # a closing ("Sincerely,"), or a line set apart below the rows: not the table
        if body:
            gaps.append(gap)
        body.append(ln)
    return body


def _row_below(lines: Sequence[Line], model: TableModel) -> bool:
    """Whether lines under a table's last rule are one more row (the page ended it before its
    rule): a line fills two columns, also the second or third line of a row whose cells are
    centred (an address line above the name)."""
    for k, ln in enumerate(lines):
        if k and ln.top - lines[k - 1].bottom > ln.size:
            return False
        if not model.fits(ln):
            return False
        if len({model.column_of(w) for w in ln.words}) >= 2:
            return True
    return False


def page_tables(page: PageLayout, lines: Sequence[Line], carried: TableModel | None,
                previous: TableModel | None = None) -> list[TableFragment]:
    """All table fragments on a page; ``carried`` is a table still open from the page before,
    ``previous`` the last table seen (a repeated header reuses its columns)."""
    fragments: list[TableFragment] = []
    i = 0
    if carried is not None:
        skip = _repeated_header(lines, carried)
        body = _body_lines(lines[skip:], carried, table_rules(page.rules, carried), page.ocr)
        if _looks_like_rows(body, carried):
            rows = lines_to_rows(body, carried, page, table_rules(page.rules, carried))
            kept = trim_trailing_text(rows, carried)
            open_end = skip + len(body) == len(lines) and len(kept) == len(rows)
            fragments.append(TableFragment(carried, page.number, kept, open_end, continued=True))
            i = skip + len(body)
    walls = page_walls(page)
    while i < len(lines):
        strong = header_roles(lines[i], walls) is not None
        if not strong and not maybe_header(lines[i], walls):
            i += 1
            continue
        found = _table_at(page, lines, i, previous)
        if found is None or not (strong or confirmed(found[0].model, found[0].rows)):
            i += 1
            continue
        fragment, used = found
        if label_rows(fragment.rows, fragment.model):
            i += 1  # "Name  ACME LLC" over "Aliases  …", "Address  …": a card of labels, not a table
            continue
        fragments.append(fragment)
        previous = fragment.model
        i += used
    return fragments


def _repeated_header(lines: Sequence[Line], model: TableModel) -> int:
    """How many lines at the top of a page repeat the header of the table carried over from the
    page before, when its words are not header vocabulary ("# Cnee Name Cnee Addr Ctry HS Cd"):
    lines made only of the header's words, the first holding half of them at least."""
    words = {w.casefold() for c in model.columns for w in c.header.split()}
    n = 0
    for ln in lines[:3]:
        mine = {w.text.casefold() for w in ln.words}
        if not words or not mine <= words or (n == 0 and len(mine) < 0.5 * len(words)):
            break
        n += 1
    return n


def _table_at(page: PageLayout, lines: Sequence[Line], i: int,
              previous: TableModel | None) -> tuple[TableFragment, int] | None:
    """The table whose header is recognised at line ``i``, and how many lines it takes."""
    above = _rows_above(lines, i)
    block = _header_block(lines, i, page.rules)
    after = lines[i + len(block):]
    model = _same_layout(header_to_model(above + block, after, page.rules, len(above), page.ocr),
                         previous)
    h_rules = table_rules(page.rules, model)
    body = _body_lines(after, model, h_rules, page.ocr)
    rows = lines_to_rows(body, model, page, h_rules)
    if model is not previous and rows:
        refined = refine_roles(model, rows)
        if refined.roles != model.roles:
            model, rows = refined, lines_to_rows(body, refined, page, h_rules)
    kept = trim_trailing_text(rows, model)
    open_end = len(body) == len(after) and len(kept) == len(rows)
    start = i - len(above)
    over = lines[start - 1] if start > 0 else None  # "UNITED ARAB EMIRATES" over its own table
    heading = over is not None and _group_heading(over)
    model = replace(model, heading=resolve_country(over.text.strip(" .:"), allow_codes=False)
                    if over is not None and heading else None)
    return TableFragment(model, page.number, kept, open_end), len(block) + len(body)


def label_rows(rows: Sequence[Row], model: TableModel) -> bool:
    """Whether a "table" is one party's labels and values: the first column of most of its rows
    holds a label of the header vocabulary ("Aliases", "Address", "Country", "HS codes"), of two
    roles at least and not one word repeated (a "Type" column of "Entity" on every row)."""
    first = next((i for i, r in enumerate(model.roles) if r != "index"), 0)
    labels = [r.text(first) for r in rows if r.text(first)]
    known = [(t, m.role) for t in labels
             if (m := header_match(t.rstrip(":"))).role is not None and m.coverage >= 1.0]
    return (len(rows) >= 2 and len(known) >= 0.6 * len(rows)
            and len({role for _, role in known}) >= 2 and len(set(known)) >= 0.5 * len(known))


def confirmed(model: TableModel, rows: Sequence[Row]) -> bool:
    """Whether the body under a doubtful header is a party table: its name column reads as
    organisation names, and most rows fill another column too."""
    name = next((i for i, r in enumerate(model.roles) if r == "name"), None)
    if name is None or not rows:
        return False
    others = sum(1 for r in rows if any(r.text(i) for i in range(len(model.columns)) if i != name))
    return name_score([r.text(name) for r in rows]) >= 0.5 and others >= len(rows) / 2


def _same_layout(model: TableModel, previous: TableModel | None) -> TableModel:
    """A header repeated on a later page keeps the columns measured where there were more rows,
    also when a header cell was lost or misread on the way (a scan): every column of the new
    header sits where a column of the earlier one was, and half of those with a role keep it."""
    if previous is None:
        return model
    def bucket(c: Column) -> int:
        return round(c.x0 / _SAME_X)

    def near(c: Column, same_role: bool) -> bool:
        return any(abs(bucket(c) - bucket(e)) <= 1 and (not same_role or e.hint == c.hint)
                   for e in previous.columns)

    placed = all(near(c, False) for c in model.columns)
    roles = [c for c in model.columns if c.hint is not None]
    kept = sum(1 for c in roles if near(c, True))
    return previous if placed and kept >= max(1, len(roles) / 2) and len(model.columns) >= 2 else model


def filled(row: Row, model: TableModel) -> int:
    """How many of a row's content columns hold text (index and unnamed columns aside)."""
    return sum(1 for cell, role in zip(row.cells, model.roles, strict=False)
               if cell and role not in (None, "index"))


def is_partial_row(row: Row, rows: Sequence[Row], model: TableModel) -> bool:
    """A row holding only the tail of a row cut by a page break: fewer filled columns than
    usual, with a column empty that the other rows always fill (the country, printed on the
    row's first line only), or no row number where the table numbers its rows (unless the row
    is full: a scan may have lost its number)."""
    others = [r for r in rows if r is not row]
    if not others:
        return False
    counts = sorted(filled(r, model) for r in rows)
    usual = counts[len(counts) // 2]
    index = next((i for i, r in enumerate(model.roles) if r == "index"), None)
    if index is not None and not row.cells[index] and filled(row, model) < usual:
        return True
    if usual >= 2 and filled(row, model) <= 1:
        return True
    always = [i for i, role in enumerate(model.roles) if role not in (None, "index") and
              sum(1 for r in others if r.text(i)) >= max(2, 0.9 * len(others))]
    return filled(row, model) < usual and any(not row.text(i) for i in always)


def trim_trailing_text(rows: list[Row], model: TableModel) -> list[Row]:
    """Drop rows at the end that fill one column where the table's rows fill several:
    a closing line ("Sincerely,") or a signature that happens to sit inside one column."""
    if len(rows) < 2:
        return rows
    counts = sorted(filled(r, model) for r in rows)
    if counts[len(counts) // 2] < 2:
        return rows
    end = len(rows)
    while end > 1 and filled(rows[end - 1], model) <= 1:
        end -= 1
    return rows[:end]


def _looks_like_rows(body: Sequence[Line], model: TableModel) -> bool:
    """Whether lines at the top of a page continue a table: a line among the first ones fills
    two columns (the first lines may be the tail of one cell, cut by the page break)."""
    return any(len({model.column_of(w) for w in ln.words}) >= 2 for ln in body[:8])
