"""`shareguard register` through click: each command's effect on the register file, its output,
and exit status 2 with one `Error:` line for anything the register refuses."""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from cli import cli
from scanner.register.migrations import MIGRATIONS
from scanner.register.store import Register

TODAY = date.today()


@pytest.fixture
def db(tmp_path):
    return tmp_path / "var" / "register.sqlite3"


@pytest.fixture
def run(tmp_path, db):
    """run(*args) → click Result of `shareguard --register DB register ARGS`, with an empty config dir
    so the project's own config (and $SHAREGUARD_REGISTER) play no part."""
    config = tmp_path / "config"
    config.mkdir()

    def invoke(*args: str, env: dict[str, str | None] | None = None):
        return CliRunner(env={"SHAREGUARD_REGISTER": None, **(env or {})}).invoke(
            cli, ["--config", str(config), "--register", str(db), "register", *args], catch_exceptions=False)

    return invoke


@pytest.fixture
def family(run):
    """A child (P-0001) and a parent with parental responsibility (P-0002), added through the CLI."""
    assert run("person", "add", "Jayden Smith", "--role", "child", "--dob", "2015-04-03").output == "P-0001\n"
    assert run("person", "add", "Adaeze Okafor", "--role", "parent", "--responsible-for", "P-0001").output == "P-0002\n"


def _read(db):
    with Register.open(db) as register:
        return register.view(), register.withdrawal_reasons()


def _consent(run, *extra: str):
    return run("consent", "add", "--subject", "P-0001", "--given-by", "P-0002", "--to", "kent-front-door",
               "--purpose", "child-protection-referral", "--evidence", "signed form", *extra)


def test_person_add_records_everything_given_and_prints_the_id(run, db):
    result = run("person", "add", "Jayden Smith", "--role", "child", "--alias", "Jay", "--alias", "JJ",
                 "--dob", "2015-04-03", "--nhs", "943 476 5919", "--upn", "B801200005001", "--case-ref", "CR-1",
                 "--competent")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "P-0001\n", "")
    (person,) = _read(db)[0].people
    assert (person.name, person.role, person.aliases, person.dob) == ("Jayden Smith", "child", ("Jay", "JJ"),
                                                                      date(2015, 4, 3))
    assert (person.nhs, person.upn, person.case_refs, person.competent) == ("9434765919", "B801200005001",
                                                                            ("CR-1",), True)


@pytest.mark.parametrize("args, error", [
    (["--nhs", "943 476 5918"], "Error: nhs: '943 476 5918' is not a valid NHS number (the check character does not match)\n"),
    (["--upn", "A801200005001"], "Error: upn: 'A801200005001' is not a valid UPN (the check character does not match)\n"),
    (["--responsible-for", "P-0404"], "Error: responsible_for: 'P-0404' is not in the register\n"),
    (["--dob", (TODAY + timedelta(days=1)).isoformat()],
     f"Error: dob: a date of birth cannot be in the future (got {(TODAY + timedelta(days=1)).isoformat()})\n"),
])
def test_a_refused_person_is_one_error_line_exit_2_and_not_recorded(run, db, args, error):
    result = run("person", "add", "Jayden Smith", "--role", "child", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", error)
    assert _read(db)[0].people == ()


@pytest.mark.parametrize("args, error", [
    (["--dob", "03/04/2015"], "Invalid value for '--dob': '03/04/2015' is not a valid date (YYYY-MM-DD)"),
    (["--role", "mum"], "Invalid value for '--role': 'mum' is not one of"),
])
def test_a_malformed_option_is_a_usage_error(run, db, args, error):
    result = run("person", "add", "Jayden Smith", "--role", "child", *args)
    assert result.exit_code == 2 and error in result.stderr
    assert _read(db)[0].people == ()


def test_person_list_and_show(run, family):
    _consent(run, "--given", "2024-01-01")
    listed = run("person", "list").stdout.splitlines()
    assert listed[0].split() == ["ID", "NAME", "ROLE", "DOB", "ALIASES"]
    assert listed[1].split() == ["P-0001", "Jayden", "Smith", "child", "2015-04-03"]
    assert listed[2].split() == ["P-0002", "Adaeze", "Okafor", "parent"]
    shown = run("person", "show", "P-0001").stdout
    assert "parental responsibility held by  P-0002 Adaeze Okafor" in shown
    assert "Consents about them:" in shown and "C-0001  P-0001   P-0002    in force" in shown


def test_person_show_of_someone_unknown_is_refused(run):
    result = run("person", "show", "P-0404")
    assert (result.exit_code, result.stderr) == (2, "Error: person: 'P-0404' is not in the register\n")


def test_consent_add_records_the_scope(run, db, family):
    result = _consent(run, "--to", "type:school", "--purpose", "education", "--category", "HEALTH", "--explicit",
                      "--given", "2024-01-01", "--expires", "2025-01-01")
    assert (result.exit_code, result.stdout) == (0, "C-0001\n")
    (consent,) = _read(db)[0].consents
    assert consent.recipients == ("kent-front-door", "type:school")
    assert consent.purposes == ("child-protection-referral", "education")
    assert (consent.categories, consent.explicit, consent.given, consent.expires, consent.evidence) == (
        ("HEALTH",), True, date(2024, 1, 1), date(2025, 1, 1), "signed form")


@pytest.mark.parametrize("extra, error", [
    (["--category", "HEALTH"], "Error: categories: HEALTH is special-category data and needs explicit consent"),
    (["--given-by", "P-0001"], "Error: given_by: P-0001 is a child not recorded as competent to consent"),
    (["--expires", "2023-01-01"], "Error: expires: 2023-01-01 is before the consent was given (2024-01-01)"),
])
def test_a_refused_consent_is_exit_2_and_not_recorded(run, db, family, extra, error):
    result = _consent(run, "--given", "2024-01-01", *extra)
    assert result.exit_code == 2 and result.stderr.startswith(error) and result.stderr.count("\n") == 1
    assert _read(db)[0].consents == ()


def test_consent_list_shows_each_status_as_of_today(run, family):
    day = timedelta(days=1)
    _consent(run, "--given", (TODAY - 10 * day).isoformat())
    _consent(run, "--given", (TODAY + day).isoformat())
    _consent(run, "--given", (TODAY - 10 * day).isoformat(), "--expires", (TODAY - day).isoformat())
    _consent(run, "--given", (TODAY - 10 * day).isoformat())
    run("consent", "withdraw", "C-0004", "--reason", "changed her mind")
    lines = run("consent", "list", "--subject", "P-0001").stdout.splitlines()
    statuses = {line[:6]: line[lines[0].index("STATUS"):lines[0].index("TO ")].strip() for line in lines[1:]}
    assert statuses == {"C-0001": "in force", "C-0002": "not yet", "C-0003": "expired", "C-0004": "withdrawn"}
    assert lines[4].endswith("changed her mind")


def test_consent_withdraw_keeps_date_and_reason_and_refuses_twice(run, db, family):
    _consent(run, "--given", "2024-01-01")
    result = run("consent", "withdraw", "C-0001", "--reason", "moved away", "--on", "2024-03-01")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "C-0001 withdrawn from 2024-03-01\n")
    view, reasons = _read(db)
    assert view.consents[0].withdrawn == date(2024, 3, 1) and reasons == {"C-0001": "moved away"}
    again = run("consent", "withdraw", "C-0001", "--reason", "again")
    assert (again.exit_code, again.stderr) == (2, "Error: consent: C-0001 was already withdrawn on 2024-03-01\n")


