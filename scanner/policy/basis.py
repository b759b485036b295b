"""Does this person's data have a lawful basis to go to this recipient, for this purpose?

SPEC rule 3: consent on record that covers the recipient, the purpose and the kinds of data,
in force at the moment of the check, given by someone able to give it; or a legal basis the
recipient holds for this purpose (an information-sharing agreement such as KMISA, a statutory
duty). Special-category data needs explicit consent or a recorded condition covering it.

Who can consent: an adult for themself; a child recorded as competent (Gillick) for
themself; for a child who is not, a person recorded as holding parental responsibility.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scanner.config_sharing import Purpose, Recipient
from scanner.register.model import CHILD_ROLES, PERSONAL, Consent, RegisterView
from scanner.types import SPECIAL_CATEGORY_TYPES, Subject


@dataclass(frozen=True)
class Basis:
    """The basis found for one person's data, or why there is none."""

    label: str | None  # "consent C-0003", "agreement A-0001 (isa KMISA-2024)", or None
    explanation: str

    @property
    def found(self) -> bool:
        return self.label is not None


def categories(subject: Subject) -> tuple[str, ...]:
    """The kinds of data of this person in the document: ordinary personal data, and each
    special category (HEALTH, RELIGION…) linked to them."""
    return (PERSONAL, *sorted(t for t in subject.types if t in SPECIAL_CATEGORY_TYPES))


def can_give(consent: Consent, subject: Subject, view: RegisterView) -> bool:
    """Whether the person who gave this consent could give it for this subject."""
    person = view.person(subject.id)
    if person is None:
        return False
    if person.role not in CHILD_ROLES or person.competent:
        return consent.given_by == subject.id
    return view.holds_parental_responsibility(consent.given_by, subject.id)


def find_basis(subject: Subject, recipient: Recipient, purpose: Purpose, view: RegisterView, today: date) -> Basis:
    """A consent or agreement covering every kind of this person's data, or why there is none."""
    if not subject.known:
        return Basis(None, f"{subject.name} is not in the register, so no consent or basis is recorded for them")
    used: list[str] = []
    for category in categories(subject):
        label = _agreement(recipient, purpose, category, view, today) or _consent(
            subject, recipient, purpose, category, view, today)
        if label is None:
            return Basis(None, _why_not(subject, recipient, purpose, category, view, today))
        if label not in used:
            used.append(label)
    return Basis(", ".join(used), f"{subject.name}: {', '.join(used)}")


def _agreement(recipient: Recipient, purpose: Purpose, category: str, view: RegisterView, today: date) -> str | None:
    for a in view.agreements:
        if a.in_force(today) and a.covers(recipient.id, recipient.type, purpose.id, category):
            return f"agreement {a.id} ({a.kind}{' ' + a.reference if a.reference else ''})"
    return None


def _consent(subject: Subject, recipient: Recipient, purpose: Purpose, category: str, view: RegisterView,
             today: date) -> str | None:
    for c in view.consents_for(subject.id):
        if c.in_force(today) and can_give(c, subject, view) and c.covers(recipient.id, recipient.type, purpose.id, category):
            return f"consent {c.id}"
    return None


def _why_not(subject: Subject, recipient: Recipient, purpose: Purpose, category: str, view: RegisterView,
             today: date) -> str:
    """The nearest miss, in words a practitioner can act on."""
    what = "their data" if category == PERSONAL else f"their {category.lower().replace('_', ' ')} data"
    consents = view.consents_for(subject.id)
    if not consents:
        return f"no consent is recorded for {subject.name} and {recipient.name} holds no agreement covering {what} for this purpose"
    notes = []
    for c in consents:
        if c.withdrawn is not None and c.withdrawn <= today:
            notes.append(f"{c.id} was withdrawn on {c.withdrawn.isoformat()}")
        elif c.expires is not None and c.expires < today:
            notes.append(f"{c.id} expired on {c.expires.isoformat()}")
        elif c.given > today:
            notes.append(f"{c.id} starts on {c.given.isoformat()}")
        elif not can_give(c, subject, view):
            notes.append(f"{c.id} was given by {c.given_by}, who cannot consent for {subject.name}")
        elif category != PERSONAL and not c.explicit:
            notes.append(f"{c.id} is not explicit consent, which {what} needs")
        elif not c.covers(recipient.id, recipient.type, purpose.id, PERSONAL):
            notes.append(f"{c.id} does not cover {recipient.name} for {purpose.name}")
        else:
            notes.append(f"{c.id} does not cover {what}")
    return f"no consent in force covers sharing {what} of {subject.name} ({'; '.join(notes)})"
