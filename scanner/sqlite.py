"""SQLite the way ShareGuard's own stores use it: one file, created with the permissions asked
for, WAL (a reader never waits for the watcher's writes), transactions that are ours to begin,
and a schema brought up to date by ordered steps counted in `PRAGMA user_version`.

Used by the register, the audit trail, the review queue, the web page's users and the watch
journal; the error class to raise is passed in, so each store names itself in its messages.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from scanner.errors import ShareGuardError

BUSY_TIMEOUT_S = 30  # a writer waits this long for another (watcher, CLI, web page) to finish


class Store:
    """A store over one SQLite connection (`self._conn`), closed by `close()` or by `with`."""

    _conn: sqlite3.Connection

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class Step:
    """One schema change. Steps are only ever appended: files in use already ran the old ones."""

    why: str
    statements: tuple[str, ...]


def connect(path: Path, what: str, error: type[ShareGuardError], mode: int,
            create: bool = True) -> sqlite3.Connection:
    """Open (creating the file with `mode` and its folder if missing, when `create`) in autocommit
    mode, so transactions are ours to begin (sqlite3's implicit ones do not cover schema changes)."""
    if not create and not path.is_file():
        raise error(f"{path}: there is no {what} here (nothing has been recorded in it yet, or the path is wrong)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, mode))  # SQLite gives its -wal/-shm files this mode too
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    except (OSError, sqlite3.Error) as exc:
        raise error(f"{path}: cannot open the {what} ({exc})") from None
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")  # a committed decision survives a power cut
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise error(f"{path}: not a usable {what} ({exc})") from None
    return conn


@contextmanager
def atomic(conn: sqlite3.Connection, begin: str = "BEGIN IMMEDIATE") -> Iterator[None]:
    """Everything inside commits together or not at all; inside an open transaction it joins it.
    BEGIN IMMEDIATE takes the write lock first, so two writers never read the same state and
    both build on it (for the audit trail: never fork the chain)."""
    if conn.in_transaction:
        yield
        return
    conn.execute(begin)
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def migrate(conn: sqlite3.Connection, steps: Sequence[Step], path: Path | str, what: str,
            error: type[ShareGuardError]) -> int:
    """Run the steps `conn` has not had, each with its version number in one transaction. A file
    from a newer ShareGuard is refused rather than read with a schema we do not know."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(steps):
        raise error(f"{path}: the {what} is at schema version {version}, but this ShareGuard knows only up to "
                    f"{len(steps)}; upgrade ShareGuard (the file was not changed)")
    for number, step in enumerate(steps[version:], start=version + 1):
        try:
            with atomic(conn):
                if conn.execute("PRAGMA user_version").fetchone()[0] >= number:
                    continue  # another process opening the same file ran this step first
                for statement in step.statements:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
        except sqlite3.Error as exc:
            raise error(f"{path}: upgrading the {what} failed at step {number} ({step.why}); the file is left at "
                        f"version {number - 1} ({exc})") from None
    return len(steps)
