"""A synthetic case note held for the DSL, with a finding of every kind (safeguarding with each
polarity), and a letter held for the IG lead. Names and numbers are made up (943 476 5919 is an
NHS test number)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from scanner.policy.sections import cite
from scanner.types import (
    Action, Decision, Document, Finding, Outcome, Reason, Segment, ShareRequest, Subject, SubjectOutcome,
)

NOTE = (
    "Home visit, 24 November 2026.\n"
    "Visited Jayden Smith (DOB 03/04/2015, NHS 943 476 5919) at 14 Acacia Avenue, Maidstone.\n"
    "Mother: Adaeze Okafor. Jayden has asthma and uses a blue inhaler.\n"
    "Jayden told me his dad hit him with a belt last week. No marks were seen on his arms today.\n"
    "If he goes missing again, call the duty team.\n"
    "I asked: Did your dad hit you? I promised Jayden I would not tell anyone.\n"
)
LETTER = "Letter to the housing officer about the family's move. Adaeze Okafor asked for an update.\n"


def _at(text: str, kind: str, type_: str, value: str, nth: int = 0, **extra: object) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return Finding(kind, type_, start, start + len(value), value, 0.9, "sample", f"{type_} found", **extra)


def _note_findings() -> tuple[Finding, ...]:
    pd, t = "personal_data", NOTE
    return (
        _at(t, pd, "PERSON", "Jayden Smith", subject="P-0001"),
        _at(t, pd, "DATE_OF_BIRTH", "03/04/2015", subject="P-0001"),
        _at(t, pd, "UK_NHS", "943 476 5919", subject="P-0001"),
        _at(t, pd, "STREET_ADDRESS", "14 Acacia Avenue", subject="P-0001"),
        _at(t, pd, "PERSON", "Adaeze Okafor", subject="P-0002"),
        _at(t, pd, "PERSON", "Jayden", 1, subject="P-0001"),
        _at(t, pd, "PERSON", "Jayden", 2, subject="P-0001"),
        _at(t, pd, "PERSON", "Jayden", 3, subject="P-0001"),
        _at(t, "special_category", "HEALTH", "asthma", subject="P-0001"),
        _at(t, "special_category", "HEALTH", "blue inhaler", subject="P-0001"),
        _at(t, "safeguarding", "physical_abuse", "hit him with a belt", polarity="affirmed", severity="high"),
        _at(t, "safeguarding", "physical_abuse", "No marks were seen", polarity="negated", severity="low"),
        _at(t, "safeguarding", "missing_from_home", "goes missing", polarity="hypothetical", severity="medium"),
        _at(t, "practice", "leading_question", "Did your dad hit you?"),
        _at(t, "practice", "confidentiality_promise", "I promised Jayden I would not tell anyone"),
    )


def case_note(folder: Path, name: str = "home_visit.txt") -> tuple[Outcome, Path]:
    """A note held for the DSL (R2 block, R7 practice), written to `folder/name`."""
    reasons = (
        Reason("R2", cite("rationale"), "An affirmed concern (physical abuse) about the main subject P-0001; "
               "early help is not a safeguarding purpose: blocked, and the DSL reviews it."),
        Reason("R7", cite("disclosures"), "A member of staff promised confidentiality about a disclosure."),
        Reason("R7", cite("disclosure-procedure"), "A leading question was put to the child."),
    )
    decision = Decision(Action.BLOCK, reasons, "DSL", (SubjectOutcome("P-0001", "child", None, "withhold"),
                                                       SubjectOutcome("P-0002", "parent", None, "withhold")),
                        review_item=True)
    subjects = (Subject("P-0001", "Jayden Smith", "child", True, 9, main=True, types=("PERSON", "UK_NHS")),
                Subject("P-0002", "Adaeze Okafor", "parent", True, 1))
    return _held(folder, name, NOTE, decision, _note_findings(), subjects, "kent-front-door", "early-help")


def letter(folder: Path, name: str = "housing_letter.txt") -> tuple[Outcome, Path]:
    """A letter held for the IG lead (R4: no basis to share the mother's data)."""
    reasons = (Reason("R4", cite("keeping-confidence"), "No consent or legal basis on record for P-0002."),)
    decision = Decision(Action.BLOCK, reasons, "IG lead", (SubjectOutcome("P-0002", "parent", None, "withhold"),),
                        review_item=True)
    findings = (_at(LETTER, "personal_data", "PERSON", "Adaeze Okafor", subject="P-0002"),)
    subjects = (Subject("P-0002", "Adaeze Okafor", "parent", True, 1, main=True),)
    return _held(folder, name, LETTER, decision, findings, subjects, "housing-officer", "housing-application")


def _held(folder: Path, name: str, text: str, decision: Decision, findings: tuple[Finding, ...],
          subjects: tuple[Subject, ...], recipient: str, purpose: str) -> tuple[Outcome, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    document = Document(f"outbox/{recipient}/{purpose}/{name}", sha, "txt", text,
                        (Segment(0, len(text), "body", "text"),), (), len(text.encode("utf-8")))
    request = ShareRequest(recipient, purpose, sender="practitioner", channel="watch")
    record = {"at": "2026-11-25T10:00:00+00:00", "recipient": recipient, "purpose": purpose,
              "action": decision.action.label, "shared": False, "data": [], "basis": {}, "with_consent": False,
              "consent_not_sought": None, "rules": sorted({r.rule for r in decision.reasons}),
              "decided_by": "ShareGuard (automatic)"}
    return Outcome(document, request, decision, findings, subjects, record), path
