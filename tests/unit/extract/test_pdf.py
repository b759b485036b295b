"""PDF: page text, what sits beside it, and every way a PDF can fail to be fully readable."""
from __future__ import annotations

import pymupdf
import pytest

from scanner.extract import extract_bytes
from tests.fixtures_extract import (
    assert_well_formed, codes, docx_bytes, pdf_bytes, pdf_with_hidden_content, pdf_with_image_page, segment_of,
)


def test_text_per_page():
    document = extract_bytes(pdf_bytes("First page about Mei Lin", "Second page about Tariq"), "report.pdf")
    assert document.problems == ()
    assert (segment_of(document, "Mei Lin").where, segment_of(document, "Tariq").where) == ("page 1", "page 2")
    assert segment_of(document, "Tariq").part == "page"
    assert_well_formed(document)


@pytest.mark.parametrize(
    ("needle", "part", "hidden"),
    [
        ("Page text Petronella", "page", False),
        ("Annotation Anselm", "annotation", True),
        ("Meta Mahmoud", "property", True),
        ("Meta title Thandiwe", "property", True),
        ("notes.txt", "file_name", False),
    ],
)
def test_hidden_content_is_extracted(needle, part, hidden):
    document = extract_bytes(pdf_with_hidden_content(), "form.pdf")
    segment = segment_of(document, needle)
    assert (segment.part, segment.hidden) == (part, hidden)


def test_form_field_value_is_extracted():
    document = extract_bytes(pdf_with_hidden_content(), "form.pdf")
    fields = [s for s in document.segments if s.part == "form_field"]
    assert [document.text[s.start:s.end] for s in fields] == ["Field Florentyna"]
    assert fields[0].where == "page 1 field child_name"


def test_attached_file_is_read_as_a_nested_document():
    document = extract_bytes(pdf_with_hidden_content(b"Attached note about Aurelio", "notes.txt"), "form.pdf")
    segment = segment_of(document, "Attached note about Aurelio")
    assert segment.container == ("notes.txt",)
    assert document.problems == ()


def test_attached_file_that_cannot_be_read_is_opaque_content():
    document = extract_bytes(pdf_with_hidden_content(b"\x89PNG\r\n\x1a\n" + bytes(100), "photo.png"), "form.pdf")
    assert codes(document) == {"opaque_content"}
    assert document.problems[0].where == "photo.png"


def test_image_only_page_is_a_problem_naming_the_page_and_a_blank_page_is_not():
    document = extract_bytes(pdf_with_image_page(), "scan.pdf")
    assert [(p.code, p.where) for p in document.problems] == [("image_only", "page 2")]
    assert segment_of(document, "Cover page Cressida").where == "page 1"


def test_password_protected_pdf_is_encrypted_and_not_read():
    locked = pdf_bytes("Secret about Ngozi", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="pw", owner_pw="owner")
    document = extract_bytes(locked, "locked.pdf")
    assert codes(document) == {"encrypted"}
    assert document.problems[0].message == "The PDF is password-protected, so its content cannot be checked."
    assert "Ngozi" not in document.text


def test_pdf_that_opens_without_a_password_is_still_encrypted():
    restricted = pdf_bytes("Restricted note about Ngozi", encryption=pymupdf.PDF_ENCRYPT_AES_128, owner_pw="owner",
                           permissions=pymupdf.PDF_PERM_PRINT)
    document = extract_bytes(restricted, "restricted.pdf")
    assert codes(document) == {"encrypted"}
    assert "Restricted note about Ngozi" in document.text


@pytest.mark.parametrize(
    "make",
    [lambda: b"", lambda: pdf_bytes("Truncated Tomasz")[:200], lambda: b"%PDF-1.7\n%garbage only\n"],
    ids=["zero-bytes", "truncated", "header-only"],
)
def test_broken_pdfs_are_corrupt(make):
    document = extract_bytes(make(), "broken.pdf")
    assert "corrupt" in codes(document)
    assert_well_formed(document)


def test_word_file_renamed_pdf_is_read_as_word():
    document = extract_bytes(docx_bytes("Actually Word, about Rafael"), "letter.pdf")
    assert document.format == "docx"
    assert "Actually Word, about Rafael" in document.text


def test_text_named_pdf_is_corrupt():
    document = extract_bytes(b"Dear Sir, this is a plain letter.", "letter.pdf")
    assert codes(document) == {"corrupt"}
    assert "not a PDF" in document.problems[0].message


def test_a_pdf_that_needed_repair_is_not_fully_read(tmp_path):
    import pymupdf

    from scanner.extract import extract_file

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Jayden Smith, DOB 03/04/2015")
    data = bytearray(doc.tobytes())
    start = data.rindex(b"startxref")
    data[start:] = b"startxref\n999999\n%%EOF\n"  # a broken cross-reference pointer
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    document = extract_file(path)
    assert "Jayden Smith" in document.text
    assert [p.code for p in document.problems] == ["corrupt"]
