"""Safeguarding concerns in 13 categories, each affirmed, negated or hypothetical.

The words live in `config/safeguarding.yaml` (a DSL edits them); this module reads a sentence
the way a DSL would:

- a **term** ("bruising", "went missing", "county lines") is a concern wherever it is used;
  an **action** ("hit", "kick", "scared") only when done to a person or someone's body, read
  from the dependency parse ("hits her", "was kicked", "punched him in the face", "scared of
  her stepdad"; not "kicked the ball", not "hurt her ankle" said of herself);
- an **everyday** phrase around the match drops it ("killing time", "cut out shapes");
- **polarity**: *hypothetical* when the sentence is a question, when the term sits in a clause
  opened by "if"/"unless", or when policy or training cues ("signs of", "should", "such as")
  or people in general ("staff", "children") come with no particular person; *negated* when a
  negation governs the term in the parse ("no marks seen", "denied any self-harm", "has never
  hit her") or a negation phrase sits next to it ("no evidence of", "ruled out"); else
  *affirmed* — a disclosure, an observation or a concern;
- **confidence** rises with a disclosure cue ("told me", "disclosed", "said that", "noted")
  and with a particular person in the sentence.

The parse comes from `DeepReader`, which runs the parser only on sentences with a trigger word.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from scanner.config_safeguarding import SafeguardingConfig
from scanner.detectors.base import Chunk, finding
from scanner.detectors.deep import DeepReader, Sentence
from scanner.detectors.lexicon import Entry, Inflector, Lexicon, Match
from scanner.detectors.registry import register_detector
from scanner.types import AFFIRMED, HYPOTHETICAL, NEGATED, SAFEGUARDING, SAFEGUARDING_CATEGORIES, Finding

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span, Token

# Pronouns that point at a particular person (the writer "I" included: "I saw bruising").
SPECIFIC_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself", "i", "me", "my", "myself"})
REFLEXIVE = frozenset({"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"})
PERSON_PRONOUNS = frozenset({"me", "him", "her", "them", "us", "you", "he", "she", "they", "i", "we"}) - REFLEXIVE
# Possessive → subject pronoun of the same person: "she hurt her ankle" is about herself.
SAME_PERSON = {"my": "i", "his": "he", "her": "she", "their": "they", "your": "you", "our": "we"}
VICTIM_DEPS = frozenset({"dobj", "nsubjpass", "dative", "iobj", "obj", "oprd"})
VICTIM_PREPS = frozenset({"at", "on", "to", "against", "into", "of", "towards", "toward", "upon"})
CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "xcomp", "conj", "parataxis", "acl", "csubj", "ROOT"})
NEGATING_VERBS = frozenset({"deny", "refute", "dispute", "rule"})
ORDER = {AFFIRMED: 0, NEGATED: 1, HYPOTHETICAL: 2}
WINDOW = 4  # tokens between a negation phrase and the term
TRIGGERS = "shareguard.safeguarding.triggers"  # Doc.user_data key: the tokens `wanted` found


@dataclass(frozen=True)
class Reading:
    category: str
    match: Match
    polarity: str
    why: str


class CueSet:
    """One lexicon of cue phrases, matched per sentence."""

    def __init__(self, nlp: "Language", phrases: Iterable[str], inflector: Inflector, key: str) -> None:
        self.lexicon = Lexicon(nlp, (Entry(key, p) for p in phrases), inflector)

    def spans(self, sent: "Span") -> list[tuple[int, int, str]]:
        """(start, end, text) token spans in the sentence's Doc."""
        base = sent.start
        return [(base + m.start, base + m.end, m.entry.term) for m in self.lexicon.match(sent)]


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
        self.everyday = CueSet(nlp, lexicon.everyday, inflect, "everyday")
        cues = lexicon.cues
        self.disclosure = CueSet(nlp, cues.disclosure, inflect, "disclosure")
        self.negation = CueSet(nlp, cues.negation, inflect, "negation")
        self.negation_after = CueSet(nlp, cues.negation_after, inflect, "negation_after")
        self.hypothetical = CueSet(nlp, cues.hypothetical, inflect, "hypothetical")
        self.conditional = CueSet(nlp, cues.conditional, inflect, "conditional")
        self.generic = CueSet(nlp, cues.generic_people, inflect, "generic")
        self.terminators = _forms(inflect, cues.terminators)
        self.conditional_words = {c.lower() for c in cues.conditional if " " not in c}
        self.people = _forms(inflect, lexicon.people)
        self.body_parts = _forms(inflect, lexicon.body_parts)
        self.kin_names = {p.lower() for p in lexicon.people}
        self.labels = {name: c.label for name, c in cats.items()}

    # -- the pass over a chunk -------------------------------------------------------------

    def wanted(self, chunk: Chunk) -> list[int]:
        """The tokens whose sentences this detector reads (terms and actions written there)."""
        cache = chunk.doc.user_data
        if TRIGGERS not in cache:
            cache[TRIGGERS] = sorted(set(self.terms.triggers(chunk.doc)) | set(self.actions.triggers(chunk.doc)))
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
        specific = self._specific(sent)
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
            category = self._action_category(sent.doc[base + m.start], m.entry.term)
            if category:
                severity = self.action_categories[m.entry.term][category]
                matches.append(Match(Entry(category, m.entry.term, severity), base + m.start, base + m.end))
        if not matches:
            return []
        everyday = self.everyday.spans(sent)
        matches = [m for m in matches if not any(s <= m.start and m.end <= e for s, e, _ in everyday)
                   and not any(s <= m.start < e for s, e, _ in everyday if e - s > m.end - m.start)]
        matches = _longest(matches)
        out = []
        for m in matches:
            polarity, why = self.polarity(sent, m)
            out.append(Reading(m.entry.key, m, polarity, why))
        return out

    def _action_category(self, verb: "Token", term: str) -> str | None:
        """The category of an action done to a person, or None (done to a thing, or to oneself)."""
        if verb.pos_ not in ("VERB", "ADJ", "NOUN"):
            return None
        victims = self._victims(verb)
        if not victims:
            return None
        candidates = list(self.action_categories[term])
        for name in candidates:
            if name in self.victims and any(v.lower_ in self.victims[name] for v in victims):
                return name
        plain = [name for name in candidates if name not in self.victims]
        return plain[0] if plain else None

    def _victims(self, verb: "Token") -> list["Token"]:
        args: list[Token] = []
        heads = [verb] + [c for c in verb.children if c.dep_ == "conj"]
        if verb.dep_ == "conj":
            heads.append(verb.head)
        for head in heads:
            for child in head.children:
                if child.dep_ in VICTIM_DEPS:
                    args.append(child)
                elif child.dep_ == "prep" and child.lower_ in VICTIM_PREPS:
                    args.extend(c for c in child.children if c.dep_ == "pobj")
                elif child.dep_ == "agent":  # "being kicked by his uncle": a person did it to someone
                    args.extend(c for c in child.children if c.dep_ == "pobj" and self._person(c))
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        out = []
        for arg in args:
            # "her stepdad" → the noun; "the baby's arm" → the arm, possessed by the baby
            if self._person(arg):
                out.append(arg)
            elif arg.lower_ in self.body_parts and not _own_body(arg, subject):
                out.append(arg)
        return out

    def _person(self, t: "Token") -> bool:
        if t.lower_ in REFLEXIVE:
            return False
        return (t.lower_ in PERSON_PRONOUNS or t.ent_type_ == "PERSON" or t.lower_ in self.people
                or t.lemma_.lower() in self.people)

    def _specific(self, sent: "Span") -> bool:
        """Does the sentence point at a particular person (a name, he/she, "Mum", "Child Q")?"""
        for t in sent:
            if t.ent_type_ == "PERSON" or t.lower_ in SPECIFIC_PRONOUNS:
                return True
            if _name_like(t):
                return True
            if t.i > sent.start and t.is_title and t.lower_ in self.kin_names:
                return True
            if t.lower_ == "child" and t.i + 1 < sent.end and len(sent.doc[t.i + 1].text) == 1 and sent.doc[t.i + 1].is_upper:
                return True
        return False

    def polarity(self, sent: "Span", m: Match) -> tuple[str, str]:
        if sent.text.rstrip(" \"'”’)").endswith("?"):
            return HYPOTHETICAL, "a question"
        if self._conditional(sent, m):
            return HYPOTHETICAL, "in a condition"
        specific = self._specific(sent)
        if not specific:
            hyp = [t for s, e, t in self.hypothetical.spans(sent) if not (m.start <= s < m.end)]
            if hyp:
                return HYPOTHETICAL, f"general text: '{hyp[0]}', no particular person"
            gen = [g for g in self.generic.spans(sent) if not _definite(sent.doc, g[0])]
            if gen:
                return HYPOTHETICAL, f"about people in general: '{gen[0][2]}'"
        why = self._negated(sent, m)
        if why:
            return NEGATED, why
        return AFFIRMED, "stated as a fact" if not specific else "about a particular person"

    def _conditional(self, sent: "Span", m: Match) -> bool:
        doc = sent.doc
        inside = set(range(m.start, m.end))
        for t in sent:
            if t.lower_ in self.conditional_words and t.dep_ in ("mark", "advmod") and t.i < m.end:
                clause = t.head
                if inside & {x.i for x in clause.subtree}:
                    return True
        for s, e, _ in self.conditional.spans(sent):
            if e - s > 1 and e <= m.start and not self._terminated(doc, e, m.start):
                return True
        return False

    def _negated(self, sent: "Span", m: Match) -> str | None:
        doc = sent.doc
        inside = range(m.start, m.end)
        root = next((doc[i] for i in inside if not (m.start <= doc[i].head.i < m.end) or doc[i].head.i == i), doc[m.start])
        t, seen = root, 0
        while seen < 12:
            seen += 1
            for child in t.children:
                if child.i in inside:
                    continue
                if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "nil")):
                    return f"negated by '{child.text}'"
                if child.dep_ == "prep" and child.lower_ == "without" and t is not root:
                    return "negated by 'without'"
            if t is not root and t.lemma_.lower() in NEGATING_VERBS:
                return f"negated by '{t.text}'"
            if t.head.i == t.i:
                break
            if t.dep_ in CLAUSE_DEPS and t.pos_ in ("VERB", "AUX"):
                head = t.head
                if t.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in NEGATING_VERBS:
                    return f"negated by '{head.text}'"
                if t is not root or t.dep_ not in ("xcomp",):
                    break
            if t.head.dep_ == "prep" and t.head.lower_ == "without":
                return "negated by 'without'"
            t = t.head
        for s, e, text in self.negation.spans(sent):
            if e - s > 1 and e <= m.start and m.start - e <= WINDOW and not self._terminated(doc, e, m.start):
                return f"negated by '{text}'"
        for s, e, text in self.negation_after.spans(sent):
            if s >= m.end and s - m.end <= WINDOW and not self._terminated(doc, m.end, s):
                return f"negated by '{text}'"
        return None

    def _terminated(self, doc, start: int, end: int) -> bool:  # noqa: ANN001
        return any(doc[i].lower_ in self.terminators or doc[i].text in (",", ";", ":", "(", ")") for i in range(start, end))


