"""The parties to match or to add to a letter, from whatever the user has: a letter file, the
JSON that ``redletter extract`` wrote, a plain JSON list of parties, or a party list as CSV or
XLSX (read by the same table reader as a letter, so its columns are found by their header and
their content)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from redletter.errors import InputFileError
from redletter.nlp.countries import resolve_country
from redletter.schema import Party
from redletter.settings import Settings

_PLAIN = ("name", "aliases", "address", "country")


def _plain(entry: dict[str, Any], number: int) -> Party:
    """A party given only by name, aliases, address and country (a name or an ISO code)."""
    unknown = set(entry) - set(_PLAIN)
    if unknown or not str(entry.get("name") or "").strip():
        raise ValueError(f"party {number}: needs a name, and only {', '.join(_PLAIN)} "
                         f"(unknown: {', '.join(sorted(unknown)) or 'none'})")
    aliases = entry.get("aliases") or []
    printed = str(entry.get("country") or "").strip() or None
    return Party(name=str(entry["name"]).strip(),
                 aliases=tuple(str(a).strip() for a in (aliases if isinstance(aliases, list) else
                                                         str(aliases).split(";")) if str(a).strip()),
                 address=str(entry.get("address") or "").strip() or None,
                 country=resolve_country(printed), country_printed=printed, page=1, row=number,
                 bbox=(0.0, 0.0, 0.0, 0.0), source="manual", confidence=1.0)


def _from_json(path: Path) -> list[Party]:
    data = json.loads(path.read_text("utf-8"))
    letters = data if isinstance(data, list) else [data]
    if letters and all(isinstance(x, dict) and "parties" in x for x in letters):
        return [Party.model_validate(p) for letter in letters for p in letter["parties"]]
    entries = data.get("parties", []) if isinstance(data, dict) else data
    return [_plain(e, i) for i, e in enumerate(entries, start=1)]


def read_parties(path: Path, settings: Settings) -> list[Party]:
    """Parties from a letter, an extract JSON, a plain JSON list (name, aliases, address,
    country) or a CSV/XLSX party list."""
    if path.suffix.lower() == ".json":
        try:
            return _from_json(path)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, ValidationError) as exc:
            raise InputFileError("not the JSON of 'redletter extract' nor a list of parties with "
                                 f"name, aliases, address and country ({exc})", path=path) from exc
    from redletter.pipeline import extract_letter

    return list(extract_letter(path, settings).parties)


def as_manual(found: list[Party]) -> list[Party]:
    """Parties read from a list a reviewer uploaded: marked as added by hand."""
    return [p.model_copy(update={"source": "manual", "confidence": 1.0}) for p in found]
