"""Items printed in letters: HS codes, ECCNs and part numbers, and the CHPL tier of an HS code.

An HS code is recognised in its printed forms ("8542.31", "854231", "8542.31.0000", "8542 31")
and written back with its dots in the usual places; its tier comes from the Common High
Priority List shipped as ``data/chpl_hs6_tiers.csv`` (by its first six digits).
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

HS_TOKEN = re.compile(r"(?<![\d.])(\d{4}(?:[.\s]\d{2}){1,2}(?:[.\s]?\d{2,4})?|\d{4}\.\d{2}\.\d{4}|"
                      r"\d{10}|\d{8}|\d{6})(?![\d])")
_HS_HEADING = re.compile(r"(?<![\d.])\d{4}(?![\d.])")
ECCN = re.compile(r"(?<![\w.])(\d[A-E]\d{3}(?:\.[a-z0-9]+)*|EAR99)(?![\w])", re.I)
_GROUPS = {4: (4,), 6: (4, 2), 8: (4, 2, 2), 10: (4, 2, 4)}


def hs_format(digits: str) -> str | None:
    """An HS code written with its dots: 6 digits "8542.31", 8 "8542.31.00", 10 "8542.31.0000";
    ``None`` for another number of digits."""
    groups = _GROUPS.get(len(digits))
    if groups is None or not digits.isdigit():
        return None
    out, at = [], 0
    for size in groups:
        out.append(digits[at:at + size])
        at += size
    return ".".join(out)


def hs_codes_in(text: str, *, headings: bool = False) -> list[str]:
    """The HS codes printed in a text, in order, written with their dots. Four-digit headings
    ("8542") count only where the text is known to hold HS codes (``headings``)."""
    found: list[tuple[int, str]] = []
    for m in HS_TOKEN.finditer(text):
        if (code := hs_format(re.sub(r"\D", "", m.group(1)))) is not None:
            found.append((m.start(), code))
    if headings:
        taken = [range(m.start(), m.end()) for m in HS_TOKEN.finditer(text)]
        found += [(m.start(), m.group()) for m in _HS_HEADING.finditer(text)
                  if not any(m.start() in r for r in taken)]
    return list(dict.fromkeys(code for _, code in sorted(found)))


def eccns_in(text: str) -> list[str]:
    """The ECCNs printed in a text ("3A001.a.1", "5A992", "EAR99"), in order."""
    return list(dict.fromkeys(m.group(1).upper() if m.group(1).upper() == "EAR99" else
                              m.group(1)[:2].upper() + m.group(1)[2:] for m in ECCN.finditer(text)))


@cache
def _chpl() -> dict[str, str]:
    raw = resources.files("redletter.data").joinpath("chpl_hs6_tiers.csv").read_text("utf-8")
    return {row["hs6"]: row["tier"] for row in csv.DictReader(raw.splitlines())}


def chpl_tier(hs_code: str | None) -> str | None:
    """The CHPL tier of an HS code (by its first six digits), or ``None`` outside the list."""
    digits = re.sub(r"\D", "", hs_code or "")
    return _chpl().get(digits[:6]) if len(digits) >= 6 else None
