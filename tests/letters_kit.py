"""Helpers for the tests of kinds, restrictions, history and exports: a letter drawn with
reportlab (letterhead, subject, body, a party table), a customer master planted with the
parties of sample letters, and the commands run in-process."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import letter as LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from typer.testing import CliRunner

from redletter.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "letters"
runner = CliRunner()

# One sample letter of each kind; two of its parties are named by another kind's letter too
# (STERLING SHIPPING: is-informed 03 and red flag 22; TSEZAR GROUP: Guardian 05, supplier 24).
MIXED = ("03_isinformed_plain", "22_location_plain_annex", "05_guardian_annex",
         "24_grid_twoline_header")


def truth(stem: str) -> dict[str, Any]:
    return json.loads((SAMPLES / f"{stem}.truth.json").read_text("utf-8"))  # type: ignore[no-any-return]


def draw_letter(path: Path, *, reference: str, subject: str, body: list[str],
                parties: list[tuple[str, str, str]], date: str = "June 2, 2026") -> Path:
    """A born-digital letter: letterhead, date, reference, recipient, subject, body and a ruled
    party table (Entity Name | Address | Country)."""
    styles = getSampleStyleSheet()
    head = ["U.S. Department of Commerce", "Bureau of Industry and Security",
            "Office of Export Enforcement", date, f"Ref: {reference}", "Acme Instruments Inc.",
            "12 Harbor Way, Boston, MA 02110", f"Subject: {subject}", "Dear Compliance Officer:"]
    story: list[Any] = [Paragraph(t, styles["Normal"]) for t in head]
    story += [Spacer(1, 6), *[Paragraph(t, styles["Normal"]) for t in body], Spacer(1, 8)]
    if parties:
        cell = styles["BodyText"].clone("cell", fontSize=8, leading=10)
        rows = [[Paragraph(v, cell) for v in p] for p in parties]
        table = Table([["Entity Name", "Address", "Country"], *rows], colWidths=[190, 230, 90])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
    story += [Spacer(1, 8), Paragraph("Sincerely,", styles["Normal"]),
              Paragraph("Director, Office of Export Enforcement", styles["Normal"])]
    SimpleDocTemplate(str(path), pagesize=LETTER).build(story)
    return path


def planted_master(path: Path, stems: tuple[str, ...] = MIXED, per_letter: int = 3,
                   also: tuple[str, ...] = ("STERLING SHIPPING INCORPORATED",
                                            "TSEZAR GROUP COMPANY LIMITED")) -> dict[str, str]:
    """A customer master holding the first parties of each letter (as printed, same country)
    and the parties named in ``also``; returns customer id -> party name."""
    chosen: dict[str, tuple[str, str]] = {}
    for stem in stems:
        parties = truth(stem)["parties"]
        for p in parties[:per_letter] + [p for p in parties if p["name"] in also]:
            chosen.setdefault(p["name"], (p["address"] or "", p["country"]))
    ids = {f"K{i:04d}": name for i, name in enumerate(sorted(chosen), start=1)}
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["customer_id", "name", "address", "city", "country"])
        for cid, name in ids.items():
            writer.writerow([cid, name, chosen[name][0], "", chosen[name][1]])
    return ids


def run(inbox: Path, master: Path, db: Path | str, *letters: Path) -> str:
    """Copy letters into the inbox and run one pass; returns its summary."""
    inbox.mkdir(exist_ok=True)
    for f in letters:
        shutil.copy(f, inbox / f.name)
    result = runner.invoke(app, ["run", "--inbox", str(inbox), "--customers", str(master),
                                 "--db", str(db), "--no-cache"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def export(db: Path | str, *more: str) -> tuple[Any, str]:
    """``denylist export --format json`` (and more options): the parsed output and the export
    id printed on stderr."""
    result = runner.invoke(app, ["denylist", "export", "--format", "json", "--db", str(db), *more])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout), result.stderr.strip().rsplit(" ", 1)[-1]


def verified(db: Path | str) -> bool:
    result = runner.invoke(app, ["audit", "verify", "--db", str(db)])
    assert result.exit_code == 0, result.stdout + result.stderr
    return True
