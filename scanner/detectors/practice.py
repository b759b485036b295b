"""Practice checks in case notes: promises of confidentiality and leading questions.

The policy says staff must never promise a child to keep a secret, and must record a
disclosure in the child's own words after open questions. Two findings of kind `practice`:

- `confidentiality_promise`: the writer (I/we, or a note's subjectless "Promised her…") gives
  their word ("promise", "reassure", "said", "agreed") to something secret ("between us", "I
  wouldn't tell anyone", "keep it to myself"), with no sign of doing the right thing ("could
  not", "would have to share", "I did not promise");
- `leading_question`: a recorded closed question ("Did…", "Was it…", "…didn't he?", "asked her
  whether…") that names who or what ("your dad", "hit", "touch"); open questions ("What
  happened?", "Can you tell me…?") and questions about nothing in particular ("Did you have
  breakfast?") are fine.

Sentences that talk *about* practice (training, policy: "avoid leading questions such as…")
are not records of it. The words live in `config/safeguarding.yaml` under `practice`.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import LOWER

from scanner.config_safeguarding import PracticeConfig
from scanner.detectors.base import Chunk, finding
from scanner.detectors.deep import DeepReader, Sentence
from scanner.detectors.lexicon import Entry, Inflector, Lexicon
from scanner.detectors.registry import register_detector
from scanner.types import PRACTICE, PRACTICE_TYPES, Finding

TRIGGERS = "shareguard.practice.triggers"  # Doc.user_data key: the tokens `wanted` found

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

FIRST_PERSON = frozenset({"i", "we"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "ya", "u"})
CLOSED_OPENERS = frozenset({
    "did", "didn't", "do", "does", "doesn't", "don't", "has", "hasn't", "have", "haven't", "had", "is", "isn't",
    "are", "aren't", "was", "wasn't", "were", "weren't", "will", "would", "could", "can", "should", "shall",
})
QUOTES = "\"'“”‘’"
ASKED_BEFORE = frozenset({"her", "him", "them", "me", "asked"})


@register_detector("practice")
class PracticeDetector:
    name = "practice"
    produces = frozenset(PRACTICE_TYPES)

    def __init__(self, lexicon: PracticeConfig, reader: DeepReader, nlp: "Language", inflector: Inflector,
                 **params: object) -> None:
        if params:
            raise TypeError(f"practice: unknown parameter {sorted(params)[0]!r}")
        self.config = lexicon
        self.reader = reader
        inflect = inflector

        def lex(key: str, phrases: tuple[str, ...]) -> Lexicon:
            return Lexicon(nlp, (Entry(key, p) for p in phrases), inflect)

        self.secrecy = lex("secrecy", lexicon.secrecy)
        self.proper = lex("proper", lexicon.proper)
        self.open = lex("open", lexicon.open_openers)
        self.suggestive = lex("suggestive", lexicon.suggestive)
        self.examples = lex("examples", lexicon.examples)
        self.promise = lex("promise", lexicon.promise)  # "promise", "assure", "give ... word"
        self._question_marks = numpy.array([nlp.vocab.strings.add(w) for w in ("?", "whether", "if")], dtype="uint64")

    def wanted(self, chunk: Chunk) -> list[int]:
        """The tokens whose sentences this detector reads: secrecy words and questions."""
        doc = chunk.doc
        if TRIGGERS not in doc.user_data:
            triggers = set(self.secrecy.triggers(doc))
            if len(doc):
                marks = numpy.nonzero(numpy.isin(doc.to_array([LOWER]), self._question_marks))[0].tolist()
                triggers |= {i for i in marks if doc[i].text == "?" or _reported(doc, i)}
            doc.user_data[TRIGGERS] = sorted(triggers)
        return doc.user_data[TRIGGERS]

    def detect(self, chunk: Chunk) -> list[Finding]:
        doc = chunk.doc
        triggers = self.wanted(chunk)
        if not triggers:
            return []
        out: list[Finding] = []
        for sentence in self.reader.sentences(doc, chunk.text, triggers):
            sent = sentence.span
            if self.examples.match(sent):
                continue
            promise = self._promise(sent)
            if promise:
                out.append(self._finding(chunk, sentence, promise[0], promise[1], "confidentiality_promise", promise[2]))
            for start, end, why in self._leading(sent):
                out.append(self._finding(chunk, sentence, start, end, "leading_question", why))
        return out

    # -- promises ---------------------------------------------------------------------------

    def _promise(self, sent: "Span") -> tuple[int, int, str] | None:
        """(first token, end token, why) of a promise of secrecy made by the writer, or None."""
        base = sent.start
        secrecy = [(base + m.start, base + m.end) for m in self.secrecy.match(sent)]
        if not secrecy:
            return None
        if self.proper.match(sent):
            return None
        doc = sent.doc
        lead = sent.start + _lead(sent)
        for match in self.promise.match(sent):
            t = doc[base + match.start]
            # note style drops the "I" ("Assured Iolo …"): the sentence's first word, whatever the tagger made of it
            if t.pos_ not in ("VERB", "AUX") and t.i != lead:
                continue
            subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            mine = (subject is not None and subject.lower_ in FIRST_PERSON) or (subject is None and t.i == lead) or (
                t.i == lead and t.dep_ != "ROOT")
            # "I did not promise" is no promise; in "I promised not to tell" the "not" belongs to the telling
            if not mine or any(c.dep_ == "neg" and c.i < t.i for c in t.children):
                continue
            after = [(s, e) for s, e in secrecy if s > t.i]
            if after:
                s, e = after[0]
                return t.i, e, f"'{doc[t.i:base + match.end].text}' by the writer, about '{doc[s:e].text}'"
        return None

    # -- questions --------------------------------------------------------------------------

    def _leading(self, sent: "Span") -> list[tuple[int, int, str]]:
        doc = sent.doc
        out = []
        for start, end, reported in _questions(sent):
            words = [t for t in doc[start:end] if not t.is_punct and t.text not in QUOTES]
            if not words:
                continue
            question = doc[words[0].i:end]
            if _starts_with_open(self.open, question):
                continue
            closed = reported or words[0].lower_ in CLOSED_OPENERS or _tag_question(words)
            if not closed:
                continue
            # put to the child ("did he hurt you?"); professionals asking each other about risk
            # ("Is there any risk of harm from the new partner?") are not interviewing anyone
            if not reported and not _tag_question(words) and not any(w.lower_ in SECOND_PERSON for w in words):
                continue
            hints = [m.entry.term for m in self.suggestive.match(question)]
            names = [e.text for e in question.ents if e.label_ == "PERSON"]
            if hints or names:
                out.append((words[0].i, end, f"closed question naming {', '.join(repr(h) for h in (names + hints)[:3])}"))
        return out

    def _finding(self, chunk: Chunk, sentence: Sentence, start: int, end: int, type_: str, why: str) -> Finding:
        a, b = sentence.chars(start, end)
        label = "promise of confidentiality" if type_ == "confidentiality_promise" else "leading question"
        f = finding(chunk, a, b, type_, 0.8, self.name, f"{label}: {why}", kind=PRACTICE)
        return dataclasses.replace(f, severity=self.config.severity, excerpt=chunk.text[sentence.start:sentence.end])


def _lead(sent: "Span") -> int:
    """Index (in the sentence) of its first word, past quotes, bullets and a time stamp."""
    for k, t in enumerate(sent):
        if t.is_alpha:
            return k
    return 0


def _questions(sent: "Span") -> list[tuple[int, int, bool]]:
    """Token ranges of the questions in a sentence: up to each '?', from the last opening quote,
    colon or sentence start; and 'asked her whether/if …' reported questions."""
    doc = sent.doc
    out = []
    start = sent.start
    for t in sent:
        if t.text in ("“", "‘") or (t.text in ('"', "'") and (t.i == sent.start or doc[t.i - 1].whitespace_)) or t.text == ":" \
                or (t.text in ("-", "–") and t.whitespace_ and t.i > sent.start and doc[t.i - 1].whitespace_):  # "Asked - Was it …?"
            start = t.i + 1
        elif t.text == "?":
            out.append((start, t.i + 1, False))
            start = t.i + 1
        elif t.i > sent.start and _reported(doc, t.i):
            end = next((u.i for u in doc[t.i:sent.end] if u.text in (".", ";", "?")), sent.end)
            # a reported yes/no question reads as "did …": the words after whether/if
            out.append((t.i + 1, end, True))
    return out


def _reported(doc: "Doc", i: int) -> bool:
    """Token i opens a reported yes/no question: "asked her whether…", "asked if…"."""
    return doc[i].lower_ in ("whether", "if") and i > 0 and doc[i - 1].lower_ in ASKED_BEFORE


def _starts_with_open(open_lexicon: Lexicon, question: "Span") -> bool:
    first = next((t for t in question if t.is_alpha), None)
    return any(m.start == (first.i - question.start if first is not None else 0) for m in open_lexicon.match(question))


def _tag_question(words: list) -> bool:  # noqa: ANN001
    """"…, didn't he?" / "…, wasn't it?"."""
    tail = [w.lower_ for w in words[-3:]]
    return len(tail) >= 2 and tail[-1] in ("he", "she", "it", "they", "you", "there", "we") and (tail[-2] == "n't" or tail[-2] in CLOSED_OPENERS)
