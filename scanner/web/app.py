"""`create_app(...)`: the review web page as a Flask app.

Security choices, each in one place: the session cookie is HttpOnly, SameSite=Strict (the page
is only ever opened by typing or bookmarking its local address, never from a link on another
site, so no cross-site navigation needs to carry the session) and Secure when served over
https (`secure=True`, then also named `__Host-…`); the key that signs it is random, made on
first use and kept owner-only beside the user database, outside the repository; every form
carries a CSRF token (`csrf.py`); every response carries a strict Content-Security-Policy,
refuses framing, sends no referrer and is not cached (the pages hold confidential text); no
asset comes from anywhere but the app itself, so it works offline.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask, current_app, render_template, request
from flask.globals import request_ctx
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from scanner.config import Config
from scanner.web import auth, csrf, views
from scanner.web.settings import KEY, WebSettings, close_users
from scanner.web.throttle import FailedLogins
from scanner.web.users import UserFileError

CSP = ("default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
SECRET_FILE = "web-session.key"


def create_app(config: Config, review_path: Path, audit_path: Path, users_path: Path, *,
               share_root: Path | None = None, secret_key_path: Path | None = None, secure: bool = False,
               trusted_hosts: list[str] | None = None, throttle: FailedLogins | None = None) -> Flask:
    """The app over these files. `share_root` defaults to the config's; the signing key lives in
    `secret_key_path` (default: `web-session.key` beside the user database). `secure`: served
    over https (Secure cookie, HSTS). `trusted_hosts`: the Host names accepted (None: any)."""
    app = Flask(__name__)
    users_path = Path(users_path)
    app.config.update(
        SECRET_KEY=load_secret(secret_key_path or users_path.with_name(SECRET_FILE)),
        SESSION_COOKIE_NAME="__Host-shareguard" if secure else "shareguard",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=secure,
        PREFERRED_URL_SCHEME="https" if secure else "http",
        MAX_CONTENT_LENGTH=64 * 1024,  # a reason, a name, a password: nothing bigger is ever posted
        TRUSTED_HOSTS=trusted_hosts,
        TEMPLATES_AUTO_RELOAD=False,
    )
    app.extensions[KEY] = WebSettings(config, Path(review_path), Path(audit_path), users_path,
                                      Path(share_root) if share_root is not None else config.share_root(),
                                      throttle or FailedLogins(), secure)
    app.before_request(auth.load_user)
    app.before_request(csrf.protect)
    app.after_request(_security_headers)
    app.teardown_appcontext(close_users)
    app.context_processor(lambda: {"csrf_token": csrf.token})
    app.register_blueprint(auth.bp)
    app.register_blueprint(views.bp)
    app.register_error_handler(HTTPException, _error_page)
    return app


def load_secret(path: Path) -> bytes:
    """The session-signing key: read from `path`, or made there (owner-only) on first use."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(handle, "w") as out:
            out.write(secrets.token_hex(32) + "\n")
    try:
        path.chmod(0o600)
        key = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise UserFileError(f"{path}: cannot read the web page's session key ({exc})") from None
    if len(key) < 32:
        raise UserFileError(f"{path}: the session key is too short; delete the file to make a new one")
    return key.encode("ascii")


def _security_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if current_app.extensions[KEY].secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    if request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"  # confidential pages stay out of caches
    return response


def _error_page(exc: HTTPException) -> tuple[str, int] | Response:
    if exc.code is None or exc.code < 400 or request_ctx.url_adapter is None:
        return exc.get_response()  # an untrusted Host: no page of ours is built for it
    return render_template("error.html", code=exc.code, title=exc.name, message=exc.description), exc.code
