"""The review page's routes.

Pages: the letters (``/``), one letter (``/letters/{id}``: page images with the extracted rows
highlighted, the editable party table, each party's candidates with approve / reject; parties
added by hand or from an uploaded list, ``web/letter_actions.py``), and the denied-customer
list (``/denylist``, with filters and exports). Every text from a letter goes
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
from redletter.match.cache import default_cache_dir
from redletter.nlp.countries import resolve_country
from redletter.screening.screen import rescreen_party, review
from redletter.settings import Settings
from redletter.store.db import connect, transaction
from redletter.store.export import EXPORTERS, denylist_entries, to_safe_csv
from redletter.store.letters import edit_party, letter_summaries
from redletter.store.review import letter_file, letter_view
from redletter.web import letter_actions
from redletter.web.auth import COOKIE, csrf_token, same
from redletter.web.images import page_png

MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
STATUSES = ("active", "pending_review")
MAX_ID = 2**31 - 1  # ids are INTEGER columns: larger ones name no row
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
        response.headers.update(SECURITY_HEADERS)
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
            return render("letters.html", letters=letter_summaries(conn))

    @app.get("/letters/{letter_id}", response_class=HTMLResponse)
    def letter(letter_id: int, request: Request) -> str:
        _row_id(letter_id, "letter")
        with engine.connect() as conn:
            view = letter_view(conn, letter_id)
        if view is None:
            raise HTTPException(404, f"no letter {letter_id}")
        have_file = bool(view.stored_path and Path(view.stored_path).is_file())
        return render("letter.html", letter=view, have_file=have_file,
                      reviewer=reviewer or "", message=request.query_params.get("msg"))

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
    def denied(status: str = "", q: str = "", letter: str = "") -> str:
        with engine.connect() as conn:
            rows = denylist_entries(conn, **_filters(status, q, letter))
            letters = letter_summaries(conn)
        query = urlencode({"status": status, "q": q, "letter": letter})
        return render("denylist.html", rows=rows, status=status, q=q, letter=letter,
                      letters=letters, statuses=STATUSES, query=query)

    @app.get("/denylist/export.{fmt}")
    def export(fmt: str, status: str = "", q: str = "", letter: str = "") -> Response:
        if fmt not in EXPORTERS:
            raise HTTPException(404, "export formats: csv, json, xlsx")
        with engine.connect() as conn:
            rows = denylist_entries(conn, **_filters(status, q, letter))
        export = to_safe_csv if fmt == "csv" else EXPORTERS[fmt]  # downloaded by people
        return Response(export(rows), media_type=MEDIA[fmt], headers={
            "Content-Disposition": f'attachment; filename="denylist.{fmt}"'})

    letter_actions.register(app, engine, settings, check_csrf)

    @app.exception_handler(RedletterError)
    def store_error(_request: Request, exc: RedletterError) -> HTMLResponse:
        return HTMLResponse(render("error.html", message=exc.message), status_code=500)

    return app


def _row_id(value: int, what: str) -> None:
    """A 404 for an id no row can have (the database cannot even compare it)."""
    if not 1 <= value <= MAX_ID:
        raise HTTPException(404, f"no {what} {value}")


SERVE_ENV = ("_REDLETTER_SERVE_DB", "_REDLETTER_SERVE_TOKEN", "_REDLETTER_SERVE_REVIEWER")


def app_from_env() -> FastAPI:
    """The application for each of several server processes (``serve --workers N``), from
    what ``redletter serve`` put in their environment."""
    db, token, reviewer = (os.environ.get(k, "") for k in SERVE_ENV)
    settings = Settings.load()
    engine = connect(db, audit_key=settings.audit_key)
    return create_app(engine, token=token, settings=settings, reviewer=reviewer or None)


def _filters(status: str, q: str, letter: str) -> dict[str, Any]:
    """The list page's query parameters as ``denylist_entries`` filters; unknown values are
    ignored."""
    return {"status": status if status in STATUSES else None, "text": q or None,
            "letter_id": int(letter) if letter.isdigit() else None}


def _back(letter_id: int, party_id: int, message: str) -> RedirectResponse:
    return RedirectResponse(f"/letters/{letter_id}?{urlencode({'msg': message})}#party-{party_id}",
                            status_code=303)
