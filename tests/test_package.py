"""What a normally installed wheel carries and what a command loads: the NER model ships as
package data, spaCy is imported only when a letter needs the model."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_carries_the_ner_model_and_the_rules(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("redletter-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        z.extractall(tmp_path / "site")
    for part in ("ner_model/meta.json", "ner_model/config.cfg", "ner_model/tokenizer", "ner_model/ner/model",
                 "ner_model/tok2vec/model", "data/chpl_hs6_tiers.csv", "data/table_headers.json",
                 "data/screening_policy.json", "web/templates/letter.html"):
        assert f"redletter/{part}" in names, part
    code = ("import redletter.nlp.ner as ner; spans = ner.find('ACME TRADING LLC, located at 5 Main "
            "Street, Dubai, UAE'); print(ner.DEFAULT_MODEL.parent.parent.name, spans is not None)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
                          cwd=tmp_path)
    assert done.stdout.split() == ["site", "True"], done.stderr


def test_a_table_letter_does_not_load_spacy() -> None:
    code = ("import sys; from pathlib import Path; from redletter.pipeline import extract_letter; "
            f"extract_letter(Path({str(ROOT / 'samples' / 'letters' / '01_supplier_grid.pdf')!r})); "
            "print('spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_extract_of_a_born_digital_letter_loads_only_what_it_uses() -> None:
    """``redletter extract`` (#12 start-up): no database, OCR, NLP model, web or table library for
    a letter with a text layer and JSON output, and no other command's module."""
    letter = ROOT / "samples" / "letters" / "15_single_party.pdf"
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print(' '.join(sorted(sys.modules)), file=sys.stderr))\n"
            f"sys.argv = ['redletter', 'extract', {str(letter)!r}, '-f', 'json']\n"
            "from redletter.cli import run\nrun()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stderr.split())
    heavy = {"sqlalchemy", "cv2", "spacy", "pytesseract", "PIL", "numpy", "rapidfuzz", "fastapi",
             "rich", "openpyxl", "pycountry"}
    assert {m.split(".")[0] for m in loaded} & heavy == set()
    others = {f"redletter.cli.{m}" for m in ("inbox", "lists", "serve", "evidence", "audit")}
    assert loaded & others == set()
    assert not any(m.startswith(("redletter.store", "redletter.match", "redletter.screening"))
                   for m in loaded)
