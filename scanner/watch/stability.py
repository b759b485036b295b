"""When a dropped file is complete: its size and modification time (and its sidecar's) stay the
same over several polls, and either a writer closed it or it has been quiet for a while. A file
that keeps changing for too long is handed over to be held, never waited on for ever.

Events (watchdog) and rescans only *note* candidates; `poll` decides which are ready. Thread
safe: the observer thread notes, the watcher's loop polls.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from scanner.watch.files import signature
from scanner.watch.layout import sidecar_of


@dataclass(frozen=True)
class Stability:
    """How long to wait. `polls`: equal observations needed in a row; `quiet`: seconds since the
    last modification when no close event was seen (files moved in, copies by other tools);
    `give_up`: seconds a file may keep changing before it is held."""

    interval: float = 0.05
    polls: int = 2
    quiet: float = 1.0
    give_up: float = 300.0


@dataclass
class _Candidate:
    seen: float
    signature: tuple | None = None
    same: int = 0  # observations in a row with this signature
    changed: float = 0.0  # when the signature was last seen to change
    closed: bool = False  # a writer closed the file after its last change
    close_noted: bool = False  # a close event arrived since the last poll


@dataclass(frozen=True)
class Poll:
    ready: list[Path] = field(default_factory=list)  # complete: claim them
    restless: list[Path] = field(default_factory=list)  # kept changing past `give_up`: claim and hold


class Tracker:
    def __init__(self, stability: Stability = Stability(), clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time) -> None:
        self.stability, self._clock, self._wall = stability, clock, wall
        self._candidates: dict[Path, _Candidate] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._candidates)

    def note(self, path: Path, closed: bool = False) -> None:
        """A file may have arrived or changed; `closed`: a writer just closed it."""
        with self._lock:
            candidate = self._candidates.get(path)
            if candidate is None:
                candidate = self._candidates[path] = _Candidate(seen=self._clock())
            if closed:
                candidate.close_noted = True

    def forget(self, path: Path) -> None:
        with self._lock:
            self._candidates.pop(path, None)

    def poll(self, limit: int | None = None) -> Poll:
        """Observe every candidate once; return up to `limit` ready (oldest first) and those that
        kept changing too long, and forget them. The others stay and are observed again at the
        next poll, so a file is taken only right after it was last seen complete."""
        result = Poll()
        now, wall = self._clock(), self._wall()
        with self._lock:
            items = list(self._candidates.items())
        for path, candidate in items:
            current = _observe(path)
            if current is None:
                self.forget(path)
                continue
            with self._lock:
                noted, candidate.close_noted = candidate.close_noted, False
            if current == candidate.signature:
                candidate.same += 1
                candidate.closed = candidate.closed or noted
            else:
                # changed since the last poll: complete only if a writer closed it since then
                candidate.signature, candidate.same, candidate.closed = current, 1, noted
                candidate.changed = now
            if self._ready(candidate, current, now, wall):
                if limit is None or len(result.ready) < limit:
                    result.ready.append(path)
            elif now - candidate.seen >= self.stability.give_up:
                result.restless.append(path)
        with self._lock:
            for path in (*result.ready, *result.restless):
                self._candidates.pop(path, None)
        return result

    def _ready(self, candidate: _Candidate, current: tuple, now: float, wall: float) -> bool:
        if candidate.same < self.stability.polls:
            return False
        quiet = self.stability.quiet
        # modified long ago (found by a rescan), or seen unchanged for that long (a skewed clock)
        return candidate.closed or wall - current[0][1] / 1e9 >= quiet or now - candidate.changed >= quiet


def _observe(path: Path) -> tuple | None:
    """The file's signature and its sidecar's (None when the file is gone)."""
    mine = signature(path)
    if mine is None:
        return None
    return (mine, signature(sidecar_of(path)))
