"""Subject linking: exact identifiers, names and their variants, unknown people, roles, main subject."""
from __future__ import annotations

from datetime import date

import pytest

from scanner.config import load_config
from scanner.link import Linker, fold
from scanner.register.model import Person, RegisterView
from scanner.types import PERSONAL_DATA, SPECIAL_CATEGORY, Document, Finding

LINKING = load_config().linking
PEOPLE = (
    Person("P-0001", "Jayden Smith", "child", aliases=("JJ Smith",), dob=date(2015, 3, 12), nhs="9434765919",
           upn="A123456789012", case_refs=("CF-2024-0042",)),
    Person("P-0002", "Kelly Smith", "parent", responsible_for=("P-0001",)),
    Person("P-0003", "Zoë O'Brien", "child", dob=date(2012, 1, 5)),
    Person("P-0004", "Zoë O'Brien", "child", dob=date(2016, 7, 9)),
    Person("P-0005", "Jane Holt", "professional"),
)


def run(text, marks, people=PEOPLE):
    """marks: (substring, type[, kind]) in order; each found at its first place after the previous."""
    findings, at = [], 0
    for mark in marks:
        value, type_ = mark[0], mark[1]
        kind = mark[2] if len(mark) > 2 else PERSONAL_DATA
        start = text.index(value, at)
        findings.append(Finding(kind, type_, start, start + len(value), value, 0.9, "t", ""))
        at = start + 1
    linked, subjects = Linker(RegisterView(people), LINKING).link(Document("d", "0", "txt", text), tuple(findings))
    return [f.subject for f in linked], {s.id: s for s in subjects}


def test_fold_ignores_case_accents_and_apostrophes():
    assert fold("ZOË  O’Brien") == "zoe o'brien"


def test_identifiers_and_names_link_to_the_register():
    text = "Jayden Smith, NHS 943 476 5919, UPN A123456789012, case CF-2024-0042. jayden said mum KELLY SMITH was out."
    owners, subjects = run(text, [("Jayden Smith", "PERSON"), ("943 476 5919", "UK_NHS"), ("A123456789012", "UK_UPN"),
                                  ("CF-2024-0042", "CASE_REFERENCE"), ("jayden", "PERSON"), ("KELLY SMITH", "PERSON")])
    assert owners == ["P-0001"] * 5 + ["P-0002"]
    assert subjects["P-0001"].main and subjects["P-0001"].mentions == 5
    assert set(subjects["P-0001"].types) == {"PERSON", "UK_NHS", "UK_UPN", "CASE_REFERENCE"}


def test_alias_title_and_possessive():
    owners, _ = run("Mr JJ Smith's bag. Mrs Kelly Smith.", [("JJ Smith's", "PERSON"), ("Kelly Smith", "PERSON")])
    assert owners == ["P-0001", "P-0002"]


def test_date_of_birth_tells_namesakes_apart():
    owners, subjects = run("Zoe O'Brien (DOB 09/07/2016) attended.", [("Zoe O'Brien", "PERSON"), ("09/07/2016", "DATE_OF_BIRTH")])
    assert owners[0] == "P-0004"
    owners, _ = run("Zoe O'Brien attended.", [("Zoe O'Brien", "PERSON")])
    assert owners[0].startswith("U-")  # two children of that name and nothing to tell them apart: not guessed


@pytest.mark.parametrize("written", ["5 January 2012", "5th Jan 2012", "January 5, 2012", "2012-01-05", "05.01.12"])
def test_date_of_birth_written_in_words_tells_namesakes_apart(written):
    owners, _ = run(f"Zoe O'Brien (born {written}) attended.", [("Zoe O'Brien", "PERSON"), (written, "DATE_OF_BIRTH")])
    assert owners[0] == "P-0003"


def test_people_the_register_lacks_are_unknown_subjects_numbered_in_order():
    text = "Tom Brown visited. Later Amy Li came. Tom stayed."
    owners, subjects = run(text, [("Tom Brown", "PERSON"), ("Amy Li", "PERSON"), ("Tom", "PERSON")])
    assert owners == ["U-1", "U-2", "U-1"]
    assert not subjects["U-1"].known and subjects["U-1"].role == "unknown" and subjects["U-1"].mentions == 2


