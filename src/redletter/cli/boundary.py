"""The one error boundary of the command line, in the style of OCRmyPDF's ``run`` wrapper.

Every command is wrapped by ``guarded``: the library raises, and only here do exceptions become
an exit code and one line on stderr. A library error keeps its own code; a database error from
SQLAlchemy is ``database_error``; Ctrl-C is 130; anything else is a bug, reported in one line
(the traceback only with ``REDLETTER_DEBUG=1``).
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from typing import NoReturn, ParamSpec, TypeVar

import typer

from redletter.cli.start import resume_gc
from redletter.errors import ExitCode, RedletterError, printable

P = ParamSpec("P")
R = TypeVar("R")


def say_error(message: str) -> None:
    """One line on stderr, whatever bytes the message holds."""
    sys.stderr.write(f"redletter: error: {printable(message)}\n")
    sys.stderr.flush()


def fail(message: str, code: ExitCode) -> NoReturn:
    """Print one error line and exit with ``code``."""
    say_error(message)
    raise typer.Exit(int(code))


def _is_instance(exc: BaseException, module: str, name: str) -> bool:
    """``isinstance`` against a class of a module only if that module was imported (so the
    boundary itself imports neither SQLAlchemy nor pydantic)."""
    mod = sys.modules.get(module)
    cls = getattr(mod, name, None) if mod is not None else None
    return isinstance(cls, type) and isinstance(exc, cls)


def _unexpected(exc: BaseException) -> NoReturn:
    if _is_instance(exc, "sqlalchemy.exc", "SQLAlchemyError"):
        first = str(exc).splitlines()[0] if str(exc) else ""
        fail(f"database error ({type(exc).__name__}: {first})", ExitCode.database_error)
    if _is_instance(exc, "pydantic", "ValidationError"):
        fail(f"invalid input ({str(exc).splitlines()[0]})", ExitCode.bad_args)
    if os.environ.get("REDLETTER_DEBUG"):
        traceback.print_exception(exc)
    fail(f"internal error ({type(exc).__name__}: {exc}); please report it "
         "(REDLETTER_DEBUG=1 shows the traceback)", ExitCode.other_error)


def guarded(fn: Callable[P, R]) -> Callable[P, R]:
    """Run a command; turn what it raises into an exit code and one line."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        resume_gc()
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            fail("interrupted", ExitCode.ctrl_c)
        except BrokenPipeError:
            sys.stderr.close()  # the reader went away (| head): nothing more to say
            raise typer.Exit(int(ExitCode.ok)) from None
        except RedletterError as exc:
            fail(exc.message, exc.exit_code)
        except Exception as exc:
            _unexpected(exc)

    return wrapper
