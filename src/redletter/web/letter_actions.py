"""The review page's actions on a letter: add a party by hand, upload a party list for the
letter (CSV or XLSX), mark a letter that needed review as checked, set the letter's kind (the
restrictions of its entries follow), set the restriction of a pair, and take a party off the
list. Each is audited and needs the reviewer and a reason; new parties are screened like
extracted ones."""

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
from redletter.schema import NoticeType, Party, Restriction
from redletter.screening.history import remove_party
from redletter.screening.restrictions import set_kind, set_restriction
from redletter.screening.screen import rescreen_party
from redletter.settings import Settings
from redletter.store.db import transaction
from redletter.store.letters import add_parties, mark_reviewed, stored_parties
from redletter.store.review import letter_view

MAX_UPLOAD = 20 * 2**20
_LISTS = (".csv", ".xlsx")
MAX_ID = 2**31 - 1  # ids are INTEGER columns: larger ones name no row


def row_id(value: int, what: str) -> int:
    """The id, or a 404 for an id no row can have (the database cannot even compare it)."""
    if not 1 <= value <= MAX_ID:
        raise HTTPException(404, f"no {what} {value}")
    return value


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


def register_decisions(app: FastAPI, engine: Engine, check_csrf: Callable[[str], None]) -> None:
    """Add the kind, restriction and removal actions to the review application."""

    @app.post("/letters/{letter_id}/kind")
    def kind(letter_id: int, csrf: Annotated[str, Form()], notice_type: Annotated[str, Form()],
             reviewer: Annotated[str, Form()] = "", reason: Annotated[str, Form()] = ""
             ) -> RedirectResponse:
        check_csrf(csrf)
        row_id(letter_id, "letter")
        if notice_type not in NoticeType.__members__ or notice_type == "unknown":
            raise HTTPException(400, "kind must be supplier_list, red_flag, is_informed or "
                                     "project_guardian")
        try:
            with transaction(engine) as conn:
                followed = set_kind(conn, letter_id=letter_id, kind=notice_type,
                                    reviewer=reviewer, reason=reason)
        except ValueError as exc:
            return back(letter_id, str(exc), "kind")
        except LookupError as exc:
            raise HTTPException(404, str(exc)) from None
        return back(letter_id, f"kind set to {notice_type}; {followed} entr"
                               f"{'y follows' if followed == 1 else 'ies follow'}", "kind")

    @app.post("/decisions/restriction")
    def restriction(csrf: Annotated[str, Form()], letter_id: Annotated[int, Form()],
                    party_id: Annotated[int, Form()], customer_id: Annotated[str, Form()],
                    restriction: Annotated[str, Form()], by: Annotated[str, Form()] = "",
                    why: Annotated[str, Form()] = "") -> RedirectResponse:
        check_csrf(csrf)
        row_id(party_id, "party")
        if restriction not in Restriction.__members__:
            raise HTTPException(400, "restriction must be license_required, deny, hold or watch")
        try:
            with transaction(engine) as conn:
                changed = set_restriction(conn, party_id=party_id, customer_id=customer_id,
                                          restriction=restriction, reviewer=by, reason=why)
        except ValueError as exc:
            return back(letter_id, str(exc), f"party-{party_id}")
        except LookupError as exc:
            raise HTTPException(404, str(exc)) from None
        note = f"customer {customer_id}: restriction {restriction}" if changed else "no change"
        return back(letter_id, note, f"party-{party_id}")

    @app.post("/parties/{party_id}/remove")
    def remove(party_id: int, csrf: Annotated[str, Form()], letter_id: Annotated[int, Form()],
               by: Annotated[str, Form()] = "", why: Annotated[str, Form()] = ""
               ) -> RedirectResponse:
        check_csrf(csrf)
        if not by.strip() or not why.strip():
            return back(letter_id, "a removal needs the reviewer and a reason", f"party-{party_id}")
        with transaction(engine) as conn:
            if not stored_parties(conn, letter_id=row_id(letter_id, "letter"),
                                  party_id=row_id(party_id, "party")):
                raise HTTPException(404, f"no party {party_id} in letter {letter_id}")
            left = remove_party(conn, party_id, by_letter_id=None, decided_by=by.strip(),
                                reason=why.strip())
        return back(letter_id, f"taken off the list ({left} entr{'y' if left == 1 else 'ies'} "
                               "removed)", f"party-{party_id}")
