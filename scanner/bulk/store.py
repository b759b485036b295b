"""The output directory of a bulk scan: append-only results, a manifest, and crash recovery.

    DIR/                 owner-only (0700); refused if it holds anything that is not an index
      results.jsonl      one record per document (schema: `scanner.bulk.records`), append-only
      manifest.jsonl     path, size, mtime, sha256 of every finished document, and where its
                         record ends in results.jsonl
      scan.json          what the index is: schema, key fingerprint, sources, times
      summary.json, report.html   written at the end of each scan
      tmp/               owner-only scratch space (Ray's temporary and spill files)

A record is written, then fsync'd, then its manifest entry: a complete line in results.jsonl
is a finished document, whatever happens next. After a kill at any moment, opening the
directory cuts a torn last line from both files and adds to the manifest the records it missed,
so nothing finished is scanned again and nothing appears twice. A changed file's new record
supersedes its old one; `compact()` then rewrites results.jsonl with one record per document.
"""
from __future__ import annotations

import fcntl
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from scanner.bulk import files
from scanner.bulk.errors import BulkError
from scanner.bulk.keys import key_id

RESULTS, MANIFEST, META, LOCK, TMP = "results.jsonl", "manifest.jsonl", "scan.json", ".lock", "tmp"
FORMAT = "shareguard-index"
LOCK_WAIT_S = 15.0  # a killed scan's workers may hold the lock for a moment while they die


@dataclass(frozen=True)
class Entry:
    path: str
    size: int | None
    mtime_ns: int | None
    sha256: str
    status: str
    end: int  # byte offset in results.jsonl just after this document's record

    @classmethod
    def of(cls, record: dict, end: int) -> "Entry":
        return cls(record["path"], record.get("size"), record.get("mtime_ns"), record.get("sha256", ""),
                   record.get("status", "ok"), end)


