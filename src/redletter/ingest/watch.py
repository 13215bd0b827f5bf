"""Watch the inbox continuously (watchdog) and run a pass for the files that are ready.

A file is ready once its size and modification time have stayed the same for ``settle``
seconds, so a letter still being copied into the folder is never read half-way. Events only
wake the loop early; a periodic scan catches anything an event missed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Collection
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from redletter.ingest.folders import inbox_files

Stamp = tuple[int, int]


class _Wake(FileSystemEventHandler):
    def __init__(self, wake: threading.Event) -> None:
        self.wake = wake

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.wake.set()


def _stamp(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class Stability:
    """Tracks when each file's (size, mtime) last changed."""

    def __init__(self, settle: float) -> None:
        self.settle = settle
        self.seen: dict[Path, tuple[Stamp, float]] = {}

    def ready(self, files: list[Path], now: float) -> list[Path]:
        """The files unchanged for ``settle`` seconds."""
        out: list[Path] = []
        current: dict[Path, tuple[Stamp, float]] = {}
        for path in files:
            stamp = _stamp(path)
            if stamp is None:
                continue
            old = self.seen.get(path)
            since = old[1] if old and old[0] == stamp else now
            current[path] = (stamp, since)
            if now - since >= self.settle:
                out.append(path)
        self.seen = current
        return out


def watch(inbox: Path, run: Callable[[list[Path]], Collection[Path]], stop: threading.Event, *,
          settle: float = 2.0, scan_every: float = 5.0, master: Path | None = None) -> None:
    """Call ``run(files)`` with every batch of ready files until ``stop`` is set; when the
    ``master`` file changes (and then stays the same for ``settle`` seconds), call ``run([])``
    so that every party of concern is screened against it. ``run`` returns the files another
    process was holding: those are looked at again, while a file a pass left in the inbox
    (it could not be moved) waits until it changes."""
    wake = threading.Event()
    observer = Observer()
    observer.schedule(_Wake(wake), str(inbox), recursive=False)
    if master is not None and master.parent.resolve() != inbox.resolve():
        observer.schedule(_Wake(wake), str(master.parent), recursive=False)
    observer.start()
    stability, master_stability = Stability(settle), Stability(settle)
    master_seen = _stamp(master) if master else None
    stuck: dict[Path, Stamp | None] = {}  # left in the inbox by a pass (cannot be moved)
    try:
        while not stop.is_set():
            now = time.monotonic()
            ready = [p for p in stability.ready(inbox_files(inbox), now)
                     if p not in stuck or stuck[p] != _stamp(p)]
            if master and master_stability.ready([master], now) and _stamp(master) != master_seen:
                master_seen = _stamp(master)
                run([])
            if ready:
                others = set(run(ready))
                stuck.update({p: _stamp(p) for p in ready if p.exists() and p not in others})
                if len(others) < len(ready):
                    continue
            busy = bool(stability.seen) or (master is not None and _stamp(master) != master_seen)
            deadline = time.monotonic() + (min(settle / 2, scan_every) if busy else scan_every)
            while not stop.is_set() and not wake.is_set() and time.monotonic() < deadline:
                wake.wait(0.25)
            wake.clear()
    finally:
        observer.stop()
        observer.join(timeout=5)
