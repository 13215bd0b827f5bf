"""Page geometry shared by the PDF and OCR paths: words, text lines, ruling lines, shaded boxes.

Coordinates are PDF points with the origin at the top-left corner (pdfplumber's ``top``).
These are plain frozen dataclasses, not pydantic models: a page has thousands of words and
this is the hot path.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from redletter.schema import BBox


@dataclass(frozen=True, slots=True)
class Word:
    """One word as printed, with its box and (for OCR) its confidence 0..1."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 10.0
    font: str = ""
    conf: float = 1.0

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True, slots=True)
class Rule:
    """A ruling line (or the edge of a thin rectangle): horizontal when ``top == bottom``."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.bottom - self.top)


@dataclass(frozen=True, slots=True)
class Shade:
    """A filled rectangle (shaded or zebra table row, header band)."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Line:
    """Words that share a baseline, left to right."""

    words: tuple[Word, ...]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def text(self) -> str:
        return join_words(self.words)

    @property
    def size(self) -> float:
        return sorted(w.size for w in self.words)[len(self.words) // 2]


@dataclass(frozen=True, slots=True)
class PageLayout:
    """Everything the parsers need from one page."""

    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    rules: tuple[Rule, ...] = ()
    shades: tuple[Shade, ...] = ()
    ocr: bool = False
    boxes: tuple[Shade, ...] = ()  # stroked rectangles big enough to frame text (cards, panels)
    rotation: tuple[int, float] = (0, 0.0)  # a scan's quarter turn and deskew, degrees CCW
    picture: float = 0.0  # the share of the page its largest image covers (a scanned page: ~1)


@dataclass(frozen=True, slots=True)
class PlacedLine:
    """A line of running text and the page it is on."""

    page: int
    line: Line


def join_words(words: Sequence[Word]) -> str:
    """Text of words on one line, with a single space between them."""
    return " ".join(w.text for w in words)


def union_bbox(boxes: Iterable[Word | Line | BBox]) -> BBox:
    """The smallest box around all the given words, lines or boxes."""
    x0 = top = float("inf")
    x1 = bottom = float("-inf")
    for b in boxes:
        bx0, btop, bx1, bbottom = b if isinstance(b, tuple) else (b.x0, b.top, b.x1, b.bottom)
        x0, top, x1, bottom = min(x0, bx0), min(top, btop), max(x1, bx1), max(bottom, bbottom)
    return (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))


def words_to_lines(words: Iterable[Word], *, tolerance: float = 0.45) -> list[Line]:
    """Group words into lines: a word joins the line whose vertical middle it shares, or, on a
    scan where one line's words are read at slightly different heights ("Name" beside
    "Consignee" with its descender), the recent line it overlaps for most of its height.

    ``tolerance`` is a fraction of the word height. Lines come top to bottom, words left to right.
    """
    lines: list[list[Word]] = []
    spans: list[tuple[float, float]] = []
    for w in sorted(words, key=lambda w: (round(w.bottom, 1), w.x0)):
        middle = (w.top + w.bottom) / 2
        best, best_fit = None, 0.0
        for k in range(len(lines) - 1, max(-1, len(lines) - 3), -1):
            ref = lines[k][0]
            top, bottom = spans[k]
            overlap = (min(bottom, w.bottom) - max(top, w.top)) / max(min(w.height, ref.height), 0.1)
            same_middle = abs(middle - (ref.top + ref.bottom) / 2) <= tolerance * max(ref.height, w.height)
            fit = max(overlap, 1.0 if same_middle else 0.0)
            if fit >= 0.7 and fit > best_fit:
                best, best_fit = k, fit
        if best is None:
            lines.append([w])
            spans.append((w.top, w.bottom))
        else:
            lines[best].append(w)
            spans[best] = (min(spans[best][0], w.top), max(spans[best][1], w.bottom))
    out = [Line(tuple(sorted(ws, key=lambda w: w.x0))) for ws in lines]
    return sorted(out, key=lambda ln: (ln.top, ln.x0))


def split_line(line: Line, *, gap: float) -> list[Line]:
    """Split a line into runs wherever two words are further apart than ``gap`` points."""
    runs: list[list[Word]] = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:], strict=False):
        if w.x0 - prev.x1 > gap:
            runs.append([w])
        else:
            runs[-1].append(w)
    return [Line(tuple(r)) for r in runs]


def _join_spans(spans: list[tuple[float, float]], gap: float) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + gap:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def join_rules(rules: Iterable[Rule], *, snap: float = 1.5, gap: float = 3.0) -> tuple[Rule, ...]:
    """Ruling lines drawn in pieces (one segment per cell, as many producers draw a grid) joined
    into whole lines: segments on the same line (within ``snap`` points) that touch or nearly
    touch (within ``gap``) become one. Horizontal first, then vertical, each in position order."""
    rows: dict[int, list[tuple[float, float, float]]] = {}
    cols: dict[int, list[tuple[float, float, float]]] = {}
    for r in rules:
        if r.horizontal:
            rows.setdefault(round(r.top / snap), []).append((r.x0, r.x1, r.top))
        else:
            cols.setdefault(round(r.x0 / snap), []).append((r.top, r.bottom, r.x0))
    out: list[Rule] = []
    for _, segs in sorted(rows.items()):
        y = sum(s[2] for s in segs) / len(segs)
        out += [Rule(a, y, b, y) for a, b in _join_spans([(s[0], s[1]) for s in segs], gap)]
    for _, segs in sorted(cols.items()):
        x = sum(s[2] for s in segs) / len(segs)
        out += [Rule(x, a, x, b) for a, b in _join_spans([(s[0], s[1]) for s in segs], gap)]
    return tuple(out)
