"""One function per SPEC decision rule: each returns (Action, Reason) when it applies, else None.

Until the consent register exists (issue 4), the rules that need it are represented by
`no_recorded_basis`, which holds every document with personal data for review.
"""
from __future__ import annotations

from dataclasses import dataclass

from scanner.policy.sections import cite
from scanner.types import PERSONAL_DATA, Action, Document, Finding, Reason, ShareRequest

DSL = "DSL"
IG_LEAD = "IG lead"


@dataclass(frozen=True)
class Facts:
    """What the rules look at, gathered once."""

    document: Document
    findings: tuple[Finding, ...]
    request: ShareRequest
    quasi_identifiers: frozenset[str]

    @property
    def identifying(self) -> tuple[Finding, ...]:
        return tuple(
            f for f in self.findings if f.kind == PERSONAL_DATA and f.type not in self.quasi_identifiers
        )


Verdict = tuple[Action, Reason, str | None]


def unreadable(facts: Facts) -> Verdict | None:
    """Rule 5: a document that cannot be read completely is never released unscanned."""
    if facts.document.fully_readable:
        return None
    why = "; ".join(f"{p.message}" + (f" ({p.where})" if p.where else "") for p in facts.document.problems[:3])
    more = len(facts.document.problems) - 3
    if more > 0:
        why += f"; and {more} more problem(s)"
    text = f"The document could not be read completely, so it cannot be released: {why}"
    return Action.BLOCK, Reason("R5", cite("keeping-confidence"), text), IG_LEAD


def nothing_personal(facts: Facts) -> Verdict | None:
    """Rule 1: nothing that identifies a living person → allow."""
    if facts.identifying:
        return None
    text = "No information that identifies a living person was found."
    return Action.ALLOW, Reason("R1", cite("introduction"), text), None


def no_recorded_basis(facts: Facts) -> Verdict:
    """Rules 3–4 and 6 before the register: personal data with no checked basis → review."""
    types = sorted({f.type for f in facts.identifying})
    if facts.request.recipient and facts.request.purpose:
        where = f"to {facts.request.recipient} for {facts.request.purpose}"
    else:
        where = "with no recipient and purpose given"
    text = (
        f"Personal data found ({', '.join(types)}) and no consent or legal basis has been checked for sharing "
        f"{where}; confidentiality must be maintained until a reviewer confirms a lawful reason."
    )
    return Action.REVIEW, Reason("R6", cite("keeping-confidence"), text), IG_LEAD
