"""The committed NER pipeline: it loads, and it scores on sentences about unseen parties."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from redletter.nlp import ner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "models" / "scripts"))


def test_model_is_committed_and_loads() -> None:
    assert (ner.DEFAULT_MODEL / "meta.json").exists()
    nlp = ner.load()
    assert nlp is not None and set(nlp.get_pipe("ner").labels) == {"ORG", "ADDRESS", "COUNTRY"}


def test_spans_in_a_sentence() -> None:
    spans = ner.find("(4) Kaspian Trade House LLC, located at 7 Nizami Street, Baku 1000, "
                     "Azerbaijan;")
    assert spans is not None
    assert spans.orgs[0] == "Kaspian Trade House LLC"
    assert spans.address is not None and "Nizami Street" in spans.address
    assert spans.country == "AZ"


def test_held_out_scores(tmp_path: Path) -> None:
    """Held-out sentences (entities the model was not trained on) are regenerated exactly as
    `spacy project run corpus` makes them, and scored with spaCy's scorer."""
    from make_corpus import main as make_corpus
    from spacy.tokens import DocBin
    from spacy.training import Example

    make_corpus(ROOT / "samples" / "source" / "parties.csv", tmp_path)
    nlp = ner.load()
    assert nlp is not None
    docs = list(DocBin().from_disk(tmp_path / "dev.spacy").get_docs(nlp.vocab))
    examples = [Example(nlp(d.text), d) for d in random.Random(1).sample(docs, 120)]
    scores = nlp.get_pipe("ner").score(examples)
    assert scores["ents_f"] >= 0.9, scores
    for label in ("ORG", "ADDRESS", "COUNTRY"):
        assert scores["ents_per_type"][label]["f"] >= 0.85, (label, scores)


def test_without_a_model_the_rules_stand_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("REDLETTER_NER_MODEL", str(tmp_path))
    ner.load.cache_clear()
    try:
        assert ner.find("ACME LLC, 5 Main St, Dubai, UAE") is None
    finally:
        ner.load.cache_clear()


def test_address_spilled_into_the_name_column_is_moved(tmp_path: Path) -> None:
    """A real PDF whose name cell also holds the street address: the NER pipeline separates it."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from redletter.pipeline import extract_letter

    path = tmp_path / "spill.pdf"
    rows = [["Entity Name", "Address", "Country"],
            ["KASPIAN TRADE HOUSE LLC, 7 Nizami Street, Baku 1000", "Nasimi District", "Azerbaijan"],
            ["ORION MARINE SUPPLY FZE", "Plot 5, Hamriyah Free Zone, Sharjah", "UAE"]]
    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
    data = [[Paragraph(cell, style) for cell in row] for row in rows]
    table = Table(data, colWidths=[230, 170, 80])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))]))
    SimpleDocTemplate(str(path), pagesize=LETTER).build([table])
    letter = extract_letter(path)
    first, second = letter.parties
    assert first.name == "KASPIAN TRADE HOUSE LLC" and first.country == "AZ"
    assert first.address == "7 Nizami Street, Baku 1000, Nasimi District"
    assert second.name == "ORION MARINE SUPPLY FZE"
    assert second.address == "Plot 5, Hamriyah Free Zone, Sharjah"
