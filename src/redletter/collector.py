"""Pausing Python's cyclic garbage collector while long-lived objects are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while objects that hold no cycles and live long are
    made (a million row lists of a customer master, the modules a command imports): the
    collections it would run on the way cost more than the work. What was made meanwhile is
    frozen out of later full collections too."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
