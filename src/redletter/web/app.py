"""The review page's routes.

Pages: the letters with the counts of the list (``/``), one letter (``/letters/{id}``: page
images with the extracted rows highlighted, its kind (editable), its history (the letters it
amends, supersedes or removes parties from, with what changed), the editable party table, each
party's candidates with approve / reject and their restriction; parties added by hand or from
an uploaded list, taken off the list, ``web/letter_actions.py``), the review queue of every
pending review (``/queue``, ``web/queue.py``), the denied-customer list (``/denylist``, with
filters and exports, each export recorded with its id), and the evidence page of a customer
for auditors (``/evidence/{customer_id}``, ``evidence/page.py``). Every text from a letter goes
through Jinja2's autoescaping; every POST needs the CSRF field; every page needs the token.

Every response, the 401, 404 and 500 ones included, carries the security headers, and every
response but the static files ``Cache-Control: no-store`` (the pages hold the list). An id that
no row can have (too large for the database) is a 404, a database busy past its timeout a 503.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from redletter.errors import RedletterError
from redletter.evidence.page import evidence_html
from redletter.match.cache import default_cache_dir
from redletter.nlp.countries import resolve_country
from redletter.schema import NoticeType, Restriction
from redletter.screening.exports import export_list
from redletter.screening.history import letter_history
from redletter.screening.screen import rescreen_party, review
from redletter.settings import Settings
from redletter.store.db import connect, transaction
from redletter.store.export import EXPORTERS, SORTS, denylist_entries, to_safe_csv
from redletter.store.letters import edit_party, letter_summaries
from redletter.store.review import front_counts, letter_file, letter_view
from redletter.web import letter_actions, queue
from redletter.web.auth import COOKIE, csrf_token, same
from redletter.web.images import page_png
from redletter.web.letter_actions import row_id as _row_id

MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
STATUSES = ("active", "pending_review")
KINDS = tuple(k.value for k in NoticeType if k is not NoticeType.unknown)
RESTRICTIONS = tuple(r.value for r in Restriction)
# The evidence page is self-contained: its CSS is inline and its images are data: URIs.
EVIDENCE_CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
                "frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self'; style-src 'self'; "
                               "script-src 'self'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

templates = Environment(loader=PackageLoader("redletter.web", "templates"),
                        autoescape=select_autoescape(default=True, default_for_string=True))


def _split_aliases(text: str) -> list[str]:
    return [a.strip() for a in text.replace(";", "\n").splitlines() if a.strip()]


def create_app(engine: Engine, *, token: str, settings: Settings | None = None,
               reviewer: str | None = None) -> FastAPI:
    """The review application over one database."""
    settings = settings or Settings.load()
    app = FastAPI(title="redletter review", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(packages=[("redletter.web", "static")]), name="static")
    csrf = csrf_token(token)

    @app.middleware("http")
    async def guard(request: Request,
                    call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        try:
            response = await _admitted(request, call_next)
        except OperationalError:
            response = HTMLResponse(render("error.html", message="the database is busy (another "
                                           "process is writing); reload in a moment"), 503)
        except Exception:  # a bug: one page, the headers, no traceback to the browser
            response = HTMLResponse(render("error.html", message="internal error; see the "
                                           "server's output"), 500)
        for name, value in SECURITY_HEADERS.items():  # a page may set a stricter policy
            response.headers.setdefault(name, value)
        if not request.url.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"
        return response

    async def _admitted(request: Request,
                        call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        given = request.query_params.get("token")
        if given is not None and same(given, token):
            query = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            target = request.url.path + (f"?{urlencode(query)}" if query else "")
            response: Response = RedirectResponse(target, status_code=303)
            response.set_cookie(COOKIE, token, httponly=True, samesite="strict")
            return response
        if not same(request.cookies.get(COOKIE), token):
            return HTMLResponse(render("denied.html"), status_code=401)
        return await call_next(request)

    def render(name: str, **context: Any) -> str:
        return templates.get_template(name).render(csrf=csrf, **context)

    def check_csrf(given: str) -> None:
        if not same(given, csrf):
            raise HTTPException(403, "the form's CSRF token is missing or wrong; reload the page")

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        with engine.connect() as conn:
            return render("letters.html", letters=letter_summaries(conn), counts=front_counts(conn),
                          restrictions=RESTRICTIONS)

    @app.get("/letters/{letter_id}", response_class=HTMLResponse)
    def letter(letter_id: int, request: Request) -> str:
        _row_id(letter_id, "letter")
        with engine.connect() as conn:
            view = letter_view(conn, letter_id)
            history = letter_history(conn, letter_id) if view else []
        if view is None:
            raise HTTPException(404, f"no letter {letter_id}")
        have_file = bool(view.stored_path and Path(view.stored_path).is_file())
        return render("letter.html", letter=view, have_file=have_file, history=history,
                      kinds=KINDS, restrictions=RESTRICTIONS, reviewer=reviewer or "",
                      message=request.query_params.get("msg"))

    @app.get("/letters/{letter_id}/pages/{number}.png")
    def page_image(letter_id: int, number: int) -> Response:
        _row_id(letter_id, "letter")
        with engine.connect() as conn:
            found = letter_file(conn, letter_id)
        path, rotations = found if found else (None, [])
        if not path or not Path(path).is_file():
            raise HTTPException(404, "the letter's file is not available")
        turn, deskew = rotations[number - 1] if 1 <= number <= len(rotations) else (0, 0.0)
        try:
            data = page_png(path, number, Path(path).stat().st_mtime_ns, turn, deskew)
        except (LookupError, OSError, ValueError) as exc:
            raise HTTPException(404, f"page {number} cannot be shown ({exc})") from None
        return Response(data, media_type="image/png")

    @app.post("/parties/{party_id}/edit")
    def edit(party_id: int, csrf: Annotated[str, Form()], letter_id: Annotated[int, Form()],
             name: Annotated[str, Form()], aliases: Annotated[str, Form()] = "",
             address: Annotated[str, Form()] = "", country: Annotated[str, Form()] = "",
             editor: Annotated[str, Form()] = "", reason: Annotated[str, Form()] = ""
             ) -> RedirectResponse:
        check_csrf(csrf)
        _row_id(party_id, "party")
        if not name.strip() or not editor.strip() or not reason.strip():
            return _back(letter_id, party_id, "an edit needs a name, the reviewer and a reason")
        code = resolve_country(country.strip()) if country.strip() else None
        if country.strip() and code is None:
            return _back(letter_id, party_id, f"not a country: {country.strip()!r}")
        changes = {"name": name.strip(), "aliases": _split_aliases(aliases),
                   "address": address.strip() or None, "country": code}
        with transaction(engine) as conn:
            changed = edit_party(conn, party_id, changes, editor=editor.strip(),
                                 reason=reason.strip())
        note = "no change"
        if changed:
            made = rescreen_party(engine, party_id, settings, default_cache_dir())
            note = ("saved; the customer master file is gone, so the party was not screened again"
                    if made is None else f"saved and screened again ({made} decisions)")
        return _back(letter_id, party_id, note)

    @app.post("/decisions")
    def decide(csrf: Annotated[str, Form()], letter_id: Annotated[int, Form()],
               party_id: Annotated[int, Form()], customer_id: Annotated[str, Form()],
               action: Annotated[str, Form()], reviewer: Annotated[str, Form()] = "",
               reason: Annotated[str, Form()] = "") -> RedirectResponse:
        check_csrf(csrf)
        _row_id(party_id, "party")
        if action not in ("approve", "reject"):
            raise HTTPException(400, "action must be approve or reject")
        try:
            with transaction(engine) as conn:
                review(conn, party_id=party_id, customer_id=customer_id,
                       approve=action == "approve", reviewer=reviewer, reason=reason)
        except ValueError as exc:
            return _back(letter_id, party_id, str(exc))
        except LookupError as exc:
            raise HTTPException(404, str(exc)) from None
        verb = "approved: on the denied list" if action == "approve" else "rejected"
        return _back(letter_id, party_id, f"customer {customer_id} {verb}")

    @app.get("/denylist", response_class=HTMLResponse)
    def denied(status: str = "", q: str = "", letter: str = "", tier: str = "",
               sort: str = "customer") -> str:
        filters = _filters(status, q, letter, tier, sort)
        with engine.connect() as conn:
            rows = denylist_entries(conn, **filters)
            letters = letter_summaries(conn)
        query = urlencode({"status": status, "q": q, "letter": letter, "tier": tier, "sort": sort})
        return render("denylist.html", rows=rows, status=status, q=q, letter=letter, tier=tier,
                      sort=filters["sort"], letters=letters, statuses=STATUSES, tiers=queue.TIERS,
                      sorts=SORTS, query=query)

    @app.get("/denylist/export.{fmt}")
    def export(fmt: str, status: str = "", q: str = "", letter: str = "", tier: str = "",
               sort: str = "customer") -> Response:
        if fmt not in EXPORTERS:
            raise HTTPException(404, "export formats: csv, json, xlsx")
        writer = to_safe_csv if fmt == "csv" else EXPORTERS[fmt]  # downloaded by people
        done = export_list(engine, fmt, filters=_filters(status, q, letter, tier, sort),
                           writer=writer)
        return Response(done.data, media_type=MEDIA[fmt], headers={
            "Content-Disposition": f'attachment; filename="denylist-{done.export_id}.{fmt}"',
            "X-Redletter-Export": done.export_id})

    @app.get("/evidence/{customer_id:path}", response_class=HTMLResponse)
    def evidence(customer_id: str) -> Response:
        try:
            page = evidence_html(engine, customer_id)
        except LookupError as exc:
            raise HTTPException(404, str(exc)) from None
        return HTMLResponse(page, headers={"Content-Security-Policy": EVIDENCE_CSP,
            "Content-Disposition": f'inline; filename="evidence-{_safe_name(customer_id)}.html"'})

    letter_actions.register(app, engine, settings, check_csrf)
    letter_actions.register_decisions(app, engine, check_csrf)
    queue.register(app, engine, check_csrf, render, reviewer)

    @app.exception_handler(RedletterError)
    def store_error(_request: Request, exc: RedletterError) -> HTMLResponse:
        return HTMLResponse(render("error.html", message=exc.message), status_code=500)

    return app


SERVE_ENV = ("_REDLETTER_SERVE_DB", "_REDLETTER_SERVE_TOKEN", "_REDLETTER_SERVE_REVIEWER")


def app_from_env() -> FastAPI:
    """The application for each of several server processes (``serve --workers N``), from
    what ``redletter serve`` put in their environment."""
    db, token, reviewer = (os.environ.get(k, "") for k in SERVE_ENV)
    settings = Settings.load()
    engine = connect(db, audit_key=settings.audit_key)
    return create_app(engine, token=token, settings=settings, reviewer=reviewer or None)


def _filters(status: str, q: str, letter: str, tier: str = "", sort: str = "customer"
             ) -> dict[str, Any]:
    """The list page's query parameters as ``denylist_entries`` filters; unknown values are
    ignored."""
    return {"status": status if status in STATUSES else None, "text": q or None,
            "letter_id": int(letter) if letter.isdigit() and len(letter) < 10 else None,
            "tier": tier if tier in queue.TIERS else None,
            "sort": sort if sort in SORTS else "customer"}


def _safe_name(text: str) -> str:
    """A customer id as it may stand in a file name."""
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)[:80]


def _back(letter_id: int, party_id: int, message: str) -> RedirectResponse:
    return RedirectResponse(f"/letters/{letter_id}?{urlencode({'msg': message})}#party-{party_id}",
                            status_code=303)
