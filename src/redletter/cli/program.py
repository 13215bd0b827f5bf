"""The program: the root app, the table of commands and groups, and ``main`` of the
``redletter`` program (``redletter.cli.run``).

``redletter NAME ...`` imports and builds the parser of that one command (or group) only: typer
reads the signature of every command it is given, about 10 ms for all of them. ``whole()`` is
the whole program (``redletter --help``, an unknown command, the tests' ``app``).
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Annotated

import typer

from redletter import __version__
from redletter.cli.boundary import guarded

# name: (module of redletter.cli, function), in the order of ``redletter --help``
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("extract", "extract"),
    "match": ("extract", "match"),
    "run": ("inbox", "run"),
    "watch": ("inbox", "watch"),
    "letters": ("lists", "letters"),
    "serve": ("serve", "serve"),
    "evidence": ("evidence", "evidence"),
}
# name: (help, {subcommand: (module, function)})
GROUPS: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {
    "denylist": ("The denied-customer list.", {"export": ("lists", "denylist_export")}),
    "audit": ("The audit log of the denied-customer list.",
              {"verify": ("audit", "audit_verify"), "export": ("audit", "audit_export")}),
}


def _version(value: bool) -> None:
    if value:
        print(f"redletter {__version__}")
        raise typer.Exit()


def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Extract, screen and review the parties named in BIS letters."""


def _add(group: typer.Typer, name: str, where: tuple[str, str]) -> None:
    module, function = where
    fn = getattr(importlib.import_module(f"redletter.cli.{module}"), function)
    group.command(name)(guarded(fn))


def make_app(only: str | None = None) -> typer.Typer:
    """The program's app; with ``only`` (a command or group name), that one command or group
    under the same root (its help, errors and exit codes are those of the whole app)."""
    root = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                       help="Extract, screen and review the parties named in BIS letters.")
    root.callback()(main)
    for name, where in COMMANDS.items():
        if only in (None, name):
            _add(root, name, where)
    for name, (help_text, subcommands) in GROUPS.items():
        if only in (None, name):
            group = typer.Typer(help=help_text, no_args_is_help=True)
            root.add_typer(group, name=name)
            for sub, where in subcommands.items():
                _add(group, sub, where)
    return root


@cache
def whole() -> typer.Typer:
    """The app of every command and group."""
    return make_app()


def run() -> None:
    """The app, with the parser's usage errors (an unknown option
    or command, a bad choice, a missing file argument) as one line too, like every other error.
    A file named on the command line that does not exist is an input error (exit 3)."""
    import gc
    import sys

    from redletter.cli.boundary import say_error
    from redletter.errors import ExitCode

    # typer's own copy of click: its exceptions live beside BadParameter (typer >= 0.25)
    errors = importlib.import_module(typer.BadParameter.__module__)
    try:
        first = sys.argv[1] if len(sys.argv) > 1 else None
        only = first if first in COMMANDS or first in GROUPS else None
        program = whole() if only is None else make_app(only)
        code = typer.main.get_command(program).main(prog_name="redletter", standalone_mode=False)
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
