"""Letters that arrive as e-mails saved to a file (``.eml``), read with the standard library.

The message's date, subject and text body make its first page (a virtual page of text); each
attachment that is a letter format (PDF, image, XLSX, CSV) is read as further pages. A
forwarded message's parts are walked like the others.
"""

from __future__ import annotations

import email
import email.policy
import html
import re
from dataclasses import dataclass
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

from redletter.errors import InputFileError

MAX_ATTACHMENTS = 50
_SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".xlsx", ".csv"}
_TYPES = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg",
          "image/tiff": ".tif", "text/csv": ".csv",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx"}


@dataclass(frozen=True)
class Attachment:
    """An attached file: its name (made safe) and bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Mail:
    """What a saved e-mail holds: the lines of its first page, its letter attachments, and the
    attachments that could not be read as letters."""

    lines: tuple[str, ...]
    attachments: tuple[Attachment, ...]
    skipped: tuple[str, ...]


class _Text(HTMLParser):
    """Text of an HTML body, a line per block element."""

    _BREAKS = frozenset({"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BREAKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("    ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(markup: str) -> str:
    """The text of an HTML body."""
    parser = _Text()
    parser.feed(markup)
    return html.unescape("".join(parser.parts))


def _name(part: EmailMessage, n: int) -> str:
    raw = part.get_filename() or f"attachment-{n}{_TYPES.get(part.get_content_type(), '')}"
    safe = re.sub(r"[^\w.\- ]", "_", Path(raw).name).strip() or f"attachment-{n}"
    return f"{n:02d}-{safe}"[:120]


def _body(msg: EmailMessage) -> list[str]:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return []
    text = str(part.get_content())
    if part.get_content_type() == "text/html":
        text = html_text(text)
    return [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n")]


def read_mail(path: Path) -> Mail:
    """Parse a saved e-mail; its headers, body and attachments."""
    try:
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    except Exception as exc:  # the email package raises many kinds on broken input
        raise InputFileError(f"the e-mail cannot be read ({type(exc).__name__})", path=path) from exc
    assert isinstance(msg, EmailMessage)
    head = [f"{k}: {msg[k]}" for k in ("Date", "From", "Subject") if msg[k]]
    found = _Found([*head, "", *_body(msg)], [], [])
    for n, part in enumerate(msg.iter_attachments(), start=1):
        _collect(part, n, found)
    return Mail(tuple(found.lines), tuple(found.attachments[:MAX_ATTACHMENTS]),
                tuple(found.skipped))


@dataclass
class _Found:
    lines: list[str]
    attachments: list[Attachment]
    skipped: list[str]


def _collect(part: EmailMessage, n: int, found: _Found) -> None:
    """Add an attachment; for a forwarded message, its text and its attachments."""
    if part.get_content_type() == "message/rfc822":
        inner = part.get_content()
        found.lines += ["", "---------- Forwarded message ----------",
                        *(f"{k}: {inner[k]}" for k in ("Date", "From", "Subject") if inner[k]),
                        "", *_body(inner)]
        for k, sub in enumerate(inner.iter_attachments(), start=1):
            _collect(sub, n * 100 + k, found)
        return
    name = _name(part, n)
    suffix = Path(name).suffix.lower() or _TYPES.get(part.get_content_type(), "")
    data = part.get_payload(decode=True)
    if suffix in _SUFFIXES and isinstance(data, bytes) and data:
        found.attachments.append(Attachment(name if Path(name).suffix else name + suffix, data))
    else:
        found.skipped.append(part.get_filename() or part.get_content_type())
