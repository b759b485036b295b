"""CSV import and export: the columns, all-or-nothing imports, errors that name the line, round trips."""
from __future__ import annotations

import io
from datetime import date

import pytest

from scanner.register.csvio import LAYOUTS, export_csv, import_csv, parse_date
from scanner.register.errors import RegisterError
from scanner.register.store import Register

PEOPLE = """\
id,name,role,aliases,dob,nhs,upn,case_refs,competent,responsible_for
,Adaeze Okafor,parent,Ada,,,,,no,P-0002
P-0002,Jayden Smith,child,Jay;JJ,2015-04-03,943 476 5919,B801200005001,CR-1;CR-2,no,
,Amy Lee,young_person,,2008-01-02,,,,yes,
"""


@pytest.fixture
def register(tmp_path):
    with Register.open(tmp_path / "register.sqlite3") as opened:
        yield opened


def _write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def _filled(register):
    """A register with every kind of record and every optional column used."""
    child = register.add_person("Jayden Smith", "child", ["Jay"], date(2015, 4, 3), "9434765919",
                                "B801200005001", ["CR-1"], False)
    parent = register.add_person("Adaeze Okafor", "parent", responsible_for=[child.id])
    kept = register.add_consent(child.id, parent.id, ["kent-front-door", "type:school"], ["*"],
                                ["personal_data", "HEALTH"], True, given=date(2024, 1, 1),
                                expires=date(2025, 1, 1), evidence="form, in the case file")
    register.withdraw_consent(kept.id, date(2024, 6, 1), 'said "stop", by phone')
    register.add_consent(child.id, parent.id, ["*"], ["education"], given=date(2024, 2, 1))
    register.add_agreement("type:police", ["child-protection-referral"], ["*"], "statutory",
                           "Children Act 1989 s47", date(1991, 10, 14))
    register.add_agreement("kent-front-door", ["*"], [], "isa", "KMISA", date(2023, 1, 1), date(2026, 1, 1))


def test_people_import_keeps_given_ids_issues_the_rest_and_links_later_rows(register, tmp_path):
    assert import_csv(register, "people", _write(tmp_path, "people.csv", PEOPLE)) == 3
    parent, child, young = register.people()
    assert (parent.id, child.id, young.id) == ("P-0001", "P-0002", "P-0003")
    assert parent.responsible_for == (child.id,)  # a row naming a later row
    assert child.aliases == ("Jay", "JJ") and child.case_refs == ("CR-1", "CR-2") and child.nhs == "9434765919"
    assert young.competent and not child.competent and young.dob == date(2008, 1, 2)


def test_export_then_import_gives_back_the_same_register(tmp_path):
    with Register.open(tmp_path / "a.sqlite3") as source, Register.open(tmp_path / "b.sqlite3") as copy:
        _filled(source)
        for kind in ("people", "consents", "agreements"):  # consents name people, so people first
            export_csv(source, kind, tmp_path / f"{kind}.csv")
            import_csv(copy, kind, tmp_path / f"{kind}.csv")
        assert copy.view() == source.view()
        assert copy.withdrawal_reasons() == source.withdrawal_reasons() == {"C-0001": 'said "stop", by phone'}
        assert copy.add_person("Next", "adult").id == "P-0003"  # the counter moved past the imported ids


def test_export_writes_the_documented_columns_to_a_stream(register):
    _filled(register)
    out = io.StringIO()
    assert export_csv(register, "consents", out) == 2
    lines = out.getvalue().splitlines()
    assert lines[0] == ",".join(LAYOUTS["consents"].columns)
    assert lines[1] == ('C-0001,P-0001,P-0002,kent-front-door;type:school,*,personal_data;HEALTH,yes,2024-01-01,'
                        '2025-01-01,2024-06-01,"said ""stop"", by phone","form, in the case file"')


def test_a_spreadsheet_bom_and_blank_lines_are_accepted(register, tmp_path):
    path = _write(tmp_path, "people.csv", "name,role\r\n\r\nJayden Smith,child\r\n,\r\n", encoding="utf-8-sig")
    assert import_csv(register, "people", path) == 1
    assert [p.name for p in register.people()] == ["Jayden Smith"]