class Index:
    """An index directory, opened for scanning (locked, repaired) or for reading."""

    def __init__(self, directory: Path, key: bytes, writable: bool) -> None:
        self.directory, self.writable = directory, writable
        self.done: dict[str, Entry] = {}
        self.lines = 0  # records in results.jsonl, superseded ones included
        self._covered = 0  # bytes of results.jsonl described by manifest.jsonl
        self._lock: IO | None = None
        self._check_meta(key)

    @classmethod
    def open(cls, directory: str | Path, key: bytes, writable: bool = True) -> "Index":
        directory = Path(directory)
        if writable:
            _make_private_dir(directory)
        elif not (directory / META).exists():
            raise BulkError(f"{directory}: not a ShareGuard index (no {META}); make one with `shareguard scan`.")
        index = cls(directory, key, writable)
        if writable:
            index._lock = _lock(directory / LOCK)
        index._recover()
        return index

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what is done ------------------------------------------------------------------------

    def finished(self, path: str, size: int, mtime_ns: int) -> bool:
        entry = self.done.get(path)
        return entry is not None and entry.size == size and entry.mtime_ns == mtime_ns

    @property
    def superseded(self) -> int:
        """Records in results.jsonl that a later record of the same document replaced."""
        return self.lines - len(self.done)

    def tmp_dir(self) -> Path:
        """Owner-only scratch space inside the index; emptied by `clear_tmp()`."""
        path = self.directory / TMP
        path.mkdir(mode=0o700, exist_ok=True)
        os.chmod(path, 0o700)
        return path

    # -- writing -----------------------------------------------------------------------------

    def commit(self, records: list[dict]) -> None:
        """Append the records durably, then their manifest entries."""
        if not records:
            return
        lines = [json.dumps(r, sort_keys=True).encode() + b"\n" for r in records]
        with files.open_append(self.directory / RESULTS) as results:
            start = results.seek(0, os.SEEK_END)
            results.write(b"".join(lines))
            results.flush()
            os.fsync(results.fileno())
        entries, end = [], start
        for record, line in zip(records, lines):
            end += len(line)
            entries.append(Entry.of(record, end))
        self._append_manifest(entries)

    def compact(self, drop: set[str] = frozenset()) -> int:
        """Rewrite results.jsonl with the latest record of each document (less `drop`, paths no
        longer there); returns how many records went. Atomic: a kill leaves the old or the new."""
        for path in drop:
            self.done.pop(path, None)
        gone = self.lines - len(self.done)
        if gone == 0:
            return 0
        live = {e.end for e in self.done.values()}
        fresh = self.directory / (RESULTS + ".new")
        with files.open_new(fresh) as out:
            for end, line in files.lines(self.directory / RESULTS):
                if end in live:
                    out.write(line)
            out.flush()
            os.fsync(out.fileno())
        os.replace(fresh, self.directory / RESULTS)
        files.fsync_dir(self.directory)
        self.done, self.lines, self._covered = {}, 0, 0
        self._rebuild_manifest()
        return gone

    def write_meta(self, **fields: object) -> None:
        meta = {**self._meta, **fields, "updated": _now()}
        files.write_atomic(self.directory / META, json.dumps(meta, indent=2, sort_keys=True).encode() + b"\n")
        self._meta = meta

    def write_file(self, name: str, data: bytes) -> Path:
        path = self.directory / name
        files.write_atomic(path, data)
        return path

    # -- reading -----------------------------------------------------------------------------

    def records(self) -> Iterator[dict]:
        """Every document's current record, in the order they were written."""
        live = None if self.superseded == 0 else {e.end for e in self.done.values()}
        for end, line in files.lines(self.directory / RESULTS):
            if live is None or end in live:
                try:
                    yield json.loads(line)
                except ValueError:
                    continue

    # -- recovery ----------------------------------------------------------------------------

    def _check_meta(self, key: bytes) -> None:
        path = self.directory / META
        self._meta = json.loads(path.read_text()) if path.exists() else {}
        if self._meta and self._meta.get("format") != FORMAT:
            raise BulkError(f"{path}: not a ShareGuard index.")
        if self._meta and self._meta.get("key_id") != key_id(key):
            raise BulkError(f"{self.directory}: this index was made with another key (key id "
                            f"{self._meta.get('key_id')}; the key given has id {key_id(key)}). Use the key it was made "
                            "with (--key, $SHAREGUARD_INDEX_KEY).")
        if not self._meta and self.writable:
            self._meta = {"format": FORMAT, "schema": 1, "key_id": key_id(key), "created": _now()}
            self.write_meta()

    def _recover(self) -> None:
        results, manifest = self.directory / RESULTS, self.directory / MANIFEST
        if self.writable:
            files.cut_torn_tail(results)
            files.cut_torn_tail(manifest)
        size = results.stat().st_size if results.exists() else 0
        if not self._read_manifest(manifest, results) or self._covered > size:
            self.done, self.lines, self._covered = {}, 0, 0
            if self.writable:
                self._rebuild_manifest()
            else:
                self._remember(Entry.of(record, end) for end, record in files.records(results))
            return
        missed = [Entry.of(record, end) for end, record in files.records(results, self._covered)]
        if self.writable:
            self._append_manifest(missed)
        else:
            self._remember(missed)

    def _read_manifest(self, manifest: Path, results: Path) -> bool:
        """Load manifest.jsonl; False when there is none or it does not describe this results.jsonl."""
        entries = files.records(manifest)
        header = next(entries, None)
        if header is None or header[1].get("results") != files.identity(results):
            return False  # no manifest, or results.jsonl was replaced (compaction) after it was written
        self._remember(Entry(**entry) for _, entry in entries)
        return True

    def _rebuild_manifest(self) -> None:
        results = self.directory / RESULTS
        files.open_append(results).close()  # exists from now on, so its identity stays the same
        with files.open_new(self.directory / (MANIFEST + ".new")) as out:
            out.write(json.dumps({"manifest": 1, "results": files.identity(results)}).encode() + b"\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(self.directory / (MANIFEST + ".new"), self.directory / MANIFEST)
        self._append_manifest([Entry.of(record, end) for end, record in files.records(results)])

    def _append_manifest(self, entries: list[Entry]) -> None:
        if entries:
            with files.open_append(self.directory / MANIFEST) as out:
                out.write(b"".join(json.dumps(e.__dict__).encode() + b"\n" for e in entries))
                out.flush()
                os.fsync(out.fileno())
        self._remember(entries)

    def _remember(self, entries) -> None:  # noqa: ANN001
        for entry in entries:
            self.done[entry.path] = entry
            self.lines += 1
            self._covered = max(self._covered, entry.end)


def _make_private_dir(directory: Path) -> None:
    """Create DIR owner-only; an existing DIR must be empty or an index already."""
    if directory.exists():
        if not directory.is_dir():
            raise BulkError(f"{directory}: not a directory.")
        if any(directory.iterdir()) and not (directory / META).exists():
            raise BulkError(f"{directory}: not empty and not a ShareGuard index; choose a new or empty directory.")
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(directory, 0o700)


def _lock(path: Path) -> IO:
    handle = open(os.open(path, os.O_RDWR | os.O_CREAT, 0o600), "rb+")
    deadline = time.monotonic() + LOCK_WAIT_S
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            if time.monotonic() > deadline:
                handle.close()
                raise BulkError(f"{path.parent}: another scan is writing to this index.") from None
            time.sleep(0.2)


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
