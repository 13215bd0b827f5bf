"""The main job's commands: run, watch, letters, denylist export, serve, audit verify.

Registered on the app of ``cli.py``; like it, the only place where errors become exit codes.
"""

from __future__ import annotations

import json
import secrets
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import Progress as RichProgress
from rich.table import Table
from sqlalchemy import Engine, func, select

from redletter.errors import ExitCode, RedletterError
from redletter.extract.source import sha256_of
from redletter.ingest.batch import Master, Report, load_master, run_batch
from redletter.ingest.folders import inbox_files
from redletter.ingest.watch import watch as watch_inbox
from redletter.match.cache import default_cache_dir
from redletter.match.master import Columns
from redletter.settings import Settings
from redletter.store.audit import count
from redletter.store.db import connect
from redletter.store.export import EXPORTERS, denylist_entries
from redletter.store.integrity import check
from redletter.store.letters import letter_summaries
from redletter.store.tables import denylist

err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[str | None, typer.Option(
    "--db", help="Database: a SQLite file or a SQLAlchemy URL ($REDLETTER_DB, default "
    "./redletter.db).", show_default=False)]
InboxOption = Annotated[Path, typer.Option(
    "--inbox", help="The folder letters are dropped into.", show_default=False,
    file_okay=False, dir_okay=True)]
CustomersOption = Annotated[Path, typer.Option(
    "--customers", help="Customer master, CSV or XLSX.", show_default=False)]
IdCol = Annotated[str | None, typer.Option(help="Column with the customer id.")]
NameCol = Annotated[str | None, typer.Option(help="Column with the customer name.")]
AddressCol = Annotated[str | None, typer.Option(help="Column with the street address.")]
CityCol = Annotated[str | None, typer.Option(help="Column with the city.")]
CountryCol = Annotated[str | None, typer.Option(help="Column with the country.")]
CacheOption = Annotated[bool, typer.Option(
    help="Keep the master's index in the cache folder.")]


def fail(exc: RedletterError) -> typer.Exit:
    """Print a library error as one line and return the exit to raise."""
    err.print(f"redletter: error: {exc.message}", markup=False)
    return typer.Exit(exc.exit_code)


def _settings(db: str | None) -> Settings:
    try:
        return Settings.load(db=db)
    except ValidationError as exc:
        err.print(f"redletter: error: bad setting: {exc.errors()[0]['msg']}", markup=False)
        raise typer.Exit(ExitCode.bad_args) from None


def _engine(settings: Settings) -> Engine:
    try:
        return connect(settings.db)
    except RedletterError as exc:
        raise fail(exc) from None


@contextmanager
def file_progress(total: int) -> Iterator[Callable[[Path], None] | None]:
    """A rich progress bar over the files of a batch, on a terminal only."""
    if not err.is_terminal or total == 0:
        yield None
        return
    with RichProgress(console=err, transient=True) as bar:
        task = bar.add_task("letters", total=total)
        yield lambda path: bar.update(task, advance=1, description=path.name[:40])


def _list_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(select(denylist.c.status, func.count()).group_by(denylist.c.status))
        return {str(status): int(n) for status, n in rows}


def print_report(report: Report, engine: Engine, master: Master) -> None:
    """The summary of a pass: letters, parties, the list and the review queue, failures."""
    counts = _list_counts(engine)
    out = Console(highlight=False, soft_wrap=True)
    out.print(f"letters: {len(report.letters)} new, {len(report.duplicates)} already recorded, "
              f"{len(report.failed)} failed", markup=False)
    out.print(f"parties of concern: {report.parties} new, screened against {master.path.name} "
              f"({len(master.index):,} customers)", markup=False)
    if report.rescreened:
        out.print(f"new customer master: {report.rescreened} parties of concern screened again",
                  markup=False)
    out.print(f"denied-customer list: {counts.get('active', 0)} active, "
              f"{counts.get('pending_review', 0)} pending review "
              f"({report.decisions} decisions in this run)", markup=False)
    for exc in report.failed:
        err.print(f"redletter: error: {exc.message} (moved to failed/)", markup=False)


