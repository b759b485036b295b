"""`export_csv`: the record of sharing, one row per decision (automatic or human)."""
from __future__ import annotations

import csv
import io

from scanner.audit.export import COLUMNS, export_csv
from scanner.audit.log import AuditLog
from scanner.record import record_outcome
from scanner.review.store import ReviewStore
from scanner.types import ShareRequest
from tests.unit.audit.samples import allowed_leaflet, held_note, shared_with_consent


def exported(audit: AuditLog) -> list[dict[str, str]]:
    out = io.StringIO()
    count = export_csv(audit, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert count == len(rows)
    return rows


def test_columns_and_one_row_per_decision(tmp_path):
    with AuditLog.open(tmp_path / "a.sqlite3") as audit, \
            ReviewStore.open(tmp_path / "r.sqlite3", audit=audit) as review:
        held, _ = held_note(tmp_path)
        item = record_outcome(held, audit, review).item
        consent = shared_with_consent(tmp_path)
        record_outcome(consent, audit, review)
        review.decide(item.id, "approve", "Front door asked for it.", "jholt", "DSL")
        rows = exported(audit)
    assert tuple(rows[0]) == COLUMNS == (
        "entry", "at", "document_sha256", "format", "recipient", "purpose", "action", "shared", "data", "basis",
        "with_consent", "consent_not_sought", "decided_by", "role", "reason", "rules", "review_item")
    auto, shared, human = rows
    assert (auto["entry"], auto["action"], auto["shared"], auto["decided_by"], auto["reason"]) == (
        "1", "block", "no", "ShareGuard (automatic)", "")
    assert auto["document_sha256"] == held.document.sha256 and auto["at"] == "2026-11-25T10:00:00+00:00"
    assert auto["basis"] == "P-0001: none (withhold); U-1: none (withhold)" and auto["review_item"] == "due"
    assert (shared["action"], shared["shared"], shared["with_consent"], shared["data"]) == (
        "redact", "yes", "yes", "DATE_OF_BIRTH PERSON")
    assert shared["basis"] == "P-0001: consent C-0001; U-1: none (redact)"
    assert (human["action"], human["shared"], human["decided_by"], human["role"], human["reason"]) == (
        "approve", "yes", "jholt", "DSL", "Front door asked for it.")
    assert human["basis"] == ("P-0001: decision of the DSL (see reason); U-1: decision of the DSL (see reason)")
    assert human["review_item"] == "R-0001" and human["rules"] == "R2"


def test_why_consent_was_not_sought_is_written_out(tmp_path):
    from dataclasses import replace

    outcome = allowed_leaflet(tmp_path)
    outcome = replace(outcome, request=ShareRequest("kent-front-door", "child-protection-referral",
                                                    consent_not_sought="prejudice"))
    with AuditLog.open(tmp_path / "a.sqlite3") as audit:
        record_outcome(outcome, audit)
        [row] = exported(audit)
    assert row["consent_not_sought"] == "seeking consent would prejudice the child's protection"
    assert row["with_consent"] == "no"
