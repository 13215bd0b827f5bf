"""Work split over a forked copy gives what one process gives, and survives the copy's death."""

from __future__ import annotations

import os

import pytest

from redletter.match import twocores
from redletter.match.twocores import in_two


def _squares(start: int, stop: int) -> list[int]:
    return [i * i for i in range(start, stop)]


def test_both_parts_in_order() -> None:
    first, second = in_two(_squares, 11)
    assert first + second == _squares(0, 11)
    assert len(first) == 6 and len(second) == 5


def test_a_copy_that_dies_has_its_part_done_here() -> None:
    here = os.getpid()

    def dies_in_the_copy(start: int, stop: int) -> list[int]:
        if os.getpid() != here:
            os._exit(3)
        return _squares(start, stop)

    first, second = in_two(dies_in_the_copy, 9)
    assert first + second == _squares(0, 9)


def test_without_fork_both_parts_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(twocores, "can_fork", lambda: False)
    pids: set[int] = set()

    def where(start: int, stop: int) -> list[int]:
        pids.add(os.getpid())
        return _squares(start, stop)

    first, second = in_two(where, 4)
    assert first + second == [0, 1, 4, 9] and pids == {os.getpid()}
