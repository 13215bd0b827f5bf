"""Page images for the review page: a PDF page rendered by pypdfium2, or a frame of an image
file, as PNG at screen resolution."""

from __future__ import annotations

import io
import threading
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageSequence

SCREEN_DPI = 110
_MAX_SIDE = 2400


def _png(img: Image.Image) -> bytes:
    img.thumbnail((_MAX_SIDE, _MAX_SIDE))
    buf = io.BytesIO()
    img.convert("L" if img.mode in ("1", "L", "I;16") else "RGB").save(buf, "PNG", optimize=False)
    return buf.getvalue()


# PDFium is not thread-safe, and the review page serves images from a thread pool: two pages
# rendered at once crashed the server process. One page is rendered at a time.
_PDFIUM = threading.Lock()


def _pdf_page(path: Path, number: int) -> Image.Image:
    with _PDFIUM:
        return _render(path, number)


def _render(path: Path, number: int) -> Image.Image:
    pdf = pdfium.PdfDocument(str(path))
    try:
        if not 1 <= number <= len(pdf):
            raise LookupError(f"no page {number}")
        bitmap = pdf[number - 1].render(scale=SCREEN_DPI / 72)
        img: Image.Image = bitmap.to_pil()
        return img
    finally:
        pdf.close()


def _image_page(path: Path, number: int) -> Image.Image:
    with Image.open(path) as img:
        for i, frame in enumerate(ImageSequence.Iterator(img), start=1):
            if i == number:
                return frame.copy()
    raise LookupError(f"no page {number}")


def _as_read(img: Image.Image, turn: int, deskew: float) -> Image.Image:
    """The page turned and levelled as it was before OCR, so the boxes fall on their rows."""
    if turn:
        img = img.rotate(turn, expand=True, fillcolor=255)
    if deskew:
        img = img.convert("L").rotate(deskew, resample=Image.Resampling.BILINEAR, fillcolor=255)
    return img


def page_image(path: str, number: int, turn: int = 0, deskew: float = 0.0) -> Image.Image:
    """Page ``number`` (from 1) of the letter file, turned as it was read."""
    file = Path(path)
    with file.open("rb") as fh:
        head = fh.read(5)
    img = _pdf_page(file, number) if head == b"%PDF-" else _image_page(file, number)
    return _as_read(img, turn, deskew)


@lru_cache(maxsize=64)
def page_png(path: str, number: int, mtime_ns: int, turn: int = 0, deskew: float = 0.0) -> bytes:
    """Page ``number`` (from 1) of the letter file as PNG, turned as it was read;
    ``mtime_ns`` keys the cache."""
    return _png(page_image(path, number, turn, deskew))


def crop_png(img: Image.Image, page_size: tuple[float, float], bbox: tuple[float, float, float, float],
             margin: float = 48.0) -> bytes:
    """The band of a page around a box (in PDF points), the box drawn in red, as PNG."""
    from PIL import ImageDraw

    scale = img.width / page_size[0]
    x0, top, x1, bottom = (v * scale for v in bbox)
    band = (0, max(0, int(top - margin * scale)), img.width,
            min(img.height, int(bottom + margin * scale)))
    out = img.convert("RGB").crop(band)
    ImageDraw.Draw(out).rectangle((x0 - 3, top - band[1] - 3, x1 + 3, bottom - band[1] + 3),
                                  outline=(200, 0, 0), width=3)
    return _png(out)
