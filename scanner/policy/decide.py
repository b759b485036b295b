"""The sharing decision: SPEC's rules in order, per subject, with every reason that applies.

1. A document that cannot be read completely is blocked (R5).
2. Nothing identifying → allow (R1).
3. An affirmed concern about an identifiable child: a safeguarding partner, for a safeguarding
   purpose, receives it without consent and the DSL is notified; anyone else → block (R2).
4. An unknown or missing recipient or purpose → review by the IG lead (R6).
5. Otherwise each person's data needs consent or a basis (R3): the main subject without one
   blocks the document, a third party without one is redacted (R4), a referrer is redacted
   when the document goes to the family, and identifiers the recipient does not need are
   redacted (minimum necessary).
Practice findings (R7) never change the action; they add a DSL review item.
"""
from __future__ import annotations

from scanner.policy.basis import find_basis
from scanner.policy.rules import (
    DSL, IG_LEAD, Facts, minimum_necessary, nothing_personal, practice_concern, referrer_protected,
    safeguarding_partner, unknown_destination, unreadable,
)
from scanner.policy.sections import cite
from scanner.types import Action, Decision, Reason, SubjectOutcome

SAFEGUARDING_BASIS = "safeguarding (DPA 2018 Sch. 1 para 18)"


def decide(facts: Facts) -> Decision:
    blocked = unreadable(facts)
    if blocked is not None:
        action, reason, reviewer = blocked
        return Decision(action=action, reasons=(reason,), reviewer=reviewer, review_item=True)
    decision = _decide(facts)
    practice = practice_concern(facts)
    if practice is None:
        return decision
    # Rule 7: the action stands; the DSL gets a review item (and is the reviewer unless the IG lead already is)
    reviewer = decision.reviewer if decision.reviewer and decision.action >= Action.REVIEW else DSL
    return Decision(decision.action, decision.reasons + (practice,), reviewer, decision.subjects,
                    decision.redact_subjects, decision.redact_types, review_item=True)


def _decide(facts: Facts) -> Decision:
    allowed = nothing_personal(facts)
    if allowed is not None:
        action, reason, reviewer = allowed
        return Decision(action, (reason,), reviewer, _outcomes(facts, "share"))
    concern = safeguarding_partner(facts)
    unknown = unknown_destination(facts)
    if concern is not None:
        return _safeguarding(facts, concern, unknown)
    if unknown is not None:
        action, reason, reviewer = unknown
        return Decision(action, (reason,), reviewer, _outcomes(facts, "review"), review_item=True)
    return _per_subject(facts)


def _safeguarding(facts: Facts, concern, unknown) -> Decision:  # noqa: ANN001
    action, reason, reviewer = concern
    if action == Action.BLOCK:
        reasons = (reason,) + ((unknown[1],) if unknown else ())
        return Decision(action, reasons, reviewer, _outcomes(facts, "withhold"), review_item=True)
    subjects = []
    for s in facts.decision_subjects:
        basis = find_basis(s, facts.recipient, facts.purpose, facts.register, facts.today)
        subjects.append(SubjectOutcome(s.id, s.role, basis.label or SAFEGUARDING_BASIS, "share"))
    subjects.extend(_professionals(facts))
    reasons = [reason]
    extra = minimum_necessary(facts)
    if extra is not None:
        reasons.append(extra)
    types = facts.beyond_need()
    return Decision(Action.REDACT if types else Action.ALLOW, tuple(reasons), reviewer, tuple(subjects),
                    redact_types=types, review_item=True)


def _per_subject(facts: Facts) -> Decision:
    recipient, purpose = facts.recipient, facts.purpose
    subjects: list[SubjectOutcome] = []
    shared, redacted, missing = [], [], []
    main = facts.main_subject
    for s in facts.decision_subjects:
        basis = find_basis(s, recipient, purpose, facts.register, facts.today)
        if basis.found:
            shared.append(f"{s.name} ({s.role}): {basis.label}")
            subjects.append(SubjectOutcome(s.id, s.role, basis.label, "share"))
        elif s is main:
            missing.append(basis.explanation)
            subjects.append(SubjectOutcome(s.id, s.role, None, "withhold"))
        else:
            redacted.append(basis.explanation)
            subjects.append(SubjectOutcome(s.id, s.role, None, "redact"))
    subjects.extend(_professionals(facts))
    reasons: list[Reason] = []
    if shared:
        reasons.append(Reason("R3", cite("keeping-confidence"),
                              f"Lawful basis to share with {recipient.name} for {purpose.name}: {'; '.join(shared)}."))
    if not facts.decision_subjects and _only_professionals(facts):
        reasons.append(Reason("R4", cite("disclosures"), "The only people named are professionals in their working "
                                                           "role, who are not subjects of the decision."))
    elif not facts.decision_subjects:
        missing.append("personal data was found that belongs to no one the document names, so no basis can be checked")
    if missing:
        text = (f"Confidentiality must be maintained: {'; '.join(missing)}. The document is about them, so it is "
                "blocked; record consent or an agreement (shareguard register) or ask the IG lead to review.")
        return Decision(Action.BLOCK, tuple(reasons) + (Reason("R4", cite("keeping-confidence"), text),), IG_LEAD,
                        tuple(subjects), review_item=True)
    redact_ids = [o.id for o in subjects if o.outcome == "redact"]
    if redacted:
        reasons.append(Reason("R4", cite("keeping-confidence"),
                              f"Third parties' data is redacted: {'; '.join(redacted)}."))
    protected = referrer_protected(facts)
    if protected is not None:
        reason, ids = protected
        reasons.append(reason)
        redact_ids.extend(i for i in ids if i not in redact_ids)
        subjects = [SubjectOutcome(o.id, o.role, o.basis, "redact") if o.id in ids else o for o in subjects]
    extra = minimum_necessary(facts)
    if extra is not None:
        reasons.append(extra)
    types = facts.beyond_need()
    action = Action.REDACT if redact_ids or types else Action.ALLOW
    return Decision(action, tuple(reasons), None, tuple(subjects), tuple(redact_ids), types)


def _outcomes(facts: Facts, outcome: str) -> tuple[SubjectOutcome, ...]:
    return tuple(SubjectOutcome(s.id, s.role, None, outcome) for s in facts.decision_subjects) + _professionals(facts)


def _professionals(facts: Facts) -> tuple[SubjectOutcome, ...]:
    return tuple(SubjectOutcome(s.id, "professional", None, "not a subject") for s in facts.subjects if s.professional)


def _only_professionals(facts: Facts) -> bool:
    pro = {s.id for s in facts.subjects if s.professional}
    return all(f.subject in pro for f in facts.identifying)
