"""Drop page furniture: running headers, footers and page numbers.

A line is furniture when it sits in the top or bottom band of the page and either reads as a
page number ("Page 2 of 5", "- 3 -"), or is short and repeats, digits aside, on other pages in
the same band, or is a short running head that says the page continues ("Annex (continued)").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from redletter.extract.geometry import Line, PageLayout, split_line

_TOP_BAND = 0.065
_BOTTOM_BAND = 0.085
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*\d+(?:\s*(?:of|/)\s*\d+)?|[-–—]?\s*\d{1,3}\s*[-–—]?|\d+\s*/\s*\d+)$", re.I)
_DIGITS = re.compile(r"\d+")
_CONTINUED = re.compile(r"\(?\bcont(?:inued|'d|\.)\)?", re.I)
_CODE_LINE = re.compile(r"^[\s,;]*(?:\d{4}\.?\d{2}(?:\.?\d{2,4})?[\s,;]*)+$")  # "854239", "8542.31 8536.69"


def _band(line: Line, page: PageLayout) -> str | None:
    if line.bottom <= page.height * _TOP_BAND:
        return "top"
    if line.top >= page.height * (1 - _BOTTOM_BAND):
        return "bottom"
    return None


def _key(line: Line) -> str:
    return _DIGITS.sub("#", line.text.casefold())


def _has_page_number(line: Line) -> bool:
    """Whether the line is a page number, or a short running line holding one ("Page 3 of 9",
    "Annex A   - 3 -"); a table row whose last cell is a count is not."""
    runs = split_line(line, gap=2 * line.size)
    if len(runs) > 3:
        return False
    numbered = [run for run in runs if _PAGE_NUMBER.match(run.text)]
    return any("page" in run.text.casefold() for run in numbered) or (bool(numbered) and len(runs) <= 2)


def _continued(line: Line, page: PageLayout) -> bool:
    """A short head near the top of a page that says a list goes on ("Annex A (continued)")."""
    return line.bottom <= page.height * 0.12 and _short(line) and _CONTINUED.search(line.text) is not None


def _short(line: Line) -> bool:
    """Running heads and feet are a few runs of text ("Annex A   Page 2"); a line of four runs
    or more is a table row, even one that repeats digits aside ("Boeing Company ... Layoff")."""
    return len(split_line(line, gap=2 * line.size)) <= 3


def remove_furniture(pages: Sequence[PageLayout],
                     lines_by_page: Sequence[list[Line]]) -> list[list[Line]]:
    """Each page's lines without its running headers, footers and page numbers."""
    repeats = Counter((_band(ln, p), _key(ln)) for p, lines in zip(pages, lines_by_page, strict=True)
                      for ln in {_key(x): x for x in lines}.values() if _band(ln, p))
    out = []
    for page, lines in zip(pages, lines_by_page, strict=True):
        kept = []
        for ln in lines:
            band = _band(ln, page)
            repeated = (len(pages) > 1 and repeats[(band, _key(ln))] > 1 and _short(ln)
                        and not _CODE_LINE.match(ln.text))  # a row's HS codes, not a page number
            if _continued(ln, page) or (band and (_has_page_number(ln) or repeated)):
                continue
            kept.append(ln)
        out.append(kept)
    return out
