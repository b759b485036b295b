"""Excel workbooks: every cell, hidden sheets, comments, headers; and the ways a workbook fails."""
from __future__ import annotations

import pytest

from scanner.extract import extract_bytes
from tests.fixtures_extract import (
    assert_well_formed, codes, encrypted_office_bytes, rewrite_member, segment_of, with_member, xlsx_bytes,
)


@pytest.fixture(scope="module")
def workbook():
    document = extract_bytes(xlsx_bytes(), "children.xlsx")
    assert document.problems == ()
    assert_well_formed(document)
    return document


@pytest.mark.parametrize(
    ("needle", "part", "where", "hidden"),
    [
        ("Cell Cuthbert", "cell", "Children!B4", False),
        ("9434765919", "cell", "Children!C4", False),
        ("14/03/2015", "cell", "Children!D4", False),
        ("Hidden Hyacinth", "cell", "Secret!A1", True),
        ("Secret", "sheet_name", "sheet 2 name", True),
        ("Comment Chiamaka", "comment", "comment on Children!B4 by Author Agnieszka", True),
        ("Header Hortensia", "header", "Children odd header", False),
        ("Creator Kaito", "property", "author", True),
    ],
)
def test_cells_and_hidden_content_with_provenance(workbook, needle, part, where, hidden):
    segment = segment_of(workbook, needle)
    assert (segment.part, segment.where, segment.hidden) == (part, where, hidden)


def test_whole_numbers_lose_the_float_suffix(workbook):
    assert "9434765919.0" not in workbook.text


def test_cells_beyond_the_declared_dimension_are_still_read():
    """Read-only openpyxl trusts <dimension>; a wrong one would hide cells from the scan."""
    workbook = rewrite_member(xlsx_bytes(), "xl/worksheets/sheet1.xml",
                              lambda xml: xml.replace(b'<dimension ref="A1:D4"/>', b'<dimension ref="A1:A1"/>'))
    assert "Cell Cuthbert" in extract_bytes(workbook, "children.xlsx").text


def test_embedded_object_is_opaque_content():
    workbook = with_member(xlsx_bytes(), "xl/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(800))
    document = extract_bytes(workbook, "children.xlsx")
    assert [(p.code, p.where) for p in document.problems] == [("opaque_content", "xl/embeddings/oleObject1.bin")]


def test_password_protected_workbook_is_encrypted():
    document = extract_bytes(encrypted_office_bytes(), "locked.xlsx")
    assert codes(document) == {"encrypted"}
    assert document.format == "xlsx"


@pytest.mark.parametrize("make", [lambda: b"", lambda: xlsx_bytes()[:2000], lambda: b"PK\x05\x06" + bytes(18)],
                         ids=["zero-bytes", "truncated", "empty-zip"])
def test_broken_workbooks_are_corrupt(make):
    document = extract_bytes(make(), "broken.xlsx")
    assert codes(document) == {"corrupt"}
