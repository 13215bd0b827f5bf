"""``redletter evidence``: the evidence page of a customer, for auditors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from redletter.cli.lists import open_db
from redletter.cli.options import DbOption


def evidence(
    customer: Annotated[str, typer.Option("--customer", help="The customer id (as in the "
                                          "master and the export).", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write (.html, or "
                                         ".pdf with --pdf).", show_default=False)],
    pdf: Annotated[bool, typer.Option("--pdf", help="Print the page to PDF with headless "
                                      "Chromium instead of writing HTML.")] = False,
    db: DbOption = None,
) -> None:
    """Write the evidence behind a customer's entries as one self-contained HTML page (images
    inlined, CSS inline): for each letter that named it, the crop of the page with the party's
    box drawn, the letter's reference, date, kind and file hash, the party as extracted, each
    feature of the match with its score and explanation, every decision with who, when, why and
    the restriction, and the audit hashes. --pdf prints the same page with headless Chromium.

    Example: redletter evidence --db redletter.db --customer C00051 -o evidence-C00051.html
    """
    from redletter.errors import BadArgsError
    from redletter.evidence.page import evidence_html

    try:
        page = evidence_html(open_db(db), customer)
    except LookupError as exc:
        raise BadArgsError(str(exc.args[0])) from None
    if pdf:
        from redletter.evidence.chromium import print_to_pdf

        print_to_pdf(page, output)
    else:
        output.write_text(page, "utf-8")
    sys.stderr.write(f"redletter: wrote the evidence of customer {customer} to {output}\n")
