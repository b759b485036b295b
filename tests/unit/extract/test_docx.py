"""Word: the body and everything a reader does not see but the file carries."""
from __future__ import annotations

import pytest

from scanner.extract import extract_bytes
from tests.fixtures_extract import (
    assert_well_formed, codes, docx_bytes, docx_with_embedding, docx_with_hidden_content, encrypted_office_bytes,
    pdf_bytes, segment_of, with_member, xlsx_bytes,
)


@pytest.fixture(scope="module")
def letter():
    document = extract_bytes(docx_with_hidden_content(), "letter.docx")
    assert document.problems == ()
    assert_well_formed(document)
    return document


@pytest.mark.parametrize(
    ("needle", "part", "where", "hidden"),
    [
        ("Body Bartholomew", "body", "paragraph 1", False),
        ("Cell Catalina", "body", "table 1 row 1 cell 2", False),
        ("Control Cosima", "body", None, False),
        ("Text box Tobias", "body", None, False),
        ("Comment Cormac", "comment", "comment by Reviewer Roisin", True),
        ("frog", "deletion", None, True),
        ("Header Hamid", "header", "section 1 header", False),
        ("First page header Farah", "header", "section 1 header (first page)", False),
        ("Footer Fenella", "footer", "section 1 footer", False),
        ("Footnote Fiifi", "footnote", "footnote 1", False),
        ("Author Ashworth", "property", "author", True),
        ("Editor Eze", "property", "last modified by", True),
        ("Title Tamsin", "property", "title", True),
        ("Subject Sunita", "property", "subject", True),
        ("Keyword Kofi", "property", "keywords", True),
        ("Remark Rhys", "property", "comments", True),
        ("Custom Consuelo", "property", "custom property Client", True),
        ("Company Calloway", "property", "company", True),
        ("Manager Mbeki", "property", "manager", True),
        ("Tracker Tomas", "property", "comment and revision authors", True),
    ],
)
def test_text_is_found_with_its_provenance(letter, needle, part, where, hidden):
    segment = segment_of(letter, needle)
    assert segment.part == part
    assert segment.hidden is hidden
    if where:
        assert segment.where == where


def test_tracked_insertion_reads_in_place_and_marks_its_paragraph(letter):
    segment = segment_of(letter, "The quick brown fox jumped over the lazy brown dog Inserted Imogen")
    assert segment.part == "insertion"


def test_text_box_is_read_once_not_twice(letter):
    """Word stores a text box twice (mc:Choice and mc:Fallback); reading both doubles findings."""
    assert letter.text.count("Text box Tobias") == 1


def test_embedded_workbook_is_read_as_a_nested_document():
    document = extract_bytes(docx_with_embedding("Sheet1.xlsx", xlsx_bytes()), "letter.docx")
    segment = segment_of(document, "Cell Cuthbert")
    assert segment.container == ("word/embeddings/Sheet1.xlsx",)
    assert segment.where == "Children!B4"
    assert document.problems == ()


def test_embedded_object_that_cannot_be_read_is_opaque_content_naming_it():
    legacy = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)
    document = extract_bytes(docx_with_embedding("oleObject1.bin", legacy), "letter.docx")
    assert codes(document) == {"opaque_content"}
    assert document.problems[0].where == "word/embeddings/oleObject1.bin"
    assert "See the embedded object." in document.text


def test_password_protected_word_file_is_encrypted():
    document = extract_bytes(encrypted_office_bytes(), "locked.docx")
    assert codes(document) == {"encrypted"}
    assert document.format == "docx"
    assert document.problems[0].message == "The document is password-protected, so its content cannot be checked."


@pytest.mark.parametrize(
    "make",
    [lambda: b"", lambda: docx_bytes("Some text about Ana")[:3000], lambda: b"This is not a Word file at all."],
    ids=["zero-bytes", "truncated", "text-named-docx"],
)
def test_broken_word_files_are_corrupt(make):
    document = extract_bytes(make(), "broken.docx")
    assert codes(document) == {"corrupt"}
    assert document.text == ""
    assert_well_formed(document)


def test_pdf_renamed_docx_is_read_as_the_pdf_it_is():
    document = extract_bytes(pdf_bytes("Really a PDF about Olusegun"), "letter.docx")
    assert document.format == "pdf"
    assert segment_of(document, "Really a PDF about Olusegun").part == "page"
    assert document.problems == ()


def test_macros_are_opaque_content():
    macro_letter = with_member(docx_bytes("Macro letter"), "word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + bytes(100))
    document = extract_bytes(macro_letter, "letter.docm.docx")
    assert codes(document) == {"opaque_content"}
    assert "macros" in document.problems[0].message
    assert "Macro letter" in document.text
