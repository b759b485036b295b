"""The one detector interface: a detector reads a chunk of text and its spaCy pass."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Iterable, Protocol

from scanner.types import PERSONAL_DATA, Document, Finding

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Chunk:
    """A piece of a document's text with its one spaCy pass.

    `offset` is where `text` starts in `Document.text`; detectors report spans relative to
    the chunk and `finding()` shifts them, so no detector needs to know about chunking.
    """

    text: str
    offset: int
    doc: "Doc"
    document: Document | None = None  # for provenance-aware detectors (spreadsheet cells)


class Detector(Protocol):
    name: ClassVar[str]
    produces: ClassVar[frozenset[str]]

    def detect(self, chunk: Chunk) -> Iterable[Finding]: ...


class DeepDetector(Detector, Protocol):
    """A detector that reads parsed sentences (`scanner.detectors.deep`). Before any chunk of a
    batch is detected, `wanted` names the tokens whose sentences it will ask for, so that all of
    them are parsed in one batch."""

    def wanted(self, chunk: Chunk) -> list[int]: ...


def finding(
    chunk: Chunk,
    start: int,
    end: int,
    type_: str,
    score: float,
    detector: str,
    explanation: str,
    kind: str = PERSONAL_DATA,
) -> Finding:
    """A Finding for chunk-relative span [start, end), in document coordinates."""
    return Finding(
        kind=kind,
        type=type_,
        start=chunk.offset + start,
        end=chunk.offset + end,
        text=chunk.text[start:end],
        score=round(float(score), 3),
        detector=detector,
        explanation=explanation,
    )
