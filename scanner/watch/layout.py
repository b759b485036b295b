"""Where things are in the watched share folder, and which names in the outbox are not requests.

    outbox/<recipient>/<purpose>/FILE   dropped by staff (optionally with FILE.share.yaml beside it)
    released/<recipient>/FILE           what may leave: the original or its verified redacted copy
    quarantine/<recipient>/FILE         held or blocked, each with a review item
    .state/journal.sqlite3              the watcher's journal (one row per claimed file)
    .state/work/<job>/                  a claimed file while it is decided (owner only)
    .state/originals/<job>/             originals of redacted documents, never released (owner only)
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

OUTBOX, RELEASED, QUARANTINE, STATE = "outbox", "released", "quarantine", ".state"
SIDECAR_SUFFIX = ".share.yaml"
UNADDRESSED = "unaddressed"  # released/ or quarantine/ folder for a file with no known recipient
RECIPIENT_ID = re.compile(r"[a-z0-9][a-z0-9-]*")  # the form of config ids: a folder name, never a path

# Office lock files, partial downloads and editors' temporaries: never a request to send.
TEMPORARY_PREFIXES = ("~$", ".~lock.")
TEMPORARY_SUFFIXES = (".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".swp", ".swx", "~",
                      ".lock")
MAX_NAME_BYTES = 200


@dataclass(frozen=True)
class ShareLayout:
    root: Path

    @property
    def outbox(self) -> Path:
        return self.root / OUTBOX

    @property
    def released(self) -> Path:
        return self.root / RELEASED

    @property
    def quarantine(self) -> Path:
        return self.root / QUARANTINE

    @property
    def state(self) -> Path:
        return self.root / STATE

    @property
    def journal(self) -> Path:
        return self.state / "journal.sqlite3"

    @property
    def work(self) -> Path:
        return self.state / "work"

    @property
    def originals(self) -> Path:
        return self.state / "originals"

    def job_dir(self, job: int) -> Path:
        return self.work / str(job)

    def ensure(self) -> None:
        """Create the folders; the watcher's own state is readable by its owner only."""
        for folder in (self.outbox, self.released, self.quarantine):
            folder.mkdir(parents=True, exist_ok=True)
        for folder in (self.state, self.work, self.originals):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(folder, 0o700)

    def relative(self, path: Path) -> Path:
        """`path` below the outbox (ValueError if it is not below it)."""
        return path.relative_to(self.outbox)

    def inside(self, path: Path, folder: Path) -> bool:
        """Whether `path` (not resolved: links are never followed) lies below `folder`."""
        try:
            parts = path.relative_to(folder).parts
        except ValueError:
            return False
        return ".." not in parts


def ignored(relative: Path) -> bool:
    """Names below the outbox that are not requests to send: hidden files and folders, Office
    lock files, partial downloads and temporaries, and sidecars (read with their file)."""
    for part in relative.parts:
        if part.startswith(".") or part.startswith(TEMPORARY_PREFIXES):
            return True
    name = relative.name.lower()
    return name.endswith(TEMPORARY_SUFFIXES) or name.endswith(SIDECAR_SUFFIX)


def sidecar_of(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def safe_name(name: str) -> str:
    """The name a file keeps in work/, released/ and quarantine/: the dropped name, with bytes that
    are not text and control characters replaced, shortened to a size every store accepts."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    text = "".join("_" if unicodedata.category(c).startswith("C") or c == "\ufffd" else c for c in text)
    text = text.strip() or "unnamed"
    if text in (".", ".."):
        text = "unnamed"
    if len(text.encode("utf-8")) > MAX_NAME_BYTES:
        stem, dot, ext = text.rpartition(".")
        ext = f".{ext}" if dot and len(ext) <= 10 else ""
        text = (stem if dot else text).encode("utf-8")[: MAX_NAME_BYTES - len(ext.encode())].decode("utf-8", "ignore")
        text += ext
    return text


def folder_for(recipient: str | None) -> str:
    """The released/ or quarantine/ sub-folder of a recipient id (never a path)."""
    return recipient if recipient and RECIPIENT_ID.fullmatch(recipient) else UNADDRESSED


def with_tag(name: str, tag: str) -> str:
    """`referral.docx` → `referral.J12.docx`: a second file of the same name never overwrites."""
    stem, dot, ext = name.rpartition(".")
    return f"{stem}.{tag}.{ext}" if dot and stem else f"{name}.{tag}"
