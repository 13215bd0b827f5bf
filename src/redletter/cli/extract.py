"""``redletter extract`` and ``redletter match``: read letters, match their parties."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from redletter.cli.boundary import say_error
from redletter.cli.options import AddressCol, CacheOption, CityCol, CountryCol, IdCol, NameCol
from redletter.cli.output import out, page_progress
from redletter.collector import no_gc

if TYPE_CHECKING:
    from redletter.schema import Letter


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class MatchFormat(StrEnum):
    table = "table"
    json = "json"


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
    with no_gc():
        from redletter.errors import ExitCode, RedletterError
        from redletter.pipeline import extract_letters
        from redletter.settings import Settings

    settings = Settings.load(max_pages=max_pages, max_file_mb=max_file_mb,
                             ocr_timeout=ocr_timeout, ocr_workers=ocr_workers)
    status = ExitCode.ok
    letters: list[Letter] = []
    with page_progress(sys.stderr.isatty()) as progress:
        outcomes = extract_letters(files, settings, progress)
    for outcome in outcomes:
        if isinstance(outcome, RedletterError):
            say_error(outcome.message)
            status = status or outcome.exit_code
        else:
            letters.append(outcome)
    emit(letters, fmt, single=len(files) == 1)
    raise typer.Exit(int(status))


def emit(letters: list[Letter], fmt: Format, *, single: bool) -> None:
    """Write the letters to stdout in the chosen format."""
    from redletter.render import print_tables, to_csv, to_json

    if fmt is Format.json:
        if letters or not single:
            sys.stdout.write(to_json(letters, single=single) + "\n")
    elif fmt is Format.csv:
        sys.stdout.write(to_csv(letters))
    else:
        print_tables(letters, out())


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
    cache: CacheOption = True,
) -> None:
    """Match a letter's parties against the customer master: match, review or nothing.

    Columns are detected by their header (customer_id, name, address, city, country and common
    variants) unless given. Only candidates decided "match" or "review" are listed, each with
    its score and the features behind it.

    Example: redletter match samples/letters/01_supplier_grid.pdf --customers samples/customers.csv
    """
    import json

    from redletter.ingest.party_lists import read_parties
    from redletter.match.cache import default_cache_dir, master_index
    from redletter.match.decide import match_parties
    from redletter.match.master import Columns
    from redletter.render import print_matches
    from redletter.settings import Settings

    settings = Settings.load()
    found = read_parties(parties, settings)
    cols = Columns(id_col, name_col, address_col, city_col, country_col)
    index = master_index(customers, cols, default_cache_dir() if cache else None)
    results = match_parties(found, index, settings)
    if fmt is MatchFormat.json:
        payload = {"results": [r.model_dump(mode="json") for r in results]}
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        print_matches(results, out())
