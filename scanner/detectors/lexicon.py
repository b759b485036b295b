"""Terms written in their base form, found in any inflection: a cheap trigger, then spaCy matchers.

A DSL writes "bruise" or "go missing"; text says "bruising" or "went missing". Two steps:

1. `Lexicon.triggers(doc)`: the tokens of the tokenizer-and-NER pass whose lower-case form is an
   inflection of a term's most telling word (one vectorised lookup over the token array). It
   only decides which sentences deserve the parser: cheap enough to run over everything.
2. `Lexicon.match(span)`: over the parsed sentence, each word of a term matches a token by its
   lemma (the lemmatizer's reading) or by its lower-case form among the generated inflections
   (for the words the lemmatizer reads another way: "bruising" as a noun, "missing" as an
   adjective). Terms are indexed by their first word, so a sentence costs a few dictionary
   lookups per token, however long the lexicon (spaCy's `Matcher` with `IN` sets was 30× slower).

Forms: regular English inflection plus the irregular forms in the model's own lemmatizer
exception tables (threw/thrown → throw), so no word list of ours goes out of date.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from spacy.attrs import IS_PUNCT, IS_QUOTE, LOWER
from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

GAP = "..."
GAP_MAX = 3
_VOWELS = set("aeiou")
TOKEN_ARRAY = "shareguard.lexicon.lower"  # Doc.user_data keys
FEATURES = "shareguard.lexicon.features"


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
        if w.isalpha() and len(w) == 2 and w[-1] in _VOWELS:
            out |= {w + "ing", w + "es"}  # "go missing" → "going missing", "goes missing"
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


def english_words(nlp: "Language", irregular: bool = False) -> frozenset[str]:
    """The English words the model's lemmatizer knows (its lemma index of nouns, verbs, adjectives
    and adverbs), and with `irregular` their irregular forms too ("rang", "went", "children"): what
    a name is not. The tables load with the model even where the lemmatizer does not run; empty
    when the model has none."""
    if "lemmatizer" not in nlp.component_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    words = {word for forms in lookups.get_table("lemma_index").values() for word in forms}
    if irregular and lookups.has_table("lemma_exc"):
        words.update(form for forms in lookups.get_table("lemma_exc").values() for form in forms)
    return frozenset(words)


class Lexicon:
    """Terms under keys (categories); `triggers()` over the token array, `match()` over a parsed span."""

    def __init__(self, nlp: "Language", entries: Iterable[Entry], inflector: Inflector | None = None) -> None:
        self.entries = list(entries)
        self._inflect = inflector or Inflector(nlp)
        # first word form (or lemma) → the terms starting with it, as steps to follow
        self._first: dict[str, list[tuple[Entry, tuple[Step, ...]]]] = {}
        trigger_forms: set[str] = set()
        for entry in self.entries:
            for variant in _spellings(entry.term):
                words = _words(nlp, variant)
                if not words:
                    continue
                steps = tuple(GAP_STEP if w == GAP else Step(w.lower(), frozenset(self._inflect.forms(w))) for w in words)
                for form in steps[0].forms:
                    self._first.setdefault(form, []).append((entry, steps))
                trigger_forms |= steps[0].forms
        self._trigger = frozenset(trigger_forms)

    def triggers(self, doc: "Doc") -> list[int]:
        """Indexes of the tokens where a whole term is written (by surface forms alone, before
        any lemma is known): where the parser is worth running. A set look-up finds the tokens
        that may start a term; only those are followed."""
        if not len(doc) or not self._trigger:
            return []
        lowers, puncts, lemmas = surface(doc)
        trigger = self._trigger
        out = []
        for i in [i for i, w in enumerate(lowers) if w in trigger]:
            entries = self._first[lowers[i]]
            if any(len(steps) == 1 or next(_follow(steps, 1, i + 1, lowers, lemmas, puncts), None) is not None
                   for _, steps in entries):
                out.append(i)
        return out

    def match(self, span: "Doc | Span") -> list[Match]:
        """Every term match (token indexes relative to `span`), by each word's surface form or
        lemma; `...` skips up to three words. Sorted by start, longest first."""
        lowers, lemmas, puncts = _features(span)
        found: set[tuple[int, int, int]] = set()
        out: list[Match] = []
        for i in range(len(lowers)):
            # surface form first, then the lemma when it differs: a fixed order, so that the same
            # text always gives the same explanation (a set of strings iterates by hash seed)
            keys = (lowers[i], lemmas[i]) if lemmas[i] and lemmas[i] != lowers[i] else (lowers[i],)
            for key in keys:
                for entry, steps in self._first.get(key, ()):
                    if not steps[0].accepts(lowers[i], lemmas[i]):
                        continue
                    for end in _follow(steps, 1, i + 1, lowers, lemmas, puncts):
                        sig = (id(entry), i, end)
                        if sig not in found:
                            found.add(sig)
                            out.append(Match(entry, i, end))
        return sorted(out, key=lambda m: (m.start, -(m.end - m.start)))


@dataclass(frozen=True)
class Step:
    base: str
    forms: frozenset[str]

    def accepts(self, lower: str, lemma: str) -> bool:
        return lower in self.forms or lemma == self.base


GAP_STEP = Step(GAP, frozenset())


def _follow(steps, k, j, lowers, lemmas, puncts):  # noqa: ANN001, ANN202
    """End positions where steps[k:] match from token j."""
    if k == len(steps):
        yield j
        return
    step = steps[k]
    if step is GAP_STEP:
        for skip in range(GAP_MAX + 1):
            if skip and (j + skip - 1 >= len(lowers) or puncts[j + skip - 1]):
                break
            yield from _follow(steps, k + 1, j + skip, lowers, lemmas, puncts)
        return
    if j < len(lowers) and step.accepts(lowers[j], lemmas[j]):
        yield from _follow(steps, k + 1, j + 1, lowers, lemmas, puncts)


def surface(doc: "Doc") -> tuple[list[str], list[bool], list[str]]:
    """The Doc's lower-case forms, punctuation flags and no lemmas:
    what `triggers` follows terms over, computed once per Doc however many lexicons look at it.
    Quote marks do not end a gap: hurts her "down there"."""
    if TOKEN_ARRAY not in doc.user_data:
        array = doc.to_array([LOWER, IS_PUNCT, IS_QUOTE])
        strings = doc.vocab.strings
        puncts = (array[:, 1] * (1 - array[:, 2])).astype(bool).tolist()
        doc.user_data[TOKEN_ARRAY] = ([strings[h] for h in array[:, 0].tolist()], puncts, [""] * len(doc))
    return doc.user_data[TOKEN_ARRAY]


def _features(span: "Doc | Span") -> tuple[list[str], list[str], list[bool]]:
    """Lower-case forms, lemmas and punctuation flags of the span's tokens, computed once per
    span however many lexicons read it (a sentence is matched against a dozen)."""
    doc = span if isinstance(span, Doc) else span.doc
    key = (0, len(doc)) if doc is span else (span.start, span.end)
    cache = doc.user_data.setdefault(FEATURES, {})
    if key not in cache:
        tokens = list(span)
        cache[key] = ([t.lower_ for t in tokens], [t.lemma_.lower() for t in tokens], [t.is_punct and not t.is_quote for t in tokens])
    return cache[key]


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
