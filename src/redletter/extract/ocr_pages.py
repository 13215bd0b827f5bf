"""OCR many page images, one worker process per core, with optional progress reports.

A page whose OCR fails (Tesseract crash or timeout) comes back as an empty layout and a warning,
so the rest of the letter is still read; a missing Tesseract stops the letter.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass

import pytesseract

from redletter.errors import OcrError
from redletter.extract.geometry import PageLayout
from redletter.extract.images import PageImage
from redletter.extract.ocr import require_tesseract
from redletter.extract.scan import scan_to_layout

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class OcrJob:
    """One page to read: its image, its 1-based number, and the Tesseract settings."""

    page: PageImage
    number: int
    timeout: float
    tesseract_cmd: str


@dataclass(frozen=True)
class OcrResult:
    number: int
    layout: PageLayout
    error: str | None = None


def run_job(job: OcrJob) -> OcrResult:
    """Read one page; an OCR failure becomes a warning, not an exception."""
    pytesseract.pytesseract.tesseract_cmd = job.tesseract_cmd
    empty = PageLayout(job.number, job.page.width_pt, job.page.height_pt, (), ocr=True)
    try:
        return OcrResult(job.number, scan_to_layout(job.page, job.number, timeout=job.timeout))
    except OcrError as exc:
        return OcrResult(job.number, empty, f"page {job.number}: OCR failed: {exc}")


def _workers(requested: int, jobs: int) -> int:
    return max(1, min(requested or os.cpu_count() or 1, jobs))


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
    return sorted(results, key=lambda r: r.number)

