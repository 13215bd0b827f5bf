"""The project's spaCy NER pipeline (models/redletter_ner): ORG, ADDRESS and COUNTRY spans.

Loaded once, lazily. Extraction uses it only where its rules are unsure: an enumerated party
whose address the rules could not find. Without spaCy or the model, ``load()`` returns
``None`` and the rules stand alone.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from redletter.nlp.countries import resolve_country, trailing_country

# The trained pipeline ships inside the package (src/redletter/ner_model is a link to
# models/redletter_ner, the spaCy project's output), so an installed wheel carries it.
DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "ner_model"


@dataclass(frozen=True)
class Spans:
    """What the model found in one text."""

    orgs: tuple[str, ...]
    address: str | None
    country: str | None


@cache
def load() -> Any | None:
    """The pipeline from ``$REDLETTER_NER_MODEL`` or the package's own, or ``None`` (with a
    warning: extraction then uses its rules alone)."""
    path = Path(os.environ.get("REDLETTER_NER_MODEL") or DEFAULT_MODEL)
    if not (path / "meta.json").exists():
        warnings.warn(f"the NER model is not at {path}: reading with the rules alone "
                      "(set REDLETTER_NER_MODEL, or reinstall redletter)", stacklevel=2)
        return None
    try:
        import spacy

        return spacy.load(path)
    except (ImportError, OSError, ValueError):
        return None


def find(text: str) -> Spans | None:
    """ORG, ADDRESS and COUNTRY spans of a text (``None`` without a model)."""
    nlp = load()
    if nlp is None:
        return None
    doc = nlp(text)
    orgs = tuple(e.text for e in doc.ents if e.label_ == "ORG")
    address = next((e.text for e in doc.ents if e.label_ == "ADDRESS"), None)
    country = next((code for e in doc.ents if e.label_ == "COUNTRY"
                    if (code := resolve_country(e.text)) is not None), None)
    if country is None and address and (split := trailing_country(address)):
        address, country = split[0] or None, split[1]  # the country was read into the address
    return Spans(orgs, address, country)
