"""Cue phrases: every kind a sentence is read for, matched in one pass and cached per sentence."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from scanner.detectors.lexicon import Entry, Inflector, Lexicon

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

CUES = "shareguard.safeguarding.cues"  # Doc.user_data key: each sentence's cue phrases by kind
# Quote marks as the tokenizer writes them.
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''"})


class Cues:
    """Every kind of cue phrase in one lexicon, matched once per sentence (a sentence is read
    for eight kinds of cue; one pass over its tokens instead of eight)."""

    def __init__(self, nlp: "Language", kinds: dict[str, Iterable[str]], inflector: Inflector) -> None:
        self.lexicon = Lexicon(nlp, (Entry(kind, p) for kind, phrases in kinds.items() for p in phrases), inflector)
        self.kinds = tuple(kinds)

    def spans(self, sent: "Span", kind: str) -> list[tuple[int, int, str]]:
        """(start, end, text) token spans of this kind of cue in the sentence's Doc."""
        cache = sent.doc.user_data.setdefault(CUES, {})
        key = (sent.start, sent.end)
        if key not in cache:
            base, found = sent.start, {k: [] for k in self.kinds}
            for m in self.lexicon.match(sent):
                found[m.entry.key].append((base + m.start, base + m.end, m.entry.term))
            cache[key] = found
        return cache[key][kind]


class CueSet:
    """One kind of cue phrase, as the rules ask for it: `spans(sent)`."""

    def __init__(self, cues: Cues, kind: str) -> None:
        self.cues, self.kind = cues, kind

    def spans(self, sent: "Span") -> list[tuple[int, int, str]]:
        return self.cues.spans(sent, self.kind)
