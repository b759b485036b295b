"""The review queue kept in one SQLite file: items held or flagged for a person, their decisions.

This is ShareGuard's confidential working area: an item keeps the document's text, the
findings and the reasons in full, so a reviewer can decide without opening the file. The
file is created readable and writable by its owner only (0600). Every decision needs a
written reason, is taken only by a role that may take it (`roles.py`), is appended to the
audit trail before anything moves, and acts on the share folder (`act.py`).
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from scanner import sqlite as db
from scanner.audit.log import AUTOMATIC, AuditLog, utc_now
from scanner.report import to_json
from scanner.review import act
from scanner.review.errors import ReviewError, ReviewFileError
from scanner.review.events import release_body, review_body
from scanner.review.model import HistoryEntry, ItemSubject, ReviewItem, finding_from_dict, item_id, item_number
from scanner.review.roles import (
    IG_LEAD, OPEN, ROLES, STATUSES, VERDICTS, may_decide, parse_role, parse_status, parse_verdict,
)
from scanner.types import Outcome, Problem, Reason

WHAT = "review queue"

SCHEMA: tuple[db.Step, ...] = (
    db.Step("review items and their history", (
        f"""CREATE TABLE items (
            id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ({", ".join(f"'{s}'" for s in STATUSES)})),
            reviewer TEXT NOT NULL CHECK (reviewer IN ({", ".join(f"'{r}'" for r in ROLES)})),
            action TEXT NOT NULL, document TEXT NOT NULL, sha256 TEXT NOT NULL, format TEXT NOT NULL,
            size INTEGER NOT NULL, recipient TEXT, purpose TEXT, sender TEXT, channel TEXT NOT NULL,
            consent_not_sought TEXT, reasons TEXT NOT NULL, findings TEXT NOT NULL, subjects TEXT NOT NULL,
            problems TEXT NOT NULL, record TEXT NOT NULL, text TEXT NOT NULL,
            held_copy TEXT, redacted_copy TEXT, redacted_sha256 TEXT, released_path TEXT, decision_seq INTEGER,
            CHECK ((redacted_copy IS NULL) = (redacted_sha256 IS NULL)))""",
        """CREATE TABLE history (
            item INTEGER NOT NULL REFERENCES items(id), position INTEGER NOT NULL, at TEXT NOT NULL,
            by TEXT NOT NULL, role TEXT, status TEXT NOT NULL, reason TEXT NOT NULL, audit_seq INTEGER,
            PRIMARY KEY (item, position))""",
        "CREATE INDEX items_queue ON items (status, reviewer)",
        "CREATE INDEX items_sha256 ON items (sha256)",
    )),
)


class ReviewStore(db.Store):
    """One open review file. Use `ReviewStore.open(path, audit=…, share_root=…)`, as a context
    manager. `audit` is needed to decide (every decision is recorded); `share_root` to decide
    items whose document is held in the share folder."""

    def __init__(self, conn: sqlite3.Connection, path: Path, audit: AuditLog | None, share_root: Path | None,
                 clock: Callable[[], str]) -> None:
        self._conn, self.path, self._audit, self.share_root, self._clock = conn, path, audit, share_root, clock

    @classmethod
    def open(cls, path: str | Path, *, audit: AuditLog | None = None, share_root: str | Path | None = None,
             clock: Callable[[], str] = utc_now, create: bool = True) -> ReviewStore:
        """Open the file (created 0600 unless `create` is False: then a missing file is an error)."""
        path = Path(path)
        conn = db.connect(path, WHAT, ReviewFileError, 0o600, create)
        try:
            os.chmod(path, 0o600)  # also a file made before this rule, or copied in with a wider mode
            db.migrate(conn, SCHEMA, path, WHAT, ReviewFileError)
        except OSError as exc:
            conn.close()
            raise ReviewFileError(f"{path}: cannot restrict the review file to its owner ({exc})") from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, audit, Path(share_root) if share_root is not None else None, clock)

    # -- items ----------------------------------------------------------------------------------

    def add(self, outcome: Outcome, held_copy: Path | None = None, redacted_copy: Path | None = None,
            decision_seq: int | None = None) -> ReviewItem:
        """Open an item for `outcome` (its reviewer: the decision's, else the IG lead). `held_copy`
        is the document's copy in the share folder's quarantine, if there is one."""
        report = to_json(outcome)
        document, request, decision = outcome.document, outcome.request, outcome.decision
        reviewer = decision.reviewer if decision.reviewer in ROLES else IG_LEAD
        redacted_sha = act.sha256_of(redacted_copy) if redacted_copy is not None else None
        now = self._clock()
        with self._write():
            cursor = self._conn.execute(
                "INSERT INTO items (created, status, reviewer, action, document, sha256, format, size, recipient, "
                "purpose, sender, channel, consent_not_sought, reasons, findings, subjects, problems, record, text, "
                "held_copy, redacted_copy, redacted_sha256, decision_seq) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (now, OPEN, reviewer, decision.action.label, document.path, document.sha256, document.format,
                 document.size, request.recipient, request.purpose, request.sender, request.channel,
                 request.consent_not_sought, _json(report["decision"]["reasons"]), _json(report["findings"]),
                 _json(report["subjects"]), _json(report["problems"]), _json(report["record"]), document.text,
                 _path(held_copy),
                 _path(redacted_copy), redacted_sha, decision_seq))
            number = cursor.lastrowid
            rules = ", ".join(sorted({r.rule for r in decision.reasons})) or "none"
            self._history(number, now, AUTOMATIC, None, OPEN, f"{decision.action.label} (rules {rules})", decision_seq)
            return self.get(number)

    def get(self, item: str | int) -> ReviewItem:
        number = item if isinstance(item, int) else item_number(item)
        found = self._items("WHERE id = ?", (number,))
        if not found:
            raise ReviewError(f"item: {item_id(number)} is not in the review queue")
        return found[0]

    def list(self, status: str | None = None, role: str | None = None) -> tuple[ReviewItem, ...]:
        """Items, oldest first: all, or those with `status`, or those `role` must review."""
        where, args = [], []
        if status is not None:
            where.append("status = ?")
            args.append(parse_status(status))
        if role is not None:
            where.append("reviewer = ?")
            args.append(parse_role(role))
        return self._items("WHERE " + " AND ".join(where) if where else "", tuple(args))

    def text(self, item: str | int) -> str:
        """The document's text as checked (the findings' spans index it)."""
        number = item if isinstance(item, int) else item_number(item)
        row = self._conn.execute("SELECT text FROM items WHERE id = ?", (number,)).fetchone()
        if row is None:
            raise ReviewError(f"item: {item_id(number)} is not in the review queue")
        return row["text"]

    def set_redacted_copy(self, item: str | int, path: Path) -> ReviewItem:
        """Attach a verified redacted copy (made by the redaction module) to an open item."""
        with self._write():
            current = self.get(item)
            if not current.is_open:
                raise ReviewError(f"{current.id} was already decided ({current.status})")
            self._conn.execute("UPDATE items SET redacted_copy = ?, redacted_sha256 = ? WHERE id = ?",
                               (_path(path), act.sha256_of(path), item_number(current.id)))
            return self.get(current.id)

    # -- decisions ------------------------------------------------------------------------------

    def decide(self, item: str | int, verdict: str, reason: str, by: str, role: str, *,
               via: str = "library") -> ReviewItem:
        """A person's decision: approve, reject or release-redacted, with a written reason.

        In order: refuse what may not be done (no reason, a role that may not decide this item,
        an item already decided, no redacted copy, a held file that changed); append the
        decision to the audit trail; move the file (`act.py`) and append the release; record the
        new status and history. A failure after the audit entry leaves the item open, so the
        decision can be taken again; the file is never released twice."""
        verdict, role = parse_verdict(verdict), parse_role(role)
        reason, by = (reason or "").strip(), (by or "").strip()
        if not reason:
            raise ReviewError("reason: a decision needs a written reason (it is recorded in the audit trail)")
        if not by:
            raise ReviewError("by: a decision needs the name of the person taking it")
        if self._audit is None:
            raise ReviewFileError("no audit trail is open: a decision that is not recorded is not taken")
        with self._write():
            current = self.get(item)
            if not current.is_open:
                raise ReviewError(f"{current.id} was already decided ({current.status}); it cannot be decided again")
            if not may_decide(role, current.reviewer):
                raise ReviewError(f"{current.id} must be decided by the {current.reviewer}; the role {role} may not "
                                  "decide it")
            move = act.plan(current, verdict, self.share_root)
            entry = self._audit.append("review_decision", review_body(current, verdict, reason, role, via), actor=by)
            where = self._carry_out(current, move, by)
            self._apply(current, verdict, reason, by, role, entry.seq, move, where)
            return self.get(current.id)

    def _carry_out(self, current: ReviewItem, move: act.Move | None, by: str) -> Path | None:
        if move is None:
            return None
        try:
            where = act.carry_out(move)
        except OSError as exc:
            raise ReviewFileError(f"{current.id}: the decision is recorded, but {move.source} could not be moved "
                                  f"({exc}); decide again once the share folder is usable") from None
        if move.releases:
            self._audit.append("release", release_body(current, move), actor=by)
        return where

    def _apply(self, current: ReviewItem, verdict: str, reason: str, by: str, role: str, seq: int,
               move: act.Move | None, where: Path | None) -> None:
        number = item_number(current.id)
        self._conn.execute("UPDATE items SET status = ? WHERE id = ?", (VERDICTS[verdict], number))
        if move is not None and where is not None:
            column = "released_path" if move.releases else "held_copy"
            self._conn.execute(f"UPDATE items SET {column} = ? WHERE id = ?", (str(where), number))
        self._history(number, self._clock(), by, role, VERDICTS[verdict], reason, seq)

    # -- inside ---------------------------------------------------------------------------------

    def _history(self, number: int, at: str, by: str, role: str | None, status: str, reason: str,
                 audit_seq: int | None) -> None:
        position = self._conn.execute("SELECT COUNT(*) FROM history WHERE item = ?", (number,)).fetchone()[0]
        self._conn.execute("INSERT INTO history VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           (number, position, at, by, role, status, reason, audit_seq))

    def _items(self, where: str, args: tuple[Any, ...]) -> tuple[ReviewItem, ...]:
        columns = ", ".join(_COLUMNS)
        rows = self._conn.execute(f"SELECT {columns} FROM items {where} ORDER BY id", args).fetchall()
        history = self._read_history([r["id"] for r in rows])
        return tuple(_item(row, history.get(row["id"], ())) for row in rows)

    def _read_history(self, numbers: list[int]) -> dict[int, tuple[HistoryEntry, ...]]:
        out: dict[int, list[HistoryEntry]] = {}
        if not numbers:
            return {}
        marks = ", ".join("?" * len(numbers))
        for r in self._conn.execute(f"SELECT * FROM history WHERE item IN ({marks}) ORDER BY item, position",
                                    numbers):
            out.setdefault(r["item"], []).append(HistoryEntry(r["at"], r["by"], r["role"], r["status"], r["reason"],
                                                              r["audit_seq"]))
        return {k: tuple(v) for k, v in out.items()}

    @contextmanager
    def _write(self) -> Iterator[None]:
        try:
            with db.atomic(self._conn):
                yield
        except sqlite3.DatabaseError as exc:  # locked too long by another writer, disk full, read-only, damaged
            raise ReviewFileError(f"{self.path}: the review queue could not be written ({exc})") from None


# Every column but `text`, which is read on demand.
_COLUMNS = ("id", "created", "status", "reviewer", "action", "document", "sha256", "format", "size", "recipient",
            "purpose", "sender", "channel", "consent_not_sought", "reasons", "findings", "subjects", "problems",
            "held_copy", "redacted_copy", "redacted_sha256", "released_path", "decision_seq")


def _item(row: sqlite3.Row, history: tuple[HistoryEntry, ...]) -> ReviewItem:
    return ReviewItem(
        id=item_id(row["id"]), created=row["created"], status=row["status"], reviewer=row["reviewer"],
        action=row["action"], document=row["document"], sha256=row["sha256"], format=row["format"], size=row["size"],
        recipient=row["recipient"], purpose=row["purpose"], sender=row["sender"], channel=row["channel"],
        consent_not_sought=row["consent_not_sought"],
        reasons=tuple(Reason(**r) for r in json.loads(row["reasons"])),
        findings=tuple(finding_from_dict(f) for f in json.loads(row["findings"])),
        subjects=tuple(ItemSubject.from_dict(s) for s in json.loads(row["subjects"])),
        problems=tuple(Problem(**p) for p in json.loads(row["problems"])),
        held_copy=row["held_copy"], redacted_copy=row["redacted_copy"], redacted_sha256=row["redacted_sha256"],
        released_path=row["released_path"], decision_seq=row["decision_seq"], history=history)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _path(path: Path | None) -> str | None:
    return str(Path(path).resolve()) if path is not None else None