def _run_once(inbox: Path, master: Master, engine: Engine, settings: Settings,
              files: list[Path] | None = None) -> Report:
    total = len(files) if files is not None else len(inbox_files(inbox))
    with file_progress(total) as on_file:
        report = run_batch(inbox, master, engine, settings, files=files, on_file=on_file)
    print_report(report, engine, master)
    return report


def _prepare(inbox: Path, customers: Path, db: str | None, cache: bool, columns: Columns
             ) -> tuple[Settings, Engine, Master]:
    settings = _settings(db)
    if not inbox.is_dir():
        err.print(f"redletter: error: {inbox}: not a folder", markup=False)
        raise typer.Exit(ExitCode.bad_args)
    engine = _engine(settings)
    try:
        master = load_master(customers, columns, default_cache_dir() if cache else None)
    except RedletterError as exc:
        raise fail(exc) from None
    return settings, engine, master


def run(inbox: InboxOption, customers: CustomersOption, db: DbOption = None,
        cache: CacheOption = True, id_col: IdCol = None, name_col: NameCol = None,
        address_col: AddressCol = None, city_col: CityCol = None,
        country_col: CountryCol = None) -> None:
    """One pass over the inbox: extract each new letter, record it and its parties, screen
    them against the customer master and update the denied-customer list.

    A letter is recorded once by the SHA-256 of its bytes, whatever its file name. Read files
    move to DIR/processed/, bad ones to DIR/failed/ with a .error.txt saying why; the exit
    status is that of the first failure. A new customer master re-screens every party of
    concern. Rerunning after a crash finishes the work without duplicates. Master columns are
    detected by their header unless given, as for 'redletter match'.

    Example: redletter run --inbox inbox/ --customers samples/customers.csv --db redletter.db
    """
    columns = Columns(id_col, name_col, address_col, city_col, country_col)
    settings, engine, master = _prepare(inbox, customers, db, cache, columns)
    try:
        report = _run_once(inbox, master, engine, settings)
    except KeyboardInterrupt:
        raise typer.Exit(ExitCode.ctrl_c) from None
    except RedletterError as exc:
        raise fail(exc) from None
    raise typer.Exit(int(report.failed[0].exit_code) if report.failed else 0)


def watch(inbox: InboxOption, customers: CustomersOption, db: DbOption = None,
          cache: CacheOption = True,
          settle: Annotated[float, typer.Option(
              help="Seconds a file's size must stay the same before it is read.", min=0.1)] = 2.0,
          id_col: IdCol = None, name_col: NameCol = None, address_col: AddressCol = None,
          city_col: CityCol = None, country_col: CountryCol = None) -> None:
    """Run continuously: each letter dropped into the inbox is processed once its size has
    stayed stable (a file still being copied is never read half-way). Stop with Ctrl-C.

    When the customer master file changes (and has stayed the same for --settle seconds), every
    party of concern is screened against the new one.

    Example: redletter watch --inbox inbox/ --customers samples/customers.csv
    """
    columns = Columns(id_col, name_col, address_col, city_col, country_col)
    settings, engine, master = _prepare(inbox, customers, db, cache, columns)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    state = {"master": master}

    def one_batch(files: list[Path]) -> None:
        try:
            if sha256_of(customers) != state["master"].sha256:
                state["master"] = load_master(customers, columns,
                                              default_cache_dir() if cache else None)
            _run_once(inbox, state["master"], engine, settings, files)
        except OSError as exc:
            err.print(f"redletter: error: {customers}: cannot read ({exc.strerror})", markup=False)
        except RedletterError as exc:  # a bad master or a database hiccup: say so, keep going
            err.print(f"redletter: error: {exc.message}", markup=False)

    err.print(f"watching {inbox} (Ctrl-C to stop)", markup=False)
    with suppress(KeyboardInterrupt):
        watch_inbox(inbox, one_batch, stop, settle=settle, master=customers)


