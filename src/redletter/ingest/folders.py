"""Files in the inbox and where they go afterwards: ``processed/`` or ``failed/`` (with a
``.error.txt`` beside the file saying why). Nothing is ever deleted unless an identical copy
is already in place."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from redletter.errors import RedletterError
from redletter.extract.source import sha256_of

PROCESSED = "processed"
FAILED = "failed"


def inbox_files(inbox: Path) -> list[Path]:
    """The letters waiting in the inbox: regular files, not hidden (a download in progress is
    often ``.name.part``), oldest name first."""
    return sorted(p for p in inbox.iterdir()
                  if p.is_file() and not p.name.startswith(".") and not p.name.endswith(".error.txt"))


def destination(folder: Path, path: Path, sha256: str) -> Path:
    """Where ``path`` goes in ``folder``: its own name, or the name with the start of its hash
    when another file already has it. Deterministic, so that a rerun after a crash picks the
    path that was recorded."""
    first = folder / path.name
    if not first.exists() or _same(first, sha256):
        return first
    return folder / f"{path.stem}-{sha256[:12]}{path.suffix}"


def _same(path: Path, sha256: str) -> bool:
    try:
        return sha256_of(path) == sha256
    except OSError:
        return False


def move(path: Path, target: Path, sha256: str | None) -> Path:
    """Move a file; when an identical copy is already at ``target`` the inbox copy is removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() and sha256 is not None and _same(target, sha256):
        path.unlink()
        return target
    if target.exists():
        target = target.with_name(f"{target.stem}-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S%f}"
                                  f"{target.suffix}")
    os.replace(path, target) if _same_device(path, target.parent) else shutil.move(path, target)
    return target


def _same_device(a: Path, b: Path) -> bool:
    return a.stat().st_dev == b.stat().st_dev


def move_failed(inbox: Path, path: Path, error: RedletterError) -> Path:
    """Move a bad file to ``failed/`` and write why beside it."""
    folder = inbox / FAILED
    folder.mkdir(parents=True, exist_ok=True)
    target = move(path, folder / path.name, None)
    note = target.with_name(target.name + ".error.txt")
    note.write_text(f"{error.message}\nexit code {int(error.exit_code)} "
                    f"({error.exit_code.name})\nat {dt.datetime.now(dt.UTC).isoformat()}\n", "utf-8")
    return target
