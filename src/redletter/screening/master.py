"""The customer master in use: its file, its hash and its match index."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redletter.errors import InputFileError
from redletter.extract.source import sha256_of
from redletter.match.cache import master_index
from redletter.match.index import MasterIndex
from redletter.match.master import Columns


@dataclass(frozen=True)
class Master:
    """The customer master in use and its index."""

    path: Path
    sha256: str
    index: MasterIndex


def load_master(path: Path, columns: Columns | None, cache_dir: Path | None) -> Master:
    """Read (or take from the cache) the master's index."""
    try:
        sha = sha256_of(path)
    except OSError as exc:
        raise InputFileError(f"cannot read the customer master ({exc.strerror})", path=path) from exc
    return Master(path, sha, master_index(path, columns, cache_dir))
