"""The consent and legal-basis register as records: people, consents, agreements.

Pure data and the questions the decision asks of it ("is this consent in force today, and does
it cover this recipient, purpose and kind of data?"). No I/O: `scanner.register.store` keeps
these in SQLite, the decision reads a `RegisterView` snapshot of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Who a person is in the case. Professionals named in their working role are not subjects of
# the decision (SPEC rule 4); a referrer's identity is protected from the family.
ROLES = ("child", "parent", "carer", "relative", "young_person", "adult", "referrer", "professional", "other")
CHILD_ROLES = ("child", "young_person")
# What a consent or agreement covers: ordinary personal data, or one Article 9 group by name
# (canonical special-category types, see scanner.types.SPECIAL_CATEGORY_TYPES).
PERSONAL = "personal_data"
ANY = "*"
TYPE_PREFIX = "type:"  # "type:school" stands for every recipient of that type
AGREEMENT_KINDS = ("isa", "statutory", "court_order", "contract", "other")


def _covers(values: tuple[str, ...], wanted: str) -> bool:
    return ANY in values or wanted in values


@dataclass(frozen=True)
class Person:
    id: str  # "P-0001"
    name: str  # the full name as usually written
    role: str = "child"
    aliases: tuple[str, ...] = ()  # other names: known-as, previous surname, nickname
    dob: date | None = None
    nhs: str | None = None  # 10 digits, no spaces
    upn: str | None = None  # 13 characters, upper case
    case_refs: tuple[str, ...] = ()
    competent: bool = False  # a child recorded as competent to consent for themself (Gillick)
    responsible_for: tuple[str, ...] = ()  # ids of the children this person holds parental responsibility for

    @property
    def is_child(self) -> bool:
        return self.role in CHILD_ROLES

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Consent:
    id: str  # "C-0001"
    subject: str  # whose data (person id)
    given_by: str  # the subject, or a person with parental responsibility for them
    recipients: tuple[str, ...]  # recipient ids, "type:<recipient type>", or "*"
    purposes: tuple[str, ...]  # purpose ids or "*"
    categories: tuple[str, ...] = (PERSONAL,)  # "personal_data", special-category types, or "*"
    explicit: bool = False  # explicit consent: needed for special-category data
    given: date = date.min
    expires: date | None = None
    withdrawn: date | None = None
    evidence: str = ""  # where the signed form or recorded conversation is

    def in_force(self, on: date) -> bool:
        return self.given <= on and (self.expires is None or on <= self.expires) and (
            self.withdrawn is None or on < self.withdrawn)

    def covers(self, recipient: str, recipient_type: str, purpose: str, category: str) -> bool:
        """Whether the scope reaches this recipient, purpose and data category (not whether it
        is in force, nor whether the giver could give it)."""
        to_recipient = _covers(self.recipients, recipient) or TYPE_PREFIX + recipient_type in self.recipients
        if category != PERSONAL and not self.explicit:
            return False
        return to_recipient and _covers(self.purposes, purpose) and _covers(self.categories, category)


@dataclass(frozen=True)
class Agreement:
    """A legal basis the recipient holds: an information-sharing agreement (e.g. KMISA), a
    statutory duty, a court order."""

    id: str  # "A-0001"
    recipient: str  # recipient id, "type:<recipient type>", or "*"
    purposes: tuple[str, ...]
    categories: tuple[str, ...] = (PERSONAL,)
    kind: str = "isa"
    reference: str = ""
    valid_from: date = date.min
    valid_to: date | None = None

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def covers(self, recipient: str, recipient_type: str, purpose: str, category: str) -> bool:
        to_recipient = self.recipient in (ANY, recipient, TYPE_PREFIX + recipient_type)
        return to_recipient and _covers(self.purposes, purpose) and _covers(self.categories, category)


@dataclass(frozen=True)
class RegisterView:
    """A snapshot of the register, as the decision sees it."""

    people: tuple[Person, ...] = ()
    consents: tuple[Consent, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    _by_id: dict[str, Person] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update((p.id, p) for p in self.people)

    def person(self, person_id: str) -> Person | None:
        return self._by_id.get(person_id)

    def consents_for(self, subject: str) -> tuple[Consent, ...]:
        return tuple(c for c in self.consents if c.subject == subject)

    def holds_parental_responsibility(self, giver: str, child: str) -> bool:
        person = self.person(giver)
        return person is not None and child in person.responsible_for
