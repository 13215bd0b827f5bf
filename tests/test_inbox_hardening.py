"""The inbox against hostile file names and files: names that are not UTF-8, hold a newline,
or are near the 255-byte limit (and collide in processed/); stored paths valid from any
directory."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

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
    assert "letters: 2 new, 0 already recorded, 2 failed" in out
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
    assert code == 0 and "letters: 0 new, 0 already recorded, 0 failed" in out, err


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
