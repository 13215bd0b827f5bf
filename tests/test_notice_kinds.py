"""The kind of letter, from its own statements: table-driven cases (plain, indirect, denied,
in a party's name, in the subject), and every letter of the hold-out and unseen families
(the samples are checked in test_golden.py, the scans in test_ocr.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redletter.evaluation import letter_files
from redletter.extract import meta
from redletter.nlp.notice import classify, sentences
from redletter.pipeline import extract_letters
from redletter.schema import Letter, NoticeType

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FOLDERS = [FIXTURES / "holdout", FIXTURES / "holdout_html",
           *sorted(p for p in (FIXTURES / "unseen").iterdir() if p.is_dir())]

K = NoticeType
CASES = [
    # (subject, body, kind)
    ("Re: Project Guardian request", "Please tell us about any enquiry.", K.project_guardian),
    ("", "You are hereby informed that a license is required for the export of any item to the "
         "parties below.", K.is_informed),
    ("", "With effect from today, no item subject to the EAR may be exported to these parties "
         "unless BIS has first authorised it in writing. See 15 CFR 744.21(b).", K.is_informed),
    ("Subject: Parties of diversion concern", "BIS asks that you voluntarily stop shipping to the "
     "listed parties. This letter does not itself impose a licence requirement.", K.supplier_list),
    ("", "We encourage you to consider refraining from further sales to the firms in the annex.",
     K.supplier_list),
    ("Subject: Red flag notification", "ACME LLC, a customer of yours, appears to have "
     "re-exported your items to Russia. Resolve the red flag before any further shipment.",
     K.red_flag),
    ("Subject: Shipments to certain of your customers", "Goods bearing your company's name were "
     "consigned onward. Please check before you next accept orders from them.", K.red_flag),
    ("Subject: Request for assistance", "Should any of these companies approach your firm for the "
     "items below, we would appreciate a call before you reply to the enquiry.", K.project_guardian),
    # Not enough said, or two kinds at once: undecided, never a guess.
    ("", "Please find the list attached.", K.unknown),
    ("", "The parties named below are of concern to BIS.", K.unknown),
    ("Subject: Supplier list", "You are hereby informed that a licence is required. Each of "
     "these facts is a red flag.", K.unknown),
]


@pytest.mark.parametrize(("subject", "body", "kind"), CASES)
def test_kind_from_the_letters_statements(subject: str, body: str, kind: NoticeType) -> None:
    decision = classify(f"{subject}\n{body}", subject)
    assert decision.kind is kind, decision.evidence


def test_a_denied_statement_counts_against_its_kind() -> None:
    decision = classify("This letter does not itself impose a licence requirement.")
    assert decision.scores[K.is_informed] < 0
    assert any("denied: a licence is now required" in line for line in decision.evidence)


def test_a_cue_in_a_party_name_does_not_count() -> None:
    """'RED FLAG' and 'PROJECT GUARDIAN' inside company names in an annex are not the letter's
    statements (the NER model reads them as names); the letter's own wording decides."""
    body = ("BIS is providing this supplier list so that you can review your customers.\n"
            "1. RED FLAG TRADING LIMITED, Room 5, 12/F, Nathan Road, Kowloon, Hong Kong\n"
            "2. PROJECT GUARDIAN ELECTRONICS CO LTD, No. 5 Shennan Road, Shenzhen, China\n")
    decision = classify(body)
    assert decision.kind is K.supplier_list, decision.evidence
    assert set(decision.scores) == {K.supplier_list}


def test_an_undecided_letter_says_why_and_needs_review() -> None:
    kind, evidence = meta.notice_type("Please find the list attached.", "")
    assert kind is K.unknown and evidence[0].startswith("undecided: no cue found")
    (reason,) = meta.undecided(kind, evidence)
    assert reason.startswith(meta.UNDECIDED_KIND) and "set it on the letter's page" in reason
    assert meta.undecided(K.red_flag, ()) == ()


def test_sentences_keep_a_cue_cut_by_a_line_break() -> None:
    assert sentences("BIS asks that you voluntarily stop\nshipping to them. Next one.") == [
        "BIS asks that you voluntarily stop shipping to them.", "Next one."]


@pytest.fixture(scope="module")
def letters() -> list[tuple[Path, str, Letter]]:
    """Every letter of the hold-out and unseen families, extracted as one batch."""
    pairs = [pair for folder in FOLDERS for pair in letter_files(folder)]
    outcomes = extract_letters([p for p, _ in pairs])
    assert all(isinstance(o, Letter) for o in outcomes), outcomes
    return [(p, json.loads(t.read_text("utf-8"))["notice_type"], o)  # type: ignore[misc]
            for (p, t), o in zip(pairs, outcomes, strict=True)]


def test_every_holdout_and_unseen_letter_gets_its_kind(letters: list[tuple[Path, str, Letter]]) -> None:
    assert len(letters) >= 35
    wrong = [(p.name, want, got.notice_type.value, got.notice_type_evidence)
             for p, want, got in letters if got.notice_type.value != want]
    assert wrong == []
    assert {want for _, want, _ in letters} == {k.value for k in K if k is not K.unknown}
    assert all(not any(r.startswith(meta.UNDECIDED_KIND) for r in got.review_reasons)
               for _, _, got in letters)
