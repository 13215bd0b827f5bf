"""Read a PDF's pages with pdfplumber: words, ruling lines and shaded boxes.

pdfplumber and pdfminer are used only here. Their failures become our exceptions: an
unreadable file is an ``InputFileError``, a password-protected one an ``EncryptedPdfError``.
A file is read within its budget (``source.file_budget``): pdfminer's stream decoding is
counted, and its zlib inflation stops at the budget instead of filling memory.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer import pdftypes
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from redletter.errors import EncryptedPdfError, InputFileError, RedletterError
from redletter.extract.geometry import PageLayout, Rule, Shade, Word, join_rules
from redletter.extract.source import current_budget, file_budget
from redletter.extract.turned import turned_page

_THIN = 2.0  # a rectangle thinner than this is drawn as a ruling line
_MIN_SHADE_WIDTH = 40.0


_ENCRYPTED = (PDFPasswordIncorrect, PDFEncryptionError)
_CORRUPT = (PDFSyntaxError, PSException, PdfminerException, ValueError, KeyError, TypeError,
            AttributeError, IndexError, RecursionError, AssertionError, EOFError, OSError)


def _cause(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's exception; look inside."""
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else None
    return inner if isinstance(inner, BaseException) else exc


def _open_error(exc: BaseException, path: Path) -> Exception:
    cause = _cause(exc)
    if isinstance(cause, RedletterError):  # over the file's budget, raised inside pdfminer
        return cause
    if isinstance(cause, _ENCRYPTED):
        return EncryptedPdfError(
            "the PDF is password-protected; ask the sender for an unencrypted copy", path=path)
    detail = str(cause).strip() or type(cause).__name__
    return InputFileError(
        f"the PDF is corrupt or truncated ({detail}); re-download or re-scan it", path=path)


class _BoundedZlib:
    """pdfminer's ``zlib``, inflating no more than the file's budget allows."""

    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)

    @staticmethod
    def decompress(data: bytes) -> bytes:
        budget = current_budget()
        if budget is None:
            return zlib.decompress(data)
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, budget.remaining() + 1)
        if len(out) > budget.remaining():
            budget.spend(len(out))  # raises
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")
        return out


def _counted_decode(stream: pdftypes.PDFStream) -> None:
    _decode(stream)
    budget = current_budget()
    if budget is not None and stream.data is not None:
        budget.spend(len(stream.data))


_decode = pdftypes.PDFStream.decode
pdftypes.zlib = _BoundedZlib  # type: ignore[attr-defined, assignment]
pdftypes.PDFStream.decode = _counted_decode  # type: ignore[method-assign, assignment]


@contextmanager
def open_pdf(path: Path, *, max_pages: int) -> Iterator[Any]:
    """Open ``path`` with pdfplumber within the file's budget, mapping every failure to a
    one-line error."""
    with file_budget(path), _opened(path, max_pages=max_pages) as pdf:
        yield pdf


@contextmanager
def _opened(path: Path, *, max_pages: int) -> Iterator[Any]:
    try:
        pdf = pdfplumber.open(path)
        count = len(pdf.pages)
    except (*_ENCRYPTED, *_CORRUPT) as exc:
        raise _open_error(exc, path) from exc
    if count == 0:
        pdf.close()
        raise InputFileError("the PDF has no pages", path=path)
    if count > max_pages:
        pdf.close()
        raise InputFileError(
            f"the PDF has {count} pages, more than the limit of {max_pages} (--max-pages)",
            path=path,
        )
    try:
        yield pdf
    except _CORRUPT as exc:
        raise _open_error(exc, path) from exc
    finally:
        pdf.close()


def _word(chars: list[dict[str, Any]], size: float, font: str) -> Word | None:
    text = "".join(c["text"] for c in chars).strip()
    if not text:
        return None
    return Word(text, min(float(c["x0"]) for c in chars), min(float(c["top"]) for c in chars),
                max(float(c["x1"]) for c in chars), max(float(c["bottom"]) for c in chars), size, font)


def _split_at_rules(w: dict[str, Any], walls: Sequence[Rule]) -> list[Word]:
    """A word split where a vertical ruling line runs through it: two cells' text that touch
    ("Limited821-39/2013-DS") are two words."""
    size, font = float(w["size"]), str(w["fontname"])
    cuts = sorted(r.x0 for r in walls if w["x0"] + 0.5 < r.x0 < w["x1"] - 0.5
                  and r.top <= w["top"] + 1 and r.bottom >= w["bottom"] - 1)
    groups: list[list[dict[str, Any]]] = [[] for _ in range(len(cuts) + 1)]
    for c in w.get("chars", []):
        middle = (float(c["x0"]) + float(c["x1"])) / 2
        groups[sum(1 for x in cuts if middle > x)].append(c)
    if not cuts or not w.get("chars"):
        return [Word(w["text"], float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]),
                     size, font)]
    return [word for g in groups if g and (word := _word(g, size, font)) is not None]


