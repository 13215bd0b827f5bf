"""Exit codes and the exceptions that carry them.

The library raises these; only the command line's boundary (``cli/boundary.py``) turns them
into a process exit status. Every message names the file concerned and what the user can do
about it.
"""

from __future__ import annotations

import os
from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Process exit status, in the style of OCRmyPDF's ``ExitCode``."""

    ok = 0
    bad_args = 2
    input_file = 3
    missing_dependency = 4
    ocr_failed = 5
    encrypted_pdf = 6
    database_error = 7
    other_error = 15
    ctrl_c = 130


def printable(text: str | os.PathLike[str]) -> str:
    """Text safe to print on one line: bytes that were not UTF-8 in a file name (surrogate
    escapes) shown as ``\\xff``, line breaks and other control characters escaped."""
    raw = os.fspath(text)
    safe = raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in safe)


class RedletterError(Exception):
    """Base class: an error with an exit code and a one-line message."""

    exit_code = ExitCode.other_error

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path

    @property
    def message(self) -> str:
        """The one-line text shown to the user, prefixed with the file name."""
        text = str(self.args[0]) if self.args else self.__class__.__name__
        return printable(f"{self.path}: {text}" if self.path is not None else text)


class BadArgsError(RedletterError):
    """The command line asked for something impossible."""

    exit_code = ExitCode.bad_args


class InputFileError(RedletterError):
    """The input file is missing, empty, truncated, corrupt or not a letter format."""

    exit_code = ExitCode.input_file


class EncryptedPdfError(RedletterError):
    """The PDF is password-protected."""

    exit_code = ExitCode.encrypted_pdf


class MissingDependencyError(RedletterError):
    """An external program (Tesseract, ...) is not installed."""

    exit_code = ExitCode.missing_dependency


class OcrError(RedletterError):
    """Tesseract crashed or timed out."""

    exit_code = ExitCode.ocr_failed


class DatabaseError(RedletterError):
    """The database cannot be opened, migrated or written."""

    exit_code = ExitCode.database_error


class InternalError(RedletterError):
    """A bug: an unexpected exception while reading one file."""

    exit_code = ExitCode.other_error
