"""Exports of the denied-customer list, each with an id recorded in the audit log and the
entries it held, and deltas for ERPs that take changes: what was added, changed or removed
since an earlier export (by its id) or since a date (the last export made before it).

Applying the deltas in order to the first export gives the last full export (``apply_delta``):
each delta is taken against the export before it, and is itself an export that the next delta
can start from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine

from redletter.errors import BadArgsError
from redletter.store.db import transaction
from redletter.store.export import EXPORTERS, FIELDS, denylist_entries, public
from redletter.store.history import ExportRow, export_before, export_by_id, record_export

CHANGES = ("added", "changed", "removed")
_EXPORT_ID = re.compile(r"^EXP-\d{6,}$")


@dataclass(frozen=True)
class Exported:
    """An export: its id and its bytes."""

    export_id: str
    data: bytes
    entries: int


def export_list(engine: Engine, fmt: str, *, filters: dict[str, Any] | None = None,
                writer: Callable[[list[dict[str, Any]]], bytes] | None = None) -> Exported:
    """The list (or a filtered part of it) in a format, recorded as an export with its entries."""
    filters = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
    with transaction(engine) as conn:
        rows = denylist_entries(conn, **filters)
        kind = "filtered" if set(filters) - {"sort"} else "full"
        export_id = record_export(conn, fmt=fmt, kind=kind, since=None, entries=public(rows),
                                  detail={"filters": filters} if filters else {})
    return Exported(export_id, (writer or EXPORTERS[fmt])(rows), len(rows))


def base_of(conn: Connection, since: str) -> ExportRow | None:
    """The export a delta starts from: by its id, or the last one made before a date (a
    ``YYYY-MM-DD`` date means its start, in UTC); ``None`` when there was none before the date."""
    if _EXPORT_ID.match(since):
        found = export_by_id(conn, since)
        if found is None:
            raise BadArgsError(f"--since {since}: no such export in this database")
        if found.kind == "filtered":
            raise BadArgsError(f"--since {since}: that export was filtered, not the whole list")
        return found
    try:
        moment = dt.datetime.fromisoformat(since)
    except ValueError:
        raise BadArgsError(f"--since {since!r}: give an export id (EXP-000012) or a date "
                           "(2026-11-01, or 2026-11-01T12:00:00+00:00)") from None
    return export_before(conn, moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC))


def delta(before: list[dict[str, Any]], now: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The entries added, changed (as they are now) and removed (as they were) between two
    exports, each ordered by customer id."""
    old = {e["customer_id"]: e for e in before}
    new = {e["customer_id"]: e for e in now}
    return {"added": [new[c] for c in sorted(new.keys() - old.keys())],
            "changed": [new[c] for c in sorted(new.keys() & old.keys()) if new[c] != old[c]],
            "removed": [old[c] for c in sorted(old.keys() - new.keys())]}


def apply_delta(entries: list[dict[str, Any]], change: dict[str, Any]) -> list[dict[str, Any]]:
    """An export's entries with a delta applied, ordered by customer id (what an ERP that
    takes deltas does)."""
    out = {e["customer_id"]: e for e in entries}
    for e in change["removed"]:
        out.pop(e["customer_id"], None)
    for e in [*change["added"], *change["changed"]]:
        out[e["customer_id"]] = e
    return [out[c] for c in sorted(out)]


def export_delta(engine: Engine, since: str) -> dict[str, Any]:
    """The changes since an earlier export or a date, recorded as an export (whose entries are
    the whole list now, so that the next delta can start from it)."""
    with transaction(engine) as conn:
        base = base_of(conn, since)
        now = public(denylist_entries(conn))
        change = delta(base.entries if base else [], now)
        export_id = record_export(conn, fmt="json", kind="delta",
                                  since=base.export_id if base else None, entries=now,
                                  detail={k: len(v) for k, v in change.items()})
    return {"export_id": export_id, "since": base.export_id if base else None,
            "since_at": base.at if base else None, **change}


def delta_rows(change: dict[str, Any]) -> list[dict[str, Any]]:
    """A delta as rows for CSV or XLSX: each entry with its change first."""
    return [{"change": kind, **e} for kind in CHANGES for e in change[kind]]


DELTA_FIELDS = ("change", *FIELDS)
