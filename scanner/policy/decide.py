"""Run the rules in order; the first that applies decides."""
from __future__ import annotations

from scanner.policy.rules import Facts, no_recorded_basis, nothing_personal, unreadable
from scanner.types import Decision

RULES = (unreadable, nothing_personal)


def decide(facts: Facts) -> Decision:
    for rule in RULES:
        verdict = rule(facts)
        if verdict is not None:
            break
    else:
        verdict = no_recorded_basis(facts)
    action, reason, reviewer = verdict
    return Decision(action=action, reasons=(reason,), reviewer=reviewer)
