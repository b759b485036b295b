"""`shareguard review user add/list` and `shareguard review serve`'s checks before it listens."""
from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

import scanner.web.serve as serve_module
from cli import cli
from scanner.web.serve import check_bind, trusted_hosts
from scanner.web.users import Users
from tests.web.conftest import CHEAP

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch):
    monkeypatch.setattr("scanner.web.users.DEFAULT_COST", CHEAP)  # 0.6 s a user otherwise; test_users checks it


@pytest.fixture
def users_file():
    return os.environ["SHAREGUARD_USERS"]  # set to a temporary file by conftest


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["review", *args], input=input, catch_exceptions=False)


def test_user_add_asks_for_the_password_twice_without_showing_it(users_file):
    result = run("user", "add", "jholt", "--role", "DSL", input=f"{PASSWORD}\n{PASSWORD}\n")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "Password: \nRepeat for confirmation: \nadded jholt (DSL)\n"
    with Users.open(users_file) as users:
        assert users.authenticate("jholt", PASSWORD).role == "DSL"


def test_user_add_asks_again_when_the_two_differ(users_file):
    result = run("user", "add", "sclarke", "--role", "ig-lead",
                 input=f"{PASSWORD}\nsomething else entirely\n{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0 and "Error: The two entered values do not match." in result.stderr
    assert result.stderr.endswith("added sclarke (IG lead)\n")


@pytest.mark.parametrize("args, password, message", [
    (("jholt", "--role", "DSL"), "too short", "Error: password: at least 12 characters"),
    (("jholt", "--role", "boss"), PASSWORD, "Error: role: expected one of DSL, IG lead (got 'boss')"),
    (("j/holt", "--role", "DSL"), PASSWORD, "Error: name: letters, digits and . _ @ -"),
])
def test_user_add_refuses_with_exit_2(args, password, message):
    result = run("user", "add", *args, input=f"{password}\n{password}\n")
    assert result.exit_code == 2 and message in result.stderr


def test_a_taken_name_is_refused():
    run("user", "add", "jholt", "--role", "DSL", input=f"{PASSWORD}\n{PASSWORD}\n")
    again = run("user", "add", "JHOLT", "--role", "DSL", input=f"{PASSWORD}\n{PASSWORD}\n")
    assert again.exit_code == 2 and "Error: name: there is already a user called 'JHOLT'" in again.stderr


def test_user_list_shows_names_and_roles_never_hashes(tmp_path):
    other = str(tmp_path / "other.sqlite3")
    for name, role in (("sclarke", "IG lead"), ("jholt", "DSL")):
        run("user", "--users", other, "add", name, "--role", role, input=f"{PASSWORD}\n{PASSWORD}\n")
    listed = run("user", "--users", other, "list")
    lines = listed.stdout.splitlines()
    assert [line.split()[:3] for line in lines] == [["NAME", "ROLE", "CREATED"], ["jholt", "DSL", lines[1].split()[2]],
                                                    ["sclarke", "IG", "lead"]]
    assert "scrypt" not in listed.stdout
    as_json = [json.loads(line) for line in run("user", "--users", other, "list", "--json").stdout.splitlines()]
    assert [(u["name"], u["role"]) for u in as_json] == [("jholt", "DSL"), ("sclarke", "IG lead")]
    assert run("user", "list").stdout.splitlines() == ["NAME  ROLE  CREATED"]  # the default file is another one


def test_user_remove_and_password(users_file):
    run("user", "add", "jholt", "--role", "DSL", input=f"{PASSWORD}\n{PASSWORD}\n")
    new = "tidy ledger quiet window"
    changed = run("user", "password", "jholt", input=f"{new}\n{new}\n")
    assert changed.exit_code == 0 and changed.stderr.endswith("new password set for jholt; their sessions are ended\n")
    with Users.open(users_file) as users:
        assert users.authenticate("jholt", PASSWORD) is None and users.authenticate("jholt", new).role == "DSL"
    unknown = run("user", "password", "nobody", input=f"{new}\n{new}\n")
    assert unknown.exit_code == 2 and "Password" not in unknown.stderr  # refused before asking
    assert "Error: name: there is no user called 'nobody' (users: jholt)" in unknown.stderr
    removed = run("user", "remove", "jholt")
    assert (removed.exit_code, removed.stderr) == (0, "removed jholt (DSL); their sessions are ended\n")
    assert run("user", "list").stdout.splitlines() == ["NAME  ROLE  CREATED"]
    assert run("user", "remove", "jholt").exit_code == 2


def test_user_remove_never_creates_a_user_database(tmp_path):
    missing = tmp_path / "none.sqlite3"
    result = run("user", "--users", str(missing), "remove", "jholt")
    assert result.exit_code == 1 and "there is no user database here" in result.stderr and not missing.exists()


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "review.example.org"])
def test_serve_refuses_an_address_other_machines_reach_without_allow_remote(host):
    result = run("serve", "--host", host)
    assert result.exit_code == 2
    assert "it shows confidential information about children, so it listens on 127.0.0.1 unless you add " \
           "--allow-remote" in result.stderr


