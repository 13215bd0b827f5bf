"""Render extracted letters for the terminal (rich tables), as JSON or as CSV.

The consoles given here have markup off: a letter's text is shown exactly as printed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from redletter.schema import Letter, PartyMatches

if TYPE_CHECKING:
    from rich.console import Console

CSV_FIELDS = ("file", "sha256", "row", "name", "aliases", "address", "country", "page", "source",
              "confidence", "hs_codes")


def to_json(letters: Sequence[Letter], *, single: bool) -> str:
    """One object for a single file, else an array."""
    dumped = [x.model_dump(mode="json") for x in letters]
    payload: Any = dumped[0] if single and dumped else dumped
    return json.dumps(payload, indent=2, ensure_ascii=False)


def to_csv(letters: Sequence[Letter]) -> str:
    """One row per party, with the letter's file and hash."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for letter in letters:
        for p in letter.parties:
            writer.writerow([letter.source.path, letter.source.sha256, p.row, p.name,
                             "; ".join(p.aliases), p.address or "", p.country or "", p.page,
                             p.source, f"{p.confidence:.2f}", "; ".join(p.hs_codes)])
    return buf.getvalue()


def print_tables(letters: Sequence[Letter], console: Console) -> None:
    """A rich table of parties per letter, with its metadata in the title."""
    from rich.table import Table
    from rich.text import Text

    for letter in letters:
        title = (f"{letter.source.path} | {letter.notice_type.value} | "
                 f"{letter.letter_date or 'no date'} | ref {letter.reference or '-'} | "
                 f"{len(letter.parties)} parties")
        table = Table(title=title, title_justify="left", show_lines=False)
        for col in ("#", "Name", "Aliases", "Address", "Ctry", "Pg", "Src"):
            table.add_column(col, overflow="fold")
        for p in letter.parties:
            table.add_row(str(p.row), p.name, "; ".join(p.aliases), p.address or "",
                          p.country or "?", str(p.page), p.source)
        console.print(table)
        for w in letter.warnings:
            console.print(Text.assemble("  ", ("warning:", "yellow"), f" {w}"))


def print_matches(results: Sequence[PartyMatches], console: Console) -> None:
    """A table of the parties that have candidates, with the features behind each decision."""
    from rich.table import Table

    table = Table(title="Matches against the customer master", title_justify="left")
    for col in ("#", "Party", "Customer", "Decision", "Score", "Evidence"):
        table.add_column(col, overflow="fold")
    for r in results:
        for c in r.candidates:
            evidence = "; ".join(f.detail for f in c.features)
            table.add_row(str(r.party_index), r.party.name, f"{c.customer_id} {c.name}",
                          c.decision, f"{c.score:.2f}", evidence)
    console.print(table)
    hits = sum(1 for r in results if r.candidates)
    console.print(f"{len(results)} parties, {hits} with candidates")
