"""The head witness: the last entry's number and hash, kept in a small file beside the database.

A hash chain shows an edit, a deletion in the middle, a reordering or an insertion, but not the
loss of its last entries: what remains is still a valid chain. The table `head` inside the
database catches a truncation by anyone who deletes rows without knowing about it; this file
catches a truncation or an older copy of the database put back in its place. Someone able to
rewrite the database *and* this file can still rewrite history: only a copy of the head kept
elsewhere (`shareguard audit head`, given to the auditor; `audit verify --anchor`) settles that.

The file is made with the database (naming entry 0: nothing yet), so a missing file was
removed. It is written after each entry is committed, so it may lag (a crash, a writer not
finished), still checked against the entry it names, but never leads. Concurrent writers take
a lock and never move it backwards.
"""
from __future__ import annotations

import fcntl
import json
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"


def witness_path(db: Path) -> Path:
    return db.with_name(db.name + ".head")


def read_witness(db: Path) -> Head | None | str:
    """The head recorded beside `db`; None when there is no file; a sentence when it is unreadable."""
    path = witness_path(db)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Head(int(data["seq"]), str(data["hash"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return f"the head file {path.name} cannot be read ({exc})"


def write_witness(db: Path, head: Head) -> None:
    """Record `head` unless the file already holds a later one (atomic replace, fsync'd)."""
    path = witness_path(db)
    with open(path.with_name(path.name + ".lock"), "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        current = read_witness(db)
        if isinstance(current, Head) and current.seq >= head.seq:
            return  # another writer already recorded a later entry (or the same one)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(temporary, "w", encoding="utf-8") as out:
            out.write(json.dumps({"seq": head.seq, "hash": head.hash}) + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
