"""Claims on inbox files, so that several ``watch`` or ``run`` processes (on one machine, or
on several machines sharing a PostgreSQL database and an inbox folder) never read the same
letter at once.

A claim is an exclusive, non-blocking ``flock`` on the file (released by the kernel when the
process dies, however it dies) and, on PostgreSQL, a session advisory lock keyed by the
file's hash (released when the process's connection closes). A file someone else holds, or
one that is gone or was replaced since it was listed, is simply not claimed: the process that
holds it reports on it.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from sqlalchemy import Engine

from redletter.store.locks import AdvisoryLocks


class Claims:
    """The files this process holds."""

    def __init__(self, engine: Engine) -> None:
        self.locks = AdvisoryLocks(engine)
        self.held: dict[Path, tuple[int, int]] = {}  # path -> (fd, lock key)

    def take(self, path: Path, sha256: str) -> bool:
        """Claim ``path`` (whose bytes hash to ``sha256``); False when someone else holds it
        or it is no longer there."""
        if path in self.held:
            return True
        fd = _locked(path)
        if fd is None:
            return False
        key = int(sha256[:15], 16)
        if not self.locks.try_lock(key):
            os.close(fd)
            return False
        self.held[path] = (fd, key)
        return True

    def release(self, path: Path) -> None:
        """Let go of one file."""
        fd, key = self.held.pop(path, (-1, 0))
        if fd < 0:
            return
        self.locks.unlock(key)
        os.close(fd)

    def close(self) -> None:
        """Let go of everything."""
        for path in list(self.held):
            self.release(path)
        self.locks.close()


def _locked(path: Path) -> int | None:
    """A descriptor of ``path`` holding an exclusive lock, or ``None`` when the file is gone,
    replaced since it was opened, or locked by another process."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if os.fstat(fd).st_ino != os.stat(path).st_ino:
            raise FileNotFoundError(path)
    except OSError:
        os.close(fd)
        return None
    return fd
