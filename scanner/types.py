"""The data that flows through ShareGuard: frozen records, from Document to Decision.

This module imports nothing from the rest of `scanner`, so every other module can use it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import IntEnum
from typing import Any

# Finding kinds (SPEC "Finding").
PERSONAL_DATA = "personal_data"
SPECIAL_CATEGORY = "special_category"
SAFEGUARDING = "safeguarding"
PRACTICE = "practice"
KINDS = (PERSONAL_DATA, SPECIAL_CATEGORY, SAFEGUARDING, PRACTICE)

# Canonical types of the other kinds (SPEC "Canonical types").
SAFEGUARDING_CATEGORIES = (
    "physical_abuse", "sexual_abuse", "emotional_abuse", "neglect", "self_harm", "domestic_abuse",
    "exploitation", "radicalisation", "fgm", "forced_marriage", "online_harm", "missing_from_home",
    "substance_misuse",
)
AFFIRMED, NEGATED, HYPOTHETICAL = "affirmed", "negated", "hypothetical"
POLARITIES = (AFFIRMED, NEGATED, HYPOTHETICAL)
SPECIAL_CATEGORY_TYPES = (
    "HEALTH", "ETHNICITY", "RELIGION", "SEXUALITY", "POLITICAL_OPINION", "TRADE_UNION", "GENETIC", "BIOMETRIC",
)
PRACTICE_TYPES = ("confidentiality_promise", "leading_question")
SEVERITIES = ("low", "medium", "high")


class Action(IntEnum):
    """What happens to a document. Ordered, so the most severe of several is `max()`."""

    ALLOW = 0
    REDACT = 1
    REVIEW = 2
    BLOCK = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Segment:
    """Where one piece of a Document's text came from.

    `start`/`end` index `Document.text`. `part` says what kind of content it is (body,
    header, comment, insertion, deletion, property, cell, page, email_header, …), `where`
    says it for a person ("page 3", "Sheet1!B4", "comment by J. Bloggs"), and `container`
    is the path through archives and attachments ("bundle.zip", "letter.docx").
    """

    start: int
    end: int
    part: str
    where: str
    container: tuple[str, ...] = ()
    hidden: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad segment span {self.start}..{self.end}")

    def describe(self) -> str:
        inside = " > ".join(self.container)
        return f"{inside} > {self.where}" if inside else self.where


@dataclass(frozen=True)
class Problem:
    """Why a document (or part of it) could not be read completely."""

    # encrypted | corrupt | image_only | unknown_format | over_limit | hostile | opaque_content
    # | unreadable | detector_failed
    code: str
    message: str
    where: str = ""

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class Document:
    """Text extracted from one file, with the provenance of every piece of it."""

    path: str
    sha256: str
    format: str
    text: str
    segments: tuple[Segment, ...] = ()
    problems: tuple[Problem, ...] = ()
    size: int = 0

    @property
    def fully_readable(self) -> bool:
        return not self.problems

    def segment_at(self, offset: int) -> Segment | None:
        """The segment holding character `offset` (segments are sorted and disjoint)."""
        lo, hi = 0, len(self.segments)
        while lo < hi:
            mid = (lo + hi) // 2
            seg = self.segments[mid]
            if offset < seg.start:
                hi = mid
            elif offset >= seg.end:
                lo = mid + 1
            else:
                return seg
        return None


@dataclass(frozen=True)
class Finding:
    """One thing found in a Document's text (like scrubadub's Filth)."""

    kind: str
    type: str
    start: int
    end: int
    text: str
    score: float
    detector: str
    explanation: str
    polarity: str | None = None  # safeguarding: affirmed | negated | hypothetical
    subject: str | None = None
    where: str | None = None
    severity: str | None = None  # safeguarding and practice: low | medium | high
    excerpt: str | None = None  # the whole sentence, verbatim, for a reviewer to read
    about: tuple[str, ...] | None = None  # the people the sentence names, for subject linking

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown finding kind {self.kind!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad finding span {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError("finding text does not match its span")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.about is not None:
            data["about"] = list(self.about)
        return {k: v for k, v in data.items() if v is not None or k == "subject"}


@dataclass(frozen=True)
class ShareRequest:
    """Who a document is going to, and why."""

    recipient: str | None = None
    purpose: str | None = None
    sender: str | None = None
    channel: str = "check"
    # Sharing on the safeguarding basis without consent records why consent was not sought
    # (DPA 2018 Sch. 1 para 18): one of CONSENT_NOT_SOUGHT.
    consent_not_sought: str | None = None


CONSENT_NOT_SOUGHT = {
    "cannot-give": "the data subject cannot give consent",
    "not-reasonable": "the sender cannot reasonably be expected to obtain consent",
    "prejudice": "seeking consent would prejudice the child's protection",
}


@dataclass(frozen=True)
class Reason:
    """One reason for a decision, citing the SPEC rule and the policy section behind it."""

    rule: str
    policy: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class Subject:
    """A person the document names, linked to the register where possible."""

    id: str  # register id ("P-0001"), or "U-1", "U-2"… for people the register lacks
    name: str
    role: str  # the register role; "unknown" for people the register lacks
    known: bool  # in the register
    mentions: int  # findings linked to this person (names and identifiers)
    main: bool = False  # the person the document is mainly about
    professional: bool = False  # named in their working role: not a subject of the decision
    referrer: bool = False  # made the referral or raised the concern
    types: tuple[str, ...] = ()  # the kinds of their data in the document (PERSON, UK_NHS, HEALTH…)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["types"] = list(self.types)
        return data


@dataclass(frozen=True)
class SubjectOutcome:
    """What the decision means for one person in the document."""

    id: str
    role: str
    basis: str | None
    outcome: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Decision:
    action: Action
    reasons: tuple[Reason, ...]
    reviewer: str | None = None  # who must review (review, block), or who is notified of a sharing
    subjects: tuple[SubjectOutcome, ...] = ()
    redact_subjects: tuple[str, ...] = ()  # every finding linked to these people is removed
    redact_types: tuple[str, ...] = ()  # and these identifier types, whoever they belong to
    review_item: bool = False  # a review item is created for `reviewer` (also when the document goes)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "action": self.action.label,
            "reviewer": self.reviewer,
            "reasons": [r.to_dict() for r in self.reasons],
            "review_item": self.review_item,
        }
        if self.redact_subjects or self.redact_types:
            data["redact"] = {"subjects": list(self.redact_subjects), "types": list(self.redact_types)}
        return data


@dataclass(frozen=True)
class Outcome:
    """Everything ShareGuard concluded about one document."""

    document: Document
    request: ShareRequest
    decision: Decision
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    subjects: tuple[Subject, ...] = field(default_factory=tuple)
    record: dict[str, Any] = field(default_factory=dict)  # the record of sharing (what, to whom, why, basis)

    @property
    def processed(self) -> bool:
        """False when the document could not be read completely (exit status 1)."""
        return self.document.fully_readable
