"""The denied-customer list as the ERP takes it: CSV, JSON or XLSX, one entry per customer on
the list or in review, in a stable order so that an unchanged list exports byte-identically."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from typing import Any

from sqlalchemy import Connection, func, select

from redletter.store.tables import decisions, denylist, letters, parties

FIELDS = ("customer_id", "customer_name", "status", "party_name", "letter_reference",
          "letter_sha256", "page", "score", "decided_by", "decided_at")

# A fixed time stamp for the XLSX parts, so that the same list gives the same bytes.
_ZIP_DATE = (2000, 1, 1, 0, 0, 0)
_FIXED = dt.datetime(2000, 1, 1)


def status_counts(conn: Connection) -> dict[str, int]:
    """How many entries of the list have each status."""
    rows = conn.execute(select(denylist.c.status, func.count()).group_by(denylist.c.status))
    return {str(status): int(n) for status, n in rows}


def denylist_entries(conn: Connection, *, status: str | None = None, text: str | None = None,
                     letter_id: int | None = None) -> list[dict[str, Any]]:
    """The entries, ordered by customer id; optionally filtered by status, a text in the
    customer or party name, or the letter."""
    query = (select(denylist.c.customer_id, denylist.c.customer_name, denylist.c.status,
                    parties.c.name.label("party_name"), letters.c.reference.label("letter_reference"),
                    letters.c.sha256.label("letter_sha256"), parties.c.page, decisions.c.score,
                    decisions.c.decided_by, decisions.c.decided_at, letters.c.id.label("letter_id"),
                    parties.c.id.label("party_id"))
             .select_from(denylist.join(decisions, denylist.c.decision_id == decisions.c.id)
                          .join(parties, decisions.c.party_id == parties.c.id)
                          .join(letters, parties.c.letter_id == letters.c.id))
             .order_by(denylist.c.customer_id))
    if status:
        query = query.where(denylist.c.status == status)
    if letter_id is not None:
        query = query.where(letters.c.id == letter_id)
    rows = [dict(r._mapping) for r in conn.execute(query)]
    if text:
        needle = text.casefold()
        rows = [r for r in rows if needle in r["customer_name"].casefold()
                or needle in r["party_name"].casefold() or needle in r["customer_id"].casefold()]
    return rows


def _public(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: r[k] for k in FIELDS} for r in rows]


# A cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice and
# Google Sheets: "=HYPERLINK(...)", "+cmd|...", "@SUM(...)" from a letter would run there.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would read as a formula, prefixed with ``'``."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def to_csv(rows: list[dict[str, Any]], *, safe: bool = False) -> bytes:
    """CSV with the exact values (for the ERP), or ``safe`` for people opening it in a
    spreadsheet."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in _public(rows):
        writer.writerow({k: spreadsheet_safe(v) for k, v in r.items()} if safe else r)
    return buf.getvalue().encode("utf-8")


def to_safe_csv(rows: list[dict[str, Any]]) -> bytes:
    """CSV for people: formula-like cells prefixed with ``'``."""
    return to_csv(rows, safe=True)


def to_json(rows: list[dict[str, Any]]) -> bytes:
    return (json.dumps(_public(rows), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def to_xlsx(rows: list[dict[str, Any]]) -> bytes:
    """An XLSX workbook; openpyxl stamps the current time into it, so the parts are rewritten
    with fixed dates to keep the bytes stable."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "denylist"
    ws.append(list(FIELDS))
    for r in _public(rows):
        ws.append([r[k] for k in FIELDS])
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