DEFINITE = frozenset({"the", "these", "those", "both", "her", "his", "their", "my", "our", "your", "'s", "’s", "two", "three", "four"})


def _definite(doc, i: int) -> bool:  # noqa: ANN001
    """"the children", "her brothers": particular people, not people in general."""
    return i > 0 and doc[i - 1].lower_ in DEFINITE


NOT_NAMES = frozenset({"ORG", "LAW", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART", "NORP", "PRODUCT", "LANGUAGE", "DATE", "TIME"})


def _name_like(t: "Token") -> bool:
    """A proper noun that may be someone's name: not part of an organisation, law or place, not in
    a run of capitalised words ("Designated Safeguarding Lead"), not an acronym."""
    if t.pos_ != "PROPN" or not t.is_title or len(t) < 2 or t.ent_type_ in NOT_NAMES:
        return False
    doc = t.doc
    run = 1 + sum(1 for k in (t.i - 2, t.i - 1, t.i + 1, t.i + 2) if 0 <= k < len(doc) and doc[k].is_title and abs(k - t.i) == 1)
    return run <= 2


def _own_body(part: "Token", subject: "Token | None") -> bool:
    """"she hurt her ankle": the possessor is the subject, so it is not harm done to another."""
    poss = next((c for c in part.children if c.dep_ == "poss"), None)
    if poss is None or subject is None:
        return False
    return SAME_PERSON.get(poss.lower_) == subject.lower_ or (poss.ent_type_ == "PERSON" and poss.text == subject.text)


def _longest(matches: list[Match]) -> list[Match]:
    """Of matches of the same category that overlap, keep the longest."""
    out: list[Match] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(o.entry.key == m.entry.key and o.start < m.end and m.start < o.end for o in out):
            out.append(m)
    return sorted(out, key=lambda m: m.start)


def _forms(inflect: Inflector, words: Iterable[str]) -> frozenset[str]:
    return frozenset(f for w in words for f in inflect.forms(w))
