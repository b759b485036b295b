"""SPEC decision rules 1–8, table-driven over hand-built facts (no model): one row per rule and
refinement, each with the register state that makes the difference."""
from __future__ import annotations

from datetime import date

import pytest

from scanner.config import load_config
from scanner.policy.decide import SAFEGUARDING_BASIS, decide
from scanner.policy.record import record_of_sharing
from scanner.policy.rules import Facts
from scanner.register.model import Agreement, Consent, Person, RegisterView
from scanner.types import (
    AFFIRMED, NEGATED, PERSONAL_DATA, PRACTICE, SAFEGUARDING, SPECIAL_CATEGORY, Action, Document, Finding, Problem,
    ShareRequest, Subject,
)

CONFIG = load_config()
TODAY = date(2026, 11, 25)
CHILD = Person("P-0001", "Jayden Smith", "child", dob=date(2015, 4, 3))
TEEN = Person("P-0004", "Amira Khan", "young_person", competent=True)
MUM = Person("P-0002", "Kelly Smith", "parent", responsible_for=("P-0001",))
GRAN = Person("P-0003", "Rose Smith", "relative")


def consent(cid="C-0001", subject="P-0001", given_by="P-0002", to=("kent-front-door",), purposes=("early-help",),
            categories=("personal_data",), explicit=False, given=date(2026, 1, 1), expires=None, withdrawn=None):
    return Consent(cid, subject, given_by, tuple(to), tuple(purposes), tuple(categories), explicit, given, expires,
                   withdrawn, "signed form")


def subject(person, main=False, types=("PERSON",), known=True, professional=False, referrer=False):
    return Subject(person.id, person.name, person.role if known else "unknown", known, 1, main, professional, referrer,
                   tuple(types))


TEXT = "x" * 400


def f(type_, subject_id, kind=PERSONAL_DATA, start=0, polarity=None):
    return Finding(kind, type_, start, start + 4, TEXT[start:start + 4], 0.9, "t", "", polarity=polarity,
                   subject=subject_id)


def facts(findings, subjects, to="kent-front-door", purpose="early-help", register=(), readable=True,
          consent_not_sought=None):
    problems = () if readable else (Problem("encrypted", "The file is encrypted."),)
    people = tuple({p.id: p for p in (CHILD, MUM, GRAN, TEEN)}.values())
    consents = tuple(r for r in register if isinstance(r, Consent))
    agreements = tuple(r for r in register if isinstance(r, Agreement))
    recipient = CONFIG.recipients.get(to)
    return Facts(Document("note.txt", "0" * 64, "txt", TEXT, (), problems), tuple(findings),
                 ShareRequest(to, purpose, consent_not_sought=consent_not_sought), frozenset({"DATE_TIME", "AGE"}),
                 subjects=tuple(subjects), recipient=recipient,
                 recipient_type=CONFIG.recipients.types.get(recipient.type) if recipient else None,
                 purpose=CONFIG.purposes.get(purpose), register=RegisterView(people, consents, agreements), today=TODAY)


CHILD_ONLY = ([f("PERSON", "P-0001")], [subject(CHILD, main=True)])
CHILD_AND_GRAN = ([f("PERSON", "P-0001"), f("PERSON", "P-0003", start=10)], [subject(CHILD, main=True), subject(GRAN)])
CONCERN = f("physical_abuse", None, kind=SAFEGUARDING, start=20, polarity=AFFIRMED)
HEALTH = f("HEALTH", "P-0001", kind=SPECIAL_CATEGORY, start=30)

