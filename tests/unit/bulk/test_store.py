"""The index directory: owner-only, append-only, repaired after a kill at any byte, one record per document."""
from __future__ import annotations

import json
import os
import stat

import pytest

from scanner.bulk.errors import BulkError
from scanner.bulk.store import Index

KEY = bytes(range(32))


def record(path: str, size: int = 10, mtime: int = 1, status: str = "ok") -> dict:
    return {"schema": 1, "path": path, "size": size, "mtime_ns": mtime, "sha256": "ab" * 32, "status": status,
            "values": []}


def paths_in(directory) -> list[str]:  # noqa: ANN001
    return [json.loads(line)["path"] for line in (directory / "results.jsonl").read_text().splitlines()]


def test_directory_and_files_are_owner_only(tmp_path):
    out = tmp_path / "index"
    with Index.open(out, KEY) as index:
        index.commit([record("/a")])
        index.tmp_dir()
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert stat.S_IMODE((out / "tmp").stat().st_mode) == 0o700
    for name in ("results.jsonl", "manifest.jsonl", "scan.json"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o600, name


def test_finished_documents_are_known_after_reopening(tmp_path):
    with Index.open(tmp_path / "i", KEY) as index:
        index.commit([record("/a", 10, 1), record("/b", 20, 2)])
    with Index.open(tmp_path / "i", KEY) as index:
        assert index.finished("/a", 10, 1) and index.finished("/b", 20, 2)
        assert not index.finished("/a", 11, 1) and not index.finished("/a", 10, 5) and not index.finished("/c", 1, 1)
        assert [r["path"] for r in index.records()] == ["/a", "/b"]


@pytest.mark.parametrize("torn", [b'{"path": "/c", "si', b"\x00\x00\x00\x00"])
def test_a_torn_last_line_is_cut_and_its_document_is_not_finished(tmp_path, torn):
    out = tmp_path / "i"
    with Index.open(out, KEY) as index:
        index.commit([record("/a"), record("/b")])
    with open(out / "results.jsonl", "ab") as f:
        f.write(torn)
    with open(out / "manifest.jsonl", "ab") as f:
        f.write(b'{"path": "/c"')
    with Index.open(out, KEY) as index:
        assert sorted(index.done) == ["/a", "/b"]
        index.commit([record("/c")])
    assert paths_in(out) == ["/a", "/b", "/c"]
    with Index.open(out, KEY) as index:
        assert sorted(index.done) == ["/a", "/b", "/c"] and index.superseded == 0


def test_a_record_written_before_its_manifest_entry_counts_as_finished(tmp_path):
    """Killed between the fsync of results.jsonl and the manifest write: not scanned again."""
    out = tmp_path / "i"
    with Index.open(out, KEY) as index:
        index.commit([record("/a")])
    with open(out / "results.jsonl", "ab") as f:
        f.write(json.dumps(record("/b")).encode() + b"\n")
    with Index.open(out, KEY) as index:
        assert index.finished("/b", 10, 1)
    assert len((out / "manifest.jsonl").read_text().splitlines()) == 3  # header + a + b


def test_a_changed_document_supersedes_its_record_and_compaction_keeps_one(tmp_path):
    out = tmp_path / "i"
    with Index.open(out, KEY) as index:
        index.commit([record("/a", 10, 1), record("/b"), record("/gone")])
        index.commit([record("/a", 12, 2)])
        assert index.superseded == 1
        assert [r["size"] for r in index.records() if r["path"] == "/a"] == [12]
        assert index.compact({"/gone"}) == 2
    assert paths_in(out) == ["/b", "/a"]
    with Index.open(out, KEY) as index:  # the manifest was rebuilt for the new results.jsonl
        assert index.finished("/a", 12, 2) and not index.finished("/gone", 10, 1) and index.superseded == 0


def test_a_manifest_left_behind_by_a_killed_compaction_is_rebuilt(tmp_path):
    out = tmp_path / "i"
    with Index.open(out, KEY) as index:
        index.commit([record("/a"), record("/b")])
    old_manifest = (out / "manifest.jsonl").read_bytes()
    with Index.open(out, KEY) as index:
        index.commit([record("/a", 99, 9)])
        index.compact()
    (out / "manifest.jsonl").write_bytes(old_manifest)  # as if killed between the two renames
    with Index.open(out, KEY) as index:
        assert index.finished("/a", 99, 9) and index.finished("/b", 10, 1) and index.superseded == 0


def test_a_non_empty_directory_that_is_not_an_index_is_refused(tmp_path):
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "letter.txt").write_text("mine")
    with pytest.raises(BulkError, match="not empty and not a ShareGuard index"):
        Index.open(tmp_path / "home", KEY)


def test_another_key_is_refused_by_name(tmp_path):
    Index.open(tmp_path / "i", KEY).close()
    with pytest.raises(BulkError, match="made with another key"):
        Index.open(tmp_path / "i", bytes(32), writable=False)


def test_a_second_writer_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("scanner.bulk.store.LOCK_WAIT_S", 0.1)
    with Index.open(tmp_path / "i", KEY):
        with pytest.raises(BulkError, match="another scan is writing"):
            Index.open(tmp_path / "i", KEY)


def test_reading_does_not_change_a_half_written_index(tmp_path):
    out = tmp_path / "i"
    with Index.open(out, KEY) as index:
        index.commit([record("/a")])
    with open(out / "results.jsonl", "ab") as f:
        f.write(json.dumps(record("/b")).encode() + b"\n" + b'{"torn')
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    with Index.open(out, KEY, writable=False) as index:
        assert [r["path"] for r in index.records()] == ["/a", "/b"]
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert os.path.exists(out / "scan.json")
