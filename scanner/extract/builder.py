"""Assemble a Document from pieces of text, recording where each piece came from."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from scanner.types import Document, Problem, Segment

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Limits:
    """Bounds on what extraction will open (zip bombs, huge files, deep nesting)."""

    max_file_bytes: int = 25 * 1024 * 1024
    max_depth: int = 3
    max_members: int = 1000
    max_total_bytes: int = 200 * 1024 * 1024
    max_ratio: float = 100.0
    max_text_chars: int = 25_000_000


@dataclass
class TextBuilder:
    """Collects text pieces and problems; `build()` makes the immutable Document.

    Pieces are joined with a blank line so that no detector match runs from one piece into
    the next; each piece becomes one Segment whose offsets index the final text.
    """

    container: tuple[str, ...] = ()
    _parts: list[str] = field(default_factory=list)
    _segments: list[Segment] = field(default_factory=list)
    _problems: list[Problem] = field(default_factory=list)
    _length: int = 0

    def add(self, text: str, part: str, where: str, hidden: bool = False) -> None:
        if not text or not text.strip():
            return
        if self._parts:
            self._parts.append(SEPARATOR)
            self._length += len(SEPARATOR)
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        self._segments.append(Segment(start, self._length, part, where, self.container, hidden))

    def add_verbatim(self, text: str, spans: Iterable[tuple[int, int, str]], part: str) -> None:
        """Make `text` the whole document text, unchanged, with one segment per (start, end, where).

        Plain-text formats need this: finding offsets must index the decoded file exactly, so
        no separator may be inserted and line endings stay as they are.
        """
        if self._parts:
            raise ValueError("add_verbatim needs an empty builder")
        self._parts.append(text)
        self._length = len(text)
        for start, end, where in spans:
            if start < len(text) and start < end:
                self._segments.append(Segment(start, min(end, len(text)), part, where, self.container))

    def problem(self, code: str, message: str, where: str = "") -> None:
        inside = " > ".join(self.container)
        if inside:
            where = f"{inside} > {where}" if where else inside
        self._problems.append(Problem(code, message, where))

    def include(self, inner: Document) -> None:
        """Append a nested document (attachment, zip member): its text, segments and problems."""
        if inner.text:
            if self._parts:
                self._parts.append(SEPARATOR)
                self._length += len(SEPARATOR)
            base = self._length
            self._parts.append(inner.text)
            self._length += len(inner.text)
            for seg in inner.segments:
                self._segments.append(
                    Segment(seg.start + base, seg.end + base, seg.part, seg.where, seg.container, seg.hidden)
                )
        self._problems.extend(inner.problems)

    @property
    def length(self) -> int:
        return self._length

    def build(self, path: str, sha256: str, fmt: str, size: int) -> Document:
        return Document(
            path=path,
            sha256=sha256,
            format=fmt,
            text="".join(self._parts),
            segments=tuple(self._segments),
            problems=tuple(self._problems),
            size=size,
        )
