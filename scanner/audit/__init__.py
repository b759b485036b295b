"""The audit trail: every sharing decision, automatic or human, in a hash-chained SQLite table
(`log`), how it is verified (`verify`), what an entry may say (`events`) and the record of
sharing as CSV (`export`). Loaded on first use, like `scanner.register`."""
from __future__ import annotations

import importlib
from typing import Any

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
__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'scanner.audit' has no attribute {name!r}")
    return getattr(importlib.import_module(_API[name]), name)
