"""Tesseract, through pytesseract: the only module that runs it.

Every call has a timeout; Tesseract's OpenMP is off (``OMP_THREAD_LIMIT=1``: on 2 cores
Debian's default build is about ten times slower with it), since pages run in parallel
processes instead. Failures become ``OcrError`` / ``MissingDependencyError``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass

import pytesseract
from PIL import Image

from redletter.errors import MissingDependencyError, OcrError

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_TMP = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


@dataclass(frozen=True, slots=True)
class OcrWord:
    """A word Tesseract read, in image pixels, with its confidence 0..1."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    line_key: tuple[int, int, int]


def require_tesseract() -> None:
    """Raise ``MissingDependencyError`` when the tesseract binary is not installed."""
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise MissingDependencyError(
            "tesseract is not installed; run 'make install' (apt-get install tesseract-ocr)")


def _call(fn_name: str, image: Image.Image, timeout: float, config: str) -> object:
    """Run a pytesseract function on the image, handed over as an uncompressed BMP file:
    pytesseract's own PNG encoding of a 300 dpi page costs about as much as the OCR."""
    try:
        fn = getattr(pytesseract, fn_name)
        with tempfile.NamedTemporaryFile(suffix=".bmp", dir=_TMP) as fh:
            image.save(fh, "BMP")
            fh.flush()
            if fn_name == "image_to_data":
                return fn(fh.name, config=config, timeout=timeout,
                          output_type=pytesseract.Output.DICT)
            return fn(fh.name, config=config, timeout=timeout)
    except pytesseract.TesseractNotFoundError as exc:
        raise MissingDependencyError("tesseract is not installed; run 'make install'") from exc
    except RuntimeError as exc:  # pytesseract raises RuntimeError on its timeout
        raise OcrError(f"Tesseract timed out after {timeout:.0f} s") from exc
    except pytesseract.TesseractError as exc:
        raise OcrError(f"Tesseract failed ({exc.message.strip()[:120] or exc.status})") from exc
    except (subprocess.CalledProcessError, OSError) as exc:  # e.g. 'tesseract --version' crashed
        raise OcrError(f"Tesseract could not be run ({exc})") from exc


def read_words(image: Image.Image, *, timeout: float, lang: str = "eng", psm: int = 3
               ) -> list[OcrWord]:
    """Words with boxes and confidences (``image_to_data``); page segmentation automatic
    (``psm=3``), as one block (``psm=6``) or sparse text (``psm=11``)."""
    data = _call("image_to_data", image, timeout, f"-l {lang} --psm {psm}")
    assert isinstance(data, dict)
    words = []
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if text and text.strip() and conf >= 0:
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            words.append(OcrWord(text.strip(), data["left"][i], data["top"][i], data["width"][i],
                                 data["height"][i], conf / 100.0, key))
    return words


def page_rotation(image: Image.Image, *, timeout: float) -> int:
    """Clockwise rotation (0, 90, 180, 270) that Tesseract's OSD says the page needs."""
    try:
        text = _call("image_to_osd", image, timeout, "--psm 0")
    except OcrError:
        return 0  # too little text to decide: leave the page as it is
    m = _ROTATE.search(str(text))
    return int(m.group(1)) if m else 0
