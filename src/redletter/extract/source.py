"""Check an input file before any parser sees it: exists, not empty, not huge, a known format;
and the budget a parser may spend on it (time, and bytes of decoded streams), so that a
hostile file (a content stream that inflates to gigabytes of zeros) cannot stall the inbox."""

from __future__ import annotations

import hashlib
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from redletter.errors import InputFileError

_CHUNK = 1 << 20
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def is_mail(head: bytes) -> bool:
    """Whether a file's first bytes are those of a saved e-mail (RFC 5322 headers)."""
    text = head[:2048].decode("latin-1").lower()
    return bool(re.match(r"(?:[a-z-]+:[^\n]*\n)+", text)) and (
        "\nfrom:" in "\n" + text or "\nmime-version:" in "\n" + text) and "\nsubject:" in "\n" + text


def sha256_of(path: Path) -> str:
    """SHA-256 of the file's bytes: a letter's identity, whatever its name."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Budget:
    """What reading one file may still spend."""

    path: Path
    seconds: float
    max_decoded: int
    decoded: int = 0

    def remaining(self) -> int:
        """Bytes of decoded streams still allowed."""
        return max(0, self.max_decoded - self.decoded)

    def spend(self, nbytes: int) -> None:
        """Count decoded bytes; past the budget the file is refused."""
        self.decoded += nbytes
        if self.decoded > self.max_decoded:
            raise InputFileError(
                f"the file's streams decode to more than {self.max_decoded / 2**20:.0f} MB "
                "($REDLETTER_MAX_DECODED_MB); a compression bomb or a damaged file", path=self.path)

    def expired(self) -> InputFileError:
        """The error for a file read past its time."""
        return InputFileError(f"reading the file took more than {self.seconds:g} s "
                              "($REDLETTER_FILE_TIMEOUT); a hostile or damaged file", path=self.path)


def ocr_time_exceeded(path: Path, seconds: float) -> InputFileError:
    """The error for a file whose scanned pages took longer than its budget to read."""
    return InputFileError(f"reading the file's scanned pages took more than {seconds:g} s of OCR "
                          "($REDLETTER_FILE_TIMEOUT); a hostile or damaged file", path=path)


_BUDGET: ContextVar[Budget | None] = ContextVar("redletter_file_budget", default=None)


def current_budget() -> Budget | None:
    """The budget of the file being read, if any."""
    return _BUDGET.get()


@contextmanager
def file_budget(path: Path) -> Iterator[Budget]:
    """Read ``path`` within the budget of ``$REDLETTER_FILE_TIMEOUT`` seconds (enforced by an
    alarm in the main thread) and ``$REDLETTER_MAX_DECODED_MB`` of decoded streams."""
    from redletter.settings import Settings

    settings = Settings.load()
    budget = Budget(path, settings.file_timeout, int(settings.max_decoded_mb * 2**20))
    token = _BUDGET.set(budget)
    try:
        with _alarm(budget):
            yield budget
    finally:
        _BUDGET.reset(token)


@contextmanager
def _alarm(budget: Budget) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only; the size budget still holds
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise budget.expired()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, budget.seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
    named = {".pdf": "a PDF", ".png": "a PNG image", ".jpg": "a JPEG image", ".jpeg": "a JPEG image",
             ".tif": "a TIFF image", ".tiff": "a TIFF image", ".xlsx": "an XLSX workbook"}.get(suffix)
    if named:
        raise InputFileError(f"named {suffix} but its content is not {named} (damaged, or another "
                             "kind of file renamed)", path=path)
    raise InputFileError("not a letter format: letters must be PDF, PNG/JPEG/TIFF scans, XLSX or "
                         "CSV party lists, or e-mails saved as .eml", path=path)
