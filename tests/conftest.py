from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from pgserver import free_port, fresh_database, postgres_server
from playwright.sync_api import Browser, sync_playwright

from redletter.schema import Letter

# No deadline: the machines are shared and noisy, and speed is measured by benchmarks, not tests.
settings.register_profile("redletter", deadline=None)
settings.load_profile("redletter")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "letters"
BAD = Path(__file__).resolve().parent / "fixtures" / "bad"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from the current extraction (then review the diff)")


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_letters() -> dict[str, Letter]:
    """Every sample letter, born-digital and scanned, extracted once as one batch (the scanned
    pages in parallel), by file name."""
    from redletter.evaluation import letter_files
    from redletter.pipeline import extract_letters

    paths = [p for folder in (SAMPLES, SAMPLES / "scanned") for p, _ in letter_files(folder)]
    outcomes = extract_letters(paths)
    assert all(isinstance(o, Letter) for o in outcomes), outcomes
    return {p.name: o for p, o in zip(paths, outcomes, strict=True)}  # type: ignore[misc]


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
