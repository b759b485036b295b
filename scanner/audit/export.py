"""The record of sharing as CSV, one row per decision (automatic or human), oldest first: when,
which document (by hash), to whom, why, what happened, whether it was shared, on which basis
for each person, with consent or not (and why consent was not sought), decided by whom."""
from __future__ import annotations

import csv
from typing import Any, TextIO

from scanner.audit.events import DECISION, REVIEW_DECISION
from scanner.audit.log import AuditEntry, AuditLog
from scanner.types import CONSENT_NOT_SOUGHT

COLUMNS = ("entry", "at", "document_sha256", "format", "recipient", "purpose", "action", "shared", "data",
           "basis", "with_consent", "consent_not_sought", "decided_by", "role", "reason", "rules", "review_item")


def export_csv(log: AuditLog, stream: TextIO) -> int:
    """Write the header and one row per decision to `stream`; return the number of rows."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for entry in log.entries():
        if entry.kind in (DECISION, REVIEW_DECISION):
            writer.writerow(_row(entry))
            count += 1
    return count


def _row(entry: AuditEntry) -> tuple[str, ...]:
    body = entry.body
    human = entry.kind == REVIEW_DECISION
    document = body.get("document") or {}
    not_sought = body.get("consent_not_sought")
    return (
        str(entry.seq),
        body.get("decided_at") or entry.at,
        document.get("sha256", ""),
        document.get("format", ""),
        body.get("recipient") or "",
        body.get("purpose") or "",
        body.get("verdict" if human else "action") or "",
        _yes(body.get("shared")),
        " ".join(body.get("data") or ()),
        _basis(body.get("subjects") or ()),
        _yes(body.get("with_consent")),
        CONSENT_NOT_SOUGHT.get(not_sought, not_sought or ""),
        entry.actor,
        body.get("role") or "",
        (body.get("reason") or "") if human else "",
        " ".join(body.get("rules") or ()),
        body.get("item") or ("due" if body.get("review_item") else ""),
    )


def _basis(subjects: Any) -> str:
    """"P-0001: consent C-0001; U-1: none (redact)" — each person, the basis or what happened to their data."""
    parts = []
    for s in subjects:
        if s.get("outcome") == "not a subject":
            continue
        basis = s.get("basis") or f"none ({s.get('outcome')})"
        parts.append(f"{s.get('id')}: {basis}")
    return "; ".join(parts)


def _yes(value: Any) -> str:
    return "yes" if value else "no"
