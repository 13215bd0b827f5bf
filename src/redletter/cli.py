"""The command line: a thin typer app over the library, the only place that exits.

Every command's help ends with an example; errors are one line on stderr and an exit code
from ``errors.ExitCode``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import Progress as RichProgress

from redletter import __version__
from redletter.cli_jobs import AddressCol, CityCol, CountryCol, IdCol, NameCol, register
from redletter.errors import ExitCode, InputFileError, RedletterError
from redletter.extract.ocr_pages import Progress
from redletter.match.cache import default_cache_dir, master_index
from redletter.match.decide import match_parties
from redletter.match.master import Columns
from redletter.pipeline import extract_letter, extract_letters
from redletter.render import print_matches, print_tables, to_csv, to_json
from redletter.schema import Letter, Party
from redletter.settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Extract, screen and review the parties named in BIS letters.")
err = Console(stderr=True, highlight=False, soft_wrap=True)


class MatchFormat(StrEnum):
    table = "table"
    json = "json"


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"redletter {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Extract, screen and review the parties named in BIS letters."""


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Progress | None]:
    """A rich progress bar for OCR'd pages on a terminal; nothing when output is redirected."""
    if not enabled:
        yield None
        return
    with RichProgress(transient=True, console=err) as bar:
        task = bar.add_task("OCR pages", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Letter files: PDF, PNG, JPEG or TIFF.",
                                                show_default=False)],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    max_pages: Annotated[int | None, typer.Option(help="Refuse files with more pages.")] = None,
    max_file_mb: Annotated[float | None, typer.Option(help="Refuse larger files (MB).")] = None,
    ocr_timeout: Annotated[float | None, typer.Option(help="Seconds per Tesseract call.")] = None,
    ocr_workers: Annotated[int | None, typer.Option(help="OCR processes (0: one per core).")] = None,
) -> None:
    """Extract the parties, items and metadata of one or more letters.

    Scanned pages (and image files) are read with Tesseract, pages in parallel. Files that
    cannot be read are reported on stderr, one line each, and the others are still extracted;
    the exit status is that of the first failure.

    Example: redletter extract samples/letters/01_supplier_grid.pdf --format json
    """
    try:
        settings = Settings.load(max_pages=max_pages, max_file_mb=max_file_mb,
                                 ocr_timeout=ocr_timeout, ocr_workers=ocr_workers)
    except ValidationError as exc:
        err.print(f"redletter: error: bad setting: {exc.errors()[0]['msg']}", markup=False)
        raise typer.Exit(ExitCode.bad_args) from None
    status = ExitCode.ok
    letters: list[Letter] = []
    try:
        with progress_bar(err.is_terminal) as progress:
            outcomes = extract_letters(files, settings, progress)
    except KeyboardInterrupt:
        raise typer.Exit(ExitCode.ctrl_c) from None
    for outcome in outcomes:
        if isinstance(outcome, RedletterError):
            err.print(f"redletter: error: {outcome.message}", markup=False)
            status = status or outcome.exit_code
        else:
            letters.append(outcome)
    emit(letters, fmt, single=len(files) == 1)
    raise typer.Exit(int(status))


def _parties_of(path: Path, settings: Settings) -> list[Party]:
    """Parties from a letter file, or from the JSON that ``redletter extract`` writes."""
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text("utf-8"))
            letters = data if isinstance(data, list) else [data]
            return [Party.model_validate(p) for letter in letters for p in letter["parties"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputFileError(f"not the JSON of 'redletter extract' ({exc})", path=path) from exc
    return list(extract_letter(path, settings).parties)


@app.command()
def match(
    parties: Annotated[Path, typer.Argument(help="A letter (PDF or image) or the JSON of "
                                            "'redletter extract'.", show_default=False)],
    customers: Annotated[Path, typer.Option("--customers", help="Customer master, CSV or XLSX.",
                                            show_default=False)],
    fmt: Annotated[MatchFormat, typer.Option("--format", "-f", help="Output format.")] = (
        MatchFormat.table),
    id_col: IdCol = None,
    name_col: NameCol = None,
    address_col: AddressCol = None,
    city_col: CityCol = None,
    country_col: CountryCol = None,
    cache: Annotated[bool, typer.Option(help="Keep the master's index in the cache folder "
                                        "($REDLETTER_CACHE_DIR, else ~/.cache/redletter).")] = True,
) -> None:
    """Match a letter's parties against the customer master: match, review or nothing.

    Columns are detected by their header (customer_id, name, address, city, country and common
    variants) unless given. Only candidates decided "match" or "review" are listed, each with
    its score and the features behind it.

    Example: redletter match samples/letters/01_supplier_grid.pdf --customers samples/customers.csv
    """
    settings = Settings.load()
    try:
        found = _parties_of(parties, settings)
        cols = Columns(id_col, name_col, address_col, city_col, country_col)
        index = master_index(customers, cols, default_cache_dir() if cache else None)
    except RedletterError as exc:
        err.print(f"redletter: error: {exc.message}", markup=False)
        raise typer.Exit(exc.exit_code) from None
    results = match_parties(found, index, settings)
    if fmt is MatchFormat.json:
        payload = {"results": [r.model_dump(mode="json") for r in results]}
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        print_matches(results, Console(highlight=False))


def emit(letters: list[Letter], fmt: Format, *, single: bool) -> None:
    """Write the letters to stdout in the chosen format."""
    if fmt is Format.json:
        if letters or not single:
            sys.stdout.write(to_json(letters, single=single) + "\n")
    elif fmt is Format.csv:
        sys.stdout.write(to_csv(letters))
    else:
        print_tables(letters, Console(highlight=False))


register(app)
