"""What the OCR workers are given and give back: light types, so that reading a born-digital
letter never imports Tesseract, OpenCV or NumPy (``ocr_pages`` does, when there are pages to
read)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from redletter.extract.geometry import PageLayout

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class OcrJob:
    """One page to read: where it is, its 1-based number, and the Tesseract settings. The
    worker loads the image itself, so that page images are never pickled between processes."""

    source: Path
    kind: str  # "pdf" or "image"
    number: int
    timeout: float
    tesseract_cmd: str
    max_pixels: int
    letter: int = 0  # index of the part (a letter, or one of an e-mail's attachments) in a batch


@dataclass(frozen=True)
class OcrResult:
    """A page's layout, or an empty one and the warning saying why it could not be read."""

    letter: int
    number: int
    layout: PageLayout
    error: str | None = None
    seconds: float = 0.0  # spent reading the page (loading its image, Tesseract)


class PageRun(Protocol):
    """Pages being read: each as soon as it is read; ``drop(letter)`` gives up the pages of a
    part that are not read yet."""

    def __iter__(self) -> Iterator[OcrResult]: ...

    def drop(self, letter: int) -> None: ...
