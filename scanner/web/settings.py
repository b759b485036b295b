"""What the app was made with (files, options), and the stores it opens for one request."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flask import current_app, g

from scanner.audit.log import AuditLog
from scanner.config import Config
from scanner.review.store import ReviewStore
from scanner.web.throttle import FailedLogins
from scanner.web.users import Users

KEY = "shareguard"


@dataclass(frozen=True)
class WebSettings:
    config: Config
    review_path: Path
    audit_path: Path
    users_path: Path
    share_root: Path
    throttle: FailedLogins
    secure: bool


def settings() -> WebSettings:
    return current_app.extensions[KEY]


def users() -> Users:
    """The user database, opened once per request (closed by `close_users`)."""
    if "users" not in g:
        g.users = Users.open(settings().users_path)
    return g.users


def close_users(_exc: BaseException | None = None) -> None:
    opened = g.pop("users", None)
    if opened is not None:
        opened.close()


@contextmanager
def review_store(decides: bool = False) -> Iterator[ReviewStore]:
    """The review queue; to decide, with the audit trail and the share folder (a decision is
    recorded in the audit trail before anything moves)."""
    s = settings()
    audit = AuditLog.open(s.audit_path) if decides else None
    try:
        with ReviewStore.open(s.review_path, audit=audit, share_root=s.share_root if decides else None) as store:
            yield store
    finally:
        if audit is not None:
            audit.close()
