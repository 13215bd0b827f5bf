"""The parties to match, from whatever the user has: a letter file, or the JSON that
``redletter extract`` wrote."""

from __future__ import annotations

import json
from pathlib import Path

from redletter.errors import InputFileError
from redletter.schema import Party
from redletter.settings import Settings


def read_parties(path: Path, settings: Settings) -> list[Party]:
    """Parties from a letter file, or from the JSON that ``redletter extract`` writes."""
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text("utf-8"))
            letters = data if isinstance(data, list) else [data]
            return [Party.model_validate(p) for letter in letters for p in letter["parties"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputFileError(f"not the JSON of 'redletter extract' ({exc})", path=path) from exc
    from redletter.pipeline import extract_letter

    return list(extract_letter(path, settings).parties)
