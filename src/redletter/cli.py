"""The command line: a thin typer app over the library, the only place that exits.

Every command's help ends with an example; errors are one line on stderr and an exit code
from ``errors.ExitCode``.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from redletter import __version__
from redletter.errors import ExitCode, RedletterError
from redletter.pipeline import extract_letter
from redletter.render import print_tables, to_csv, to_json
from redletter.schema import Letter
from redletter.settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Extract, screen and review the parties named in BIS letters.")
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def fail_line(exc: BaseException, path: Path) -> tuple[str, ExitCode]:
    """The one line shown for a failed file, and its exit code."""
    if isinstance(exc, RedletterError):
        return exc.message, exc.exit_code
    return (f"{path}: internal error ({type(exc).__name__}: {exc}); please report it with this file",
            ExitCode.other_error)


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


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Letter files (PDF).", show_default=False)],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    max_pages: Annotated[int | None, typer.Option(help="Refuse PDFs with more pages.")] = None,
    max_file_mb: Annotated[float | None, typer.Option(help="Refuse larger files (MB).")] = None,
) -> None:
    """Extract the parties, items and metadata of one or more letters.

    Files that cannot be read are reported on stderr, one line each, and the others are still
    extracted; the exit status is that of the first failure.

    Example: redletter extract samples/letters/01_supplier_grid.pdf --format json
    """
    settings = Settings.load(max_pages=max_pages, max_file_mb=max_file_mb)
    letters: list[Letter] = []
    status = ExitCode.ok
    for path in files:
        try:
            letters.append(extract_letter(path, settings))
        except KeyboardInterrupt:
            raise typer.Exit(ExitCode.ctrl_c) from None
        except Exception as exc:  # one bad file never stops the batch
            line, code = fail_line(exc, path)
            err.print(f"redletter: error: {line}", markup=False)
            status = status or code
    emit(letters, fmt, single=len(files) == 1)
    raise typer.Exit(int(status))


def emit(letters: list[Letter], fmt: Format, *, single: bool) -> None:
    """Write the letters to stdout in the chosen format."""
    if fmt is Format.json:
        if letters or not single:
            sys.stdout.write(to_json(letters, single=single) + "\n")
    elif fmt is Format.csv:
        sys.stdout.write(to_csv(letters))
    else:
        print_tables(letters, Console(highlight=False))
