"""Special-category data (UK GDPR Article 9): health, ethnicity, religion, sexuality and the rest.

The words are in `config/special_category.yaml` (`SpecialCategoryConfig`). Matchers are built
once from the tokenizer; per chunk there is one `PhraseMatcher` pass by LOWER (plus one by ORTH
for abbreviations that are also everyday words) over the chunk's existing Doc, and the context of
each match is read from its neighbouring tokens. Nothing here needs tags, lemmas or a parse.

A match is not a finding when
- it is part of a longer name: "Christian Okafor", "Mental Health Trust", "Mrs White";
- a rule's context is missing or an exclusion is present ("Indian restaurant", "Labour ward");
- it is exaggeration ("so OCD"), absence ("no known allergies"), or about people in general
  ("children with autism", "Muslim pupils", "such as asthma").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from scanner.config_special import Rule, SpecialCategoryConfig
from scanner.detectors.base import Chunk, finding
from scanner.detectors.registry import register_detector
from scanner.types import SPECIAL_CATEGORY, SPECIAL_CATEGORY_TYPES, Finding

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

DETECTOR = "special_category"
TERM, LABEL, INTRO, PATTERN = "term", "label", "intro", "pattern"
_PRIORITY = {TERM: 0, PATTERN: 1, LABEL: 2, INTRO: 2}
_BOUNDARY = frozenset({".", "!", "?", ";", "|", "•"})
_LABEL_SEPARATORS = frozenset({":", "-", "–", "—", "="})
_NAME_ENTS = frozenset({"PERSON", "ORG", "FAC", "GPE", "LOC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
_VOWELS = frozenset("aeiou")
_DEFAULT_LABELS = {
    "HEALTH": "health condition or treatment", "ETHNICITY": "ethnic origin", "RELIGION": "religion or belief",
    "SEXUALITY": "sexual orientation or gender identity", "POLITICAL_OPINION": "political opinion",
    "TRADE_UNION": "trade union membership", "GENETIC": "genetic data", "BIOMETRIC": "biometric data",
}

Phrase = tuple[str, ...]  # lower-case tokens


@dataclass(frozen=True)
class _Cues:
    """Context phrases indexed by their word nearest the term, for a cheap neighbourhood check."""

    by_edge: dict[str, tuple[Phrase, ...]]
    longest: int = 0

    @classmethod
    def build(cls, phrases: Iterable[Phrase], before: bool) -> "_Cues":
        index: dict[str, set[Phrase]] = {}
        for p in phrases:
            if p:
                index.setdefault(p[-1] if before else p[0], set()).add(p)
        longest = max((len(p) for ps in index.values() for p in ps), default=0)
        return cls({k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}, longest)

    def __bool__(self) -> bool:
        return bool(self.by_edge)


@dataclass(frozen=True)
class _Entry:
    type_: str
    term: str
    kind: str
    score: float
    rule: Rule | None = None
    followed: _Cues | None = None
    preceded: _Cues | None = None
    not_followed: _Cues | None = None
    not_preceded: _Cues | None = None


@dataclass(frozen=True)
class _Candidate:
    type_: str
    start: int  # chunk characters
    end: int
    score: float
    kind: str
    explanation: str


@register_detector("special_category")
class SpecialCategoryDetector:
    name = "special_category"
    produces = frozenset(SPECIAL_CATEGORY_TYPES)

    def __init__(self, lexicon: SpecialCategoryConfig, nlp: "Language", **params: object) -> None:
        if params:
            raise ValueError(f"special_category: unknown parameter {sorted(params)[0]!r} (it takes none; "
                             f"its words are in special_category.yaml)")
        self.config = lexicon
        self._tokenize = nlp.make_doc
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._entries: dict[int, _Entry] = {}
        self._labels = {t: lex.label or _DEFAULT_LABELS[t] for t, lex in lexicon.types.items()}
        self._known: set[str] = set()  # every word of the lexicon: never the rest of a name
        self._patterns: list[tuple[str, float, re.Pattern[str]]] = []
        n = 0
        for type_, lex in lexicon.types.items():
            groups: list[tuple[str, Iterable[str], Rule | None, bool, float]] = [
                (TERM, lex.terms, None, False, lex.score),
                (TERM, lex.case_terms, None, True, lex.score),
                (LABEL, lex.labels, None, False, 0.7),
                (INTRO, lex.introducers, None, False, 0.6),
            ]
            groups += [(TERM, r.terms, r, r.match_case, r.score) for r in lex.rules]
            for kind, terms, rule, exact, score in groups:
                cues = self._rule_cues(rule) if rule else {}
                for term in terms:
                    entry = _Entry(type_, term, kind, score, rule, **cues)
                    key = f"sc{n}"
                    n += 1
                    self._entries[nlp.vocab.strings.add(key)] = entry
                    patterns = self._patterns_for(nlp, term, inflect=not exact and kind == TERM)
                    (self._exact if exact else self._lower).add(key, patterns)
            for pattern in lex.patterns:
                self._patterns.append((type_, lex.score, re.compile(pattern, re.IGNORECASE)))
        self._generic_before = _Cues.build(self._phrases(lexicon.generic_before, inflect=False), before=True)
        self._generic_after = _Cues.build(self._phrases(lexicon.generic_after, inflect=False), before=False)
        self._hyperbole = _Cues.build(self._phrases(lexicon.hyperbole, inflect=False), before=True)
        self._negation = _Cues.build(self._phrases(lexicon.negation, inflect=False), before=True)
        self._empty = [p for p in self._phrases(lexicon.empty_values, inflect=False)]
        self._stop = frozenset(w.lower() for w in lexicon.stop_words)
        self._separators = _Cues.build(self._phrases(lexicon.label_separators, inflect=False), before=False)
        self._honorifics = frozenset(w.lower().rstrip(".") for w in lexicon.honorifics)

    # -- building ------------------------------------------------------------------------------

    def _patterns_for(self, nlp: "Language", term: str, inflect: bool) -> list[Doc]:
        out: dict[Phrase, Doc] = {}
        for spelling in _spellings(term):
            words = [t.text for t in self._tokenize(spelling)]
            if not words:
                continue
            self._known.update(w.lower() for w in words)
            for variant in _inflected(words) if inflect else [tuple(words)]:
                out.setdefault(variant, Doc(nlp.vocab, words=list(variant)))
        return list(out.values())

    def _phrases(self, texts: Iterable[str], inflect: bool = True, known: bool = False) -> set[Phrase]:
        out: set[Phrase] = set()
        for text in texts:
            for spelling in _spellings(text):
                words = [t.text.lower() for t in self._tokenize(spelling)]
                if words:
                    if known:
                        self._known.update(words)
                    out |= set(_inflected(words)) if inflect else {tuple(words)}
        return out

    def _rule_cues(self, rule: Rule) -> dict[str, _Cues]:
        return {
            "followed": _Cues.build(self._phrases(rule.followed_by, known=True), before=False),
            "preceded": _Cues.build(self._phrases(rule.preceded_by, known=True), before=True),
            "not_followed": _Cues.build(self._phrases(rule.not_followed_by), before=False),
            "not_preceded": _Cues.build(self._phrases(rule.not_preceded_by), before=True),
        }

    # -- detection -----------------------------------------------------------------------------

    def detect(self, chunk: Chunk) -> Iterable[Finding]:
        doc = chunk.doc
        candidates: list[_Candidate] = []
        for matcher in (self._lower, self._exact):
            for match_id, start, end in matcher(doc):
                entry = self._entries.get(match_id)
                if entry is None:
                    continue
                candidate = self._judge(doc, entry, start, end)
                if candidate is not None:
                    candidates.append(candidate)
        for type_, score, pattern in self._patterns:
            for m in pattern.finditer(chunk.text):
                if m.end() > m.start():
                    candidates.append(_Candidate(type_, m.start(), m.end(), score, PATTERN,
                                                 f"{self._labels[type_]} named: {m.group(0)}"))
        for c in _resolve(candidates):
            yield finding(chunk, c.start, c.end, c.type_, c.score, DETECTOR, c.explanation, kind=SPECIAL_CATEGORY)

    def _judge(self, doc: Doc, entry: _Entry, start: int, end: int) -> _Candidate | None:
        if entry.kind == LABEL:
            return self._label_value(doc, entry, start, end)
        if entry.kind == INTRO:
            return self._introduced(doc, entry, start, end)
        if self._part_of_name(doc, start, end, cued=entry.rule is not None):
            return None
        if self._bare_label(doc, end):
            return None
        span_start, span_end = start, end
        rule = entry.rule
        if rule is not None:
            gap = rule.max_gap
            before = _find_before(doc, start, entry.preceded, gap) if entry.preceded else None
            after = _find_after(doc, end, entry.followed, gap) if entry.followed else None
            if (entry.preceded or entry.followed) and before is None and after is None:
                return None
            if entry.not_preceded and _find_before(doc, start, entry.not_preceded, gap) is not None:
                return None
            if entry.not_followed and _find_after(doc, end, entry.not_followed, gap) is not None:
                return None
            if rule.extend:
                span_start = before if before is not None else start
                span_end = after if after is not None else end
        if _find_before(doc, span_start, self._hyperbole, 0) is not None:
            return None
        if _find_before(doc, span_start, self._negation, 1) is not None:
            return None
        if self._generic(doc, span_start, span_end):
            return None
        text = doc[span_start:span_end].text
        return _Candidate(entry.type_, doc[span_start].idx, _char_end(doc, span_end), entry.score, TERM,
                          f"{self._labels[entry.type_]} named: {text}")

    def _bare_label(self, doc: Doc, end: int) -> bool:
        """A term used as a form field's name ("Allergies: none", "Disability or long-term condition:
        FASD"): the field's value is the data, not its name."""
        nxt = _neighbour(doc, end, +1)
        return nxt is not None and nxt.text == ":"

    def _generic(self, doc: Doc, start: int, end: int) -> bool:
        """About people in general: "children with autism", "such as asthma", "Muslim pupils"."""
        if self._generic_before and _find_before(doc, start, self._generic_before, self.config.generic_window) is not None:
            return True
        return bool(self._generic_after) and _find_after(doc, end, self._generic_after, 0) is not None

    def _part_of_name(self, doc: Doc, start: int, end: int, cued: bool) -> bool:
        """The match is a word of a longer proper name: a person, an organisation, a service, a venue."""
        nxt = _neighbour(doc, end, +1)
        if nxt is not None and self._capitalised_other(nxt) and doc[end - 1].text[:1].isupper():
            return True
        first = doc[start]
        if not first.text[:1].isupper():
            return False
        prev = _neighbour(doc, start - 1, -1)
        if prev is not None and prev.text.lower().rstrip(".") in self._honorifics:
            return True
        if prev is not None and self._capitalised_other(prev):
            inside_entity = first.ent_iob_ == "I" and first.ent_type_ in _NAME_ENTS
            if inside_entity or not _sentence_initial(doc, prev.i):
                return True
        if cued and first.ent_type_ == "PERSON" and first.text.istitle():
            ent_end = first.i + 1
            while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
                ent_end += 1
            return ent_end <= end  # the whole entity is this word: a person called "Christian"
        return False

    def _capitalised_other(self, token: "Token") -> bool:
        text = token.text
        return len(text) > 1 and text.istitle() and text.replace("'", "").replace("’", "").isalpha() \
            and text.lower() not in self._known

    def _label_value(self, doc: Doc, entry: _Entry, start: int, end: int) -> _Candidate | None:
        """"Ethnicity: White and Asian" → "White and Asian" (nothing when the value says nothing)."""
        i = end
        while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text and "\t" not in doc[i].text:
            i += 1
        if i >= len(doc):
            return None
        sep = doc[i]
        after = _find_after(doc, i, self._separators, 0)
        if after is not None:
            i = after
        elif not (sep.is_space and "\t" in sep.text and "\n" not in sep.text):
            return None
        value = _value_tokens(doc, i, self.config.max_value_words, stop=frozenset())
        if value is None or self._empty_value(doc, *value):
            return None
        v_start, v_end = value
        text = doc[v_start:v_end].text
        return _Candidate(entry.type_, doc[v_start].idx, _char_end(doc, v_end), entry.score, LABEL,
                          f"{self._labels[entry.type_]} recorded under \"{doc[start:end].text}\": {text}")

    def _introduced(self, doc: Doc, entry: _Entry, start: int, end: int) -> _Candidate | None:
        """"diagnosed with Perthes disease" → "Perthes disease"."""
        if self._generic(doc, start, end) or _find_before(doc, start, self._negation, 1) is not None:
            return None
        i = end
        while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
            i += 1
        value = _value_tokens(doc, i, self.config.max_value_words, stop=self._stop)
        if value is None or self._empty_value(doc, *value):
            return None
        v_start, v_end = value
        if not any(t.is_alpha and len(t) > 1 for t in doc[v_start:v_end]):
            return None
        text = doc[v_start:v_end].text
        return _Candidate(entry.type_, doc[v_start].idx, _char_end(doc, v_end), entry.score, INTRO,
                          f"{self._labels[entry.type_]} named after \"{doc[start:end].text}\": {text}")

    def _empty_value(self, doc: Doc, start: int, end: int) -> bool:
        words = tuple(t.lower_ for t in doc[start:end] if not t.is_space)
        return any(words[: len(p)] == p for p in self._empty)


