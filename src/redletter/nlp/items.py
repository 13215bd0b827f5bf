"""Items printed in letters: HS codes, ECCNs and part numbers, and the CHPL tier of an HS code.

An HS code is recognised in its printed forms ("8542.31", "854231", "8542.31.0000", "8542 31")
and written back with its dots in the usual places; its tier comes from the Common High
Priority List shipped as ``data/chpl_hs6_tiers.csv`` (by its first six digits).
"""

from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

HS_TOKEN = re.compile(
    r"(?<![\d.])(\d{4}\.\d{2}(?:\.\d{4}|\.\d{2}(?:\.\d{2})?)?"  # 8542.31, 8542.31.0000, 8542.31.00.00
    r"|\d{4} \d{2}(?: \d{2}(?: \d{2})?)?"  # 8542 31 00
    r"|\d{10}|\d{8}|\d{6})(?![\d])")
_HS_HEADING = re.compile(r"(?<![\d.])\d{4}(?![\d.])")
_SHORTHAND = re.compile(r"(?<![\d.])(\d{4})\.\d{2}(?P<more>(?:\s*/\s*\.\d{2}(?![\d.]))+)")  # 8541.10/.29/.49
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


def _shorthand(text: str) -> list[tuple[int, str]]:
    """(offset, code) of the subheadings written after a code as its heading's others, their
    heading left out ("8541.10/.29/.49" goes on with 8541.29 and 8541.49)."""
    return [(m.start("more") + k.start(), f"{m.group(1)}.{k.group(1)}")
            for m in _SHORTHAND.finditer(text) for k in re.finditer(r"\.(\d{2})", m.group("more"))]


def hs_codes_in(text: str, *, headings: bool = False) -> list[str]:
    """The HS codes printed in a text, in order, written with their dots. Four-digit headings
    ("8542") count only where the text is known to hold HS codes (``headings``)."""
    found: list[tuple[int, str]] = []
    for m in HS_TOKEN.finditer(text):
        if (code := hs_format(re.sub(r"\D", "", m.group(1)))) is not None:
            found.append((m.start(), code))
    found += _shorthand(text)
    if headings:
        taken = [range(m.start(), m.end()) for m in HS_TOKEN.finditer(text)]
        found += [(m.start(), m.group()) for m in _HS_HEADING.finditer(text)
                  if not any(m.start() in r for r in taken)]
    return list(dict.fromkeys(code for _, code in sorted(found)))


_PART_LABEL = re.compile(r"\b(?:p/?n|part\s*(?:no\.?|number|#)|mpn|model(?:\s*no\.?)?)\s*[:#.]?\s*"
                         r"(?P<part>[A-Z0-9][A-Z0-9\-_/.#+:]*[A-Z0-9#+])", re.I)
_PAIR_PART = re.compile(r"(?<![\w.])\d{4}(?:[.\d]*)\s*/\s*"
                        r"(?P<part>[A-Z0-9][A-Z0-9\-_/.#+:]*[A-Z0-9#+])", re.I)
_HS_LABEL = re.compile(r"(?:\b(?:hs|hts|hs\s*code|schedule\s*b)\s*[:#.]?\s*)$", re.I)
_SPLIT = re.compile(r"\s*[;,|·•\n]\s*")


@dataclass(frozen=True)
class Printed:
    """An item as printed together: an HS code, an ECCN and a part number (each optional)."""

    hs_code: str | None = None
    eccn: str | None = None
    part_number: str | None = None


def _part_numbers(text: str) -> list[str]:
    return [m.group("part") for m in _PART_LABEL.finditer(text)] + [
        m.group("part") for m in _PAIR_PART.finditer(text) if not hs_codes_in(m.group("part"))]


def items_in(text: str, *, kind: str | None = None) -> list[Printed]:
    """The items printed in a cell, grouped as printed: each HS code opens an item, and the
    ECCN and part number that follow it (up to the next HS code) belong to it ("HS 8517.62 ·
    ECCN 5A991.b.1 · P/N EX4300-48T", "8543.20.0000 / N5181B"). ``kind`` says what the column
    holds when its cells carry bare values: "hs_code" (four-digit headings count), "eccn",
    "part_number" (each listed value is a part number)."""
    starts = [m.start() for m in HS_TOKEN.finditer(text)]
    if kind == "hs_code" and not starts:
        starts = [m.start() for m in re.finditer(r"(?<![\d.])\d{4}(?![\d.])", text)]
    starts = [a - len(m.group()) if (m := _HS_LABEL.search(text[:a])) else a for a in starts]
    if not starts:
        return _unlabelled(text, kind)
    chunks = [text[a:b] for a, b in itertools.pairwise([*starts, len(text)])]
    head = text[:starts[0]]
    out = [p for p in _unlabelled(head, kind) if p.hs_code is None] if head.strip() else []
    for chunk in chunks:
        codes = hs_codes_in(chunk, headings=kind == "hs_code")
        eccns, parts = eccns_in(chunk), _part_numbers(chunk)
        out.append(Printed(codes[0] if codes else None, eccns[0] if eccns else None,
                           parts[0] if parts else None))
        out += [Printed(code) for _, code in _shorthand(chunk)]
    return out


def _unlabelled(text: str, kind: str | None) -> list[Printed]:
    """Items of a cell with no HS code: ECCNs, labelled part numbers, or (in a part-number
    column) each listed value."""
    eccns, parts = eccns_in(text), _part_numbers(text)
    if kind == "part_number" and not parts:
        parts = [v for v in _SPLIT.split(text) if v and not eccns_in(v)]
    out = [Printed(eccn=e) for e in eccns]
    return out + [Printed(part_number=p) for p in parts]


def eccns_in(text: str) -> list[str]:
    """The ECCNs printed in a text ("3A001.a.1", "5A992", "EAR99"), in order."""
    return list(dict.fromkeys(m.group(1).upper() if m.group(1).upper() == "EAR99" else
                              m.group(1)[:2].upper() + m.group(1)[2:] for m in ECCN.finditer(text)))


CHPL_TIERS = ("1", "2", "3.A", "3.B", "4.A", "4.B")  # strongest first


@cache
def _chpl() -> dict[str, str]:
    raw = resources.files("redletter.data").joinpath("chpl_hs6_tiers.csv").read_text("utf-8")
    return {row["hs6"]: row["tier"] for row in csv.DictReader(raw.splitlines())}


def chpl_tier(hs_code: str | None) -> str | None:
    """The CHPL tier of an HS code (by its first six digits), or ``None`` outside the list."""
    digits = re.sub(r"\D", "", hs_code or "")
    return _chpl().get(digits[:6]) if len(digits) >= 6 else None
