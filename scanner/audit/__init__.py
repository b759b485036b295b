"""The audit trail: every sharing decision, automatic or human, in a hash-chained SQLite table
(`log`), how it is verified (`verify`), what an entry may say (`events`) and the record of
sharing as CSV (`export`). Loaded on first use, like `scanner.register`."""
from __future__ import annotations

from scanner.lazy import lazy_exports

_API = {
    "AuditLog": "scanner.audit.log",
    "AuditEntry": "scanner.audit.log",
    "Verification": "scanner.audit.log",
    "AUTOMATIC": "scanner.audit.log",
    "Head": "scanner.audit.head",
    "AuditError": "scanner.audit.errors",
    "export_csv": "scanner.audit.export",
    "decision_body": "scanner.audit.events",
}
__getattr__, __all__ = lazy_exports(__name__, _API)
