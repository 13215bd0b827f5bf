"""The tables of the main job and the migration that creates them.

A letter is known by the SHA-256 of its bytes. Its parties keep their page, row and box. A
screening against the customer master leaves *candidates* (party x customer, with score and
features); every change of a pair's state is a *decision* row (auto or a reviewer, with the
reason and the audit entry that records it). The *denylist* holds one row per customer whose
latest decision for some party is ``active`` or ``pending_review``, and is rebuilt from the
decisions whenever they change, so it can always be checked against them. Each decision
carries the restriction in force (from the kind of the party's letter, or set by a reviewer).
A later letter is *linked* to the earlier one it amends, supersedes or removes parties from; a
party taken off the list has a *removal* row; every *export* of the list keeps what it held,
so that a later export can give the changes since it.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    inspect,
)

metadata = MetaData()

letters = Table(
    "letters", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("file_name", String(500), nullable=False),
    Column("stored_path", Text),
    Column("received_at", String(40), nullable=False),
    Column("reference", String(200)),
    Column("letter_date", String(10)),
    Column("notice_type", String(40), nullable=False),
    Column("recipient", Text),
    Column("issuing_office", Text),
    Column("pages", Integer, nullable=False),
    Column("ocr_pages", Text, nullable=False),  # JSON array of page numbers
    Column("page_sizes", Text, nullable=False),  # JSON array of [width, height] in points
    # JSON array of [quarter turn, deskew] per page, degrees CCW applied to a scan (0003)
    Column("page_rotations", Text, nullable=False, server_default="[]"),
    Column("warnings", Text, nullable=False),  # JSON array of strings
    Column("status", String(40), nullable=False),  # processed | needs_review
    Column("audit_hash", String(64), nullable=False),
    # 0005: why a reviewer must check the letter (JSON array); the letter's items (JSON)
    Column("review_reasons", Text, nullable=False, server_default="[]"),
    Column("items", Text, nullable=False, server_default="[]"),
    # 0006: earlier letters this one amends, supersedes or removes parties from (JSON), and
    # the cues that decided its kind (JSON array of strings)
    Column("relations", Text, nullable=False, server_default="[]"),
    Column("notice_evidence", Text, nullable=False, server_default="[]"),
)

parties = Table(
    "parties", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("letter_id", Integer, ForeignKey("letters.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", Text, nullable=False),  # JSON array
    Column("address", Text),
    Column("country", String(2)),
    Column("country_printed", Text),
    Column("page", Integer, nullable=False),
    Column("row", Integer, nullable=False),
    Column("bbox", Text, nullable=False),  # JSON [x0, top, x1, bottom] in PDF points
    Column("source", String(10), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("data_hash", String(64), nullable=False),
    # 0005: HS codes / ECCNs / part numbers printed against the party, and its other columns
    Column("items", Text, nullable=False, server_default="[]"),  # JSON array of Item
    Column("extra", Text, nullable=False, server_default="{}"),  # JSON {header: cell}
    UniqueConstraint("letter_id", "position"),
)

masters = Table(
    "masters", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False),
    Column("file_name", Text, nullable=False),
    Column("path", Text, nullable=False),
    Column("customers", Integer, nullable=False),
    Column("loaded_at", String(40), nullable=False),
)

candidates = Table(
    "candidates", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("party_id", Integer, ForeignKey("parties.id"), nullable=False),
    Column("customer_id", String(200), nullable=False),
    Column("customer_name", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("decision", String(10), nullable=False),  # what the matcher said: match | review
    Column("features", Text, nullable=False),  # JSON array of {name, score, detail}
    Column("master_id", Integer, ForeignKey("masters.id"), nullable=False),
    UniqueConstraint("party_id", "customer_id"),
)

decisions = Table(
    "decisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("party_id", Integer, ForeignKey("parties.id"), nullable=False),
    Column("customer_id", String(200), nullable=False),
    Column("customer_name", Text, nullable=False),
    Column("outcome", String(20), nullable=False),  # active | pending_review | rejected | withdrawn
    Column("decided_by", String(200), nullable=False),  # "auto" or the reviewer
    Column("decided_at", String(40), nullable=False),
    Column("reason", Text, nullable=False),
    Column("party_hash", String(64), nullable=False),
    Column("score", Float, nullable=False),
    Column("audit_hash", String(64), nullable=False),
    # 0006: the restriction in force with this decision and its legal basis (from the kind of
    # the party's letter), and who set the restriction by hand (NULL: it follows the kind)
    Column("restriction", String(20), nullable=False, server_default=""),
    Column("legal_basis", Text, nullable=False, server_default=""),
    Column("restriction_by", String(200)),
    Index("ix_decisions_pair", "party_id", "customer_id"),
)

denylist = Table(
    "denylist", metadata,
    Column("customer_id", String(200), primary_key=True),
    Column("customer_name", Text, nullable=False),
    Column("status", String(20), nullable=False),  # active | pending_review
    Column("decision_id", Integer, ForeignKey("decisions.id"), nullable=False),
)


# 0006: a later letter linked to an earlier one (same reference, or it says it amends,
# supersedes or removes parties from it), with the audit entry that recorded the link.
letter_links = Table(
    "letter_links", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("letter_id", Integer, ForeignKey("letters.id"), nullable=False),
    Column("earlier_id", Integer, ForeignKey("letters.id"), nullable=False),
    Column("relation", String(20), nullable=False),  # same_reference | amends | supersedes | removes
    Column("reference", String(200), nullable=False),
    Column("linked_at", String(40), nullable=False),
    Column("audit_hash", String(64), nullable=False),
    UniqueConstraint("letter_id", "earlier_id"),
)

# 0006: a party taken off the list, by a later letter or by a reviewer, with why.
removals = Table(
    "removals", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("party_id", Integer, ForeignKey("parties.id"), nullable=False, unique=True),
    Column("by_letter_id", Integer, ForeignKey("letters.id")),
    Column("decided_by", String(200), nullable=False),
    Column("decided_at", String(40), nullable=False),
    Column("reason", Text, nullable=False),
    Column("audit_hash", String(64), nullable=False),
)

# 0006: every export of the list, with the entries it held (for deltas since it).
exports = Table(
    "exports", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("export_id", String(40), nullable=False, unique=True),
    Column("at", String(40), nullable=False),
    Column("format", String(10), nullable=False),
    Column("kind", String(10), nullable=False),  # full | delta | filtered
    Column("since", String(40)),  # the export a delta starts from
    Column("entries", Integer, nullable=False),
    Column("snapshot", Text, nullable=False),  # JSON: the full list as exported
    Column("sha256", String(64), nullable=False),  # of the snapshot
    Column("audit_hash", String(64), nullable=False),
)


def create_main_job(conn: Connection) -> None:
    """Migration 0002: letters, parties, masters, candidates, decisions and the denylist; an
    audit entry may have only one successor (no forked chain)."""
    metadata.create_all(conn)
    conn.exec_driver_sql("CREATE UNIQUE INDEX IF NOT EXISTS ux_audit_prev ON audit_log (prev_hash)")


_COLUMNS_0005 = (("letters", "review_reasons", "'[]'"), ("letters", "items", "'[]'"),
                 ("parties", "items", "'[]'"), ("parties", "extra", "'{}'"))


def add_items_and_review(conn: Connection) -> None:
    """Migration 0005: a letter's review reasons and items, a party's items and extra columns.
    (A database created at 0002 by this version already has them.)"""
    for table, column, default in _COLUMNS_0005:
        if column not in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} TEXT NOT NULL "
                                 f"DEFAULT {default}")


_COLUMNS_0006 = (("letters", "relations", "TEXT NOT NULL DEFAULT '[]'"),
                 ("letters", "notice_evidence", "TEXT NOT NULL DEFAULT '[]'"),
                 ("decisions", "restriction", "VARCHAR(20) NOT NULL DEFAULT ''"),
                 ("decisions", "legal_basis", "TEXT NOT NULL DEFAULT ''"),
                 ("decisions", "restriction_by", "VARCHAR(200)"))


def add_restrictions_and_history(conn: Connection) -> None:
    """Migration 0006: restrictions on decisions, letter relations, and the tables of letter
    links, removals and exports. (A database created at 0002 by this version has them.)"""
    for table, column, kind in _COLUMNS_0006:
        if column not in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    metadata.create_all(conn, tables=[letter_links, removals, exports])


def add_page_rotations(conn: Connection) -> None:
    """Migration 0003: how each scanned page was turned before reading, so that the review
    page shows the page image the way the boxes were measured. (A database created at 0002
    by this version already has the column.)"""
    if "page_rotations" not in {c["name"] for c in inspect(conn).get_columns("letters")}:
        conn.exec_driver_sql("ALTER TABLE letters ADD COLUMN page_rotations TEXT NOT NULL "
                             "DEFAULT '[]'")
