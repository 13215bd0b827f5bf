"""``python -m redletter``: the command line."""

from redletter.cli import app

app(prog_name="redletter")
