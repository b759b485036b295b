"""`shareguard watch`: watch the outbox and give every complete file exactly one outcome.

Three ways a file is noticed, because none is enough alone (see notes on watchdog): events
from a watchdog Observer (created, modified, closed, moved in), a scan of the whole outbox at
start (files that arrived while the watcher was down) and a periodic rescan (events lost in a
flood). Before any of that, the journal's unfinished jobs are resumed.

One thread does the work; the observer thread only notes candidates. `stop()` (SIGTERM,
SIGINT) lets the file in hand finish; files claimed but not yet decided are resumed at the
next start.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from scanner.watch.journal import Job
from scanner.watch.layout import SIDECAR_SUFFIX, ShareLayout, ignored
from scanner.watch.logs import EventLog
from scanner.watch.stability import Tracker
from scanner.watch.worker import Worker

BATCH = 32  # files claimed and checked together; a stop waits for at most the file in hand


@dataclass(frozen=True)
class Timing:
    rescan: float = 30.0  # seconds between full rescans of the outbox
    retry: float = 30.0  # seconds before a failed job is tried again


class Watcher:
    def __init__(self, layout: ShareLayout, worker: Worker, tracker: Tracker, events: EventLog,
                 timing: Timing = Timing()) -> None:
        self.layout, self.worker, self.tracker, self.events, self.timing = layout, worker, tracker, events, timing
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._folders: set[Path] = set()  # folders moved or created in the outbox: walked by the loop
        self._reason: str | None = None  # why it was stopped (a signal's name)
        self._lock = threading.Lock()
        worker.stopping = self._stop.is_set

    def stop(self, reason: str | None = None) -> None:
        """Finish the file in hand, then return from `run` (within one poll interval). Safe in a
        signal handler: it sets one flag and takes no lock the loop could be holding."""
        self._reason = self._reason or reason
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def run(self, once: bool = False) -> int:
        """Watch until stopped (or, with `once`, until the outbox is empty); the jobs completed."""
        self.layout.ensure()
        self.events("started", root=str(self.layout.root), once=once)
        completed = self.resume_in_flight()
        observer = None if once else self._observe()
        try:
            self.rescan(first=True)
            last_rescan = last_retry = time.monotonic()
            while not self.stopping:
                done, more = self._tick()
                completed += done
                now = time.monotonic()
                if once and len(self.tracker) == 0:
                    break
                if not once and now - last_rescan >= self.timing.rescan:
                    self.rescan()
                    last_rescan = now
                if now - last_retry >= self.timing.retry:
                    completed += self.resume_in_flight(quiet=True)
                    last_retry = now
                if not more:
                    self._wake.wait(self.tracker.stability.interval)
                    self._wake.clear()
        finally:
            if observer is not None:
                observer.stop()
                observer.join(timeout=5)
        self.events("stopped", completed=completed, pending=len(self.tracker), signal=self._reason)
        return completed

    def resume_in_flight(self, quiet: bool = False) -> int:
        """Finish the jobs a crash (or a failure) left unfinished, oldest first."""
        jobs = self.worker.journal.in_flight()
        if jobs and not quiet:
            self.events("recovering", jobs=len(jobs))
        done = 0
        for job in jobs:
            if self.stopping:
                break
            done += self.worker._guarded(job, lambda j=job: self.worker.resume(j)) is not None
        return done

    def rescan(self, first: bool = False) -> int:
        """Note every candidate file in the outbox; how many were found (logged at start, and
        later only when files were there)."""
        found = 0
        for path in walk(self.layout.outbox):
            self.tracker.note(path)
            found += 1
        if first or found:
            self.events("rescanned", candidates=found)
        return found

    def note(self, path: Path, closed: bool = False, folder: bool = False) -> None:
        """An event about `path` (from the observer thread); `folder`: a folder appeared, whose
        files (moved in with it) raise no events of their own."""
        if not self.layout.inside(path, self.layout.outbox) or path == self.layout.outbox:
            return
        relative = self.layout.relative(path)
        if folder:
            with self._lock:
                self._folders.add(path)
        elif not ignored(relative):
            self.tracker.note(path, closed)
        elif path.name.endswith(SIDECAR_SUFFIX):
            self.tracker.note(path.with_name(path.name[: -len(SIDECAR_SUFFIX)]))
        self._wake.set()

    def _tick(self) -> tuple[int, bool]:
        """Take one batch of complete files (and any that kept changing too long) through to
        their outcomes; (jobs completed, whether more files may be ready)."""
        with self._lock:
            folders, self._folders = self._folders, set()
        for folder in folders:
            for path in walk(folder):
                self.tracker.note(path)
        poll = self.tracker.poll(limit=BATCH)
        done = 0
        for paths, restless in ((poll.restless, True), (poll.ready, False)):
            if paths and not self.stopping:
                done += len(self.worker.process(paths, restless=restless))
        return done, len(poll.ready) == BATCH

    def _observe(self):  # noqa: ANN202
        from watchdog.observers import Observer  # imported only when watching

        from scanner.watch.events import OutboxHandler, no_move_pairing

        no_move_pairing()
        observer = Observer()
        observer.schedule(OutboxHandler(self.note), str(self.layout.outbox), recursive=True)
        observer.daemon = True
        observer.start()
        return observer


def walk(folder: Path) -> Iterator[Path]:
    """Every candidate below `folder`: files, links and other non-folders, never following a
    link, skipping hidden folders and the names `ignored` lists."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name.startswith("~$"):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        path = Path(entry.path)
        if is_dir:
            yield from walk(path)
        elif not ignored(Path(entry.name)):
            yield path


__all__ = ["Job", "Timing", "Watcher", "walk"]
