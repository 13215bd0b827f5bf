"""The database, through SQLAlchemy Core: SQLite by default, any SQLAlchemy URL (PostgreSQL)
works too. Schema changes are named migrations, applied in order and recorded in
``schema_migrations`` under a lock (two processes starting together do not race); every write
runs in a transaction.

Writes are serialised so that the hash chain never forks: on SQLite a write transaction starts
with ``BEGIN IMMEDIATE``, on PostgreSQL it locks the audit head row first. Reads take no write
lock (SQLite: a deferred transaction in WAL mode), so the review page never waits for a run.

Only ``redletter run`` and ``watch`` create a database (``create=True``); every other command
refuses one that is not there, rather than reading an empty new one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

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
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from redletter.errors import DatabaseError
from redletter.store.tables import (
    add_items_and_review,
    add_page_rotations,
    add_restrictions_and_history,
    create_main_job,
)

metadata = MetaData()
T = TypeVar("T")

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


# The head of the audit chain (one row, id 1): how many entries, the last hash, the digest of
# every audited table's rows, and an HMAC of the three when ``REDLETTER_AUDIT_KEY`` is set.
audit_head = Table(
    "audit_head", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("entries", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("state", Text, nullable=False),  # JSON: table -> digest of its rows
    Column("signature", String(64)),
    Column("updated_at", String(40), nullable=False),
)


def _create_audit(conn: Connection) -> None:
    audit_log.create(conn, checkfirst=True)


def _create_head(conn: Connection) -> None:
    """Migration 0004: the audit head, computed from the trail and the tables as they are."""
    from redletter.store.head import create_head

    audit_head.create(conn, checkfirst=True)
    create_head(conn)


def _add_items_and_review(conn: Connection) -> None:
    """Migration 0005: items, extra columns and review reasons; the head's digests follow."""
    from redletter.store.head import rebase

    add_items_and_review(conn)
    rebase(conn)


def _add_restrictions_and_history(conn: Connection) -> None:
    """Migration 0006: restrictions on decisions, letter relations, letter links, removals and
    exports; the head's digests follow."""
    from redletter.store.head import rebase

    add_restrictions_and_history(conn)
    rebase(conn)


def _restrictions_of_earlier_decisions(conn: Connection) -> None:
    """Migration 0006b, a data migration: decisions recorded before 0006 get the restriction
    and legal basis of their letter's kind under the policy shipped with this version (the one
    place the store reads the screening policy), the list is rebuilt with them, and the change
    is an audit entry of its own."""
    from redletter.screening.policy import kind_rule
    from redletter.store.decisions import backfill_restrictions
    from redletter.store.head import rebase

    backfill_restrictions(conn, lambda kind: (kind_rule(kind).restriction.value,
                                              kind_rule(kind).legal_basis))
    rebase(conn)


MIGRATIONS: tuple[tuple[str, Callable[[Connection], None]], ...] = (
    ("0001_audit_log", _create_audit),
    ("0002_letters_parties_decisions_denylist", create_main_job),
    ("0003_letters_page_rotations", add_page_rotations),
    ("0004_audit_head", _create_head),
    ("0005_items_extra_review_reasons", _add_items_and_review),
    ("0006_restrictions_history_exports", _add_restrictions_and_history),
    ("0006b_restrictions_of_earlier_decisions", _restrictions_of_earlier_decisions),
)
_MIGRATION_LOCK = 5052  # PostgreSQL advisory lock key: one process migrates at a time
_WRITE = "redletter_write"


def url_for(db: str | Path) -> str:
    """A SQLAlchemy URL: given as is when it has a scheme, else a SQLite file path."""
    text = str(db)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser().resolve()}"


def shown(db: str | Path) -> str:
    """The database as it may be printed: a URL's password masked."""
    text = str(db)
    if "://" not in text:
        return text
    try:
        return make_url(text).render_as_string(hide_password=True)
    except ArgumentError:
        return text.split("://", 1)[0] + "://…"


