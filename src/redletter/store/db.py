"""The database, through SQLAlchemy Core: SQLite by default, any SQLAlchemy URL (PostgreSQL)
works too. Schema changes are named migrations, applied in order and recorded in
``schema_migrations``; every write runs in a transaction.

Only the audit log lives here so far (issue #5 adds letters, parties, decisions and the
denied-customer list as further migrations).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    insert,
    select,
)
from sqlalchemy.exc import SQLAlchemyError

from redletter.errors import ExitCode, RedletterError

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("name", String(200), primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False, unique=True),
)


class DatabaseError(RedletterError):
    """The database cannot be opened, migrated or written."""

    exit_code = ExitCode.database_error


def _create_audit(conn: Connection) -> None:
    audit_log.create(conn, checkfirst=True)


MIGRATIONS: tuple[tuple[str, Callable[[Connection], None]], ...] = (
    ("0001_audit_log", _create_audit),
)


def url_for(db: str | Path) -> str:
    """A SQLAlchemy URL: given as is when it has a scheme, else a SQLite file path."""
    text = str(db)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def connect(db: str | Path) -> Engine:
    """An engine with every migration applied."""
    url = url_for(db)
    try:
        engine = create_engine(url)
        if url.startswith("sqlite"):
            event.listen(engine, "connect", _sqlite_pragmas)
        migrate(engine)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot open the database {db} ({exc.__class__.__name__}: "
                            f"{str(exc).splitlines()[0]})") from exc
    return engine


def migrate(engine: Engine) -> list[str]:
    """Apply the migrations not yet recorded; return their names."""
    applied: list[str] = []
    with engine.begin() as conn:
        schema_migrations.create(conn, checkfirst=True)
        done = {row[0] for row in conn.execute(select(schema_migrations.c.name))}
        for name, step in MIGRATIONS:
            if name not in done:
                step(conn)
                conn.execute(insert(schema_migrations).values(
                    name=name, applied_at=dt.datetime.now(dt.UTC)))
                applied.append(name)
    return applied


@contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction; a database failure becomes a ``DatabaseError``."""
    try:
        with engine.begin() as conn:
            yield conn
    except SQLAlchemyError as exc:
        raise DatabaseError(f"database write failed ({exc.__class__.__name__})") from exc
