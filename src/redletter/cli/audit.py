"""``redletter audit verify`` and ``redletter audit export``: is the trail intact, and a copy
of it for safekeeping."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from redletter.cli.lists import open_db
from redletter.cli.options import DbOption


def audit_verify(
    db: DbOption = None,
    against: Annotated[Path | None, typer.Option(
        "--against", help="A file written by 'redletter audit export': the trail must still "
        "hold its head.", show_default=False, exists=True, dir_okay=False)] = None,
) -> None:
    """Check the audit trail: no entry edited, deleted, inserted or reordered (the hash
    chain), the chain ending where the audit head says (so deleting the newest entries or
    wiping the tables is caught), the head signed by $REDLETTER_AUDIT_KEY when it is set, every
    letter and decision backed by its audit entry, the denylist equal to what the decisions
    make it, and every audited table (letters, parties, masters, candidates, decisions,
    denylist) adding up to the digest the head recorded.

    Exits 0 when all holds, 7 naming the first problem when not.

    Example: redletter audit verify --db redletter.db --against trail-2026-11.json
    """
    import json

    from redletter.errors import DatabaseError, InputFileError
    from redletter.store.audit import count, extends
    from redletter.store.integrity import check

    engine = open_db(db)
    broken = check(engine)
    if broken is None and against is not None:
        try:
            kept = json.loads(against.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise InputFileError(f"not an audit export ({exc})", path=against) from exc
        broken = extends(engine, kept)
    if broken is not None:
        raise DatabaseError(str(broken))
    signed = ("head signature checked" if _key_set()
              else "head signature not checked: REDLETTER_AUDIT_KEY is not set")
    print(f"audit log intact: {count(engine)} entries ({signed})")


def _key_set() -> bool:
    from redletter.settings import Settings

    return Settings.load().audit_key is not None


def audit_export(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file "
                                                "instead of stdout.", show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """Write the audit trail (every entry, in chain order) and its head as JSON, to keep
    outside the database: 'redletter audit verify --against FILE' later checks that nothing
    written before the export was rewritten, truncated or wiped.

    Example: redletter audit export --db redletter.db -o trail-2026-11.json
    """
    import json

    from redletter.cli.output import write_out
    from redletter.store.audit import export_trail

    trail = export_trail(open_db(db))
    write_out((json.dumps(trail, indent=1, ensure_ascii=False) + "\n").encode(), output)
