"""watchdog events → candidates. A file is noted when created, modified, closed after writing or
moved in (its new name); a folder created or moved in is walked (its files raise no events).

`no_move_pairing()`: watchdog holds every IN_MOVED_FROM for 0.5 s to pair it with its
IN_MOVED_TO, and its queue delivers nothing else meanwhile. Every claim renames a file *out
of* the outbox, so each claim delayed the next file's events by up to 0.5 s (measured: ~350 ms
of the median latency). The watcher needs no pairing (a new name is a candidate whether it
was moved or created; an old name is nothing to it), so the delay is turned off.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileClosedEvent, FileSystemEvent, FileSystemEventHandler

CLOSED_EVENTS = (FileClosedEvent,)


def no_move_pairing() -> None:
    """Deliver move events at once (watchdog 7: a class attribute read when a watch starts)."""
    from watchdog.observers import inotify_move_event_grouper

    inotify_move_event_grouper.InotifyMoveEventGrouper.delay = 0


class OutboxHandler(FileSystemEventHandler):
    def __init__(self, note: Callable[..., None]) -> None:
        super().__init__()
        self._note = note

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("deleted", "closed_no_write", "opened"):
            return
        if event.is_directory:
            if event.event_type in ("created", "moved"):
                self._note(Path(_text(getattr(event, "dest_path", "") or event.src_path)), folder=True)
            return
        path = getattr(event, "dest_path", "") or event.src_path
        self._note(Path(_text(path)), closed=isinstance(event, CLOSED_EVENTS))


def _text(path: str | bytes) -> str:
    return os.fsdecode(path)
