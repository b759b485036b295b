"""Claiming, copying and placing: links never followed, names never overwritten."""
from __future__ import annotations

import os

import pytest

from scanner.watch import files


def test_inspect_tells_files_links_and_pipes_apart(tmp_path):
    regular = tmp_path / "a.txt"
    regular.write_text("x")
    (tmp_path / "link").symlink_to("/etc/passwd")
    os.link(regular, tmp_path / "second-name")
    os.mkfifo(tmp_path / "pipe")
    assert files.inspect(tmp_path / "link").kind == files.SYMLINK
    assert files.inspect(regular).kind == files.HARDLINK
    assert files.inspect(tmp_path / "pipe").kind == files.SPECIAL
    assert files.inspect(tmp_path / "gone").kind == files.MISSING
    (tmp_path / "second-name").unlink()
    assert files.inspect(regular).kind == files.REGULAR


def test_snapshot_copies_hashes_and_keeps_the_mode(tmp_path):
    source = tmp_path / "a.txt"
    source.write_bytes(b"hello")
    source.chmod(0o640)
    sha, size = files.snapshot(source, tmp_path / "copy.txt", 0o640)
    assert (sha, size) == ("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", 5)
    assert (tmp_path / "copy.txt").read_bytes() == b"hello"
    assert (tmp_path / "copy.txt").stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("make", [
    lambda p: p.symlink_to("/etc/hostname"),
    lambda p: os.mkfifo(p),  # opening a pipe would block: refused without waiting
])
def test_snapshot_reads_nothing_but_a_regular_file(tmp_path, make):
    make(tmp_path / "odd")
    with pytest.raises(OSError):
        files.snapshot(tmp_path / "odd", tmp_path / "copy")
    assert not (tmp_path / "copy").exists()


def test_place_never_overwrites_and_places_a_link_as_itself(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("new")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.txt").write_text("already here")
    with pytest.raises(FileExistsError):
        files.place(source, tmp_path / "out" / "a.txt")
    assert (tmp_path / "out" / "a.txt").read_text() == "already here"
    (tmp_path / "link").symlink_to("/etc/hostname")
    files.place(tmp_path / "link", tmp_path / "out" / "link")
    assert os.readlink(tmp_path / "out" / "link") == "/etc/hostname"


def test_claim_is_a_rename(tmp_path):
    source = tmp_path / "outbox" / "a.txt"
    source.parent.mkdir()
    source.write_text("x")
    inode = source.stat().st_ino
    files.claim(source, tmp_path / "work" / "1" / "a.txt")
    assert not source.exists() and (tmp_path / "work" / "1" / "a.txt").stat().st_ino == inode
    source.write_text("again")
    with pytest.raises(FileExistsError):
        files.claim(source, tmp_path / "work" / "1" / "a.txt")


def test_free_name(tmp_path):
    assert files.free_name(tmp_path, "a.txt", "J-1") == tmp_path / "a.txt"
    (tmp_path / "a.txt").write_text("x")
    assert files.free_name(tmp_path, "a.txt", "J-1") == tmp_path / "a.J-1.txt"
    (tmp_path / "a.J-1.txt").write_text("x")
    assert files.free_name(tmp_path, "a.txt", "J-1") == tmp_path / "a.J-1-2.txt"