ROWS = [
    # id, findings, subjects, request + register, expected action, rules cited
    ("R1 nothing personal", [], [], {}, Action.ALLOW, ["R1"]),
    ("R1 a negated concern about no one", [f("neglect", None, SAFEGUARDING, polarity=NEGATED)], [], {}, Action.ALLOW, ["R1"]),
    ("R1 but the recipient is unknown", [], [], {"to": "acme-ltd"}, Action.REVIEW, ["R6"]),
    ("R3 parent's consent for a child", *CHILD_ONLY, {"register": [consent()]}, Action.ALLOW, ["R3"]),
    ("R3 consent by recipient type", *CHILD_ONLY, {"register": [consent(to=("type:childrens_social_care",))]}, Action.ALLOW, ["R3"]),
    ("R3 agreement for the purpose", *CHILD_ONLY,
     {"register": [Agreement("A-0001", "kent-front-door", ("early-help",), kind="isa", reference="KMISA")]}, Action.ALLOW, ["R3"]),
    ("R4 no consent: main subject blocks", *CHILD_ONLY, {}, Action.BLOCK, ["R4"]),
    ("R4 consent expired", *CHILD_ONLY, {"register": [consent(expires=date(2026, 6, 30))]}, Action.BLOCK, ["R4"]),
    ("R4 consent withdrawn", *CHILD_ONLY, {"register": [consent(withdrawn=date(2026, 11, 1))]}, Action.BLOCK, ["R4"]),
    ("R4 consent not yet given", *CHILD_ONLY, {"register": [consent(given=date(2026, 12, 1))]}, Action.BLOCK, ["R4"]),
    ("R4 consent for another purpose", *CHILD_ONLY, {"register": [consent(purposes=("education-support",))]}, Action.BLOCK, ["R4"]),
    ("R4 consent for another recipient", *CHILD_ONLY, {"register": [consent(to=("gp-practice",))]}, Action.BLOCK, ["R4"]),
    ("R4 agreement expired", *CHILD_ONLY,
     {"register": [Agreement("A-0001", "kent-front-door", ("early-help",), valid_to=date(2025, 3, 31))]}, Action.BLOCK, ["R4"]),
    ("R4 a child's own consent when not competent", *CHILD_ONLY, {"register": [consent(given_by="P-0001")]}, Action.BLOCK, ["R4"]),
    ("R4 a relative without parental responsibility", *CHILD_ONLY, {"register": [consent(given_by="P-0003")]}, Action.BLOCK, ["R4"]),
    ("R3 a competent young person's own consent", [f("PERSON", "P-0004")], [subject(TEEN, main=True)],
     {"register": [consent(subject="P-0004", given_by="P-0004")]}, Action.ALLOW, ["R3"]),
    ("R4 a parent for a competent young person", [f("PERSON", "P-0004")], [subject(TEEN, main=True)],
     {"register": [consent(subject="P-0004", given_by="P-0002")]}, Action.BLOCK, ["R4"]),
    ("R3 special category with explicit consent", [*CHILD_ONLY[0], HEALTH], [subject(CHILD, True, ("PERSON", "HEALTH"))],
     {"register": [consent(categories=("personal_data", "HEALTH"), explicit=True)]}, Action.ALLOW, ["R3"]),
    ("R4 special category, consent not explicit", [*CHILD_ONLY[0], HEALTH], [subject(CHILD, True, ("PERSON", "HEALTH"))],
     {"register": [consent(categories=("*",))]}, Action.BLOCK, ["R4"]),
    ("R4 special category not in the consent", [*CHILD_ONLY[0], HEALTH], [subject(CHILD, True, ("PERSON", "HEALTH"))],
     {"register": [consent(explicit=True)]}, Action.BLOCK, ["R4"]),
    ("R4 third party without consent is redacted", *CHILD_AND_GRAN, {"register": [consent()]}, Action.REDACT, ["R3", "R4"]),
    ("R3 third party with own consent", *CHILD_AND_GRAN,
     {"register": [consent(), consent("C-0002", subject="P-0003", given_by="P-0003")]}, Action.ALLOW, ["R3"]),
    ("R4 a person the register lacks, as third party", [f("PERSON", "P-0001"), f("PERSON", "U-1", start=10)],
     [subject(CHILD, True), Subject("U-1", "Tom Brown", "unknown", False, 1)], {"register": [consent()]}, Action.REDACT, ["R3", "R4"]),
    ("R4 professionals are not subjects", [f("PERSON", "P-0001"), f("PERSON", "U-1", start=10)],
     [subject(CHILD, True), Subject("U-1", "Jane Holt", "unknown", False, 1, professional=True)],
     {"register": [consent()]}, Action.ALLOW, ["R3"]),
    ("R4 only professionals named", [f("PERSON", "U-1")], [Subject("U-1", "Jane Holt", "unknown", False, 1, professional=True)],
     {}, Action.ALLOW, ["R4"]),
    ("R4 minimum necessary: NINO to a school", [*CHILD_ONLY[0], f("UK_NINO", "P-0001", start=40)], CHILD_ONLY[1],
     {"to": "school-dsl", "purpose": "education-support", "register": [consent(to=("school-dsl",), purposes=("education-support",))]},
     Action.REDACT, ["R3", "R4"]),
    ("R4 minimum necessary: UPN is for schools only", [*CHILD_ONLY[0], f("UK_UPN", "P-0001", start=40)], CHILD_ONLY[1],
     {"to": "gp-practice", "purpose": "health-care", "register": [consent(to=("gp-practice",), purposes=("health-care",))]},
     Action.REDACT, ["R3", "R4"]),
    ("R3 NHS number to a GP is needed", [*CHILD_ONLY[0], f("UK_NHS", "P-0001", start=40)], CHILD_ONLY[1],
     {"to": "gp-practice", "purpose": "health-care", "register": [consent(to=("gp-practice",), purposes=("health-care",))]},
     Action.ALLOW, ["R3"]),
    ("R4 referrer protected from the family, even with their consent", CHILD_AND_GRAN[0],
     [subject(CHILD, True), subject(GRAN, referrer=True)],
     {"to": "parent", "purpose": "family-update", "register": [
         consent(to=("parent",), purposes=("family-update",)),
         consent("C-0009", subject="P-0003", given_by="P-0003", to=("parent",), purposes=("family-update",))]},
     Action.REDACT, ["R3", "R4"]),
    ("R3 the same referrer is named to a partner", CHILD_AND_GRAN[0], [subject(CHILD, True), subject(GRAN, referrer=True)],
     {"register": [consent(), consent("C-0009", subject="P-0003", given_by="P-0003")]}, Action.ALLOW, ["R3"]),
    ("R2 concern to a partner for safeguarding, no consent", [*CHILD_ONLY[0], CONCERN], CHILD_ONLY[1],
     {"purpose": "child-protection-referral"}, Action.ALLOW, ["R2"]),
    ("R2 concern to a partner, not a safeguarding purpose", [*CHILD_ONLY[0], CONCERN], CHILD_ONLY[1],
     {"register": [consent()]}, Action.BLOCK, ["R2"]),
    ("R2 concern to a non-partner, even with consent", [*CHILD_ONLY[0], CONCERN], CHILD_ONLY[1],
     {"to": "gp-practice", "purpose": "child-protection-referral",
      "register": [consent(to=("*",), purposes=("*",))]}, Action.BLOCK, ["R2"]),
    ("R2 concern to the press", [*CHILD_ONLY[0], CONCERN], CHILD_ONLY[1], {"to": "local-paper", "purpose": "publicity"},
     Action.BLOCK, ["R2"]),
    ("R2 concern, unknown recipient", [*CHILD_ONLY[0], CONCERN], CHILD_ONLY[1], {"to": "acme-ltd"}, Action.BLOCK, ["R2", "R6"]),
    ("R2 partner still gets only what it needs", [*CHILD_ONLY[0], CONCERN, f("UK_UPN", "P-0001", start=40)], CHILD_ONLY[1],
     {"to": "kent-police", "purpose": "strategy-discussion"}, Action.REDACT, ["R2", "R4"]),
    ("R5 unreadable", [], [], {"readable": False}, Action.BLOCK, ["R5"]),
    ("R6 unknown purpose", *CHILD_ONLY, {"purpose": "marketing", "register": [consent(purposes=("*",))]}, Action.REVIEW, ["R6"]),
    ("R6 no recipient given", *CHILD_ONLY, {"to": None}, Action.REVIEW, ["R6"]),
    ("R7 practice never blocks on its own", [*CHILD_ONLY[0], f("confidentiality_promise", None, PRACTICE, 50)], CHILD_ONLY[1],
     {"register": [consent()]}, Action.ALLOW, ["R3", "R7"]),
]


