"""``redletter letters`` and ``redletter denylist export``: what the database holds."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
) -> None:
    """Export the denied-customer list for the ERP: one entry per customer on the list or in
    review (customer_id, customer_name, status, party_name, letter_reference, letter_sha256,
    page, score, decided_by, decided_at), ordered by customer id. An unchanged list exports
    byte-identically.

    A CSV written to a .csv file is meant for people and is spreadsheet-safe by default: a
    name from a letter such as =HYPERLINK(...) is written as '=HYPERLINK(...). On stdout (the
    ERP's pipe), or with --exact, values are exact.

    Example: redletter denylist export --format xlsx -o denylist.xlsx --db redletter.db
    """
    from redletter.store.export import EXPORTERS, denylist_entries, to_csv

    safe = spreadsheet_safe if spreadsheet_safe is not None else (
        output is not None and output.suffix.lower() == ".csv")
    with open_db(db).connect() as conn:
        rows = denylist_entries(conn)
    write_out(to_csv(rows, safe=safe) if fmt is ExportFormat.csv else EXPORTERS[fmt.value](rows),
              output)
