"""Pydantic models at the boundaries: what a stage hands to the next, and what the CLI prints.

Bounding boxes are ``(x0, top, x1, bottom)`` in PDF points, origin at the top-left corner
of the page (pdfplumber's convention), pages numbered from 1.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

BBox = tuple[float, float, float, float]


class Frozen(BaseModel):
    """Stage outputs are immutable."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class NoticeType(StrEnum):
    """The kinds of BIS letter the tool knows."""

    supplier_list = "supplier_list"
    red_flag = "red_flag"
    is_informed = "is_informed"
    project_guardian = "project_guardian"
    unknown = "unknown"


class Source(Frozen):
    """The file a letter came from."""

    path: str
    sha256: str
    size: int
    pages: int


class Party(Frozen):
    """A foreign party named in a letter, as printed, with where it was found."""

    name: str
    aliases: tuple[str, ...] = ()
    address: str | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    country_printed: str | None = None
    page: int = Field(ge=1)
    row: int = Field(ge=1, description="1-based row of the party in its table or list")
    bbox: BBox
    source: Literal["table", "text"]
    confidence: float = Field(ge=0.0, le=1.0)


class Item(Frozen):
    """A controlled item named in a letter (HS code, ECCN, part number)."""

    hs_code: str | None = None
    eccn: str | None = None
    part_number: str | None = None
    description: str | None = None
    page: int = Field(ge=1)


class Letter(Frozen):
    """Everything extracted from one letter."""

    source: Source
    pages: int
    page_sizes: tuple[tuple[float, float], ...] = Field(
        default=(), description="(width, height) of each page in PDF points")
    page_rotations: tuple[tuple[int, float], ...] = Field(
        default=(), description="per page: the quarter turn and the deskew (degrees "
        "counter-clockwise) applied to a scan before reading; (0, 0.0) for text pages")
    ocr_pages: tuple[int, ...] = ()
    letter_date: dt.date | None = None
    reference: str | None = None
    recipient: str | None = None
    issuing_office: str | None = None
    notice_type: NoticeType = NoticeType.unknown
    notice_type_evidence: tuple[str, ...] = ()
    parties: tuple[Party, ...] = ()
    items: tuple[Item, ...] = ()
    warnings: tuple[str, ...] = ()


class Feature(Frozen):
    """One piece of evidence for or against a match, with the text a reviewer reads."""

    name: str
    score: float
    detail: str


class Candidate(Frozen):
    """A customer that may be the party, with the decision and the evidence for it."""

    customer_id: str
    name: str
    score: float = Field(ge=0.0, le=1.0)
    decision: Literal["match", "review"]
    features: tuple[Feature, ...]


class PartyMatches(Frozen):
    """A party of a letter and the customers that may be it."""

    party_index: int
    party: Party
    candidates: tuple[Candidate, ...]
