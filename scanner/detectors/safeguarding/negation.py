"""Negation and disproof: whether a concern in a sentence is denied, through the parse, by a phrase
next to it, or by a report of it found unfounded."""
from __future__ import annotations

from typing import TYPE_CHECKING

from scanner.detectors.lexicon import Match
from scanner.detectors.safeguarding.cues import CueSet

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "xcomp", "conj", "parataxis", "acl", "csubj", "ROOT"})
NEGATING_VERBS = frozenset({"deny", "refute", "dispute", "rule", "reject", "dismiss"})
# A court's or a practitioner's judgement: negated, it denies the clause it governs ("I am not
# satisfied that M was abused", "I do not find that F hit A", "the evidence does not establish …").
JUDGING = frozenset({"find", "satisfied", "satisfy", "persuade", "persuaded", "establish", "prove", "accept",
                     "conclude", "believe", "think", "consider", "show", "demonstrate", "sure",
                     # and a witness's perception: "she had never seen the father hit the children"
                     "see", "witness", "hear", "notice", "observe"})
# Findings sought or reports made that a party gives up: "the local authority no longer seeks a
# finding that …", "does not pursue the allegation that …", "withdrew the allegation that …".
ABANDONING = frozenset({"withdraw", "reject", "dismiss", "drop", "abandon", "retract"})
# Nouns whose content a "no" denies: "no evidence that she was hit", "found no signs of neglect".
EVIDENCE_NOUNS = frozenset({"evidence", "sign", "indication", "suggestion", "concern", "report", "record", "history",
                            "indicator", "information", "disclosure", "mention", "reason", "trace", "incident", "episode"})
# Verbs between such a noun and its content: "no evidence to suggest that …", "nothing to indicate …".
EVIDENTIAL_VERBS = frozenset({"suggest", "indicate", "show", "support", "say", "confirm"})
# Words that deny a whole noun phrase: "nobody has touched her", "neither parent uses drugs".
NEGATIVE_WORDS = frozenset({"no", "nobody", "noone", "no-one", "none", "nothing", "neither", "nor"})
# A report that can be disproved: "allegations that dad hit Leo were found to be unfounded".
REPORT_NOUNS = frozenset({"allegation", "claim", "report", "concern", "referral", "disclosure", "suggestion", "accusation"})
# What a party can seek, pursue or give up in proceedings: "a finding that …", "her account that …".
SOUGHT_NOUNS = REPORT_NOUNS | {"finding", "account", "case", "assertion", "contention"}
WINDOW = 4  # tokens between a negation phrase and the term


