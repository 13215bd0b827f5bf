from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from pgserver import free_port, fresh_database, postgres_server

# No deadline: the machines are shared and noisy, and speed is measured by benchmarks, not tests.
settings.register_profile("redletter", deadline=None)
settings.load_profile("redletter")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "letters"
BAD = Path(__file__).resolve().parent / "fixtures" / "bad"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def bad_dir() -> Path:
    return BAD


__all__ = ["free_port"]  # the tests import it from here


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """One throwaway PostgreSQL server for the whole session (never skipped)."""
    with postgres_server() as url:
        yield url


@pytest.fixture
def pg_url(pg_server: str, request: pytest.FixtureRequest) -> str:
    """A fresh database on the session's server, named after the test."""
    return fresh_database(pg_server, re.sub(r"[^a-z0-9_]", "_", request.node.name.lower())[:60])
