"""The master's index, cached on disk and keyed by the file's SHA-256 and the column choice.

A master that did not change is not indexed again: the cached index is loaded instead (a
pickle written by this version of redletter, in the user's cache folder, replaced atomically).
A cache that cannot be read is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import astuple
from pathlib import Path

from redletter import __version__
from redletter.errors import InputFileError
from redletter.extract.source import sha256_of
from redletter.match.index import MasterIndex
from redletter.match.master import Columns, load_columns, no_gc

FORMAT = 2


def default_cache_dir() -> Path:
    """``$REDLETTER_CACHE_DIR``, else ``$XDG_CACHE_HOME/redletter``, else ``~/.cache/redletter``."""
    if env := os.environ.get("REDLETTER_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "redletter"


def cache_path(master: Path, columns: Columns, cache_dir: Path) -> Path:
    """Where the index of this master file, read with these columns, is kept."""
    choice = hashlib.sha256(repr((astuple(columns), FORMAT, __version__)).encode()).hexdigest()[:12]
    return cache_dir / f"master-{sha256_of(master)[:32]}-{choice}.pickle"


def _read(path: Path) -> MasterIndex | None:
    try:
        with path.open("rb") as fh, no_gc():
            index = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return index if isinstance(index, MasterIndex) else None


def _write(index: MasterIndex, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
    except OSError:
        pass  # no cache is only slower


def master_index(master: Path, columns: Columns | None = None,
                 cache_dir: Path | None = None) -> MasterIndex:
    """The index of a master file: from the cache when present, else built (and cached)."""
    columns = columns or Columns()
    if not master.is_file():
        raise InputFileError("no such file", path=master)
    if cache_dir is None:
        return MasterIndex.build(load_columns(master, columns))
    path = cache_path(master, columns, cache_dir)
    if (cached := _read(path)) is not None:
        return cached
    index = MasterIndex.build(load_columns(master, columns))
    _write(index, path)
    return index