# -- token neighbourhoods ------------------------------------------------------------------------


def _is_boundary(token: "Token") -> bool:
    return token.text in _BOUNDARY or ("\n" in token.text and token.is_space)


def _neighbour(doc: Doc, i: int, step: int) -> "Token | None":
    """The nearest non-space token from index i in direction `step`, within the same line."""
    while 0 <= i < len(doc):
        token = doc[i]
        if not token.is_space:
            return token
        if "\n" in token.text or "\t" in token.text:
            return None
        i += step
    return None


def _sentence_initial(doc: Doc, i: int) -> bool:
    prev = _neighbour(doc, i - 1, -1)
    return prev is None or _is_boundary(prev) or prev.text in _LABEL_SEPARATORS or prev.text in {"(", '"', "“", "'", ","}


def _words_before(doc: Doc, i: int, n: int) -> list["Token"]:
    """Up to n tokens before index i, nearest first, stopping at a sentence or line boundary."""
    out: list[Token] = []
    j = i - 1
    while j >= 0 and len(out) < n:
        token = doc[j]
        if _is_boundary(token):
            break
        if not token.is_space:
            out.append(token)
        j -= 1
    return out


def _words_after(doc: Doc, i: int, n: int) -> list["Token"]:
    out: list[Token] = []
    j = i
    while j < len(doc) and len(out) < n:
        token = doc[j]
        if _is_boundary(token):
            break
        if not token.is_space:
            out.append(token)
        j += 1
    return out


