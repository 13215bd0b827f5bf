"""The review queue in a real headless Chromium, driven by the keyboard: every pending review
of every letter, the strictest restriction first; j/k move, a/r decide the current row, x
selects and R rejects the selection, the reason box keeps its last value; each decision is
its own audit entry. And the letter page's new actions through the application: the kind, a
restriction, a removal, the history, the evidence page and the front page's counts."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from letters_kit import SAMPLES, run, verified
from playwright.sync_api import Browser, Page, expect
from test_review_page import TOKEN, served

from redletter.schema import restriction_strength
from redletter.store.db import connect
from redletter.web.app import create_app
from redletter.web.auth import csrf_token

ROOT = Path(__file__).resolve().parent.parent
CUSTOMERS = ROOT / "samples" / "customers.csv"
LETTERS = ("03_isinformed_plain", "22_location_plain_annex", "05_guardian_annex",
           "04_supplier_multipage_40")


@pytest.fixture(scope="module")
def queue_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Letters of each kind against the sample master: pending reviews of three kinds."""
    tmp = tmp_path_factory.mktemp("queue")
    run(tmp / "inbox", CUSTOMERS, tmp / "r.db", *[SAMPLES / f"{s}.pdf" for s in LETTERS])
    return tmp / "r.db"


@pytest.fixture
def page(browser: Browser, queue_db: Path) -> Iterator[Page]:
    with served(browser, queue_db) as page:
        yield page


def _current(page: Page) -> str:
    return page.locator("tr.queue-item.current").get_attribute("data-pair") or ""


def test_the_queue_is_driven_by_the_keyboard(page: Page, queue_db: Path) -> None:
    expect(page.locator("[data-count=pending]")).to_have_text(re.compile(r"^[1-9]\d*$"))
    page.get_by_role("link", name="Review queue").click()
    rows = page.locator("tr.queue-item")
    count = rows.count()
    assert count >= 4
    strengths = [restriction_strength(t) for t in rows.locator("td.restriction").all_inner_texts()]
    assert strengths == sorted(strengths) and len(set(strengths)) >= 2
    pairs = [rows.nth(i).get_attribute("data-pair") for i in range(count)]
    assert _current(page) == pairs[0]
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert _current(page) == pairs[1]

    page.keyboard.press("/")
    page.keyboard.type("same director and street address as the listed party")
    page.keyboard.press("Escape")
    page.keyboard.press("a")  # approve the current row
    expect(page.locator(".message")).to_have_text("1 approved")
    expect(rows).to_have_count(count - 1)
    assert page.locator("#queue-reason").input_value() == (
        "same director and street address as the listed party")  # kept
    assert _current(page) == pairs[2]  # the next row took the approved one's place

    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    page.locator("#queue-reason").fill("a different company in the same building")
    page.keyboard.press("Escape")
    page.keyboard.press("R")  # reject the selection
    expect(page.locator(".message")).to_have_text("2 rejected")
    expect(rows).to_have_count(count - 3)
    remaining = {rows.nth(i).get_attribute("data-pair") for i in range(count - 3)}
    assert remaining == set(pairs) - {pairs[1], pairs[2], pairs[3]}

    with sqlite3.connect(queue_db) as raw:
        made = raw.execute("SELECT action, actor, reason FROM audit_log WHERE actor = "
                           "'alice@example.com' ORDER BY id").fetchall()
    assert [a for a, _, _ in made] == ["decision_active", "decision_rejected", "decision_rejected"]
    page.get_by_role("link", name="Denied-customer list").click()
    approved = pairs[1].split(":", 1)[1]  # type: ignore[union-attr]
    expect(page.locator(f'#denylist tr[data-customer="{approved}"] td.status')).to_have_text("active")
    assert verified(queue_db)


@pytest.fixture
def client(queue_db: Path, tmp_path: Path) -> TestClient:
    with sqlite3.connect(queue_db) as src, sqlite3.connect(tmp_path / "r.db") as dst:
        src.backup(dst)
    c = TestClient(create_app(connect(tmp_path / "r.db"), token=TOKEN))
    c.get(f"/?token={TOKEN}")
    c.db = tmp_path / "r.db"  # type: ignore[attr-defined]
    return c


def test_the_letter_page_sets_the_kind_a_restriction_and_takes_a_party_off(client: TestClient) -> None:
    csrf = csrf_token(TOKEN)
    page = client.get("/letters/3").text  # the Guardian letter
    assert 'class="notice-type">project guardian' in page and "Set kind" in page
    done = client.post("/letters/3/kind", data={"csrf": csrf, "notice_type": "red_flag",
                                                "reviewer": "bo", "reason": "it is a red flag"})
    assert "kind set to red_flag" in done.text and 'class="notice-type">red flag' in done.text
    party, customer = re.search(r'name="party_id" value="(\d+)">\s*<input type="hidden" '
                                r'name="customer_id" value="([^"]+)">\s*<select name="restriction"',
                                done.text).groups()  # type: ignore[union-attr]
    set_it = client.post("/decisions/restriction", data={
        "csrf": csrf, "letter_id": "3", "party_id": party, "customer_id": customer,
        "restriction": "deny", "by": "bo", "why": "the customer admitted the re-export"})
    assert f"customer {customer}: restriction deny" in set_it.text and "set by bo" in set_it.text
    gone = client.post(f"/parties/{party}/remove", data={
        "csrf": csrf, "letter_id": "3", "by": "bo", "why": "listed by mistake, BIS confirmed"})
    assert "taken off the list (1 entry removed)" in gone.text
    assert "Taken off the list by bo" in gone.text
    assert client.post(f"/parties/{party}/remove", data={"csrf": "forged", "letter_id": "3",
                                                          "by": "x", "why": "y"}).status_code == 403
    evidence = client.get(f"/evidence/{customer}")
    assert evidence.status_code == 200 and "img-src data:" in evidence.headers["content-security-policy"]
    for text in ("listed by mistake, BIS confirmed", "name_similarity", "removed", "The audit trail"):
        assert text in evidence.text
    assert client.get("/evidence/NO-SUCH-CUSTOMER").status_code == 404
    assert verified(client.db)  # type: ignore[attr-defined]
