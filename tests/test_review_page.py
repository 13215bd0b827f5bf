"""The review page in a real headless Chromium (Debian's package, driven by Playwright):
open a letter, see its rows highlighted on the page image, approve a candidate and find the
customer on the list; a party name that is markup shows as text; no token, no entry; a POST
without the CSRF field is refused."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pypdfium2
import pytest
from conftest import free_port
from playwright.sync_api import Browser, Page, expect

from redletter.ingest.batch import run_batch
from redletter.screening.master import load_master
from redletter.settings import Settings
from redletter.store.db import connect

ROOT = Path(__file__).resolve().parent.parent
CUSTOMERS = ROOT / "samples" / "customers.csv"
LETTER = ROOT / "samples" / "letters" / "04_supplier_multipage_40.pdf"
TOKEN = "test-token-4f1c9a"



@pytest.fixture(scope="module")
def review_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("review")
    inbox, db = tmp / "inbox", tmp / "r.db"
    inbox.mkdir()
    shutil.copy(LETTER, inbox / LETTER.name)
    run_batch(inbox, load_master(CUSTOMERS, None, None), connect(db, create=True), Settings.load(db=str(db)))
    return db


@contextmanager
def serving(db: Path, *more: str, token: str = TOKEN
            ) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`redletter serve` on a free port (with ``more`` options), until the block ends."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "redletter", "serve", "--db", str(db),
                             "--port", str(port), "--reviewer", "alice@example.com", *more],
                            env={**os.environ, "REDLETTER_TOKEN": token},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    try:
        yield base, proc
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


@pytest.fixture(scope="module")
def server(review_db: Path) -> Iterator[str]:
    with serving(review_db) as (base, _):
        yield base


@contextmanager
def opened(browser: Browser, base: str) -> Iterator[Page]:
    """A fresh browser context on the review page, past the token."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{base}/?token={TOKEN}")
    try:
        yield page
    finally:
        context.close()


@contextmanager
def served(browser: Browser, db: Path) -> Iterator[Page]:
    """`redletter serve` on a database, and a browser page on it."""
    with serving(db) as (base, _), opened(browser, base) as page:
        yield page


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    with opened(browser, server) as page:
        yield page


def test_open_a_letter_approve_a_candidate_and_see_it_on_the_list(page: Page) -> None:
    page.get_by_role("link", name=LETTER.name).click()
    expect(page.locator("h1")).to_have_text(LETTER.name)
    # The page image is there and the extracted rows are boxes over it.
    image = page.locator("figure.page img").first
    expect(image).to_be_visible()
    page.wait_for_function("document.querySelector('figure.page img').complete")
    assert page.evaluate("document.querySelector('figure.page img').naturalWidth") > 500
    first_box = page.locator("a.hl").first.bounding_box()
    frame = image.bounding_box()
    assert first_box and frame and first_box["width"] > 100 and first_box["height"] > 5
    assert frame["x"] <= first_box["x"]
    assert first_box["y"] + first_box["height"] <= frame["y"] + frame["height"]

    row = page.locator("tr.candidate.state-pending_review").first
    customer = row.get_attribute("data-customer")
    assert customer
    row.get_by_label("reason").fill("Same address and managing director as the listed party")
    row.get_by_role("button", name="Approve").click()
    expect(page.locator(".message")).to_contain_text(f"customer {customer} approved")
    expect(page.locator(f'tr.candidate[data-customer="{customer}"] td.state').first).to_contain_text("active")

    page.get_by_role("link", name="Denied-customer list").click()
    page.locator("select[name=status]").select_option("active")
    page.get_by_role("button", name="Filter").click()
    entry = page.locator(f'#denylist tr[data-customer="{customer}"]')
    expect(entry.locator("td.status")).to_have_text("active")
    expect(entry).to_contain_text("alice@example.com")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    assert customer in Path(download.value.path()).read_text("utf-8")