def test_serve_with_allow_remote_warns_then_serves(monkeypatch):
    run("user", "add", "jholt", "--role", "DSL", input=f"{PASSWORD}\n{PASSWORD}\n")
    served = []
    monkeypatch.setattr(serve_module, "run", served.append)
    result = run("serve", "--host", "0.0.0.0", "--port", "9999", "--allow-remote")
    assert result.exit_code == 0
    assert result.stderr.startswith("Warning: the review page listens on every network interface.")
    assert result.stderr.endswith("ShareGuard review page on http://0.0.0.0:9999/ (Ctrl-C to stop)\n")
    [what] = served
    assert (what.host, what.port, what.context) == ("0.0.0.0", 9999, None)
    assert what.app.config["SESSION_COOKIE_HTTPONLY"] and what.app.config["TRUSTED_HOSTS"] is None


def test_serve_listens_on_127_0_0_1_by_default_and_trusts_only_local_names(monkeypatch):
    run("user", "add", "jholt", "--role", "DSL", input=f"{PASSWORD}\n{PASSWORD}\n")
    served = []
    monkeypatch.setattr(serve_module, "run", served.append)
    result = run("serve")
    assert result.exit_code == 0
    assert result.stderr == "ShareGuard review page on http://127.0.0.1:8765/ (Ctrl-C to stop)\n"
    assert served[0].app.config["TRUSTED_HOSTS"] == ["127.0.0.1", "localhost"]
    page = served[0].app.test_client().get("/login", headers={"Host": "rebound.example"})
    assert page.status_code == 400  # a page on another site whose name points at 127.0.0.1 gets nothing


def test_serve_needs_a_user_first():
    result = run("serve")
    assert result.exit_code == 2
    assert "no users yet; add one with `shareguard review user add NAME --role DSL`" in result.stderr


def test_serve_needs_both_tls_files(tmp_path):
    cert = tmp_path / "cert.pem"
    cert.write_text("x")
    result = run("serve", "--tls-cert", str(cert))
    assert result.exit_code == 2 and "--tls-cert and --tls-key go together" in result.stderr


@pytest.mark.parametrize("host, allowed", [("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True),
                                           ("::1", True), ("0.0.0.0", False), ("10.0.0.1", False)])
def test_which_addresses_are_local(host, allowed):
    if allowed:
        assert check_bind(host, allow_remote=False) is None
    else:
        assert check_bind(host, allow_remote=True).startswith("Warning:")


def test_trusted_hosts():
    assert trusted_hosts("127.0.0.1") == ["127.0.0.1", "localhost"]
    assert trusted_hosts("review.example.org") == ["review.example.org"]
    assert trusted_hosts("0.0.0.0") is None and trusted_hosts("::1") is None
