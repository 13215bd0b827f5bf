"""Headless Chromium, the one module that runs it: print an HTML page to PDF.

Debian's ``chromium`` package (the one the browser tests use), or ``$REDLETTER_CHROMIUM``;
``--headless --no-sandbox --print-to-pdf``, with a timeout, in a throwaway profile.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from redletter.errors import InternalError, MissingDependencyError

TIMEOUT = 120.0


def chromium() -> str:
    """The Chromium executable, or ``MissingDependencyError`` naming the fix."""
    found = os.environ.get("REDLETTER_CHROMIUM") or shutil.which("chromium") or shutil.which(
        "chromium-browser")
    if not found:
        raise MissingDependencyError("Chromium is not installed: apt-get install chromium (or set "
                                     "$REDLETTER_CHROMIUM to its path)")
    return found


def print_to_pdf(html: str, output: Path) -> None:
    """Print a self-contained HTML page to a PDF file."""
    with tempfile.TemporaryDirectory(prefix="redletter-pdf-") as tmp:
        page = Path(tmp) / "evidence.html"
        page.write_text(html, "utf-8")
        args = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-extensions", "--disable-background-networking",
                f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
                f"--print-to-pdf={output.resolve()}", page.as_uri()]
        try:
            done = subprocess.run(args, capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise InternalError(f"Chromium did not print the page within {TIMEOUT:.0f} s") from None
    if done.returncode != 0 or not output.exists() or output.stat().st_size == 0:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise InternalError(f"Chromium could not print the page (exit {done.returncode}: {tail[0]})")
