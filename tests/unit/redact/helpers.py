"""Shared by the redaction tests: an Outcome that redacts chosen values from a generated file,
golden files, and a leak check that does not use the code under test.

Every person here is invented: Maisie Clarke (a child), Tobias Grant (a parent), Rose Smith
(not in the register) are redacted; Amara Osei stays. 943 476 5919 is a documented test
NHS number.
"""
from __future__ import annotations

import email
import hashlib
import io
import os
import re
import unicodedata
import zipfile
from email import policy
from pathlib import Path

import pymupdf

from scanner.config import load_config
from scanner.extract import extract_file
from scanner.types import (
    PERSONAL_DATA, SPECIAL_CATEGORY, Action, Decision, Finding, Outcome, Reason, ShareRequest, Subject,
)

GOLDEN = Path(__file__).resolve().parent / "golden"
PEOPLE = {
    "P-0008": ("Maisie Clarke", "child"),
    "P-0007": ("Tobias Grant", "parent"),
    "U-1": ("Rose Smith", "unknown"),
}
KEPT = "Amara Osei"
NHS = "943 476 5919"


def outcome_for(path: Path, values: list[tuple[str, str, str | None]], types: tuple[str, ...] = ("UK_NHS",),
                people: dict[str, tuple[str, str]] = PEOPLE) -> Outcome:
    """The check's outcome for `path` with a redact decision: `values` are (text, type, subject)
    findings at their first mention in the extracted text (the writers must find the rest);
    a value the file does not hold is left out, and at least one must be there."""
    document = extract_file(path)
    assert document.fully_readable, document.problems
    findings = []
    for text, type_, subject in values:
        at = document.text.find(text)
        if at < 0:
            continue
        kind = SPECIAL_CATEGORY if type_ == "HEALTH" else PERSONAL_DATA
        findings.append(Finding(kind, type_, at, at + len(text), text, 1.0, "test", "test", subject=subject))
    assert findings, f"none of the values is in {path.name}"
    findings.append(Finding(PERSONAL_DATA, "PERSON", 0, 1, document.text[0], 1.0, "test", "test", subject="P-0001"))
    subjects = tuple(Subject(i, name, role, i.startswith("P-"), 1) for i, (name, role) in people.items())
    decision = Decision(Action.REDACT, (Reason("R4", "policy", "third parties redacted"),),
                        redact_subjects=tuple(people), redact_types=types)
    return Outcome(document, ShareRequest("kent-front-door", "early-help"), decision, tuple(findings), subjects,
                   record={"action": "redact", "shared": True, "rules": ["R4"]})


def config():
    return load_config()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/unit/redact/golden/NAME; SHAREGUARD_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("SHAREGUARD_UPDATE_GOLDEN") == "1" or not path.exists():
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8"), f"redacted text differs from {path}"


def squash(text: str) -> str:
    """Lower case, accents and every non-alphanumeric character removed: the crudest possible match."""
    text = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[\W_]+", "", "".join(c for c in text if not unicodedata.combining(c)))


def texts_in(data: bytes, name: str) -> list[str]:
    """Every readable form of a file's bytes, written independently of scanner.redact.verify."""
    out = [data.decode("latin-1"), data.decode("utf-8", errors="ignore")]
    if name.endswith((".docx", ".xlsx", ".zip")):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                out.append(info.filename)
                out += texts_in(archive.read(info), info.filename)
    elif name.endswith(".pdf"):
        with pymupdf.open(stream=data, filetype="pdf") as document:
            for xref in range(1, document.xref_length()):
                out.append(document.xref_object(xref))
                if document.xref_is_stream(xref):
                    out.append((document.xref_stream(xref) or b"").decode("latin-1"))
            out += [page.get_text() for page in document]
            out.append(str(document.metadata) + document.get_xml_metadata())
    elif name.endswith(".eml"):
        message = email.message_from_bytes(data, policy=policy.default)
        for part in message.walk():
            out += [str(value) for value in part.values()]
            if not part.is_multipart():
                payload = part.get_payload(decode=True) or b""
                out += texts_in(payload, part.get_filename() or "part.txt")
    return out


def assert_no_trace(path: Path, *values: str) -> None:
    """None of `values`, squashed, in any form of the file's bytes (names need no boundaries here)."""
    wanted = {squash(v): v for v in values}
    found = [(v, i) for i, text in enumerate(map(squash, texts_in(path.read_bytes(), path.name)))
             for key, v in wanted.items() if key in text]
    assert not found, f"still in {path.name}: {found[:5]}"
