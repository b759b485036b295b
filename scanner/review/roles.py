"""Who may decide what, and the words for verdicts and statuses.

An item names the role that must review it (the decision's `reviewer`): the DSL for
safeguarding and practice concerns, the IG lead (the Company Secretary, designated lead for
information governance under KMISA) for everything else. Only a DSL decides a DSL item: an IG
lead cannot clear a safeguarding concern. An IG lead item may be decided by the IG lead or by
a DSL: the DSL is the senior reviewer of anything about a child, IG items are still about
children's data, and the DSL must be able to clear the whole queue (issue 7: "A DSL can clear
the queue from the browser or the command line").
"""
from __future__ import annotations

import re

from scanner.policy.rules import DSL, IG_LEAD
from scanner.review.errors import ReviewError

ROLES = (DSL, IG_LEAD)
MAY_DECIDE = {DSL: frozenset({DSL}), IG_LEAD: frozenset({IG_LEAD, DSL})}  # item's reviewer → roles that may decide

OPEN, APPROVED, REJECTED, RELEASED_REDACTED = "open", "approved", "rejected", "released-redacted"
STATUSES = (OPEN, APPROVED, REJECTED, RELEASED_REDACTED)
APPROVE, REJECT, RELEASE_REDACTED = "approve", "reject", "release-redacted"
VERDICTS = {APPROVE: APPROVED, REJECT: REJECTED, RELEASE_REDACTED: RELEASED_REDACTED}  # verdict → new status

_SPELLINGS = {"dsl": DSL, "iglead": IG_LEAD}


def parse_role(text: str | None) -> str:
    """'DSL', 'dsl', 'IG lead', 'ig-lead', 'IG_LEAD' → the canonical role; anything else is refused."""
    role = _SPELLINGS.get(re.sub(r"[\s_-]+", "", text or "").lower())
    if role is None:
        raise ReviewError(f"role: expected one of {', '.join(ROLES)} (got {text!r})")
    return role


def may_decide(user_role: str, item_reviewer: str) -> bool:
    return user_role in MAY_DECIDE.get(item_reviewer, frozenset({DSL}))


def parse_verdict(text: str) -> str:
    if text not in VERDICTS:
        raise ReviewError(f"verdict: expected one of {', '.join(VERDICTS)} (got {text!r})")
    return text


def parse_status(text: str) -> str:
    if text not in STATUSES:
        raise ReviewError(f"status: expected one of {', '.join(STATUSES)} (got {text!r})")
    return text
