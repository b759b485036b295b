"""Run the review page: where it may listen, and the server itself (Werkzeug's threaded WSGI
server; one process, so the failed sign-in throttle is shared by every request)."""
from __future__ import annotations

import ipaddress
import ssl
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from werkzeug.serving import WSGIRequestHandler, make_server

from scanner.config import Config
from scanner.web.app import create_app
from scanner.web.users import UserError, UserFileError, Users

LOOPBACK_NAMES = ("localhost",)


class RemoteRefused(UserError):
    """The address is reachable from other machines and --allow-remote was not given."""


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def check_bind(host: str, allow_remote: bool) -> str | None:
    """None for a loopback address; a warning to print for another one when `allow_remote`;
    otherwise refuse (the page shows confidential text: other machines reach it only on purpose)."""
    if is_loopback(host):
        return None
    wildcard = host in ("0.0.0.0", "::", "[::]", "")
    what = "every network interface" if wildcard else f"{host}, which other machines can reach"
    if not allow_remote:
        raise RemoteRefused(f"--host {host or repr('')}: the review page would listen on {what}; it shows "
                            "confidential information about children, so it listens on 127.0.0.1 unless you add "
                            "--allow-remote (and serve it over https: --tls-cert/--tls-key)")
    return (f"Warning: the review page listens on {what}. Anyone who can reach this port sees the sign-in page; "
            "use https (--tls-cert/--tls-key) and a firewall.")


def trusted_hosts(host: str) -> list[str] | None:
    """Host headers to accept, a defence against DNS rebinding (a page on another site whose name
    is made to point at 127.0.0.1): the names this address is reached by; None (any) when
    listening on every interface or on an IPv6 literal (Werkzeug cannot match those)."""
    if host in ("0.0.0.0", "::", "[::]", "") or ":" in host:
        return None
    if is_loopback(host):
        return sorted({"127.0.0.1", "localhost", host.lower()})
    return [host.lower()]


def tls_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(cert, key)
    except (OSError, ssl.SSLError) as exc:
        raise UserFileError(f"{cert}, {key}: cannot use this certificate and key ({exc})") from None
    return context


@dataclass(frozen=True)
class Served:
    app: Flask
    host: str
    port: int
    url: str
    context: ssl.SSLContext | None
    warning: str | None


def prepare(config: Config, review_path: Path, audit_path: Path, users_path: Path, host: str, port: int, *,
            allow_remote: bool = False, tls: tuple[Path, Path] | None = None,
            secure_cookies: bool = False) -> Served:
    """Everything `shareguard review serve` checks before listening: the address, at least one
    user, the certificate; then the app."""
    warning = check_bind(host, allow_remote)
    with Users.open(users_path) as users:
        if not users.list():
            raise UserError(f"{users_path}: no users yet; add one with `shareguard review user add NAME --role DSL`")
    context = tls_context(*tls) if tls else None
    app = create_app(config, review_path, audit_path, users_path, secure=bool(tls) or secure_cookies,
                     trusted_hosts=trusted_hosts(host))
    shown = f"[{host}]" if ":" in host else host
    return Served(app, host, port, f"{'https' if tls else 'http'}://{shown}:{port}/", context, warning)


class QuietHandler(WSGIRequestHandler):
    """Logs the request line and status (never a body: passwords, reasons), without colour codes,
    and does not name the server software and its version."""

    def version_string(self) -> str:
        return "ShareGuard"

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.log("info", '"%s" %s %s', self.requestline, getattr(code, "value", code), size)


def run(served: Served) -> None:
    server = make_server(served.host, served.port, served.app, threaded=True, request_handler=QuietHandler,
                         ssl_context=served.context)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
