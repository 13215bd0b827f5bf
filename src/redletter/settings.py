"""Settings, validated once: defaults, then ``REDLETTER_*`` environment variables, then flags."""

from __future__ import annotations

import os
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

ENV_PREFIX = "REDLETTER_"


class Settings(BaseModel):
    """Limits and thresholds; see README for each."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_file_mb: float = Field(default=200.0, gt=0, description="larger input files are refused")
    max_pages: int = Field(default=2000, gt=0, description="PDFs with more pages are refused")
    max_pixels: int = Field(default=200_000_000, gt=0, description="larger page images are refused")
    ocr_timeout: float = Field(default=180.0, gt=0, description="seconds per Tesseract call")
    ocr_workers: int = Field(default=0, ge=0, description="OCR processes; 0 = one per core")
    tesseract_cmd: str = Field(default="tesseract", description="the tesseract executable")
    match_threshold: float = Field(default=0.9, ge=0, le=1, description="score for 'match'")
    review_threshold: float = Field(default=0.72, ge=0, le=1, description="score for 'review'")
    db: str = Field(default="redletter.db", min_length=1,
                    description="the database: a SQLite file or a SQLAlchemy URL")

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults, overridden by ``REDLETTER_<FIELD>`` variables, then by explicit values."""
        values: dict[str, Any] = {}
        for name in cls.model_fields:
            env = os.environ.get(ENV_PREFIX + name.upper())
            if env is not None:
                values[name] = env
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(values)