class Negation:
    """Reads negation with the configured negation phrases, disproof phrases and clause terminators."""

    def __init__(self, negation: CueSet, negation_after: CueSet, disproved: CueSet, terminators: frozenset[str]) -> None:
        self.negation, self.negation_after, self.disproved = negation, negation_after, disproved
        self.terminators = terminators

    def negated(self, sent: "Span", m: Match) -> str | None:
        """Negation read from the parse first, then negation phrases next to the term, then a
        report of the concern that was disproved."""
        doc = sent.doc
        if _presupposed(doc, m):
            return None
        why = self._negated_in_parse(doc, m)
        if why:
            return why
        for s, e, text in self.negation.spans(sent):
            if e - s > 1 and e <= m.start and m.start - e <= WINDOW and not self.terminated(doc, e, m.start):
                return f"negated by '{text}'"
        for s, e, text in self.negation_after.spans(sent):
            if s >= m.end and s - m.end <= WINDOW and not self.terminated(doc, m.end, s):
                return f"negated by '{text}'"
        return self._disproved(sent, m)

    def _negated_in_parse(self, doc, m: Match) -> str | None:  # noqa: ANN001
        """Walk up from the term through its clause: a negation on the way governs it. The walk
        goes on through open complements and "or" lists ("never asked to carry or sell drugs")
        and stops at any other clause, whose negation is its own ("she said he never came, but
        dad hits her")."""
        inside = range(m.start, m.end)
        root = next((doc[i] for i in inside if not (m.start <= doc[i].head.i < m.end) or doc[i].head.i == i), doc[m.start])
        t, below = root, None
        for _ in range(12):
            why = _negation_at(t, below, inside, t is root)
            if why:
                return why
            if t.head.i == t.i:
                return None
            if t.dep_ in CLAUSE_DEPS and t.pos_ in ("VERB", "AUX"):
                head = t.head
                if t.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in NEGATING_VERBS:
                    return f"negated by '{head.text}'"
                if t.dep_ == "ccomp" and _negated_judgement(head):
                    return f"negated by 'not {head.text}'"
                if not _shares_negation(t):
                    return _denied_content(t)
            if t.head.dep_ == "prep" and t.head.lower_ == "without":
                return "negated by 'without'"
            t, below = t.head, t
        return None

    def _disproved(self, sent: "Span", m: Match) -> str | None:
        """"Allegations that dad hit Leo were investigated and found to be unfounded": the term is
        the content of a report whose own clause says it was disproved."""
        doc = sent.doc
        report = next((a for a in doc[m.start].ancestors if a.lemma_.lower() in REPORT_NOUNS and a.dep_ in ("nsubj", "nsubjpass")), None)
        if report is None:
            return None
        verb = report.head
        claim = {t.i for t in report.subtree}
        scope = {t.i for t in verb.subtree} - claim
        for s, e, text in self.disproved.spans(sent):
            if s in scope:
                return f"disproved: '{text}'"
        return None

    def terminated(self, doc, start: int, end: int) -> bool:  # noqa: ANN001
        return any(doc[i].lower_ in self.terminators or doc[i].text in (",", ";", ":", "(", ")") for i in range(start, end))


def _negated_judgement(head: "Token") -> bool:
    """"I am not satisfied that …", "I do not find that …", "the evidence does not establish that …"."""
    if head.lemma_.lower() not in JUDGING and head.lower_ not in JUDGING:
        return False
    if any(c.dep_ == "neg" for c in head.children):
        return True
    return head.dep_ in ("acomp", "xcomp") and any(c.dep_ == "neg" for c in head.head.children)


def _negation_at(t: "Token", below: "Token | None", inside: range, is_root: bool) -> str | None:
    """A negation attached to this step of the walk: "not", "no marks", "denied …", "without …",
    a negative subject ("nobody has touched her"), or a negative finding the term's phrase is
    the subject of ("the CP medical found no evidence of …")."""
    for child in t.children:
        if child.i in inside:
            continue
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "nil")):
            return f"negated by '{child.text}'"
        if child.dep_ == "prep" and child.lower_ == "without" and not is_root:
            return "negated by 'without'"
    if not is_root and t.lemma_.lower() in NEGATING_VERBS:
        return f"negated by '{t.text}'"
    if t.pos_ not in ("VERB", "AUX"):
        return None
    for child in t.children:
        if child.i in inside:
            continue
        if child.dep_ in ("nsubj", "nsubjpass") and _negative_phrase(child):
            return f"negated by '{child.text}'"
        if below is not None and below.dep_ in ("nsubj", "nsubjpass") and child.dep_ in ("dobj", "attr") \
                and (child.lemma_.lower() in ("nothing", "none") or (_negative_phrase(child) and child.lemma_.lower() in EVIDENCE_NOUNS)):
            return f"negated by '{child.text}'"
    return None


def _negative_phrase(t: "Token") -> bool:
    """"nobody", "nothing", "no one", "neither parent", "no evidence"."""
    return t.lower_ in NEGATIVE_WORDS or any(c.dep_ in ("det", "preconj") and c.lower_ in NEGATIVE_WORDS for c in t.children)


