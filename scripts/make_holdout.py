"""Hold-out letters, drawn by hand on a reportlab canvas, unlike anything make_samples.py makes.

    python scripts/make_holdout.py tests/fixtures/holdout

Other wording, header names, fonts, column placement (centred headers, right-hand country
codes), rules only between rows, hanging-indent enumerations, party rows split across a page
break. The extractor was not tuned on these: they check that it generalizes.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pycountry
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "samples" / "source" / "parties.csv"
NAMES = {"Russia": "RU", "Turkey": "TR", "Iran": "IR", "Korea, South": "KR", "Vietnam": "VN"}


def load(rng: random.Random, n: int) -> list[dict[str, Any]]:
    with SOURCE.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for r in rng.sample(rows, n):
        code = NAMES.get(r["country"]) or pycountry.countries.lookup(r["country"]).alpha_2
        aliases = [a for a in r["aliases"].split(" | ") if a]
        out.append({"name": r["name"], "aliases": aliases, "address": f"{r['address']}, {r['city']}",
                    "country": code})
    return out


class Writer:
    """A canvas with a cursor and page breaks."""

    def __init__(self, path: Path, pagesize: tuple[float, float], font: str, size: float) -> None:
        self.c = Canvas(str(path), pagesize=pagesize, invariant=1)
        self.w, self.h = pagesize
        self.font, self.size = font, size
        self.y = self.h - 60
        self.page = 1

    def text(self, x: float, s: str, *, font: str | None = None, size: float | None = None) -> None:
        self.c.setFont(font or self.font, size or self.size)
        self.c.drawString(x, self.y, s)

    def para(self, s: str, x: float = 64, width: float = 470, lead: float = 13) -> None:
        for line in simpleSplit(s, self.font, self.size, width):
            self.need(lead)
            self.text(x, line)
            self.y -= lead
        self.y -= 6

    def need(self, height: float) -> bool:
        if self.y - height < 70:
            self.new_page()
            return True
        return False

    def new_page(self) -> None:
        self.c.setFont("Times-Italic", 7)
        self.c.drawRightString(self.w - 50, 40, f"{self.page}")
        self.c.showPage()
        self.page += 1
        self.y = self.h - 60

    def save(self) -> None:
        self.c.setFont("Times-Italic", 7)
        self.c.drawRightString(self.w - 50, 40, f"{self.page}")
        self.c.save()


def opening(wr: Writer, subject: str, body: str) -> None:
    wr.text(64, "U.S. Department of Commerce - Bureau of Industry and Security", font="Times-Bold", size=11)
    wr.y -= 14
    wr.text(64, "Export Enforcement, Washington, DC 20230")
    wr.y -= 30
    wr.text(64, "12 March 2025")
    wr.y -= 14
    wr.text(64, "File No. EE/2025/0193")
    wr.y -= 24
    for line in ("Harborline Components Corp.", "Trade Compliance Department", "88 Marsh Road",
                 "Wilmington, DE 19801"):
        wr.text(64, line)
        wr.y -= 13
    wr.y -= 12
    wr.text(64, f"Subject: {subject}", font="Times-Bold")
    wr.y -= 22
    wr.para(body)


def closing(wr: Writer) -> None:
    wr.need(60)
    wr.y -= 10
    for line in ("Respectfully,", "", "M. A. Ortega", "Special Agent in Charge"):
        wr.text(64, line)
        wr.y -= 13


def ruled_rows(wr: Writer, parties: list[dict[str, Any]]) -> None:
    """S/N, Party Name, Known Aliases, Registered Address, Jurisdiction (ISO code), centred
    headers, a rule under every row and none between columns."""
    cols = [(64, 24, "S/N"), (92, 130, "Party Name"), (226, 120, "Known Aliases"),
            (350, 150, "Registered Address"), (504, 50, "Jurisdiction")]
    def header() -> None:
        for x, w, title in cols:
            wr.c.setFont("Helvetica-Bold", 8)
            wr.c.drawCentredString(x + w / 2, wr.y, title)
        wr.y -= 5
        wr.c.line(64, wr.y, 556, wr.y)
        wr.y -= 11
    header()
    for i, p in enumerate(parties, 1):
        cells = [str(i), p["name"], "; ".join(p["aliases"]), p["address"], p["country"]]
        wrapped = [simpleSplit(t, "Helvetica", 8, w - 4) for (x, w, _), t in zip(cols, cells, strict=True)]
        height = 10 * max(len(x) for x in wrapped) + 6
        if wr.need(height):
            header()
        for (x, w, _), lines in zip(cols, wrapped, strict=True):
            for k, line in enumerate(lines):
                wr.c.setFont("Helvetica", 8)
                if x == 504:
                    wr.c.drawRightString(x + w - 2, wr.y - 10 * k, line)
                else:
                    wr.c.drawString(x + 2, wr.y - 10 * k, line)
        wr.y -= height - 2
        wr.c.line(64, wr.y + 6, 556, wr.y + 6)
        wr.y -= 6


def hanging_list(wr: Writer, parties: list[dict[str, Any]]) -> None:
    """'1.' markers with a hanging indent; wording 'a/k/a', 'address:'; the country spelled out."""
    for i, p in enumerate(parties, 1):
        country = pycountry.countries.get(alpha_2=p["country"])
        cname = getattr(country, "common_name", None) or country.name
        aka = f", a/k/a {'; '.join(p['aliases'])}" if p["aliases"] else ""
        text = f"{p['name']}{aka}, address: {p['address']}, {cname};"
        lines = simpleSplit(text, wr.font, wr.size, 440)
        wr.need(13 * len(lines))
        wr.text(64, f"{i}.")
        for line in lines:
            wr.need(13)
            wr.text(88, line)
            wr.y -= 13
        wr.y -= 4


def plain_columns(wr: Writer, parties: list[dict[str, Any]]) -> None:
    """Company | Address | Country (name spelled out), no rules, country column right-aligned,
    rows split over page breaks (a row's last lines on the next page)."""
    cols = [(64, 170, "Company"), (240, 220, "Address"), (470, 86, "Country")]
    wr.c.setFont("Courier-Bold", 8.5)
    for x, _, title in cols:
        wr.c.drawString(x, wr.y, title)
    wr.y -= 14
    for p in parties:
        country = pycountry.countries.get(alpha_2=p["country"])
        cname = getattr(country, "common_name", None) or country.name
        cells = [p["name"], p["address"], cname]
        wrapped = [simpleSplit(t, "Courier", 8.5, w - 6) for (x, w, _), t in zip(cols, cells, strict=True)]
        for k in range(max(len(x) for x in wrapped)):
            wr.need(11)
            for (x, _, _), lines in zip(cols, wrapped, strict=True):
                if k < len(lines):
                    wr.c.setFont("Courier", 8.5)
                    wr.c.drawString(x, wr.y, lines[k])
            wr.y -= 11
        wr.y -= 7


LETTERS: list[tuple[str, str, str, Callable[[Writer, list[dict[str, Any]]], None], int, Any, str]] = [
    ("h1_ruled_rows", "red_flag", "Red Flag Indicators of Diversion to Russia", ruled_rows, 14,
     LETTER, "Times-Roman"),
    ("h2_hanging_list", "supplier_list", "Supplier List: Parties Supplying Russia's Military",
     hanging_list, 9, A4, "Times-Roman"),
    ("h3_plain_split_rows", "is_informed", "Notice That You Are Informed (15 CFR 744.21)",
     plain_columns, 22, LETTER, "Helvetica"),
]


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, notice, subject, layout, n, pagesize, font in LETTERS:
        rng = random.Random(name)
        parties = load(rng, n)
        if layout is plain_columns:
            for p in parties:
                p["aliases"] = []
        wr = Writer(out / f"{name}.pdf", pagesize, font, 10)
        body = ("Our records indicate that your firm has exported to, or has pending orders from, "
                "the entities identified in this correspondence. Please review them.")
        opening(wr, subject, body)
        layout(wr, parties)
        closing(wr)
        wr.save()
        truth = {"file": f"{name}.pdf", "notice_type": notice, "parties": parties}
        (out / f"{name}.truth.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n",
                                                "utf-8")
        print(f"wrote {name}.pdf")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "fixtures" / "holdout")
