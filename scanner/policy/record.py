"""The record of sharing that every decision produces, shared or not (UK guidance: record what
was shared, with whom, why, on which basis, and whether with consent). The audit trail keeps it."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from scanner.policy.rules import Facts
from scanner.types import CONSENT_NOT_SOUGHT, Action, Decision

AUTOMATIC = "ShareGuard (automatic)"


def record_of_sharing(facts: Facts, decision: Decision, now: datetime | None = None) -> dict[str, Any]:
    shared = decision.action in (Action.ALLOW, Action.REDACT)
    gone = set(decision.redact_subjects)
    data = sorted({f.type for f in facts.findings if f.subject not in gone and f.type not in decision.redact_types}) if shared else []
    bases = {o.id: o.basis for o in decision.subjects if o.outcome == "share"}
    with_consent = bool(bases) and all(b and b.startswith("consent") for b in bases.values())
    why_not = CONSENT_NOT_SOUGHT.get(facts.request.consent_not_sought or "") if shared and not with_consent else None
    req = facts.request
    return {
        "at": (now or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
        "document": facts.document.path,
        "sha256": facts.document.sha256,
        "recipient": req.recipient,
        "recipient_name": facts.recipient.name if facts.recipient else None,
        "purpose": req.purpose,
        "sender": req.sender,
        "channel": req.channel,
        "action": decision.action.label,
        "shared": shared,
        "data": data,
        "basis": bases,
        "with_consent": with_consent,
        "consent_not_sought": why_not,
        "rules": sorted({r.rule for r in decision.reasons}),
        "decided_by": AUTOMATIC,
    }
