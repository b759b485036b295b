"""The review queue: items held or flagged for the DSL or the IG lead (`store`), who may decide
what (`roles`), what a decision does to the share folder (`act`), what the audit trail says
about it (`events`) and how an item is shown (`render`). Loaded on first use."""
from __future__ import annotations

from scanner.lazy import lazy_exports

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
__getattr__, __all__ = lazy_exports(__name__, _API)
