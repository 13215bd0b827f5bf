"""Scanned letters through the real Tesseract, and injected OCR faults."""

from __future__ import annotations

import json
import stat
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from redletter.cli import app
from redletter.errors import ExitCode, InputFileError, MissingDependencyError, OcrError
from redletter.evaluation import evaluate, letter_files
from redletter.pipeline import extract_letter, extract_letters
from redletter.schema import Letter
from redletter.settings import Settings

SCANNED = Path(__file__).resolve().parent.parent / "samples" / "letters" / "scanned"
PAIRS = letter_files(SCANNED)


@pytest.fixture(scope="module")
def scanned(sample_letters: dict[str, Letter]) -> dict[str, Letter]:
    """Every scanned sample (extracted once for the session, with the born-digital ones)."""
    return {p.name: sample_letters[p.name] for p, _ in PAIRS}


def test_there_are_enough_scanned_samples() -> None:
    suffixes = {p.suffix for p, _ in PAIRS}
    assert len(PAIRS) >= 10 and {".pdf", ".png", ".jpg", ".tif"} <= suffixes


def test_acceptance_numbers_on_scans(scanned: dict[str, Letter]) -> None:
    score = evaluate(SCANNED, [scanned[p.name] for p, _ in PAIRS])
    assert score.f1 >= 0.97, score.misses
    assert score.exact_f1 >= 0.90, score.misses
    assert score.country_accuracy >= 0.98, score.misses


def _kinds(pairs: list[tuple[Path, Path]]) -> list[str]:
    return [json.loads(t.read_text("utf-8"))["notice_type"] for _, t in pairs]


def test_notice_type_of_every_scan(scanned: dict[str, Letter]) -> None:
    assert [scanned[p.name].notice_type.value for p, _ in PAIRS] == _kinds(PAIRS)


def test_unseen_layouts_scanned() -> None:
    """Scans of the hold-out letters (other generators, other layouts; scripts/make_holdout_scans.py)."""
    folder = SCANNED.parent.parent.parent / "tests" / "fixtures" / "holdout_scans"
    pairs = letter_files(folder)
    letters = [o for o in extract_letters([p for p, _ in pairs]) if isinstance(o, Letter)]
    assert [letter.notice_type.value for letter in letters] == _kinds(pairs)
    score = evaluate(folder, letters)
    assert score.truth == 104
    assert score.f1 >= 0.97, score.misses
    assert score.exact_f1 >= 0.90, score.misses
    assert score.country_accuracy >= 0.98, score.misses


def test_every_page_of_a_scan_is_ocrd_and_listed(scanned: dict[str, Letter]) -> None:
    letter = scanned["s04_supplier_multipage_40.pdf"]
    assert letter.ocr_pages == (1, 2, 3, 4)
    assert {p.page for p in letter.parties} == {1, 2, 3, 4}
    assert all(p.confidence < 1.0 for p in letter.parties)  # carries the OCR confidence


def test_mixed_letter_ocrs_only_the_scanned_pages(scanned: dict[str, Letter]) -> None:
    letter = scanned["s05_mixed_annex_scanned.pdf"]
    truth = json.loads((SCANNED / "s05_mixed_annex_scanned.truth.json").read_text("utf-8"))
    assert list(letter.ocr_pages) == truth["ocr_pages"]
    assert len(letter.parties) == len(truth["parties"])
    assert [i.hs_code for i in letter.items] == [i["hs_code"] for i in truth["items"]]


def test_page_turned_90_degrees_is_read(scanned: dict[str, Letter]) -> None:
    letter = scanned["s11_alias_in_name.pdf"]
    assert letter.parties and letter.parties[0].name == "OSOO PROGRESS LIDER"
    assert letter.parties[0].aliases == ("PROGRESS LEADER LLC",)


def test_page_upside_down_is_turned_and_read(tmp_path: Path, scanned: dict[str, Letter]) -> None:
    with Image.open(SCANNED / "s12_tight_plain.png") as img:
        img.rotate(180).save(tmp_path / "upside_down.png", dpi=img.info.get("dpi", (300, 300)))
    turned = extract_letter(tmp_path / "upside_down.png")
    upright = scanned["s12_tight_plain.png"]
    assert [p.name for p in turned.parties] == [p.name for p in upright.parties]
    assert [p.country for p in turned.parties] == [p.country for p in upright.parties]


