"""The master's index, cached on disk, and the name keys, cached by the rows' content.

Two caches, both in the user's cache folder, written atomically, ignored when unreadable:

* the index of a master file, keyed by the file's SHA-256 and the column choice: a master that
  did not change is not indexed again;
* the name keys of the last master indexed, keyed by the names themselves: a master that
  changed by a few rows (they change daily) reuses the keys of every name it still has, and
  only the new names are normalized.

Both keys include the cache format, redletter's version and a hash of the rule data and of
rigour's version (``normalize.rules_hash``), so a rule edit never serves a stale index. The
caches are written by a forked copy of the process while matching goes on.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import tempfile
import threading
from collections.abc import Callable
from dataclasses import astuple, dataclass
from pathlib import Path

from redletter import __version__
from redletter.collector import no_gc
from redletter.errors import InputFileError
from redletter.extract.source import sha256_of
from redletter.match.index import MasterIndex
from redletter.match.master import Columns, PackedColumn
from redletter.nlp.normalize import KeyParts, rules_hash

FORMAT = 5
_CHUNK = 1 << 16  # rows of the key store read at a time


def default_cache_dir() -> Path:
    """``$REDLETTER_CACHE_DIR``, else ``$XDG_CACHE_HOME/redletter``, else ``~/.cache/redletter``."""
    if env := os.environ.get("REDLETTER_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "redletter"


def _rules() -> str:
    return hashlib.sha256(repr((FORMAT, __version__, rules_hash())).encode()).hexdigest()[:12]


def cache_path(master: Path, columns: Columns, cache_dir: Path) -> Path:
    """Where the index of this master file, read with these columns, is kept."""
    choice = hashlib.sha256(repr((astuple(columns), _rules())).encode()).hexdigest()[:12]
    return cache_dir / f"master-{sha256_of(master)[:32]}-{choice}.pickle"


def keys_path(cache_dir: Path) -> Path:
    """Where the name keys made under the current rules are kept."""
    return cache_dir / f"keys-{_rules()}.pickle"


@dataclass
class KeyStore:
    """Names and their keys (packed columns: they load in a memory copy)."""

    names: PackedColumn
    texts: PackedColumn
    legal: PackedColumn
    quals: PackedColumn

    @classmethod
    def of(cls, index: MasterIndex) -> KeyStore:
        return cls(PackedColumn(index.master.names), PackedColumn(index.key_texts),
                   PackedColumn(index.key_legal), PackedColumn(index.key_quals))

    def fill(self, parts: dict[str, KeyParts | None]) -> None:
        """Set the stored key of each name of ``parts`` that the store has. The store is read
        a chunk of rows at a time: a dict of all its names and keys would take more memory
        than the index being built (a third more at a million rows)."""
        for start in range(0, len(self.names), _CHUNK):
            stop = min(start + _CHUNK, len(self.names))
            names = self.names.span(start, stop)
            if hits := [k for k, name in enumerate(names) if name in parts]:
                texts, legal, quals = (c.span(start, stop) for c in (self.texts, self.legal, self.quals))
                parts.update({names[k]: (texts[k], legal[k], quals[k]) for k in hits})


def _read(path: Path) -> object | None:
    try:
        with path.open("rb") as fh, no_gc():
            value: object = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError,
            ValueError):
        return None
    return value


def _write(value: object, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
    except OSError:
        pass  # no cache is only slower


_PENDING: list[int] = []  # forked cache writers not yet reaped


def _write_later(writes: list[tuple[Callable[[], object], Path]]) -> None:
    """Write the caches from a forked copy of this process, so that matching does not wait
    for them (a cache only makes a later run faster); in this process where there is no fork,
    or where other threads run (the review page, ``watch``): a fork beside threads may deadlock.
    ``wait_for_cache_writes`` waits for them; the interpreter does so at exit."""
    _reap(block=False)
    if not hasattr(os, "fork") or threading.active_count() > 1:  # no fork beside other threads
        for make, path in writes:
            _write(make(), path)
        return
    pid = os.fork()
    if pid == 0:  # the copy: write, then leave without running the parent's exit handlers
        try:
            os.nice(10)  # matching, in the parent, comes first
            for make, path in writes:
                _write(make(), path)
        finally:
            os._exit(0)
    _PENDING.append(pid)


def _reap(*, block: bool) -> None:
    for pid in list(_PENDING):
        try:
            done, _ = os.waitpid(pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            _PENDING.remove(pid)


def wait_for_cache_writes() -> None:
    """Wait until the caches being written are on disk."""
    _reap(block=True)


atexit.register(wait_for_cache_writes)


def _stored_keys(cache_dir: Path) -> KeyStore | None:
    store = _read(keys_path(cache_dir))
    return store if isinstance(store, KeyStore) else None


def _build(master: Path, columns: Columns, cache_dir: Path) -> MasterIndex:
    """Index the master, reusing the keys of names already seen."""
    return MasterIndex.of_file(master, columns, known=_stored_keys(cache_dir))


def master_index(master: Path, columns: Columns | None = None,
                 cache_dir: Path | None = None) -> MasterIndex:
    """The index of a master file: from the cache when present, else built (and cached)."""
    columns = columns or Columns()
    if not master.is_file():
        raise InputFileError("no such file", path=master)
    if cache_dir is None:
        return MasterIndex.of_file(master, columns)
    path = cache_path(master, columns, cache_dir)
    if isinstance(cached := _read(path), MasterIndex):
        return cached
    index = _build(master, columns, cache_dir)
    _write_later([(lambda: KeyStore.of(index), keys_path(cache_dir)), (lambda: index, path)])
    return index
