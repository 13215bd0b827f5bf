"""Which PDF pages need OCR: no text layer, one that is garbage (no usable font encoding), or
one that another OCR laid over a scanned page ("searchable" scans): Tesseract's own layer
(its "GlyphLessFont") or any text over a page-sized image with no drawn rule. Such a layer has
the scan's skew in every line and its engine's misreadings ("J OI NT S TO C K"); reading the
image here gets this project's deskewing, cleaning and line building instead."""

from __future__ import annotations

import unicodedata

from redletter.extract.geometry import PageLayout

_MIN_WORDS = 3
_MAX_BAD_SHARE = 0.3
_SCANNED_PAGE = 0.9  # of the page's area, at least, one image covers: a scanned page


def _bad(text: str) -> bool:
    if "(cid:" in text or "\ufffd" in text:
        return True
    return any(unicodedata.category(c) in {"Co", "Cc", "Cs"} for c in text)


def needs_ocr(page: PageLayout) -> bool:
    """True when the page has (almost) no words, its words are another OCR's layer over a
    scanned page, or many of them are unreadable glyphs."""
    if len(page.words) < _MIN_WORDS or searchable_scan(page):
        return True
    bad = sum(1 for w in page.words if _bad(w.text))
    letters = sum(1 for w in page.words for c in w.text if c.isalpha())
    chars = sum(len(w.text) for w in page.words)
    return bad > _MAX_BAD_SHARE * len(page.words) or letters < 0.3 * chars


def searchable_scan(page: PageLayout) -> bool:
    """A scanned page with a text layer of another OCR's making."""
    if all("GlyphLess" in w.font for w in page.words):
        return True
    return page.picture >= _SCANNED_PAGE and not page.rules and not page.shades
