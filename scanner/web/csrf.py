"""Cross-site request forgery: every form carries a token tied to the session, and every request
that changes something (any method but GET, HEAD, OPTIONS) must send it back.

A session without a token, or a request without one, is refused with 400; a token that does
not match, with 403. The token is compared in constant time and never compared when the
session has none (two empty strings are equal). A request the browser says comes from another
site (`Sec-Fetch-Site`, `Origin`) is refused too. The session cookie is also SameSite=Strict:
a second lock.
"""
from __future__ import annotations

import hmac
import secrets

from flask import abort, request, session

FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def token() -> str:
    """The session's token, made on first use (the login form gets one before anyone signs in)."""
    if not session.get(FIELD):
        session[FIELD] = secrets.token_urlsafe(32)
    return session[FIELD]


def renew() -> str:
    """A fresh token (at sign-in, together with a fresh session)."""
    session[FIELD] = secrets.token_urlsafe(32)
    return session[FIELD]


def protect() -> None:
    """`before_request`: refuse a state-changing request without the session's token."""
    if request.method in SAFE_METHODS:
        return
    if _from_elsewhere():
        abort(403, "This form was sent from another site.")
    expected = session.get(FIELD)
    sent = request.form.get(FIELD) or request.headers.get(HEADER)
    if not expected or not sent:
        abort(400, "The form's security token is missing: reload the page and try again.")
    if not hmac.compare_digest(sent.encode("utf-8"), expected.encode("utf-8")):
        abort(403, "The form's security token does not match your session: reload the page and try again.")


def _from_elsewhere() -> bool:
    """What the browser says about where the request comes from. With Referrer-Policy no-referrer
    a same-site form is sent with `Origin: null`, so that value proves nothing either way;
    `Sec-Fetch-Site` is sent regardless (by current browsers; older ones send neither)."""
    if request.headers.get("Sec-Fetch-Site") in ("cross-site", "same-site"):
        return True
    origin = request.headers.get("Origin")
    return origin not in (None, "null") and origin != request.host_url.rstrip("/")
