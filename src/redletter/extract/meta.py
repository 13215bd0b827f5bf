"""Letter metadata from its wording: date, reference, recipient, issuing office, notice type
(decided in ``nlp/notice.py``)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from redletter.extract.geometry import Line
from redletter.nlp.notice import classify, relations
from redletter.schema import LetterRelation, NoticeType

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"\b(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
)
_REFERENCE = re.compile(
    r"\b(?:our\s+ref(?:erence)?|your\s+ref(?:erence)?|reference(?:\s+no\.?)?|ref\.?|case\s+(?:no\.?|number)|"
    r"file\s+(?:no\.?|number)|control\s+(?:no\.?|number))\s*[:#.]?\s*(?P<ref>[A-Z0-9][A-Z0-9\-/._]{3,})",
    re.I)
_SALUTATION = re.compile(r"^\s*(?:re|subject|subj)\s*[:.]|^\s*dear\b", re.I)
_ATTENTION = re.compile(r"^\s*(?:attn|attention|via\s|by\s+(?:e-?mail|fax|courier)|sent\s+via)", re.I)
_OFFICE = re.compile(r"\b(office of [a-z ]+|bureau of industry and security)\b", re.I)
def _date(match: re.Match[str]) -> dt.date | None:
    parts = match.groupdict()
    try:
        month = int(parts["mnum"]) if parts.get("mnum") else next(
            i + 1 for i, m in enumerate(_MONTHS) if m.startswith(parts["month"].casefold()[:3]))
        return dt.date(int(parts["year"]), month, int(parts["day"]))
    except (ValueError, StopIteration):
        return None


def letter_date(lines: Sequence[Line]) -> dt.date | None:
    """The first date printed on the letter's first page (its date line)."""
    for ln in lines:
        for pattern in _DATE_PATTERNS:
            if (m := pattern.search(ln.text)) and (d := _date(m)):
                return d
    return None


_BARE_REFERENCE = re.compile(r"\b(?=[A-Z0-9-]*\d)[A-Z]{2,}[A-Z0-9]*(?:-[A-Z0-9]+){2,}\b")


def reference(lines: Sequence[Line]) -> str | None:
    """The letter's reference or case number: a labelled one ("Ref.: ...", "Case No. ..."), else
    the first code shaped like one ("OEE-RF-2026-0088") in the letter's opening lines."""
    for ln in lines:
        if m := _REFERENCE.search(ln.text):
            return m.group("ref").rstrip(".,;")
    for ln in lines[:12]:
        if m := _BARE_REFERENCE.search(ln.text):
            return m.group()
    return None


def recipient(lines: Sequence[Line]) -> str | None:
    """The first line of the address block between the date/reference and the salutation."""
    start = None
    for i, ln in enumerate(lines):
        text = ln.text
        if _SALUTATION.match(text):
            break
        if any(p.search(text) for p in _DATE_PATTERNS) or _REFERENCE.search(text):
            start = i + 1
            continue
        if start is not None and i >= start and not _ATTENTION.match(text) and len(text) > 2:
            return text.strip()
    return None


def issuing_office(lines: Sequence[Line]) -> str | None:
    """The office named in the letterhead (the most specific one found first)."""
    found = [m.group(1).strip() for ln in lines[:8] for m in _OFFICE.finditer(ln.text)]
    specific = [f for f in found if f.casefold().startswith("office of")]
    return (specific or found or [None])[0]


def notice_type(text: str, subject: str) -> tuple[NoticeType, tuple[str, ...]]:
    """The kind of letter and the cues that decided it (``unknown`` when the wording does not
    say clearly; the evidence then starts with why)."""
    decision = classify(text, subject)
    return decision.kind, decision.evidence


UNDECIDED_KIND = "the kind of letter could not be decided from its wording"


def undecided(kind: NoticeType, evidence: tuple[str, ...]) -> tuple[str, ...]:
    """The review reason of a letter whose kind is undecided (none for a decided one)."""
    if kind is not NoticeType.unknown:
        return ()
    why = evidence[0].removeprefix("undecided: ") if evidence else "no cue found"
    return (f"{UNDECIDED_KIND} ({why}): set it on the letter's page",)


def related(text: str, own_reference: str | None) -> tuple[LetterRelation, ...]:
    """The earlier letters this one amends, supersedes or removes parties from."""
    return relations(text, own_reference)


def subject_line(lines: Sequence[Line]) -> str:
    """The "Re:" / "Subject:" line, if any."""
    return next((ln.text for ln in lines if re.match(r"^\s*(?:re|subject|subj)\s*[:.]", ln.text, re.I)), "")
