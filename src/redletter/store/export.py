"""The denied-customer list as the ERP takes it: CSV, JSON or XLSX, one entry per customer on
the list or in review, in a stable order so that an unchanged list exports byte-identically.

An entry shows the pair that ranks first for its customer (active, then the strictest
restriction, then the best score): its party, letter, restriction and legal basis; and, over
every pair that lists the customer, the letters (strictest first) and the items their parties
were named with, with the highest CHPL tier among them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Select, func, select

from redletter.schema import restriction_strength
from redletter.store.db import CHUNK, chunks
from redletter.store.decisions import listed_pairs, rank
from redletter.store.tables import decisions, denylist, letters, parties

FIELDS = ("customer_id", "customer_name", "status", "party_name", "letter_reference",
          "letter_sha256", "page", "score", "decided_by", "decided_at", "restriction",
          "notice_type", "legal_basis", "letter_date", "hs_codes", "eccns", "part_numbers",
          "chpl_tier", "letters")
LIST_FIELDS = ("hs_codes", "eccns", "part_numbers")
SORTS = ("customer", "tier", "restriction")

# A fixed time stamp for the XLSX parts, so that the same list gives the same bytes.
_ZIP_DATE = (2000, 1, 1, 0, 0, 0)
_FIXED = dt.datetime(2000, 1, 1)


def status_counts(conn: Connection) -> dict[str, int]:
    """How many entries of the list have each status."""
    rows = conn.execute(select(denylist.c.status, func.count()).group_by(denylist.c.status))
    return {str(status): int(n) for status, n in rows}


def restriction_counts(conn: Connection, status: str = "active") -> dict[str, int]:
    """How many entries with this status have each restriction."""
    rows = conn.execute(select(decisions.c.restriction, func.count())
                        .select_from(denylist.join(decisions, denylist.c.decision_id == decisions.c.id))
                        .where(denylist.c.status == status).group_by(decisions.c.restriction))
    return {str(r): int(n) for r, n in rows}


def _entry_query() -> Select[Any]:
    return (select(denylist.c.customer_id, denylist.c.customer_name, denylist.c.status,
                   parties.c.name.label("party_name"), letters.c.reference.label("letter_reference"),
                   letters.c.sha256.label("letter_sha256"), parties.c.page, decisions.c.score,
                   decisions.c.decided_by, decisions.c.decided_at, decisions.c.restriction,
                   letters.c.notice_type, decisions.c.legal_basis, letters.c.letter_date,
                   letters.c.id.label("letter_id"), parties.c.id.label("party_id"))
            .select_from(denylist.join(decisions, denylist.c.decision_id == decisions.c.id)
                         .join(parties, decisions.c.party_id == parties.c.id)
                         .join(letters, parties.c.letter_id == letters.c.id))
            .order_by(denylist.c.customer_id))


def denylist_entries(conn: Connection, *, status: str | None = None, text: str | None = None,
                     letter_id: int | None = None, tier: str | None = None,
                     sort: str = "customer") -> list[dict[str, Any]]:
    """The entries, ordered by customer id (or by CHPL tier, or restriction, then customer);
    optionally filtered by status, a text in the customer or party name, a letter that names
    the customer, or a CHPL tier (entries whose highest tier is that one or higher)."""
    query = _entry_query()
    if status:
        query = query.where(denylist.c.status == status)
    rows = [dict(r._mapping) for r in conn.execute(query)]
    scope = _scopes(conn, [r["customer_id"] for r in rows])
    for r in rows:
        r.update(scope.get(r["customer_id"], _EMPTY_SCOPE))
    if letter_id is not None:
        rows = [r for r in rows if letter_id in r["letter_ids"]]
    if text:
        needle = text.casefold()
        rows = [r for r in rows if needle in r["customer_name"].casefold()
                or needle in r["party_name"].casefold() or needle in r["customer_id"].casefold()]
    if tier:
        rows = [r for r in rows if r["chpl_tier"] is not None and r["chpl_tier"] <= tier]
    return sorted(rows, key=_SORT_KEYS.get(sort, _SORT_KEYS["customer"]))


_SORT_KEYS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "customer": lambda r: r["customer_id"],
    "tier": lambda r: (r["chpl_tier"] or "9", restriction_strength(r["restriction"]), r["customer_id"]),
    "restriction": lambda r: (restriction_strength(r["restriction"]), r["chpl_tier"] or "9",
                              r["customer_id"]),
}
_EMPTY_SCOPE: dict[str, Any] = {"hs_codes": [], "eccns": [], "part_numbers": [], "chpl_tier": None,
                                "letters": [], "letter_ids": []}


def _scopes(conn: Connection, customer_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Per customer: every letter whose party puts it on the list (strictest first), and the
    items those parties were named with (a party named without items: its letter's items), with
    the highest CHPL tier among them."""
    wanted = set(customer_ids)
    pairs = sorted((p for p in listed_pairs(conn, customer_ids if len(wanted) <= CHUNK else None)
                    if p.customer_id in wanted), key=rank)
    info = _pair_info(conn, [p.party_id for p in pairs])
    out: dict[str, dict[str, Any]] = {}
    for p in pairs:
        scope = out.setdefault(p.customer_id, {k: [] for k in _EMPTY_SCOPE if k != "chpl_tier"})
        party = info[p.party_id]
        scope["letters"].append({"letter_reference": party["reference"],
                                 "letter_date": party["letter_date"],
                                 "letter_sha256": party["sha256"], "notice_type": party["notice_type"],
                                 "restriction": p.restriction, "status": p.outcome,
                                 "party_name": party["name"]})
        scope["letter_ids"].append(party["letter_id"])
        for item in party["items"]:
            for field, key in (("hs_codes", "hs_code"), ("eccns", "eccn"), ("part_numbers", "part_number")):
                if item.get(key) and item[key] not in scope[field]:
                    scope[field].append(item[key])
            if item.get("chpl_tier"):
                scope.setdefault("tiers", set()).add(item["chpl_tier"])
    for scope in out.values():
        scope["chpl_tier"] = min(scope.pop("tiers", set()), default=None)
    return out


