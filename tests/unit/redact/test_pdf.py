"""PDF: text removed from the page content, and everything beside the pages cleaned."""
from __future__ import annotations

from pathlib import Path

import pymupdf

from scanner.extract import extract_file
from scanner.redact import pdf as pdf_writer
from scanner.redact import redact
from scanner.types import Action, Decision, Outcome, ShareRequest
from tests.fixtures_extract import pdf_with_image_page
from tests.unit.redact.fixtures import pdf_report
from tests.unit.redact.helpers import KEPT, NHS, assert_golden, assert_no_trace, config, outcome_for, sha256

VALUES = [("Maisie Clarke", "PERSON", "P-0008"), ("Maisie", "PERSON", "P-0008"), ("Tobias Grant", "PERSON", "P-0007"),
          ("Rose Smith", "PERSON", "U-1"), (NHS, "UK_NHS", "P-0008")]


def test_text_is_removed_from_the_content_and_every_hiding_place_is_cleaned(tmp_path):
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf_report())
    before = sha256(source)
    result = redact(outcome_for(source, VALUES), source, tmp_path / "out", config())
    assert result.verified, result.problems
    assert sha256(source) == before
    copy = Path(result.path)
    assert_no_trace(copy, "Maisie", "Clarke", "Tobias", "Rose Smith", "Rose\nSmith", NHS)
    document = extract_file(copy)
    assert document.fully_readable and KEPT in document.text
    assert_golden("report.pdf.txt", document.text)
    with pymupdf.open(copy) as pdf:
        assert not any(pdf.metadata.get(k) for k in ("author", "title"))
        assert "Rose" not in pdf.get_xml_metadata()
        assert pdf.embfile_count() == 0
        assert [list(page.annots()) for page in pdf] == [[], []]
        assert [w.field_value for w in pdf[0].widgets()] == ["[Adult C]"]
    assert result.removed == {"PERSON": 5, "UK_NHS": 1}  # "Rose / Smith" over two lines is one mention
    assert result.cleaned["annotations removed (notes, their authors, attached files)"] == 1
    assert result.cleaned["embedded files removed"] == 1


def test_a_black_box_over_text_that_is_still_there_fails_verification(tmp_path, monkeypatch):
    """The classic bad redaction: the box is drawn, the text stays in the page content."""
    monkeypatch.setattr(pdf_writer, "TEXT_MODE", pymupdf.PDF_REDACT_TEXT_NONE)
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf_report())
    result = redact(outcome_for(source, VALUES), source, tmp_path / "out", config())
    assert not result.verified and result.path is None
    assert any("still in its text (page 1)" in p for p in result.problems), result.problems
    assert list((tmp_path / "out").iterdir()) == []  # nothing left behind, not even a partial copy


def test_a_page_without_a_text_layer_cannot_be_released_as_redacted(tmp_path):
    source = tmp_path / "scan.pdf"
    source.write_bytes(pdf_with_image_page("Cover for Maisie Clarke"))
    document = extract_file(source)  # not fully readable: the decision would block; redaction must refuse too
    outcome = Outcome(document, ShareRequest(), Decision(Action.REDACT, (), redact_subjects=("P-0008",)))
    result = redact(outcome, source, tmp_path / "out", config())
    assert not result.verified and result.path is None
    assert result.problems == ("page 2 has no text layer (it is scanned or drawn), so what it shows cannot be "
                               "checked or redacted",)
