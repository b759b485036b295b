"""The review queue's records: an item, the people in it, and its history (frozen)."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from scanner.review.errors import ReviewError
from scanner.review.roles import OPEN
from scanner.types import Finding, Problem, Reason


def item_id(number: int) -> str:
    return f"R-{number:04d}"


def item_number(text: str) -> int:
    """'R-0007', 'R-7', 'r7' or '7' → 7."""
    match = re.fullmatch(r"(?:[Rr]-?)?0*(\d+)", text.strip())
    if not match or int(match[1]) == 0:
        raise ReviewError(f"item: expected an id like R-0001 (got {text!r})")
    return int(match[1])


@dataclass(frozen=True)
class HistoryEntry:
    """One status change: who, in which role, when, to what, why, and the audit entry recording it."""

    at: str
    by: str
    role: str | None
    status: str
    reason: str
    audit_seq: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ItemSubject:
    """A person in the document, as the decision saw them."""

    id: str
    role: str
    basis: str | None
    outcome: str
    name: str | None = None
    known: bool | None = None
    main: bool = False
    referrer: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ItemSubject:
        return cls(data["id"], data["role"], data.get("basis"), data["outcome"], data.get("name"), data.get("known"),
                   bool(data.get("main")), bool(data.get("referrer")))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ReviewItem:
    """A document held or flagged for a person to decide, and everything they need to decide it.

    `held_copy` is the file in the share folder's quarantine (None for items from `check`, which
    holds nothing); `redacted_copy` a verified redacted copy that release-redacted may release;
    `released_path` where the released file went. `decision_seq` is the audit entry of the
    automatic decision that created the item."""

    id: str
    created: str
    status: str
    reviewer: str
    action: str
    document: str
    sha256: str
    format: str
    size: int
    recipient: str | None
    purpose: str | None
    sender: str | None
    channel: str
    reasons: tuple[Reason, ...]
    findings: tuple[Finding, ...]
    subjects: tuple[ItemSubject, ...]
    problems: tuple[Problem, ...]
    consent_not_sought: str | None = None  # the sender's reason code (CONSENT_NOT_SOUGHT), if given
    held_copy: str | None = None
    redacted_copy: str | None = None
    redacted_sha256: str | None = None
    released_path: str | None = None
    decision_seq: int | None = None
    history: tuple[HistoryEntry, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(sorted({r.rule for r in self.reasons}))

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k not in ("reasons", "findings", "subjects", "problems",
                                                                    "history")}
        data.update(reasons=[r.to_dict() for r in self.reasons], findings=[f.to_dict() for f in self.findings],
                    subjects=[s.to_dict() for s in self.subjects], problems=[p.to_dict() for p in self.problems],
                    history=[h.to_dict() for h in self.history])
        return data


def finding_from_dict(data: dict[str, Any]) -> Finding:
    about = data.get("about")
    return Finding(**{**data, "about": tuple(about) if about is not None else None})
