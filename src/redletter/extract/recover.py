"""Read again the ink that Tesseract's page layout analysis skipped.

In table pages Tesseract sometimes drops whole cells (a lone "RUSSIA" in a narrow column).
Ink not covered by any word box nor by a ruling line is cut into line-sized regions; the regions
are stacked into one small image and read in a single extra Tesseract call, so the cost is one
short call per page, not one per cell.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw

from redletter.extract.ocr import OcrWord, read_words

Box = tuple[int, int, int, int]  # x0, top, x1, bottom in image pixels
Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 in image pixels

_INK = 128
_REDUCE = 2
_MIN_H, _MAX_H = 14, 90  # a text line at 200-300 dpi, in full-size pixels
_JOIN = 24  # ink runs closer than this (full-size pixels) are one region
_PAD = 8
_GAP = 30
_MAX_REGIONS = 40
_MIN_CONF = 0.6  # a region read with less confidence is a smudge, a stamp or a signature


def _runs(mask: NDArray[np.bool_], min_len: int) -> list[tuple[int, int]]:
    padded = np.concatenate(([False], mask, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True) if b - a >= min_len]


def _join(runs: list[tuple[int, int]], gap: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in runs:
        if out and a - out[-1][1] < gap:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def uncovered_ink(image: Image.Image, words: list[OcrWord], rules: list[Segment]) -> list[Box]:
    """Line-sized regions of ink outside every word box and ruling line (segments, which may be
    tilted, in image pixels)."""
    r = _REDUCE
    ink = np.asarray(image.reduce(r)) < _INK
    for w in words:
        ink[max(0, (w.top - _PAD) // r):(w.top + w.height + _PAD) // r,
            max(0, (w.left - _PAD) // r):(w.left + w.width + _PAD) // r] = False
    if rules:
        mask = Image.new("1", (ink.shape[1], ink.shape[0]), 0)
        draw = ImageDraw.Draw(mask)
        for x0, y0, x1, y1 in rules:
            draw.line([(x0 / r, y0 / r), (x1 / r, y1 / r)], fill=1, width=7)
        ink &= ~np.asarray(mask, dtype=bool)
    boxes: list[Box] = []
    for top, bottom in _runs(ink.sum(axis=1) >= 2, 3):
        if not _MIN_H <= (bottom - top) * r <= _MAX_H:
            continue
        cols: NDArray[np.bool_] = np.asarray(ink[top:bottom].any(axis=0))
        for x0, x1 in _join(_runs(cols, 1), _JOIN // r):
            if (x1 - x0) * r >= _MIN_H and ink[top:bottom, x0:x1].mean() > 0.04:
                boxes.append((x0 * r, top * r, x1 * r, bottom * r))
    return boxes[:_MAX_REGIONS]


def _binarized(crop: Image.Image) -> Image.Image:
    """Dark text on a shaded band, as black on white (Otsu's threshold within the band)."""
    arr = np.asarray(crop.convert("L"), dtype=np.uint8)
    _, out = cv2.threshold(arr, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return Image.fromarray(np.asarray(out, dtype=np.uint8))


def _doubtful(words: list[OcrWord]) -> bool:
    """Words read badly: few, or many with a low confidence."""
    return not words or sum(w.conf for w in words) / len(words) < 0.8


def _inside(w: OcrWord, box: Box) -> bool:
    x, y = w.left + w.width // 2, w.top + w.height // 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def reread_bands(image: Image.Image, words: list[OcrWord], bands: list[Box], *,
                 timeout: float) -> list[OcrWord]:
    """Shaded bands (a table's header row on grey) whose words Tesseract read badly, read again
    binarized, in one extra call for the page; a band's new words replace its old ones when they
    are read with more confidence."""
    doubtful = [b for b in bands if b[3] - b[1] <= 3 * _MAX_H
                and _doubtful([w for w in words if _inside(w, b)])]
    if not doubtful:
        return words
    again = read_regions(image, doubtful, timeout=timeout, prepare=_binarized, min_conf=0.3)
    out = list(words)
    for band in doubtful:
        old = [w for w in words if _inside(w, band)]
        new = [w for w in again if _inside(w, band)]
        if new and (not old or sum(w.conf for w in new) / len(new) > sum(w.conf for w in old) / len(old)):
            out = [w for w in out if not _inside(w, band)] + new
    return out


def not_read_yet(found: list[OcrWord], words: list[OcrWord]) -> list[OcrWord]:
    """The words ``found`` again in a region that are not among ``words`` already (a dark band
    counted as ink left unread gives its words a second time)."""
    return [w for w in found if not any(_same(w, o) for o in words)]


def _same(a: OcrWord, b: OcrWord) -> bool:
    """The same word read twice: one text, boxes overlapping by most of the smaller."""
    if a.text != b.text:
        return False
    dx = min(a.left + a.width, b.left + b.width) - max(a.left, b.left)
    dy = min(a.top + a.height, b.top + b.height) - max(a.top, b.top)
    return dx > 0 and dy > 0 and dx * dy >= 0.5 * min(a.width * a.height, b.width * b.height)


def read_regions(image: Image.Image, boxes: list[Box], *, timeout: float,
                 prepare: Callable[[Image.Image], Image.Image] | None = None,
                 min_conf: float = _MIN_CONF) -> list[OcrWord]:
    """OCR the regions in one call (stacked on a white sheet), in page coordinates; each crop
    made ready by ``prepare`` first, when given."""
    if not boxes:
        return []
    crops = [image.crop((x0 - _PAD, t - _PAD, x1 + _PAD, b + _PAD)) for x0, t, x1, b in boxes]
    if prepare is not None:
        crops = [prepare(c) for c in crops]
    width = max(c.width for c in crops) + 2 * _GAP
    height = sum(c.height + _GAP for c in crops) + _GAP
    sheet = Image.new("L", (width, height), 255)
    slots = []
    y = _GAP
    for crop, box in zip(crops, boxes, strict=True):
        sheet.paste(crop, (_GAP, y))
        slots.append((y, y + crop.height, box))
        y += crop.height + _GAP
    out = []
    for w in read_words(sheet, timeout=timeout, psm=6):
        mid = w.top + w.height // 2
        slot = next((s for s in slots if s[0] <= mid < s[1]), None)
        if slot is None or w.conf < min_conf:
            continue
        top, _, (x0, t, _, _) = slot
        out.append(OcrWord(w.text, w.left - _GAP + x0 - _PAD, w.top - top + t - _PAD, w.width,
                           w.height, w.conf, (-1, slots.index(slot), 0)))
    return out