def _shares_negation(clause: "Token") -> bool:
    """Does a negation above this clause reach into it? An open complement shares its governor's
    negation ("was not known to have self-harmed", "never asked to send nudes"), and so does an
    alternative in an "or" list ("did not hit or kick her")."""
    if clause.dep_ == "xcomp":
        return True
    return clause.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in clause.head.children)


def _denied_content(clause: "Token") -> str | None:
    """A clause that is the content of a denied noun: "no evidence that Ella was abused", "no
    signs that the children were left alone", "nothing to suggest he has been hit"; or of a
    finding or account given up: "no longer seeks a finding that …", "rejects her account that …"."""
    head = clause.head
    while head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in EVIDENTIAL_VERBS and head.dep_ in ("acl", "relcl", "xcomp", "advcl"):
        head = head.head
    if clause.dep_ not in ("acl", "ccomp", "advcl", "relcl") or head.pos_ not in ("NOUN", "PRON"):
        return None
    if head.lemma_.lower() in SOUGHT_NOUNS and head.dep_ == "dobj":
        verb = head.head
        if verb.lemma_.lower() in ABANDONING:
            return f"negated by '{verb.text}'"
        if any(c.dep_ == "neg" or (c.lower_ == "longer" and any(g.dep_ == "neg" for g in c.children)) for c in verb.children):
            return f"negated by 'not {verb.text}'"
    if head.lemma_.lower() == "nothing" or (head.lemma_.lower() in EVIDENCE_NOUNS and _negative_phrase(head)):
        return f"negated by 'no {head.text}'" if head.lemma_.lower() != "nothing" else "negated by 'nothing'"
    return None


# Verbs and adjectives that take for granted what they are about: not recognising, sharing or
# recording "the neglect" says the neglect was there ("Professionals did not recognise the signs of
# neglect", "the GP was not aware of the mother's drug use", "did not share the disclosure").
FACTIVE = frozenset({"recognise", "recognize", "realise", "realize", "know", "aware", "share", "record", "identify",
                     "notice", "acknowledge", "address", "explore", "escalate", "report", "disclose", "consider",
                     "understand", "appreciate", "pass", "act", "follow", "challenge", "question", "tackle"})
# Nouns that do not take the concern for granted: "did not consider the risk of sexual abuse".
OPEN_NOUNS = frozenset({"risk", "possibility", "likelihood", "potential", "question", "prospect", "chance", "danger",
                        "vulnerability", "suggestion", "evidence"})
THE = frozenset({"the", "this", "that", "these", "those"})


def _presupposed(doc, m: Match) -> bool:  # noqa: ANN001
    """Is the term, in a definite noun phrase ("the signs of neglect", "her drug use"), the object of a
    negated factive verb? Then the negation is about what someone did with it, and the concern
    stands. "any"/"no" take nothing for granted ("did not disclose any abuse")."""
    inside = range(m.start, m.end)
    t = next((doc[i] for i in inside if not (m.start <= doc[i].head.i < m.end) or doc[i].head.i == i), doc[m.start])
    definite = False
    for _ in range(8):
        if t.pos_ in ("NOUN", "PROPN"):
            dets = {c.lower_ for c in t.children if c.dep_ in ("det", "poss")}
            if dets & {"any", "no", "a", "an"} or t.lemma_.lower() in OPEN_NOUNS:
                return False
            if dets & THE or any(c.dep_ == "poss" for c in t.children):
                definite = True
        elif t.pos_ in ("VERB", "AUX", "ADJ"):
            factive = t.lemma_.lower() in FACTIVE or any(c.dep_ == "acomp" and c.lemma_.lower() in FACTIVE for c in t.children)
            if t.i not in inside and any(c.dep_ == "neg" for c in t.children):
                return definite and factive
            if t.pos_ == "ADJ" and t.lemma_.lower() in FACTIVE and t.dep_ == "acomp":
                pass  # "not aware of": the negation sits on the copula above
            elif t.pos_ in ("VERB", "AUX"):
                return False
        if t.head.i == t.i:
            return False
        t = t.head
    return False
