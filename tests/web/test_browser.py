"""End to end in a real browser: Debian's headless Chromium (/usr/bin/chromium, see the `chromium`
fixture) driven by the playwright package, against the app served on a free local port. A DSL
signs in, opens a held item, approves it with a reason; the file is then in released/ and the
audit chain verifies. With SHAREGUARD_SCREENSHOT=1 the item page is saved as docs/review-item.png
for the README (synthetic data). pytest-playwright's fixtures are not used: they launch a browser build of their own."""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from scanner.audit.log import AuditLog
from tests.web import conftest
from tests.web.conftest import PASSWORDS

pytestmark = pytest.mark.slow
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "review-item.png"
REASON = "Front door needs it today; consent not sought as it would prejudice the enquiry."


@pytest.fixture
def served(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()


@pytest.fixture
def browser(chromium, tmp_path, monkeypatch):
    """Chromium with its home, profile, cache and crash reports in tmp (nothing in the repository
    or in ~), offline apart from 127.0.0.1."""
    from playwright.sync_api import sync_playwright

    home = tmp_path / "browser-home"
    dirs = {"HOME": home, "XDG_CONFIG_HOME": home / ".config", "XDG_CACHE_HOME": home / ".cache",
            "XDG_DATA_HOME": home / ".local" / "share"}
    for folder in dirs.values():
        folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(home / "ms-playwright"))  # the driver's own notes
    monkeypatch.chdir(tmp_path)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **{k: str(v) for k, v in dirs.items()}}
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium), headless=True, env=env,
            args=[f"--crash-dumps-dir={home / 'crashes'}", "--disable-dev-shm-usage", "--proxy-server=direct://",
                  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"])
        try:
            yield launched
        finally:
            launched.close()


def test_a_dsl_signs_in_and_approves_a_held_item(browser, served, paths, queue, caplog):
    caplog.set_level(logging.INFO)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    page.goto(served + "/")
    assert page.url == served + "/login?next=/"
    page.fill("#name", "jholt")
    page.fill("#password", PASSWORDS["jholt"])
    page.click("button.primary")
    assert page.url == served + "/" and "R-0001" in page.inner_text("table.queue")

    page.click("text=R-0001")
    assert page.url == served + "/items/R-0001"
    assert page.inner_text("pre.text mark.k-safeguarding.p-affirmed") == "hit him with a belt"
    assert page.locator("pre.text mark.k-personal-data").count() >= 5
    assert page.locator("pre.text mark.k-practice").count() >= 2
    page.fill("#reason", REASON)
    _save_screenshot(page.screenshot(full_page=True))

    page.click("button[value=approve]")
    assert page.url == served + "/items/R-0001"
    assert "R-0001 approved by jholt (DSL); audit entry 3." in page.inner_text("p.flash")
    assert page.locator("textarea").count() == 0

    released = paths["share"] / "released" / "kent-front-door" / "home_visit.txt"
    assert released.exists() and not queue["dsl"][1].exists()
    with AuditLog.open(paths["audit"]) as audit:
        assert audit.verify().intact
        decision = list(audit.entries())[2]
        assert (decision.kind, decision.actor, decision.body["via"], decision.body["reason"]) == (
            "review_decision", "jholt", "web", REASON)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "GET /items/R-0001" in logged and "R-0001 approved by jholt (DSL)" in logged
    for secret in (PASSWORDS["jholt"], REASON, "Jayden", "943 476 5919", "belt"):
        assert secret not in logged


def _save_screenshot(png: bytes) -> None:
    """docs/review-item.png for the README, with SHAREGUARD_SCREENSHOT=1 only: the page shows the
    time of each decision, so the picture differs at every run and would leave the checkout changed."""
    assert png.startswith(b"\x89PNG")
    if os.environ.get("SHAREGUARD_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        SCREENSHOT.write_bytes(png)


def test_without_chromium_the_skip_says_why(monkeypatch):
    monkeypatch.delenv("SHAREGUARD_NO_APT", raising=False)
    monkeypatch.setattr(conftest.os, "geteuid", lambda: 1000)
    assert conftest._cannot_install() == "installing it needs root"
    monkeypatch.setattr(conftest.shutil, "which", lambda name: None)
    assert conftest._cannot_install() == "apt-get is not available"
    monkeypatch.setenv("SHAREGUARD_NO_APT", "1")
    assert conftest._cannot_install() == "SHAREGUARD_NO_APT is set"
