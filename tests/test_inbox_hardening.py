"""The inbox against hostile file names and files: names that are not UTF-8, hold a newline,
or are near the 255-byte limit (and collide in processed/); stored paths valid from any
directory."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redletter.cli import app
from redletter.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "samples" / "letters"
CUSTOMERS = ROOT / "samples" / "customers.csv"
BAD = ROOT / "tests" / "fixtures" / "bad"


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _named(folder: Path, raw: bytes, source: Path) -> None:
    """Copy ``source`` into ``folder`` under a name given as raw bytes."""
    with open(os.path.join(os.fsencode(folder), raw), "wb") as fh:
        fh.write(source.read_bytes())


def test_any_file_name_is_processed_or_failed_cleanly(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "r.db"
    (inbox / "processed").mkdir(parents=True)
    long_name = b"L" * 242 + b".pdf"  # 246 bytes
    _named(inbox, b"bad\xff.pdf", LETTERS / "01_supplier_grid.pdf")
    _named(inbox, b"line\nbreak.pdf", BAD / "truncated.pdf")
    _named(inbox, long_name, LETTERS / "15_single_party.pdf")
    _named(inbox / "processed", long_name, LETTERS / "03_isinformed_plain.pdf")  # a collision
    _named(inbox, b"F" * 251 + b".pdf", BAD / "empty.pdf")
    args = ["run", "--inbox", str(inbox), "--customers", str(CUSTOMERS), "--db", str(db),
            "--no-cache"]
    code, out, err = _cli(*args)
    assert code == ExitCode.input_file, err
    assert "letters: 2 new (0 need review), 0 already recorded, 2 failed" in out
    assert "bad\\xff.pdf" in out + err or "line\\nbreak.pdf" in err
    assert not [p for p in inbox.iterdir() if p.is_file()]  # nothing stuck in the inbox
    processed = sorted(os.listdir(os.fsencode(inbox / "processed")))
    assert b"bad\\xff.pdf" in processed and len(processed) == 3
    assert all(len(n) <= 255 for n in processed)
    failed = sorted(os.listdir(os.fsencode(inbox / "failed")))
    assert len(failed) == 4 and sum(n.endswith(b".error.txt") for n in failed) == 2
    assert b"line\\nbreak.pdf" in failed
    # Stored names are printable text, stored paths absolute and pointing at the files.
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT file_name, stored_path FROM letters").fetchall()
    assert {n for n, _ in stored} == {"bad\\xff.pdf", long_name.decode()}
    assert all(Path(p).is_absolute() and Path(p).is_file() for _, p in stored)
    code, out, _ = _cli("letters", "--format", "json", "--db", str(db))
    assert code == 0 and len(json.loads(out)) == 2
    assert _cli("audit", "verify", "--db", str(db))[0] == 0
    # The next pass has nothing left to trip on.
    code, out, err = _cli(*args)
    assert code == 0 and "letters: 0 new (0 need review), 0 already recorded, 0 failed" in out, err


def test_stored_paths_are_absolute_when_run_from_a_relative_inbox(tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    shutil.copy(LETTERS / "15_single_party.pdf", tmp_path / "inbox" / "a.pdf")
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        code, _, err = _cli("run", "--inbox", "inbox", "--customers", str(CUSTOMERS), "--db",
                            "r.db", "--no-cache")
    finally:
        os.chdir(cwd)
    assert code == 0, err
    with sqlite3.connect(tmp_path / "r.db") as conn:
        (path,) = conn.execute("SELECT stored_path FROM letters").fetchone()
    assert path == str(tmp_path / "inbox" / "processed" / "a.pdf")


def _pdf_with_stream(content: bytes) -> bytes:
    """A one-page PDF whose content stream is ``content``, Flate-compressed."""
    stream = zlib.compress(content, 9)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
            + b"\nendstream"]
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


def test_a_hostile_pdf_is_failed_within_its_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                   ) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "r.db"
    inbox.mkdir()
    (inbox / "bomb.pdf").write_bytes(_pdf_with_stream(b"\0" * (64 << 20)))  # 64 MB of zeros
    (inbox / "slow.pdf").write_bytes(_pdf_with_stream(b"\0" * (24 << 20)))  # under the size cap
    shutil.copy(LETTERS / "15_single_party.pdf", inbox / "good.pdf")
    monkeypatch.setenv("REDLETTER_FILE_TIMEOUT", "1.5")
    started = time.monotonic()
    code, out, _ = _cli("run", "--inbox", str(inbox), "--customers", str(CUSTOMERS), "--db",
                        str(db), "--no-cache")
    assert time.monotonic() - started < 20  # unbounded, these two took over 100 s
    assert code == ExitCode.input_file
    assert "letters: 1 new (0 need review), 0 already recorded, 2 failed" in out
    assert "REDLETTER_MAX_DECODED_MB" in (inbox / "failed" / "bomb.pdf.error.txt").read_text()
    assert "REDLETTER_FILE_TIMEOUT" in (inbox / "failed" / "slow.pdf.error.txt").read_text()
    assert "exit code 3" in (inbox / "failed" / "slow.pdf.error.txt").read_text()


def test_a_scan_past_its_ocr_time_is_failed_and_the_batch_goes_on(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The time budget covers OCR too: the seconds Tesseract spends on a file's pages add up,
    and past the budget the file is failed (its pages not yet read are given up)."""
    inbox, db = tmp_path / "inbox", tmp_path / "r.db"
    inbox.mkdir()
    shutil.copy(LETTERS / "scanned" / "s04_supplier_multipage_40.pdf", inbox / "scan.pdf")
    shutil.copy(LETTERS / "15_single_party.pdf", inbox / "good.pdf")
    monkeypatch.setenv("REDLETTER_FILE_TIMEOUT", "1.0")  # a page of this scan takes longer
    code, out, _ = _cli("run", "--inbox", str(inbox), "--customers", str(CUSTOMERS), "--db",
                        str(db), "--no-cache")
    assert code == ExitCode.input_file
    assert "letters: 1 new (0 need review), 0 already recorded, 1 failed" in out
    error = (inbox / "failed" / "scan.pdf.error.txt").read_text()
    assert "scanned pages took more than 1 s of OCR ($REDLETTER_FILE_TIMEOUT)" in error
    assert (inbox / "processed" / "good.pdf").exists()