class LettersFormat(StrEnum):
    table = "table"
    json = "json"


def letters(fmt: Annotated[LettersFormat, typer.Option("--format", "-f", help="Output format.")] = (
        LettersFormat.table), db: DbOption = None) -> None:
    """The processed letters, one entry per distinct letter, with their parties and how many
    of their matches are on the list or waiting for review.

    Example: redletter letters --format json --db redletter.db
    """
    engine = _engine(_settings(db))
    with engine.connect() as conn:
        rows = letter_summaries(conn)
    if fmt is LettersFormat.json:
        sys.stdout.write(json.dumps([r.as_dict() for r in rows], indent=2, ensure_ascii=False) + "\n")
        return
    table = Table("id", "file", "reference", "date", "notice type", "parties", "on list",
                  "review", "sha256")
    for r in rows:
        table.add_row(str(r.id), r.file_name, r.reference or "", r.letter_date or "", r.notice_type,
                      str(r.parties), str(r.on_list), str(r.pending_review), r.sha256[:12])
    Console(highlight=False).print(table)


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
) -> None:
    """Export the denied-customer list for the ERP: one entry per customer on the list or in
    review (customer_id, customer_name, status, party_name, letter_reference, letter_sha256,
    page, score, decided_by, decided_at), ordered by customer id. An unchanged list exports
    byte-identically.

    Example: redletter denylist export --format xlsx -o denylist.xlsx --db redletter.db
    """
    engine = _engine(_settings(db))
    with engine.connect() as conn:
        data = EXPORTERS[fmt.value](denylist_entries(conn))
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        output.write_bytes(data)


def audit_verify(db: DbOption = None) -> None:
    """Check the audit trail: no entry edited, deleted or reordered (the hash chain), every
    letter and decision backed by its audit entry, and the denylist equal to what the
    decisions make it.

    Exits 0 when all holds, 7 naming the first problem when not.

    Example: redletter audit verify --db redletter.db
    """
    engine = _engine(_settings(db))
    try:
        broken = check(engine)
        entries = count(engine)
    except RedletterError as exc:
        raise fail(exc) from None
    if broken is not None:
        err.print(f"redletter: error: {broken}", markup=False)
        raise typer.Exit(ExitCode.database_error)
    typer.echo(f"audit log intact: {entries} entries")


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind; keep 127.0.0.1 unless the machine "
                                      "is trusted.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(
        envvar="REDLETTER_TOKEN", help="Access token (default: a new random one, printed).",
        show_default=False)] = None,
    reviewer: Annotated[str | None, typer.Option(help="Reviewer name filled into the forms.",
                                                 show_default=False)] = None,
) -> None:
    """Start the review page: letters, their pages with the extracted rows highlighted, the
    editable party tables, the candidates to approve or reject, and the denied-customer list.

    Example: redletter serve --db redletter.db --port 8000
    """
    import uvicorn

    from redletter.web.app import create_app

    settings = _settings(db)
    engine = _engine(settings)
    secret = token or secrets.token_urlsafe(24)
    app = create_app(engine, token=secret, settings=settings, reviewer=reviewer)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    typer.echo(f"review page: http://{shown}:{port}/?token={secret}")
    typer.echo(f"token: {secret}")
    sys.stdout.flush()
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add the main job's commands to the CLI."""
    app.command()(run)
    app.command()(watch)
    app.command()(letters)
    app.command()(serve)
    denylist_app = typer.Typer(help="The denied-customer list.", no_args_is_help=True)
    denylist_app.command("export")(denylist_export)
    app.add_typer(denylist_app, name="denylist")
    audit_app = typer.Typer(help="The audit log of the denied-customer list.", no_args_is_help=True)
    audit_app.command("verify")(audit_verify)
    app.add_typer(audit_app, name="audit")
