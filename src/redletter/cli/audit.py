"""``redletter audit verify``: is the trail intact?"""

from __future__ import annotations

from redletter.cli.lists import open_db
from redletter.cli.options import DbOption


def audit_verify(db: DbOption = None) -> None:
    """Check the audit trail: no entry edited, deleted or reordered (the hash chain), every
    letter and decision backed by its audit entry, and the denylist equal to what the
    decisions make it.

    Exits 0 when all holds, 7 naming the first problem when not.

    Example: redletter audit verify --db redletter.db
    """
    from redletter.errors import DatabaseError
    from redletter.store.audit import count
    from redletter.store.integrity import check

    engine = open_db(db)
    broken = check(engine)
    if broken is not None:
        raise DatabaseError(str(broken))
    print(f"audit log intact: {count(engine)} entries")
