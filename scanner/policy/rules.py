"""One function per SPEC decision rule: each returns (Action, Reason) when it applies, else None.

Until the consent register exists (issue 4), the rules that need it are represented by
`no_recorded_basis`, which holds every document with personal data for review.
"""
from __future__ import annotations

from dataclasses import dataclass

from scanner.policy.sections import cite
from scanner.types import (
    AFFIRMED, PERSONAL_DATA, PRACTICE, SAFEGUARDING, SPECIAL_CATEGORY, Action, Document, Finding, Reason, ShareRequest,
)

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


    @property
    def concerns(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == SAFEGUARDING and f.polarity == AFFIRMED)

    @property
    def practice(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == PRACTICE)

    @property
    def special(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == SPECIAL_CATEGORY)


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


def safeguarding_concern(facts: Facts) -> Verdict | None:
    """Rule 2, until the recipient register exists (issue 4): an affirmed concern changes who may
    receive the document, so the DSL decides."""
    concerns = facts.concerns
    if not concerns:
        return None
    categories = ", ".join(sorted({f.type for f in concerns}))
    first = concerns[0]
    text = (
        f"Affirmed safeguarding concern ({categories}), e.g. \"{_short(first.excerpt or first.text)}\". "
        "Only a safeguarding partner may receive it, for a safeguarding purpose; the DSL must review the sharing."
    )
    return Action.REVIEW, Reason("R2", cite("rationale"), text), DSL


def practice_concern(facts: Facts) -> Verdict | None:
    """Rule 7: promises of confidentiality and leading questions never block, but the DSL sees them."""
    practice = facts.practice
    if not practice:
        return None
    kinds = sorted({f.type for f in practice})
    section = "disclosures" if "confidentiality_promise" in kinds else "disclosure-procedure"
    what = {"confidentiality_promise": "a promise of confidentiality", "leading_question": "a leading question"}
    text = (
        f"Practice to review: {' and '.join(what[k] for k in kinds)} recorded, e.g. \"{_short(practice[0].text)}\". "
        "This does not stop the sharing on its own; the DSL is asked to follow it up."
    )
    return Action.REVIEW, Reason("R7", cite(section), text), DSL


def _short(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


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
    special = sorted({f.type for f in facts.special})
    if special:
        text += f" It includes special-category data ({', '.join(special)}), which needs explicit consent or a recorded condition."
    return Action.REVIEW, Reason("R6", cite("keeping-confidence"), text), IG_LEAD
