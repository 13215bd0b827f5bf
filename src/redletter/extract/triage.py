"""Which PDF pages need OCR: no text layer, or one that is garbage (no usable font encoding)."""

from __future__ import annotations

import unicodedata

from redletter.extract.geometry import PageLayout

_MIN_WORDS = 3
_MAX_BAD_SHARE = 0.3


def _bad(text: str) -> bool:
    if "(cid:" in text or "\ufffd" in text:
        return True
    return any(unicodedata.category(c) in {"Co", "Cc", "Cs"} for c in text)


def needs_ocr(page: PageLayout) -> bool:
    """True when the page has (almost) no words, or many of its words are unreadable glyphs."""
    if len(page.words) < _MIN_WORDS:
        return True
    bad = sum(1 for w in page.words if _bad(w.text))
    letters = sum(1 for w in page.words for c in w.text if c.isalpha())
    chars = sum(len(w.text) for w in page.words)
    return bad > _MAX_BAD_SHARE * len(page.words) or letters < 0.3 * chars
