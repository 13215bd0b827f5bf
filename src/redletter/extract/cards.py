"""Parties printed as boxed cards set side by side (a grid of two or three cards a row), or
stacked one under the other:

    +--------------------------------+  +--------------------------------+
    | QINGYUAN FO FENG LEDA SUPPLY   |  | XIN QUAN ELECTRONICS CO LIMITED|
    | CHAIN SERVICE CO LTD           |  | Aliases: XIN QUAN ELECTRONICS  |
    | Room 701, …                    |  | Unit D 16/F, One Capital Place |
    | HS 9030320080                  |  | HS 8542310000, 9030391000      |
    | CHINA                          |  | HONG KONG SAR                  |
    +--------------------------------+  +--------------------------------+

Read line by line across the page, two cards make one line of two halves. Here the words of
each card are made into lines of their own, card by card, so that a card reads as one item.
A ruled table is not a grid of cards: its cells touch, and a row holds more of them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from redletter.extract.geometry import Line, PageLayout, Shade, Word, words_to_lines

_MIN_WIDTH = 140.0  # points: a card is wide enough to hold a name
_MIN_LINES = 3  # a card holds a name and an address at least
_MIN_GUTTER = 3.0  # points between two cards of a row (a table's cells touch)
_MAX_PER_ROW = 3


def _inside(word: Word, box: Shade) -> bool:
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box.x0 <= x <= box.x1 and box.top <= y <= box.bottom


def _side_by_side(a: Shade, b: Shade) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap > 0.5 * min(a.bottom - a.top, b.bottom - b.top) and (
        a.x1 + _MIN_GUTTER <= b.x0 or b.x1 + _MIN_GUTTER <= a.x0)


def _stacked(boxes: Sequence[Shade]) -> list[Shade]:
    """Boxes one under the other with the same left and right edges, two at least (a card per
    party down the page)."""
    out = [b for b in boxes if sum(1 for o in boxes if abs(o.x0 - b.x0) <= 4 and abs(o.x1 - b.x1) <= 4
                                   and (o.top >= b.bottom or o.bottom <= b.top)) >= 1]
    return sorted(out, key=lambda b: b.top)


def card_boxes(page: PageLayout) -> list[Shade]:
    """The page's boxes that are cards of a grid (in reading order: rows top to bottom, left to
    right), or cards stacked down the page; none when the page has neither."""
    boxes = [b for b in page.boxes if b.x1 - b.x0 >= _MIN_WIDTH]
    if not any(_side_by_side(a, b) for a, b in itertools.combinations(boxes, 2)):
        if len(boxes) > 30:
            return []  # a ruled page, not cards
        stacked = [b for b in _stacked(boxes)
                   if len(words_to_lines([w for w in page.words if _inside(w, b)])) >= _MIN_LINES]
        return stacked if len(stacked) >= 2 else []
    full = [b for b in boxes
            if len(words_to_lines([w for w in page.words if _inside(w, b)])) >= _MIN_LINES]
    paired = [b for b in full if any(_side_by_side(b, o) for o in full if o is not b)]
    rows_ok = all(sum(1 for o in paired if _side_by_side(b, o)) < _MAX_PER_ROW for b in paired)
    if len(paired) < 2 or not rows_ok:
        return []
    return sorted(paired, key=lambda b: (round(b.top / 10), b.x0))


def card_lines(page: PageLayout) -> tuple[list[Line], list[list[Line]]]:
    """The page's lines outside the cards, and each card's own lines; ``([…], [])`` for a
    page without a grid of cards."""
    cards = card_boxes(page)
    if not cards:
        return words_to_lines(page.words), []
    taken: set[int] = set()
    inside: list[list[Line]] = []
    for box in cards:
        words = [w for w in page.words if id(w) not in taken and _inside(w, box)]
        taken.update(id(w) for w in words)
        inside.append(words_to_lines(words))
    return words_to_lines([w for w in page.words if id(w) not in taken]), inside


def reading_order(outside: Sequence[Line], cards: Sequence[Sequence[Line]]) -> list[Line]:
    """All the lines of a page, card by card where the cards are, by height elsewhere."""
    blocks: list[tuple[float, float, list[Line]]] = [(ln.top, 0.0, [ln]) for ln in outside]
    blocks += [(lines[0].top, lines[0].x0, list(lines)) for lines in cards if lines]
    return [ln for _, _, lines in sorted(blocks, key=lambda b: (b[0], b[1])) for ln in lines]
