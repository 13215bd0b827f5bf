"""Options shared by several commands (typer ``Annotated`` aliases)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[str | None, typer.Option(
    "--db", help="Database: a SQLite file or a SQLAlchemy URL ($REDLETTER_DB, default "
    "./redletter.db).", show_default=False)]
InboxOption = Annotated[Path, typer.Option(
    "--inbox", help="The folder letters are dropped into.", show_default=False,
    file_okay=False, dir_okay=True)]
CustomersOption = Annotated[Path, typer.Option(
    "--customers", help="Customer master, CSV or XLSX.", show_default=False)]
IdCol = Annotated[str | None, typer.Option(help="Column with the customer id.")]
NameCol = Annotated[str | None, typer.Option(help="Column with the customer name.")]
AddressCol = Annotated[str | None, typer.Option(help="Column with the street address.")]
CityCol = Annotated[str | None, typer.Option(help="Column with the city.")]
CountryCol = Annotated[str | None, typer.Option(help="Column with the country.")]
CacheOption = Annotated[bool, typer.Option(
    help="Keep the master's index in the cache folder ($REDLETTER_CACHE_DIR, else "
    "~/.cache/redletter).")]
