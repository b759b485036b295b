"""The review queue: items held or flagged for the DSL or the IG lead (`store`), who may decide
what (`roles`), what a decision does to the share folder (`act`), what the audit trail says
about it (`events`) and how an item is shown (`render`). Loaded on first use."""
from __future__ import annotations

import importlib
from typing import Any

_API = {
    "ReviewStore": "scanner.review.store",
    "ReviewItem": "scanner.review.model",
    "HistoryEntry": "scanner.review.model",
    "ItemSubject": "scanner.review.model",
    "ReviewError": "scanner.review.errors",
    "ReviewFileError": "scanner.review.errors",
    "ROLES": "scanner.review.roles",
    "STATUSES": "scanner.review.roles",
    "VERDICTS": "scanner.review.roles",
    "may_decide": "scanner.review.roles",
    "parse_role": "scanner.review.roles",
    "marked_pieces": "scanner.review.render",
    "Piece": "scanner.review.render",
    "to_terminal": "scanner.review.render",
}
__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'scanner.review' has no attribute {name!r}")
    return getattr(importlib.import_module(_API[name]), name)
