"""The command line: a thin typer app over the library.

One module per group of commands; each imports what it uses only when it runs, so that
``redletter --version`` starts fast. Every command is wrapped by ``boundary.guarded``, the one
place where exceptions become exit codes and one-line messages. Every command's help ends with
an example.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer

from redletter import __version__
from redletter.cli import audit, evidence, extract, inbox, lists, serve
from redletter.cli.boundary import guarded

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Extract, screen and review the parties named in BIS letters.")


def _version(value: bool) -> None:
    if value:
        print(f"redletter {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Extract, screen and review the parties named in BIS letters."""


def _add(group: typer.Typer, fn: Callable[..., Any], name: str | None = None) -> None:
    group.command(name)(guarded(fn))


def _group(name: str, help_text: str) -> typer.Typer:
    group = typer.Typer(help=help_text, no_args_is_help=True)
    app.add_typer(group, name=name)
    return group


_add(app, extract.extract)
_add(app, extract.match)
_add(app, inbox.run)
_add(app, inbox.watch)
_add(app, lists.letters)
_add(app, serve.serve)
_add(app, evidence.evidence)
_add(_group("denylist", "The denied-customer list."), lists.denylist_export, "export")
_audit = _group("audit", "The audit log of the denied-customer list.")
_add(_audit, audit.audit_verify, "verify")
_add(_audit, audit.audit_export, "export")


def run() -> None:
    """The ``redletter`` program: the app, with the parser's usage errors (an unknown option
    or command, a bad choice, a missing file argument) as one line too, like every other error.
    A file named on the command line that does not exist is an input error (exit 3)."""
    import gc
    import importlib
    import sys

    from redletter.cli.boundary import pause_gc, say_error
    from redletter.errors import ExitCode

    pause_gc()  # until the command starts (boundary.guarded resumes it)
    # typer's own copy of click: its exceptions live beside BadParameter (typer >= 0.25)
    errors = importlib.import_module(typer.BadParameter.__module__)
    try:
        code = typer.main.get_command(app).main(prog_name="redletter", standalone_mode=False)
    except errors.NoArgsIsHelpError as exc:
        print(exc.ctx.get_help() if exc.ctx else str(exc))
        code = int(ExitCode.ok)
    except errors.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "redletter"
        say_error(f"{exc.format_message()} (see '{command} --help')")
        missing = isinstance(exc, typer.BadParameter) and "does not exist" in exc.format_message()
        code = int(ExitCode.input_file if missing else ExitCode.bad_args)
    except typer.Abort:
        say_error("interrupted")
        code = int(ExitCode.ctrl_c)
    finally:
        # The process ends: the interpreter's collections at exit need not walk every object
        # made (modules, a letter's pages); what is alive then is freed with the process.
        gc.freeze()
    sys.exit(code if isinstance(code, int) else 0)