def test_ambiguous_first_name_is_not_guessed():
    text = "Kelly Smith and Kelly Jones came. Kelly said hello."
    owners, _ = run(text, [("Kelly Smith", "PERSON"), ("Kelly Jones", "PERSON"), ("Kelly", "PERSON")])
    assert owners[0] == "P-0002" and owners[2] not in ("P-0002",) and owners[2] != owners[1]


def test_professionals_and_referrers():
    text = ("Social worker Jane Holt and Dr Amin met Jayden Smith. Referred by Mrs Patel. "
            "Sam Reid (teacher) was present.")
    owners, subjects = run(text, [("Jane Holt", "PERSON"), ("Dr Amin", "PERSON"), ("Jayden Smith", "PERSON"),
                                  ("Mrs Patel", "PERSON"), ("Sam Reid", "PERSON")])
    pro = {s.name for s in subjects.values() if s.professional}
    assert pro == {"Jane Holt", "Dr Amin", "Sam Reid"}
    assert [s.name for s in subjects.values() if s.referrer] == ["Mrs Patel"]
    assert subjects["P-0001"].main


def test_other_data_belongs_to_the_person_named_before_it():
    text = "Tom Brown lives at 4 Oak Road and has asthma. Jayden Smith, phone 07700 900123."
    owners, _ = run(text, [("Tom Brown", "PERSON"), ("4 Oak Road", "STREET_ADDRESS"), ("asthma", "HEALTH", SPECIAL_CATEGORY),
                           ("Jayden Smith", "PERSON"), ("07700 900123", "PHONE_NUMBER")])
    assert owners == ["U-1", "U-1", "U-1", "P-0001", "P-0001"]


def test_main_subject_is_the_most_mentioned_child():
    text = "Kelly Smith called. Kelly Smith again. Jayden Smith is at school."
    _, subjects = run(text, [("Kelly Smith", "PERSON"), ("Kelly Smith", "PERSON"), ("Jayden Smith", "PERSON")])
    assert [s.id for s in subjects.values() if s.main] == ["P-0001"]
    _, subjects = run("Tom Brown and Tom Brown and Amy Li.", [("Tom Brown", "PERSON"), ("Tom Brown", "PERSON"), ("Amy Li", "PERSON")])
    assert [s.name for s in subjects.values() if s.main] == ["Tom Brown"]


def test_a_name_split_in_two_findings_is_one_name():
    owners, subjects = run("JAYDEN SMITH seen.", [("JAYDEN", "PERSON"), ("SMITH", "PERSON")])
    assert owners == ["P-0001", "P-0001"] and list(subjects) == ["P-0001"]


def test_the_people_exchanging_an_email_are_not_its_subjects():
    from scanner.types import Segment

    header = "Sam Reid <sam.reid@kent.gov.uk>"
    body = "\nJayden Smith was seen today."
    text = header + body
    segments = (Segment(0, len(header), "email_header", "To"), Segment(len(header), len(text), "body", "body"))
    forwarded = (Segment(0, len(header), "email_header", "To", container=("fwd.eml",)), segments[1])
    findings = tuple(Finding(PERSONAL_DATA, t, text.index(v), text.index(v) + len(v), v, 0.9, "t", "")
                     for v, t in (("Sam Reid", "PERSON"), ("sam.reid@kent.gov.uk", "EMAIL_ADDRESS"), ("Jayden Smith", "PERSON")))
    linker = Linker(RegisterView(PEOPLE), LINKING)
    _, subjects = linker.link(Document("m.eml", "0", "eml", text, segments), findings)
    assert {s.name: s.professional for s in subjects} == {"Sam Reid": True, "Jayden Smith": False}
    _, subjects = linker.link(Document("m.eml", "0", "eml", text, forwarded), findings)
    assert {s.name: s.professional for s in subjects}["Sam Reid"] is False  # a forwarded message's people are subjects
