"""redletter: extract, screen and review the parties named in BIS letters."""

__version__ = "0.1.0"
