"""The review web page's accounts and sign-in sessions, in one SQLite file (0600).

A user has a name, a role (DSL or IG lead, as in `scanner/review/roles.py`) and a password
kept only as a scrypt hash: `hashlib.scrypt` with a random 16-byte salt per user and
n = 2**17, r = 8, p = 1, the OWASP Password Storage Cheat Sheet's minimum (128 MiB of memory
and about 0.6 s per guess on a 2-core machine; Werkzeug ships 2**15). The parameters
are stored with each hash, so they can be raised later without invalidating anyone's password.
Hashes are compared in constant time; at most two are computed at once, so a flood of sign-ins
cannot exhaust the memory.

A session is a random id handed to the browser in the signed session cookie; only its SHA-256
is stored here, so a copy of this file does not let anyone sign in. Signing out, or a session
left idle or open too long, deletes it on the server: a copied cookie stops working too.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path

from scanner import sqlite as db
from scanner.errors import ShareGuardError
from scanner.review.roles import ROLES, parse_role

WHAT = "user database"
SALT_BYTES, KEY_BYTES = 16, 32
MIN_PASSWORD = 12  # NCSC: length beats complexity rules ("three random words")
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
SESSION_IDLE = timedelta(minutes=30)
SESSION_MAX = timedelta(hours=10)
SESSION_TOUCH = timedelta(minutes=1)

SCHEMA: tuple[db.Step, ...] = (
    db.Step("users and their sign-in sessions", (
        f"""CREATE TABLE users (
            name TEXT PRIMARY KEY COLLATE NOCASE, role TEXT NOT NULL
            CHECK (role IN ({", ".join(f"'{r}'" for r in ROLES)})),
            password TEXT NOT NULL, created TEXT NOT NULL)""",
        """CREATE TABLE sessions (
            id_sha256 TEXT PRIMARY KEY, user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
            created TEXT NOT NULL, seen TEXT NOT NULL)""",
    )),
)


class UserError(ShareGuardError):
    """Something refused: a user that cannot be added (bad name, taken name, short password,
    unknown role), or a page that may not be served as asked (exit 2 at the CLI)."""

    code = "E700"


class UserFileError(UserError):
    """The user database or the session key cannot be used; nothing the user typed is wrong (exit 1)."""

    code = "E701"


@dataclass(frozen=True)
class Cost:
    """scrypt's parameters: n (CPU and memory: 128 * r * n bytes), r (block size), p (parallelism)."""

    n: int = 2**17
    r: int = 8
    p: int = 1


DEFAULT_COST = Cost()
_KDF_SLOTS = threading.BoundedSemaphore(2)


@dataclass(frozen=True)
class User:
    name: str
    role: str
    created: str


def hash_password(password: str, cost: Cost | None = None) -> str:
    """'scrypt$n$r$p$salt$key' (salt and key base64): the parameters travel with the hash."""
    cost = cost or DEFAULT_COST
    salt = secrets.token_bytes(SALT_BYTES)
    key = _scrypt(password, salt, cost.n, cost.r, cost.p)
    return "$".join(("scrypt", str(cost.n), str(cost.r), str(cost.p), _b64(salt), _b64(key)))


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(key)
        actual = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int = KEY_BYTES) -> bytes:
    if not (1 < n <= 2**20 and 0 < r <= 32 and 0 < p <= 16 and 128 * r * n <= 2**29):
        raise ValueError("scrypt parameters out of range")  # a tampered hash must not cost gigabytes
    # OpenSSL refuses more than 32 MiB by default; scrypt needs 128 * r * n bytes (+ p blocks).
    with _KDF_SLOTS:
        return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length,
                              maxmem=129 * r * (n + p) + 1024 * 1024)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@cache
