"""The register file: schema migrations, what it refuses, ids, and what it gives back."""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from scanner.register.errors import RegisterError, RegisterFileError
from scanner.register.migrations import MIGRATIONS, Migration, migrate
from scanner.register.model import Consent
from scanner.register.store import Register, consent_status

NHS = "9434765919"  # valid check digit
UPN = "B801200005001"  # valid check letter and LA number
DAY = date(2024, 3, 1)
TOMORROW = date.today() + timedelta(days=1)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "var" / "register.sqlite3"


@pytest.fixture
def register(path):
    with Register.open(path) as opened:
        yield opened


@pytest.fixture
def family(register):
    """(child, parent with parental responsibility, unrelated adult)"""
    child = register.add_person("Jayden Smith", "child", dob=date(2015, 4, 3))
    parent = register.add_person("Adaeze Okafor", "parent", responsible_for=[child.id])
    other = register.add_person("Tom Brown", "adult")
    return child, parent, other


def _sql(path, query, args=()):
    """Run one statement on the file directly (autocommit), as a user with the sqlite3 shell would."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


def _tables(path):
    return {name for (name,) in _sql(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}


# -- schema ---------------------------------------------------------------------------------------

def test_open_creates_the_folder_file_and_schema(path):
    with Register.open(path) as register:
        assert register._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert path.is_file()
    assert _sql(path, "PRAGMA user_version") == [(len(MIGRATIONS),)]
    assert {"people", "person_names", "person_case_refs", "parental_responsibility", "consents",
            "consent_recipients", "consent_purposes", "consent_categories", "agreements",
            "agreement_purposes", "agreement_categories"} <= _tables(path)


def test_reopening_changes_nothing(path):
    with Register.open(path) as register:
        register.add_person("Jayden Smith", "child")
    schema = _sql(path, "SELECT sql FROM sqlite_master ORDER BY name")
    with Register.open(path) as register:
        assert [p.name for p in register.people()] == ["Jayden Smith"]
    assert _sql(path, "SELECT sql FROM sqlite_master ORDER BY name") == schema
    assert _sql(path, "PRAGMA user_version") == [(len(MIGRATIONS),)]


def test_a_version_0_file_is_upgraded_keeping_its_rows(path):
    path.parent.mkdir()
    _sql(path, "CREATE TABLE notes (text TEXT)")
    _sql(path, "INSERT INTO notes VALUES ('kept')")
    assert _sql(path, "PRAGMA user_version") == [(0,)]
    with Register.open(path) as register:
        register.add_person("Jayden Smith", "child")
    assert _sql(path, "SELECT text FROM notes") == [("kept",)]
    assert _sql(path, "PRAGMA user_version") == [(len(MIGRATIONS),)]


def test_a_later_step_upgrades_an_older_file_in_place(path):
    with Register.open(path) as register:
        child = register.add_person("Jayden Smith", "child", nhs=NHS)
    step = Migration("index names by person", ("CREATE INDEX test_people_name ON people (name)",))
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, (*MIGRATIONS, step)) == len(MIGRATIONS) + 1
    conn.close()
    assert _sql(path, "PRAGMA user_version") == [(len(MIGRATIONS) + 1,)]
    assert _sql(path, "SELECT id, nhs FROM people") == [(child.id, NHS)]
    assert _sql(path, "SELECT name FROM sqlite_master WHERE name = 'test_people_name'") == [("test_people_name",)]


def test_a_failing_step_leaves_the_file_at_the_previous_version(path):
    Register.open(path).close()
    broken = Migration("half a change", ("CREATE TABLE half (x)", "CREATE TABLE people (x)"))
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(RegisterFileError, match=r"failed at step 2 \(half a change\); the file is left at version 1"):
        migrate(conn, (*MIGRATIONS, broken))
    conn.close()
    assert _sql(path, "PRAGMA user_version") == [(len(MIGRATIONS),)]
    assert "half" not in _tables(path)


def test_a_file_from_a_newer_shareguard_is_refused_untouched(path):
    Register.open(path).close()
    _sql(path, "PRAGMA user_version = 99")
    with pytest.raises(RegisterFileError, match="schema version 99, but this ShareGuard knows only up to"):
        Register.open(path)
    assert _sql(path, "PRAGMA user_version") == [(99,)]


def test_a_file_that_is_not_a_database_is_refused(path):
    path.parent.mkdir()
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(RegisterFileError, match="not a usable register"):
        Register.open(path)


def test_a_register_locked_by_another_writer_is_a_file_error_not_a_traceback(register, path):
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    register._conn.execute("PRAGMA busy_timeout = 10")
    try:
        with pytest.raises(RegisterFileError, match="the register could not be used .database is locked"):
            register.add_person("Jayden Smith", "child")
        with pytest.raises(RegisterFileError, match="database is locked"):
            register.view()
    finally:
        other.rollback()
        other.close()
    assert register.add_person("Jayden Smith", "child").id == "P-0001"


def test_refused_errors_carry_their_codes():
    assert RegisterError.code == "E400" and RegisterFileError.code == "E401"
    assert issubclass(RegisterFileError, RegisterError)


# -- people ---------------------------------------------------------------------------------------

def test_a_person_is_stored_in_compact_form_and_read_back(register, path):
    person = register.add_person(" Jayden Smith ", "child", aliases=["Jay", "Jay", " ", "Jayden Smith"],
                                 dob=date(2015, 4, 3), nhs="943 476 5919", upn=UPN.lower(),
                                 case_refs=["CR-1", "CR-2"], competent=True)
    assert person.id == "P-0001"
    assert person == register.person("P-0001")
    assert (person.name, person.aliases, person.nhs, person.upn) == ("Jayden Smith", ("Jay",), NHS, UPN)
    assert person.case_refs == ("CR-1", "CR-2") and person.competent and person.dob == date(2015, 4, 3)
    assert _sql(path, "SELECT id, name, nhs FROM people") == [("P-0001", "Jayden Smith", NHS)]


def test_ids_are_issued_in_order_and_never_twice(path):
    with Register.open(path) as register:
        assert [register.add_person(n, "adult").id for n in "ABC"] == ["P-0001", "P-0002", "P-0003"]
        assert register.add_person("D", "adult", record_id="P-0010").id == "P-0010"
        assert register.add_person("E", "adult").id == "P-0011"
    with Register.open(path) as register:
        assert register.add_person("F", "adult").id == "P-0012"


@pytest.mark.parametrize("fields, message", [
    ({"name": " "}, "name: must not be empty"),
    ({"role": "mum"}, "role: 'mum' is not one of child, parent"),
    ({"nhs": "943 476 5918"}, "nhs: '943 476 5918' is not a valid NHS number (the check character does not match)"),
    ({"nhs": "12345"}, "nhs: '12345' is not a valid NHS number (wrong length)"),
    ({"upn": "A801200005001"}, "upn: 'A801200005001' is not a valid UPN (the check character does not match)"),
    ({"upn": "B80120000500"}, "upn: 'B80120000500' is not a valid UPN (wrong length)"),
    ({"dob": TOMORROW}, "dob: a date of birth cannot be in the future"),
    ({"responsible_for": ["P-0099"]}, "responsible_for: 'P-0099' is not in the register"),
    ({"record_id": "7"}, "id: expected the form P-0001 (got '7')"),
])
def test_a_bad_person_is_refused_and_nothing_is_kept(register, fields, message):
    with pytest.raises(RegisterError) as refused:
        register.add_person(**{"name": "Jayden Smith", "role": "child", **fields})
    assert message in str(refused.value)
    assert register.people() == ()


def test_an_identifier_belongs_to_one_person(register):
    first = register.add_person("Jayden Smith", "child", nhs=NHS)
    with pytest.raises(RegisterError, match=f"nhs: {NHS} is already recorded for {first.id}"):
        register.add_person("Jay Smith", "child", nhs=NHS)


def test_parental_responsibility_is_for_an_existing_child(register, family):
    child, parent, other = family
    assert register.person(parent.id).responsible_for == (child.id,)
    assert register.holders_of(child.id) == (register.person(parent.id),)
    with pytest.raises(RegisterError, match="responsible_for: P-0003 is recorded as adult, not a child"):
        register.add_person("Ann Brown", "parent", responsible_for=[other.id])
    register.add_responsibility(other.id, child.id)
    assert [p.id for p in register.holders_of(child.id)] == [parent.id, other.id]


# -- consents -------------------------------------------------------------------------------------

def _consent(register, subject, given_by, **fields):
    return register.add_consent(subject, given_by, fields.pop("recipients", ["kent-front-door"]),
                                fields.pop("purposes", ["child-protection-referral"]),
                                **{"given": DAY, **fields})


def test_a_consent_from_a_parent_is_recorded_and_read_back(register, family, path):
    child, parent, _ = family
    consent = _consent(register, child.id, parent.id, recipients=["kent-front-door", "type:school", "*"],
                       categories=["health", "personal_data"], explicit=True, expires=date(2025, 3, 1),
                       evidence="signed form, case file")
    assert consent == Consent("C-0001", child.id, parent.id, ("kent-front-door", "type:school", "*"),
                              ("child-protection-referral",), ("HEALTH", "personal_data"), True, DAY,
                              date(2025, 3, 1), None, "signed form, case file")
    assert register.consents(child.id) == (consent,) and register.consents(parent.id) == ()
    assert _sql(path, "SELECT recipient FROM consent_recipients WHERE consent = 'C-0001' ORDER BY position") == [
        ("kent-front-door",), ("type:school",), ("*",)]


def test_no_categories_means_ordinary_personal_data(register, family):
    child, parent, _ = family
    assert _consent(register, child.id, parent.id, categories=[]).categories == ("personal_data",)


def test_a_competent_child_or_an_adult_consents_for_themself(register):
    child = register.add_person("Amy Lee", "young_person", competent=True)
    adult = register.add_person("Tom Brown", "adult")
    assert _consent(register, child.id, child.id).given_by == child.id
    assert _consent(register, adult.id, adult.id).given_by == adult.id


@pytest.mark.parametrize("who, fields, message", [
    ("child", {}, "given_by: P-0001 is a child not recorded as competent to consent"),
    ("other", {}, "given_by: P-0003 is not the subject and holds no recorded parental responsibility for P-0001"),
    ("parent", {"subject": "P-0404"}, "subject: 'P-0404' is not in the register"),
    ("parent", {"categories": ["HEALTH"]}, "categories: HEALTH is special-category data and needs explicit consent"),
    ("parent", {"categories": ["medical"]}, "categories: 'medical' is not one of personal_data, *, HEALTH"),
    ("parent", {"expires": date(2024, 2, 1)}, "expires: 2024-02-01 is before the consent was given (2024-03-01)"),
    ("parent", {"recipients": []}, "recipients: at least one is needed"),
    ("parent", {"recipients": ["kent front door"]}, "recipients: 'kent front door' is not an id"),
    ("parent", {"recipients": ["type:"]}, "recipients: 'type:' is not an id"),
    ("parent", {"purposes": [" "]}, "purposes: at least one is needed"),
])
def test_a_consent_that_could_not_have_been_given_is_refused(register, family, who, fields, message):
    child, parent, other = family
    giver = {"child": child, "parent": parent, "other": other}[who]
    with pytest.raises(RegisterError) as refused:
        _consent(register, fields.pop("subject", child.id), giver.id, **fields)
    assert message in str(refused.value)
    assert register.consents() == ()


def test_withdrawal_keeps_the_date_and_the_reason(register, family):
    child, parent, _ = family
    consent = _consent(register, child.id, parent.id)
    withdrawn = register.withdraw_consent(consent.id, date(2024, 5, 1), "mother changed her mind")
    assert withdrawn.withdrawn == date(2024, 5, 1) and register.consents() == (withdrawn,)
    assert register.withdrawal_reasons() == {consent.id: "mother changed her mind"}
    with pytest.raises(RegisterError, match="consent: C-0001 was already withdrawn on 2024-05-01"):
        register.withdraw_consent(consent.id, date(2024, 6, 1), "again")


@pytest.mark.parametrize("consent_id, on, reason, message", [
    ("C-0001", date(2024, 1, 1), "too early", "on: 2024-01-01 is before C-0001 was given (2024-03-01)"),
    ("C-0001", date(2024, 5, 1), " ", "reason: must not be empty"),
    ("C-0404", date(2024, 5, 1), "gone", "consent: 'C-0404' is not in the register"),
])
def test_a_bad_withdrawal_is_refused(register, family, consent_id, on, reason, message):
    child, parent, _ = family
    _consent(register, child.id, parent.id)
    with pytest.raises(RegisterError) as refused:
        register.withdraw_consent(consent_id, on, reason)
    assert message in str(refused.value)
    assert register.consents()[0].withdrawn is None


@pytest.mark.parametrize("given, expires, withdrawn, status", [
    (DAY, None, None, "in force"),
    (DAY + timedelta(days=1), None, None, "not yet"),
    (DAY - timedelta(days=10), DAY, None, "in force"),
    (DAY - timedelta(days=10), DAY - timedelta(days=1), None, "expired"),
    (DAY - timedelta(days=10), None, DAY, "withdrawn"),
    (DAY - timedelta(days=10), DAY - timedelta(days=1), DAY - timedelta(days=5), "withdrawn"),
    (DAY - timedelta(days=10), None, DAY + timedelta(days=1), "in force"),
])
def test_consent_status_on_a_day(given, expires, withdrawn, status):
    consent = Consent("C-0001", "P-0001", "P-0002", ("*",), ("*",), given=given, expires=expires, withdrawn=withdrawn)
    assert consent_status(consent, DAY) == status
    assert (status == "in force") == consent.in_force(DAY)


# -- agreements, snapshot, transactions -----------------------------------------------------------

def test_an_agreement_is_recorded_and_read_back(register):
    agreement = register.add_agreement("type:police", ["child-protection-referral"], ["HEALTH"], "isa",
                                       "KMISA 2023", date(2023, 1, 1), date(2026, 1, 1))
    assert (agreement.id, agreement.recipient, agreement.categories) == ("A-0001", "type:police", ("HEALTH",))
    assert register.agreements() == (agreement,)


@pytest.mark.parametrize("fields, message", [
    ({"kind": "handshake"}, "kind: 'handshake' is not one of isa, statutory"),
    ({"reference": ""}, "reference: must not be empty"),
    ({"valid_to": date(2022, 1, 1)}, "valid_to: 2022-01-01 is before valid_from (2023-01-01)"),
    ({"recipient": ""}, "recipient: at least one is needed"),
    ({"purposes": []}, "purposes: at least one is needed"),
])
def test_a_bad_agreement_is_refused(register, fields, message):
    args = {"recipient": "kent-front-door", "purposes": ["*"], "categories": [], "kind": "isa",
            "reference": "KMISA", "valid_from": date(2023, 1, 1), **fields}
    with pytest.raises(RegisterError) as refused:
        register.add_agreement(**args)
    assert message in str(refused.value)
    assert register.agreements() == ()


def test_the_view_is_everything_the_decision_reads(register, family):
    child, parent, _ = family
    consent = _consent(register, child.id, parent.id)
    agreement = register.add_agreement("*", ["*"], [], "statutory", "Children Act 1989 s47", date(1991, 10, 14))
    view = register.view()
    assert view.people == register.people() and view.consents == (consent,) and view.agreements == (agreement,)
    assert view.holds_parental_responsibility(parent.id, child.id)
    assert view.person(child.id).dob == date(2015, 4, 3)


def test_a_failed_transaction_keeps_none_of_its_changes(register):
    with pytest.raises(RegisterError), register.transaction():
        register.add_person("Jayden Smith", "child")
        register.add_person("Jay", "mum")
    assert register.people() == ()
    assert register.add_person("Jayden Smith", "child").id == "P-0001"
