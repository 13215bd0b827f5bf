"""``python -m redletter``: the command line."""

from redletter.cli import run

run()