def _find_before(doc: Doc, start: int, cues: _Cues | None, max_gap: int) -> int | None:
    """Token index where a cue phrase starts, ending at most `max_gap` words before `start`."""
    if not cues:
        return None
    words = _words_before(doc, start, max_gap + cues.longest)
    lowers = [t.lower_ for t in words]
    for gap in range(min(max_gap + 1, len(words))):
        for phrase in cues.by_edge.get(lowers[gap], ()):
            k = len(phrase)
            if gap + k <= len(words) and all(lowers[gap + j] == phrase[k - 1 - j] for j in range(k)):
                return words[gap + k - 1].i
    return None


def _find_after(doc: Doc, end: int, cues: _Cues | None, max_gap: int) -> int | None:
    """Token index just past a cue phrase starting at most `max_gap` words after `end`."""
    if not cues:
        return None
    words = _words_after(doc, end, max_gap + cues.longest)
    lowers = [t.lower_ for t in words]
    for gap in range(min(max_gap + 1, len(words))):
        for phrase in cues.by_edge.get(lowers[gap], ()):
            k = len(phrase)
            if gap + k <= len(words) and all(lowers[gap + j] == phrase[j] for j in range(k)):
                return words[gap + k - 1].i + 1
    return None


def _value_tokens(doc: Doc, i: int, max_words: int, stop: frozenset[str]) -> tuple[int, int] | None:
    """The words of a field value or a named thing from token i: to the end of the line, a comma,
    a stop word, the next "Label:", or `max_words` words."""
    start = end = None
    words = 0
    j = i
    while j < len(doc) and words < max_words:
        token = doc[j]
        if _is_boundary(token) or token.text in {",", "(", ")", ":", "\t"} or ("\t" in token.text):
            break
        if token.is_space:
            j += 1
            continue
        if token.lower_ in stop and start is not None:
            break
        if token.lower_ in stop:
            return None
        if j + 1 < len(doc) and doc[j + 1].text == ":" and start is not None:
            break  # the next field's label
        start = j if start is None else start
        end = j + 1
        words += 1
        j += 1
    return (start, end) if start is not None else None


