"""The evidence page of one customer: for each letter that named it, the crop of the page with
the party's box drawn, the letter's reference, date, kind (and the cues that decided it) and
file hash, the party as extracted, each feature of the match with its score and explanation,
every decision with who, when, why and the restriction in force, and the audit hashes; then
the head of the audit trail. One HTML file: CSS inline, images as data: URIs, nothing fetched.
Letter text is escaped (Jinja2 autoescaping), never read as markup."""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy import Engine

from redletter.store.export import denylist_entries
from redletter.store.head import read_head
from redletter.store.review import PairEvidence, customer_evidence

_TEMPLATES = Environment(loader=PackageLoader("redletter.web", "templates"),
                         autoescape=select_autoescape(default=True, default_for_string=True))


@dataclass
class Shown:
    """One pair as the page shows it."""

    pair: PairEvidence
    crop: str | None  # a data: URI
    crop_note: str
    features: list[dict[str, Any]]
    items: list[dict[str, Any]]
    notice_evidence: list[str]


def _crop(pair: PairEvidence) -> tuple[str | None, str]:
    """The page band around the party's box as a data: URI, or why there is none."""
    from redletter.web.images import crop_png, page_image

    party, letter = pair.party.party, pair.letter
    if party.source == "manual":
        return None, "added by a reviewer: not printed in the letter"
    path = letter.stored_path
    if not path or not Path(path).is_file():
        return None, f"the letter's file is not where it was stored ({path or 'unknown'})"
    sizes = json.loads(letter.page_sizes)
    turns = json.loads(letter.page_rotations)
    turn, deskew = turns[party.page - 1] if party.page <= len(turns) else (0, 0.0)
    try:
        img = page_image(path, party.page, int(turn), float(deskew))
        size = tuple(sizes[party.page - 1]) if party.page <= len(sizes) else (612.0, 792.0)
        png = crop_png(img, (float(size[0]), float(size[1])), party.bbox)
    except (LookupError, OSError, ValueError) as exc:
        return None, f"page {party.page} cannot be shown ({exc})"
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii"), ""


def _shown(pair: PairEvidence) -> Shown:
    crop, note = _crop(pair)
    features = json.loads(pair.candidate.features) if pair.candidate is not None else []
    return Shown(pair, crop, note, features, [i.model_dump() for i in pair.party.party.items],
                 json.loads(pair.letter.notice_evidence))


def evidence_html(engine: Engine, customer_id: str) -> str:
    """The evidence page of a customer; ``LookupError`` when no letter ever named it."""
    with engine.connect() as conn:
        pairs = customer_evidence(conn, customer_id)
        if not pairs:
            raise LookupError(f"no letter names customer {customer_id!r} in this database")
        entry = next((e for e in denylist_entries(conn) if e["customer_id"] == customer_id), None)
        head = read_head(conn)
    name = entry["customer_name"] if entry else next(
        (p.decisions[-1].customer_name for p in pairs if p.decisions), pairs[0].candidate.customer_name
        if pairs[0].candidate is not None else customer_id)
    return _TEMPLATES.get_template("evidence.html").render(
        customer_id=customer_id, customer_name=name, entry=entry, pairs=[_shown(p) for p in pairs],
        head=head, generated_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
