"""Terms written in their base form, found in any inflection: a cheap trigger, then spaCy matchers.

A DSL writes "bruise" or "go missing"; text says "bruising" or "went missing". Two steps:

1. `Lexicon.triggers(doc)`: the tokens of the tokenizer-and-NER pass whose lower-case form is an
   inflection of a term's most telling word (one vectorised lookup over the token array). It
   only decides which sentences deserve the parser: cheap enough to run over everything.
2. `Lexicon.match(doc)`: spaCy `Matcher` patterns over the parsed sentence, two per term: by
   LEMMA (the lemmatizer's reading) and by LOWER over the generated forms (for the words the
   lemmatizer reads another way: "bruising" as a noun, "missing" as an adjective).

Forms: regular English inflection plus the irregular forms in the model's own lemmatizer
exception tables (threw/thrown → throw), so no word list of ours goes out of date.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

import numpy
from spacy.attrs import LOWER
from spacy.matcher import Matcher

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

GAP = "..."
GAP_MAX = 3
_VOWELS = set("aeiou")


@dataclass(frozen=True)
class Entry:
    """One term of the lexicon, with what a match of it means."""

    key: str  # e.g. a category, or "everyday"
    term: str
    severity: str = "medium"


@dataclass(frozen=True)
class Match:
    entry: Entry
    start: int  # token indexes in the Doc
    end: int


class Inflector:
    """Every surface form of a word: regular inflection plus the model's irregular forms."""

    def __init__(self, nlp: "Language") -> None:
        self._irregular: dict[str, set[str]] = {}
        if "lemmatizer" in nlp.component_names:
            lookups = nlp.get_pipe("lemmatizer").lookups
            if lookups.has_table("lemma_exc"):
                table = lookups.get_table("lemma_exc")
                for pos in ("verb", "noun", "adj"):
                    for form, lemmas in (table.get(pos) or {}).items():
                        for lemma in lemmas:
                            self._irregular.setdefault(lemma, set()).add(form)

    def forms(self, word: str) -> set[str]:
        w = word.lower()
        out = {w} | self._irregular.get(w, set())
        if not w.isalpha() or len(w) < 3:
            return out
        out |= {w + "s", w + "es", w + "ed", w + "ing", w + "er", w + "ers"}
        if w.endswith("e"):
            out |= {w + "d", w[:-1] + "ing", w + "s"}
        if w.endswith("y") and w[-2] not in _VOWELS:
            out |= {w[:-1] + "ies", w[:-1] + "ied"}
        if len(w) <= 5 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS and w[-3] not in _VOWELS:
            out |= {w + w[-1] + "ed", w + w[-1] + "ing", w + w[-1] + "er"}
        return out


class Lexicon:
    """Terms under keys (categories); `triggers()` over raw text, `match()` over a parsed Doc."""

    def __init__(self, nlp: "Language", entries: Iterable[Entry], inflector: Inflector | None = None) -> None:
        self.entries = list(entries)
        self._inflect = inflector or Inflector(nlp)
        self._matcher = Matcher(nlp.vocab, validate=True)
        self._by_label: dict[str, Entry] = {}
        trigger_forms: set[str] = set()
        for n, entry in enumerate(self.entries):
            for variant in _spellings(entry.term):
                words = _words(nlp, variant)
                if not words:
                    continue
                label = f"{n}"
                self._by_label[label] = entry
                self._matcher.add(label, [self._pattern(words, "LOWER"), self._pattern(words, "LEMMA")])
                trigger_forms |= self._trigger_forms(words)
        strings = nlp.vocab.strings
        self._trigger = numpy.array(sorted(strings.add(f) for f in trigger_forms), dtype="uint64")

    def _pattern(self, words: Sequence[str], attr: str) -> list[dict]:
        pattern: list[dict] = []
        for word in words:
            if word == GAP:
                pattern.append({"OP": f"{{0,{GAP_MAX}}}", "IS_PUNCT": False})
            elif attr == "LOWER":
                pattern.append({"LOWER": {"IN": sorted(self._inflect.forms(word))}})
            else:
                pattern.append({"LEMMA": {"IN": sorted({word, word.lower()})}})
        return pattern

    def _trigger_forms(self, words: Sequence[str]) -> set[str]:
        """The forms of a term's most telling word: its longest word that is not a gap."""
        content = [w for w in words if w != GAP and any(c.isalnum() for c in w)]
        if not content:
            return set()
        key = max(content, key=len)
        return self._inflect.forms(key)

    def triggers(self, doc: "Doc") -> list[int]:
        """Indexes of the tokens where a term may be: where the parser is worth running."""
        if not len(doc) or not len(self._trigger):
            return []
        lower = doc.to_array([LOWER])
        return numpy.nonzero(numpy.isin(lower, self._trigger))[0].tolist()

    def match(self, doc: "Doc | Span") -> list[Match]:
        """Every term match, longest first where two of the same entry overlap."""
        found: dict[tuple[int, int, int], Match] = {}
        for label, start, end in self._matcher(doc):
            entry = self._by_label[doc.vocab.strings[label]]
            found.setdefault((id(entry), start, end), Match(entry, start, end))
        return sorted(found.values(), key=lambda m: (m.start, -(m.end - m.start)))


def _spellings(term: str) -> list[str]:
    """A hyphenated term is also written spaced and joined ("self-harm", "self harm", "selfharm")."""
    if "-" not in term:
        return [term]
    return [term, term.replace("-", " "), term.replace("-", "")]


def _words(nlp: "Language", term: str) -> list[str]:
    """The term's tokens as the tokenizer splits text ("n't", "-"), keeping `...` gaps."""
    words: list[str] = []
    for part in term.split(" "):
        if part == GAP:
            words.append(GAP)
        elif part:
            words.extend(t.text for t in nlp.tokenizer(part))
    return words