def _char_end(doc: Doc, token_end: int) -> int:
    last = doc[token_end - 1]
    return last.idx + len(last.text)


def _resolve(candidates: list[_Candidate]) -> Iterator[_Candidate]:
    """One finding per thing: terms before field values, longer before shorter; a shorter match
    inside a longer one of another type gives way ("sickle cell" inside "sickle cell trait")."""
    accepted: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (_PRIORITY[c.kind], -(c.end - c.start), c.start)):
        clash = False
        for a in accepted:
            if c.end <= a.start or a.end <= c.start:
                continue
            if a.type_ == c.type_ or (a.start <= c.start and c.end <= a.end):
                clash = True
                break
        if not clash:
            accepted.append(c)
    return iter(sorted(accepted, key=lambda c: (c.start, c.end)))


# -- spellings and inflections -------------------------------------------------------------------


def _spellings(term: str) -> list[str]:
    """A term as people write it: hyphenated, spaced or joined; straight or curly apostrophe."""
    out = [term]
    if term.count(" ") == 1 and term.replace(" ", "").isalpha():
        out.append(term.replace(" ", "-"))  # "palm vein" → "palm-vein"
    if "-" in term:
        out += [term.replace("-", " "), term.replace("-", "")]
    for s in list(out):
        if "'" in s:
            out += [s.replace("'", "’"), s.replace("'", "")]
        elif "’" in s:
            out += [s.replace("’", "'"), s.replace("’", "")]
    return list(dict.fromkeys(o for o in out if o.strip()))


def _forms(word: str) -> set[str]:
    """Regular English inflections: plural, third person, past, -ing ("allergy" → "allergies")."""
    w = word
    out = {w}
    if not w.isalpha() or len(w) < 3 or w.isupper():
        return out
    lw = w.lower()
    if lw.endswith(("s", "x", "z", "ch", "sh")):
        out.add(w + "es")
    elif lw.endswith("y") and lw[-2] not in _VOWELS:
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    else:
        out.add(w + "s")
    if lw.endswith("e"):
        out |= {w + "d", w[:-1] + "ing"}
    elif not lw.endswith("y") or lw[-2] in _VOWELS:
        out |= {w + "ed", w + "ing"}
    return out


def _inflected(words: list[str]) -> list[Phrase]:
    """Forms of the first and last word of a phrase ("attend mosque" → "attends mosque",
    "nut allergy" → "nut allergies")."""
    if len(words) == 1:
        return [(f,) for f in _forms(words[0])]
    firsts, lasts = _forms(words[0]), _forms(words[-1])
    middle = tuple(words[1:-1])
    return [(f, *middle, l) for f in firsts for l in lasts]
