"""Who a token or a sentence is about: a person, someone's name, a particular person rather than
people in general."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Pronouns that point at a particular person (the writer "I" included: "I saw bruising").
SPECIFIC_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself", "i", "me", "my", "myself"})
REFLEXIVE = frozenset({"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"})
PERSON_PRONOUNS = frozenset({"me", "him", "her", "them", "us", "you", "he", "she", "they", "i", "we"}) - REFLEXIVE
# Words for an intimate partner: the one who hurts "her" and is "her partner" is abusing a partner.
PARTNERS = frozenset({"partner", "boyfriend", "girlfriend", "husband", "wife", "ex", "ex-partner", "expartner",
                      "ex-boyfriend", "ex-husband", "ex-wife", "ex-girlfriend", "bf", "gf", "fiance", "fiancé"})
# Family members a judgment or review calls by their role: "the mother", "the father". Not "the
# child" or "the parent", which guidance uses for any child or parent.
PARENT_WORDS = frozenset({"mum", "mummy", "mam", "dad", "daddy", "parent", "stepdad", "stepmum", "step-dad", "step-mum"})
FAMILY_ROLES = frozenset({"mother", "father", "stepfather", "stepmother", "stepdad", "stepmum", "grandmother",
                          "grandfather", "uncle", "aunt"})
DEFINITE = frozenset({"the", "these", "those", "both", "her", "his", "their", "my", "our", "your", "'s", "’s", "two", "three", "four"})
MISLABELLED = frozenset({"ORG", "GPE", "NORP"})
PLACE_PREPS = frozenset({"in", "from", "to", "into", "near", "around", "across", "through", "via", "at"})
NOT_NAMES = frozenset({"ORG", "LAW", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART", "NORP", "PRODUCT", "LANGUAGE", "DATE", "TIME"})


class People:
    """Reads people in a sentence with the configured people words, the kin words written as names
    ("Mum") and the English words a name is not."""

    def __init__(self, people: frozenset[str], kin_names: set[str], common_words: frozenset[str]) -> None:
        self.people, self.kin_names, self.common_words = people, kin_names, common_words

    def person(self, t: "Token") -> bool:
        if t.lower_ in REFLEXIVE:
            return False
        return (t.lower_ in PERSON_PRONOUNS or t.ent_type_ == "PERSON" or t.lower_ in self.people
                or t.lemma_.lower() in self.people or self.name(t) or initial(t))

    def name(self, t: "Token") -> bool:
        """Is this token someone's name? The entity recogniser misses or mislabels many names
        ("Cian" as a nationality, "Klaudia" as an organisation), so a capitalised proper noun that
        is no English word counts too. One that is an English word or a people word needs the
        recogniser's word for it: guidance capitalises things ("Operation Encompass", "the Graded
        Care Profile") and a sentence's first word is capitalised anyway ("Staff", "Children").
        A token without letters is no name, whatever the recogniser says ("1.6 Practitioners")."""
        if not any(c.isalpha() for c in t.text):
            return False
        if t.ent_type_ == "PERSON":
            return True
        unknown = t.lower_ not in self.common_words and t.lower_ not in self.kin_names
        if not unknown:
            return False
        if _name_like(t):
            return True
        return unknown and _mislabelled_name(t)

    def specific(self, sent: "Span", terms: frozenset[int] = frozenset()) -> bool:
        """Does the sentence point at a particular person (a name, he/she, "Mum", "Child Q", "the
        children")? Tokens of a matched term are no one ("Prevent referral", "MARAC", "Head lice")."""
        first = next((t.i for t in sent if t.is_alpha), sent.start)
        for t in sent:
            if t.lower_ in SPECIFIC_PRONOUNS:
                return True
            if t.i in terms:
                continue
            if self.name(t) and not (t.i == first and self.plural_word(t)):
                return True
            if t.i != first and t.is_title and t.tag_ != "NNS" and t.lower_ in self.kin_names:
                return True
            if t.lower_ == "child" and t.i + 1 < sent.end and len(sent.doc[t.i + 1].text) == 1 and sent.doc[t.i + 1].is_upper:
                return True
            if initial(t):
                return True
            if t.tag_ == "NNS" and t.lower_ in self.people and definite(sent.doc, t.i):
                return True
            if t.lower_ in FAMILY_ROLES and definite(sent.doc, t.i):
                return True  # "the mother", "the father's partner": judgments and reviews name parents so
        return False

    def plural_word(self, t: "Token") -> bool:
        """"1.6 Practitioners should…": a sentence's first word, capitalised anyway, that is the plural
        of an English word (the tagger calls it a proper noun after a paragraph number)."""
        lower = t.lower_
        return lower.endswith("s") and (lower[:-1] in self.common_words or lower[:-2] in self.common_words)


def definite(doc, i: int) -> bool:  # noqa: ANN001
    """"the children", "her brothers": particular people, not people in general."""
    return i > 0 and doc[i - 1].lower_ in DEFINITE


def initial(t: "Token") -> bool:
    """"I find that F struck A", "M accepts that she hit E": a single capital standing where a
    person stands is someone's initial (court judgments and reviews name people so). Not "I",
    not a determiner or a grade ("an A in maths")."""
    text = t.text.rstrip(".")
    if len(text) != 1 or not text.isupper() or text == "I" or not text.isalpha():
        return False
    if t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in (":", ")", "-", "–"):  # "Q: … A: …", "(A)", "Plan A - …"
        return False
    if t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "conj", "appos", "poss", "npadvmod"):
        return False
    return not any(c.dep_ in ("det", "amod", "compound") for c in t.children)


def _name_like(t: "Token") -> bool:
    """A proper noun that may be someone's name: not part of an organisation, law or place, not in
    a run of capitalised words ("Designated Safeguarding Lead"), not an acronym, not the name of
    a thing ("the Prevent duty")."""
    if t.pos_ != "PROPN" or not t.is_title or len(t) < 2 or t.ent_type_ in NOT_NAMES or not t.text.strip("'’").isalpha():
        return False
    if t.dep_ == "compound" and t.head.pos_ == "NOUN":  # "the Prevent duty", "Channel panel"
        return False
    doc = t.doc
    run = 1 + sum(1 for k in (t.i - 2, t.i - 1, t.i + 1, t.i + 2) if 0 <= k < len(doc) and doc[k].is_title and abs(k - t.i) == 1)
    return run <= 2


def _mislabelled_name(t: "Token") -> bool:
    """A one-word "organisation", "place" or "nationality" that stands where people stand: not
    after "in", "from" or "to" ("lives in Kent"), not naming a thing ("Channel panel")."""
    if t.pos_ != "PROPN" or not t.is_title or not t.is_alpha or t.ent_type_ not in MISLABELLED:
        return False
    ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
    if ent is None or len(ent) != 1:
        return False
    if t.dep_ == "compound" and t.head.pos_ == "NOUN":
        return False
    return not (t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS)
