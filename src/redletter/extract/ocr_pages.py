"""OCR many page images, one worker process per core, with optional progress reports.

A page whose OCR fails (Tesseract crash or timeout) comes back as an empty layout and a warning,
so the rest of the letter is still read; a missing Tesseract stops the letter.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import pytesseract

from redletter.errors import InputFileError, OcrError
from redletter.extract.geometry import PageLayout
from redletter.extract.images import load_page_image
from redletter.extract.ocr import require_tesseract
from redletter.extract.scan import scan_to_layout

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
    letter: int = 0  # index of the letter in a batch


@dataclass(frozen=True)
class OcrResult:
    """A page's layout, or an empty one and the warning saying why it could not be read."""

    letter: int
    number: int
    layout: PageLayout
    error: str | None = None


def run_job(job: OcrJob) -> OcrResult:
    """Read one page; an OCR failure or an unreadable page image becomes a warning."""
    pytesseract.pytesseract.tesseract_cmd = job.tesseract_cmd
    try:
        page = load_page_image(job.source, job.kind, job.number - 1, max_pixels=job.max_pixels)
    except InputFileError as exc:
        empty = PageLayout(job.number, 612.0, 792.0, (), ocr=True)
        return OcrResult(job.letter, job.number, empty, f"page {job.number}: {exc}")
    try:
        layout = scan_to_layout(page, job.number, timeout=job.timeout)
        return OcrResult(job.letter, job.number, layout)
    except OcrError as exc:
        empty = PageLayout(job.number, page.width_pt, page.height_pt, (), ocr=True)
        return OcrResult(job.letter, job.number, empty, f"page {job.number}: OCR failed: {exc}")


def _workers(requested: int, jobs: int) -> int:
    """One process per core, plus one: while a worker prepares its next page (image, deskew,
    BMP hand-over, Tesseract's start-up) the spare keeps every core on OCR. Measured on 2 cores:
    0.59x bare Tesseract per page with 3 processes, 0.62x with 2 (benchmarks/bench_ocr.py)."""
    return max(1, min(requested or (os.cpu_count() or 1) + 1, jobs))


def ocr_pages(jobs: Sequence[OcrJob], *, workers: int = 0,
              progress: Progress | None = None) -> list[OcrResult]:
    """OCR every job's page, in parallel processes when there is more than one page."""
    if not jobs:
        return []
    pytesseract.pytesseract.tesseract_cmd = jobs[0].tesseract_cmd
    require_tesseract()
    results: list[OcrResult] = []
    n = _workers(workers, len(jobs))
    if n == 1:
        for job in jobs:
            results.append(run_job(job))
            if progress:
                progress(len(results), len(jobs))
    else:
        with ProcessPoolExecutor(max_workers=n) as pool:
            for future in as_completed([pool.submit(run_job, j) for j in jobs]):
                results.append(future.result())
                if progress:
                    progress(len(results), len(jobs))
    return sorted(results, key=lambda r: (r.letter, r.number))

