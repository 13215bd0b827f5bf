"""OCR speed: our whole scanned-letter path against the bare ``tesseract`` command, same run.

    python benchmarks/bench_ocr.py [--repeat 3]

The baseline runs ``tesseract PAGE out tsv`` (OMP_THREAD_LIMIT=1) on the same page images, one
process, pages one after another. Ours is ``extract_letters`` on the scanned letters as one
batch (as ``redletter extract *.pdf`` runs them), pages in parallel worker processes, all
included (images, deskew, OCR, tables). Prints median seconds per page and the ratio; target
ratio <= 0.6 on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import pypdfium2

from redletter.extract.images import image_file_page, image_frame_count, pdf_page_image
from redletter.pipeline import extract_letters
from redletter.schema import Letter

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ROOT / "samples" / "letters" / "scanned"
LIMIT = 200_000_000


def page_images(files: list[Path], out: Path) -> list[Path]:
    """Every page of the scanned letters as a PNG, as our pipeline sees it before deskewing."""
    paths = []
    for f in files:
        if f.suffix == ".pdf":
            count = len(pypdfium2.PdfDocument(str(f)))
            images = [pdf_page_image(f, i, max_pixels=LIMIT).image for i in range(count)]
        else:
            count = image_frame_count(f, max_pixels=LIMIT)
            images = [image_file_page(f, i, max_pixels=LIMIT).image for i in range(count)]
        for i, img in enumerate(images):
            path = out / f"{f.stem}-{i}.png"
            img.save(path)
            paths.append(path)
    return paths


def bare(pages: list[Path], out: Path) -> float:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    start = time.perf_counter()
    for p in pages:
        subprocess.run(["tesseract", str(p), str(out / p.stem), "tsv"], env=env, check=True,
                       capture_output=True)
    return time.perf_counter() - start


def ours(files: list[Path]) -> float:
    start = time.perf_counter()
    outcomes = extract_letters(files)
    elapsed = time.perf_counter() - start
    assert all(isinstance(o, Letter) for o in outcomes), outcomes
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(p for p in SCANNED.iterdir() if p.suffix in {".pdf", ".png", ".jpg", ".tif"})
    with tempfile.TemporaryDirectory() as tmp:
        pages = page_images(files, Path(tmp))
        n = len(pages)
        base = statistics.median(bare(pages, Path(tmp)) for _ in range(args.repeat)) / n
        full = statistics.median(ours(files) for _ in range(args.repeat)) / n
    print(f"OCR benchmark: {len(files)} scanned letters, {n} pages, {os.cpu_count()} cores, "
          f"median of {args.repeat}")
    print(f"  bare tesseract (1 process, OMP_THREAD_LIMIT=1): {base:6.2f} s/page")
    print(f"  redletter extract (pages in parallel):          {full:6.2f} s/page")
    print(f"  ratio ours / bare:                              {full / base:6.2f}x  (target <= 0.6x)")


if __name__ == "__main__":
    main()
