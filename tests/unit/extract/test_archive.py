"""Zip archives: members read in memory, recursively, behind limits that bombs and tricks cannot pass."""
from __future__ import annotations

import time
import zipfile

import pytest

from scanner.extract import extract_bytes
from scanner.extract.builder import Limits
from tests.fixtures_extract import assert_well_formed, codes, docx_bytes, patch_zip, segment_of, zip_bytes


def test_members_are_read_with_their_names_as_containers():
    archive = zip_bytes({"notes/visit.txt": b"Visit to Farida Begum\r\n", "letter.docx": docx_bytes("Letter to Idris"),
                         "empty-folder/": b""})
    document = extract_bytes(archive, "bundle.zip")
    assert document.format == "zip"
    assert document.problems == ()
    visit = segment_of(document, "Visit to Farida Begum\r\n")
    assert (visit.container, visit.where) == (("notes/visit.txt",), "text")
    assert segment_of(document, "Letter to Idris").container == ("letter.docx",)
    assert segment_of(document, "notes/visit.txt").part == "file_name"
    assert "empty-folder" not in document.text
    assert_well_formed(document)


def test_zip_in_zip_is_read():
    inner = zip_bytes({"deep.txt": b"Deep Dmitri"})
    document = extract_bytes(zip_bytes({"inner.zip": inner}), "outer.zip")
    assert segment_of(document, "Deep Dmitri").container == ("inner.zip", "deep.txt")


def test_nesting_deeper_than_the_limit_is_over_limit():
    nested = zip_bytes({"core.txt": b"Core Cornelius"})
    for level in range(3):
        nested = zip_bytes({f"level{level}.zip": nested})
    document = extract_bytes(nested, "nest.zip", Limits(max_depth=2))
    assert codes(document) == {"over_limit"}
    assert "nested more than 2 levels" in document.problems[0].message
    assert "Core Cornelius" not in document.text


def test_member_of_unknown_format_is_unknown_format_naming_it():
    archive = zip_bytes({"ok.txt": b"Fine Fatima", "letter.rtf": b"{\\rtf1 Secret Selim}"})
    document = extract_bytes(archive, "bundle.zip")
    assert [(p.code, p.where) for p in document.problems] == [("unknown_format", "letter.rtf")]
    assert "Fine Fatima" in document.text


@pytest.mark.parametrize("name", ["../../etc/cron.d/evil.txt", "/etc/passwd.txt", "C:/Windows/evil.txt",
                                  "..\\..\\evil.txt", "safe/../../evil.txt"])
def test_zip_slip_names_are_hostile(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    document = extract_bytes(zip_bytes({"ok.txt": b"Fine", name: b"payload"}), "slip.zip")
    assert [(p.code, p.where) for p in document.problems] == [("hostile", name)]
    assert list(tmp_path.iterdir()) == []


def test_bomb_with_a_50_mb_member_is_refused_without_unpacking_it():
    bomb = zip_bytes({"zeros.txt": bytes(50 * 1024 * 1024)})
    assert len(bomb) < 200_000
    started = time.perf_counter()
    small = extract_bytes(bomb, "bomb.zip", Limits(max_total_bytes=10 * 1024 * 1024))
    by_ratio = extract_bytes(bomb, "bomb.zip")
    assert time.perf_counter() - started < 1.0
    assert codes(small) == {"over_limit"} and "zip bomb" in small.problems[0].message
    assert codes(by_ratio) == {"over_limit"} and "compressed" in by_ratio.problems[0].message
    assert small.text == by_ratio.text == ""


def test_lying_size_header_cannot_unpack_more_than_it_declares():
    honest = zip_bytes({"zeros.txt": bytes(5 * 1024 * 1024), "note.txt": b"Note Nkechi"})
    lying = patch_zip(honest, 0, size=1000)
    document = extract_bytes(lying, "liar.zip")
    assert [(p.code, p.where) for p in document.problems] == [("corrupt", "zeros.txt")]
    assert "Note Nkechi" in document.text
    assert len(document.text) < 10_000


def test_member_bigger_than_the_file_limit_is_over_limit_and_the_rest_is_read():
    archive = zip_bytes({"big.txt": b"x" * 5000, "small.txt": b"Small Soraya"})
    document = extract_bytes(archive, "mixed.zip", Limits(max_file_bytes=4000))
    assert [(p.code, p.where) for p in document.problems] == [("over_limit", "big.txt")]
    assert "Small Soraya" in document.text


def test_overlapping_entries_are_hostile():
    archive = zip_bytes({"a.txt": b"A" * 100, "b.txt": b"B" * 100}, compression=zipfile.ZIP_STORED)
    document = extract_bytes(patch_zip(archive, 1, offset=0), "overlap.zip")
    assert "hostile" in codes(document)
    assert document.text == ""


def test_too_many_members_is_over_limit():
    archive = zip_bytes({f"m{i}.txt": b"x" for i in range(12)})
    document = extract_bytes(archive, "many.zip", Limits(max_members=10))
    assert codes(document) == {"over_limit"}


def test_encrypted_member_is_encrypted_and_others_are_read():
    archive = zip_bytes({"locked.txt": b"Locked Lucia", "open.txt": b"Open Oskar"})
    document = extract_bytes(patch_zip(archive, 0, flags=0x1), "mixed.zip")
    assert [(p.code, p.where) for p in document.problems] == [("encrypted", "locked.txt")]
    assert "Open Oskar" in document.text and "Locked Lucia" not in document.text


@pytest.mark.parametrize("make", [lambda: zip_bytes({"a.txt": b"Truncated Tunde" * 50})[:60],
                                  lambda: b"PK\x03\x04" + bytes(40)], ids=["truncated", "header-only"])
def test_broken_zip_is_corrupt(make):
    assert codes(extract_bytes(make(), "broken.zip")) == {"corrupt"}