def sqlite_path(db: str | Path) -> Path | None:
    """The file of a SQLite database, or ``None`` for a server URL (or an in-memory one)."""
    url = make_url(url_for(db))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    dbapi_conn.isolation_level = None  # type: ignore[attr-defined]  # we issue BEGIN ourselves
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    """Writes take the write lock at once (no stale audit head); reads stay deferred."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.pop(_WRITE, False) else "BEGIN")


def exists(db: str | Path) -> bool:
    """Whether a SQLite database file is there (a server URL: assumed so)."""
    path = sqlite_path(db)
    return path is None or path.exists()


def _missing(db: str | Path) -> DatabaseError | None:
    path = sqlite_path(db)
    if path is not None and not path.exists():
        return DatabaseError(f"no database at {path}; check --db or $REDLETTER_DB ('redletter run' "
                             "or 'redletter watch' creates one)")
    return None


def connect(db: str | Path, *, create: bool = False, audit_key: str | None = None) -> Engine:
    """An engine with every migration applied. A database that does not exist is refused
    unless ``create``; ``audit_key`` signs the audit head of every write."""
    if not create and (missing := _missing(db)) is not None:
        raise missing
    url = url_for(db)
    try:
        engine = create_engine(url)
        if url.startswith("sqlite"):
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        if not create and not is_redletter(engine):
            raise DatabaseError(f"{shown(db)} is not a redletter database (no schema_migrations "
                                "table); check --db or $REDLETTER_DB")
        migrate(engine)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot open the database {shown(db)} ({exc.__class__.__name__}: "
                            f"{printable_first_line(exc)})") from exc
    return engine.execution_options(redletter_audit_key=audit_key)


def printable_first_line(exc: BaseException) -> str:
    """The first line of a database error, with any URL's password masked."""
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return re.sub(r"(://[^:/@\s]*:)[^@\s]*@", r"\1***@", first)


def is_redletter(engine: Engine) -> bool:
    """Whether the database was made by redletter (its migrations table exists)."""
    from sqlalchemy import inspect

    with engine.connect() as conn:
        return bool(inspect(conn).has_table("schema_migrations"))


def audit_key_of(conn: Connection) -> str | None:
    """The HMAC key this connection's engine signs the audit head with."""
    key = conn.get_execution_options().get("redletter_audit_key")
    return str(key) if key else None


def _pending(engine: Engine) -> bool:
    """Whether a migration is missing (read without taking the write lock)."""
    from sqlalchemy import inspect

    with engine.connect() as conn:
        if not inspect(conn).has_table("schema_migrations"):
            return True
        done = {row[0] for row in conn.execute(select(schema_migrations.c.name))}
    return any(name not in done for name, _ in MIGRATIONS)


def migrate(engine: Engine) -> list[str]:
    """Apply the migrations not yet recorded, one process at a time; return their names. An
    up-to-date database is only read, so that opening it never waits for a writer."""
    applied: list[str] = []
    if not _pending(engine):
        return applied
    with engine.connect() as conn:
        conn.info[_WRITE] = True
        with conn.begin():
            _migrate(conn, applied)
    return applied


def _migrate(conn: Connection, applied: list[str]) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
    schema_migrations.create(conn, checkfirst=True)
    done = {row[0] for row in conn.execute(select(schema_migrations.c.name))}
    for name, step in MIGRATIONS:
        if name not in done:
            step(conn)
            conn.execute(insert(schema_migrations).values(
                name=name, applied_at=dt.datetime.now(dt.UTC)))
            applied.append(name)


@contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction, serialised with every other writer; the audit head is sealed
    before it commits. A database failure becomes a ``DatabaseError``."""
    from redletter.store.head import lock_head, seal

    try:
        with engine.connect() as conn:
            conn.info[_WRITE] = True
            with conn.begin():
                lock_head(conn)
                yield conn
                seal(conn)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"database write failed ({exc.__class__.__name__}: "
                            f"{printable_first_line(exc)})") from exc


def insert_id(conn: Connection, statement: Insert) -> int:
    """Run an INSERT of one row and return the row's new id."""
    key = conn.execute(statement).inserted_primary_key
    if key is None:
        raise DatabaseError("the database returned no id for a new row")
    return int(key[0])


CHUNK = 500  # ids per IN (...) list: well under SQLite's limit of bound parameters


def chunks(ids: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """``ids`` in slices of at most ``size``, for queries with an IN list."""
    for start in range(0, len(ids), size):
        yield ids[start:start + size]
