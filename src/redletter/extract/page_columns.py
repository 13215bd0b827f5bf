"""Running text set in two columns (an attachment that flows down the left column, then the
right one): read the left column's lines before the right column's.

Read line by line across the page, two columns make one line of two halves ("1. ALFA
LOGISTICS FZCO, Office 4EA …   5. GRAND TRADE HOUSE LLC, 12 Abovyan …"). A page has two
columns where a white gutter runs down the middle of a stretch of lines, with running text on
both sides: lines of several words, the left ones reaching to the gutter (justified or
wrapped there). A table has gutters too, but its cells are short and ragged; it is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from redletter.extract.geometry import Line
from redletter.extract.tables import free_intervals, header_roles, maybe_header

_MIN_LINES = 6  # lines on each side of the gutter
_MIN_GUTTER = 8.0  # points of white space
_WORDS = 4  # a line of running text has this many words at least


def _gutter(lines: Sequence[Line], lo: float, hi: float) -> tuple[float, float] | None:
    """The widest white interval between ``lo`` and ``hi`` that no line's word crosses."""
    free = [iv for iv in free_intervals([w for ln in lines for w in ln.words], lo, hi)
            if iv[1] - iv[0] >= _MIN_GUTTER]
    return max(free, key=lambda iv: iv[1] - iv[0]) if free else None


def _two_columns(run: Sequence[Line], left: float, right: float,
                 heads: frozenset[int] = frozenset()) -> tuple[float, float] | None:
    width = right - left
    gutter = _gutter(run, left + 0.35 * width, left + 0.65 * width)
    if gutter is None:
        return None
    halves = [([w for w in ln.words if w.x1 <= gutter[0]], [w for w in ln.words if w.x0 >= gutter[1]])
              for ln in run]
    lefts = [h[0] for h in halves if h[0]]
    rights = [h[1] for h in halves if h[1]]
    if min(len(lefts), len(rights)) < 0.6 * len(run):
        return None  # (a column may end a line or two before the other)
    prose = sum(1 for ws in lefts + rights if len(ws) >= _WORDS) / (len(lefts) + len(rights))
    reach = sum(1 for ws in lefts if gutter[0] - ws[-1].x1 < 0.2 * (gutter[0] - left)) / len(lefts)
    starts = sorted(round(ws[0].x0) for ws in rights)
    aligned = sum(1 for x in starts if abs(x - starts[len(starts) // 2]) <= 3) / len(starts)
    if any(id(ln) in heads for ln in run):
        return None  # a table's header over its columns
    return gutter if prose >= 0.6 and reach >= 0.5 and aligned >= 0.6 else None


def in_reading_order(lines: Sequence[Line]) -> list[Line]:
    """The page's lines with a stretch set in two columns read column by column (each line of
    that stretch cut at the gutter); the lines as they were when there is none."""
    if len(lines) < _MIN_LINES:
        return list(lines)
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    heads = frozenset(id(ln) for ln in lines if header_roles(ln) or maybe_header(ln))
    # the stretch: the longest run of consecutive lines with a shared gutter
    best: tuple[int, int, tuple[float, float]] | None = None
    start = 0
    while start < len(lines):
        end = start + _MIN_LINES
        found = _two_columns(lines[start:end], left, right, heads) if end <= len(lines) else None
        if found is None:
            start += 1
            continue
        while end < len(lines) and (wider := _two_columns(lines[start:end + 1], left, right, heads)):
            end, found = end + 1, wider
        if best is None or end - start > best[1] - best[0]:
            best = (start, end, found)
        start = end
    if best is None:
        return list(lines)
    a, b, (g0, g1) = best
    run = lines[a:b]
    left_col = [Line(tuple(w for w in ln.words if w.x1 <= g0)) for ln in run]
    right_col = [Line(tuple(w for w in ln.words if w.x0 >= g1)) for ln in run]
    return [*lines[:a], *(ln for ln in left_col if ln.words), *(ln for ln in right_col if ln.words),
            *lines[b:]]
