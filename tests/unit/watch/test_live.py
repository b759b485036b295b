"""The watcher running (observer events, not `--once`): files dropped while it watches, a
folder moved in whole, and a stop that lets the file in hand finish."""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

import pytest
from click.testing import CliRunner

from scanner.watch import Stability
from tests.unit.watch.conftest import CONSENTED, LEAFLET

pytestmark = pytest.mark.model


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


class Running:
    """A watcher running in its own thread (its stores belong to that thread)."""

    def __init__(self, share, stability: Stability) -> None:  # noqa: ANN001
        self.share, self.stability, self.watchers = share, stability, []
        self.thread = threading.Thread(target=self._run)

    def _run(self) -> None:
        with self.share.watcher(self.stability) as watcher:
            self.watchers.append(watcher)
            watcher.run()

    def __enter__(self) -> "Running":
        self.thread.start()
        wait_until(lambda: any(e["event"] == "rescanned" for e in self.share.events()))
        return self

    def __exit__(self, *exc: object) -> None:
        self.watchers[0].stop()
        self.thread.join(timeout=20)
        assert not self.thread.is_alive()
        assert self.share.events()[-1]["event"] == "stopped"


def test_a_file_closed_in_the_outbox_is_taken_on_its_close_event(share):
    (share.outbox / "kent-front-door/early-help").mkdir(parents=True)  # folders made before the file
    # quiet=60: a file without a close event would wait a minute, past the test's timeout
    with Running(share, Stability(interval=0.02, polls=2, quiet=60.0, give_up=120.0)):
        share.drop("kent-front-door/early-help/leaflet.txt", LEAFLET)
        wait_until(lambda: share.files("released") == ["kent-front-door/leaflet.txt"])


def test_a_folder_moved_in_whole_is_walked(share, tmp_path):
    folder = tmp_path / "prepared" / "early-help"
    folder.mkdir(parents=True)
    (folder / "progress.txt").write_text(CONSENTED)
    (folder / "other.txt").write_text(LEAFLET)
    share.outbox.mkdir(parents=True)
    with Running(share, Stability(interval=0.02, polls=2, quiet=0.2, give_up=60.0)):
        os.rename(folder.parent, share.outbox / "kent-front-door")  # no events for the files inside
        wait_until(lambda: len(share.files("released")) == 2)
    assert share.files("outbox") == []


def test_a_stop_finishes_the_file_in_hand(share, monkeypatch):
    for n in range(5):
        share.drop(f"kent-front-door/early-help/leaflet-{n}.txt", f"{LEAFLET}Number {n}.\n")
    with share.watcher() as watcher:
        real = watcher.worker.events

        def stop_after_first(event, **fields):  # noqa: ANN001, ANN003, ANN202
            real(event, **fields)
            if event == "done":
                watcher.stop()  # as SIGTERM does, in the middle of a batch

        watcher.worker.events = stop_after_first
        watcher.run()
    assert len(share.files("released")) == 1  # the file in hand finished, the rest wait
    with share.watcher() as watcher:  # the next start resumes the claimed ones and takes the rest
        watcher.run(once=True)
    assert len(share.files("released")) == 5 and share.files(".state/work") == []


def test_the_watch_command_once(share, demo_register):
    from cli import cli

    share.drop("kent-front-door/early-help/leaflet.txt", LEAFLET)
    result = CliRunner().invoke(cli, ["--register", str(demo_register), "--audit", str(share.records / "a.sqlite3"),
                                      "--review-db", str(share.records / "r.sqlite3"), "watch", "--root",
                                      str(share.root), "--once", "--log-file", str(share.records / "watch.log")],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output == "" and share.files("released") == ["kent-front-door/leaflet.txt"]
    events = (share.records / "watch.log").read_text().splitlines()
    assert '"event": "loaded"' in events[0] and '"event": "stopped"' in events[-1]


def test_the_watch_command_refuses_an_unusable_journal(share):
    from cli import cli

    (share.root / ".state").mkdir(parents=True)
    (share.root / ".state" / "journal.sqlite3").write_bytes(b"not a database" * 100)
    result = CliRunner(env={"SHAREGUARD_SHARE": str(share.root)}).invoke(cli, ["watch", "--once"])
    assert result.exit_code == 1 and "journal" in result.output and "Traceback" not in result.output


def test_move_events_are_not_held_back():
    """watchdog holds an unpaired move 0.5 s and blocks the events behind it; every claim is
    such a move. If an upgrade renames this knob, latency grows by up to 0.5 s: fail here."""
    from watchdog.observers.inotify_move_event_grouper import InotifyMoveEventGrouper

    from scanner.watch.events import no_move_pairing

    assert InotifyMoveEventGrouper.delay in (0, 0.5)
    no_move_pairing()
    assert InotifyMoveEventGrouper().delay == 0 and InotifyMoveEventGrouper()._queue.delay == 0