def test_consent_withdraw_defaults_to_today(run, db, family):
    _consent(run, "--given", "2024-01-01")
    run("consent", "withdraw", "C-0001", "--reason", "moved away")
    assert _read(db)[0].consents[0].withdrawn == TODAY


def test_agreement_add_and_list(run, db):
    result = run("agreement", "add", "--to", "type:police", "--purpose", "child-protection-referral",
                 "--kind", "statutory", "--reference", "Children Act 1989 s47", "--from", "1991-10-14")
    assert (result.exit_code, result.stdout) == (0, "A-0001\n")
    (agreement,) = _read(db)[0].agreements
    assert (agreement.recipient, agreement.kind, agreement.valid_from) == ("type:police", "statutory", date(1991, 10, 14))
    listed = run("agreement", "list").stdout.splitlines()
    assert listed[1].startswith("A-0001  type:police  statutory  Children Act 1989 s47  child-protection-referral")


def test_import_adds_every_row(run, db, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,role,responsible_for\nJayden Smith,child,\nAdaeze Okafor,parent,P-0001\n", encoding="utf-8")
    result = run("import", "people", str(path))
    assert (result.exit_code, result.stderr) == (0, f"imported 2 people from {path}\n")
    assert _read(db)[0].holds_parental_responsibility("P-0002", "P-0001")


def test_a_bad_import_names_the_line_and_imports_nothing(run, db, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,role,nhs\nJayden Smith,child,9434765919\nAmy Lee,child,12345\n", encoding="utf-8")
    result = run("import", "people", str(path))
    assert (result.exit_code, result.stderr) == (
        2, f"Error: {path}: line 3: nhs: '12345' is not a valid NHS number (wrong length)\n")
    assert _read(db)[0].people == ()


def test_export_to_stdout_and_to_a_file(run, tmp_path, family):
    result = run("export", "people")
    assert result.stdout == ("id,name,role,aliases,dob,nhs,upn,case_refs,competent,responsible_for\n"
                             "P-0001,Jayden Smith,child,,2015-04-03,,,,no,\n"
                             "P-0002,Adaeze Okafor,parent,,,,,,no,P-0001\n")
    out = tmp_path / "people.csv"
    assert run("export", "people", str(out)).stderr == f"exported 2 people to {out}\n"
    assert out.read_text(encoding="utf-8") == result.stdout


def test_the_register_comes_from_the_environment_or_the_config(tmp_path):
    from_env = tmp_path / "env.sqlite3"
    result = CliRunner(env={"SHAREGUARD_REGISTER": str(from_env)}).invoke(
        cli, ["--config", str(tmp_path), "register", "person", "add", "Amy Lee", "--role", "adult"])
    assert result.exit_code == 0 and from_env.is_file()
    config = tmp_path / "config"
    config.mkdir()
    (config / "shareguard.yaml").write_text("register:\n  path: ../data/reg.sqlite3\n", encoding="utf-8")
    result = CliRunner(env={"SHAREGUARD_REGISTER": None}).invoke(
        cli, ["--config", str(config), "register", "person", "add", "Amy Lee", "--role", "adult"])
    assert result.exit_code == 0 and (tmp_path / "data" / "reg.sqlite3").is_file()


def test_a_register_from_a_newer_shareguard_is_exit_1(run, db):
    run("person", "list")
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    result = run("person", "list")
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {db}: the register is at schema version")
