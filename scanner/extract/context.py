"""What every format reader is given: the file's place in its container tree and shared budgets.

One top-level extraction shares one `Budget`, so that a zip of zips (or an e-mail of zips)
cannot multiply the limits by nesting: decompressed bytes and extracted characters are
counted once, across the whole tree.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from scanner.extract.builder import Limits, TextBuilder
from scanner.types import Document

# Problem codes (SPEC rule 5: any of them means the file is not released unscanned).
UNREADABLE = "unreadable"
ENCRYPTED = "encrypted"
CORRUPT = "corrupt"
IMAGE_ONLY = "image_only"
UNKNOWN_FORMAT = "unknown_format"
OVER_LIMIT = "over_limit"
HOSTILE = "hostile"
OPAQUE_CONTENT = "opaque_content"


class TextLimitReached(Exception):
    """Raised by a builder once the tree's text budget is spent; the dispatcher records it."""


class LimitExceeded(Exception):
    """A bounded read or a declared size went over a Limits bound (zip bombs, huge members)."""


@dataclass
class Budget:
    """Running totals for one top-level extraction, shared by every nested document."""

    limits: Limits
    archive_bytes: int = 0
    text_chars: int = 0
    text_limit_reported: bool = False

    @property
    def bytes_left(self) -> int:
        return max(0, self.limits.max_total_bytes - self.archive_bytes)

    def charge_bytes(self, count: int) -> None:
        self.archive_bytes += count
        if self.archive_bytes > self.limits.max_total_bytes:
            raise LimitExceeded(
                f"Unpacking it would produce more than {size_text(self.limits.max_total_bytes)}, "
                "the most ShareGuard will unpack (a possible zip bomb)."
            )


@dataclass
class BoundedBuilder(TextBuilder):
    """A TextBuilder that stops the extraction once the tree's text budget is spent."""

    budget: Budget = field(default_factory=lambda: Budget(Limits()))

    def add(self, text: str, part: str, where: str, hidden: bool = False) -> None:
        if not text or not text.strip():
            return
        room = self.budget.limits.max_text_chars - self.budget.text_chars
        piece = text[: max(room, 0)]
        self.budget.text_chars += len(piece)
        super().add(piece, part, where, hidden)
        if len(piece) < len(text):
            raise TextLimitReached

    def add_verbatim(self, text: str, spans: Iterable[tuple[int, int, str]], part: str) -> None:
        """TextBuilder.add_verbatim within the text budget."""
        room = self.budget.limits.max_text_chars - self.budget.text_chars
        clipped = text[: max(room, 0)]
        self.budget.text_chars += len(clipped)
        super().add_verbatim(clipped, spans, part)
        if len(clipped) < len(text):
            raise TextLimitReached


Extractor = Callable[[bytes, "Context"], Document]


@dataclass(frozen=True)
class Context:
    """The file being read: its name, where it sits, the limits, and how to open nested files.

    `extract` is the dispatcher itself, handed down so that readers can open attachments and
    members without importing the package (which imports them).
    """

    name: str
    limits: Limits
    budget: Budget
    extract: Extractor
    container: tuple[str, ...] = ()
    depth: int = 0
    sha256: str = ""
    ancestors: tuple[str, ...] = ()
    unsupported_code: str = UNKNOWN_FORMAT

    def builder(self) -> BoundedBuilder:
        return BoundedBuilder(container=self.container, budget=self.budget)

    def include_file(self, out: TextBuilder, data: bytes, name: str, unsupported_code: str = UNKNOWN_FORMAT) -> None:
        """Add a file found inside this one to `out`: its name (names carry personal data too,
        "J Smith referral.pdf") and then its own extracted content."""
        out.add(name, "file_name", "file name")
        out.include(self.nested(data, name, unsupported_code))

    def nested(self, data: bytes, name: str, unsupported_code: str = UNKNOWN_FORMAT) -> Document:
        """Extract a file found inside this one (zip member, attachment, embedded object).

        `unsupported_code` is the problem recorded if the nested file is in a format ShareGuard
        cannot read: an unknown zip member is `unknown_format`, an embedded object or an
        attachment is `opaque_content`.
        """
        child = replace(
            self,
            name=name,
            container=self.container + (name,),
            depth=self.depth + 1,
            sha256="",
            ancestors=self.ancestors + (self.sha256,),
            unsupported_code=unsupported_code,
        )
        return self.extract(data, child)


def size_text(count: int) -> str:
    """A byte count as a person reads it ("3 MB", "512 bytes")."""
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):,.1f} MB"
    if count >= 1024:
        return f"{count / 1024:,.0f} KB"
    return f"{count} bytes"
