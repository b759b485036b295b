"""The watched share folder: every complete file dropped in `outbox/` gets exactly one outcome
(released, released redacted, or held in quarantine with a review item), decided by the
library and recorded in the audit trail, and survives a crash on the way.

    layout      where things are in the share folder; names that are not requests
    request     recipient and purpose from the path, a sidecar, or an e-mail's addresses
    stability   when a dropped file is complete
    files       claim, copy, place: without following links, without overwriting, durably
    journal     the SQLite journal of every claimed file and its steps
    claim       outbox → .state/work/<job>/
    decide      the library's outcome and the plan of moves
    act         record, place, finish (each step safe to repeat)
    worker      one job through every step, or resumed from its last one
    watcher     the loop: observer events, rescans, stability, stop
    service     the watcher opened with the library, audit trail, review queue and journal
    logs        one JSON line per event, without names or paths

Loaded on first use, like `scanner.review`.
"""
from __future__ import annotations

from scanner.lazy import lazy_exports

_API = {
    "open_watcher": "scanner.watch.service",
    "Watcher": "scanner.watch.watcher",
    "Timing": "scanner.watch.watcher",
    "Stability": "scanner.watch.stability",
    "Tracker": "scanner.watch.stability",
    "Journal": "scanner.watch.journal",
    "JournalError": "scanner.watch.journal",
    "Job": "scanner.watch.journal",
    "ShareLayout": "scanner.watch.layout",
    "EventLog": "scanner.watch.logs",
    "Worker": "scanner.watch.worker",
    "Sidecar": "scanner.watch.request",
    "resolve": "scanner.watch.request",
}
__getattr__, __all__ = lazy_exports(__name__, _API)
