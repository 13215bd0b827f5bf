"""One pass over the inbox: the main job.

For each new letter (by the SHA-256 of its bytes): extract, record the letter and its parties,
screen them against the current customer master and apply the auto-update policy (the
screening layer, ``redletter.screening``), all in one transaction; only then is the file moved
to ``processed/``. A kill at any moment therefore leaves either nothing recorded (the file is
still in the inbox and is read again) or the letter recorded (the file is moved on the next run
without being recorded twice).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from redletter.errors import InputFileError, RedletterError
from redletter.extract.source import sha256_of
from redletter.ingest.folders import PROCESSED, destination, inbox_files, move, move_failed
from redletter.pipeline import extract_letters
from redletter.schema import Letter
from redletter.screening.master import Master
from redletter.screening.screen import screen_all, screen_stored
from redletter.settings import Settings
from redletter.store import audit
from redletter.store.db import transaction
from redletter.store.letters import letter_id_by_sha, record_letter, repoint_if_missing

FileDone = Callable[[Path], None]


@dataclass
class Report:
    """What one pass did."""

    letters: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[RedletterError] = field(default_factory=list)
    parties: int = 0
    decisions: int = 0
    rescreened: int = 0


def _record(engine: Engine, inbox: Path, path: Path, letter: Letter, master: Master,
            master_id: int, settings: Settings, report: Report) -> None:
    target = destination(inbox / PROCESSED, path, letter.source.sha256)
    with transaction(engine) as conn:
        if letter_id_by_sha(conn, letter.source.sha256) is not None:
            report.duplicates.append(path.name)
        else:
            stored = record_letter(conn, letter, file_name=path.name, stored_path=str(target))
            report.decisions += screen_stored(conn, stored, master, master_id, settings)
            report.letters.append(path.name)
            report.parties += len(stored)
    move(path, target, letter.source.sha256)


def _known(engine: Engine, inbox: Path, paths: Sequence[Path], report: Report,
           on_file: FileDone | None) -> list[Path]:
    """Move letters already recorded (dropped again, or recorded before a crash) to
    ``processed/``; return the new ones, one file per distinct content."""
    fresh: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        try:
            sha = sha256_of(path)
        except OSError as exc:
            report.failed.append(InputFileError(f"cannot read the file ({exc.strerror})", path=path))
            continue
        target = destination(inbox / PROCESSED, path, sha)
        with transaction(engine) as conn:
            letter_id = letter_id_by_sha(conn, sha)
            if letter_id is not None:
                repoint_if_missing(conn, letter_id, str(target))
        if letter_id is None and sha not in seen:
            seen.add(sha)
            fresh.append(path)
            continue
        try:
            move(path, target, sha)
            report.duplicates.append(path.name)
        except OSError as exc:
            report.failed.append(_unmovable(path, exc, True))
        if on_file:
            on_file(path)
    return fresh


def _unmovable(path: Path, exc: OSError, recorded: bool) -> InputFileError:
    """A file that could not be moved out of the inbox stays there; say so, and whether its
    letter is recorded (then the next run only moves it)."""
    state = "its letter is recorded" if recorded else "it was not read"
    return InputFileError(f"cannot move the file out of the inbox ({exc.strerror or exc}); "
                          f"{state}; check the processed/ and failed/ folders", path=path)


def _record_failure(engine: Engine, path: Path, error: RedletterError) -> None:
    """A refused file leaves an audit entry: which file, which bytes, why."""
    try:
        sha: str | None = sha256_of(path)
    except OSError:
        sha = None
    with transaction(engine) as conn:
        audit.append(conn, actor="auto", action="file_failed", reason=error.message,
                     payload={"file_name": path.name, "sha256": sha,
                              "exit_code": int(error.exit_code)})


def run_batch(inbox: Path, master: Master, engine: Engine, settings: Settings,
              *, files: Sequence[Path] | None = None, on_file: FileDone | None = None,
              chunk: int = 3) -> Report:
    """One pass over the inbox (or over ``files`` in it); see the module's docstring."""
    report = Report()
    master_id, report.rescreened, report.decisions = screen_all(engine, master, settings)
    fresh = _known(engine, inbox, files if files is not None else inbox_files(inbox), report,
                   on_file)
    for start in range(0, len(fresh), chunk):
        paths = fresh[start:start + chunk]
        for path, outcome in zip(paths, extract_letters(paths, settings), strict=True):
            try:
                if isinstance(outcome, RedletterError):
                    _record_failure(engine, path, outcome)
                    report.failed.append(outcome)
                    move_failed(inbox, path, outcome)
                else:
                    _record(engine, inbox, path, outcome, master, master_id, settings, report)
            except OSError as exc:
                report.failed.append(_unmovable(path, exc, isinstance(outcome, Letter)))
            if on_file:
                on_file(path)
    return report