def _pair_info(conn: Connection, party_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The party and letter fields an entry shows, per party."""
    query = select(parties.c.id, parties.c.name, parties.c["items"], letters.c.id.label("letter_id"),
                   letters.c.reference, letters.c.letter_date, letters.c.sha256,
                   letters.c.notice_type, letters.c["items"].label("letter_items")
                   ).select_from(parties.join(letters))
    rows = [r for part in chunks(sorted(set(party_ids)))
            for r in conn.execute(query.where(parties.c.id.in_(part)))]
    return {int(r.id): {"name": r.name, "letter_id": r.letter_id, "reference": r.reference,
                        "letter_date": r.letter_date, "sha256": r.sha256,
                        "notice_type": r.notice_type,
                        "items": json.loads(r.items) or json.loads(r.letter_items)} for r in rows}


def public(rows: list[dict[str, Any]], fields: tuple[str, ...] = FIELDS) -> list[dict[str, Any]]:
    """The entries with the exported fields only."""
    return [{k: r[k] for k in fields} for r in rows]


def _flat(r: dict[str, Any]) -> dict[str, Any]:
    """An entry for CSV and XLSX: lists joined with '; ', each letter as 'REF (restriction,
    status)'."""
    out = {**r, **{k: "; ".join(r[k]) for k in LIST_FIELDS}}
    out["letters"] = "; ".join(f"{x['letter_reference'] or x['letter_sha256'][:12]} "
                               f"({x['restriction']}, {x['status']})" for x in r["letters"])
    return out


# A cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice and
# Google Sheets: "=HYPERLINK(...)", "+cmd|...", "@SUM(...)" from a letter would run there.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would read as a formula, prefixed with ``'``."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def to_csv(rows: list[dict[str, Any]], *, safe: bool = False,
           fields: tuple[str, ...] = FIELDS) -> bytes:
    """CSV with the exact values (for the ERP), or ``safe`` for people opening it in a
    spreadsheet."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fields, lineterminator="\n")
    writer.writeheader()
    for r in map(_flat, public(rows, fields)):
        writer.writerow({k: spreadsheet_safe(v) for k, v in r.items()} if safe else r)
    return buf.getvalue().encode("utf-8")


def to_safe_csv(rows: list[dict[str, Any]]) -> bytes:
    """CSV for people: formula-like cells prefixed with ``'``."""
    return to_csv(rows, safe=True)


def to_json(rows: list[dict[str, Any]]) -> bytes:
    return (json.dumps(public(rows), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def to_xlsx(rows: list[dict[str, Any]], fields: tuple[str, ...] = FIELDS) -> bytes:
    """An XLSX workbook; openpyxl stamps the current time into it, so the parts are rewritten
    with fixed dates to keep the bytes stable."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "denylist"
    ws.append(list(fields))
    for r in map(_flat, public(rows, fields)):
        ws.append([r[k] for k in fields])
    for row in ws.iter_rows(min_row=2):
        for cell in row:  # a name from a letter that starts with "=" stays text, not a formula
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    wb.properties.created = _FIXED
    raw = io.BytesIO()
    wb.save(raw)
    return _stable_zip(raw.getvalue())


def _stable_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _strip_times(body)
            dst.writestr(zipfile.ZipInfo(info.filename, _ZIP_DATE), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _strip_times(xml: bytes) -> bytes:
    return re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                  rb"\g<1>2000-01-01T00:00:00Z\g<3>", xml)


EXPORTERS = {"csv": to_csv, "json": to_json, "xlsx": to_xlsx}
