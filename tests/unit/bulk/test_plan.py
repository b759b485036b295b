"""What a scan walks: every regular file once, sorted; not the index itself, not through folder links."""
from __future__ import annotations

import os

from scanner.bulk.plan import batches, under, walk


def test_files_below_the_sources_sorted_once_each_without_the_index(tmp_path):
    for name in ("b/2.txt", "b/1.txt", "a.txt", "index/results.jsonl"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    listing = walk([str(tmp_path), str(tmp_path / "b"), str(tmp_path / "a.txt")], exclude=[tmp_path / "index"])
    assert [os.path.relpath(f.path, tmp_path) for f in listing.files] == ["a.txt", "b/1.txt", "b/2.txt"]
    assert listing.files[0].size == 1 and listing.unlisted == []


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path):  # noqa: ANN001, ANN202 - as for a folder without read permission (tests run as root)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert walk([str(tmp_path)]).unlisted == [(str(tmp_path / "locked"), "Permission denied")]


def test_batches_and_under():
    assert batches(["a", "b", "c"], 2) == [["a", "b"], ["c"]]
    assert under("/x/y/z.txt", ["/x/y"]) and under("/x/y", ["/x/y/"]) and not under("/x/yz/a", ["/x/y"])
