"""Run the rules in order: an unreadable document is blocked; a safeguarding or practice
concern goes to the DSL (with every reason that applies); otherwise the first rule that applies
decides."""
from __future__ import annotations

from scanner.policy.rules import (
    DSL, Facts, no_recorded_basis, nothing_personal, practice_concern, safeguarding_concern, unreadable,
)
from scanner.types import Action, Decision


def decide(facts: Facts) -> Decision:
    blocked = unreadable(facts)
    if blocked is not None:
        action, reason, reviewer = blocked
        return Decision(action=action, reasons=(reason,), reviewer=reviewer)
    held = [v for v in (safeguarding_concern(facts), practice_concern(facts)) if v is not None]
    if held:
        reasons = [reason for _, reason, _ in held]
        if facts.identifying:
            reasons.append(no_recorded_basis(facts)[1])
        return Decision(action=Action.REVIEW, reasons=tuple(reasons), reviewer=DSL)
    verdict = nothing_personal(facts) or no_recorded_basis(facts)
    action, reason, reviewer = verdict
    return Decision(action=action, reasons=(reason,), reviewer=reviewer)
