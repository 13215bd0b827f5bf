"""Recognize table header cells and the role of each column ("name", "alias", "address", ...).

The vocabulary lives in ``data/table_headers.json``; a cell's role is the longest phrase that
it starts with, so "Entity Name (as listed)" is a name column and "Also Known As" an alias one.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

PARTY_ROLES = frozenset({"name", "alias", "address", "country", "city"})
ITEM_ROLES = frozenset({"hs_code", "eccn", "part_number", "description"})
_NON_ALNUM = re.compile(r"[^0-9a-z#]+")


def header_key(text: str) -> str:
    """Case-folded words of a header cell, punctuation dropped."""
    return _NON_ALNUM.sub(" ", text.casefold()).strip()


@cache
def _phrases() -> tuple[tuple[str, str], ...]:
    raw = resources.files("redletter.data").joinpath("table_headers.json").read_text("utf-8")
    table: dict[str, list[str]] = {k: v for k, v in json.loads(raw).items() if k[0] != "_"}
    pairs = [(header_key(p), role) for role, phrases in table.items() for p in phrases]
    pairs.append(("#", "index"))
    return tuple(sorted(pairs, key=lambda pr: -len(pr[0])))


def header_role(text: str) -> str | None:
    """The role of a header cell, or ``None`` when the text is not a known column header."""
    key = header_key(text)
    if not key or len(key) > 60:
        return None
    for phrase, role in _phrases():
        if key == phrase or key.startswith(phrase + " "):
            return role
    return None


def prefix_role(text: str) -> str | None:
    """Like ``header_role`` but only for exact phrases: for the first words of a wrapped header."""
    key = header_key(text)
    return next((role for phrase, role in _phrases() if key == phrase), None)
