"""Consoles for the command line. Markup is off everywhere: a letter's text is shown as it is,
"ACME [/HK] LTD" or "[bold]x[/bold]" included."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from redletter.errors import printable

if TYPE_CHECKING:
    from rich.console import Console


@cache
def err() -> Console:
    """The stderr console (progress bars, warnings)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)


def out() -> Console:
    """A stdout console for tables (wide when the output goes to a file or a pipe, so that
    no cell is cut to an 80-column terminal's width)."""
    import sys

    from rich.console import Console

    return Console(highlight=False, markup=False, emoji=False,
                   width=None if sys.stdout.isatty() else 200)


def write_out(data: bytes, output: Path | None) -> None:
    """Bytes to ``output``, or to stdout when there is none."""
    import sys

    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        output.write_bytes(data)


@contextmanager
def page_progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar over OCR'd pages on a terminal; nothing when output is redirected."""
    if not enabled:
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True, console=err()) as bar:
        task = bar.add_task("OCR pages", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@contextmanager
def file_progress(total: int) -> Iterator[Callable[[Path], None] | None]:
    """A progress bar over the files of a batch, on a terminal only."""
    if not err().is_terminal or total == 0:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=err(), transient=True) as bar:
        task = bar.add_task("letters", total=total)
        yield lambda path: bar.update(task, advance=1, description=printable(path.name)[:40])
