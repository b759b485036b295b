"""Structured logs: one JSON object per line, per event, to stderr or a log file.

File names in the share folder can name a child, so no event carries a name, a path or any
text from a document: a job is known by its journal id (`J-12`) and its content by its
SHA-256. Records from other libraries keep their logger, level and exception type only,
because their messages may quote a path.
"""
from __future__ import annotations

import json
import logging
import sys
import threading
from datetime import datetime, timezone
from typing import Any, TextIO

LEVELS = ("debug", "info", "warning", "error")


class EventLog:
    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stderr
        self._lock = threading.Lock()

    def __call__(self, event: str, level: str = "info", **fields: Any) -> None:
        record = {"at": datetime.now(timezone.utc).isoformat(timespec="milliseconds"), "level": level,
                  "event": event, **{k: v for k, v in fields.items() if v is not None}}
        line = json.dumps(record, ensure_ascii=True, default=str)
        with self._lock:
            try:
                self._stream.write(line + "\n")
                self._stream.flush()
            except (OSError, ValueError):  # a closed or full log never stops the watcher
                pass

    def close(self) -> None:
        if self._stream not in (sys.stderr, sys.stdout):
            self._stream.close()


class LibraryRecords(logging.Handler):
    """Other libraries' log records as events, without their messages (they may hold paths)."""

    def __init__(self, events: EventLog) -> None:
        super().__init__(logging.WARNING)
        self._events = events

    def emit(self, record: logging.LogRecord) -> None:
        level = record.levelname.lower()
        error = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else None
        self._events("library", level="error" if level == "critical" else level if level in LEVELS else "warning",
                     logger=record.name, error=error)


def route_library_logs(events: EventLog) -> logging.Handler:
    """Send warnings and errors of every logger through `events`; returns the handler (to remove)."""
    handler = LibraryRecords(events)
    root = logging.getLogger()
    for existing in list(root.handlers):
        if isinstance(existing, LibraryRecords):
            root.removeHandler(existing)
    root.addHandler(handler)
    return handler
