"""The watcher's journal: one row per claimed file, and every step it went through, in SQLite
(`share/.state/journal.sqlite3`, owner only). What a restart reads to finish the work in flight.

Steps, each committed (synchronous=FULL) before the next file-system change depends on it:

    claiming   the row exists; the file is being renamed out of the outbox into work/<id>/
    claimed    the file is in work/<id>/, copied and hashed (sha256, size, kind)
    decided    the library's decision is made; where each file will go is planned (`plan`)
    recorded   the decision is in the audit trail (and the review queue when an item is due)
    placed     the outcome is on disk: released/, quarantine/ and the originals archive
    done       work/<id>/ is removed
    unclaimed  the rename never happened (the file left the outbox first, or a crash came
               before it): nothing was taken; a file still in the outbox becomes a new job
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scanner import sqlite as db
from scanner.audit.log import utc_now
from scanner.errors import ShareGuardError

WHAT = "watcher journal"
CLAIMING, CLAIMED, DECIDED, RECORDED, PLACED, DONE, UNCLAIMED = (
    "claiming", "claimed", "decided", "recorded", "placed", "done", "unclaimed")
STEPS = (CLAIMING, CLAIMED, DECIDED, RECORDED, PLACED, DONE, UNCLAIMED)
FINISHED = (DONE, UNCLAIMED)


class JournalError(ShareGuardError):
    """The journal cannot be opened or written; the watcher stops rather than act unrecorded."""

    code = "E800"


SCHEMA: tuple[db.Step, ...] = (
    db.Step("jobs and their steps", (
        f"""CREATE TABLE jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source BLOB NOT NULL,          -- the path below outbox/ as dropped (bytes; never logged)
            name TEXT NOT NULL,            -- the file name used in work/, released/ and quarantine/
            step TEXT NOT NULL CHECK (step IN ({", ".join(f"'{s}'" for s in STEPS)})),
            sha256 TEXT, size INTEGER,
            kind TEXT,                     -- regular | symlink | hardlink | special | unreadable | restless
            sidecar INTEGER NOT NULL DEFAULT 0,
            recipients TEXT, purpose TEXT, action TEXT,
            plan TEXT NOT NULL DEFAULT '{{}}',  -- JSON: targets below the share root, audit mark and seqs
            claimed_at TEXT NOT NULL, updated_at TEXT NOT NULL)""",
        """CREATE TABLE steps (job INTEGER NOT NULL REFERENCES jobs(id), step TEXT NOT NULL, at TEXT NOT NULL)""",
        "CREATE INDEX jobs_open ON jobs (step) WHERE step NOT IN ('done', 'unclaimed')",
        "CREATE INDEX jobs_sha256 ON jobs (sha256)",
        "CREATE INDEX steps_job ON steps (job)",
    )),
)


@dataclass(frozen=True)
class Job:
    id: int
    source: bytes
    name: str
    step: str
    sha256: str | None = None
    size: int | None = None
    kind: str | None = None
    sidecar: bool = False
    recipients: tuple[str, ...] = ()
    purpose: str | None = None
    action: str | None = None
    plan: dict[str, Any] = field(default_factory=dict)
    claimed_at: str = ""

    @property
    def label(self) -> str:
        return f"J-{self.id}"

    @property
    def relative(self) -> Path:
        """The path below outbox/ it was dropped at."""
        import os

        return Path(os.fsdecode(self.source))


class Journal(db.Store):
    """One open journal file. Use `Journal.open(path)`, as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Callable[[], str]) -> None:
        self._conn, self.path, self._clock = conn, path, clock

    @classmethod
    def open(cls, path: str | Path, clock: Callable[[], str] = utc_now) -> Journal:
        path = Path(path)
        conn = db.connect(path, WHAT, JournalError, 0o600)
        try:
            db.migrate(conn, SCHEMA, path, WHAT, JournalError)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, clock)

    # -- steps ----------------------------------------------------------------------------------

    def begin(self, source: bytes, name: str, sidecar: bool) -> Job:
        """A row for a file about to be claimed (step `claiming`)."""
        now = self._clock()
        with self._write():
            cursor = self._conn.execute(
                "INSERT INTO jobs (source, name, step, sidecar, claimed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                (source, name, CLAIMING, int(sidecar), now, now))
            self._conn.execute("INSERT INTO steps VALUES (?, ?, ?)", (cursor.lastrowid, CLAIMING, now))
            return self.get(cursor.lastrowid)

    def advance(self, job: int, step: str, **fields: Any) -> Job:
        """Move a job to `step`, setting `fields` (sha256, size, kind, recipients, purpose, action, plan)."""
        if step not in STEPS:
            raise ValueError(f"unknown step {step!r}")
        now = self._clock()
        values = {k: _column(k, v) for k, v in fields.items()}
        sets = "".join(f", {k} = ?" for k in values)
        with self._write():
            self._conn.execute(f"UPDATE jobs SET step = ?, updated_at = ?{sets} WHERE id = ?",
                               (step, now, *values.values(), job))
            self._conn.execute("INSERT INTO steps VALUES (?, ?, ?)", (job, step, now))
            return self.get(job)

    def update_plan(self, job: int, plan: dict[str, Any]) -> Job:
        with self._write():
            self._conn.execute("UPDATE jobs SET plan = ?, updated_at = ? WHERE id = ?",
                               (_column("plan", plan), self._clock(), job))
            return self.get(job)

    # -- reading --------------------------------------------------------------------------------

    def get(self, job: int) -> Job:
        row = self._conn.execute("SELECT * FROM jobs WHERE id = ?", (job,)).fetchone()
        if row is None:
            raise JournalError(f"{self.path}: there is no job {job}")
        return _job(row)

    def in_flight(self) -> list[Job]:
        """Jobs not finished, oldest first: what a restart resumes."""
        rows = self._conn.execute(f"SELECT * FROM jobs WHERE step NOT IN {FINISHED} ORDER BY id").fetchall()
        return [_job(r) for r in rows]

    def jobs(self) -> Iterator[Job]:
        for row in self._conn.execute("SELECT * FROM jobs ORDER BY id").fetchall():
            yield _job(row)

    def steps(self, job: int) -> list[tuple[str, str]]:
        return [(r["step"], r["at"]) for r in self._conn.execute(
            "SELECT step, at FROM steps WHERE job = ? ORDER BY rowid", (job,))]

    def released_before(self, sha256: str, recipients: tuple[str, ...], job: int) -> Job | None:
        """Another job with the same content that was, or is about to be, released to one of
        these recipients: the same content is never released twice by accident. A job still
        `decided` counts (its audit entry may already exist); at worst a copy is held for review."""
        rows = self._conn.execute(
            "SELECT * FROM jobs WHERE sha256 = ? AND id != ? AND action IN ('allow', 'redact') "
            "AND step IN ('decided', 'recorded', 'placed', 'done') ORDER BY id", (sha256, job)).fetchall()
        wanted = set(recipients)
        for row in rows:
            earlier = _job(row)
            if wanted & set(earlier.recipients) or (not wanted and not earlier.recipients):
                return earlier
        return None

    @contextmanager
    def _write(self) -> Iterator[None]:
        try:
            with db.atomic(self._conn):
                yield
        except sqlite3.DatabaseError as exc:
            raise JournalError(f"{self.path}: the journal could not be written ({exc})") from None


def _column(name: str, value: Any) -> Any:
    if name == "plan":
        return json.dumps(value, ensure_ascii=True, sort_keys=True)
    if name == "recipients":
        return ",".join(value)
    return value


def _job(row: sqlite3.Row) -> Job:
    return Job(id=row["id"], source=bytes(row["source"]), name=row["name"], step=row["step"], sha256=row["sha256"],
               size=row["size"], kind=row["kind"], sidecar=bool(row["sidecar"]),
               recipients=tuple(r for r in (row["recipients"] or "").split(",") if r), purpose=row["purpose"],
               action=row["action"], plan=json.loads(row["plan"]), claimed_at=row["claimed_at"])
