"""`scan()`: walk the sources, scan what is not finished on an engine, commit, summarise.

    from scanner.bulk import ScanOptions, scan
    result = scan(ScanOptions(sources=("archive/",), out=Path("index"), engine="local", jobs=2))
    print(result.summary["with_personal_data"])

The same library call is behind `shareguard scan`; the engines only differ in where
`scan_batch` runs. A run killed at any moment is finished by running it again.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Protocol

from scanner.bulk.batch import BatchSettings, prepare
from scanner.bulk.errors import BulkError
from scanner.bulk.keys import default_key_path, load_key
from scanner.bulk.plan import EngineOptions, under, walk
from scanner.bulk.report_html import render
from scanner.bulk.store import Index
from scanner.bulk.summary import summarise
from scanner.config import load_config

ENGINES = ("local", "ray")
Engine = Callable[[list[str], BatchSettings, EngineOptions], Iterator[list[dict]]]


class Progress(Protocol):
    def start(self, total: int, finished: int) -> None: ...
    def advance(self, documents: int) -> None: ...


@dataclass(frozen=True)
class ScanOptions:
    sources: tuple[str, ...]
    out: Path
    engine: str = "local"
    jobs: int | None = None
    batch_size: int = 16
    ray_address: str | None = None
    key_path: Path | None = None  # default: $SHAREGUARD_INDEX_KEY or ~/.config/shareguard/index.key
    config_dir: str | None = None


@dataclass(frozen=True)
class ScanResult:
    summary: dict
    scanned: int  # documents scanned by this run
    skipped: int  # documents already finished, unchanged since
    removed: int  # records dropped: superseded by a rescan, or their file is gone
    seconds: float
    unlisted: list[tuple[str, str]] = field(default_factory=list)  # folders or files that could not be listed
    files: dict[str, str] = field(default_factory=dict)  # what was written: results, manifest, summary, report


def scan(options: ScanOptions, progress: Progress | None = None) -> ScanResult:
    """Scan every file under `options.sources` into the index at `options.out`."""
    if options.engine not in ENGINES:
        raise BulkError(f"unknown engine {options.engine!r} (known: {', '.join(ENGINES)})")
    engine = _engine(options.engine)
    out = Path(options.out).absolute()
    key_path = Path(options.key_path or default_key_path()).absolute()
    if under(str(key_path), [str(out)]):
        raise BulkError(f"{key_path}: the index key must be kept outside the index directory {out}.")
    key = load_key(key_path, create=True)
    config = load_config(options.config_dir)  # fails here, before anything is written, if invalid
    roots = [os.path.abspath(s) for s in options.sources]
    started = time.monotonic()
    with Index.open(out, key) as index:
        index.write_meta(sources=roots, engine=options.engine, key_path=str(key_path))
        tmp = index.tmp_dir()
        _empty(tmp)
        listing = walk(options.sources, exclude=[out])
        todo = [f.path for f in listing.files if not index.finished(f.path, f.size, f.mtime_ns)]
        if progress:
            progress.start(len(todo), len(listing.files) - len(todo))
        if todo:
            settings = BatchSettings(key=key, config_dir=options.config_dir)
            engine_options = EngineOptions(jobs=options.jobs, batch_size=options.batch_size,
                                           ray_address=options.ray_address, tmp_dir=tmp)
            for records in engine(todo, settings, engine_options):
                index.commit(records)
                if progress:
                    progress.advance(len(records))
        present = {f.path for f in listing.files}
        removed = index.compact({p for p in index.done if p not in present and under(p, roots)})
        summary = summarise(index.records(), frozenset(config.engine.quasi_identifiers), roots)
        summary["unlisted"] = [{"path": p, "why": why} for p, why in listing.unlisted]
        files = {
            "results": str(out / "results.jsonl"), "manifest": str(out / "manifest.jsonl"),
            "summary": str(index.write_file("summary.json", json.dumps(summary, indent=1).encode() + b"\n")),
            "report": str(index.write_file("report.html", render(summary).encode())),
        }
        index.write_meta(last_scan={"finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                                    "documents": summary["documents"], "scanned": len(todo)})
        _empty(tmp)
    return ScanResult(summary, len(todo), len(listing.files) - len(todo), removed, time.monotonic() - started,
                      listing.unlisted, files)


def _engine(name: str) -> Engine:
    if name == "ray":
        from scanner.bulk.engine_ray import run_ray

        return run_ray
    from scanner.bulk.engine_local import run_local

    return run_local


def preload(config_dir: str | None = None, detection=None) -> None:  # noqa: ANN001
    """Load the model for the local engine now, or reuse a loaded `Detection` (tests, benchmarks)."""
    prepare(config_dir, detection)


def _empty(folder: Path) -> None:
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
