"""Signing in and out, and who is signed in.

Every page needs a signed-in user except the sign-in form itself and the stylesheet. A sign-in
starts a fresh session (nothing from before it survives: no session fixation) whose id lives
in the signed cookie and, hashed, in the user database, so signing out ends it on the server
too. Failed sign-ins are throttled (`throttle.py`). Logs name the account only when it exists
(a password typed into the name field must not end up in a log) and never hold what anyone
typed otherwise.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response

from scanner.web import csrf
from scanner.web.settings import settings, users

bp = Blueprint("auth", __name__)
OPEN_ENDPOINTS = frozenset({"auth.login", "static"})
SESSION_ID = "sid"


def load_user() -> Response | None:
    """`before_request`: put the signed-in user in `g.user`; send anyone else to the sign-in form."""
    if request.routing_exception is not None:
        raise request.routing_exception  # an untrusted Host, an unknown page: refused before anything is read
    g.user = users().session_user(session.get(SESSION_ID))
    if g.user is None and session.get(SESSION_ID):
        session.pop(SESSION_ID)  # ended, idle too long or open too long: forget it
    if g.user is None and request.endpoint not in OPEN_ENDPOINTS:
        if request.method != "GET":
            return Response("Sign in first.", 401, {"Content-Type": "text/plain; charset=utf-8"})
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    return None


@bp.route("/login", methods=["GET", "POST"])
def login() -> Response | str | tuple[str, int]:
    target = _local(request.values.get("next"))
    if request.method == "GET":
        if g.user is not None:
            return redirect(target)
        return render_template("login.html", next=target)
    name, password = request.form.get("name", "").strip(), request.form.get("password", "")
    wait = settings().throttle.retry_after(name, request.remote_addr)
    if wait:
        current_app.logger.warning("sign-in refused from %s: too many failures", request.remote_addr)
        minutes = max(1, round(wait / 60))
        body = render_template("login.html", next=target, name=name,
                               error=f"Too many failed sign-ins. Try again in about {minutes} minute(s).")
        return Response(body, 429, {"Retry-After": str(wait)})
    user = users().authenticate(name, password) if name and password else None
    if user is None:
        settings().throttle.failed(name, request.remote_addr)
        known = users().get(name) if name else None
        who = f"for {known.name}" if known else "for an unknown name"
        current_app.logger.warning("sign-in failed %s from %s", who, request.remote_addr)
        return render_template("login.html", next=target, name=name, error="Wrong name or password."), 401
    settings().throttle.succeeded(name)
    session.clear()
    session[SESSION_ID] = users().start_session(user)
    csrf.renew()
    current_app.logger.info("%s (%s) signed in from %s", user.name, user.role, request.remote_addr)
    return redirect(target)


@bp.post("/logout")
def logout() -> Response:
    users().end_session(session.get(SESSION_ID))
    if g.user is not None:
        current_app.logger.info("%s signed out", g.user.name)
    session.clear()
    flash("You have signed out.")
    return redirect(url_for("auth.login"))


def _local(target: str | None) -> str:
    """Only a path on this site is followed after sign-in (never `//elsewhere` or `https://…`)."""
    if not target:
        return url_for("review.queue")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for("review.queue")
    return target