def _dummy_hash() -> str:
    """Checked when the name is unknown, so that an unknown name takes as long as a wrong password."""
    return hash_password(secrets.token_urlsafe(16))


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Users(db.Store):
    """One open user file. Use `Users.open(path)`, as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Callable[[], datetime], cost: Cost) -> None:
        self._conn, self.path, self._clock, self._cost = conn, path, clock, cost

    @classmethod
    def open(cls, path: str | Path, create: bool = True, clock: Callable[[], datetime] = _now,
             cost: Cost | None = None) -> Users:
        """Open the file (created 0600 unless `create` is False). `cost`: for new passwords only
        (tests pass a cheap one; a stored hash is always checked with its own parameters)."""
        path = Path(path)
        conn = db.connect(path, WHAT, UserFileError, 0o600, create)
        try:
            path.chmod(0o600)  # password hashes: the owner only, whatever mode a copy arrived with
            db.migrate(conn, SCHEMA, path, WHAT, UserFileError)
        except OSError as exc:
            conn.close()
            raise UserFileError(f"{path}: cannot restrict the user database to its owner ({exc})") from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, clock, cost or DEFAULT_COST)

    # -- accounts -------------------------------------------------------------------------------

    def add(self, name: str, role: str, password: str) -> User:
        if not NAME.fullmatch(name or ""):
            raise UserError(f"name: letters, digits and . _ @ - (at most 64, starting with a letter or digit), "
                            f"got {name!r}")
        try:
            role = parse_role(role)
        except ShareGuardError as exc:
            raise UserError(str(exc)) from None
        if len(password) < MIN_PASSWORD:
            raise UserError(f"password: at least {MIN_PASSWORD} characters (three random words work well)")
        user = User(name, role, self._clock().isoformat(timespec="seconds"))
        try:
            with db.atomic(self._conn):
                self._conn.execute("INSERT INTO users VALUES (?, ?, ?, ?)",
                                   (user.name, user.role, hash_password(password, self._cost), user.created))
        except sqlite3.IntegrityError:
            raise UserError(f"name: there is already a user called {name!r}") from None
        return user

    def remove(self, name: str) -> User:
        """Remove a user (someone who left, or changed job): their sessions end with them, so a
        page they have open stops working at its next request."""
        user = self.named(name)
        with db.atomic(self._conn):
            self._conn.execute("DELETE FROM sessions WHERE user = ?", (user.name,))
            self._conn.execute("DELETE FROM users WHERE name = ?", (user.name,))
        return user

    def set_password(self, name: str, password: str) -> User:
        """Give a user a new password (forgotten, or possibly seen by someone else): every session
        they have open ends, so whoever holds an old cookie must sign in with the new password."""
        user = self.named(name)
        if len(password) < MIN_PASSWORD:
            raise UserError(f"password: at least {MIN_PASSWORD} characters (three random words work well)")
        with db.atomic(self._conn):
            self._conn.execute("UPDATE users SET password = ? WHERE name = ?",
                               (hash_password(password, self._cost), user.name))
            self._conn.execute("DELETE FROM sessions WHERE user = ?", (user.name,))
        return user

    def named(self, name: str) -> User:
        """The user called `name` (any case); refused, naming the users there are, when there is none."""
        user = self.get(name)
        if user is None:
            known = ", ".join(u.name for u in self.list()) or "none yet"
            raise UserError(f"name: there is no user called {name!r} (users: {known})")
        return user

    def list(self) -> tuple[User, ...]:
        rows = self._conn.execute("SELECT name, role, created FROM users ORDER BY name").fetchall()
        return tuple(User(r["name"], r["role"], r["created"]) for r in rows)

    def get(self, name: str) -> User | None:
        row = self._conn.execute("SELECT name, role, created FROM users WHERE name = ?", (name,)).fetchone()
        return User(row["name"], row["role"], row["created"]) if row else None

    def authenticate(self, name: str, password: str) -> User | None:
        """The user, if `password` is theirs; None otherwise (in the same time either way)."""
        row = self._conn.execute("SELECT password FROM users WHERE name = ?", (name,)).fetchone()
        ok = check_password(password, row["password"] if row else _dummy_hash())
        return self.get(name) if ok and row else None

    # -- sessions -------------------------------------------------------------------------------

    def start_session(self, user: User) -> str:
        """A new session for `user`: the id to put in the cookie (only its hash is kept)."""
        sid, now = secrets.token_urlsafe(32), self._stamp()
        with db.atomic(self._conn):
            self._expire()
            self._conn.execute("INSERT INTO sessions VALUES (?, ?, ?, ?)", (_sha(sid), user.name, now, now))
        return sid

    def session_user(self, sid: str | None) -> User | None:
        """The user of a live session; None if it ended, idled out or never was. Its last use is
        written at most once a minute (a page view is otherwise a read)."""
        if not sid:
            return None
        key, now = _sha(sid), self._clock()
        row = self._conn.execute("SELECT user, created, seen FROM sessions WHERE id_sha256 = ?", (key,)).fetchone()
        if row is None:
            return None
        if row["seen"] < _stamp(now - SESSION_IDLE) or row["created"] < _stamp(now - SESSION_MAX):
            self.end_session(sid)
            return None
        if row["seen"] < _stamp(now - SESSION_TOUCH):
            with db.atomic(self._conn):
                self._conn.execute("UPDATE sessions SET seen = ? WHERE id_sha256 = ?", (_stamp(now), key))
        return self.get(row["user"])

    def end_session(self, sid: str | None) -> None:
        if sid:
            with db.atomic(self._conn):
                self._conn.execute("DELETE FROM sessions WHERE id_sha256 = ?", (_sha(sid),))

    def _expire(self) -> None:
        now = self._clock()
        self._conn.execute("DELETE FROM sessions WHERE seen < ? OR created < ?",
                           (_stamp(now - SESSION_IDLE), _stamp(now - SESSION_MAX)))

    def _stamp(self) -> str:
        return _stamp(self._clock())


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def _sha(sid: str) -> str:
    return hashlib.sha256(sid.encode("utf-8")).hexdigest()
