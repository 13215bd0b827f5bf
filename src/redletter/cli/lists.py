"""``redletter letters`` and ``redletter denylist export``: what the database holds."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from redletter.cli.options import DbOption
from redletter.cli.output import out, write_out

if TYPE_CHECKING:
    from sqlalchemy import Engine


def open_db(db: str | None, *, create: bool = False) -> Engine:
    """The database named by ``--db`` / ``$REDLETTER_DB``, migrated; one that does not exist
    is refused (exit 7) unless ``create``, and then its creation is announced on stderr."""
    from redletter.settings import Settings
    from redletter.store.db import connect, exists, shown

    settings = Settings.load(db=db)
    new = create and not exists(settings.db)
    engine = connect(settings.db, create=create, audit_key=settings.audit_key)
    if new:
        sys.stderr.write(f"redletter: created a new database at {shown(settings.db)}\n")
    return engine


class LettersFormat(StrEnum):
    table = "table"
    json = "json"


def letters(fmt: Annotated[LettersFormat, typer.Option("--format", "-f", help="Output format.")] = (
        LettersFormat.table), db: DbOption = None) -> None:
    """The processed letters, one entry per distinct letter, with their parties and how many
    of their matches are on the list or waiting for review.

    Example: redletter letters --format json --db redletter.db
    """
    import json

    from rich.table import Table

    from redletter.store.letters import letter_summaries

    with open_db(db).connect() as conn:
        rows = letter_summaries(conn)
    if fmt is LettersFormat.json:
        sys.stdout.write(json.dumps([r.as_dict() for r in rows], indent=2, ensure_ascii=False) + "\n")
        return
    table = Table("id", "file", "status", "reference", "date", "notice type", "parties",
                  "on list", "review", "sha256")
    for r in rows:
        table.add_row(str(r.id), r.file_name, r.status, r.reference or "", r.letter_date or "",
                      r.notice_type, str(r.parties), str(r.on_list), str(r.pending_review),
                      r.sha256[:12])
    out().print(table)


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


class SortOrder(StrEnum):
    customer = "customer"
    tier = "tier"
    restriction = "restriction"


def denylist_export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ExportFormat.csv),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file "
                                                "instead of stdout.")] = None,
    db: DbOption = None,
    spreadsheet_safe: Annotated[bool | None, typer.Option(
        "--spreadsheet-safe/--exact", help="CSV: prefix cells that a spreadsheet would run as "
        "a formula (=, +, -, @, tab, CR) with ', for people; or keep exact values, for the "
        "ERP. Default: safe when -o names a .csv file, exact otherwise.",
        show_default=False)] = None,
    since: Annotated[str | None, typer.Option(
        "--since", help="Only the changes (added, changed, removed) since an earlier export "
        "(its id, EXP-000012) or a date (2026-11-01: since the last export before it).",
        show_default=False)] = None,
    tier: Annotated[str | None, typer.Option(
        "--tier", help="Only entries whose highest CHPL tier is this one or higher (1, 2, 3.A, "
        "3.B, 4.A, 4.B).", show_default=False)] = None,
    sort: Annotated[SortOrder, typer.Option("--sort", help="Order of the entries.")] = (
        SortOrder.customer),
) -> None:
    """Export the denied-customer list for the ERP: one entry per customer on the list or in
    review, with its restriction (license_required, deny, hold, watch), the kind of letter,
    the legal basis, the letter's reference and date, the party, the HS codes, ECCNs and part
    numbers it was named with, its highest CHPL tier, the score and who decided, and every
    letter that names the customer. Ordered by customer id; an unchanged list exports
    byte-identically. Every export gets an id (printed on stderr) recorded in the audit log.

    With --since, the changes since an earlier export (or date) instead: a JSON object with
    "added", "changed" and "removed" entries (CSV and XLSX: one row per entry, with its change
    first); applying the deltas in order to the first export gives the last full one.

    A CSV written to a .csv file is meant for people and is spreadsheet-safe by default: a
    name from a letter such as =HYPERLINK(...) is written as '=HYPERLINK(...). On stdout (the
    ERP's pipe), or with --exact, values are exact.

    Example: redletter denylist export --format json --since EXP-000012 --db redletter.db
    """
    from redletter.errors import BadArgsError
    from redletter.screening.exports import export_list

    if since is not None and (tier or sort is not SortOrder.customer):
        raise BadArgsError("--since gives the changes to the whole list: leave out --tier and --sort")
    if tier is not None:
        tier = _tier(tier)
    safe = spreadsheet_safe if spreadsheet_safe is not None else (
        output is not None and output.suffix.lower() == ".csv")
    engine = open_db(db)
    if since is not None:
        export_id, data = _delta(engine, since, fmt, safe)
    else:
        done = export_list(engine, fmt.value, filters={"tier": tier, "sort": sort.value},
                           writer=_writer(fmt, safe))
        export_id, data = done.export_id, done.data
    write_out(data, output)
    sys.stderr.write(f"redletter: export {export_id}\n")


def _tier(value: str) -> str:
    """A CHPL tier as the user typed it ("3a", "3.A", " 2 "), or a ``BadArgsError``."""
    from redletter.errors import BadArgsError
    from redletter.nlp.items import CHPL_TIERS

    typed = value.strip().upper()
    spelled = f"{typed[0]}.{typed[1:]}" if len(typed) == 2 and typed[1:].isalpha() else typed
    if spelled not in CHPL_TIERS:
        raise BadArgsError(f"--tier {value!r} is not a CHPL tier: use one of {', '.join(CHPL_TIERS)}")
    return spelled


def _writer(fmt: ExportFormat, safe: bool, fields: tuple[str, ...] | None = None
            ) -> Callable[[list[dict[str, Any]]], bytes]:
    """The function that writes entries in a format (CSV: safe or exact)."""
    from redletter.store.export import FIELDS, to_csv, to_json, to_xlsx

    cols = fields or FIELDS
    if fmt is ExportFormat.csv:
        return lambda rows: to_csv(rows, safe=safe, fields=cols)
    if fmt is ExportFormat.xlsx:
        return lambda rows: to_xlsx(rows, cols)
    return to_json


def _delta(engine: Engine, since: str, fmt: ExportFormat, safe: bool) -> tuple[str, bytes]:
    """The changes since an earlier export, as JSON (an object) or as rows with their change."""
    import json

    from redletter.screening.exports import DELTA_FIELDS, delta_rows, export_delta

    change = export_delta(engine, since)
    if fmt is ExportFormat.json:
        return change["export_id"], (json.dumps(change, indent=2, ensure_ascii=False) + "\n").encode()
    return change["export_id"], _writer(fmt, safe, DELTA_FIELDS)(delta_rows(change))
