"""A throwaway PostgreSQL server for the tests: initdb and pg_ctl in a temporary folder, on a
free port of 127.0.0.1, stopped at the end. The binaries are found on PATH or under
``/usr/lib/postgresql/*/bin`` (where Debian puts them); as root, the server runs as an
unprivileged user (``postgres`` when the package made one, else ``nobody``), because initdb
refuses root. Missing binaries fail the tests: ``make install`` installs them."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def pg_bin(name: str) -> str:
    """A PostgreSQL program, from PATH or Debian's versioned folder (newest first)."""
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.access(Path(folder) / name, os.X_OK):
            return str(Path(folder) / name)
    raise RuntimeError(f"PostgreSQL's {name} is missing: run 'make install' (apt-get install postgresql)")


def _server_user() -> str | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("running as root, and neither a postgres nor a nobody user exists for initdb")


def _as(user: str | None, cmd: list[str]) -> list[str]:
    return ["runuser", "-u", user, "--", *cmd] if user else cmd


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a server; yield the SQLAlchemy URL of its ``postgres`` database."""
    initdb, pg_ctl, user = pg_bin("initdb"), pg_bin("pg_ctl"), _server_user()
    home = Path(tempfile.mkdtemp(prefix="redletter-pg-"))
    if user:
        shutil.chown(home, user)
    data, port = home / "data", free_port()
    subprocess.run(_as(user, [initdb, "-D", str(data), "-A", "trust", "-U", "redletter",
                              "--no-sync"]), check=True, capture_output=True)
    subprocess.run(_as(user, [pg_ctl, "-D", str(data), "-w", "-l", str(home / "log"), "-o",
                              f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off "
                              "-c max_connections=60", "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://redletter@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as(user, [pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


def fresh_database(server_url: str, name: str) -> str:
    """A new, empty database on the server; its URL."""
    from sqlalchemy import create_engine, text

    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server_url.rsplit("/", 1)[0] + f"/{name}"
