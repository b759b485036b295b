"""What every format writer is given: the matcher, where the file sits, and the running tallies.

Like extraction's `Context`, the job carries the dispatcher (`nested`) down to the writers,
so that an e-mail can redact its attachments, a zip its members and a Word file its
embedded workbook without importing the package that imports them.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Callable, NoReturn, Sequence

from scanner.extract.builder import Limits
from scanner.redact.match import Hit, Matcher


class CannotRedact(Exception):
    """The file cannot be redacted safely (an image-only page, an object ShareGuard cannot
    rewrite, a library failure): the document must not be released."""


Nested = Callable[[bytes, str, "Job"], bytes]


@dataclass(frozen=True)
class Job:
    matcher: Matcher
    nested: Nested
    limits: Limits = Limits()
    name: str = ""  # the file being written (its extension matters: .mht pictures are layout)
    refuse_archives: bool = False  # config/redaction.yaml `archives: refuse`
    container: tuple[str, ...] = ()
    # Shared by every nested job of one redaction (dataclasses.replace copies the reference).
    removed: Counter = field(default_factory=Counter)  # type → values replaced
    cleaned: Counter = field(default_factory=Counter)  # "comments removed" → how many

    def inside(self, name: str) -> "Job":
        """The job for a file found inside this one (names are shown redacted)."""
        if len(self.container) >= self.limits.max_depth + 1:
            self.fail(f"{name} is nested deeper than ShareGuard will open")
        return replace(self, name=name, container=self.container + (self.replace(name),))

    def redact_file(self, data: bytes, name: str) -> bytes:
        """Redact a file found inside this one (attachment, zip member, embedded object)."""
        return self.nested(data, name, self.inside(name))

    def replace(self, text: str, style: Callable[[str], str] | None = None) -> str:
        new, hits = self.matcher.replace(text, style)
        self.count(hits)
        return new

    def replace_pieces(self, pieces: Sequence[str], style: Callable[[str], str] | None = None) -> list[str] | None:
        """New pieces, or None when nothing in them matched."""
        new, hits = self.matcher.replace_pieces(pieces, style)
        self.count(hits)
        return new if hits else None

    def count(self, hits: Sequence[Hit]) -> None:
        for hit in hits:
            self.removed[hit.target.type] += 1

    def clean(self, what: str, count: int = 1) -> None:
        if count:
            self.cleaned[what] += count

    def fail(self, message: str) -> NoReturn:
        where = " > ".join(self.container)
        raise CannotRedact(f"{where}: {message}" if where else message)