def test_boxes_are_in_pdf_points(scanned: dict[str, Letter]) -> None:
    for letter in scanned.values():
        for p in letter.parties:
            x0, top, x1, bottom = p.bbox
            assert 0 <= x0 < x1 <= 620 and 0 <= top < bottom <= 845, (letter.source.path, p.bbox)


def test_multipage_tiff(scanned: dict[str, Letter]) -> None:
    letter = scanned["s17_guardian_items_plain.tif"]
    assert letter.pages == 2 and letter.ocr_pages == (1, 2)
    assert letter.notice_type.value == "project_guardian"


def _fake_tesseract(tmp_path: Path, body: str) -> str:
    """A tesseract that answers --version like the real one, then does ``body``."""
    script = tmp_path / "tesseract"
    script.write_text('#!/bin/sh\n[ "$1" = "--version" ] && { echo "tesseract 5.3.0"; exit 0; }\n'
                      f"{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_tesseract_crash_on_a_scanned_page_keeps_the_rest(tmp_path: Path) -> None:
    settings = Settings(tesseract_cmd=_fake_tesseract(tmp_path, "echo 'Segmentation fault' >&2; exit 139"))
    letter = extract_letter(SCANNED / "s05_mixed_annex_scanned.pdf", settings)
    assert letter.reference is not None and len(letter.items) == 4  # page 1 has a text layer
    assert any("page 2: OCR failed" in w for w in letter.warnings)


def test_tesseract_that_cannot_even_start_is_an_ocr_error(tmp_path: Path) -> None:
    script = tmp_path / "tesseract"
    script.write_text("#!/bin/sh\nexit 139\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    with pytest.raises(OcrError):
        extract_letter(SCANNED / "s15_single_party.jpg", Settings(tesseract_cmd=str(script)))


def test_tesseract_crash_on_every_page_is_an_ocr_error(tmp_path: Path) -> None:
    settings = Settings(tesseract_cmd=_fake_tesseract(tmp_path, "exit 1"))
    with pytest.raises(OcrError, match="no page could be read"):
        extract_letter(SCANNED / "s15_single_party.jpg", settings)


def test_tesseract_timeout(tmp_path: Path) -> None:
    settings = Settings(tesseract_cmd=_fake_tesseract(tmp_path, "sleep 20"), ocr_timeout=1)
    with pytest.raises(OcrError, match="timed out"):
        extract_letter(SCANNED / "s15_single_party.jpg", settings)


def test_missing_tesseract_exit_code(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(SCANNED / "s15_single_party.jpg")],
                                env={"REDLETTER_TESSERACT_CMD": str(tmp_path / "nope")})
    assert result.exit_code == ExitCode.missing_dependency
    assert "tesseract is not installed" in result.stderr


def test_missing_tesseract_does_not_stop_born_digital_letters(tmp_path: Path) -> None:
    settings = Settings(tesseract_cmd=str(tmp_path / "nope"))
    born = SCANNED.parent / "01_supplier_grid.pdf"
    outcomes = extract_letters([SCANNED / "s15_single_party.jpg", born], settings)
    assert isinstance(outcomes[0], MissingDependencyError)
    assert isinstance(outcomes[1], Letter) and len(outcomes[1].parties) == 6


def test_blank_page_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "blank.png"
    Image.new("L", (1700, 2200), 255).save(path, dpi=(200, 200))
    letter = extract_letter(path)
    assert letter.parties == () and letter.ocr_pages == (1,)
    assert any("no text found" in w for w in letter.warnings)


def test_photo_is_read_without_crashing(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    x = np.linspace(0, 255, 1200)
    photo = (np.add.outer(x, x) / 2 + rng.normal(0, 40, (1200, 1200))).clip(0, 255)
    path = tmp_path / "photo.jpg"
    Image.fromarray(photo.astype(np.uint8)).save(path)
    letter = extract_letter(path)
    assert letter.parties == ()
    assert "no parties found in this letter" in letter.warnings


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk
            + struct.pack(">I", zlib.crc32(chunk)) + struct.pack(">I", 0) + b"IEND"
            + struct.pack(">I", zlib.crc32(b"IEND")))


@pytest.mark.parametrize(("width", "height", "words"),
                         [(0, 0, "cannot be read"), (50_000, 50_000, "too large")])
def test_empty_and_bomb_images_are_input_errors(tmp_path: Path, width: int, height: int,
                                                words: str) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(_png_header(width, height))
    with pytest.raises(InputFileError, match=words):
        extract_letter(path)
