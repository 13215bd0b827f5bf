from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from pgserver import free_port, fresh_database, postgres_server
from playwright.sync_api import Browser, sync_playwright

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

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium, driven by Playwright, for a module's tests (its event loop
    must not outlive them: other modules run servers in this process)."""
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium package is needed (make install provides it)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """One throwaway PostgreSQL server for the whole session (never skipped)."""
    with postgres_server() as url:
        yield url


@pytest.fixture
def pg_url(pg_server: str, request: pytest.FixtureRequest) -> str:
    """A fresh database on the session's server, named after the test."""
    return fresh_database(pg_server, re.sub(r"[^a-z0-9_]", "_", request.node.name.lower())[:60])
