"""Word: runs, tables, headers, footers, footnotes; comments and tracked changes; properties."""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx

from scanner.extract import extract_file
from scanner.redact import redact
from tests.unit.redact.fixtures import docx_letter
from tests.unit.redact.helpers import KEPT, NHS, assert_golden, assert_no_trace, config, outcome_for, sha256

VALUES = [("Maisie Clarke", "PERSON", "P-0008"), ("Maisie", "PERSON", "P-0008"), ("Tobias Grant", "PERSON", "P-0007"),
          ("Rose Smith", "PERSON", "U-1"), (NHS, "UK_NHS", "P-0008")]


def redacted(tmp_path: Path):
    source = tmp_path / "letter.docx"
    source.write_bytes(docx_letter())
    before = sha256(source)
    result = redact(outcome_for(source, VALUES), source, tmp_path / "out", config())
    assert result.verified, result.problems
    assert sha256(source) == before, "the original was modified"
    return Path(result.path), result


def test_every_story_is_redacted_and_nothing_hidden_survives(tmp_path):
    copy, result = redacted(tmp_path)
    assert copy == tmp_path / "out" / "letter.docx"
    assert_no_trace(copy, "Maisie", "Clarke", "Tobias", "Rose Smith", NHS)
    document = extract_file(copy)
    assert document.fully_readable and KEPT in document.text
    assert_golden("letter.docx.txt", document.text)
    assert result.removed == {"PERSON": 7, "UK_NHS": 2}  # comments and deletions go whole, authors are cleared
    assert result.cleaned["comments removed"] == 1
    assert result.cleaned["tracked changes accepted"] == 2
    assert result.cleaned["custom document properties removed"] == 1


def test_a_name_split_across_runs_is_replaced_in_the_first_run_and_formatting_stays(tmp_path):
    copy, _ = redacted(tmp_path)
    first = docx.Document(str(copy)).paragraphs[0]
    assert [(r.text, r.bold, r.italic) for r in first.runs] == [
        ("Referral: ", None, None), ("[Child A]", True, None), ("", None, True), ("", None, None),
        (" lives with Amara Osei.", None, None)]


def test_comments_tracked_changes_and_authors_are_gone_from_the_package(tmp_path):
    copy, _ = redacted(tmp_path)
    with zipfile.ZipFile(copy) as package:
        names = package.namelist()
        body = package.read("word/document.xml").decode()
        core = package.read("docProps/core.xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
    assert not [n for n in names if "comment" in n or "people" in n or "thumbnail" in n or n == "docProps/custom.xml"]
    assert "comments" not in rels
    for mark in ("<w:del ", "<w:ins ", "w:delText", "commentRangeStart", "commentReference"):
        assert mark not in body
    assert docx.Document(str(copy)).paragraphs[2].text == "Visited by the social worker and [Child A]"
    assert "<dc:creator></dc:creator>" in core or "<dc:creator/>" in core