def test_a_reason_is_required_to_decide(page: Page) -> None:
    page.get_by_role("link", name=LETTER.name).click()
    row = page.locator("tr.candidate.state-pending_review").first
    customer = row.get_attribute("data-customer")
    row.get_by_role("button", name="Reject").click()  # the browser refuses: reason is required
    assert page.evaluate("document.querySelector('form.decide input[name=reason]').validity.valueMissing")
    expect(page.locator(f'tr.candidate[data-customer="{customer}"] td.state').first).to_contain_text(
        "pending review")


def test_markup_from_a_letter_is_shown_as_text(page: Page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.get_by_role("link", name=LETTER.name).click()
    party = page.locator("article.party").nth(1)
    party.locator("summary").click()
    party.locator("input[name=name]").fill("<script>alert(1)</script>")
    party.locator("input[name=country]").fill("Russia")
    party.locator("input[name=reason]").fill("name as printed in the annex")
    party.get_by_role("button", name="Save").click()
    expect(page.locator(".message")).to_contain_text("saved")
    edited = page.locator("article.party").nth(1)
    expect(edited.locator(".party-name")).to_have_text("<script>alert(1)</script>")
    expect(edited.locator(".country")).to_have_text("RU")
    assert dialogs == []


def test_no_token_no_page_and_no_post_without_csrf(server: str) -> None:
    assert httpx.get(server + "/").status_code == 401
    assert httpx.get(server + "/?token=wrong").status_code == 401
    with httpx.Client(base_url=server, follow_redirects=True) as client:
        assert client.get(f"/?token={TOKEN}").status_code == 200  # redirected, cookie set
        form = {"letter_id": "1", "party_id": "1", "customer_id": "C00051", "action": "reject",
                "reviewer": "mallory", "reason": "forged"}
        assert client.post("/decisions", data={**form, "csrf": "forged"}).status_code == 403
        assert client.post("/decisions", data=form).status_code == 422
        assert "mallory" not in client.get("/denylist").text


def test_a_scanned_page_is_shown_the_way_it_was_read(tmp_path: Path) -> None:
    """The page of s11 was scanned lying on its side: the review page shows it upright, the
    shape its boxes were measured in, with the boxes inside it."""
    import io

    from fastapi.testclient import TestClient
    from PIL import Image

    from redletter.web.app import create_app

    inbox, db = tmp_path / "inbox", tmp_path / "r.db"
    inbox.mkdir()
    shutil.copy(ROOT / "samples" / "letters" / "scanned" / "s11_alias_in_name.pdf", inbox / "s11.pdf")
    engine = connect(db, create=True)
    run_batch(inbox, load_master(CUSTOMERS, None, None), engine, Settings.load(db=str(db)))
    client = TestClient(create_app(engine, token=TOKEN))
    client.get(f"/?token={TOKEN}")
    page = client.get("/letters/1")
    assert page.status_code == 200 and "OSOO PROGRESS LIDER" in page.text
    with Image.open(io.BytesIO(client.get("/letters/1/pages/1.png").content)) as img:
        width, height = img.size
    raw = pypdfium2.PdfDocument(str(inbox / "processed" / "s11.pdf"))[0].get_size()
    assert raw[0] > raw[1] and height > width  # the file holds it sideways; shown upright
    sizes = re.findall(r'data-width="([\d.]+)" data-height="([\d.]+)"', page.text)
    assert float(sizes[0][1]) > float(sizes[0][0])


def test_page_images_requested_at_once_are_all_served(review_db: Path) -> None:
    """A browser asks for every page image at once; PDFium is not thread-safe (this crashed
    the server before page rendering was serialized)."""
    with serving(review_db) as (base, proc), httpx.Client(base_url=base,
                                                          follow_redirects=True) as client:
        client.get(f"/?token={TOKEN}")
        with ThreadPoolExecutor(8) as pool:
            codes = list(pool.map(lambda n: client.get(f"/letters/1/pages/{n}.png").status_code,
                                  [1, 2, 3, 4] * 2))
        assert codes == [200] * 8
        assert proc.poll() is None
