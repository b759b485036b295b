"""Assemble one labelled document from templates, keeping every label's offsets exact.

Templates are ordinary strings with `{slot}` fields (`"Visited {child} at {family.address}."`).
Literal text is copied (and, in a messy note, roughened with typos); each field is resolved by
the document's cast into `Piece`s that carry their own labels. Offsets are computed while the
text is appended, so a label can never drift from the text it names.
"""
from __future__ import annotations

import string
from dataclasses import dataclass, field
from random import Random
from typing import Callable, Iterable, Sequence

#: The personal-data types this corpus labels (SPEC "Canonical types").
TYPES = ("PERSON", "DATE_OF_BIRTH", "AGE", "STREET_ADDRESS", "UK_POSTCODE", "UK_NHS", "UK_NINO",
         "UK_UPN", "PHONE_NUMBER", "EMAIL_ADDRESS", "CASE_REFERENCE", "SCHOOL", "LOCATION")


@dataclass(frozen=True)
class Label:
    """A label inside a piece: `start`/`end` are relative to the piece's text."""

    type: str
    start: int
    end: int
    optional: bool = False
    why: str = ""


@dataclass(frozen=True)
class Piece:
    """A run of text with the labels it carries, and the type it is a decoy for (if any).

    A decoy is text that looks like `decoy` but is not one (a failed NHS checksum, a meeting
    date); the document then forbids that type unless a real one is labelled elsewhere.
    """

    text: str
    labels: tuple[Label, ...] = ()
    decoy: str | None = None


def plain(text: str) -> Piece:
    return Piece(text)


def gold(type_: str, text: str) -> Piece:
    """A piece that a detector must find as `type_`."""
    return Piece(text, (Label(type_, 0, len(text)),))


def optional(type_: str, text: str, why: str, decoy: str | None = None) -> Piece:
    """A piece that is neither required nor penalised as `type_`."""
    return Piece(text, (Label(type_, 0, len(text), True, why),), decoy)


def decoy(type_: str, text: str) -> Piece:
    """A piece that must not be reported as `type_`."""
    return Piece(text, (), type_)


Resolver = Callable[[str, str, "DocBuilder"], Sequence[Piece]]


@dataclass
class DocBuilder:
    """Collects text, labels and decoys for one document.

    `resolve(field, spec, builder)` turns a template field into pieces; `messy` turns on typos
    in literal text and lets the resolver write names in lower case; `no_pii` marks a document
    that must contain no personal data at all.
    """

    rng: Random
    resolve: Resolver
    messy: bool = False
    no_pii: bool = False
    parts: list[str] = field(default_factory=list)
    length: int = 0
    spans: list[dict] = field(default_factory=list)
    optional_spans: list[dict] = field(default_factory=list)
    decoys: list[dict] = field(default_factory=list)
    mentioned: set[str] = field(default_factory=set)

    # --- writing -------------------------------------------------------------------------
    def add(self, template: str) -> "DocBuilder":
        """Render a template: literal text as is (typos if messy), fields via the resolver."""
        for literal, field_name, spec, _conv in string.Formatter().parse(template):
            if literal:
                self._append(plain(self._roughen(literal)))
            if field_name is not None:
                for piece in self.resolve(field_name, spec or "", self):
                    self._append(piece)
        return self

    def line(self, template: str = "") -> "DocBuilder":
        return self.add(template + "\n")

    def pick(self, *templates: str) -> "DocBuilder":
        """Render one of several equivalent wordings, so no sentence is fixed."""
        return self.add(self.rng.choice(templates))

    def bullets(self, items: Iterable[str]) -> "DocBuilder":
        """Render items as a list in one of the bullet styles people actually type."""
        style = self.rng.choice(["- ", "* ", "• ", "o ", "{n}. ", "{n}) ", ""])
        for n, item in enumerate(items, 1):
            self.line(style.replace("{n}", str(n)) + item)
        return self

    def _append(self, piece: Piece) -> None:
        base = self.length
        for lab in piece.labels:
            row = {"type": lab.type, "start": base + lab.start, "end": base + lab.end,
                   "text": piece.text[lab.start:lab.end]}
            if lab.optional:
                self.optional_spans.append(dict(row, why=lab.why))
            else:
                self.spans.append(row)
        if piece.decoy:
            self.decoys.append({"type": piece.decoy, "start": base, "end": base + len(piece.text),
                                "text": piece.text})
        self.parts.append(piece.text)
        self.length += len(piece.text)

    def _roughen(self, literal: str) -> str:
        """Introduce the occasional typo (swapped or dropped letter) into a messy note."""
        if not self.messy:
            return literal
        words = literal.split(" ")
        for i, w in enumerate(words):
            if len(w) >= 5 and w.isalpha() and self.rng.random() < 0.04:
                k = self.rng.randrange(1, len(w) - 2)
                words[i] = (w[:k] + w[k + 1] + w[k] + w[k + 2:]) if self.rng.random() < 0.5 else w[:k] + w[k + 1:]
        return " ".join(words)

    # --- result --------------------------------------------------------------------------
    @property
    def text(self) -> str:
        return "".join(self.parts)

    def expect_none(self) -> list[str]:
        """Types the whole document must not report: every type in a no-PII document,
        otherwise each decoy type that no labelled span makes legitimate."""
        if self.no_pii:
            return list(TYPES)
        present = {s["type"] for s in self.spans}
        return sorted({d["type"] for d in self.decoys} - present)

    def gold_row(self, file: str, group: str, subgroup: str, ref: str) -> dict:
        """The gold line, in the schema of the shared peer corpus (plus `decoys`)."""
        if self.no_pii and self.spans:
            raise ValueError("%s: a no-PII template produced labelled spans %r" % (subgroup, self.spans[:3]))
        key = lambda s: (s["start"], s["end"], s["type"])  # noqa: E731
        return {"file": file, "source": {"repo": "synthetic", "path": "bench/quality/generate.py",
                                         "commit": None, "ref": ref},
                "group": group, "subgroup": subgroup, "scope": "all",
                "expect": sorted(self.spans, key=key), "expect_none": self.expect_none(),
                "optional": sorted(self.optional_spans, key=key), "decoys": sorted(self.decoys, key=key)}
