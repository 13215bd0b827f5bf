"""The database, through SQLAlchemy Core: SQLite by default, any SQLAlchemy URL (PostgreSQL)
works too. Schema changes are named migrations, applied in order and recorded in
``schema_migrations``; every write runs in a transaction.

SQLite write transactions start with ``BEGIN IMMEDIATE``: a second writer (the review page
while ``redletter run`` records a letter) waits for the first instead of reading a stale audit
head, so the hash chain never forks.
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
    Insert,
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

from redletter.errors import DatabaseError
from redletter.store.tables import add_page_rotations, create_main_job

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


def _create_audit(conn: Connection) -> None:
    audit_log.create(conn, checkfirst=True)


MIGRATIONS: tuple[tuple[str, Callable[[Connection], None]], ...] = (
    ("0001_audit_log", _create_audit),
    ("0002_letters_parties_decisions_denylist", create_main_job),
    ("0003_letters_page_rotations", add_page_rotations),
)


def url_for(db: str | Path) -> str:
    """A SQLAlchemy URL: given as is when it has a scheme, else a SQLite file path."""
    text = str(db)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    dbapi_conn.isolation_level = None  # type: ignore[attr-defined]  # we issue BEGIN ourselves
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def connect(db: str | Path) -> Engine:
    """An engine with every migration applied."""
    url = url_for(db)
    try:
        engine = create_engine(url)
        if url.startswith("sqlite"):
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
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


def insert_id(conn: Connection, statement: Insert) -> int:
    """Run an INSERT of one row and return the row's new id."""
    key = conn.execute(statement).inserted_primary_key
    if key is None:
        raise DatabaseError("the database returned no id for a new row")
    return int(key[0])
