"""Who documents may go to, and why: `config/recipients.yaml` and `config/purposes.yaml`.

Recipients have a type; each type has a minimum-necessary profile, the identifier types that
kind of recipient needs (a school needs the UPN, not the NHS number; a GP the reverse). Other
identifiers are redacted even when the sharing itself is justified.
"""
from __future__ import annotations

import re

from pydantic import Field, ValidationInfo, field_validator

from scanner.config_base import Strict

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ALL = "*"


def _check_id(value: str) -> str:
    if not ID.match(value):
        raise ValueError("an id is lower-case letters, digits and hyphens, e.g. kent-front-door")
    return value


class RecipientType(Strict):
    label: str
    # identifier types this kind of recipient may receive ("*" = all); names (PERSON) always may
    identifiers: tuple[str, ...] = (ALL,)
    # the family, or the person a concern is about: a referrer's identity is protected from them
    family: bool = False


class Recipient(Strict):
    id: str
    name: str
    type: str
    domains: tuple[str, ...] = ()  # e-mail domains that resolve to this recipient
    safeguarding_partner: bool = False
    kmisa: bool = False  # a signatory of the Kent & Medway Information Sharing Agreement

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        return _check_id(value)

    @field_validator("domains")
    @classmethod
    def _lower(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(v.lower().lstrip("@") for v in values)


class RecipientsConfig(Strict):
    types: dict[str, RecipientType] = {}
    recipients: tuple[Recipient, ...] = ()

    @field_validator("recipients")
    @classmethod
    def _consistent(cls, recipients: tuple[Recipient, ...], info: ValidationInfo) -> tuple[Recipient, ...]:
        types = info.data.get("types", {})
        seen: set[str] = set()
        for i, r in enumerate(recipients):
            if r.type not in types:
                raise ValueError(f"recipients[{i}] ({r.id}): unknown type {r.type!r} (known: {', '.join(sorted(types))})")
            if r.id in seen:
                raise ValueError(f"recipients[{i}]: id {r.id!r} is used twice")
            seen.add(r.id)
        return recipients

    def get(self, recipient_id: str | None) -> Recipient | None:
        return next((r for r in self.recipients if r.id == recipient_id), None)

    def by_domain(self, domain: str) -> Recipient | None:
        domain = domain.lower()
        return next((r for r in self.recipients if domain in r.domains), None)


class Purpose(Strict):
    id: str
    name: str
    safeguarding: bool = False  # sharing to protect a child (the safeguarding basis may apply)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        return _check_id(value)


class PurposesConfig(Strict):
    purposes: tuple[Purpose, ...] = Field(default=())

    @field_validator("purposes")
    @classmethod
    def _unique(cls, purposes: tuple[Purpose, ...]) -> tuple[Purpose, ...]:
        ids = [p.id for p in purposes]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"purpose id {twice[0]!r} is used twice")
        return purposes

    def get(self, purpose_id: str | None) -> Purpose | None:
        return next((p for p in self.purposes if p.id == purpose_id), None)


class LinkingConfig(Strict):
    """Words that tell how a named person appears in a document (`config/linking.yaml`)."""

    # Job titles and roles written next to a name: that person is named in their working role.
    professional: tuple[str, ...] = ()
    # Words that mark who made a referral or raised the concern.
    referrer: tuple[str, ...] = ()
    # Titles dropped before a name is compared with the register.
    titles: tuple[str, ...] = ("mr", "mrs", "ms", "miss", "mx", "dr", "master")
