"""Read again the ink that Tesseract's page layout analysis skipped.

In table pages Tesseract sometimes drops whole cells (a lone "RUSSIA" in a narrow column).
Ink not covered by any word box nor by a ruling line is cut into line-sized regions; the regions
are stacked into one small image and read in a single extra Tesseract call, so the cost is one
short call per page, not one per cell.
"""

from __future__ import annotations

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


def read_regions(image: Image.Image, boxes: list[Box], *, timeout: float) -> list[OcrWord]:
    """OCR the regions in one call (stacked on a white sheet), in page coordinates."""
    if not boxes:
        return []
    crops = [image.crop((x0 - _PAD, t - _PAD, x1 + _PAD, b + _PAD)) for x0, t, x1, b in boxes]
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
        if slot is None or w.conf < _MIN_CONF:
            continue
        top, _, (x0, t, _, _) = slot
        out.append(OcrWord(w.text, w.left - _GAP + x0 - _PAD, w.top - top + t - _PAD, w.width,
                           w.height, w.conf, (-1, slots.index(slot), 0)))
    return out
