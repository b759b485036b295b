"""Outcomes built by hand (no model): a held case note about a child, with the names, identifiers
and the disclosure a leak test looks for."""
from __future__ import annotations

import hashlib
from pathlib import Path

from scanner.types import (
    Action, Decision, Document, Finding, Outcome, Problem, Reason, Segment, ShareRequest, Subject, SubjectOutcome,
)

NAME, DOB, NHS, STREET, MOTHER = "Jayden Smith", "03/04/2015", "943 476 5919", "14 Acacia Avenue", "Adaeze Okafor"
DISCLOSURE = "his dad hit him"
TEXT = (f"Case note. Visited {NAME} (DOB {DOB}), NHS {NHS}, at {STREET}.\n"
        f"Mother: {MOTHER}. Jayden told me {DISCLOSURE} with a belt.\n")
SECRETS = (NAME, "Jayden", DOB, NHS, "9434765919", STREET, "Acacia", MOTHER, "Okafor", DISCLOSURE, "belt")


def _span(kind: str, type_: str, value: str, **extra: object) -> Finding:
    start = TEXT.index(value)
    return Finding(kind, type_, start, start + len(value), value, 0.9, "test", f"found {type_}", **extra)


def held_note(tmp_path: Path, *, action: Action = Action.BLOCK, reviewer: str | None = "DSL",
              recipient: str | None = "kent-front-door", purpose: str | None = "early-help",
              name: str = "jayden_smith_visit.txt", review_item: bool = True,
              problems: tuple[Problem, ...] = ()) -> tuple[Outcome, Path]:
    """(outcome, file): the note written to `tmp_path/name` and the outcome of checking it."""
    path = tmp_path / name
    path.write_text(TEXT, encoding="utf-8")
    sha = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    document = Document(str(path), sha, "txt", TEXT, (Segment(0, len(TEXT), "body", "text"),), problems,
                        len(TEXT.encode()))
    findings = (
        _span("personal_data", "PERSON", NAME, subject="P-0001"),
        _span("personal_data", "DATE_OF_BIRTH", DOB, subject="P-0001"),
        _span("personal_data", "UK_NHS", NHS, subject="P-0001"),
        _span("personal_data", "STREET_ADDRESS", STREET, subject="P-0001"),
        _span("personal_data", "PERSON", MOTHER, subject="U-1"),
        _span("safeguarding", "physical_abuse", "hit", polarity="affirmed", severity="high",
              excerpt=f"Jayden told me {DISCLOSURE} with a belt.", about=("Jayden",)),
    )
    subjects = (Subject("P-0001", NAME, "child", True, 4, main=True, types=("PERSON", "UK_NHS")),
                Subject("U-1", MOTHER, "unknown", False, 1))
    # Like the policy's reasons, these quote the document: they must never reach the audit trail.
    reasons = (Reason("R2", "Confidentiality & Information Sharing Policy, Rationale",
                      f"An affirmed concern about {NAME} ('{DISCLOSURE}'): blocked. The DSL reviews it."),)
    decision = Decision(action, reasons, reviewer,
                        (SubjectOutcome("P-0001", "child", None, "withhold"),
                         SubjectOutcome("U-1", "unknown", None, "withhold")), review_item=review_item)
    request = ShareRequest(recipient=recipient, purpose=purpose, sender="practitioner", channel="check")
    record = {"at": "2026-11-25T10:00:00+00:00", "document": str(path), "sha256": sha, "recipient": recipient,
              "purpose": purpose, "action": action.label, "shared": action <= Action.REDACT, "data": [],
              "basis": {}, "with_consent": False, "consent_not_sought": None, "rules": ["R2"],
              "decided_by": "ShareGuard (automatic)"}
    return Outcome(document, request, decision, findings, subjects, record), path


def allowed_leaflet(tmp_path: Path) -> Outcome:
    text = "Our helpline is open from 9am to 5pm.\n"
    path = tmp_path / "leaflet.txt"
    path.write_text(text)
    document = Document(str(path), hashlib.sha256(text.encode()).hexdigest(), "txt", text,
                        (Segment(0, len(text), "body", "text"),), (), len(text))
    decision = Decision(Action.ALLOW, (Reason("R1", "Confidentiality & Information Sharing Policy, Introduction",
                                              "Nothing identifies a living person."),))
    return Outcome(document, ShareRequest("kent-front-door", "early-help"), decision,
                   record={"at": "2026-11-25T10:00:00+00:00", "shared": True, "data": []})


def shared_with_consent(tmp_path: Path) -> Outcome:
    """A progress note allowed on consent C-0001, the mother's data redacted."""
    outcome, _ = held_note(tmp_path, name="progress.txt")
    decision = Decision(Action.REDACT, (Reason("R3", "Confidentiality & Information Sharing Policy, Keeping confidence",
                                               f"Lawful basis for {NAME}: consent C-0001."),), None,
                        (SubjectOutcome("P-0001", "child", "consent C-0001", "share"),
                         SubjectOutcome("U-1", "unknown", None, "redact")), redact_subjects=("U-1",))
    record = dict(outcome.record, action="redact", shared=True, data=["DATE_OF_BIRTH", "PERSON"])
    return Outcome(outcome.document, outcome.request, decision, outcome.findings, outcome.subjects, record)
