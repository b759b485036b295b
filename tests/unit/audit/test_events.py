"""What an automatic decision puts in the audit trail, and what it never does: the document's
text, names, identifiers, its file name, or the reasons the policy code writes."""
from __future__ import annotations

from pathlib import Path

from scanner.audit.events import decision_body
from scanner.audit.log import AuditLog
from scanner.record import record_outcome
from scanner.review.store import ReviewStore
from tests.unit.audit.samples import SECRETS, allowed_leaflet, held_note, shared_with_consent


def stored_bytes(path: Path) -> bytes:
    """The database, its WAL and the head file: every byte the audit trail keeps on disk."""
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")) if p.is_file())


def test_a_decision_is_recorded_by_hash_types_and_ids(tmp_path):
    outcome, _ = held_note(tmp_path)
    body = decision_body(outcome, review_due=True)
    assert body["document"] == {"sha256": outcome.document.sha256, "format": "txt", "size": outcome.document.size}
    assert (body["recipient"], body["purpose"], body["action"], body["shared"]) == (
        "kent-front-door", "early-help", "block", False)
    assert body["rules"] == ["R2"] and body["policy"] == ["Confidentiality & Information Sharing Policy, Rationale"]
    assert {"kind": "personal_data", "type": "PERSON", "count": 2} in body["findings"]
    assert {"kind": "safeguarding", "type": "physical_abuse", "polarity": "affirmed", "count": 1} in body["findings"]
    assert body["subjects"] == [{"id": "P-0001", "role": "child", "basis": None, "outcome": "withhold"},
                                {"id": "U-1", "role": "unknown", "basis": None, "outcome": "withhold"}]
    assert body["review_item"] is True and body["reviewer"] == "DSL"
    assert "text" not in str(body.keys()) and "reasons" not in body


def test_sharing_on_consent_records_the_basis_per_person(tmp_path):
    body = decision_body(shared_with_consent(tmp_path), review_due=False)
    assert body["shared"] is True and body["with_consent"] is True and body["consent_not_sought"] is None
    assert body["basis"] == {"P-0001": "consent C-0001"}
    assert body["redacted"] == {"subjects": ["U-1"], "types": []}
    assert body["data"] == ["DATE_OF_BIRTH", "PERSON"]


def test_no_confidential_text_reaches_the_audit_file(tmp_path):
    """Decide, then review, then release: the audit file's bytes hold none of the document's
    names, identifiers, disclosure, file name or policy-written reasons."""
    share = tmp_path / "share"
    (share / "quarantine").mkdir(parents=True)
    outcome, note = held_note(share / "quarantine")
    audit_path = tmp_path / "audit.sqlite3"
    with AuditLog.open(audit_path) as audit, ReviewStore.open(tmp_path / "review.sqlite3", audit=audit,
                                                              share_root=share) as review:
        recorded = record_outcome(outcome, audit, review, held_copy=note)
        record_outcome(shared_with_consent(tmp_path), audit, review)
        record_outcome(allowed_leaflet(tmp_path), audit, review)
        review.decide(recorded.item.id, "approve", "Partner confirmed the referral is expected.", "jholt", "DSL")
        assert audit.verify().intact
    data = stored_bytes(audit_path)
    assert outcome.document.sha256.encode() in data  # the file is really being read
    for secret in (*SECRETS, note.name, "jayden_smith", outcome.decision.reasons[0].text):
        assert secret.encode("utf-8") not in data, secret
        assert secret.lower().encode("utf-8") not in data.lower(), secret


def test_record_outcome_opens_an_item_only_when_one_is_due(tmp_path):
    with AuditLog.open(tmp_path / "audit.sqlite3") as audit, ReviewStore.open(tmp_path / "review.sqlite3") as review:
        held, _ = held_note(tmp_path)
        first = record_outcome(held, audit, review)
        second = record_outcome(allowed_leaflet(tmp_path), audit, review)
        assert first.item is not None and first.item.decision_seq == first.entry.seq == 1
        assert second.item is None and second.entry.seq == 2 and second.entry.body["review_item"] is False
        assert [i.id for i in review.list()] == ["R-0001"]
