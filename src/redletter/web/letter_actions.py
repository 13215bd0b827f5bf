"""The review page's actions on a whole letter: add a party by hand, upload a party list for
the letter (CSV or XLSX), and mark a letter that needed review as checked. Each is audited and
the new parties are screened like extracted ones."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import FastAPI, File, Form, HTTPException, UploadFile
from fastapi.responses import RedirectResponse
from sqlalchemy import Engine

from redletter.errors import RedletterError
from redletter.ingest.party_lists import as_manual, read_parties
from redletter.match.cache import default_cache_dir
from redletter.nlp.countries import resolve_country
from redletter.schema import Party
from redletter.screening.screen import rescreen_party
from redletter.settings import Settings
from redletter.store.db import transaction
from redletter.store.letters import add_parties, mark_reviewed
from redletter.store.review import letter_view

MAX_UPLOAD = 20 * 2**20
_LISTS = (".csv", ".xlsx")


def back(letter_id: int, message: str, anchor: str = "parties") -> RedirectResponse:
    """Back to the letter's page with a message."""
    return RedirectResponse(f"/letters/{letter_id}?{urlencode({'msg': message})}#{anchor}",
                            status_code=303)


def _typed(name: str, aliases: str, address: str, country: str, row: int) -> Party | str:
    """A party typed in by a reviewer, or what is wrong with it."""
    code = resolve_country(country.strip()) if country.strip() else None
    if country.strip() and code is None:
        return f"not a country: {country.strip()!r}"
    return Party(name=name.strip(), aliases=tuple(a.strip() for a in aliases.replace(";", "\n")
                                                  .splitlines() if a.strip()),
                 address=address.strip() or None, country=code,
                 country_printed=country.strip() or None, page=1, row=row,
                 bbox=(0.0, 0.0, 0.0, 0.0), source="manual", confidence=1.0)


def _listed(upload: UploadFile, data: bytes, settings: Settings) -> list[Party]:
    """The parties of an uploaded CSV or XLSX list, read like a letter's table."""
    suffix = Path(upload.filename or "").suffix.lower()
    if suffix not in _LISTS:
        raise ValueError("upload a party list as .csv or .xlsx")
    with tempfile.TemporaryDirectory(prefix="redletter-upload-") as tmp:
        path = Path(tmp) / f"parties{suffix}"
        path.write_bytes(data)
        return as_manual(read_parties(path, settings))


def register(app: FastAPI, engine: Engine, settings: Settings,
             check_csrf: Callable[[str], None]) -> None:
    """Add the letter actions to the review application."""

    def screened(letter_id: int, found: list[Party], reviewer: str, reason: str, how: str) -> str:
        with transaction(engine) as conn:
            if letter_view(conn, letter_id) is None:
                raise HTTPException(404, f"no letter {letter_id}")
            stored = add_parties(conn, letter_id, found, reviewer=reviewer, reason=reason, how=how)
        made = [rescreen_party(engine, s.id, settings, default_cache_dir()) for s in stored]
        if any(m is None for m in made):
            return f"{len(stored)} part(ies) added; the customer master file is gone, not screened"
        return f"{len(stored)} part(ies) added and screened ({sum(m or 0 for m in made)} decisions)"

    @app.post("/letters/{letter_id}/parties")
    def add_party(letter_id: int, csrf: Annotated[str, Form()], name: Annotated[str, Form()] = "",
                  aliases: Annotated[str, Form()] = "", address: Annotated[str, Form()] = "",
                  country: Annotated[str, Form()] = "", reviewer: Annotated[str, Form()] = "",
                  reason: Annotated[str, Form()] = "") -> RedirectResponse:
        check_csrf(csrf)
        if not name.strip() or not reviewer.strip() or not reason.strip():
            return back(letter_id, "a party added by hand needs a name, the reviewer and a reason")
        party = _typed(name, aliases, address, country, row=1)
        if isinstance(party, str):
            return back(letter_id, party)
        return back(letter_id, screened(letter_id, [party], reviewer.strip(), reason.strip(),
                                        "typed in"))

    @app.post("/letters/{letter_id}/parties/upload")
    async def upload(letter_id: int, csrf: Annotated[str, Form()],
                     parties: Annotated[UploadFile, File()], reviewer: Annotated[str, Form()] = "",
                     reason: Annotated[str, Form()] = "") -> RedirectResponse:
        check_csrf(csrf)
        if not reviewer.strip() or not reason.strip():
            return back(letter_id, "an upload needs the reviewer and a reason")
        data = await parties.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            return back(letter_id, "the party list is over 20 MB")
        try:
            found = _listed(parties, data, settings)
        except (ValueError, RedletterError) as exc:
            return back(letter_id, f"the party list cannot be read: {getattr(exc, 'message', exc)}")
        if not found:
            return back(letter_id, "no party was found in the uploaded list")
        how = f"uploaded list {Path(parties.filename or '').name!r}"
        return back(letter_id, screened(letter_id, found, reviewer.strip(), reason.strip(), how))

    @app.post("/letters/{letter_id}/reviewed")
    def reviewed(letter_id: int, csrf: Annotated[str, Form()],
                 reviewer: Annotated[str, Form()] = "",
                 reason: Annotated[str, Form()] = "") -> RedirectResponse:
        check_csrf(csrf)
        if not reviewer.strip() or not reason.strip():
            return back(letter_id, "marking a letter as checked needs the reviewer and a reason",
                        "review")
        with transaction(engine) as conn:
            changed = mark_reviewed(conn, letter_id, reviewer=reviewer.strip(), reason=reason.strip())
        return back(letter_id, "marked as checked" if changed else "the letter did not need review",
                    "review")
