"""Record an outcome: an automatic decision entry in the audit trail, always, and a review item
when one is due. What `shareguard check` and the watcher both call after deciding."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scanner.audit.events import DECISION, decision_body
from scanner.audit.log import AUTOMATIC, AuditEntry, AuditLog
from scanner.review.model import ReviewItem
from scanner.review.store import ReviewStore
from scanner.types import Action, Outcome


@dataclass(frozen=True)
class Recorded:
    entry: AuditEntry
    item: ReviewItem | None


def review_due(outcome: Outcome) -> bool:
    """SPEC: held, blocked, unreadable, shared with a partner for safeguarding, practice findings."""
    return outcome.decision.review_item or outcome.decision.action >= Action.REVIEW or not outcome.processed


def record_outcome(outcome: Outcome, audit: AuditLog, review: ReviewStore | None = None,
                   held_copy: Path | None = None, redacted_copy: Path | None = None) -> Recorded:
    """Append the decision to the audit trail first (the record exists before anything else),
    then open a review item if one is due. `held_copy`: the document's copy in the share
    folder's quarantine (the watcher); `redacted_copy`: a verified redacted copy, if one was made.

    With `review` None no item is opened, even when one is due: only for callers that keep
    no queue (a due item is still marked in the audit entry)."""
    due = review_due(outcome)
    entry = audit.append(DECISION, decision_body(outcome, due), actor=AUTOMATIC)
    item = review.add(outcome, held_copy, redacted_copy, decision_seq=entry.seq) if due and review else None
    return Recorded(entry, item)
