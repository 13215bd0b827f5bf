"""Start-up of the command line and the cyclic garbage collector.

What start-up makes (typer, the program's modules, classes, compiled patterns, pydantic models)
lives as long as the process and holds no garbage, yet every collection on the way walks what
is young, and the collections at exit walk everything: together a tenth of a small
``redletter extract``. So the collector pauses from ``run`` until the command starts
(``boundary.guarded`` resumes it), and again while a command imports its library
(``collector.no_gc``); what was made is frozen out of later collections, as for a customer
master. The command's work runs with the collector on, so that a long batch, ``watch`` or
``serve`` frees its garbage as before.
"""

from __future__ import annotations

import gc

_paused = False


def pause_gc() -> None:
    """Start-up begins (``redletter.cli.run``): no collections until ``resume_gc``."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_gc() -> None:
    """The command starts: freeze what start-up made and collect again (if ``pause_gc`` paused
    the collector; nothing otherwise, as under the tests' CliRunner)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
