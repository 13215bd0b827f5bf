"""Column roles from what the cells hold, as well as from the header.

The header vocabulary is a hint; the body decides where it is silent or ambiguous: a column of
country names is a country column whatever its header ("Cty", "Destination"), a column of HS
codes is an HS column, a column of small running numbers is an index, and a column of
organisation names is the name column when no header said so. A "name" column whose cells are
numbers or dates is no name column.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from redletter.nlp.countries import resolve_country
from redletter.nlp.items import ECCN, HS_TOKEN, eccns_in, hs_codes_in
from redletter.nlp.party_text import (
    ALIAS_MARKER,
    ends_with_legal_form,
    looks_like_address,
    starts_with_legal_form,
)

_MOSTLY = 0.7
_DATE = re.compile(r"^\s*(?:\d{1,4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,4}|\d{4}\s*-\s*\d{2}|"
                   r"(?:\d{1,2}\s+)?[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|[A-Za-z]{3,9}\s+\d{4})\s*$")
_NUMBER = re.compile(r"^\s*[$€£]?\s*[-+]?\d[\d,.\s]*%?\s*$")
_INDEX = re.compile(r"^\s*\(?\d{1,4}[.)]?\s*$")
_WORD = re.compile(r"[^\W\d_]{2,}")


def words(text: str) -> list[str]:
    """The words of a cell: runs of two letters or more."""
    return _WORD.findall(text)


def is_country(text: str) -> bool:
    """A cell that is a country (name or code), once its spaces are dropped if need be."""
    return bool(resolve_country(text.strip(" .;")) or resolve_country("".join(text.split())))


def is_hs(text: str) -> bool:
    """A cell that holds HS codes (one of six digits or more) and little else; not a date."""
    if _DATE.match(text):
        return False
    codes = hs_codes_in(text, headings=True)
    rest = re.sub(r"[\d.\s,;/]|\band\b|\bhs\b|\bhts\b", "", text, flags=re.I)
    return any(len(c) >= 7 for c in codes) and len(rest) <= 3


def is_eccn(text: str) -> bool:
    """A cell that holds ECCNs and little else."""
    return bool(eccns_in(text)) and len(_WORD.findall(text)) <= len(eccns_in(text)) + 1


def is_codes(text: str) -> bool:
    """A cell that lists HS codes and ECCNs mixed ("8459.61, 5A991.b, EAR99") and little else."""
    if not HS_TOKEN.search(text) and not ECCN.search(text):
        return False
    rest = ECCN.sub("", HS_TOKEN.sub("", text))
    return len(re.sub(r"[\s.,;/]|\band\b", "", rest)) <= 3


def is_index(text: str) -> bool:
    """A row number ("1", "12.", "(3)")."""
    return bool(_INDEX.match(text))


_REFERENCE = re.compile(r"\s*[A-Z]{1,3}[-.]?\d{1,4}\.?\s*")  # "A-4", "P.12": parties numbered in an annex


_ALIAS_OPENING = re.compile(rf"^\W*{ALIAS_MARKER}", re.I)


def running_numbers(cells: Sequence[str], *, strict: bool = True) -> bool:
    """Row numbers: small integers (also wrapped digit by digit in a narrow column, "1 0"),
    each one more than the one before for most rows. Not
    ``strict``: a column headed "No." keeps its role despite a few numbers misread by OCR."""
    filled = [c for c in cells if c.strip()]
    numbers = [int(m.group(1).replace(" ", "")) for c in filled
               if (m := re.match(r"^\s*\(?(\d(?: ?\d){0,3}) ?[.)]?\s*$", c))]  # "1 0", "10 .": wrapped
    if not numbers or len(numbers) < (0.9 if strict else 0.5) * len(filled):
        return False
    if strict and (len(numbers) < 3 or numbers[0] > 5):
        return False  # without a header saying so, a few numbers are counts, not row numbers
    steps = sum(1 for a, b in itertools.pairwise(numbers) if 0 < b - a <= (1 if strict else 3))
    return len(numbers) == 1 or steps >= (0.7 if strict else 0.5) * (len(numbers) - 1)


def is_address(text: str) -> bool:
    """A cell that reads as a street address: it opens like one ("Room 1203", "ul. Lenina"), or
    holds a number among words, set off by commas ("Zavodskaya St. 5, Zelenodolsk 422546")."""
    if looks_like_address(text):
        return True
    return "," in text and any(c.isdigit() for c in text) and len(_WORD.findall(text)) >= 2 and not (
        ends_with_legal_form(text.split(",")[0]))


def is_date_or_number(text: str) -> bool:
    """A date, an amount or a count."""
    return bool(_DATE.match(text) or _NUMBER.match(text))


def is_name_like(text: str) -> bool:
    """A cell that reads as an organisation's name: words, not a number, date, country or a
    street address; a legal form settles it."""
    words = _WORD.findall(text)
    if not words or is_date_or_number(text) or len(text) > 400 or text.lstrip()[:1].islower():
        return False  # (a name opens with a capital or a digit; "pcs" is a unit)
    if ends_with_legal_form(text.split(",")[0]) or ends_with_legal_form(text):
        return True
    return not is_country(text) and not looks_like_address(text)


def share(cells: Sequence[str], test: Callable[[str], bool]) -> float:
    """The share of non-empty cells that pass a test (0 for a column with no text)."""
    filled = [c for c in cells if c.strip()]
    return sum(1 for c in filled if test(c)) / len(filled) if filled else 0.0


def content_role(cells: Sequence[str], header_role: str | None) -> str | None:
    """A column's role from its cells, where the header's role is missing, ambiguous or wrong
    for what the column holds; otherwise the header's role."""
    if not any(c.strip() for c in cells):
        return header_role
    if header_role in (None, "place", "extra", "description", "city") and share(cells, is_country) >= _MOSTLY:
        return "country"
    if header_role == "place":
        return "city"
    if header_role in (None, "extra", "description") and share(cells, is_hs) >= _MOSTLY:
        return "hs_code"
    if header_role in (None, "extra", "description") and share(cells, is_eccn) >= _MOSTLY:
        return "eccn"
    if header_role in (None, "extra", "description") and share(cells, is_codes) >= _MOSTLY \
            and any(HS_TOKEN.search(c) for c in cells):
        return "hs_code"  # HS codes and ECCNs in one column: each ECCN goes with its HS code
    if header_role is None and share(cells, lambda c: bool(_ALIAS_OPENING.match(c))) >= _MOSTLY:
        return "alias"  # "a.k.a. X a.k.a. Y" on every row that has a cell
    if header_role in (None, "description", "extra") and running_numbers(cells):
        return "index"
    if header_role == "index" and not running_numbers(cells, strict=False) and share(
            cells, lambda c: bool(_REFERENCE.fullmatch(c))) < _MOSTLY:  # (an annex's "A-4" is one)
        return "extra"
    if header_role == "country" and share(cells, is_country) < 0.5:
        return "city" if share(cells, is_name_like) >= _MOSTLY else None
    if header_role == "name" and share(cells, lambda c: bool(_REFERENCE.fullmatch(c))) >= _MOSTLY:
        return "index"  # "Entity | HS code": an item table naming its parties by number ("E-1")
    if header_role == "name" and share(cells, is_date_or_number) >= 0.5:
        return None
    return header_role


def name_score(cells: Sequence[str]) -> float:
    """How much a column reads as organisation names: name-like cells, legal forms (at the end
    or, as Russian names print them, at the start) counting double."""
    filled = [c for c in cells if c.strip()]
    if not filled:
        return 0.0
    legal = sum(1 for c in filled if ends_with_legal_form(c.split(",")[0]) or ends_with_legal_form(c)
                or starts_with_legal_form(c))  # "LIMITED LIABILITY COMPANY KVAZAR"
    return (share(filled, is_name_like) + legal / len(filled)) / 2
