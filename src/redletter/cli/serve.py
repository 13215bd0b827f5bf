"""``redletter serve``: the review page."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from redletter.cli.lists import open_db
from redletter.cli.options import DbOption

MIN_TOKEN = 16
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind; keep 127.0.0.1 unless the machine "
                                      "is trusted.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option(
        envvar="REDLETTER_TOKEN", help=f"Access token, {MIN_TOKEN} characters or more "
        "(default: a new random one, printed).", show_default=False)] = None,
    reviewer: Annotated[str | None, typer.Option(help="Reviewer name filled into the forms.",
                                                 show_default=False)] = None,
    workers: Annotated[int, typer.Option(help="Server processes.", min=1, max=64)] = 1,
) -> None:
    """Start the review page: letters, their pages with the extracted rows highlighted, the
    editable party tables, the candidates to approve or reject, and the denied-customer list.

    Binding beyond localhost (--host 0.0.0.0) prints a warning: the page is then reachable by
    anyone who can reach the machine and has the token.

    Example: redletter serve --db redletter.db --port 8000 --workers 2
    """
    import os
    import secrets

    import uvicorn

    from redletter.errors import BadArgsError
    from redletter.settings import Settings
    from redletter.web.app import SERVE_ENV, create_app

    if token is not None and len(token) < MIN_TOKEN:
        raise BadArgsError(f"the token is {len(token)} characters; use {MIN_TOKEN} or more "
                           "(--token or $REDLETTER_TOKEN), or none for a random one")
    settings = Settings.load(db=db)
    engine = open_db(db)
    secret = token or secrets.token_urlsafe(24)
    if host not in LOCAL_HOSTS:
        sys.stderr.write(f"redletter: warning: serving on {host}, beyond this machine: anyone "
                         "who can reach it and has the token sees the list; prefer 127.0.0.1 "
                         "behind an HTTPS proxy\n")
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    print(f"review page: http://{shown}:{port}/?token={secret}")
    print(f"token: {secret}")
    sys.stdout.flush()
    if workers == 1:
        app = create_app(engine, token=secret, settings=settings, reviewer=reviewer)
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    engine.dispose()
    os.environ.update(zip(SERVE_ENV, (settings.db, secret, reviewer or ""), strict=True))
    uvicorn.run("redletter.web.app:app_from_env", factory=True, host=host, port=port,
                workers=workers, log_level="warning")
