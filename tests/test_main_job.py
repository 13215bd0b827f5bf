"""The main job end to end: an inbox with good, duplicate, corrupt and empty letters, the
sample customer master with planted variants of letter parties, `redletter run` twice,
the export, the audit trail, a kill -9 in the middle of a batch, and `redletter watch`."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redletter.cli import app
from redletter.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "samples" / "letters"
CUSTOMERS = ROOT / "samples" / "customers.csv"
BAD = Path(__file__).resolve().parent / "fixtures" / "bad"
CHOSEN = ("01_supplier_grid", "04_supplier_multipage_40", "14_a4_dejavu", "20_prose_long")
REDLETTER = [sys.executable, "-m", "redletter"]


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _inbox(tmp: Path) -> Path:
    inbox = tmp / "inbox"
    inbox.mkdir()
    for stem in CHOSEN:
        shutil.copy(LETTERS / f"{stem}.pdf", inbox / f"{stem}.pdf")
    shutil.copy(LETTERS / "scanned" / "s02_redflag_zebra_aliases.pdf", inbox / "scan.pdf")
    shutil.copy(LETTERS / f"{CHOSEN[1]}.pdf", inbox / "forwarded copy of the letter.pdf")
    shutil.copy(BAD / "truncated.pdf", inbox / "corrupt.pdf")
    shutil.copy(BAD / "empty.pdf", inbox / "empty.pdf")
    return inbox


def _planted(expected: str) -> dict[str, str]:
    truth = json.loads((ROOT / "samples" / "customers.truth.json").read_text("utf-8"))
    return {t["customer_id"]: t["party"] for t in truth
            if t["letter"] in CHOSEN and t["expected"] == expected}


def _export(db: Path, fmt: str = "json") -> bytes:
    result = CliRunner().invoke(app, ["denylist", "export", "--format", fmt, "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def test_scenario(tmp_path: Path) -> None:
    inbox, db = _inbox(tmp_path), tmp_path / "redletter.db"
    code, out, err = _cli("run", "--inbox", str(inbox), "--customers", str(CUSTOMERS),
                          "--db", str(db), "--no-cache")
    assert code == ExitCode.input_file, err
    assert "letters: 5 new (0 need review), 1 already recorded, 2 failed" in out
    # Each distinct letter once, whatever its name; the copy is moved aside, not recorded.
    code, out, _ = _cli("letters", "--format", "json", "--db", str(db))
    letters = json.loads(out)
    assert sorted(x["file_name"] for x in letters) == sorted([f"{s}.pdf" for s in CHOSEN] +
                                                             ["scan.pdf"])
    assert len({x["sha256"] for x in letters}) == 5
    assert sorted(p.name for p in (inbox / "processed").iterdir()) == sorted(
        [f"{s}.pdf" for s in CHOSEN] + ["scan.pdf", "forwarded copy of the letter.pdf"])
    assert not [p for p in inbox.iterdir() if p.is_file()]
    failed = inbox / "failed"
    assert "truncated" in (failed / "corrupt.pdf.error.txt").read_text()
    assert "empty" in (failed / "empty.pdf.error.txt").read_text()
    assert (failed / "corrupt.pdf").read_bytes() == (BAD / "truncated.pdf").read_bytes()
    # The planted variants are on the list (auto or waiting for review); look-alikes are not
    # listed as active.
    entries = {e["customer_id"]: e for e in json.loads(_export(db))}
    planted = _planted("match_or_review")
    assert len(planted) >= 10
    missing = {c: p for c, p in planted.items() if c not in entries}
    assert not missing
    assert {e["status"] for e in entries.values()} == {"active", "pending_review"}
    assert all(entries[c]["status"] != "active" for c in _planted("not_match") if c in entries)
    shas = {x["sha256"] for x in letters}
    assert all(e["letter_sha256"] in shas and e["decided_by"] == "auto" for e in entries.values())

    # The same letters again, under other names: nothing changes, byte for byte.
    exports = {fmt: _export(db, fmt) for fmt in ("csv", "json", "xlsx")}
    for p in (inbox / "processed").iterdir():
        shutil.copy(p, inbox / f"again-{p.name}")
    code, out, _ = _cli("run", "--inbox", str(inbox), "--customers", str(CUSTOMERS), "--db",
                        str(db), "--no-cache")
    assert code == 0 and "letters: 0 new (0 need review), 6 already recorded, 0 failed" in out
    assert "(0 decisions in this run)" in out
    assert {fmt: _export(db, fmt) for fmt in exports} == exports

    with sqlite3.connect(db) as conn:  # the refused files are on record too
        refused = conn.execute("SELECT reason FROM audit_log WHERE action = 'file_failed'").fetchall()
    assert sorted(r[0].split(": ")[0].rsplit("/", 1)[-1] for r in refused) == ["corrupt.pdf",
                                                                              "empty.pdf"]

    # The audit trail holds, until a row of the database file is edited.
    code, out, _ = _cli("audit", "verify", "--db", str(db))
    assert code == 0 and "audit log intact" in out
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE audit_log SET reason = 'nothing to see' WHERE id = 3")
    code, _, err = _cli("audit", "verify", "--db", str(db))
    assert code == ExitCode.database_error
    assert "audit entry 3 was changed after it was written" in err


def _db_letters(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM letters").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _snapshot(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as conn:
        return {
            "letters": sorted(conn.execute("SELECT sha256, file_name FROM letters")),
            "parties": conn.execute("SELECT count(*) FROM parties").fetchone()[0],
            "pairs": sorted(conn.execute("SELECT p.name, d.customer_id, d.outcome FROM decisions d "
                                         "JOIN parties p ON p.id = d.party_id")),
            "list": sorted(conn.execute("SELECT customer_id, status FROM denylist")),
        }


def test_kill_in_the_middle_of_a_batch_loses_nothing(tmp_path: Path) -> None:
    reference, victim = tmp_path / "reference", tmp_path / "victim"
    reference.mkdir()
    victim.mkdir()
    args = ["run", "--customers", str(CUSTOMERS), "--no-cache"]
    subprocess.run([*REDLETTER, *args, "--inbox", str(_inbox(reference)), "--db",
                    str(reference / "r.db")], check=False, capture_output=True, timeout=300)
    inbox, db = _inbox(victim), victim / "r.db"
    proc = subprocess.Popen([*REDLETTER, *args, "--inbox", str(inbox), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _db_letters(db) < 1 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = _db_letters(db)
    assert 1 <= killed_at < 5, "the kill must land in the middle of the batch"
    rerun = subprocess.run([*REDLETTER, *args, "--inbox", str(inbox), "--db", str(db)],
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == ExitCode.input_file, rerun.stderr
    assert _snapshot(db) == _snapshot(reference / "r.db")
    assert sorted(p.name for p in (inbox / "processed").iterdir()) == sorted(
        p.name for p in (reference / "inbox" / "processed").iterdir())
    assert subprocess.run([*REDLETTER, "audit", "verify", "--db", str(db)],
                          capture_output=True, timeout=60).returncode == 0


def _listed(db: Path) -> dict[str, str]:
    with sqlite3.connect(db, timeout=5) as conn:
        return dict(conn.execute("SELECT customer_id, status FROM denylist"))


def _wait(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)
    return condition()


def test_watch_reads_a_file_only_once_it_is_complete_and_rescreens_on_a_new_master(
        tmp_path: Path) -> None:
    inbox, db, master = tmp_path / "inbox", tmp_path / "r.db", tmp_path / "customers.csv"
    inbox.mkdir()
    shutil.copy(CUSTOMERS, master)
    proc = subprocess.Popen([*REDLETTER, "watch", "--inbox", str(inbox), "--customers",
                             str(master), "--db", str(db), "--settle", "1.5", "--no-cache"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        data = (LETTERS / f"{CHOSEN[0]}.pdf").read_bytes()
        target = inbox / "arriving.pdf"
        with target.open("wb") as fh:  # copied slowly, in pieces, as over a network share
            for i in range(0, len(data), len(data) // 6 + 1):
                fh.write(data[i:i + len(data) // 6 + 1])
                fh.flush()
                time.sleep(0.4)
        assert _wait(lambda: _db_letters(db) >= 1, 60)
        assert _db_letters(db) == 1
        assert not (inbox / "failed").exists()
        assert _wait(lambda: not target.exists(), 10)
        assert (inbox / "processed" / "arriving.pdf").read_bytes() == data
        # A new master without the customers waiting for review: their reviews are withdrawn.
        assert _wait(lambda: "pending_review" in _listed(db).values(), 10)
        pending = {c for c, s in _listed(db).items() if s == "pending_review"}
        lines = master.read_text("utf-8").splitlines(keepends=True)
        master.write_text("".join(ln for ln in lines if ln.split(",")[0] not in pending), "utf-8")
        assert _wait(lambda: not pending & set(_listed(db)), 30)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "letters: 1 new" in out
    assert "new customer master: 6 parties of concern screened again" in out


def test_unreadable_master_stops_before_touching_the_inbox(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    before = sorted(p.name for p in inbox.iterdir())
    bad = tmp_path / "customers.csv"
    bad.write_bytes(b"")
    code, _, err = _cli("run", "--inbox", str(inbox), "--customers", str(bad), "--db",
                        str(tmp_path / "r.db"), "--no-cache")
    assert code == ExitCode.input_file
    assert len(err.strip().splitlines()) == 1 and "customers.csv" in err
    assert sorted(p.name for p in inbox.iterdir()) == before


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_export_of_an_empty_list(tmp_path: Path, fmt: str) -> None:
    from redletter.store.db import connect

    connect(tmp_path / "empty.db", create=True)
    data = _export(tmp_path / "empty.db", fmt)
    assert data.startswith({"csv": b"customer_id,customer_name,status", "json": b"[]",
                            "xlsx": b"PK"}[fmt])


@pytest.mark.parametrize("command", [["letters"], ["denylist", "export"], ["audit", "verify"],
                                     ["audit", "export"], ["serve", "--port", "1"]])
def test_read_commands_refuse_a_database_that_is_not_there(tmp_path: Path,
                                                           command: list[str]) -> None:
    typo = tmp_path / "typo.db"
    code, out, err = _cli(*command, "--db", str(typo))
    assert code == ExitCode.database_error
    assert f"no database at {typo}" in err and len(err.strip().splitlines()) == 1
    assert not typo.exists() and "intact" not in out


def test_run_says_it_creates_a_database(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "new.db"
    inbox.mkdir()
    code, _, err = _cli("run", "--inbox", str(inbox), "--customers", str(CUSTOMERS), "--db",
                        str(db), "--no-cache")
    assert code == 0 and f"created a new database at {db}" in err and db.exists()
    code, _, err = _cli("run", "--inbox", str(inbox), "--customers", str(CUSTOMERS), "--db",
                        str(db), "--no-cache")
    assert code == 0 and "created" not in err


def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "r.db"
    inbox.mkdir()
    for stem in CHOSEN[:3]:
        shutil.copy(LETTERS / f"{stem}.pdf", inbox / f"{stem}.pdf")
    command = " ".join([*REDLETTER, "run", "--inbox", str(inbox), "--customers", str(CUSTOMERS),
                        "--db", str(db), "--no-cache"])
    # util-linux `script` runs the command on a pseudo-terminal, as a user at a shell would.
    shown = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True,
                           timeout=300, check=False)
    assert shown.returncode == 0
    screen = shown.stdout.decode("utf-8", "replace")
    assert "━" in screen and "letters: 3 new" in screen  # (intermediate frames depend on timing)
    for stem in CHOSEN[:3]:  # the same batch again, output not to a terminal
        shutil.copy(LETTERS / f"{stem}.pdf", inbox / f"{stem}.pdf")
    again = subprocess.run([*REDLETTER, "run", "--inbox", str(inbox), "--customers",
                            str(CUSTOMERS), "--db", str(db), "--no-cache"], capture_output=True,
                           text=True, timeout=300, check=False)
    assert "letters: 0 new (0 need review), 3 already recorded" in again.stdout
    assert "━" not in again.stdout + again.stderr


def test_run_with_named_master_columns(tmp_path: Path) -> None:
    master = tmp_path / "erp_export.csv"
    lines = CUSTOMERS.read_text("utf-8").splitlines(keepends=True)
    master.write_text("Kdnr,Firma,Strasse,Ort,Staat\n" + "".join(lines[1:]), "utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(LETTERS / f"{CHOSEN[1]}.pdf", inbox / "letter.pdf")
    base = ["run", "--inbox", str(inbox), "--customers", str(master), "--db",
            str(tmp_path / "r.db"), "--no-cache"]
    code, _, err = _cli(*base)
    assert code == ExitCode.input_file and "column" in err
    assert (inbox / "letter.pdf").exists()
    code, out, _ = _cli(*base, "--id-col", "Kdnr", "--name-col", "Firma", "--address-col",
                        "Strasse", "--city-col", "Ort", "--country-col", "Staat")
    assert code == 0 and "letters: 1 new" in out
    # The same list as with the sample master's own headers.
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(LETTERS / f"{CHOSEN[1]}.pdf", other / "letter.pdf")
    assert _cli("run", "--inbox", str(other), "--customers", str(CUSTOMERS), "--db",
                str(tmp_path / "ref.db"), "--no-cache")[0] == 0
    listed = {(e["customer_id"], e["status"]) for e in json.loads(_export(tmp_path / "r.db"))}
    reference = {(e["customer_id"], e["status"]) for e in json.loads(_export(tmp_path / "ref.db"))}
    assert listed == reference and ("C00051", "active") in listed


def test_a_file_that_cannot_be_moved_is_reported_not_fatal(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "r.db"
    inbox.mkdir()
    shutil.copy(LETTERS / f"{CHOSEN[0]}.pdf", inbox / "letter.pdf")
    (inbox / "processed").write_text("someone made a file where the folder should be")
    code, out, err = _cli("run", "--inbox", str(inbox), "--customers", str(CUSTOMERS), "--db",
                          str(db), "--no-cache")
    assert code == ExitCode.input_file
    assert "letters: 1 new" in out
    assert "letter.pdf: cannot move the file out of the inbox" in err
    assert "its letter is recorded" in err
    assert (inbox / "letter.pdf").exists() and _db_letters(db) == 1
    assert (inbox / "failed" / "processed.error.txt").exists()  # the stray file is not a letter
    # Once the folder is fixed, the next run only moves the letter.
    code, out, _ = _cli("run", "--inbox", str(inbox), "--customers", str(CUSTOMERS), "--db",
                        str(db), "--no-cache")
    assert code == 0 and "letters: 0 new (0 need review), 1 already recorded" in out
    assert (inbox / "processed" / "letter.pdf").exists() and _db_letters(db) == 1
