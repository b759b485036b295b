"""Plain text, Markdown, HTML and CSV: decoded exactly, so finding offsets index the file's text."""
from __future__ import annotations

import codecs

import pytest

from scanner.extract import extract_bytes, extract_file
from tests.fixtures_extract import assert_well_formed, codes, segment_of

CASE_NOTE = "Visit to Leila Haddad,\r\n27 Larch Close\rME15 9ZZ\n\n  indented line  \n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (CASE_NOTE.encode("utf-8"), CASE_NOTE),
        (codecs.BOM_UTF8 + CASE_NOTE.encode("utf-8"), CASE_NOTE),
        (codecs.BOM_UTF16_LE + CASE_NOTE.encode("utf-16-le"), CASE_NOTE),
        (codecs.BOM_UTF16_BE + CASE_NOTE.encode("utf-16-be"), CASE_NOTE),
        ("Fee: £25 – “paid” by Zoë’s mum\r\n".encode("cp1252"), "Fee: £25 – “paid” by Zoë’s mum\r\n"),
        ("Café Åsa".encode("utf-16-le"), "Café Åsa"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1252", "utf-16-le-no-bom"],
)
def test_plain_text_is_the_decoded_file_exactly(raw, expected):
    document = extract_bytes(raw, "note.txt")
    assert document.text == expected
    assert document.problems == ()
    assert document.format == "txt"
    assert [(s.start, s.end, s.part, s.where) for s in document.segments] == [(0, len(expected), "body", "text")]


def test_crlf_and_lone_cr_are_kept_so_offsets_match_the_file(tmp_path):
    raw = "Name: Kwame Mensah\r\nDOB: 02/09/2013\rNHS: 943 476 5919\r\n".encode("utf-8")
    path = tmp_path / "visit.txt"
    path.write_bytes(raw)
    document = extract_file(path)
    assert document.text == raw.decode("utf-8")
    start = document.text.index("943 476 5919")
    assert raw.decode("utf-8")[start:start + 12] == "943 476 5919"


def test_markdown_is_read_as_text():
    document = extract_bytes(b"# Plan for *Amira*\r\n\r\n- visit Tuesday\r\n", "plan.md")
    assert document.format == "md"
    assert document.text == "# Plan for *Amira*\r\n\r\n- visit Tuesday\r\n"


@pytest.mark.parametrize("raw", [b"", b"   \r\n\t\n"], ids=["empty", "whitespace"])
def test_an_empty_file_is_readable_and_empty(raw):
    document = extract_bytes(raw, "empty.txt")
    assert document.problems == ()
    assert document.text.strip() == ""
    assert document.size == len(raw)


def test_binary_junk_named_txt_is_a_problem_not_text():
    junk = bytes(range(256)) * 40
    document = extract_bytes(junk, "notes.txt")
    assert codes(document) == {"unknown_format"}
    assert document.text == ""
    assert "binary" in document.problems[0].message


def test_one_stray_nul_in_text_is_tolerated():
    document = extract_bytes(b"a,b,c\n\x00,2,3\n", "odd.csv")
    assert document.problems == ()
    assert document.text == "a,b,c\n\x00,2,3\n"


def test_html_visible_text_title_and_author_but_not_script_or_comments():
    page = (b"<html><head><title>Plan for Yusuf</title><meta name='author' content='Ines Duarte'>"
            b"<style>p {color: red}</style><script>var secret = 'hidden script';</script></head>"
            b"<body><!-- note about Idris --><h1>Review</h1><p>Yusuf  lives with\n his aunt.</p>"
            b"<table><tr><td>Name</td><td>Yusuf Ali</td></tr></table></body></html>")
    document = extract_bytes(page, "plan.html")
    assert document.format == "html"
    assert segment_of(document, "Plan for Yusuf").part == "title"
    assert segment_of(document, "Yusuf lives with his aunt.").where == "html body"
    assert segment_of(document, "Ines Duarte").hidden
    assert "Yusuf Ali" in document.text
    assert "hidden script" not in document.text and "color: red" not in document.text
    assert "Idris" not in document.text


def test_html_script_with_a_sloppy_end_tag_does_not_hide_the_page():
    page = b"<html><head><script>x()</script language></head><body><p>Visible Valentina</p></body></html>"
    assert "Visible Valentina" in extract_bytes(page, "p.html").text


def test_csv_keeps_exact_text_with_one_segment_per_row():
    raw = 'name,note\r\n"Smith, Jo","line one\r\nline two"\r\n\r\nAli Khan,ok\r\n'
    document = extract_bytes(raw.encode("cp1252"), "list.csv")
    assert document.format == "csv"
    assert document.text == raw
    assert [document.text[s.start:s.end] for s in document.segments] == [
        "name,note", '"Smith, Jo","line one\r\nline two"', "Ali Khan,ok"]
    assert [s.where for s in document.segments] == ["row 1", "row 2", "row 4"]
    assert_well_formed(document)


def test_extensionless_rfc822_message_is_read_as_email():
    raw = b"From: Aoife Byrne <aoife@example.org>\r\nSubject: Visit\r\nMIME-Version: 1.0\r\n\r\nSee you Tuesday.\r\n"
    document = extract_bytes(raw, "message")
    assert document.format == "eml"
    assert segment_of(document, "Aoife Byrne").part == "email_header"


def test_extensionless_text_is_read_as_text():
    document = extract_bytes(b"Just a note about Chen Wei.\n", "README")
    assert document.format == "txt"
    assert document.text == "Just a note about Chen Wei.\n"
