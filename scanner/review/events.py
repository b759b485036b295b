"""What the audit trail says about a review decision and a release: as for automatic decisions
(`scanner/audit/events.py`), hashes, types, ids and rule numbers, never the document's text,
names or path. The reviewer's written reason is kept: it is the "why" of a human decision
(reviewers are asked to write it without naming people)."""
from __future__ import annotations

import getpass
from typing import Any

from scanner.audit.events import document_part
from scanner.review.act import Move
from scanner.review.model import ReviewItem
from scanner.review.roles import APPROVE, REJECT, VERDICTS
from scanner.types import PERSONAL_DATA, SPECIAL_CATEGORY


def review_body(item: ReviewItem, verdict: str, reason: str, role: str, via: str) -> dict[str, Any]:
    shared = verdict != REJECT
    subjects = [_subject(s.id, s.role, s.basis, s.outcome, verdict, role) for s in item.subjects]
    basis = {s["id"]: s["basis"] for s in subjects if s["outcome"] == "share"}
    with_consent = bool(basis) and all(b and b.startswith("consent") for b in basis.values())
    return {
        "item": item.id,
        "decision_seq": item.decision_seq,
        "document": document_part(item.sha256, item.format, item.size),
        "recipient": item.recipient,
        "purpose": item.purpose,
        "automatic_action": item.action,
        "verdict": verdict,
        "status": VERDICTS[verdict],
        "shared": shared,
        "data": _data(item, verdict),
        "rules": list(item.rules),
        "policy": sorted({r.policy for r in item.reasons}),
        "subjects": subjects,
        "basis": basis,
        "with_consent": with_consent,
        "consent_not_sought": item.consent_not_sought if shared and not with_consent else None,
        "reviewer": item.reviewer,
        "role": role,
        "reason": reason,
        "via": via,
        "os_account": _os_account(),
    }


def release_body(item: ReviewItem, move: Move) -> dict[str, Any]:
    return {
        "item": item.id,
        "copy": move.what,
        "document": {"sha256": move.sha256, "format": item.format},
        "original_sha256": item.sha256,
        "recipient": item.recipient,
        "purpose": item.purpose,
        "to": "released",
        "again": move.done,  # found already released by an earlier attempt
    }


def _subject(sid: str, role: str, basis: str | None, outcome: str, verdict: str, decider: str) -> dict[str, Any]:
    if outcome == "not a subject":
        return {"id": sid, "role": role, "basis": basis, "outcome": outcome}
    if verdict == REJECT:
        return {"id": sid, "role": role, "basis": basis, "outcome": "withhold"}
    if verdict == APPROVE:
        basis = basis or f"decision of the {decider} (see reason)"
        return {"id": sid, "role": role, "basis": basis, "outcome": "share"}
    return {"id": sid, "role": role, "basis": basis, "outcome": "share" if outcome == "share" else "redact"}


def _data(item: ReviewItem, verdict: str) -> list[str]:
    """The kinds of personal data that go: all of them on approval; on release-redacted, those of
    the people whose data was not withheld (the redacted copy removed the rest)."""
    if verdict == REJECT:
        return []
    kept = {s.id for s in item.subjects if verdict == APPROVE or s.outcome == "share"}
    return sorted({f.type for f in item.findings if f.kind in (PERSONAL_DATA, SPECIAL_CATEGORY)
                   and (verdict == APPROVE or f.subject in kept)})


def _os_account() -> str | None:
    """The operating-system account the decision ran under, beside the name the person gave."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None
