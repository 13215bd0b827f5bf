"""``redletter run`` and ``redletter watch``: the main job over an inbox folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from redletter.cli.boundary import say_error
from redletter.cli.options import (
    AddressCol,
    CacheOption,
    CityCol,
    CountryCol,
    CustomersOption,
    DbOption,
    IdCol,
    InboxOption,
    NameCol,
)
from redletter.cli.output import file_progress
from redletter.errors import printable

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from redletter.ingest.batch import Report
    from redletter.match.master import Columns
    from redletter.screening.master import Master
    from redletter.settings import Settings


def print_report(report: Report, engine: Engine, master: Master) -> None:
    """The summary of a pass: letters, parties, the list and the review queue, failures."""
    from redletter.store.export import status_counts

    with engine.connect() as conn:
        counts = status_counts(conn)
    print(f"letters: {len(report.letters)} new ({len(report.needs_review)} need review), "
          f"{len(report.duplicates)} already recorded, {len(report.failed)} failed")
    for name, reasons in report.needs_review:
        print(f"  needs review: {printable(name)}: {printable('; '.join(reasons))}")
    print(f"parties of concern: {report.parties} new, screened against {master.path.name} "
          f"({len(master.index):,} customers)")
    if report.rescreened:
        print(f"new customer master: {report.rescreened} parties of concern screened again")
    print(f"denied-customer list: {counts.get('active', 0)} active, "
          f"{counts.get('pending_review', 0)} pending review "
          f"({report.decisions} decisions in this run)", flush=True)
    for exc in report.failed:
        say_error(f"{exc.message} (moved to failed/)")


def _run_once(inbox: Path, master: Master, engine: Engine, settings: Settings,
              files: list[Path] | None = None) -> Report:
    from redletter.ingest.batch import run_batch
    from redletter.ingest.folders import inbox_files

    total = len(files) if files is not None else len(inbox_files(inbox))
    with file_progress(total) as on_file:
        report = run_batch(inbox, master, engine, settings, files=files, on_file=on_file)
    print_report(report, engine, master)
    return report


def _prepare(inbox: Path, customers: Path, db: str | None, cache: bool, columns: Columns
             ) -> tuple[Settings, Engine, Master]:
    from redletter.cli.lists import open_db
    from redletter.errors import BadArgsError
    from redletter.match.cache import default_cache_dir
    from redletter.screening.master import load_master
    from redletter.settings import Settings

    settings = Settings.load(db=db)
    if not inbox.is_dir():
        raise BadArgsError(f"{inbox}: not a folder")
    master = load_master(customers, columns, default_cache_dir() if cache else None)
    engine = open_db(db, create=True)  # after the master: a bad one creates no database
    return settings, engine, master


def _columns(*names: str | None) -> Columns:
    from redletter.match.master import Columns

    return Columns(*names)


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
    columns = _columns(id_col, name_col, address_col, city_col, country_col)
    settings, engine, master = _prepare(inbox, customers, db, cache, columns)
    report = _run_once(inbox, master, engine, settings)
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
    import signal
    import threading
    from contextlib import suppress

    from redletter.errors import RedletterError
    from redletter.extract.source import sha256_of
    from redletter.ingest.watch import watch as watch_inbox
    from redletter.match.cache import default_cache_dir
    from redletter.screening.master import load_master

    columns = _columns(id_col, name_col, address_col, city_col, country_col)
    settings, engine, master = _prepare(inbox, customers, db, cache, columns)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    state = {"master": master}

    def one_batch(files: list[Path]) -> list[Path]:
        try:
            if sha256_of(customers) != state["master"].sha256:
                state["master"] = load_master(customers, columns,
                                              default_cache_dir() if cache else None)
            report = _run_once(inbox, state["master"], engine, settings, files)
            return [inbox / p.name for p in report.busy]
        except OSError as exc:
            say_error(f"{customers}: cannot read ({exc.strerror})")
        except RedletterError as exc:  # a bad master or a database hiccup: say so, keep going
            say_error(exc.message)
        return []

    print(f"watching {inbox} (Ctrl-C to stop)", flush=True)
    with suppress(KeyboardInterrupt):
        watch_inbox(inbox, one_batch, stop, settle=settle, master=customers)
