"""Why the audit trail could not be used (exit 1 at the CLI). A broken chain is not an error
here: `AuditLog.verify()` reports it as a result, so an auditor sees where it breaks."""
from __future__ import annotations

from scanner.errors import ShareGuardError


class AuditError(ShareGuardError):
    """The audit file cannot be opened, read or written: not a SQLite database, written by a
    newer ShareGuard, locked too long by another writer, or on a full or read-only disk."""

    code = "E500"
