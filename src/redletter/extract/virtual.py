"""Pages for text that has no page: the body of an e-mail, the cells of a spreadsheet.

They are laid out as a PDF page would be (words with boxes, ruling lines round table cells), so
that one table and prose reader serves every way a letter arrives. Characters are placed on a
fixed pitch; boxes are in the same points as a PDF page's.
"""

from __future__ import annotations

from collections.abc import Sequence

from redletter.extract.geometry import PageLayout, Rule, Word

SIZE = 9.0
PITCH = 5.4  # points per character
LEADING = 12.0
MARGIN = 36.0
GUTTER = 3  # characters between two columns


def _words(text: str, x: float, top: float, font: str = "virtual") -> list[Word]:
    """The words of one printed line starting at ``x``."""
    out, col = [], 0
    for token in text.split(" "):
        if token:
            x0 = x + col * PITCH
            out.append(Word(token, x0, top, x0 + len(token) * PITCH, top + SIZE, SIZE, font))
        col += len(token) + 1
    return out


def text_page(lines: Sequence[str], number: int) -> PageLayout:
    """A page of running text, one printed line per line."""
    words = [w for i, ln in enumerate(lines) for w in _words(ln, MARGIN, MARGIN + i * LEADING)]
    height = max(792.0, 2 * MARGIN + len(lines) * LEADING)
    width = max([612.0, *(w.x1 + MARGIN for w in words)])
    return PageLayout(number, width, height, tuple(words))


def _widths(rows: Sequence[Sequence[str]]) -> list[int]:
    n = max((len(r) for r in rows), default=0)
    return [max((len(line) for r in rows if i < len(r) for line in r[i].split("\n")), default=1) or 1
            for i in range(n)]


def grid_page(preamble: Sequence[str], rows: Sequence[Sequence[str]], number: int) -> PageLayout:
    """A page with some lines of text, then a ruled table of ``rows`` (each cell's line breaks
    kept), as a spreadsheet would print."""
    words = [w for i, ln in enumerate(preamble) for w in _words(ln, MARGIN, MARGIN + i * LEADING)]
    widths = _widths(rows)
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + (w + GUTTER) * PITCH)
    top = MARGIN + (len(preamble) + 1) * LEADING
    rules: list[Rule] = []
    for row in rows:
        height = max((cell.count("\n") + 1 for cell in row), default=1) * LEADING
        rules.append(Rule(xs[0], top - 2, xs[-1], top - 2))
        for i, cell in enumerate(row):
            for k, line in enumerate(cell.split("\n")):
                words += _words(line.strip(), xs[i] + PITCH, top + k * LEADING)
        top += height
    if rows:
        table_top = MARGIN + (len(preamble) + 1) * LEADING - 2
        rules.append(Rule(xs[0], top - 2, xs[-1], top - 2))
        rules += [Rule(x, table_top, x, top - 2) for x in xs]
    width = max(612.0, xs[-1] + MARGIN)
    return PageLayout(number, width, max(792.0, top + MARGIN), tuple(words), tuple(rules))