@pytest.mark.parametrize(("findings", "subjects", "kw", "action", "rules"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_rule(findings, subjects, kw, action, rules):
    decision = decide(facts(findings, subjects, **kw))
    assert decision.action == action, [r.text for r in decision.reasons]
    assert [r.rule for r in decision.reasons] == rules
    assert all(r.policy.startswith("Confidentiality & Information Sharing Policy, ") for r in decision.reasons)


def test_safeguarding_sharing_records_why_consent_was_not_sought():
    fx = facts([*CHILD_ONLY[0], CONCERN], CHILD_ONLY[1], purpose="child-protection-referral", consent_not_sought="prejudice")
    decision = decide(fx)
    assert decision.reviewer == "DSL" and decision.review_item
    assert [(s.id, s.basis, s.outcome) for s in decision.subjects] == [("P-0001", SAFEGUARDING_BASIS, "share")]
    assert "prejudice the child's protection" in decision.reasons[0].text
    record = record_of_sharing(fx, decision)
    assert record["shared"] and not record["with_consent"]
    assert record["consent_not_sought"] == "seeking consent would prejudice the child's protection"
    unrecorded = decide(facts([*CHILD_ONLY[0], CONCERN], CHILD_ONLY[1], purpose="child-protection-referral"))
    assert "DSL must record it" in unrecorded.reasons[0].text


def test_redaction_names_subjects_and_types():
    decision = decide(facts(*CHILD_AND_GRAN, register=[consent()]))
    assert decision.redact_subjects == ("P-0003",)
    assert {s.id: s.outcome for s in decision.subjects} == {"P-0001": "share", "P-0003": "redact"}
    nino = decide(facts([*CHILD_ONLY[0], f("UK_NINO", "P-0001", start=40)], CHILD_ONLY[1], to="school-dsl",
                        purpose="education-support",
                        register=[consent(to=("school-dsl",), purposes=("education-support",))]))
    assert nino.redact_types == ("UK_NINO",) and nino.redact_subjects == ()


def test_why_not_names_the_nearest_miss():
    expired = decide(facts(*CHILD_ONLY, register=[consent(expires=date(2026, 6, 30))]))
    assert "C-0001 expired on 2026-06-30" in expired.reasons[-1].text
    withdrawn = decide(facts(*CHILD_ONLY, register=[consent(withdrawn=date(2026, 11, 1))]))
    assert "C-0001 was withdrawn on 2026-11-01" in withdrawn.reasons[-1].text
    wrong = decide(facts(*CHILD_ONLY, register=[consent(given_by="P-0003")]))
    assert "cannot consent for Jayden Smith" in wrong.reasons[-1].text


def test_every_decision_has_a_record_of_sharing():
    for _, findings, subjects, kw, _, _ in ROWS:
        fx = facts(findings, subjects, **kw)
        decision = decide(fx)
        record = record_of_sharing(fx, decision)
        assert record["action"] == decision.action.label
        assert record["shared"] == (decision.action in (Action.ALLOW, Action.REDACT))
        assert record["rules"] == sorted({r.rule for r in decision.reasons})
        if not record["shared"]:
            assert record["data"] == [] and record["basis"] == {}
