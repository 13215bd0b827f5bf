"""Files in the inbox and where they go afterwards: ``processed/`` or ``failed/`` (with a
``.error.txt`` beside the file saying why). Nothing is ever deleted unless an identical copy
is already in place.

Any file name is taken: bytes that are not UTF-8 and control characters (a newline) are
written out as text (``bad\\xff.pdf``) in ``processed/`` and ``failed/``, so that the name can
be stored and printed; a name too long for the file system once a hash, a time stamp or
``.error.txt`` is added is shortened, keeping the start of the file's hash so that it stays
unique and traceable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

from redletter.errors import RedletterError, printable
from redletter.extract.source import sha256_of
from redletter.store.audit import fault_point

PROCESSED = "processed"
FAILED = "failed"
# A name in processed/ or failed/ stays under this many bytes, leaving room (of 255) for a
# "-<hash>" or "-<time stamp>" on a collision and for ".error.txt".
MAX_NAME_BYTES = 190


def inbox_files(inbox: Path) -> list[Path]:
    """The letters waiting in the inbox: regular files, not hidden (a download in progress is
    often ``.name.part``), oldest name first."""
    return sorted(p for p in inbox.iterdir()
                  if p.is_file() and not p.name.startswith(".") and not p.name.endswith(".error.txt"))


def stored_name(name: str, sha256: str) -> str:
    """The name a file gets in processed/ or failed/: printable UTF-8, and short enough."""
    safe = printable(name)
    if len(safe.encode("utf-8")) <= MAX_NAME_BYTES:
        return safe
    suffix = Path(safe).suffix if len(Path(safe).suffix.encode("utf-8")) <= 10 else ""
    room = MAX_NAME_BYTES - len(suffix.encode("utf-8")) - 13
    stem = safe.encode("utf-8")[:room].decode("utf-8", "ignore")
    return f"{stem}-{sha256[:12]}{suffix}"


def destination(folder: Path, path: Path, sha256: str) -> Path:
    """Where ``path`` goes in ``folder``: its own (printable, short enough) name, or that name
    with the start of its hash when another file already has it. Deterministic, so that a
    rerun after a crash picks the path that was recorded."""
    name = stored_name(path.name, sha256)
    first = folder / name
    if not first.exists() or _same(first, sha256):
        return first
    return folder / f"{Path(name).stem}-{sha256[:12]}{Path(name).suffix}"


def _same(path: Path, sha256: str) -> bool:
    try:
        return sha256_of(path) == sha256
    except OSError:
        return False


def move(path: Path, target: Path, sha256: str | None) -> Path:
    """Move a file; when an identical copy is already at ``target`` the inbox copy is removed."""
    fault_point()
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


def _identity(path: Path) -> str:
    """The file's hash, or (unreadable) a hash of its name's bytes."""
    try:
        return sha256_of(path)
    except OSError:
        return hashlib.sha256(os.fsencode(path.name)).hexdigest()


def move_failed(inbox: Path, path: Path, error: RedletterError) -> Path:
    """Move a bad file to ``failed/`` and write why beside it."""
    folder = inbox / FAILED
    folder.mkdir(parents=True, exist_ok=True)
    target = move(path, folder / stored_name(path.name, _identity(path)), None)
    note = target.with_name(target.name + ".error.txt")
    note.write_text(f"{error.message}\nexit code {int(error.exit_code)} "
                    f"({error.exit_code.name})\nat {dt.datetime.now(dt.UTC).isoformat()}\n", "utf-8")
    return target