def page_words(page: Any, rules: Sequence[Rule] = ()) -> tuple[Word, ...]:
    """The page's words, with font name and size, in reading order; a word that a vertical
    ruling line runs through is two words."""
    walls = [r for r in rules if not r.horizontal]
    raw = page.extract_words(keep_blank_chars=False, use_text_flow=False,
                             extra_attrs=["fontname", "size"], return_chars=bool(walls))
    return tuple(word for w in raw if w["text"].strip() for word in _split_at_rules(w, walls))


def _is_white(color: Any) -> bool:
    if color is None:
        return True
    values = color if isinstance(color, list | tuple) else [color]
    try:
        numbers = [float(v) for v in values]
    except (TypeError, ValueError):
        return False
    if len(numbers) == 4:  # CMYK: no ink is white
        return all(v <= 0.02 for v in numbers)
    return all(v >= 0.98 for v in numbers)


def page_rules(page: Any) -> tuple[Rule, ...]:
    """Ruling lines: drawn lines and the edges of thin rectangles, clipped to the page."""
    rules = [Rule(float(ln["x0"]), float(ln["top"]), float(ln["x1"]), float(ln["bottom"]))
             for ln in page.lines]
    for r in page.rects:
        w, h = float(r["width"]), float(r["height"])
        if min(w, h) <= _THIN:
            rules.append(Rule(float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"])))
        elif r.get("stroke"):
            x0, top, x1, bottom = (float(r[k]) for k in ("x0", "top", "x1", "bottom"))
            rules += [Rule(x0, top, x1, top), Rule(x0, bottom, x1, bottom),
                      Rule(x0, top, x0, bottom), Rule(x1, top, x1, bottom)]
    return tuple(rules)


def page_shades(page: Any) -> tuple[Shade, ...]:
    """Filled, non-white rectangles wide and tall enough to be a shaded row or band."""
    return tuple(
        Shade(float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"]))
        for r in page.rects
        if r.get("fill") and float(r["width"]) >= _MIN_SHADE_WIDTH and float(r["height"]) > _THIN
        and not _is_white(r.get("non_stroking_color"))
    )


def page_boxes(page: Any) -> tuple[Shade, ...]:
    """Stroked rectangles at least 60 x 24 points: frames around text (cards, panels), also
    with rounded corners (a closed curve)."""
    def closed(c: dict[str, Any]) -> bool:
        pts = c.get("pts") or []
        return len(pts) >= 4 and abs(pts[0][0] - pts[-1][0]) < 2 and abs(pts[0][1] - pts[-1][1]) < 2

    shapes = [*page.rects, *(c for c in getattr(page, "curves", ()) if closed(c))]
    return tuple(
        Shade(float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"]))
        for r in shapes
        if r.get("stroke") and float(r["width"]) >= 60 and float(r["height"]) >= 24)


def _printed_twice(chars: Sequence[dict[str, Any]]) -> bool:
    """Whether a page prints many of its glyphs twice on top of each other (a cheap count:
    deduplicating every page would cost more than reading it)."""
    seen: set[tuple[str, int, int]] = set()
    twice = 0
    for c in chars:
        key = (c["text"], round(float(c["x0"]) * 2), round(float(c["top"]) * 2))
        twice += key in seen
        seen.add(key)
    return twice > 0.02 * len(chars)


def _picture(page: Any) -> float:
    """The share of the page covered by its largest image (its part on the page)."""
    width, height = float(page.width), float(page.height)
    if not width or not height:
        return 0.0
    best = 0.0
    for image in getattr(page, "images", ()):  # (a turned page lists none: it is no scan)
        across = min(float(image["x1"]), width) - max(float(image["x0"]), 0.0)
        down = min(float(image["bottom"]), height) - max(float(image["top"]), 0.0)
        best = max(best, max(0.0, across) * max(0.0, down) / (width * height))
    return best


def _keep(obj: dict[str, Any]) -> bool:
    return obj.get("object_type") != "char" or bool(obj.get("upright", True))


def _upright_only(page: Any) -> Any:
    """The page without its few glyphs set sideways (a column header turned up, a stamp in the
    margin): read across the lines, each such glyph is a word of its own ("y t i t n E")."""
    if all(c.get("upright", True) for c in page.chars):
        return page
    return page.filter(_keep)


def read_page(page: Any, number: int) -> PageLayout:
    """One pdfplumber page as a ``PageLayout``. Glyphs printed twice at almost the same place
    (a "fake bold") are read once; a page whose text is printed sideways is read turned
    (``turned``: its layout is that of the turned page); a few sideways glyphs on an upright
    page are left out."""
    page = turned_page(page) or _upright_only(page)
    text_page = page.dedupe_chars(tolerance=0.5) if _printed_twice(page.chars) else page
    rules = join_rules(page_rules(page))
    return PageLayout(number=number, width=float(page.width), height=float(page.height),
                      words=page_words(text_page, rules), rules=rules, shades=page_shades(page),
                      boxes=page_boxes(page), picture=_picture(page))
