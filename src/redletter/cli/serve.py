"""``redletter serve``: the review page."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from redletter.cli.lists import open_db
from redletter.cli.options import DbOption


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind; keep 127.0.0.1 unless the machine "
                                      "is trusted.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(
        envvar="REDLETTER_TOKEN", help="Access token (default: a new random one, printed).",
        show_default=False)] = None,
    reviewer: Annotated[str | None, typer.Option(help="Reviewer name filled into the forms.",
                                                 show_default=False)] = None,
) -> None:
    """Start the review page: letters, their pages with the extracted rows highlighted, the
    editable party tables, the candidates to approve or reject, and the denied-customer list.

    Example: redletter serve --db redletter.db --port 8000
    """
    import secrets

    import uvicorn

    from redletter.settings import Settings
    from redletter.web.app import create_app

    settings = Settings.load(db=db)
    engine = open_db(db)
    secret = token or secrets.token_urlsafe(24)
    app = create_app(engine, token=secret, settings=settings, reviewer=reviewer)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    print(f"review page: http://{shown}:{port}/?token={secret}")
    print(f"token: {secret}")
    sys.stdout.flush()
    uvicorn.run(app, host=host, port=port, log_level="warning")
