"""Who a dropped file is for, and why: from its folder (`outbox/<recipient>/<purpose>/FILE`),
from a `FILE.share.yaml` sidecar, and for an e-mail from its To/Cc/Bcc addresses, resolved
through the recipients' e-mail domains (`config/recipients.yaml`).

Each recipient becomes one ShareRequest: with several, each must be justified (the library
decides each; the most restrictive outcome wins). A sidecar that cannot be used, or an e-mail
whose recipients cannot be read, is a Problem: the file is held, never guessed about.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from email.policy import default as email_policy
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from scanner.config_sharing import RecipientsConfig
from scanner.types import Problem, ShareRequest
from scanner.watch.layout import RECIPIENT_ID, SIDECAR_SUFFIX

CHANNEL = "watch"
MAX_SIDECAR_BYTES = 64 * 1024
MAX_HEADER_BYTES = 1 << 20
DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")
EMAIL_FORMATS = (".eml",)


class Sidecar(BaseModel):
    """`FILE.share.yaml`: who the file is for and why. Every key is optional; unknown keys are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    recipient: str | None = None
    purpose: str | None = None
    sender: str | None = None
    consent_not_sought: Literal["cannot-give", "not-reasonable", "prejudice"] | None = None

    @field_validator("recipient", "purpose")
    @classmethod
    def _an_id(cls, value: str | None) -> str | None:
        if value is not None and not RECIPIENT_ID.fullmatch(value):
            raise ValueError("an id is lower-case letters, digits and hyphens (e.g. kent-front-door), never a path")
        return value

    @field_validator("sender")
    @classmethod
    def _short(cls, value: str | None) -> str | None:
        if value is not None and (len(value) > 200 or any(ord(c) < 32 for c in value)):
            raise ValueError("a sender is a short name or id on one line")
        return value


@dataclass(frozen=True)
class Resolved:
    """The requests for one file: one per recipient (at least one), or the problem that holds it."""

    requests: tuple[ShareRequest, ...]
    problem: Problem | None = None

    @property
    def recipients(self) -> tuple[str, ...]:
        return tuple(r.recipient for r in self.requests if r.recipient)

    @property
    def primary(self) -> str | None:
        """Whose released/ folder an allowed file goes to (an e-mail is released once)."""
        return self.requests[0].recipient if self.requests else None


def from_path(relative: Path) -> tuple[str | None, str | None]:
    """(recipient, purpose) from `<recipient>/<purpose>/…/FILE` below the outbox; a folder name
    that is not an id (spaces, capitals, a child's name) counts as none given."""
    folders = relative.parts[:-1]
    recipient = folders[0] if folders and RECIPIENT_ID.fullmatch(folders[0]) else None
    purpose = folders[1] if len(folders) > 1 and RECIPIENT_ID.fullmatch(folders[1]) else None
    return recipient, purpose


def read_sidecar(path: Path) -> Sidecar:
    """Parse and validate a sidecar; ValueError with a sentence naming the key that is wrong."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as stream:
            raw = stream.read(MAX_SIDECAR_BYTES + 1)
    except OSError as exc:
        raise ValueError(f"it cannot be read ({exc.strerror or type(exc).__name__})") from None
    if len(raw) > MAX_SIDECAR_BYTES:
        raise ValueError(f"it is larger than {MAX_SIDECAR_BYTES // 1024} KB")
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValueError(f"it is not valid YAML ({type(exc).__name__})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ValueError("expected keys such as recipient: and purpose:")
    try:
        return Sidecar.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        raise ValueError(f"{key}: {err['msg']}") from None


def email_recipients(path: Path, recipients: RecipientsConfig) -> list[str]:
    """The recipient ids an e-mail is addressed to (To, Cc, Bcc), in order, each once. An address
    whose domain no recipient holds stands for itself by its domain (an unknown recipient)."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as stream:
        head = stream.read(MAX_HEADER_BYTES)
    headers = BytesHeaderParser(policy=email_policy).parsebytes(head)
    found: list[str] = []
    for field in ("to", "cc", "bcc"):
        for value in headers.get_all(field) or ():
            for address in getattr(value, "addresses", ()):
                domain = (address.domain or "").lower().strip(".")
                known = recipients.by_domain(domain)
                found.append(known.id if known else domain if DOMAIN.fullmatch(domain) else "unknown-domain")
    return list(dict.fromkeys(found))


def resolve(relative: Path, checked: Path, sidecar: Path | None, recipients: RecipientsConfig) -> Resolved:
    """The requests for the file dropped at `relative` (below the outbox), read from its claimed
    copy `checked` and its claimed sidecar (None when it had none)."""
    recipient, purpose = from_path(relative)
    sender = consent_not_sought = None
    if sidecar is not None:
        try:
            given = read_sidecar(sidecar)
        except ValueError as exc:
            return _held(f"Its sidecar ({relative.name}{SIDECAR_SUFFIX}) could not be used: {exc}. "
                         "The file was not checked; correct the sidecar and drop both again.")
        recipient = given.recipient or recipient
        purpose = given.purpose or purpose
        sender, consent_not_sought = given.sender, given.consent_not_sought
    addressed = [recipient] if recipient else []
    if relative.suffix.lower() in EMAIL_FORMATS:
        try:
            addressed += email_recipients(checked, recipients)
        except Exception as exc:  # noqa: BLE001 - a header the parser chokes on holds the file
            return _held(f"The e-mail's recipients (To, Cc) could not be read ({type(exc).__name__}).")
    ids = list(dict.fromkeys(addressed)) or [None]
    return Resolved(tuple(ShareRequest(recipient=r, purpose=purpose, sender=sender, channel=CHANNEL,
                                       consent_not_sought=consent_not_sought) for r in ids))


def _held(message: str) -> Resolved:
    return Resolved((ShareRequest(channel=CHANNEL),), Problem("unreadable", message))
