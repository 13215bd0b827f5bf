"""Pydantic models at the boundaries: what a stage hands to the next, and what the CLI prints.

Bounding boxes are ``(x0, top, x1, bottom)`` in PDF points, origin at the top-left corner
of the page (pdfplumber's convention), pages numbered from 1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

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


class Restriction(StrEnum):
    """What an entry of the denied-customer list obliges the company to, strictest first (the
    order of the members is their strength): a licence is legally required; shipping stops; the
    next shipment waits for due diligence; enquiries are watched and reported."""

    license_required = "license_required"
    deny = "deny"
    hold = "hold"
    watch = "watch"


def restriction_strength(value: str | None) -> int:
    """0 for the strictest restriction, then 1, 2, ...; an unknown or empty one is the weakest."""
    order = [r.value for r in Restriction]
    return order.index(value) if value in order else len(order)


class LetterRelation(Frozen):
    """What a letter says about an earlier one, by its reference: it amends it (adds or changes
    parties), supersedes it (its list replaces the earlier one) or removes parties from it."""

    relation: Literal["amends", "supersedes", "removes"]
    reference: str


class Source(Frozen):
    """The file a letter came from."""

    path: str
    sha256: str
    size: int
    pages: int


class Item(Frozen):
    """A controlled item named in a letter or against a party (HS code, ECCN, part number).

    ``hs_code`` is written with its dots in the usual places ("8542.31", "8542.31.0000");
    ``chpl_tier`` is the Common High Priority List tier of its first six digits ("1", "2",
    "3.A", "3.B", "4.A", "4.B"), or ``None`` for a code outside the list.
    """

    hs_code: str | None = None
    eccn: str | None = None
    part_number: str | None = None
    description: str | None = None
    chpl_tier: str | None = None
    page: int = Field(ge=1)


def hs_codes_of(items: Sequence[Item]) -> tuple[str, ...]:
    """The HS codes of ``items`` as printed, each national tariff line ("8542.31.4050",
    "854231.00") followed by its six-digit subheading ("8542.31"), by which the CHPL and most
    lists name goods."""
    out: list[str] = []
    for code in (i.hs_code for i in items if i.hs_code):
        digits = "".join(c for c in code if c.isdigit())
        out += [code, f"{digits[:4]}.{digits[4:6]}"] if len(digits) > 6 else [code]
    return tuple(dict.fromkeys(out))


class Party(Frozen):
    """A foreign party named in a letter, as printed, with where it was found.

    ``items`` are the HS codes, ECCNs and part numbers printed against this party (in its row
    or cell), ``hs_codes`` the HS codes among them; ``extra`` keeps the row's other columns
    (shipments, dates, licence requirement, ...) as {header text: cell text}.
    """

    name: str
    aliases: tuple[str, ...] = ()
    address: str | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    country_printed: str | None = None
    page: int = Field(ge=1)
    row: int = Field(ge=1, description="1-based row of the party in its table or list")
    bbox: BBox
    source: Literal["table", "text", "manual"]
    confidence: float = Field(ge=0.0, le=1.0)
    items: tuple[Item, ...] = ()
    hs_codes: tuple[str, ...] = ()
    extra: dict[str, str] = Field(default_factory=dict)

    def with_items(self, items: Sequence[Item]) -> Party:
        """This party with other ``items``, and their ``hs_codes``."""
        return self.model_copy(update={"items": tuple(items), "hs_codes": hs_codes_of(items)})

    @model_validator(mode="before")
    @classmethod
    def _hs_codes_from_items(cls, data: object) -> object:
        """``hs_codes`` always lists the HS codes of ``items`` (given or not): ``hs_codes_of``."""
        if isinstance(data, dict) and "items" in data:
            items = tuple(i if isinstance(i, Item) else Item.model_validate(i) for i in data["items"])
            data = {**data, "items": items, "hs_codes": hs_codes_of(items)}
        return data


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
    review_reasons: tuple[str, ...] = Field(
        default=(), description="why a reviewer must check this letter (no party read, rows "
        "that belong to no party, low-confidence reads); empty when it reads cleanly")
    relations: tuple[LetterRelation, ...] = Field(
        default=(), description="earlier letters this one amends, supersedes or removes parties "
        "from, by their reference")

    @property
    def needs_review(self) -> bool:
        """Whether the letter must be checked by a reviewer before it counts as read."""
        return bool(self.review_reasons)


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
