"""Pages whose text is printed sideways: a landscape table set on a portrait page, its lines
running up (or down) the page. pdfplumber reads such glyphs as "not upright", one letter per
line; here the page is turned so that its text reads left to right, and read as any other.

A turned page is a light stand-in for a pdfplumber page (``chars``, ``lines``, ``rects``,
``width``, ``height``, ``extract_words``, ``dedupe_chars``) in the coordinates of the page
turned a quarter: so the table reader sees rows and columns, never the rotation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from pdfplumber.utils.text import dedupe_chars, extract_words

_SIDEWAYS_SHARE = 0.6  # of the page's glyphs, printed sideways: the page is read turned

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def _direction(char: dict[str, Any]) -> str | None:
    """"up" for a glyph whose baseline runs up the page, "down" for one running down."""
    a, b, c, d = (float(v) for v in char.get("matrix", (1, 0, 0, 1))[:4])
    if abs(a) < 1e-6 and abs(d) < 1e-6:
        if b > 0 > c:
            return "up"
        if b < 0 < c:
            return "down"
    return None


class TurnedPage:
    """A page's glyphs, lines and rectangles turned a quarter so that its sideways text reads
    left to right."""

    def __init__(self, page: Any, direction: str) -> None:
        width, height = float(page.width), float(page.height)
        self.width, self.height = height, width
        turn = _up(height) if direction == "up" else _down(width)
        self.chars = [_turned(ch, turn, upright=True) for ch in page.chars
                      if _direction(ch) == direction]
        self.lines = [_turned(ln, turn) for ln in page.lines]
        self.rects = [_turned(r, turn) for r in page.rects]

    def extract_words(self, **kwargs: Any) -> list[dict[str, Any]]:
        return extract_words(self.chars, **kwargs)

    def dedupe_chars(self, tolerance: float = 1) -> TurnedPage:
        turned = object.__new__(TurnedPage)
        turned.__dict__.update(self.__dict__)
        turned.chars = dedupe_chars(self.chars, tolerance=tolerance)
        return turned


def turned_page(page: Any) -> TurnedPage | None:
    """The page turned to read its text, when most of its glyphs are printed sideways."""
    chars = page.chars
    if not chars:
        return None
    counts = Counter(_direction(ch) for ch in chars)
    direction, count = max(((d, n) for d, n in counts.items() if d is not None),
                           key=lambda dn: dn[1], default=(None, 0))
    if direction is None or count < _SIDEWAYS_SHARE * len(chars):
        return None
    return TurnedPage(page, direction)


def _up(height: float) -> Callable[[Box], Box]:
    """Text running up the page: the page turned clockwise."""
    return lambda b: (height - b[3], b[0], height - b[1], b[2])


def _down(width: float) -> Callable[[Box], Box]:
    """Text running down the page: the page turned anticlockwise."""
    return lambda b: (b[1], width - b[2], b[3], width - b[0])


def _turned(obj: dict[str, Any], turn: Callable[[Box], Box], *, upright: bool | None = None
            ) -> dict[str, Any]:
    x0, top, x1, bottom = turn((float(obj["x0"]), float(obj["top"]), float(obj["x1"]),
                                float(obj["bottom"])))
    out = {**obj, "x0": x0, "top": top, "x1": x1, "bottom": bottom, "doctop": top,
           "width": x1 - x0, "height": bottom - top}
    if upright is not None:  # a glyph: its size is its height across the line, as turned
        out["upright"] = upright  # (pdfminer gives a sideways glyph its advance as size)
        out["size"] = bottom - top
    return out
