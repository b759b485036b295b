"""Polarity of a concern: hypothetical (a question, a condition, general text), negated, or affirmed."""
from __future__ import annotations

from typing import TYPE_CHECKING

from scanner.detectors.lexicon import Match
from scanner.detectors.safeguarding.actions import THREAT_VERBS, THREATENED_HARM
from scanner.detectors.safeguarding.cues import QUOTES, CueSet
from scanner.detectors.safeguarding.negation import CLAUSE_DEPS, Negation
from scanner.detectors.safeguarding.people import People, definite
from scanner.types import AFFIRMED, HYPOTHETICAL, NEGATED

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# The verbs that put a concern as the topic of a question: "I asked about self-harm".
ASKING_VERBS = frozenset({"ask", "enquire", "inquire", "question"})
SAYING = frozenset({"say", "tell", "shout", "scream", "yell", "text", "message", "write"})
# Condition words that are also relative or locative adverbs ("the flat where he hit her"): a
# condition only when they open an adverbial clause ("where neglect is suspected, use …").
ADVERBIAL_ONLY = frozenset({"where"})


class Polarity:
    """`read(sent, match, terms)` → (polarity, why); negation is left to `Negation`."""

    def __init__(self, hypothetical: CueSet, conditional: CueSet, generic: CueSet, conditional_words: set[str],
                 who: People, negation: Negation) -> None:
        self.hypothetical, self.conditional, self.generic = hypothetical, conditional, generic
        self.conditional_words, self.who, self.negation = conditional_words, who, negation

    def read(self, sent: "Span", m: Match, terms: frozenset[int] = frozenset()) -> tuple[str, str]:
        if sent.text.rstrip(" \"'”’)").endswith("?") or self._quoted_question(sent, m):
            return HYPOTHETICAL, "a question"
        if self._conditional(sent, m):
            return HYPOTHETICAL, "in a condition"
        if _conditional_consequence(sent.doc, m):
            return HYPOTHETICAL, "the consequence of a condition ('if …, … will …')"
        if _asked_about(sent.doc, m):
            return HYPOTHETICAL, "the topic of a question"
        specific = self.who.specific(sent, terms)
        if not specific:
            hyp = [t for s, e, t in self.hypothetical.spans(sent) if not (m.start <= s < m.end) and not _narrated(sent.doc[s])]
            if hyp:
                return HYPOTHETICAL, f"general text: '{hyp[0]}', no particular person"
            if _instruction(sent):
                return HYPOTHETICAL, f"an instruction: '{sent.root.text}', no particular person"
            if _general_rule(sent, m):
                return HYPOTHETICAL, "a general rule ('when …', in the present tense), no particular person"
            if _definition(sent, m):
                return HYPOTHETICAL, "a definition ('X is a …'), no particular person"
            gen = [g for g in self.generic.spans(sent) if not definite(sent.doc, g[0]) and _generic_role(sent.doc[g[1] - 1])]
            if gen:
                return HYPOTHETICAL, f"about people in general: '{gen[0][2]}'"
        why = self.negation.negated(sent, m)
        if why:
            return NEGATED, why
        return AFFIRMED, "stated as a fact" if not specific else "about a particular person"

    def _quoted_question(self, sent: "Span", m: Match) -> bool:
        """A recorded question inside a longer sentence: 'I asked "did dad hit you?"'."""
        doc = sent.doc
        opened = any(doc[i].text in QUOTES for i in range(sent.start, m.start))
        if not opened:
            return False
        for i in range(m.end, sent.end):
            if doc[i].text in QUOTES:
                return i > m.end and doc[i - 1].text == "?"
        return False

    def _conditional(self, sent: "Span", m: Match) -> bool:
        doc = sent.doc
        inside = set(range(m.start, m.end))
        for t in sent:
            if t.lower_ in self.conditional_words and t.dep_ in ("mark", "advmod") and t.i < m.end and t.i not in inside:
                clause = t.head
                if t.lower_ in ADVERBIAL_ONLY and clause.dep_ != "advcl":
                    continue
                if _threat(clause):
                    continue
                if inside & {x.i for x in clause.subtree}:
                    return True
        for s, e, _ in self.conditional.spans(sent):
            if e - s > 1 and e <= m.start and not self.negation.terminated(doc, e, m.start):
                return True
        return False


def _narrated(t: "Token") -> bool:
    """A cue verb that tells what happened ("GP identified", "NAI is suspected", "was referred to")
    rather than what should happen: not a sign of general text."""
    if t.tag_ == "VBD":
        return True
    return t.tag_ == "VBN" and any(c.dep_ in ("auxpass", "aux") for c in t.children)


