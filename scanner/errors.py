"""Domain errors. The CLI turns any ShareGuardError into one `Error:` line and exit status 1."""
from __future__ import annotations


class ShareGuardError(Exception):
    code = "E000"


class ConfigError(ShareGuardError):
    """A config file is missing or invalid; the message names the file, key path and problem."""

    code = "E100"

    def __init__(self, file: str, path: str, message: str) -> None:
        self.file, self.path, self.message = file, path, message
        where = f"{file}: {path}: " if path else f"{file}: "
        super().__init__(where + message)


class DetectionError(ShareGuardError):
    code = "E300"
