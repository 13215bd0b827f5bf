"""Make the bad-input fixtures in tests/fixtures/bad/ (see the README there).

    python scripts/make_bad_inputs.py tests/fixtures/bad
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "samples" / "letters" / "01_supplier_grid.pdf"


def encrypted(path: Path) -> None:
    enc = StandardEncryption("letter-password", ownerPassword="owner", canPrint=0, strength=128)
    c = canvas.Canvas(str(path), pagesize=LETTER, encrypt=enc, invariant=1)
    c.drawString(72, 720, "ACME TRADING LLC, 5 Main St, Dubai, United Arab Emirates")
    c.save()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    good = GOOD.read_bytes()
    (out / "empty.pdf").write_bytes(b"")
    (out / "truncated.pdf").write_bytes(good[:700])
    (out / "garbage.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    (out / "not_a_pdf.pdf").write_text("Customer list\nACME TRADING LLC,Dubai,AE\n", "utf-8")
    encrypted(out / "encrypted.pdf")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "fixtures" / "bad")
