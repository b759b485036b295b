"""Accounts: scrypt hashes with their parameters, constant-time checks, sessions that end."""
from __future__ import annotations

import stat
from datetime import datetime, timedelta, timezone

import pytest

from scanner.web.users import DEFAULT_COST, UserError, UserFileError, Users, check_password, hash_password
from tests.web.conftest import CHEAP


def test_the_default_hash_is_scrypt_with_owasp_parameters():
    stored = hash_password("correct horse battery staple")  # 0.6 s each: the only test at full cost
    scheme, n, r, p, salt, key = stored.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", 2**17, 8, 1) == ("scrypt", DEFAULT_COST.n, 8, 1)
    assert len(salt) == 24 and len(key) == 44  # a 16-byte salt and a 32-byte key, base64
    assert check_password("correct horse battery staple", stored)


def test_each_hash_has_its_own_salt_and_is_checked_with_its_own_parameters():
    first, second = hash_password("correct horse battery staple", CHEAP), hash_password("correct horse battery staple",
                                                                                         CHEAP)
    assert first != second and first.startswith("scrypt$1024$8$1$")
    assert check_password("correct horse battery staple", first) and check_password("correct horse battery staple",
                                                                                    second)
    assert not check_password("correct horse battery stapler", first)


@pytest.mark.parametrize("stored", ["", "plain", "md5$1$2$3$4$5", "scrypt$x$8$1$AAAA$AAAA", "scrypt$1048577$8$1$AA$AA",
                                    "scrypt$1024$8$1$not-base64$@@"])
def test_a_damaged_or_foreign_hash_never_matches(stored):
    assert check_password("anything at all", stored) is False


def test_users_are_kept_owner_only_and_listed_without_hashes(tmp_path):
    path = tmp_path / "users.sqlite3"
    with Users.open(path, cost=CHEAP) as users:
        users.add("jholt", "dsl", "correct horse battery staple")
        users.add("sclarke", "ig-lead", "tidy ledger quiet window")
        assert [(u.name, u.role) for u in users.list()] == [("jholt", "DSL"), ("sclarke", "IG lead")]
        assert users.authenticate("jholt", "correct horse battery staple").role == "DSL"
        assert users.authenticate("jholt", "tidy ledger quiet window") is None
        assert users.authenticate("nobody", "correct horse battery staple") is None
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert b"correct horse" not in _stored(path)


@pytest.mark.parametrize("name, role, password, message", [
    ("jholt", "DSL", "short", "password: at least 12 characters"),
    ("j holt", "DSL", "correct horse battery staple", "name: letters, digits"),
    ("", "DSL", "correct horse battery staple", "name: letters, digits"),
    ("jholt", "admin", "correct horse battery staple", "role: expected one of DSL, IG lead"),
])
def test_what_cannot_be_a_user_is_refused(tmp_path, name, role, password, message):
    with Users.open(tmp_path / "users.sqlite3", cost=CHEAP) as users, pytest.raises(UserError, match=message):
        users.add(name, role, password)


def test_a_name_is_taken_whatever_its_case(tmp_path):
    with Users.open(tmp_path / "users.sqlite3", cost=CHEAP) as users:
        users.add("jholt", "DSL", "correct horse battery staple")
        with pytest.raises(UserError, match="already a user called 'JHolt'"):
            users.add("JHolt", "IG lead", "tidy ledger quiet window")


def test_a_missing_user_file_is_an_error_when_not_creating(tmp_path):
    with pytest.raises(UserFileError, match="there is no user database here"):
        Users.open(tmp_path / "nope.sqlite3", create=False)


def test_sessions_end_when_signed_out_idle_or_too_old(tmp_path):
    now = [datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)]
    with Users.open(tmp_path / "users.sqlite3", cost=CHEAP, clock=lambda: now[0]) as users:
        user = users.add("jholt", "DSL", "correct horse battery staple")
        ended, idle, old = users.start_session(user), users.start_session(user), users.start_session(user)
        assert users.session_user(ended) == user and users.session_user("made-up") is None
        users.end_session(ended)
        assert users.session_user(ended) is None
        for _ in range(20):  # used every 29 minutes, it lasts up to 10 hours…
            now[0] += timedelta(minutes=29)
            assert users.session_user(old) == user
        assert users.session_user(idle) is None  # idle for more than 30 minutes
        now[0] += timedelta(minutes=29)
        assert users.session_user(old) is None  # …and no longer
    assert ended.encode() not in _stored(tmp_path / "users.sqlite3")  # only the hash of a session id is kept


def test_a_removed_user_can_no_longer_sign_in_and_their_sessions_end(tmp_path):
    with Users.open(tmp_path / "users.sqlite3", cost=CHEAP) as users:
        leaver = users.add("jholt", "DSL", "correct horse battery staple")
        stays = users.add("sclarke", "IG lead", "tidy ledger quiet window")
        theirs, other = users.start_session(leaver), users.start_session(stays)
        assert users.remove("JHOLT") == leaver  # any case, as names are compared
        assert users.session_user(theirs) is None and users.authenticate("jholt", "correct horse battery staple") is None
        assert users.session_user(other) == stays and [u.name for u in users.list()] == ["sclarke"]
        with pytest.raises(UserError, match=r"no user called 'jholt' \(users: sclarke\)"):
            users.remove("jholt")


def test_a_new_password_replaces_the_old_one_and_ends_open_sessions(tmp_path):
    with Users.open(tmp_path / "users.sqlite3", cost=CHEAP) as users:
        user = users.add("jholt", "DSL", "correct horse battery staple")
        stale = users.start_session(user)
        with pytest.raises(UserError, match="password: at least 12 characters"):
            users.set_password("jholt", "short")
        assert users.session_user(stale) == user  # a refused change changes nothing
        users.set_password("jholt", "tidy ledger quiet window")
        assert users.authenticate("jholt", "correct horse battery staple") is None
        assert users.authenticate("jholt", "tidy ledger quiet window") == user
        assert users.session_user(stale) is None
        with pytest.raises(UserError, match="no user called 'nobody'"):
            users.set_password("nobody", "tidy ledger quiet window")


def _stored(path) -> bytes:
    """The database's bytes, its write-ahead log included."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
