"""The command line: a thin typer app over the library.

One module per group of commands; each imports what it uses only when it runs, so that
``redletter --version`` starts fast. Every command is wrapped by ``boundary.guarded``, the one
place where exceptions become exit codes and one-line messages. Every command's help ends with
an example. ``program`` holds the app and the table of commands; this module imports nothing,
so that ``run`` pauses the garbage collector before typer is imported (``start``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer


def __getattr__(name: str) -> typer.Typer:
    """``app``, the whole program (``from redletter.cli import app``), made when first asked for."""
    if name == "app":
        from redletter.cli.program import whole

        return whole()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run() -> None:
    """The ``redletter`` program: the app, with the parser's usage errors (an unknown option
    or command, a bad choice, a missing file argument) as one line too, like every other error.
    A file named on the command line that does not exist is an input error (exit 3)."""
    from redletter.cli.start import pause_gc

    pause_gc()  # until the command starts its work (boundary.guarded resumes it)
    from redletter.cli.program import run as run_program

    run_program()
