"""Text files from people's programs: UTF-8 (with or without a byte-order mark), else cp1252."""

from __future__ import annotations

from pathlib import Path

from redletter.errors import InputFileError

ENCODINGS = ("utf-8-sig", "cp1252")


def decode_text(data: bytes, path: Path, what: str) -> str:
    """The text of a file's bytes; an ``InputFileError`` naming ``what`` it is when neither
    encoding reads it."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputFileError(f"the {what} is neither UTF-8 nor cp1252 text", path=path)
