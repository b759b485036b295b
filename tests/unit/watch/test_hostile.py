"""Hostile or broken input is held with its reason, never read through a link, never released;
the watcher keeps going."""
from __future__ import annotations

import io
import os
import threading
import time

import pytest

from scanner.watch import files
from tests.unit.watch.conftest import CONSENTED, LEAFLET

pytestmark = pytest.mark.model
FRONT_DOOR = "kent-front-door/early-help"


def held_reason(share, name: str) -> str:
    [item] = [i for i in share.items() if i.held_copy and i.held_copy.endswith(name)]
    assert item.action == "block" and item.rules == ("R5",)
    return item.problems[0].code + ": " + item.problems[0].message


def test_a_symlink_out_of_the_tree_is_held_as_a_link_and_never_read(share, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(LEAFLET)  # harmless content: allowed if it were read, so holding proves it was not
    (share.outbox / FRONT_DOOR).mkdir(parents=True)
    (share.outbox / FRONT_DOOR / "notes.txt").symlink_to(secret)
    (share.outbox / "kent-front-door" / "folder-link").symlink_to(tmp_path)  # a link to a folder too
    share.run_once()
    assert share.files("released") == []
    held = share.root / "quarantine/kent-front-door/notes.txt"
    assert held.is_symlink() and os.readlink(held) == str(secret) and secret.read_text() == LEAFLET
    assert held_reason(share, "notes.txt").startswith("hostile: The file is a symbolic link")
    assert (share.root / "quarantine/kent-front-door/folder-link").is_symlink()
    assert all(not d["shared"] for d in share.decisions())


def test_a_hard_link_is_held_and_its_other_name_untouched(share, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(CONSENTED)
    (share.outbox / FRONT_DOOR).mkdir(parents=True)
    os.link(outside, share.outbox / FRONT_DOOR / "progress.txt")
    share.run_once()
    assert share.files("released") == [] and outside.read_text() == CONSENTED
    assert "hard links" in held_reason(share, "progress.txt")
    held = share.root / "quarantine/kent-front-door/progress.txt"
    assert held.read_text() == CONSENTED and not os.path.samefile(held, outside)  # our copy, not the link


def test_a_sidecar_naming_a_path_holds_the_file(share):
    share.drop("note.txt", LEAFLET)
    share.drop("note.txt.share.yaml", "recipient: ../../etc\npurpose: early-help\n")
    share.run_once()
    assert share.files("released") == [] and share.files("quarantine") == ["unaddressed/note.txt"]
    assert "never a path" in held_reason(share, "note.txt")
    assert not (share.root.parent / "etc").exists()


def test_a_pipe_is_held_without_being_opened(share):
    (share.outbox / FRONT_DOOR).mkdir(parents=True)
    os.mkfifo(share.outbox / FRONT_DOOR / "pipe.txt")
    share.run_once()  # would hang for ever if the pipe were opened for reading
    assert "not a regular file" in held_reason(share, "pipe.txt")


def test_an_unreadable_file_is_held_never_released(share, monkeypatch):
    share.drop(f"{FRONT_DOOR}/locked.txt", LEAFLET)
    share.drop(f"{FRONT_DOOR}/open.txt", LEAFLET + "Second leaflet.\n")
    real = files.snapshot

    def refuse(source, target, mode=0o600):  # noqa: ANN001, ANN202 - root reads any file: refuse as a user would
        if source.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(source, target, mode)

    monkeypatch.setattr(files, "snapshot", refuse)
    share.run_once()
    assert share.files("released") == ["kent-front-door/open.txt"]
    assert held_reason(share, "locked.txt") == "unreadable: The file could not be opened (Permission denied)."


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file whatever its mode")
def test_a_file_without_read_permission_is_held(share):
    share.drop(f"{FRONT_DOOR}/locked.txt", LEAFLET).chmod(0)
    share.run_once()
    assert share.files("released") == [] and "could not be opened" in held_reason(share, "locked.txt")


def test_a_file_that_keeps_changing_is_held_as_it_is(share):
    from scanner.watch import Stability

    path = share.drop(f"{FRONT_DOOR}/growing.txt", "start\n")
    stop = threading.Event()

    def keep_writing() -> None:
        with open(path, "a") as out:
            while not stop.is_set():
                out.write("more\n")
                out.flush()
                time.sleep(0.005)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        with share.watcher(Stability(interval=0.02, polls=2, quiet=5.0, give_up=0.5)) as watcher:
            watcher.run(once=True)
    finally:
        stop.set()
        writer.join()
    assert share.files("released") == []
    assert "kept changing" in held_reason(share, "growing.txt")
    assert (share.root / "quarantine/kent-front-door/growing.txt").read_text().startswith("start\nmore\n")


def test_odd_names_keep_a_safe_name(share):
    (share.outbox / FRONT_DOOR).mkdir(parents=True)
    raw = os.path.join(os.fsencode(share.outbox / FRONT_DOOR), b"caf\xe9\nnote.txt")
    with open(raw, "w") as out:
        out.write(LEAFLET)
    share.run_once()
    assert share.files("released") == ["kent-front-door/caf__note.txt"]


@pytest.mark.slow
def test_a_flood_of_files_is_all_handled(share):
    """Many files at once, each with one outcome (the fault test drops 500, the bench 1,000)."""
    for n in range(64):
        share.drop(f"{FRONT_DOOR}/leaflet-{n:03}.txt", f"{LEAFLET}Leaflet number {n}.\n")
    assert share.run_once() == 64
    assert len(share.files("released")) == 64 and share.files("outbox") == []
    assert len(share.decisions()) == 64


@pytest.mark.slow
def test_a_flood_of_5000_is_taken_one_batch_at_a_time(tmp_path):
    """5,000 files: every one handed over exactly once, never more than a batch per look, so
    each is seen complete right before it is claimed (no model: the worker only counts)."""
    from scanner.watch.layout import ShareLayout
    from scanner.watch.logs import EventLog
    from scanner.watch.stability import Stability, Tracker
    from scanner.watch.watcher import BATCH, Watcher

    class Counting:
        journal, stopping = None, None

        def __init__(self) -> None:
            self.batches: list[list] = []

        def process(self, paths, restless=False):  # noqa: ANN001, ANN201
            self.batches.append(list(paths))
            for path in paths:
                path.unlink()  # claimed
            return paths

    layout = ShareLayout(tmp_path / "share")
    layout.ensure()
    folder = layout.outbox / "kent-front-door" / "early-help"
    folder.mkdir(parents=True)
    for n in range(5000):
        (folder / f"{n:04}.txt").write_text("x")
        os.utime(folder / f"{n:04}.txt", (0, 0))  # long complete
    worker = Counting()
    watcher = Watcher(layout, worker, Tracker(Stability(interval=0.01, polls=1, quiet=1.0)), EventLog(io.StringIO()))
    assert watcher.rescan() == 5000
    while len(watcher.tracker):
        watcher._tick()
    handed = [p.name for batch in worker.batches for p in batch]
    assert len(handed) == len(set(handed)) == 5000
    assert max(len(b) for b in worker.batches) == BATCH
