"""A scanned page image to a ``PageLayout``: straighten it, read it, find its ruling lines.

1. Orientation: a page that reads badly upright is checked with Tesseract's OSD and turned.
2. Deskew: the angle (within +-5 degrees) whose horizontal projection is sharpest.
3. OCR word boxes (``ocr.read_words``), scaled to PDF points. A page ruled as a table (four
   upright rules at least) is read with its rules wiped out and Tesseract's sparse-text mode:
   its automatic layout analysis takes the lines of cells whose baselines differ from column
   to column for one line and garbles them ("EMITED PARITY", "Rano 24, ae" for "room 9").
4. Ruling lines and shaded bands from the pixels, so the born-digital table logic applies.
Denoising and binarization are left to Tesseract's own Otsu step: on the sample scans extra
filtering did not improve the words read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image

from redletter.extract.geometry import PageLayout, Rule, Shade, Word
from redletter.extract.images import PageImage
from redletter.extract.ocr import OcrWord, page_rotation, read_words
from redletter.extract.recover import not_read_yet, read_regions, reread_bands, uncovered_ink

cv2.setNumThreads(1)  # pages are already read in parallel processes, one per core

_WORK_WIDTH = 1000  # pixels, for line finding
_SKEW_WIDTH = 700  # pixels, for the deskew search
_NEGLIGIBLE_TILT = 0.15
_GRID_RULES = 4  # upright rules, at least, make a page a ruled table
_TALL_RULE = 0.1  # of the page's height, at least, an upright rule of a table runs
_INK = 160  # grey level under which a pixel is ink, for wiping rules out
_SPARSE = 11  # Tesseract's page segmentation for sparse text: words wherever they stand
_SIDEWAYS = 1.2
_DARK = 140
_MIN_GOOD_WORDS = 3  # upright pages read >75% of their words well, upside-down ones <15%
_GOOD_CONF = 0.7
_GOOD_SHARE = 0.5  # an upright page reads most of its words with confidence
_MIN_SHADE_PT = 9.0  # a shaded row is taller than a line of text, whose ink also looks grey
_LINE_ART = "|¦_-—–=~[]"
_BORDER = "|¦_=~[]"  # stripped from the ends of a word; dashes are kept ("—alias", "Co.-")


def _small(image: Image.Image) -> tuple[NDArray[np.uint8], float]:
    """A reduced copy for line finding: each block of k x k pixels keeps its darkest pixel, so a
    hairline rule survives the reduction."""
    k = max(1, -(-image.width // _WORK_WIDTH))
    arr = np.asarray(image, dtype=np.uint8)
    h, w = arr.shape[0] // k * k, arr.shape[1] // k * k
    shifted = [arr[i:h:k, j:w:k] for i in range(k) for j in range(k)]
    return np.minimum.reduce(shifted), 1.0 / k


def _rotate(arr: NDArray[np.uint8], angle: float, interpolation: int, fill: int) -> NDArray[np.uint8]:
    """``arr`` rotated counter-clockwise by ``angle`` degrees about its centre, same size (OpenCV:
    about 4x faster than Pillow's rotate for the same bilinear result)."""
    h, w = arr.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    out = cv2.warpAffine(arr, matrix, (w, h), flags=interpolation,
                         borderMode=cv2.BORDER_CONSTANT, borderValue=fill)
    return np.asarray(out, dtype=np.uint8)


def _sharpness(dark: NDArray[np.uint8], angle: float) -> float:
    rotated = _rotate(dark, angle, cv2.INTER_NEAREST, 0)
    rows = rotated.sum(axis=1, dtype=np.float64)
    return float(np.square(np.diff(rows)).sum())


def skew_angle(image: Image.Image) -> float:
    """Degrees to rotate the page (counter-clockwise) to level its text lines, within +-5:
    a coarse search by whole degrees, then a fine one by 0.2 degrees around the best."""
    scale = min(1.0, _SKEW_WIDTH / image.width)
    small = image.resize((max(1, int(image.width * scale)), max(1, int(image.height * scale))),
                         Image.Resampling.BOX)
    dark = ((np.asarray(small) < _DARK + 40) * 255).astype(np.uint8)
    best = max(np.arange(-5.0, 5.01, 1.0), key=lambda a: _sharpness(dark, float(a)))
    fine = np.arange(best - 0.8, best + 0.81, 0.2)
    return round(float(max(fine, key=lambda a: _sharpness(dark, float(a)))), 2)


def level(image: Image.Image, angle: float) -> Image.Image:
    """The image rotated by ``angle`` degrees; left alone when the tilt is negligible."""
    if abs(angle) < _NEGLIGIBLE_TILT:
        return image
    arr = np.asarray(image.convert("L"), dtype=np.uint8)
    return Image.fromarray(_rotate(arr, angle, cv2.INTER_LINEAR, 255))


def _runs(mask: NDArray[np.bool_], min_len: int) -> list[tuple[int, int]]:
    """(start, end) of each run of True at least ``min_len`` long in a 1-D mask."""
    padded = np.concatenate(([False], mask, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True) if b - a >= min_len]


def _group(indices: list[int]) -> list[list[int]]:
    groups: list[list[int]] = []
    for i in indices:
        if groups and i - groups[-1][-1] <= 2:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _pieces(band: NDArray[np.bool_], start: int, end: int, min_len: int) -> list[tuple[int, int]]:
    """The stretches of a stroke's band (its rows) that hold ink all along, from ``start`` to
    ``end``: a gap wider than a few pixels with no ink in any of its rows parts two strokes
    (two tables one above the other, their outer rules on one line), while a line drawn askew
    keeps ink in one row or another all along."""
    cover: NDArray[np.bool_] = np.asarray(band[:, start:end].any(axis=0), dtype=bool)
    gap = max(4, min_len // 8)
    out: list[tuple[int, int]] = []
    for a, b in _runs(cover, 1):
        if out and a + start - out[-1][1] <= gap:
            out[-1] = (out[-1][0], b + start)
        else:
            out.append((a + start, b + start))
    return [(a, b) for a, b in out if b - a >= min_len]


def _strokes(dark: NDArray[np.bool_], min_len: int, max_width: int | None = None,
             inked: NDArray[np.bool_] | None = None) -> list[tuple[float, int, int]]:
    """Long dark runs along each row of ``dark``, adjacent rows merged into one stroke, cut
    where its band holds no ink (``_pieces``; ``inked``: what is not bare paper, a rule's
    stretch across a shaded header included): (middle row, first pixel, last pixel). With
    ``max_width``, strokes thicker than that many rows (a shaded band, not a line) are left
    out."""
    inked = dark if inked is None else inked
    found: dict[int, tuple[int, int]] = {}
    for y in range(dark.shape[0]):
        if runs := _runs(dark[y], min_len):
            found[y] = (runs[0][0], runs[-1][1])
    out: list[tuple[float, int, int]] = []
    for g in _group(sorted(found)):
        if max_width is not None and g[-1] - g[0] >= max_width:
            continue
        start, end = min(found[y][0] for y in g), max(found[y][1] for y in g)
        out += [((g[0] + g[-1]) / 2, a, b) for a, b in _pieces(inked[g[0]:g[-1] + 1], start, end, min_len)]
    return out


def _near(mid: float, known: list[tuple[float, int, int]]) -> bool:
    return any(abs(mid - m) <= 2 for m, _, _ in known)


def find_rules(arr: NDArray[np.uint8], to_pt: float) -> list[Rule]:
    """Horizontal and vertical ruling lines: dark runs longer than a fifth of the page width
    (horizontal) or a twentieth of its height (vertical); also light grey hairlines (a grid
    printed in grey), when they are thin: a thick grey stroke is a shaded band, not a rule."""
    dark = arr < _DARK
    light = arr < min(_DARK + 70, float(np.percentile(arr, 90)) - 35)
    inked = arr < float(np.percentile(arr, 90)) - 35
    thin = max(2, int(2.5 / to_pt))
    rows = _strokes(dark, arr.shape[1] // 5, inked=inked)
    rows += [s for s in _strokes(light, arr.shape[1] // 5, thin, inked) if not _near(s[0], rows)]
    cols = _strokes(dark.T, arr.shape[0] // 20, inked=inked.T)
    cols += [s for s in _strokes(light.T, arr.shape[0] // 20, thin, inked.T) if not _near(s[0], cols)]
    rules = [Rule(a * to_pt, mid * to_pt, b * to_pt, mid * to_pt) for mid, a, b in sorted(rows)]
    rules += [Rule(mid * to_pt, a * to_pt, mid * to_pt, b * to_pt) for mid, a, b in sorted(cols)]
    return rules


def find_shades(arr: NDArray[np.uint8], to_pt: float) -> list[Shade]:
    """Bands of rows whose typical pixel is mid-grey (shaded table rows or header bands)."""
    paper = float(np.percentile(arr, 90))
    medians = np.median(arr, axis=1)
    grey = (medians < paper - 10) & (medians > 120)
    shades = []
    min_rows = max(4, int(_MIN_SHADE_PT / to_pt))
    for top, bottom in _runs(grey, min_rows):
        band = arr[top:bottom]
        cols = np.flatnonzero(np.median(band, axis=0) < paper - 10)
        if cols.size and cols[-1] - cols[0] > arr.shape[1] * 0.3:
            shades.append(Shade(cols[0] * to_pt, top * to_pt, cols[-1] * to_pt, bottom * to_pt))
    return shades


def _is_line_art(word: OcrWord) -> bool:
    """OCR reads ruling lines and table borders as '|', '_' or dashes."""
    return not word.text.strip(_LINE_ART)


def _to_words(ocr: list[OcrWord], to_pt: float) -> tuple[Word, ...]:
    ocr = [replace(w, text=w.text.strip(_BORDER)) for w in ocr if not _is_line_art(w)]
    if not ocr:
        return ()
    heights = sorted(w.height for w in ocr)
    size = heights[len(heights) // 2] * to_pt * 1.3  # a box is ~0.75 of the font size
    return tuple(Word(w.text, w.left * to_pt, w.top * to_pt, (w.left + w.width) * to_pt,
                      (w.top + w.height) * to_pt, size, "", w.conf) for w in ocr)


def _no_specks(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Words without the specks OCR reads as one or two characters a fraction of a line high."""
    heights = sorted(w.height for w in words)
    if not heights:
        return words
    usual = heights[len(heights) // 2]
    return tuple(w for w in words if w.height >= 0.35 * usual or len(w.text) > 2)


def _off_rules(words: tuple[Word, ...], rules: list[Rule]) -> tuple[Word, ...]:
    """Drop one- and two-letter 'words' sitting on a vertical rule: the rule, misread."""
    verticals = [r for r in rules if not r.horizontal]
    return tuple(w for w in words if len(w.text) > 2 or not any(
        w.x0 - 1 <= r.x0 <= w.x1 + 1 and r.top <= w.top and w.bottom <= r.bottom + 2 for r in verticals))


def _good(words: list[OcrWord]) -> int:
    return sum(1 for w in words if w.conf >= _GOOD_CONF and len(w.text) > 2)


def lines_run_sideways(image: Image.Image) -> bool:
    """Whether the page's text lines run top to bottom (a page turned 90 degrees): the white
    gaps between lines then show as empty columns rather than empty rows. Costs milliseconds."""
    dark = np.asarray(image.reduce(4)) < _DARK + 60  # reduce() averages: strokes turn grey
    empty_rows = float((~dark.any(axis=1)).mean())
    empty_cols = float((~dark.any(axis=0)).mean())
    return empty_cols > _SIDEWAYS * empty_rows


@dataclass(frozen=True)
class Straight:
    """A page image as read: turned by ``turn`` degrees counter-clockwise (a quarter turn, the
    canvas enlarged), then levelled by ``deskew`` degrees counter-clockwise; and its words."""

    image: Image.Image
    words: list[OcrWord]
    turn: int = 0
    deskew: float = 0.0
    rules: tuple[Rule, ...] = ()  # its ruling lines, in PDF points
    shades: tuple[Shade, ...] = ()  # its shaded bands, in PDF points


def _levelled(image: Image.Image, turn: int) -> tuple[Image.Image, int, float]:
    turned = image.rotate(turn, expand=True, fillcolor=255) if turn else image
    angle = skew_angle(turned)
    angle = angle if abs(angle) >= _NEGLIGIBLE_TILT else 0.0
    return level(turned, angle), turn, angle


def ruled_as_table(rules: Sequence[Rule], height: float) -> bool:
    """Whether a page of this ``height`` is ruled as a table: four upright rules at least, each
    a tenth of the page's height or more."""
    tall = [r for r in rules if not r.horizontal and r.bottom - r.top >= _TALL_RULE * height]
    return len(tall) >= _GRID_RULES


def without_rules(image: Image.Image) -> Image.Image:
    """The page with its long straight strokes (table rules) painted over in white."""
    arr = np.asarray(image.convert("L"))
    ink = ((arr < _INK) * 255).astype(np.uint8)
    across = cv2.getStructuringElement(cv2.MORPH_RECT, (max(40, arr.shape[1] // 30), 1))
    upright = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(40, arr.shape[0] // 40)))
    rules = cv2.bitwise_or(cv2.morphologyEx(ink, cv2.MORPH_OPEN, across),
                           cv2.morphologyEx(ink, cv2.MORPH_OPEN, upright))
    out = arr.copy()
    out[cv2.dilate(rules, np.ones((3, 3), np.uint8)) > 0] = 255
    return Image.fromarray(out)


def _read(image: Image.Image, turn: int, timeout: float, page_pt: tuple[float, float]) -> Straight:
    levelled, turn, angle = _levelled(image, turn)
    width_pt = page_pt[1] if turn in (90, 270) else page_pt[0]
    to_pt = width_pt / levelled.width
    arr, scale = _small(levelled)
    rules = tuple(find_rules(arr, to_pt / scale))
    if ruled_as_table(rules, levelled.height * to_pt):
        words = read_words(without_rules(levelled), timeout=timeout, psm=_SPARSE)
    else:
        words = read_words(levelled, timeout=timeout)
    return Straight(levelled, words, turn, angle, rules, tuple(find_shades(arr, to_pt / scale)))


def straighten(image: Image.Image, *, timeout: float, page_pt: tuple[float, float]) -> Straight:
    """The page turned upright and levelled, and its words.

    A page whose lines run sideways is turned by OSD before any OCR; an upright-looking page
    that still reads badly (upside down) is checked by OSD after the first reading."""
    if lines_run_sideways(image) and (turn := page_rotation(image.reduce(2), timeout=timeout)) in (
            90, 270):
        return _read(image, -turn % 360, timeout, page_pt)
    first = _read(image, 0, timeout, page_pt)
    words = first.words
    if not words or _good(words) >= max(_MIN_GOOD_WORDS, _GOOD_SHARE * len(words)):
        return first
    turn = page_rotation(image, timeout=timeout)
    if turn == 0:
        return first
    turned = _read(image, -turn % 360, timeout, page_pt)
    return turned if _good(turned.words) > _good(words) else first


def scan_to_layout(page: PageImage, number: int, *, timeout: float) -> PageLayout:
    """OCR one page image into words, rules and shades in PDF points."""
    straight = straighten(page.image, timeout=timeout, page_pt=(page.width_pt, page.height_pt))
    image, words = straight.image, straight.words
    width_pt, height_pt = (page.height_pt, page.width_pt) if straight.turn in (90, 270) else (
        page.width_pt, page.height_pt)
    to_pt = width_pt / image.width
    rules, shades = list(straight.rules), list(straight.shades)
    bands = [(int(sh.x0 / to_pt), int(sh.top / to_pt), int(sh.x1 / to_pt), int(sh.bottom / to_pt))
             for sh in shades]
    words = reread_bands(image, words, bands, timeout=timeout)
    segments = [(r.x0 / to_pt, r.top / to_pt, r.x1 / to_pt, r.bottom / to_pt) for r in rules]
    words += not_read_yet(read_regions(image, uncovered_ink(image, words, segments), timeout=timeout), words)
    return PageLayout(number=number, width=width_pt, height=height_pt,
                      words=_no_specks(_off_rules(_to_words(words, to_pt), rules)), rules=tuple(rules),
                      shades=tuple(shades), ocr=True,
                      rotation=(straight.turn, straight.deskew))
