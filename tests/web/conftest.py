"""The review web page under test: a share folder with two held items (one for the DSL, one for
the IG lead), an audit trail, two users, and the Flask app over them. Also `chromium`: Debian's
browser for the end-to-end test, installed with apt-get when missing and allowed (CI runs as
root on a clean Debian), otherwise the test is skipped with the reason."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from scanner.audit.log import AuditLog
from scanner.config import load_config
from scanner.record import record_outcome
from scanner.review.store import ReviewStore
from scanner.web.app import create_app
from scanner.web.throttle import FailedLogins
from scanner.web.users import Cost, Users
from tests.web.samples import case_note, letter

CHROMIUM = Path("/usr/bin/chromium")
CHEAP = Cost(n=2**10, r=8, p=1)  # the default (2**17) costs 0.6 s a sign-in; one test checks it
PASSWORDS = {"jholt": "correct horse battery staple", "sclarke": "tidy ledger quiet window"}
FIXED_CLOCK = "2026-11-25T09:30:00.000+00:00"


@pytest.fixture(autouse=True)
def _users_stay_in_tmp(tmp_path, monkeypatch):
    """`shareguard review user …` never touches the developer's var/users.sqlite3."""
    monkeypatch.setenv("SHAREGUARD_USERS", str(tmp_path / "env-users" / "users.sqlite3"))


def _paths(root: Path) -> dict[str, Path]:
    return {"review": root / "var" / "review.sqlite3", "audit": root / "var" / "audit.sqlite3",
            "users": root / "var" / "users.sqlite3", "share": root / "share"}


@pytest.fixture(scope="session")
def _users_made_once(tmp_path_factory) -> Path:
    """jholt (DSL) and sclarke (IG lead), made once and copied for each test."""
    path = tmp_path_factory.mktemp("web-users") / "users.sqlite3"
    with Users.open(path, cost=CHEAP) as users:
        for name, role in (("jholt", "DSL"), ("sclarke", "IG lead")):
            users.add(name, role, PASSWORDS[name])
    return path


@pytest.fixture
def paths(tmp_path):
    return _paths(tmp_path / "site")


@pytest.fixture
def queue(paths):
    """{"dsl": (item id, held file), "ig": (item id, held file)}: R-0001 for the DSL, R-0002 for
    the IG lead, held in the share folder's quarantine and recorded as the watcher would."""
    held, quarantine = {}, paths["share"] / "quarantine"
    with AuditLog.open(paths["audit"], clock=lambda: FIXED_CLOCK) as audit, \
            ReviewStore.open(paths["review"], clock=lambda: FIXED_CLOCK) as review:
        for key, (outcome, path) in (("dsl", case_note(quarantine / "kent-front-door")),
                                     ("ig", letter(quarantine / "housing-officer"))):
            held[key] = (record_outcome(outcome, audit, review, held_copy=path).item.id, path)
    return held


@pytest.fixture
def accounts(paths, _users_made_once):
    shutil.copy2(_users_made_once, paths["users"])
    return PASSWORDS


@pytest.fixture(scope="session")
def config():
    return load_config()


@pytest.fixture
def app(config, paths, queue, accounts):
    app = create_app(config, paths["review"], paths["audit"], paths["users"], share_root=paths["share"],
                     throttle=FailedLogins(per_name=5, per_address=30))
    app.config["TESTING"] = True
    return app


@pytest.fixture
def client(app):
    return app.test_client()


def csrf_of(client) -> str:
    """The token the pages put in their forms (a GET of the sign-in form makes one)."""
    with client.session_transaction() as session:
        token = session.get("csrf_token")
    if token is None:
        client.get("/login")
        with client.session_transaction() as session:
            token = session["csrf_token"]
    return token


def sign_in(client, name: str = "jholt", password: str | None = None):
    client.get("/login")
    return client.post("/login", data={"name": name, "password": password or PASSWORDS[name],
                                       "csrf_token": csrf_of(client)})


def form_token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html)[1]


# -- the browser ------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def chromium() -> Path:
    """/usr/bin/chromium, installed with `apt-get install -y chromium` if missing and this runs as
    root with apt-get (CI); skips with the reason otherwise, or when SHAREGUARD_NO_APT is set."""
    pytest.importorskip("playwright.sync_api",
                        reason="the playwright package is not installed (pip install -e '.[test]')")
    if CHROMIUM.exists():
        return CHROMIUM
    why = _cannot_install()
    if why:
        pytest.skip(f"{CHROMIUM} is missing and {why}; install it with `apt-get install -y chromium`")
    started = time.monotonic()
    problem = _apt_install()
    took = time.monotonic() - started
    if problem or not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing and `apt-get install -y chromium` failed after {took:.0f} s: {problem}")
    print(f"\ninstalled Debian's chromium with apt-get in {took:.0f} s")
    return CHROMIUM


def _cannot_install() -> str | None:
    if os.environ.get("SHAREGUARD_NO_APT"):
        return "SHAREGUARD_NO_APT is set"
    if shutil.which("apt-get") is None:
        return "apt-get is not available"
    if os.geteuid() != 0:
        return "installing it needs root"
    return None


def _apt_install() -> str | None:
    """None on success, else the last lines apt-get printed. Updates the package lists only when
    the first try finds no candidate (a fresh container has none)."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "-o", "DPkg::Lock::Timeout=300", "chromium"]
    result = subprocess.run(install, env=env, capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        update = subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, text=True, timeout=600)
        if update.returncode != 0:
            return _tail(update)
        result = subprocess.run(install, env=env, capture_output=True, text=True, timeout=900)
    return None if result.returncode == 0 else _tail(result)


def _tail(result: subprocess.CompletedProcess) -> str:
    return " | ".join((result.stderr or result.stdout).strip().splitlines()[-3:])
