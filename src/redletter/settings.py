"""Settings, validated once: defaults, then ``REDLETTER_*`` environment variables, then flags.

A bad value is refused with the variable or flag that gave it (``BadArgsError``, exit 2):
numbers must be finite, and the review threshold cannot exceed the match threshold.
"""

from __future__ import annotations

import os
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from redletter.errors import BadArgsError

ENV_PREFIX = "REDLETTER_"


class Settings(BaseModel):
    """Limits and thresholds; see README for each."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    max_file_mb: float = Field(default=200.0, gt=0, le=1_000_000,
                               description="larger input files are refused")
    max_pages: int = Field(default=2000, gt=0, description="PDFs with more pages are refused")
    max_pixels: int = Field(default=200_000_000, gt=0, description="larger page images are refused")
    ocr_timeout: float = Field(default=180.0, gt=0, le=86_400, description="seconds per Tesseract call")
    ocr_workers: int = Field(default=0, ge=0, le=256, description="OCR processes; 0 = one per core")
    tesseract_cmd: str = Field(default="tesseract", min_length=1, description="the tesseract executable")
    match_threshold: float = Field(default=0.9, ge=0, le=1, description="score for 'match'")
    review_threshold: float = Field(default=0.72, ge=0, le=1, description="score for 'review'")
    db: str = Field(default="redletter.db", min_length=1,
                    description="the database: a SQLite file or a SQLAlchemy URL")
    audit_key: str | None = Field(default=None, min_length=16,
                                  description="HMAC key that signs the audit head")
    file_timeout: float = Field(default=300.0, gt=0, le=86_400,
                                description="seconds to read one PDF's text layer; "
                                "seconds of OCR over one file's pages")
    max_decoded_mb: float = Field(default=32.0, gt=0, le=1_000_000,
                                  description="MB of decoded PDF content streams per file")

    @model_validator(mode="after")
    def _ordered_thresholds(self) -> Settings:
        if self.review_threshold > self.match_threshold:
            raise ValueError(f"the review threshold ({self.review_threshold}) is above the match "
                             f"threshold ({self.match_threshold})")
        return self

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults, overridden by ``REDLETTER_<FIELD>`` variables, then by explicit values.
        Raises ``BadArgsError`` naming the variable or flag of a bad value."""
        values: dict[str, Any] = {}
        origin: dict[str, str] = {}
        for name in cls.model_fields:
            env = os.environ.get(ENV_PREFIX + name.upper())
            if env is not None:
                values[name], origin[name] = env, f"${ENV_PREFIX}{name.upper()}"
        for name, value in overrides.items():
            if value is not None:
                values[name], origin[name] = value, "--" + name.replace("_", "-")
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            raise BadArgsError(_explain(exc, values, origin)) from None


def _explain(exc: ValidationError, values: dict[str, Any], origin: dict[str, str]) -> str:
    """One line naming the setting, where it came from and what is wrong with it."""
    first = exc.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else ""
    msg = str(first["msg"]).removeprefix("Value error, ")
    if field not in values:
        return f"bad settings: {msg}"
    return f"bad setting {origin[field]}={_shown(field, values[field])}: {msg}"


def _shown(field: str, value: Any) -> str:
    """A value as it may be printed: a key never, a URL without its password."""
    if field == "audit_key":
        return "(hidden)"
    if field == "db":
        from redletter.store.db import shown

        return repr(shown(str(value)))
    return repr(value)
