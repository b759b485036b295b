"""What an audit entry says about a decision: hashes, types, counts, ids and rule numbers only.

Built field by field (never by copying the outcome), so nothing new in an Outcome can slip in
unnoticed. Never here: the document's text, the matched values, people's names, identifiers,
the file's name or path (file names often name the child), or the reasons the policy code
writes (they quote the document). The rule ids and the policy sections they cite say why;
the reviewer's own written reason is kept for human decisions.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from scanner.types import Action, Outcome

DECISION = "decision"  # an automatic decision (check, watcher)
REVIEW_DECISION = "review_decision"  # a person's decision on a review item
RELEASE = "release"  # a file moved to released/ after a review decision


def decision_body(outcome: Outcome, review_due: bool) -> dict[str, Any]:
    """The record of sharing for one automatic decision."""
    document, decision, request, record = outcome.document, outcome.decision, outcome.request, outcome.record
    shared = decision.action in (Action.ALLOW, Action.REDACT)
    basis = {o.id: o.basis for o in decision.subjects if o.outcome == "share"}
    with_consent = bool(basis) and all(b and b.startswith("consent") for b in basis.values())
    return {
        "document": document_part(document.sha256, document.format, document.size),
        "readable": document.fully_readable,
        "problems": sorted({p.code for p in document.problems}),
        "findings": finding_counts(outcome),
        "recipient": request.recipient,
        "purpose": request.purpose,
        "channel": request.channel,
        "sender": request.sender,
        "action": decision.action.label,
        "shared": shared,
        "data": sorted(str(t) for t in record.get("data", ())),
        "rules": sorted({r.rule for r in decision.reasons}),
        "policy": sorted({r.policy for r in decision.reasons}),
        "subjects": [{"id": o.id, "role": o.role, "basis": o.basis, "outcome": o.outcome}
                     for o in decision.subjects],
        "basis": basis,
        "with_consent": with_consent,
        "consent_not_sought": request.consent_not_sought if shared and not with_consent else None,
        "redacted": {"subjects": list(decision.redact_subjects), "types": list(decision.redact_types)},
        "reviewer": decision.reviewer,
        "review_item": review_due,
        "decided_at": record.get("at"),
    }


def document_part(sha256: str, format: str, size: int) -> dict[str, Any]:  # noqa: A002
    return {"sha256": sha256, "format": format, "size": size}


def finding_counts(outcome: Outcome) -> list[dict[str, Any]]:
    """How many findings of each kind, type (and polarity), never what they matched."""
    counts = Counter((f.kind, f.type, f.polarity) for f in outcome.findings)
    return [{"kind": kind, "type": type_, **({"polarity": polarity} if polarity else {}), "count": n}
            for (kind, type_, polarity), n in sorted(counts.items(), key=lambda kv: tuple(map(str, kv[0])))]
