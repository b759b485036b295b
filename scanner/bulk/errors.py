"""Why a bulk scan or a search of its index could not run (exit 1 at the CLI). A document that
cannot be read is not an error here: it becomes an error record and the scan goes on."""
from __future__ import annotations

from scanner.errors import ShareGuardError


class BulkError(ShareGuardError):
    """The output directory, the index key or the engine cannot be used."""

    code = "E900"


class EngineMissing(BulkError):
    """The engine asked for is an optional extra that is not installed."""

    code = "E901"
