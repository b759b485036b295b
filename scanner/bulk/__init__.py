"""Bulk scan of an archive into a private index, and search of that index for a person.

    from scanner.bulk import Query, ScanOptions, find, scan
    scan(ScanOptions(sources=("archive/",), out=Path("index")))          # local engine, one worker per core
    for match in find("index", Query(names=("Jayden Smith",))): print(match.path, match.how)

`scan_batch` (in `scanner.bulk.batch`) is the engine-neutral step both engines run; the index
holds types, counts, places and keyed hashes, never a value found (README "Bulk scan and find").
Loaded on first use, so `import scanner.bulk` stays cheap (no model, no Ray).
"""
from __future__ import annotations

from scanner.lazy import lazy_exports

_API = {
    "scan": "scanner.bulk.run",
    "ScanOptions": "scanner.bulk.run",
    "ScanResult": "scanner.bulk.run",
    "ENGINES": "scanner.bulk.run",
    "preload": "scanner.bulk.run",
    "find": "scanner.bulk.search",
    "Query": "scanner.bulk.search",
    "Match": "scanner.bulk.search",
    "scan_batch": "scanner.bulk.batch",
    "BatchSettings": "scanner.bulk.batch",
    "summary_table": "scanner.bulk.summary",
    "BulkError": "scanner.bulk.errors",
    "EngineMissing": "scanner.bulk.errors",
}
__getattr__, __all__ = lazy_exports(__name__, _API)
