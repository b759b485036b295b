"""Every form that changes something needs the session's CSRF token: missing → 400, wrong → 403."""
from __future__ import annotations

import pytest

from tests.web.conftest import PASSWORDS, csrf_of, sign_in

DECIDE = {"verdict": "approve", "reason": "Front door expects it."}


@pytest.fixture
def signed_in(client):
    sign_in(client)
    return client


def test_sign_in_without_a_token_is_refused(client):
    client.get("/login")
    response = client.post("/login", data={"name": "jholt", "password": PASSWORDS["jholt"]})
    assert response.status_code == 400 and b"security token is missing" in response.data
    assert client.get("/").status_code == 302


def test_sign_in_with_a_wrong_token_is_refused(client):
    client.get("/login")
    response = client.post("/login", data={"name": "jholt", "password": PASSWORDS["jholt"], "csrf_token": "forged"})
    assert response.status_code == 403


def test_a_session_without_a_token_refuses_an_empty_one(client):
    response = client.post("/login", data={"name": "jholt", "password": PASSWORDS["jholt"], "csrf_token": ""})
    assert response.status_code == 400  # "" == "" must never pass


@pytest.mark.parametrize("token, status", [(None, 400), ("", 400), ("forged-token", 403)])
def test_a_decision_without_the_right_token_is_refused_and_nothing_moves(signed_in, queue, token, status):
    data = DECIDE if token is None else {**DECIDE, "csrf_token": token}
    response = signed_in.post("/items/R-0001/decide", data=data)
    assert response.status_code == status
    assert queue["dsl"][1].exists()
    assert b'<span class="status s-open">open</span>' in signed_in.get("/items/R-0001").data


def test_a_token_from_another_session_does_not_work(app, signed_in, queue):
    other = app.test_client()
    sign_in(other, "jholt")
    response = signed_in.post("/items/R-0001/decide", data={**DECIDE, "csrf_token": csrf_of(other)})
    assert response.status_code == 403 and queue["dsl"][1].exists()


def test_the_token_may_come_in_a_header(signed_in, queue):
    response = signed_in.post("/items/R-0001/decide", data=DECIDE, headers={"X-CSRF-Token": csrf_of(signed_in)})
    assert response.status_code == 302 and not queue["dsl"][1].exists()


@pytest.mark.parametrize("headers", [{"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"},
                                     {"Origin": "null", "Sec-Fetch-Site": "same-site"}])
def test_a_form_sent_from_another_site_is_refused(signed_in, queue, headers):
    response = signed_in.post("/items/R-0001/decide", data={**DECIDE, "csrf_token": csrf_of(signed_in)},
                              headers=headers)
    assert response.status_code == 403 and queue["dsl"][1].exists()


def test_a_form_from_this_site_under_no_referrer_is_accepted(signed_in, queue):
    """Chromium sends `Origin: null` for a form on a no-referrer page; Sec-Fetch-Site says same-origin."""
    response = signed_in.post("/items/R-0001/decide", data={**DECIDE, "csrf_token": csrf_of(signed_in)},
                              headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 302 and not queue["dsl"][1].exists()


def test_signing_out_needs_the_token_too(signed_in):
    assert signed_in.post("/logout").status_code == 400
    assert signed_in.get("/").status_code == 200
    assert signed_in.get("/logout").status_code == 405  # never by a plain link or an <img>
