"""The facts a decision looks at, and one function per SPEC decision rule.

Each rule function reads `Facts` and returns a `Verdict` (action, reason, reviewer) when it
applies, else None; `decide.py` puts them in order. Reasons cite the policy section they come
from (`sections.py`), and their text says what to do next.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from scanner.config_sharing import ALL, Purpose, Recipient, RecipientType
from scanner.policy.sections import cite
from scanner.register.model import RegisterView
from scanner.types import (
    AFFIRMED, CONSENT_NOT_SOUGHT, PERSONAL_DATA, PRACTICE, SAFEGUARDING, SPECIAL_CATEGORY, Action, Document, Finding,
    Reason, ShareRequest, Subject,
)

DSL = "DSL"
IG_LEAD = "IG lead"
NAMES = frozenset({"PERSON"})


@dataclass(frozen=True)
class Facts:
    """What the rules look at, gathered once."""

    document: Document
    findings: tuple[Finding, ...]
    request: ShareRequest
    quasi_identifiers: frozenset[str]
    subjects: tuple[Subject, ...] = ()
    recipient: Recipient | None = None  # the request's recipient, when the config knows it
    recipient_type: RecipientType | None = None
    purpose: Purpose | None = None
    register: RegisterView = field(default_factory=RegisterView)
    today: date = field(default_factory=date.today)

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

    @property
    def decision_subjects(self) -> tuple[Subject, ...]:
        """The people whose data the decision is about: not professionals in their working role."""
        return tuple(s for s in self.subjects if not s.professional)

    @property
    def main_subject(self) -> Subject | None:
        return next((s for s in self.subjects if s.main), None)

    @property
    def to_family(self) -> bool:
        return self.recipient_type is not None and self.recipient_type.family

    def beyond_need(self) -> tuple[str, ...]:
        """Identifier types present that this kind of recipient does not need (minimum necessary)."""
        if self.recipient_type is None or ALL in self.recipient_type.identifiers:
            return ()
        allowed = set(self.recipient_type.identifiers) | NAMES
        return tuple(sorted({f.type for f in self.identifying if f.type not in allowed}))


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
    """Rule 1: nothing that identifies a living person → allow (with a recipient the config knows,
    or none named: an unknown recipient is reviewed whatever the document holds)."""
    if facts.identifying or (facts.request.recipient and facts.recipient is None):
        return None
    text = "No information that identifies a living person was found."
    return Action.ALLOW, Reason("R1", cite("introduction"), text), None


def unknown_destination(facts: Facts) -> Verdict | None:
    """Rule 6: an unknown (or missing) recipient or purpose → review by the IG lead, never allow."""
    req = facts.request
    missing = []
    if facts.recipient is None:
        missing.append(f"the recipient {req.recipient!r} is not in config/recipients.yaml" if req.recipient
                       else "no recipient was given (--to)")
    if facts.purpose is None:
        missing.append(f"the purpose {req.purpose!r} is not in config/purposes.yaml" if req.purpose
                       else "no purpose was given (--purpose)")
    if not missing:
        return None
    types = sorted({f.type for f in facts.identifying})
    found = f"Personal data found ({', '.join(types)}), but " if types else ""
    text = (f"{found}{' and '.join(missing)}, so no consent or legal basis can be checked; the information-governance "
            "lead must review the sharing.")
    return Action.REVIEW, Reason("R6", cite("good-practice"), text), IG_LEAD


def safeguarding_partner(facts: Facts) -> Verdict | None:
    """Rule 2: an affirmed concern about an identifiable child goes only to a safeguarding partner
    for a safeguarding purpose (then without consent, and the DSL is told); otherwise it is blocked."""
    concerns = facts.concerns
    if not concerns or not facts.identifying:
        return None
    categories = ", ".join(sorted({f.type for f in concerns}))
    first = concerns[0]
    about = f"Affirmed safeguarding concern ({categories}), e.g. \"{_short(first.excerpt or first.text)}\"."
    recipient, purpose = facts.recipient, facts.purpose
    if recipient is not None and purpose is not None and recipient.safeguarding_partner and purpose.safeguarding:
        why = CONSENT_NOT_SOUGHT.get(facts.request.consent_not_sought or "")
        consent = (f"Consent was not sought because {why}." if why else
                   "Why consent was not sought is not recorded: the DSL must record it (--no-consent-reason).")
        text = (f"{about} {recipient.name} is a safeguarding partner and {purpose.name} is a safeguarding purpose: the "
                "child's safety is paramount, so it may be shared without consent (DPA 2018 Sch. 1 para 18). "
                f"{consent} The DSL is notified.")
        return Action.ALLOW, Reason("R2", cite("rationale"), text), DSL
    where = (f"{recipient.name if recipient else facts.request.recipient or 'an unnamed recipient'} "
             f"for {purpose.name if purpose else facts.request.purpose or 'an unstated purpose'}")
    text = (f"{about} Only a safeguarding partner may receive it, for a safeguarding purpose; sharing it with {where} is "
            "blocked. The DSL reviews it.")
    return Action.BLOCK, Reason("R2", cite("rationale"), text), DSL


def practice_concern(facts: Facts) -> Reason | None:
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
    return Reason("R7", cite(section), text)


def minimum_necessary(facts: Facts) -> Reason | None:
    """Identifiers this kind of recipient does not need are removed, even when the sharing is justified."""
    extra = facts.beyond_need()
    if not extra:
        return None
    label = facts.recipient_type.label if facts.recipient_type else "this recipient"
    text = (f"Minimum necessary: {label} does not need {', '.join(extra)}; "
            f"{'they are' if len(extra) > 1 else 'it is'} redacted before the document goes.")
    return Reason("R4", cite("disclosures"), text)


def referrer_protected(facts: Facts) -> tuple[Reason, tuple[str, ...]] | None:
    """A referrer's or other third party's identity is protected when the document goes to the family."""
    if not facts.to_family:
        return None
    referrers = tuple(s.id for s in facts.subjects if s.referrer)
    if not referrers:
        return None
    names = ", ".join(s.name for s in facts.subjects if s.referrer)
    text = f"The referrer's identity ({names}) is protected from the family: redacted."
    return Reason("R4", cite("definition"), text), referrers


def _short(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
