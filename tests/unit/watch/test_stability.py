"""A file is taken only when complete: unchanged over several looks, and closed or quiet."""
from __future__ import annotations

import os
import time

from scanner.watch.stability import Stability, Tracker


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def tracker(**settings: float) -> tuple[Tracker, Clock]:
    clock = Clock()
    stability = Stability(**{"interval": 0.1, "polls": 2, "quiet": 1.0, "give_up": 10.0, **settings})
    # wall clock far ahead of the files' mtimes unless a test says otherwise
    return Tracker(stability, clock=clock, wall=lambda: clock.now - 1000.0 + time.time()), clock


def test_a_closed_file_is_ready_after_two_equal_looks(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("complete")
    watch, clock = tracker()
    watch.note(path, closed=True)
    assert watch.poll().ready == []  # first look
    clock.now += 0.1
    assert watch.poll().ready == [path]
    assert len(watch) == 0


def test_a_fresh_file_without_a_close_event_waits_for_quiet(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("moved in")
    watch, clock = tracker()
    watch.note(path)
    for _ in range(5):
        assert watch.poll().ready == []
        clock.now += 0.1
    clock.now += 1.0
    assert watch.poll().ready == [path]


def test_an_old_file_found_by_a_rescan_is_ready_at_once(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("from yesterday")
    os.utime(path, (0, 0))
    watch, clock = tracker()
    watch.note(path)
    watch.poll()
    assert watch.poll().ready == [path]


def test_a_file_being_written_is_not_ready(tmp_path):
    path = tmp_path / "a.txt"
    watch, clock = tracker()
    with open(path, "w") as out:
        for n in range(10):
            out.write(f"line {n}\n")
            out.flush()
            watch.note(path)
            assert watch.poll().ready == []
            clock.now += 0.1


def test_a_change_after_the_close_waits_again(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("one")
    watch, clock = tracker()
    watch.note(path, closed=True)
    watch.poll()
    path.write_text("one and two")  # another writer, no close seen yet
    clock.now += 0.1
    assert watch.poll().ready == []
    clock.now += 0.1
    assert watch.poll().ready == []  # unchanged now, but neither closed nor quiet
    watch.note(path, closed=True)
    clock.now += 0.1
    assert watch.poll().ready == [path]


def test_a_sidecar_arriving_resets_the_count(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x")
    watch, clock = tracker()
    watch.note(path, closed=True)
    watch.poll()
    (tmp_path / "a.txt.share.yaml").write_text("recipient: kent-police\n")
    clock.now += 0.1
    assert watch.poll().ready == []
    clock.now += 0.1
    watch.note(path, closed=True)
    assert watch.poll().ready == [path]


def test_a_file_that_keeps_changing_is_given_up(tmp_path):
    path = tmp_path / "a.txt"
    watch, clock = tracker(give_up=1.0)
    watch.note(path.with_name("x"))  # vanished at once: forgotten
    path.write_text("0")
    watch.note(path)
    for n in range(9):
        path.write_text(str(n) * (n + 1))
        result = watch.poll()
        assert result.ready == [] and result.restless == []
        clock.now += 0.1
    path.write_text("still going")
    clock.now += 0.2
    assert watch.poll().restless == [path]
    assert len(watch) == 0


def test_a_vanished_file_is_forgotten(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x")
    watch, _ = tracker()
    watch.note(path)
    path.unlink()
    assert watch.poll().ready == [] and len(watch) == 0


def test_one_batch_at_a_time_the_rest_are_looked_at_again(tmp_path):
    paths = [tmp_path / f"{n}.txt" for n in range(3)]
    watch, clock = tracker()
    for path in paths:
        path.write_text("x")
        watch.note(path, closed=True)
    watch.poll(limit=2)
    clock.now += 0.1
    assert watch.poll(limit=2).ready == paths[:2]  # oldest first
    paths[2].write_text("changed while it waited")  # seen again before it is taken: not ready now
    clock.now += 0.1
    assert watch.poll(limit=2).ready == [] and len(watch) == 1
