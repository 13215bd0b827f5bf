"""Page images for the review page: a PDF page rendered by pypdfium2, or a frame of an image
file, as PNG at screen resolution."""

from __future__ import annotations

import io
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


def _pdf_page(path: Path, number: int) -> bytes:
    pdf = pdfium.PdfDocument(str(path))
    try:
        if not 1 <= number <= len(pdf):
            raise LookupError(f"no page {number}")
        bitmap = pdf[number - 1].render(scale=SCREEN_DPI / 72)
        return _png(bitmap.to_pil())
    finally:
        pdf.close()


def _image_page(path: Path, number: int) -> bytes:
    with Image.open(path) as img:
        for i, frame in enumerate(ImageSequence.Iterator(img), start=1):
            if i == number:
                return _png(frame.copy())
    raise LookupError(f"no page {number}")


@lru_cache(maxsize=64)
def page_png(path: str, number: int, mtime_ns: int) -> bytes:
    """Page ``number`` (from 1) of the letter file as PNG; ``mtime_ns`` keys the cache."""
    file = Path(path)
    with file.open("rb") as fh:
        head = fh.read(5)
    return _pdf_page(file, number) if head == b"%PDF-" else _image_page(file, number)
