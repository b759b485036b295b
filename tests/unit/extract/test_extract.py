"""The public API: any bytes in, a Document out; limits, unreadable paths and hostile input never raise."""
from __future__ import annotations

import hashlib
import os
import random

import pytest

from scanner.extract import extract_bytes, extract_file
from scanner.extract.builder import Limits
from tests.fixtures_extract import (
    assert_well_formed, codes, docx_bytes, eml_message, pdf_bytes, pdf_with_hidden_content, xlsx_bytes, zip_bytes,
)


def test_document_records_path_hash_size_and_format(tmp_path):
    raw = b"Note about Priya\n"
    path = tmp_path / "note.txt"
    path.write_bytes(raw)
    document = extract_file(path)
    assert (document.path, document.sha256, document.size, document.format) == (
        str(path), hashlib.sha256(raw).hexdigest(), len(raw), "txt")


@pytest.mark.parametrize("name", ["case note 1.txt", "Zoë Ó Briain – notes.txt", "it's \"quoted\".txt",
                                  "日本語.txt", "-leading-dash.txt"])
def test_odd_file_names(tmp_path, name):
    path = tmp_path / name
    path.write_text("Text about Aiyana", encoding="utf-8")
    document = extract_file(str(path))
    assert document.path == str(path)
    assert document.text == "Text about Aiyana"
    assert document.problems == ()


def test_missing_file_is_unreadable_not_an_exception(tmp_path):
    document = extract_file(tmp_path / "gone.docx")
    assert codes(document) == {"unreadable"}
    assert "No such file or directory" in document.problems[0].message
    assert document.format == "docx"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_file_without_permission_is_unreadable(tmp_path):
    path = tmp_path / "private.txt"
    path.write_text("secret")
    path.chmod(0)
    assert codes(extract_file(path)) == {"unreadable"}


def test_directory_is_unreadable(tmp_path):
    assert codes(extract_file(tmp_path)) == {"unreadable"}


def test_file_over_the_size_limit_is_not_read_but_is_hashed(tmp_path):
    raw = b"x" * 5000
    path = tmp_path / "big.txt"
    path.write_bytes(raw)
    document = extract_file(path, Limits(max_file_bytes=1000))
    assert codes(document) == {"over_limit"}
    assert (document.text, document.size, document.sha256) == ("", 5000, hashlib.sha256(raw).hexdigest())
    assert "4.9 KB" in document.problems[0].message or "5 KB" in document.problems[0].message


def test_text_over_the_character_limit_stops_with_one_problem():
    document = extract_bytes(b"a" * 1000, "long.txt", Limits(max_text_chars=100))
    assert codes(document) == {"over_limit"}
    assert document.text == "a" * 100
    archive = zip_bytes({f"m{i}.txt": b"Member text " * 10 for i in range(20)})
    nested = extract_bytes(archive, "many.zip", Limits(max_text_chars=300))
    assert [p.code for p in nested.problems] == ["over_limit"]
    assert len(nested.text) < 600
    assert_well_formed(nested)


@pytest.mark.parametrize(
    ("raw", "name"),
    [(b"{\\rtf1\\ansi Hello}", "letter.rtf"), (b"plain text in an odd wrapper", "notes.odt"),
     (random.Random(1).randbytes(4096), "blob"),
     (b"\x1f\x8b\x08\x00" + bytes(40), "data.csv.gz"), (b"\x89PNG\r\n\x1a\n" + bytes(30), "scan.png"),
     (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old.doc")],
    ids=["rtf", "text-named-odt", "random-bytes", "gzip", "png", "legacy-doc"],
)
def test_unsupported_formats_are_unknown_format(raw, name):
    document = extract_bytes(raw, name)
    assert codes(document) == {"unknown_format"}
    assert document.format == "unknown"
    assert document.text == ""


SAMPLES = {
    "a.docx": docx_bytes("Mutated Marguerite", "Second paragraph"),
    "a.pdf": pdf_with_hidden_content(),
    "b.pdf": pdf_bytes("Plain page"),
    "a.xlsx": xlsx_bytes(),
    "a.eml": eml_message().as_bytes(),
    "a.zip": zip_bytes({"x.txt": b"Zipped Zainab", "y.docx": docx_bytes("Inner")}),
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_damaged_input_never_raises(name):
    """Flip and cut bytes at random (seeded): every outcome is a well-formed Document."""
    rng = random.Random(name)
    original = SAMPLES[name]
    for _ in range(25):
        damaged = bytearray(original)
        for _ in range(rng.randint(1, 20)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        damaged = damaged[: rng.randint(len(damaged) // 2, len(damaged))]
        assert_well_formed(extract_bytes(bytes(damaged), name))


def test_extract_bytes_keeps_the_given_container_for_provenance():
    document = extract_bytes(b"Nested Nasrin", "inner.txt", container=("mail.eml", "inner.txt"), depth=1)
    assert document.segments[0].container == ("mail.eml", "inner.txt")
    assert document.segments[0].describe() == "mail.eml > inner.txt > text"