BAD_PEOPLE = [
    ("name,role,nhs\nJayden Smith,child,9434765919\nAmy Lee,child,9434765918\n",
     "line 3: nhs: '9434765918' is not a valid NHS number (the check character does not match)"),
    ("name,role,dob\nJayden Smith,child,03/04/2015\n", "line 2: dob: '03/04/2015' is not a valid date (YYYY-MM-DD)"),
    ("name,role,competent\nJayden Smith,child,maybe\n", "line 2: competent: 'maybe' is not yes, no, true or false"),
    ("name,role,responsible_for\nAda,parent,P-0009\n", "line 2: responsible_for: 'P-0009' is not in the register"),
    ("name,role\nJayden Smith,child\nAmy Lee,child,extra\n", "line 3: more values than columns"),
    ("name,role,surname\nJayden,child,Smith\n", "line 1: unknown column(s) surname (columns: id, name, role"),
    ("name\nJayden Smith\n", "line 1: missing column(s) role"),
    ("id,name,role\nP-0001,Jayden Smith,child\nP-0001,Jay Smith,child\n", "line 3: id: P-0001 is already in the register"),
]


@pytest.mark.parametrize("text, message", BAD_PEOPLE)
def test_a_bad_people_row_names_file_and_line_and_nothing_is_imported(register, tmp_path, text, message):
    path = _write(tmp_path, "people.csv", text)
    with pytest.raises(RegisterError) as refused:
        import_csv(register, "people", path)
    assert str(refused.value).startswith(f"{path}: ")
    assert message in str(refused.value)
    assert register.people() == ()
    assert register.add_person("Next", "adult").id == "P-0001"  # no id was used up either


CONSENT_HEADER = "subject,given_by,recipients,purposes,categories,explicit,given,expires,withdrawn,withdrawn_reason\n"
GOOD_CONSENT = "P-0001,P-0002,kent-front-door,*,,no,2024-01-01,,,\n"
BAD_CONSENTS = [
    ("P-0001,P-0002,kent-front-door,*,HEALTH,no,2024-01-01,,,\n",
     "line 3: categories: HEALTH is special-category data and needs explicit consent"),
    ("P-0001,P-0001,kent-front-door,*,,no,2024-01-01,,,\n", "line 3: given_by: P-0001 is a child not recorded as competent"),
    ("P-0001,P-0002,kent-front-door,*,,no,2024-01-01,,2024-02-01,\n",
     "line 3: withdrawn, withdrawn_reason: give both (the date and why) or neither"),
    ("P-0001,P-0002,kent-front-door,*,,no,2024-01-01,,2023-02-01,moved away\n", "line 3: on: 2023-02-01 is before"),
    ("P-0001,P-0002,,*,,no,2024-01-01,,,\n", "line 3: recipients: at least one is needed"),
    ("P-0001,P-0002,kent-front-door,*,,no,2024-01-32,,,\n", "line 3: given: '2024-01-32' is not a valid date"),
]


@pytest.mark.parametrize("row, message", BAD_CONSENTS)
def test_a_bad_consent_row_names_the_line_and_nothing_is_imported(register, tmp_path, row, message):
    child = register.add_person("Jayden Smith", "child")
    register.add_person("Adaeze Okafor", "parent", responsible_for=[child.id])
    path = _write(tmp_path, "consents.csv", CONSENT_HEADER + GOOD_CONSENT + row)
    with pytest.raises(RegisterError) as refused:
        import_csv(register, "consents", path)
    assert f"{path}: {message}" in str(refused.value)
    assert register.consents() == ()


def test_a_bad_agreement_row_names_the_line_and_nothing_is_imported(register, tmp_path):
    path = _write(tmp_path, "agreements.csv", "recipient,purposes,kind,reference,valid_from\n"
                  "kent-front-door,*,isa,KMISA,2023-01-01\n*,*,promise,a chat,2023-01-01\n")
    with pytest.raises(RegisterError, match="line 3: kind: 'promise' is not one of isa"):
        import_csv(register, "agreements", path)
    assert register.agreements() == ()


@pytest.mark.parametrize("kind, path, message", [
    ("pets", "x.csv", "kind: 'pets' is not one of people, consents, agreements"),
    ("people", "missing.csv", "missing.csv: cannot be read as CSV"),
])
def test_an_unknown_kind_or_an_unreadable_file_is_refused(register, tmp_path, kind, path, message):
    with pytest.raises(RegisterError, match=message):
        import_csv(register, kind, tmp_path / path)


@pytest.mark.parametrize("text, expected", [("2024-02-29", date(2024, 2, 29)), (" 2024-01-02 ", date(2024, 1, 2))])
def test_parse_date_reads_iso_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2023-02-29", "20240102", "02/01/2024", "2024-1-2", ""])
def test_parse_date_refuses_anything_else(text):
    with pytest.raises(ValueError, match="is not a valid date"):
        parse_date(text)
