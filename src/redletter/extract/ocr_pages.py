"""OCR many page images, one worker process per core, with optional progress reports.

A page whose OCR fails (Tesseract crash or timeout) comes back as an empty layout and a warning,
so the rest of the letter is still read; a missing Tesseract stops the letter.

The workers die with the process that started them, however it dies (``kill -9`` included):
each is the leader of its own process group with its Tesseract, and asks Linux
(``PR_SET_PDEATHSIG``) for a SIGTERM when its parent goes, on which it kills its group.
"""

from __future__ import annotations

import ctypes
import os
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed

import pytesseract

from redletter.errors import InputFileError, OcrError
from redletter.extract.geometry import PageLayout
from redletter.extract.images import load_page_image
from redletter.extract.ocr import require_tesseract
from redletter.extract.ocr_jobs import OcrJob, OcrResult, Progress
from redletter.extract.scan import scan_to_layout


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


_PR_SET_PDEATHSIG = 1


def _end_group(_signum: int, _frame: object) -> None:
    os.killpg(0, signal.SIGKILL)


def die_with_parent(parent: int) -> None:
    """Worker initializer: one process group with its Tesseract, killed when ``parent`` dies."""
    os.setpgrp()
    signal.signal(signal.SIGTERM, _end_group)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown must do
        return
    if os.getppid() != parent:  # the parent died before the request was made
        _end_group(signal.SIGTERM, None)


def _workers(requested: int, jobs: int) -> int:
    """One process per core. Measured on 2 cores (benchmarks/bench_ocr.py): with the page
    preparation done by OpenCV, one spare process no longer helps (0.56x either way)."""
    return max(1, min(requested or os.cpu_count() or 1, jobs))


def iter_ocr_pages(jobs: Sequence[OcrJob], *, workers: int = 0,
                   progress: Progress | None = None) -> Iterator[OcrResult]:
    """OCR every job's page, in parallel processes when there is more than one page, yielding
    each page as soon as it is read (so the caller can finish a letter whose pages are all in
    while other pages are still being read). Raises ``MissingDependencyError`` before any work
    when Tesseract is missing."""
    if not jobs:
        return iter(())
    pytesseract.pytesseract.tesseract_cmd = jobs[0].tesseract_cmd
    require_tesseract()
    n = _workers(workers, len(jobs))
    if n == 1:
        return _in_process(jobs, progress)
    # Started now: pages are read while the caller finishes its born-digital letters.
    pool = ProcessPoolExecutor(max_workers=n, initializer=die_with_parent,
                               initargs=(os.getpid(),))
    futures = [pool.submit(run_job, j) for j in jobs]
    return _drain(pool, futures, progress)


def _in_process(jobs: Sequence[OcrJob], progress: Progress | None) -> Iterator[OcrResult]:
    for done, job in enumerate(jobs, start=1):
        yield _reported(run_job(job), done, len(jobs), progress)


def _drain(pool: ProcessPoolExecutor, futures: list[Future[OcrResult]],
           progress: Progress | None) -> Iterator[OcrResult]:
    with pool:
        for done, future in enumerate(as_completed(futures), start=1):
            yield _reported(future.result(), done, len(futures), progress)


def _reported(result: OcrResult, done: int, total: int, progress: Progress | None) -> OcrResult:
    if progress:
        progress(done, total)
    return result

