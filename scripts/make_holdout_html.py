"""Hold-out letters written as HTML and printed to PDF by headless Chromium.

    python scripts/make_holdout_html.py tests/fixtures/holdout_html

A third producer (Skia's PDF backend, browser table layout, CSS borders and backgrounds), other
wording, label/value blocks, enumerations inside a paragraph, a separate city column, a header
on a dark band repeated by the browser on every page. Needs Debian's ``chromium``.
"""

from __future__ import annotations

import csv
import html
import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pycountry

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "samples" / "source" / "parties.csv"
FIX = {"Russia": "RU", "Turkey": "TR", "Iran": "IR", "Korea, South": "KR", "Vietnam": "VN"}
CSS = """
body { font-family: 'DejaVu Serif', serif; font-size: 10.5pt; margin: 0; }
@page { size: Letter; margin: 0.9in 0.8in; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th { text-align: left; }
td, th { padding: 4px 6px; vertical-align: top; }
.rules td { border-bottom: 0.6pt solid #444; }
.dark th { background: #1f3a5f; color: white; }
.dark tbody tr:nth-child(even) td { background: #eef2f7; }
dl { margin: 0 0 12px 0; } dt { font-weight: bold; float: left; width: 9em; } dd { margin-left: 9em; }
"""


def esc(s: str) -> str:
    return html.escape(s)


def load(rng: random.Random, n: int) -> list[dict[str, Any]]:
    with SOURCE.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for r in rng.sample(rows, n):
        code = FIX.get(r["country"]) or pycountry.countries.lookup(r["country"]).alpha_2
        country = pycountry.countries.get(alpha_2=code)
        cname = getattr(country, "common_name", None) or country.name
        out.append({"name": r["name"], "aliases": [a for a in r["aliases"].split(" | ") if a],
                    "street": r["address"], "city": r["city"], "country": code,
                    "country_name": cname})
    return out


def head(subject: str) -> str:
    return (f"<p><b>BUREAU OF INDUSTRY AND SECURITY</b><br>Office of Export Enforcement</p>"
            f"<p>September 9, 2025</p><p>Control No. BIS-OEE-25-7731</p>"
            f"<p>Pacific Rim Sensors LLC<br>Compliance Desk<br>410 Bay Street<br>Oakland, CA 94607</p>"
            f"<p><b>Subject: {esc(subject)}</b></p><p>To whom it may concern:</p>"
            f"<p>BIS has reason to believe that the parties identified in this letter are engaged in "
            f"procurement on behalf of end users in Russia.</p>")


TAIL = "<p>Sincerely yours,</p><p>R. Whitfield<br>Assistant Director</p>"


def rules_table(parties: list[dict[str, Any]]) -> str:
    def fka(p: dict[str, Any]) -> str:
        return f" (formerly known as {esc(p['aliases'][0])})" if p["aliases"] else ""

    rows = "".join(
        f"<tr><td>{esc(p['name'])}{fka(p)}</td><td>{esc(p['street'])}, {esc(p['city'])}</td>"
        f"<td>{esc(p['country_name'])}</td></tr>"
        for p in parties)
    return (f"<table class='rules'><thead><tr><th>Entity</th><th>Address</th><th>Country/Region</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>")


def label_blocks(parties: list[dict[str, Any]]) -> str:
    out = []
    for p in parties:
        alias = f"<dt>Alias(es):</dt><dd>{esc('; '.join(p['aliases']))}</dd>" if p["aliases"] else ""
        out.append(f"<dl><dt>Name:</dt><dd>{esc(p['name'])}</dd>{alias}"
                   f"<dt>Address:</dt><dd>{esc(p['street'])}, {esc(p['city'])}</dd>"
                   f"<dt>Country:</dt><dd>{esc(p['country_name'])}</dd></dl>")
    return "".join(out)


def inline_prose(parties: list[dict[str, Any]]) -> str:
    parts = []
    for i, p in enumerate(parties):
        aka = f", also known as {esc(p['aliases'][0])}" if p["aliases"] else ""
        parts.append(f"({chr(97 + i)}) {esc(p['name'])}{aka}, located at {esc(p['street'])}, "
                     f"{esc(p['city'])}, {esc(p['country_name'])}")
    body = "; ".join(parts[:-1]) + "; and " + parts[-1] + "."
    return (f"<p>Specifically, BIS has identified the following parties: {body} These parties "
            f"should be treated as presenting a high risk of diversion.</p>")


def city_table(parties: list[dict[str, Any]]) -> str:
    rows = "".join(
        f"<tr><td>{i}</td><td>{esc(p['name'])}</td><td>{esc('; '.join(p['aliases']))}</td>"
        f"<td>{esc(p['street'])}</td><td>{esc(p['city'])}</td><td>{p['country']}</td></tr>"
        for i, p in enumerate(parties, 1))
    return (f"<table class='dark'><thead><tr><th>Ref.</th><th>Party Name</th><th>Aliases</th>"
            f"<th>Address</th><th>City</th><th>Country</th></tr></thead><tbody>{rows}</tbody></table>")


LETTERS: list[tuple[str, str, str, Callable[[list[dict[str, Any]]], str], int, bool]] = [
    ("x1_rules_fka", "red_flag", "Red flag: possible diversion", rules_table, 12, True),
    ("x2_label_blocks", "is_informed", "You are informed: license requirement", label_blocks, 6, False),
    ("x3_inline_prose", "supplier_list", "Supplier list of concern", inline_prose, 5, False),
    ("x4_dark_city_table", "supplier_list", "Supplier list of concern", city_table, 36, False),
]


def render(html_text: str, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "letter.html"
        src.write_text(html_text, "utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp}/u",
                        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", src.as_uri()],
                       check=True, capture_output=True, timeout=120)


def truth_party(p: dict[str, Any], layout: Callable[..., str], first_alias_only: bool) -> dict[str, Any]:
    aliases = p["aliases"][:1] if first_alias_only or layout is inline_prose else p["aliases"]
    address = p["street"] if layout is city_table else f"{p['street']}, {p['city']}"
    return {"name": p["name"], "aliases": aliases, "address": address, "country": p["country"]}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, notice, subject, layout, n, first_alias_only in LETTERS:
        parties = load(random.Random(name), n)
        body = f"{head(subject)}{layout(parties)}{TAIL}"
        doc = f"<html><head><style>{CSS}</style></head><body>{body}</body></html>"
        render(doc, out / f"{name}.pdf")
        truth = {"file": f"{name}.pdf", "notice_type": notice,
                 "parties": [truth_party(p, layout, first_alias_only) for p in parties]}
        (out / f"{name}.truth.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n",
                                                "utf-8")
        print(f"wrote {name}.pdf")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "fixtures" / "holdout_html")
