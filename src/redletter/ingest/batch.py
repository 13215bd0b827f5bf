"""One pass over the inbox: the main job.

For each new letter (by the SHA-256 of its bytes): extract, record the letter and its parties,
link it to the earlier letters it amends, supersedes or removes parties from, screen its parties
against the current customer master and apply the auto-update policy (the screening layer,
``redletter.screening``), all in one transaction; only then is the file moved
to ``processed/``. A kill at any moment therefore leaves either nothing recorded (the file is
still in the inbox and is read again) or the letter recorded (the file is moved on the next run
without being recorded twice).

Several processes may work on one inbox and one database: each file is claimed
(``ingest/claims.py``) before it is read and kept until it is moved, so a letter is read by one
process only, and a file that another process took away in the meantime is not a failure.
Paths are made absolute first, so that the stored path of a letter is valid from anywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from redletter.errors import InputFileError, RedletterError, printable
from redletter.extract.source import sha256_of
from redletter.ingest.claims import Claims
from redletter.ingest.folders import PROCESSED, destination, inbox_files, move, move_failed
from redletter.pipeline import extract_letters
from redletter.schema import Letter
from redletter.screening.master import Master
from redletter.screening.screen import record_and_screen, screen_all
from redletter.settings import Settings
from redletter.store import audit
from redletter.store.db import transaction
from redletter.store.letters import letter_id_by_sha, repoint_if_missing, review_reasons_of

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
    busy: list[Path] = field(default_factory=list)  # held by another process: its business
    needs_review: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


def _record(engine: Engine, inbox: Path, path: Path, letter: Letter, master: Master,
            master_id: int, settings: Settings, report: Report) -> None:
    target = destination(inbox / PROCESSED, path, letter.source.sha256)
    name = printable(path.name)
    with transaction(engine) as conn:
        if letter_id_by_sha(conn, letter.source.sha256) is not None:
            report.duplicates.append(name)
        else:
            parties, made = record_and_screen(conn, letter, file_name=name, stored_path=str(target),
                                              master=master, master_id=master_id, settings=settings)
            report.decisions += made
            report.letters.append(name)
            report.parties += parties
            if (reasons := review_reasons_of(conn, letter_id_by_sha(conn, letter.source.sha256) or 0)):
                report.needs_review.append((name, tuple(reasons)))
    move(path, target, letter.source.sha256)


def _claimed(path: Path, claims: Claims, report: Report) -> str | None:
    """The file's hash once this process holds it; ``None`` when another process has it or
    took it away (not a failure), or it cannot be read (a failure)."""
    try:
        sha = sha256_of(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        report.failed.append(InputFileError(f"cannot read the file ({exc.strerror})", path=path))
        return None
    if not claims.take(path, sha):
        report.busy.append(path)
        return None
    try:  # the bytes hashed may have been replaced by the time the claim was taken
        if sha256_of(path) == sha:
            return sha
    except OSError:
        pass
    claims.release(path)
    return None


def _known(engine: Engine, inbox: Path, paths: Sequence[Path], report: Report,
           on_file: FileDone | None, claims: Claims) -> list[Path]:
    """Claim the files; move letters already recorded (dropped again, or recorded before a
    crash) to ``processed/``; return the new ones, one file per distinct content, still
    claimed."""
    fresh: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        sha = _claimed(path, claims, report)
        if sha is None:
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
            report.duplicates.append(printable(path.name))
        except OSError as exc:
            report.failed.append(_unmovable(path, exc, True))
        claims.release(path)
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
    name = printable(path.name)
    with transaction(engine) as conn:
        if not audit.failure_recorded(conn, sha256=sha, file_name=name):
            audit.append(conn, actor="auto", action="file_failed", reason=error.message,
                         payload={"file_name": name, "sha256": sha,
                                  "exit_code": int(error.exit_code)})


def run_batch(inbox: Path, master: Master, engine: Engine, settings: Settings,
              *, files: Sequence[Path] | None = None, on_file: FileDone | None = None,
              chunk: int = 3) -> Report:
    """One pass over the inbox (or over ``files`` in it); see the module's docstring."""
    report = Report()
    inbox = inbox.absolute()
    master_id, report.rescreened, report.decisions = screen_all(engine, master, settings)
    claims = Claims(engine)
    listed = [inbox / p.name for p in (files if files is not None else inbox_files(inbox))]
    try:  # claimed a chunk at a time, so that other processes take the next chunks
        for start in range(0, len(listed), chunk):
            paths = _known(engine, inbox, listed[start:start + chunk], report, on_file, claims)
            for path, outcome in zip(paths, extract_letters(paths, settings), strict=True):
                _settle(engine, inbox, path, outcome, master, master_id, settings, report)
                claims.release(path)
                if on_file:
                    on_file(path)
    finally:
        claims.close()
    return report


def _settle(engine: Engine, inbox: Path, path: Path, outcome: Letter | RedletterError,
            master: Master, master_id: int, settings: Settings, report: Report) -> None:
    """Record a letter, or the failure of a file, and move it out of the inbox."""
    try:
        if isinstance(outcome, RedletterError):
            _record_failure(engine, path, outcome)
            report.failed.append(outcome)
            move_failed(inbox, path, outcome)
        else:
            _record(engine, inbox, path, outcome, master, master_id, settings, report)
    except OSError as exc:
        report.failed.append(_unmovable(path, exc, isinstance(outcome, Letter)))
