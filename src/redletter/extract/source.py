"""Check an input file before any parser sees it: exists, not empty, not huge, a known format."""

from __future__ import annotations

import hashlib
from pathlib import Path

from redletter.errors import InputFileError
from redletter.extract.mail import is_mail

_CHUNK = 1 << 20
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def sha256_of(path: Path) -> str:
    """SHA-256 of the file's bytes: a letter's identity, whatever its name."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def sniff(path: Path, *, max_bytes: int) -> str:
    """The file's format ("pdf", "image", "xlsx", "csv" or "mail"), or an ``InputFileError``
    saying why it cannot be read."""
    if not path.exists():
        raise InputFileError("no such file", path=path)
    if not path.is_file():
        raise InputFileError("not a regular file", path=path)
    size = path.stat().st_size
    if size == 0:
        raise InputFileError("the file is empty (0 bytes); it was probably not copied completely",
                             path=path)
    if size > max_bytes:
        raise InputFileError(f"the file is {size / 2**20:.0f} MB, over the limit of "
                             f"{max_bytes / 2**20:.0f} MB (--max-file-mb)", path=path)
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(_IMAGE_MAGIC):
        return "image"
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04") and suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".csv", ".tsv") and b"\x00" not in head:
        return "csv"
    if suffix == ".eml" or is_mail(head):
        return "mail"
    raise InputFileError("not a letter format: letters must be PDF, PNG/JPEG/TIFF scans, XLSX or "
                         "CSV party lists, or e-mails saved as .eml", path=path)
