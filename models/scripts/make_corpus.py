"""Training and held-out data for the letter NER model, from the real list data.

    python models/scripts/make_corpus.py samples/source/parties.csv models/corpus

Letter-like sentences (enumerations, "located at", "a.k.a.", bullets, running text, table rows
read as text) with ORG (names and aliases), ADDRESS and COUNTRY spans, plus sentences of letter
prose without any. Entities are split 80/20 by entity, so that held-out sentences name parties
the model never saw.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

TEMPLATES = [
    "({n}) {org}, also known as {alias}, located at {addr}, {country};",
    "({n}) {org}, a.k.a. {alias}, with an address at {addr}, {country}; and",
    "{n}. {org} ({addr}, {country})",
    "• {org} (a.k.a. {alias}), {addr}, {country}",
    "BIS has identified {org} of {addr}, {country}, as a supplier of U.S.-origin items to Russia.",
    "The following entity is of concern: {org}, {addr}, {country}.",
    "{org}, {addr}, {country}.",
    "{org} {addr} {country}",
    "- {org}, located in {addr}, {country}",
    "Please review any transaction with {org} (also known as {alias}) at {addr}, {country}.",
]
PROSE = [
    "The Bureau of Industry and Security is writing to inform you of parties of concern.",
    "Please review your records and exercise heightened due diligence.",
    "You are hereby informed that a license is required for the items described below.",
    "If you receive an inquiry from any of these parties, contact your local field office.",
    "Sincerely, Director, Office of Export Enforcement.",
    "This notice is effective immediately and remains in effect until further notice.",
    "Dear Sir or Madam:",
    "Re: Red Flag Notification - Diversion Risk to the Russian Federation",
]
COUNTRY_FORMS = {"United Arab Emirates": ["UAE", "U.A.E."], "China": ["PRC", "China"],
                 "Turkey": ["Türkiye", "Turkey"], "Russia": ["Russian Federation", "Russia"]}


def sentence(row: dict[str, str], n: int, rng: random.Random) -> tuple[str, list[tuple[int, int, str]]]:
    aliases = [a for a in row["aliases"].split(" | ") if a]
    template = rng.choice([t for t in TEMPLATES if aliases or "{alias}" not in t])
    name = row["name"] if rng.random() < 0.6 else row["name"].title()
    values = {"n": str(n), "org": name, "alias": aliases[0] if aliases else "",
              "addr": f"{row['address'].strip().rstrip(',')}, {row['city']}".strip(", "),
              "country": rng.choice(COUNTRY_FORMS.get(row["country"], [row["country"]]))}
    labels = {"org": "ORG", "alias": "ORG", "addr": "ADDRESS", "country": "COUNTRY"}
    text, spans = "", []
    for part in template.replace("}", "{").split("{"):
        if part in values:
            value = values[part]
            if part in labels and value:
                spans.append((len(text), len(text) + len(value), labels[part]))
            text += value
        else:
            text += part
    return text, spans


def write(rows: list[dict[str, str]], path: Path, rng: random.Random, nlp: spacy.language.Language,
          per_row: int) -> None:
    db = DocBin()
    for i, row in enumerate(rows):
        for _ in range(per_row):
            text, spans = sentence(row, i % 40 + 1, rng)
            doc = nlp.make_doc(text)
            ents = [doc.char_span(a, b, label=lab, alignment_mode="expand") for a, b, lab in spans]
            doc.ents = [e for e in ents if e is not None]
            db.add(doc)
    for text in PROSE:
        db.add(nlp.make_doc(text))
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)


def main(source: Path, out: Path) -> None:
    rng = random.Random(7)
    with source.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    rng.shuffle(rows)
    cut = int(len(rows) * 0.8)
    nlp = spacy.blank("en")
    write(rows[:cut], out / "train.spacy", rng, nlp, 3)
    write(rows[cut:], out / "dev.spacy", rng, nlp, 1)
    print(f"train: {cut} entities, held out: {len(rows) - cut}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