def _threat(clause: "Token") -> bool:
    """"threatened to disown her if she refused the marriage": the condition is part of a threat
    that was made, which is the concern itself."""
    if any(a.lemma_.lower() in THREAT_VERBS for a in clause.ancestors):
        return True
    # a threat reported as what someone would do: "said her father would kill her if she brought
    # shame on the family", "told him he'd be thrown out if …"
    harm = clause.head
    return (clause.dep_ == "advcl" and harm.lemma_.lower() in THREATENED_HARM
            and any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'d", "'ll") for c in harm.children)
            and harm.dep_ == "ccomp" and harm.head.lemma_.lower() in SAYING)


def _instruction(sent: "Span") -> bool:
    """"Use the Graded Care Profile where neglect is suspected", "Complete a DASH if …": a sentence
    opened by a bare verb with no subject tells the reader what to do; it reports nothing."""
    root = sent.root
    if root.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        return False
    return not any(t.is_alpha for t in sent.doc[sent.start:root.i])


PRESENT = frozenset({"VBZ", "VBP"})


def _general_rule(sent: "Span", m: Match) -> bool:
    """"Schools are told when police attend a domestic abuse incident": the term sits in a 'when'
    clause and both it and the clause it qualifies are in the present tense, so it says what
    happens whenever it happens, not what happened. ("When I visited, mum was drunk" is past.)"""
    doc = sent.doc
    inside = set(range(m.start, m.end))
    for t in sent:
        if t.lower_ in ("when", "whenever") and t.dep_ in ("advmod", "mark") and t.head.dep_ == "advcl":
            clause, main = t.head, t.head.head
            if not inside & {x.i for x in clause.subtree}:
                continue
            return _present(clause) and _present(main)
    return False


def _present(verb: "Token") -> bool:
    """A present-tense verb phrase: "attend", "is told", "are required"."""
    return verb.tag_ in PRESENT or any(c.dep_ in ("aux", "auxpass") and c.tag_ in PRESENT for c in verb.children)


def _generic_role(t: "Token") -> bool:
    """Are these people in general the topic of the sentence ("children who go missing are at
    risk", "staff should")? Not when the sentence tells a past event ("staff observed sexualised
    behaviour towards younger children"), nor when they are only the agent ("made by carers")."""
    if t.dep_ == "pobj" and t.head.dep_ == "agent":
        return False
    return t.sent.root.tag_ != "VBD"


def _asked_about(doc, m: Match) -> bool:  # noqa: ANN001
    """"I asked about self-harm": a bare concern that is only the topic of a question."""
    top = next((doc[i] for i in range(m.start, m.end) if not (m.start <= doc[i].head.i < m.end)), None)
    if top is None or top.dep_ != "pobj" or top.head.lower_ != "about":
        return False
    if any(c.dep_ in ("det", "poss") for c in top.children):
        return False
    return top.head.head.lemma_.lower() in ASKING_VERBS


# Words that tie a sentence to one family or case: "a factor in the family's difficulties",
# "a feature of this case". A definition has none.
PARTICULAR = frozenset({"this", "these", "his", "her", "their", "my", "our", "its", "'s", "’s"})


def _definition(sent: "Span", m: Match) -> bool:
    """"Forced marriage is a marriage entered into without …", "Parental substance misuse is a
    common factor in serious case reviews", "Domestic abuse is any incident or pattern of
    incidents …": the concern, named in general (no article), is the subject of a present-tense
    'is' whose complement is a noun said of every case ("a …", "any …", a bare plural). Not "Domestic
    abuse is ongoing" (an adjective: a state of things) nor "… a feature of this case"."""
    root = sent.root
    if root.lemma_.lower() != "be" or root.tag_ not in PRESENT:
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    attr = next((c for c in root.children if c.dep_ == "attr"), None)
    if subject is None or attr is None or attr.pos_ not in ("NOUN", "PROPN"):
        return False
    if m.start not in {t.i for t in subject.subtree} or any(c.dep_ in ("det", "poss") for c in subject.children):
        return False
    dets = [c.lower_ for c in attr.children if c.dep_ == "det"]
    if not (dets and dets[0] in ("a", "an", "any")) and not (not dets and attr.tag_ == "NNS"):
        return False
    return not any(t.lower_ in PARTICULAR and t.dep_ in ("det", "poss", "case") for t in sent)


MODALS = frozenset({"will", "would", "could", "might", "may", "'ll", "'d", "wo", "shall"})


def _conditional_consequence(doc, m: Match) -> bool:  # noqa: ANN001
    """"If the mother resumes drinking, the children will be at risk of neglect": the term sits in
    a clause that only says what would follow from a condition (a modal verb and an 'if'/'unless'
    clause of its own). Not a threat ("he would hit her if she told"): there the clause's verb is
    the harm itself, and a harm threatened is affirmed."""
    inside = range(m.start, m.end)
    t = next((doc[i] for i in inside if not (m.start <= doc[i].head.i < m.end)), doc[m.start])
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") and (t.dep_ in CLAUSE_DEPS or t.head.i == t.i):
            break
        if t.head.i == t.i:
            return False
        t = t.head
    else:
        return False
    if t.i in inside or _threat(t):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in MODALS for c in t.children):
        return False
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
               for c in t.children)
