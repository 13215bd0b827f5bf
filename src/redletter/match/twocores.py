"""Work split in two: the first part in this process, the second in a forked copy of it.

A copy made by ``fork`` shares this process's memory (a master of a million rows is not sent
to it), so only its result travels back, pickled. Where there is no ``fork``, one core, or
other threads (the review page, ``watch``: a fork beside threads may deadlock), or when the
copy fails, both parts are done here, one after the other.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether a second process may take half of the work."""
    return ("fork" in mp.get_all_start_methods() and (os.cpu_count() or 1) >= 2
            and threading.active_count() == 1)


def in_two(work: Callable[[int, int], T], n: int, *, second_share: float = 0.5) -> tuple[T, T]:
    """``work(0, cut)`` here and ``work(cut, n)`` in a forked copy (``second_share`` of ``n``),
    both results in order; both here when a copy cannot be made or fails."""
    cut = n - int(n * second_share)
    if not can_fork():
        return work(0, cut), work(cut, n)
    context = mp.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    copy = context.Process(target=_send, args=(send, work, cut, n), daemon=True)
    copy.start()
    send.close()
    try:
        first = work(0, cut)
        second: T = receive.recv()
    except (EOFError, OSError):  # the copy died before sending: its part here
        second = work(cut, n)
    finally:
        receive.close()
        copy.join()
    return first, second


def _send(send: Connection, work: Callable[[int, int], T], start: int, stop: int) -> None:
    """In the copy: the part's result, pickled into the pipe."""
    try:
        send.send(work(start, stop))
    finally:
        send.close()
