"""`scan_batch`: one record per document, in order, never an exception because of a document."""
from __future__ import annotations

import io
import json

import docx
import pytest

from scanner.bulk.batch import BatchSettings, scan_batch
from scanner.bulk.run import preload
from tests.unit.bulk.archive import JAYDEN, SECRETS, VISIT, build

pytestmark = pytest.mark.model
SETTINGS = BatchSettings(key=bytes(range(32)))


@pytest.fixture(autouse=True)
def loaded(detection):
    preload(None, detection)


def test_poisoned_documents_become_error_records_and_the_rest_is_scanned(tmp_path):
    archive = build(tmp_path / "archive", poisoned=True)
    paths = [str(p) for p in archive.documents]
    records = scan_batch(paths, SETTINGS)
    assert [r["path"] for r in records] == paths
    by_name = {r["path"].rsplit("/", 1)[1]: r for r in records}
    assert {n: [p["code"] for p in by_name[n]["problems"]] for n in ("broken.docx", "locked.pdf", "bomb.zip")} == {
        "broken.docx": ["corrupt"], "locked.pdf": ["encrypted"], "bomb.zip": ["over_limit"]}
    assert all(by_name[n]["status"] == "unreadable" for n in ("broken.docx", "locked.pdf", "bomb.zip"))
    assert by_name["note-001.txt"]["status"] == "ok"
    assert by_name["note-001.txt"]["findings"]["personal_data"]["UK_NHS"] == 1
    assert by_name["note-001.txt"]["safeguarding"]["physical_abuse"] == {"affirmed": 1}
    assert by_name["note-001.txt"]["size"] == len(VISIT) and len(by_name["note-001.txt"]["sha256"]) == 64


def test_a_record_holds_no_value_found(tmp_path):
    archive = build(tmp_path / "archive")
    text = json.dumps(scan_batch([str(p) for p in archive.documents], SETTINGS)).lower()
    assert [s for s in SECRETS if s.lower() in text] == []


def test_a_scan_that_fails_costs_only_its_own_document(tmp_path, monkeypatch):
    good, bad = tmp_path / "good.txt", tmp_path / "explode.txt"
    good.write_text(VISIT)
    bad.write_text(VISIT)
    from scanner.pipeline import Scanner

    real = Scanner.check_many

    def check_many(self, paths, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if any("explode" in str(p) for p in paths):
            raise RuntimeError("detector bug")
        return real(self, paths, *args, **kwargs)

    monkeypatch.setattr(Scanner, "check_many", check_many)
    first, second = scan_batch([str(good), str(bad)], SETTINGS)
    assert first["status"] == "ok" and first["findings"]["personal_data"]["PERSON"] >= 1
    assert second["status"] == "unreadable"
    assert second["problems"] == [{"code": "scan_failed", "message": "The scan of this document failed (RuntimeError).",
                                   "where": ""}]


def test_a_missing_file_is_an_unreadable_record(tmp_path):
    (record,) = scan_batch([str(tmp_path / "gone.txt")], SETTINGS)
    assert (record["status"], record["size"], [p["code"] for p in record["problems"]]) == ("unreadable", None,
                                                                                          ["unreadable"])


def test_places_keep_where_but_not_who(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph(f"Visit to {JAYDEN} today.")
    document.add_comment(paragraph.runs, text=f"{JAYDEN} seemed withdrawn.", author="Holt Janet")
    stream = io.BytesIO()
    document.save(stream)
    path = tmp_path / "letter.docx"
    path.write_bytes(stream.getvalue())
    (record,) = scan_batch([str(path)], SETTINGS)
    places = set(record["places"]["PERSON"])
    assert "paragraph 1" in places and "comment" in places
    assert "holt" not in json.dumps(record).lower() and "janet" not in json.dumps(record).lower()
