"""Put a watcher together: the loaded library, the audit trail, the review queue and the
journal, opened once and closed together. What `shareguard watch` calls."""
from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from scanner.watch.journal import Journal
from scanner.watch.layout import ShareLayout
from scanner.watch.logs import EventLog, route_library_logs
from scanner.watch.stability import Stability, Tracker
from scanner.watch.watcher import Timing, Watcher
from scanner.watch.worker import Worker


@contextmanager
def open_watcher(root: str | Path, config: Any, *, register: str | Path | None = None, audit_path: Path | None = None,
                 review_path: Path | None = None, events: EventLog | None = None, stability: Stability = Stability(),
                 timing: Timing = Timing(), scanner: Any = None) -> Iterator[Watcher]:
    """A ready Watcher on the share folder `root`. `scanner`: an already loaded Scanner to use
    (tests); otherwise one is loaded here (the model takes a few seconds) and closed after."""
    from scanner.audit.log import AuditLog
    from scanner.redact import redact_to
    from scanner.review.store import ReviewStore

    events = events or EventLog()
    layout = ShareLayout(Path(root))
    layout.ensure()
    with ExitStack() as stack:
        handler = route_library_logs(events)  # their messages may quote a path: never printed
        stack.callback(logging.getLogger().removeHandler, handler)
        if scanner is None:
            from scanner.pipeline import Scanner

            started = time.monotonic()
            scanner = stack.enter_context(Scanner(config, register=register))
            events("loaded", ms=round((time.monotonic() - started) * 1000))
        journal = stack.enter_context(Journal.open(layout.journal))
        audit = stack.enter_context(AuditLog.open(audit_path or config.audit_path()))
        review = stack.enter_context(ReviewStore.open(review_path or config.review_path()))
        worker = Worker(layout, journal, scanner, audit, review, redact_to, events, give_up=stability.give_up)
        yield Watcher(layout, worker, Tracker(stability), events, timing)
