"""Scanned copies of the hold-out letters (tests/fixtures/holdout*/) in tests/fixtures/holdout_scans/.

    python scripts/make_holdout_scans.py

Same degradation as make_scans.py (tilt, blur, noise, JPEG, image-only PDF), on letters made by
the two other generators, to check OCR on layouts the scanned samples do not have.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from make_scans import ScanSpec, degrade, rasterize, write

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
TILTS = [1.4, -1.7, 0.8, -0.6, 1.9, -1.2, 0.5]


def main() -> None:
    out = FIXTURES / "holdout_scans"
    out.mkdir(parents=True, exist_ok=True)
    sources = sorted((FIXTURES / "holdout").glob("*.pdf")) + sorted((FIXTURES / "holdout_html").glob("*.pdf"))
    for i, pdf in enumerate(sources):
        spec = ScanSpec(pdf.stem, f"scan_{pdf.stem}.pdf", dpi=(300, 250, 200)[i % 3], tilt=TILTS[i % 7])
        rng = random.Random(spec.out)
        pages = [degrade(p, spec, rng) for p in rasterize(pdf, spec.dpi)]
        write(pages, out / spec.out, spec.dpi)
        truth = json.loads(pdf.with_suffix("").with_suffix(".truth.json").read_text("utf-8"))
        truth.update({"file": spec.out, "scanned_from": pdf.name, "dpi": spec.dpi, "tilt": spec.tilt})
        (out / f"scan_{pdf.stem}.truth.json").write_text(json.dumps(truth, indent=2) + "\n", "utf-8")
        print(f"wrote {spec.out}")


if __name__ == "__main__":
    main()
