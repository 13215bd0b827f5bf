"""Make scanned-looking copies of sample letters in ``samples/letters/scanned/``.

    python scripts/make_scans.py samples/letters

Each copy is rasterized (200-300 dpi, grayscale), tilted up to +-2 degrees, blurred, given
noise and JPEG artefacts, then written back as an image-only PDF, or as PNG / JPEG / multi-page
TIFF. One letter has a page turned 90 degrees. The truth file is the original letter's truth.
Deterministic for a given Pillow and NumPy.
"""

from __future__ import annotations

import io
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2
from PIL import Image, ImageFilter


@dataclass(frozen=True)
class ScanSpec:
    source: str
    out: str  # file name with its extension: .pdf .png .jpg .tif
    dpi: int = 300
    tilt: float = 1.0
    noise: float = 6.0
    blur: float = 0.6
    quality: int = 60
    rotate_page: int | None = None  # 1-based page turned 90 degrees


SPECS = [
    ScanSpec("01_supplier_grid", "s01_supplier_grid.pdf", tilt=1.2),
    ScanSpec("02_redflag_zebra_aliases", "s02_redflag_zebra_aliases.pdf", dpi=250, tilt=-1.5),
    ScanSpec("03_isinformed_plain", "s03_isinformed_plain.pdf", dpi=300, tilt=0.7, noise=9),
    ScanSpec("04_supplier_multipage_40", "s04_supplier_multipage_40.pdf", dpi=250, tilt=-0.8),
    ScanSpec("06_entity_list_style", "s06_entity_list_style.pdf", tilt=1.8, quality=45),
    ScanSpec("07_prose_numbered", "s07_prose_numbered.pdf", dpi=200, tilt=-2.0),
    ScanSpec("09_columns_reordered", "s09_columns_reordered.pdf", tilt=0.5, blur=0.9),
    ScanSpec("11_alias_in_name", "s11_alias_in_name.pdf", tilt=-1.1, rotate_page=1),
    ScanSpec("13_location_only", "s13_location_only.pdf", dpi=300, tilt=1.6),
    ScanSpec("17_guardian_items_plain", "s17_guardian_items_plain.tif", dpi=300, tilt=-0.6),
    ScanSpec("12_tight_plain", "s12_tight_plain.png", dpi=300, tilt=0.9),
    ScanSpec("15_single_party", "s15_single_party.jpg", dpi=250, tilt=-1.3),
    ScanSpec("24_grid_twoline_header", "s24_grid_twoline_header.pdf", dpi=300, tilt=-1.9),
]


def rasterize(pdf: Path, dpi: int) -> list[Image.Image]:
    doc = pypdfium2.PdfDocument(str(pdf))
    return [page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for page in doc]


def degrade(img: Image.Image, spec: ScanSpec, rng: random.Random) -> Image.Image:
    angle = spec.tilt + rng.uniform(-0.2, 0.2)
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(spec.blur))
    arr = np.asarray(img, dtype=np.float32)
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, spec.noise, arr.shape)
    arr = np.clip(arr * 0.93 + 12 + noise, 0, 255).astype(np.uint8)  # grey paper, dark toner
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, "JPEG", quality=spec.quality)
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


def write(pages: list[Image.Image], path: Path, dpi: int) -> None:
    ext = path.suffix.lower()
    if ext == ".pdf":
        pages[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    elif ext in {".tif", ".tiff"}:
        pages[0].save(path, "TIFF", dpi=(dpi, dpi), save_all=True, append_images=pages[1:],
                      compression="jpeg", quality=70)
    elif ext == ".png":
        pages[0].save(path, "PNG", dpi=(dpi, dpi))
    else:
        pages[0].save(path, "JPEG", dpi=(dpi, dpi), quality=80)


def mixed_letter(letters: Path, out: Path) -> None:
    """05_guardian_annex with its letter pages born-digital and its annex pages scanned."""
    src = pypdfium2.PdfDocument(str(letters / "05_guardian_annex.pdf"))
    spec = ScanSpec("05_guardian_annex", "s05_mixed_annex_scanned.pdf", dpi=250, tilt=-0.9)
    rng = random.Random(spec.out)
    scanned_path = out / "_tmp_scan.pdf"
    pages = [degrade(p, spec, rng) for p in rasterize(letters / "05_guardian_annex.pdf", spec.dpi)]
    write(pages, scanned_path, spec.dpi)
    scanned = pypdfium2.PdfDocument(str(scanned_path))
    doc = pypdfium2.PdfDocument.new()
    doc.import_pages(src, [0])
    doc.import_pages(scanned, list(range(1, len(scanned))))
    doc.save(str(out / spec.out))
    scanned.close()
    scanned_path.unlink()
    truth = json.loads((letters / "05_guardian_annex.truth.json").read_text("utf-8"))
    truth.update({"file": spec.out, "scanned_from": "05_guardian_annex.pdf", "dpi": spec.dpi,
                  "tilt": spec.tilt, "ocr_pages": list(range(2, len(pages) + 1))})
    (out / "s05_mixed_annex_scanned.truth.json").write_text(
        json.dumps(truth, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote scanned/{spec.out}")


def main(letters: Path) -> None:
    out = letters / "scanned"
    out.mkdir(parents=True, exist_ok=True)
    for spec in SPECS:
        rng = random.Random(spec.out)
        pages = [degrade(p, spec, rng) for p in rasterize(letters / f"{spec.source}.pdf", spec.dpi)]
        if spec.rotate_page:
            i = spec.rotate_page - 1
            pages[i] = pages[i].rotate(90, expand=True, fillcolor=255)
        if Path(spec.out).suffix in {".png", ".jpg"}:
            pages = pages[:1]
        write(pages, out / spec.out, spec.dpi)
        truth = json.loads((letters / f"{spec.source}.truth.json").read_text("utf-8"))
        if Path(spec.out).suffix in {".png", ".jpg"}:
            truth["parties"] = [p for p in truth["parties"] if p.get("page") in (1, None)]
        truth.update({"file": spec.out, "scanned_from": f"{spec.source}.pdf", "dpi": spec.dpi,
                      "tilt": spec.tilt, "rotated_page": spec.rotate_page})
        stem = Path(spec.out).stem
        (out / f"{stem}.truth.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n",
                                                "utf-8")
        print(f"wrote scanned/{spec.out}")
    mixed_letter(letters, out)


if __name__ == "__main__":
    default = Path(__file__).resolve().parent.parent / "samples" / "letters"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
