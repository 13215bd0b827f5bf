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
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import replace

import pytesseract

from redletter.errors import InputFileError, OcrError
from redletter.extract.geometry import PageLayout
from redletter.extract.images import load_page_image
from redletter.extract.ocr import require_tesseract
from redletter.extract.ocr_jobs import OcrJob, OcrResult, Progress
from redletter.extract.scan import scan_to_layout


def run_job(job: OcrJob) -> OcrResult:
    """Read one page, timed; an OCR failure or an unreadable page image becomes a warning."""
    started = time.monotonic()
    result = _read_page(job)
    return replace(result, seconds=time.monotonic() - started)


def _read_page(job: OcrJob) -> OcrResult:
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


class OcrRun:
    """The pages of a batch being read: iterate for each page as soon as it is read (so the
    caller can finish a letter whose pages are all in while other pages are still being read);
    ``drop(letter)`` gives up the pages of a part not read yet (a file past its time budget)."""

    def __init__(self, jobs: Sequence[OcrJob], workers: int, progress: Progress | None) -> None:
        self._jobs = list(jobs)
        self._progress = progress
        self._dropped: set[int] = set()
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[OcrResult]] = []
        if _workers(workers, len(jobs)) > 1:
            # Started now: pages are read while the caller finishes its born-digital letters.
            self._pool = ProcessPoolExecutor(max_workers=_workers(workers, len(jobs)),
                                             initializer=die_with_parent, initargs=(os.getpid(),))
            self._futures = [self._pool.submit(run_job, j) for j in self._jobs]

    def drop(self, letter: int) -> None:
        """Read no more pages of part ``letter`` (those already being read still come back)."""
        self._dropped.add(letter)
        for job, future in zip(self._jobs, self._futures, strict=False):
            if job.letter == letter:
                future.cancel()

    def __iter__(self) -> Iterator[OcrResult]:
        total = len(self._jobs)
        if self._pool is None:
            for done, job in enumerate(self._jobs, start=1):
                if job.letter not in self._dropped:
                    yield _reported(run_job(job), done, total, self._progress)
            return
        with self._pool:
            for done, future in enumerate(as_completed(self._futures), start=1):
                if not future.cancelled():
                    yield _reported(future.result(), done, total, self._progress)


def iter_ocr_pages(jobs: Sequence[OcrJob], *, workers: int = 0,
                   progress: Progress | None = None) -> OcrRun:
    """OCR every job's page, in parallel processes when there is more than one page (see
    ``OcrRun``). Raises ``MissingDependencyError`` before any work when Tesseract is missing."""
    if jobs:
        pytesseract.pytesseract.tesseract_cmd = jobs[0].tesseract_cmd
        require_tesseract()
    return OcrRun(jobs, workers, progress)


def _reported(result: OcrResult, done: int, total: int, progress: Progress | None) -> OcrResult:
    if progress:
        progress(done, total)
    return result

