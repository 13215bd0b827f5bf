"""Page images: from image files (PNG, JPEG, multi-page TIFF) and from PDF pages.

A PDF page that is one embedded image (a scan) gives that image as stored, which is fast;
any other page is rendered with pypdfium2 at 300 dpi in grayscale. Images over the pixel limit
(decompression bombs), empty or unreadable ones are an ``InputFileError``.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_raw
from PIL import Image, ImageSequence, UnidentifiedImageError

from redletter.errors import InputFileError

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})
RENDER_DPI = 300
_COVER = 0.9


@dataclass(frozen=True)
class PageImage:
    """A grayscale page image and the page's size in PDF points."""

    image: Image.Image
    width_pt: float
    height_pt: float


def _check_size(img: Image.Image, path: Path, max_pixels: int) -> None:
    w, h = img.size
    if w == 0 or h == 0:
        raise InputFileError("the image is empty (0 pixels)", path=path)
    if w * h > max_pixels:
        raise InputFileError(f"the image is {w} x {h} pixels, over the limit of {max_pixels:,} "
                             "(a decompression bomb?); rescan at 300 dpi", path=path)


def _dpi(img: Image.Image) -> float:
    dpi = img.info.get("dpi", (RENDER_DPI, RENDER_DPI))[0]
    return float(dpi) if dpi and 50 <= float(dpi) <= 1200 else float(RENDER_DPI)


def _open_frames(path: Path, max_pixels: int, index: int | None) -> list[PageImage] | int:
    """Check every frame's size; return the frame count, or the one frame ``index`` decoded."""
    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                if index is not None:
                    img.seek(index)
                    _check_size(img, path, max_pixels)
                    gray = img.convert("L")
                    dpi = _dpi(img)
                    return [PageImage(gray, gray.width * 72 / dpi, gray.height * 72 / dpi)]
                for frame in ImageSequence.Iterator(img):
                    _check_size(frame, path, max_pixels)
                return int(getattr(img, "n_frames", 1))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise InputFileError(f"the image is too large ({exc}); rescan at 300 dpi", path=path) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        raise InputFileError(f"the image cannot be read ({exc}); re-scan or re-export it",
                             path=path) from exc


def image_frame_count(path: Path, *, max_pixels: int) -> int:
    """How many pages an image file has, after checking that each one can be read."""
    result = _open_frames(path, max_pixels, None)
    assert isinstance(result, int)
    return result


def image_file_page(path: Path, index: int, *, max_pixels: int) -> PageImage:
    """One page (frame) of an image file as grayscale, its size in points from its dpi."""
    result = _open_frames(path, max_pixels, index)
    if isinstance(result, int):
        raise InputFileError(f"the image has no page {index + 1}", path=path)
    return result[0]


def load_page_image(path: Path, kind: str, index: int, *, max_pixels: int) -> PageImage:
    """Page ``index`` (0-based) of a PDF or image file."""
    if kind == "image":
        return image_file_page(path, index, max_pixels=max_pixels)
    return pdf_page_image(path, index, max_pixels=max_pixels)


def pdf_page_image(path: Path, index: int, *, max_pixels: int) -> PageImage:
    """A PDF page as an image: its single full-page image if it has one, else rendered."""
    doc = pypdfium2.PdfDocument(str(path))
    try:
        page = doc[index]
        width, height = page.get_size()
        images = list(page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE], max_depth=1))
        if len(images) == 1:
            x0, y0, x1, y1 = images[0].get_bounds()
            px_w, px_h = images[0].get_px_size()
            if (x1 - x0) * (y1 - y0) >= _COVER * width * height and px_w * px_h <= max_pixels:
                img = images[0].get_bitmap(render=False).to_pil().convert("L")
                return PageImage(img, width, height)
        scale = RENDER_DPI / 72
        if width * height * scale * scale > max_pixels:
            scale = (max_pixels / (width * height)) ** 0.5
        return PageImage(page.render(scale=scale, grayscale=True).to_pil().convert("L"), width, height)
    finally:
        doc.close()
