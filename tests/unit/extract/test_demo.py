"""The demo documents in demo/ extract completely, with their personal data where the demo expects it."""
from __future__ import annotations

from pathlib import Path

import pytest

from scanner.extract import extract_file
from tests.fixtures_extract import segment_of

DEMO = Path(__file__).resolve().parents[3] / "demo" / "documents"


@pytest.mark.parametrize(
    ("name", "needle", "part"),
    [
        ("case_note_visit.txt", "943 476 5919", "body"),
        ("referral_letter.docx", "Joseph Mensah", "deletion"),
        ("referral_letter.docx", "Check whether Abena knows", "comment"),
        ("referral_letter.docx", "Referral for Kwame Mensah", "header"),
        ("school_report.pdf", "Giulia Rossi, 07700 900456", "page"),
        ("email_with_attachment.eml", "Oluwaseun Adeyemi", "row"),
        ("contacts.xlsx", "Do not contact Joseph Mensah", "cell"),
        ("bundle.zip", "B801200005001", "body"),
        ("bundle.zip", "Abena Mensah", "body"),
        ("public_leaflet.txt", "0161 496 0123", "body"),
    ],
)
def test_demo_documents_are_fully_readable(name, needle, part):
    document = extract_file(DEMO / name)
    assert document.problems == ()
    assert segment_of(document, needle).part == part


def test_case_note_text_is_the_file_exactly():
    path = DEMO / "case_note_visit.txt"
    assert extract_file(path).text == path.read_bytes().decode("utf-8")
