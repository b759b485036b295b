"""Why the register refused something: bad input (exit 2 at the CLI) or an unusable file (exit 1)."""
from __future__ import annotations

from scanner.errors import ShareGuardError


class RegisterError(ShareGuardError):
    """A change or an import the register refused. The message names the field (and, for a
    CSV file, the file and line), says what is wrong and shows the value given, so a DSL can
    correct it without reading code."""

    code = "E400"


class RegisterFileError(RegisterError):
    """The register file itself cannot be used: not a SQLite database, written by a newer
    ShareGuard, or not creatable. Nothing the user typed is wrong."""

    code = "E401"
