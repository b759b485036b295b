"""Safeguarding concerns in 13 categories, each affirmed, negated or hypothetical.

The words live in `config/safeguarding.yaml` (a DSL edits them); this module reads a sentence
the way a DSL would:

- a **term** ("bruising", "went missing", "county lines") is a concern wherever it is used;
  an **action** ("hit", "kick", "scared") only when done to a person or someone's body, read
  from the dependency parse ("hits her", "was kicked", "punched him in the face", "scared of
  her stepdad"; not "kicked the ball", not "hurt her ankle" said of herself);
- an **everyday** phrase around the match drops it ("killing time", "cut out shapes");
- **polarity**: *hypothetical* when the sentence is a question (or quotes one), when the term
  sits in a clause opened by "if"/"unless"/"whether" (not a threat's own condition), when it is
  only the topic of a question ("asked about self-harm"), or, with no particular person in the
  sentence, when policy or training cues ("signs of", "should", "such as"), an instruction ("Use
  the Graded Care Profile …") or people in general ("staff", "children") come with it;
  *negated* when a negation governs the term in the parse ("no marks seen", "denied any
  self-harm", "never asked to send nudes", "nobody has touched her", "no evidence that she was
  hit", "the CP medical found no evidence of …"), a negation phrase sits next to it ("ruled
  out"), or a report of it was disproved ("allegations … found to be unfounded"); else
  *affirmed* — a disclosure, an observation or a concern;
- **confidence** rises with a disclosure cue ("told me", "disclosed", "said that", "noted")
  and with a particular person in the sentence.

The parse comes from `DeepReader`, which runs the parser only on sentences with a trigger word.
This module is the pass itself; the package's other modules each read one thing: `cues` (cue
phrases), `people` (who a sentence is about), `actions` (action → victim), `indicators`
(concerns defined by grammar), `polarity` and `negation`.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from scanner.config_safeguarding import SafeguardingConfig
from scanner.detectors.base import Chunk, finding
from scanner.detectors.deep import DeepReader, Sentence
from scanner.detectors.lexicon import Entry, Inflector, Lexicon, Match, english_words
from scanner.detectors.registry import register_detector
from scanner.detectors.safeguarding.actions import ActionReader
from scanner.detectors.safeguarding.cues import Cues, CueSet
from scanner.detectors.safeguarding.indicators import PHYSICAL, Indicators, indicator_triggers
from scanner.detectors.safeguarding.negation import Negation
from scanner.detectors.safeguarding.people import People
from scanner.detectors.safeguarding.polarity import Polarity
from scanner.types import AFFIRMED, HYPOTHETICAL, NEGATED, SAFEGUARDING, SAFEGUARDING_CATEGORIES, Finding

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

ORDER = {AFFIRMED: 0, NEGATED: 1, HYPOTHETICAL: 2}
TRIGGERS = "shareguard.safeguarding.triggers"  # Doc.user_data key: the tokens `wanted` found


@dataclass(frozen=True)
class Reading:
    category: str
    match: Match
    polarity: str
    why: str


@register_detector("safeguarding")
class SafeguardingDetector:
    name = "safeguarding"
    produces = frozenset(SAFEGUARDING_CATEGORIES)

    def __init__(self, lexicon: SafeguardingConfig, reader: DeepReader, nlp: "Language", inflector: Inflector,
                 **params: object) -> None:
        if params:
            raise TypeError(f"safeguarding: unknown parameter {sorted(params)[0]!r}")
        self.config = lexicon
        self.reader = reader
        inflect = inflector
        cats = lexicon.categories
        self.terms = Lexicon(nlp, (Entry(name, t, sev) for name, c in cats.items() for t, sev in c.entries("terms")), inflect)
        # an action (one verb, however many categories list it) → {category: severity}
        self.action_categories: dict[str, dict[str, str]] = {}
        for name, c in cats.items():
            for term, severity in c.entries("actions"):
                self.action_categories.setdefault(term, {})[name] = severity
        self.actions = Lexicon(nlp, (Entry("action", t) for t in self.action_categories), inflect)
        self.victims = {name: _forms(inflect, c.victims) for name, c in cats.items() if c.victims}
        cues = lexicon.cues
        book = Cues(nlp, {"everyday": lexicon.everyday, "disclosure": cues.disclosure, "negation": cues.negation,
                          "negation_after": cues.negation_after, "disproved": cues.disproved,
                          "hypothetical": cues.hypothetical, "conditional": cues.conditional,
                          "generic": cues.generic_people}, inflect)
        self.everyday, self.disclosure = CueSet(book, "everyday"), CueSet(book, "disclosure")
        self.labels = {name: c.label for name, c in cats.items()}
        # the readers, each given the words it needs
        body_parts = _forms(inflect, lexicon.body_parts)
        kin_names = {p.lower() for p in lexicon.people}
        injury_terms = frozenset(t for t, _ in cats[PHYSICAL].entries("terms")) if PHYSICAL in cats else frozenset()
        self.who = People(_forms(inflect, lexicon.people), kin_names, english_words(nlp))
        self.action_reader = ActionReader(self.action_categories, self.victims, body_parts, kin_names, self.who)
        self.indicators = Indicators(self.labels, self.victims, injury_terms, body_parts, self.who)
        negation = Negation(CueSet(book, "negation"), CueSet(book, "negation_after"), CueSet(book, "disproved"),
                            _forms(inflect, cues.terminators))
        self.polarity = Polarity(CueSet(book, "hypothetical"), CueSet(book, "conditional"), CueSet(book, "generic"),
                                 {c.lower() for c in cues.conditional if " " not in c}, self.who, negation)

    # -- the pass over a chunk -------------------------------------------------------------

    def wanted(self, chunk: Chunk) -> list[int]:
        """The tokens whose sentences this detector reads (terms and actions written there)."""
        cache = chunk.doc.user_data
        if TRIGGERS not in cache:
            cache[TRIGGERS] = sorted(set(self.terms.triggers(chunk.doc)) | set(self.actions.triggers(chunk.doc))
                                     | set(indicator_triggers(chunk.doc)))
        return cache[TRIGGERS]

    def detect(self, chunk: Chunk) -> list[Finding]:
        triggers = self.wanted(chunk)
        if not triggers:
            return []
        out: list[Finding] = []
        for sentence in self.reader.sentences(chunk.doc, chunk.text, triggers):
            out.extend(self._read_sentence(chunk, sentence))
        return out

    def _read_sentence(self, chunk: Chunk, sentence: Sentence) -> list[Finding]:
        sent = sentence.span
        readings = self.readings(sent)
        if not readings:
            return []
        best: dict[str, Reading] = {}
        for r in readings:
            if r.category not in best or ORDER[r.polarity] < ORDER[best[r.category].polarity]:
                best[r.category] = r
        disclosure = self.disclosure.spans(sent)
        specific = self.who.specific(sent, _term_tokens(r.match for r in readings))
        about = tuple(dict.fromkeys(e.text for e in sent.ents if e.label_ == "PERSON"))
        excerpt = chunk.text[sentence.start:sentence.end]
        score = min(0.6 + (0.15 if disclosure else 0) + (0.1 if specific else 0), 0.95)
        out = []
        for category, r in best.items():
            start, end = sentence.chars(r.match.start, r.match.end)
            terms = sorted({chunk.text[slice(*sentence.chars(m.match.start, m.match.end))]
                            for m in readings if m.category == category})
            cue = f"; cue '{disclosure[0][2]}'" if disclosure and r.polarity == AFFIRMED else ""
            explanation = f"{self.labels.get(category, category)}: {', '.join(repr(t) for t in terms)} — {r.polarity} ({r.why}){cue}"
            f = finding(chunk, start, end, category, score, self.name, explanation, kind=SAFEGUARDING)
            out.append(dataclasses.replace(f, polarity=r.polarity, severity=r.match.entry.severity, excerpt=excerpt,
                                           about=about))
        return out

    # -- reading one sentence ---------------------------------------------------------------

    def readings(self, sent: "Span") -> list[Reading]:
        """Every concern the sentence carries, with its polarity."""
        base = sent.start
        matches = [Match(m.entry, base + m.start, base + m.end) for m in self.terms.match(sent)]
        for m in self.actions.match(sent):
            category = self.action_reader.category(sent.doc[base + m.start], m.entry.term)
            if category:
                severity = self.action_categories[m.entry.term][category]
                matches.append(Match(Entry(category, m.entry.term, severity), base + m.start, base + m.end))
        matches += self.indicators.age_gap(sent)
        matches += self.indicators.be_cut(sent)
        matches += self.indicators.child_marriage(sent)
        matches += self.indicators.someones_violence(sent)
        if not matches:
            return []
        matches += self.indicators.partner_injury(sent, matches)
        everyday = self.everyday.spans(sent)
        matches = [m for m in matches if not any(s <= m.start and m.end <= e for s, e, _ in everyday)
                   and not any(s <= m.start < e for s, e, _ in everyday if e - s > m.end - m.start)]
        matches = [m for m in _longest(matches) if not _names_practice(sent.doc, m)]
        terms = _term_tokens(matches)
        out = []
        for m in matches:
            polarity, why = self.polarity.read(sent, m, terms)
            out.append(Reading(m.entry.key, m, polarity, why))
        return out


def _term_tokens(matches: Iterable[Match]) -> frozenset[int]:
    return frozenset(i for m in matches for i in range(m.start, m.end))


def _longest(matches: list[Match]) -> list[Match]:
    """Of matches of the same category that overlap, keep the longest; a match inside a longer
    one of another category is part of that one ("hurts" in "hurts her down there")."""
    out: list[Match] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if not any((o.entry.key == m.entry.key and o.start < m.end and m.start < o.end)
                   or (o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start) for o in out):
            out.append(m)
    return sorted(out, key=lambda m: m.start)


def _forms(inflect: Inflector, words: Iterable[str]) -> frozenset[str]:
    return frozenset(f for w in words for f in inflect.forms(w))


# Things an organisation has about a concern: "the neglect strategy", "our cannabis policy", "the
# CSE toolkit", "domestic abuse training". The concern word only names what they are about.
PRACTICE_NOUNS = frozenset({"strategy", "policy", "procedure", "protocol", "training", "toolkit", "pathway", "guidance",
                            "course", "module", "awareness", "framework", "workshop", "conference", "campaign",
                            "leaflet", "poster", "lead", "champion", "subgroup", "e-learning", "curriculum",
                            "lesson", "audit", "newsletter", "briefing", "webinar", "charter", "strategies",
                            "policies", "procedures", "protocols"})


def _names_practice(doc, m: Match) -> bool:  # noqa: ANN001
    """Is the term only the modifier of such a thing ("reviews its neglect strategy")?"""
    top = next((doc[i] for i in range(m.start, m.end) if not (m.start <= doc[i].head.i < m.end)), None)
    if top is None or top.dep_ not in ("compound", "amod", "nmod"):
        return False
    return top.head.lower_ in PRACTICE_NOUNS or top.head.lemma_.lower() in PRACTICE_NOUNS
