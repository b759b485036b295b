"""The audit trail: an append-only, hash-chained SQLite table of every sharing decision.

Each entry has a number (`seq`, 1, 2, 3… with no gaps), the UTC time, who acted
("ShareGuard (automatic)" or a named person), what kind of event it was, a JSON body (hashes,
types, ids and rule numbers, never the document's text, names or identifiers: see
`events.py`), the previous entry's hash and its own. Appends take the write lock first
(BEGIN IMMEDIATE), so the watcher and the CLI writing at once never fork the chain. Triggers
refuse UPDATE and DELETE, so the program cannot change history by mistake; `verify()` is what
shows that nobody changed it on purpose.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from scanner import sqlite as db
from scanner.audit.chain import GENESIS, canonical, entry_hash
from scanner.audit.errors import AuditError
from scanner.audit.head import Head, read_witness, write_witness
from scanner.policy.record import AUTOMATIC  # the actor of every decision the program made itself

__all__ = ["AUTOMATIC", "AuditEntry", "AuditLog", "Verification"]
WHAT = "audit trail"

SCHEMA: tuple[db.Step, ...] = (
    db.Step("the chained entries, the head, and triggers that refuse changes", (
        """CREATE TABLE entries (
            seq INTEGER PRIMARY KEY CHECK (seq >= 1), at TEXT NOT NULL, actor TEXT NOT NULL, kind TEXT NOT NULL,
            body TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE)""",
        # One row: the last entry, written in the same transaction as it (a DELETE of the tail alone shows).
        """CREATE TABLE head (one INTEGER PRIMARY KEY CHECK (one = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL)""",
        "CREATE INDEX entries_kind ON entries (kind)",
        """CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
        """CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
    )),
)


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    kind: str
    body: dict[str, Any]
    prev_hash: str
    hash: str

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at, "actor": self.actor, "kind": self.kind, "body": self.body,
                "prev_hash": self.prev_hash, "hash": self.hash}


@dataclass(frozen=True)
class Verification:
    """What `verify()` found. `first_bad` is the number of the first entry that is wrong or
    missing (None when intact); `problem` says what is wrong in a sentence."""

    entries: int
    head: Head | None
    first_bad: int | None = None
    problem: str | None = None

    @property
    def intact(self) -> bool:
        return self.problem is None

    def __str__(self) -> str:
        if self.intact:
            head = f", head {self.head}" if self.head else ""
            return f"audit trail intact: {self.entries} entries{head}"
        where = f" at entry {self.first_bad}" if self.first_bad is not None else ""
        return f"audit trail BROKEN{where}: {self.problem}"


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class AuditLog(db.Store):
    """One open audit file. Use `AuditLog.open(path)`, as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Callable[[], str]) -> None:
        self._conn, self.path, self._clock = conn, path, clock

    @classmethod
    def open(cls, path: str | Path, clock: Callable[[], str] = utc_now, create: bool = True) -> AuditLog:
        """Open the file (creating it, readable by owner and group only, unless `create` is
        False: then a missing file is an error), schema up to date."""
        path = Path(path)
        conn = db.connect(path, WHAT, AuditError, 0o640, create)
        try:
            db.migrate(conn, SCHEMA, path, WHAT, AuditError)
            if read_witness(path) is None and conn.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is None:
                # From its first moment an audit file has a head file (naming entry 0, "nothing yet"),
                # so a missing one always means it was removed, never that the first write is under way.
                write_witness(path, Head(0, GENESIS))
        except OSError as exc:
            conn.close()
            raise AuditError(f"{path}: cannot write the head file beside the audit trail ({exc})") from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, clock)

    def append(self, kind: str, body: dict[str, Any], actor: str = AUTOMATIC) -> AuditEntry:
        """Add one entry after the current last one, in one transaction; return it."""
        if not re.fullmatch(r"[a-z][a-z_]*", kind):
            raise ValueError(f"audit event kind must be snake_case (got {kind!r})")
        if not actor.strip():
            raise ValueError("an audit entry needs an actor")
        text = canonical(body)  # refuses what JSON cannot hold, before anything is written
        with self._write():
            row = self._conn.execute("SELECT seq, hash FROM head").fetchone()
            seq, prev = (row["seq"] + 1, row["hash"]) if row else (1, GENESIS)
            at = self._clock()
            digest = entry_hash(seq, at, actor, kind, json.loads(text), prev)
            self._conn.execute("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)",
                               (seq, at, actor, kind, text, prev, digest))
            self._conn.execute("INSERT INTO head VALUES (1, ?, ?) ON CONFLICT (one) DO UPDATE "
                               "SET seq = excluded.seq, hash = excluded.hash", (seq, digest))
        try:
            write_witness(self.path, Head(seq, digest))
        except OSError as exc:
            raise AuditError(f"{self.path}: entry {seq} was recorded, but its head file could not be written "
                             f"({exc})") from None
        return AuditEntry(seq, at, actor, kind, json.loads(text), prev, digest)

    def entries(self, since: int = 1, kind: str | None = None) -> Iterator[AuditEntry]:
        """Entries from number `since` on, oldest first (optionally of one kind)."""
        sql, args = "SELECT * FROM entries WHERE seq >= ?", [since]
        if kind is not None:
            sql, args = sql + " AND kind = ?", [*args, kind]
        for row in self._read(sql + " ORDER BY seq", args):
            yield AuditEntry(row["seq"], row["at"], row["actor"], row["kind"], json.loads(row["body"]),
                             row["prev_hash"], row["hash"])

    def export_csv(self, stream: TextIO) -> int:
        """The record of sharing as CSV, one row per decision (see `export.py`); returns the row count."""
        from scanner.audit.export import export_csv

        return export_csv(self, stream)

    def head(self) -> Head | None:
        """The last entry's number and hash, to keep elsewhere (an anchor for `verify`)."""
        rows = self._read("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1", [])
        return Head(rows[0]["seq"], rows[0]["hash"]) if rows else None

    def verify(self, anchors: tuple[Head, ...] = ()) -> Verification:
        """Recompute the chain from entry 1 and report the first entry that is wrong or missing.

        `anchors` are heads recorded earlier outside this machine (`head()`): each must still be
        in the chain, with the same hash."""
        from scanner.audit.verify import verify_chain

        # The head file is written after each commit, so it never leads the database: read it
        # first, then the table and the head row in one read transaction (one snapshot), so
        # writers appending meanwhile cannot make an intact trail look broken.
        witness = read_witness(self.path)
        try:
            with db.atomic(self._conn, "BEGIN DEFERRED"):
                recorded = self._read("SELECT seq, hash FROM head", [])
                rows = self._iterate("SELECT * FROM entries ORDER BY seq")
                return verify_chain(rows, recorded[0] if recorded else None, witness, anchors)
        except sqlite3.OperationalError as exc:
            raise AuditError(f"{self.path}: the audit trail could not be read ({exc})") from None

    @contextmanager
    def _write(self) -> Iterator[None]:
        try:
            with db.atomic(self._conn):
                yield
        except sqlite3.DatabaseError as exc:  # locked too long by another writer, disk full, read-only, damaged
            raise AuditError(f"{self.path}: the audit trail could not be written ({exc})") from None

    def _iterate(self, sql: str) -> Iterator[sqlite3.Row]:
        """Rows one at a time (a long trail is verified in bounded memory)."""
        try:
            yield from self._conn.execute(sql)
        except sqlite3.DatabaseError as exc:
            raise AuditError(f"{self.path}: the audit trail could not be read ({exc})") from None

    def _read(self, sql: str, args: list[Any]) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise AuditError(f"{self.path}: the audit trail could not be read ({exc})") from None
