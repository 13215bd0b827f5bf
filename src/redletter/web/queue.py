"""The review queue: every pending review across letters on one page, the strictest
restriction first, then the highest CHPL tier, then the highest score. A reviewer approves or
rejects one pair, or a selection (each decision audited one by one); the page's script adds the
keyboard (j/k to move, a/r to decide, x to select) and keeps the last reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, Form, HTTPException
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import Connection, Engine

from redletter.nlp.items import CHPL_TIERS
from redletter.screening.screen import review
from redletter.store.db import transaction
from redletter.store.decisions import latest_decisions
from redletter.store.review import pending_queue

TIERS = CHPL_TIERS


def _pair(value: str) -> tuple[int, str]:
    """A pair as the form sends it: "party_id:customer_id"."""
    party, _, customer = value.partition(":")
    if not party.isdigit() or not customer or not 1 <= int(party) <= 2**31 - 1:
        raise HTTPException(400, f"not a pair: {value!r}")
    return int(party), customer


def decide_pairs(conn: Connection, pairs: list[tuple[int, str]], *, approve: bool, reviewer: str,
                 reason: str) -> tuple[int, int]:
    """Decide each pair still waiting for review, each its own audited decision; returns how
    many were decided and how many were skipped (decided meanwhile, or no longer candidates)."""
    done = skipped = 0
    for party_id, customer_id in pairs:
        last = latest_decisions(conn, party_id).get(customer_id)
        if last is None or last.outcome != "pending_review":
            skipped += 1
            continue
        try:
            review(conn, party_id=party_id, customer_id=customer_id, approve=approve,
                   reviewer=reviewer, reason=reason)
            done += 1
        except LookupError:
            skipped += 1
    return done, skipped


def register(app: FastAPI, engine: Engine, check_csrf: Callable[[str], None],
             render: Callable[..., str], reviewer: str | None) -> None:
    """Add the queue's page and its decisions to the review application."""

    @app.get("/queue", response_class=HTMLResponse)
    def queue(tier: str = "", msg: str = "", at: int = 0) -> str:
        with engine.connect() as conn:
            items = pending_queue(conn, tier if tier in TIERS else None)
        return render("queue.html", items=items, tier=tier, tiers=TIERS, message=msg or None,
                      at=min(max(at, 0), max(len(items) - 1, 0)), reviewer=reviewer or "")

    @app.post("/queue/decide")
    def decide(csrf: Annotated[str, Form()], action: Annotated[str, Form()],
               pair: Annotated[list[str] | None, Form()] = None, reviewer: Annotated[str, Form()] = "",
               reason: Annotated[str, Form()] = "", tier: Annotated[str, Form()] = "",
               at: Annotated[int, Form()] = 0) -> RedirectResponse:
        check_csrf(csrf)
        if action not in ("approve", "reject"):
            raise HTTPException(400, "action must be approve or reject")
        back: dict[str, Any] = {"tier": tier, "at": at}
        if not reviewer.strip() or not reason.strip():
            return _back({**back, "msg": "a decision needs the reviewer and a reason"})
        if not pair:
            return _back({**back, "msg": "nothing selected"})
        with transaction(engine) as conn:
            done, skipped = decide_pairs(conn, [_pair(p) for p in pair], approve=action == "approve",
                                         reviewer=reviewer.strip(), reason=reason.strip())
        verb = "approved" if action == "approve" else "rejected"
        note = f"{done} {verb}" + (f", {skipped} skipped (decided meanwhile)" if skipped else "")
        return _back({**back, "msg": note})


def _back(query: dict[str, Any]) -> RedirectResponse:
    return RedirectResponse(f"/queue?{urlencode({k: v for k, v in query.items() if v != ''})}",
                            status_code=303)
