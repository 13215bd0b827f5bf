"""Extraction speed against pdfplumber's bare ``extract_words`` on the same pages, same run.

    python benchmarks/bench_extract.py [--repeat 5]

Prints medians (ms/page) over repeats in one warm process, and their ratio. The machine is
shared and noisy: read the ratio, not the absolute numbers. Target: ratio <= 3, and a 10-page
letter in under 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2

from redletter.pipeline import extract_letter

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "letters"


def bare_words(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
        return len(pdf.pages)


def ours(path: Path) -> int:
    return extract_letter(path).pages


def timed(fn: Callable[[Path], int], files: list[Path]) -> tuple[float, int]:
    start = time.perf_counter()
    pages = sum(fn(f) for f in files)
    return time.perf_counter() - start, pages


def median_ms_per_page(fn: Callable[[Path], int], files: list[Path], repeat: int) -> float:
    runs = [timed(fn, files) for _ in range(repeat)]
    return statistics.median(t / p for t, p in runs) * 1000


def ten_page_letter(files: list[Path], out: Path) -> Path:
    """A 10-page PDF made of the longest samples' pages (multi-page tables included)."""
    doc = pypdfium2.PdfDocument.new()
    for f in sorted(files, key=bare_words, reverse=True):
        src = pypdfium2.PdfDocument(str(f))
        take = min(len(src), 10 - len(doc))
        doc.import_pages(src, list(range(take)))
        if len(doc) >= 10:
            break
    doc.save(str(out))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = sorted(SAMPLES.glob("*.pdf"))
    ours(files[0])  # warm up imports and caches
    bare_words(files[0])
    bare = median_ms_per_page(bare_words, files, args.repeat)
    full = median_ms_per_page(ours, files, args.repeat)
    pages = sum(bare_words(f) for f in files)
    with tempfile.TemporaryDirectory() as tmp:
        ten_path = ten_page_letter(files, Path(tmp) / "ten.pdf")
        ours(ten_path)
        ten = statistics.median(timed(ours, [ten_path])[0] for _ in range(args.repeat))
        n_ten = bare_words(ten_path)
    print(f"extraction benchmark: {len(files)} letters, {pages} pages, median of {args.repeat}")
    print(f"  pdfplumber extract_words (bare): {bare:8.2f} ms/page")
    print(f"  redletter extract (full):        {full:8.2f} ms/page")
    print(f"  ratio full / bare:               {full / bare:8.2f}x   (target <= 3.0x)")
    print(f"  a {n_ten}-page letter, warm process: {ten * 1000:.0f} ms (target < 1000 ms)")


if __name__ == "__main__":
    main()