def test_budget_settings_are_validated() -> None:
    result = CliRunner().invoke(app, ["extract", str(LETTERS / "15_single_party.pdf")],
                                env={"REDLETTER_MAX_DECODED_MB": "-1"})
    assert result.exit_code == ExitCode.bad_args and "$REDLETTER_MAX_DECODED_MB" in result.stderr


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_ocr_workers_die_with_a_killed_run(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(LETTERS / "scanned" / "s04_supplier_multipage_40.pdf", inbox / "scan.pdf")
    proc = subprocess.Popen([sys.executable, "-m", "redletter", "run", "--inbox", str(inbox),
                             "--customers", str(CUSTOMERS), "--db", str(tmp_path / "r.db"),
                             "--no-cache"], env={**os.environ, "REDLETTER_OCR_WORKERS": "2"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline, workers = time.monotonic() + 60, set()
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.1)
    assert len(workers) >= 2, "the OCR workers did not start"
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]


def test_watch_survives_any_file_name(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "r.db"
    inbox.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "redletter", "watch", "--inbox", str(inbox),
                             "--customers", str(CUSTOMERS), "--db", str(db), "--settle", "0.3",
                             "--no-cache"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _named(inbox, b"bad\xff.pdf", LETTERS / "15_single_party.pdf")
        _named(inbox, b"line\nbreak.pdf", BAD / "truncated.pdf")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(p.is_file() for p in inbox.iterdir()):
            time.sleep(0.2)
        _named(inbox, b"again\xfe.pdf", LETTERS / "15_single_party.pdf")  # still watching
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(p.is_file() for p in inbox.iterdir()):
            time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert b"Traceback" not in err and b"line\\nbreak.pdf" in err
    assert b"letters: 0 new (0 need review), 1 already recorded, 0 failed" in out
    assert not [p for p in inbox.iterdir() if p.is_file()]
