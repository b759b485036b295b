"""Signing in and out: every page needs it, wrong passwords are refused and throttled, sessions
end on the server, cookies and headers are what the security design says."""
from __future__ import annotations

import logging
import stat

import pytest

from scanner.web.app import create_app
from tests.web.conftest import PASSWORDS, csrf_of, form_token, sign_in
from tests.web.samples import NOTE


@pytest.mark.parametrize("path", ["/", "/?status=all", "/items/R-0001", "/items/R-0002", "/items/R-0099"])
def test_every_page_needs_a_signed_in_user(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")
    assert NOTE[:20].encode() not in response.data


def test_a_post_without_a_session_is_refused_and_nothing_moves(client, queue):
    response = client.post("/items/R-0001/decide", data={"verdict": "approve", "reason": "ok"})
    assert response.status_code == 401
    assert queue["dsl"][1].exists()


def test_the_sign_in_form_and_the_stylesheet_are_open(client):
    page = client.get("/login")
    assert page.status_code == 200 and b'name="password" type="password"' in page.data
    assert client.get("/static/review.css").status_code == 200


def test_signing_in_leads_to_the_queue_and_signing_out_ends_the_session(client):
    response = sign_in(client)
    assert (response.status_code, response.headers["Location"]) == (302, "/")
    queue = client.get("/")
    assert queue.status_code == 200 and b"jholt" in queue.data and b"R-0001" in queue.data
    stolen = client.get_cookie("shareguard").value
    out = client.post("/logout", data={"csrf_token": form_token(queue.get_data(as_text=True))})
    assert (out.status_code, out.headers["Location"]) == (302, "/login")
    assert client.get("/").status_code == 302
    client.set_cookie("shareguard", stolen)  # the cookie from before signing out no longer works
    assert client.get("/").status_code == 302


@pytest.mark.parametrize("name, password", [("jholt", "wrong password here"), ("nobody", "whatever it is"),
                                            ("JHOLT", "tidy ledger quiet window"), ("jholt", "")])
def test_a_wrong_name_or_password_is_refused_the_same_way(client, name, password):
    client.get("/login")
    response = client.post("/login", data={"name": name, "password": password, "csrf_token": csrf_of(client)})
    assert response.status_code == 401
    assert b"Wrong name or password." in response.data
    assert client.get("/").status_code == 302


def test_names_are_matched_without_case(client):
    assert sign_in(client, "JHolt", PASSWORDS["jholt"]).status_code == 302
    assert client.get("/").status_code == 200


def test_after_signing_in_the_page_asked_for_opens_but_never_another_site(client):
    first = client.get("/items/R-0001")
    assert first.headers["Location"] == "/login?next=/items/R-0001"
    client.get(first.headers["Location"])
    token = csrf_of(client)
    form = {"name": "jholt", "password": PASSWORDS["jholt"], "csrf_token": token}
    assert client.post("/login", data={**form, "next": "/items/R-0001"}).headers["Location"] == "/items/R-0001"
    for elsewhere in ("//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"):
        client.post("/logout", data={"csrf_token": csrf_of(client)})
        client.get("/login")
        response = client.post("/login", data={**form, "csrf_token": csrf_of(client), "next": elsewhere})
        assert response.headers["Location"] == "/", elsewhere


def test_signing_in_starts_a_fresh_session(client):
    client.get("/login")
    before = csrf_of(client)
    sign_in(client)
    assert csrf_of(client) != before  # a token planted before sign-in (session fixation) is worthless after


def test_repeated_failures_are_throttled_even_with_the_right_password(client):
    client.get("/login")
    for _ in range(5):
        client.post("/login", data={"name": "jholt", "password": "not the password", "csrf_token": csrf_of(client)})
    locked = client.post("/login", data={"name": "jholt", "password": PASSWORDS["jholt"],
                                         "csrf_token": csrf_of(client)})
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 800
    assert b"Too many failed sign-ins" in locked.data
    assert sign_in(client, "sclarke").status_code == 302  # another name is not locked out


def test_a_success_clears_the_failures(client):
    client.get("/login")
    for _ in range(4):
        client.post("/login", data={"name": "jholt", "password": "not the password", "csrf_token": csrf_of(client)})
    assert sign_in(client).status_code == 302
    client.post("/logout", data={"csrf_token": csrf_of(client)})
    client.get("/login")
    client.post("/login", data={"name": "jholt", "password": "not the password", "csrf_token": csrf_of(client)})
    assert sign_in(client).status_code == 302


def test_the_session_cookie_is_httponly_and_samesite_strict(client):
    response = sign_in(client)
    [cookie] = [v for k, v in response.headers.items() if k == "Set-Cookie"]
    flags = [part.strip() for part in cookie.split(";")]
    assert flags[0].startswith("shareguard=")
    assert "HttpOnly" in flags and "SameSite=Strict" in flags and "Path=/" in flags
    assert "Secure" not in flags and not any(f.startswith("Expires") for f in flags)  # ends with the browser


def test_over_https_the_cookie_is_secure_and_host_only(config, paths, queue, accounts):
    app = create_app(config, paths["review"], paths["audit"], paths["users"], share_root=paths["share"],
                     secure=True)
    client = app.test_client()
    page = client.get("/login", base_url="https://localhost")
    cookie = page.headers["Set-Cookie"]
    assert cookie.startswith("__Host-shareguard=") and "; Secure" in cookie and "; HttpOnly" in cookie
    assert page.headers["Strict-Transport-Security"] == "max-age=31536000"


@pytest.mark.parametrize("path", ["/login", "/", "/items/R-0001", "/items/R-0099", "/static/review.css"])
def test_every_response_carries_the_security_headers(client, path):
    if path != "/login":
        sign_in(client)
    response = client.get(path)
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'; script-src 'none'")
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    if path != "/static/review.css":
        assert response.headers["Cache-Control"] == "no-store"


def test_pages_load_nothing_from_elsewhere(client):
    sign_in(client)
    for path in ("/login", "/", "/items/R-0001"):
        html = client.get(path).get_data(as_text=True)
        assert "http://" not in html and "https://" not in html and "<script" not in html and "style=" not in html


def test_the_session_key_is_made_once_owner_only_beside_the_users(config, paths, app, accounts):
    key = paths["users"].with_name("web-session.key")
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and stat.S_IMODE(paths["users"].stat().st_mode) == 0o600
    again = create_app(config, paths["review"], paths["audit"], paths["users"], share_root=paths["share"])
    assert again.config["SECRET_KEY"] == app.config["SECRET_KEY"] and len(app.config["SECRET_KEY"]) == 64


def test_logs_name_accounts_but_hold_no_password_text_or_reason(client, caplog, queue):
    caplog.set_level(logging.DEBUG)
    client.get("/login")
    client.post("/login", data={"name": PASSWORDS["sclarke"], "password": "x" * 12, "csrf_token": csrf_of(client)})
    client.post("/login", data={"name": "jholt", "password": "wrong password 1", "csrf_token": csrf_of(client)})
    sign_in(client)
    page = client.get("/items/R-0001").get_data(as_text=True)
    reason = "Front door expects it; consent would prejudice the enquiry"
    client.post("/items/R-0001/decide", data={"verdict": "approve", "reason": reason, "csrf_token": form_token(page)})
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "sign-in failed for an unknown name" in logged and "sign-in failed for jholt" in logged
    assert "R-0001 approved by jholt (DSL)" in logged
    for secret in (*PASSWORDS.values(), "wrong password 1", reason, "Jayden", "943 476 5919", "belt"):
        assert secret not in logged
