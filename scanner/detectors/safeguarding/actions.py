"""Actions and their victims: an action ("hit", "scared") is a concern only when done to a person
or someone's body, read from the dependency parse."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from scanner.detectors.safeguarding.people import PARTNERS, People

if TYPE_CHECKING:
    from spacy.tokens import Token

# Possessive → subject pronoun of the same person: "she hurt her ankle" is about herself.
SAME_PERSON = {"my": "i", "his": "he", "her": "she", "their": "they", "your": "you", "our": "we"}
VICTIM_DEPS = frozenset({"dobj", "nsubjpass", "dative", "iobj", "obj", "oprd"})
VICTIM_PREPS = frozenset({"at", "on", "to", "against", "into", "of", "towards", "toward", "upon"})
# Psych verbs: the one who is scared is the grammatical subject; the concern is who scares them.
FEAR = frozenset({"scare", "scared", "frighten", "frightened", "terrify", "terrified", "afraid", "petrify"})
THREAT_VERBS = frozenset({"threaten", "warn", "blackmail"})
# What a threat against a child does to them when it is abuse: put into care, sent away, thrown out,
# locked in, hurt. A school threatening to exclude, a landlord to evict, are not.
THREATENED_HARM = frozenset({"put", "send", "throw", "kick", "lock", "leave", "abandon", "give", "take", "hurt",
                             "kill", "hit", "beat", "batter", "smack", "burn", "stab", "strangle", "disown", "starve"})


class ActionReader:
    """Which category an action falls in, from whom it was done to (and by whom)."""

    def __init__(self, action_categories: dict[str, dict[str, str]], victims: dict[str, frozenset[str]],
                 body_parts: frozenset[str], kin_names: set[str], who: People) -> None:
        self.action_categories, self.victims = action_categories, victims
        self.body_parts, self.kin_names, self.who = body_parts, kin_names, who

    def category(self, verb: "Token", term: str) -> str | None:
        """The category of an action done to a person, or None (done to a thing, or to oneself)."""
        if verb.pos_ not in ("VERB", "ADJ", "NOUN"):
            return None
        if self._done_by_thing(verb):
            return None
        victims = self._victims(verb)
        if not victims:
            return None
        # the one who did it ("beaten by her mother", "battered by mum's boyfriend") is not whom it was done to
        done_to = [v for v in victims if not (v.dep_ == "pobj" and v.head.dep_ == "agent")]
        candidates = list(self.action_categories[term])
        for name in candidates:
            if name in self.victims and any(v is not verb and v.lower_ in self.victims[name] for v in done_to):
                return name
            if name in self.victims and _partner_did_it(verb, done_to):
                return name
        plain = [name for name in candidates if name not in self.victims]
        return plain[0] if plain else None

    def _done_by_thing(self, verb: "Token") -> bool:
        """"hit by a car", "bitten by the dog", "got hit on the arm by the ball": the passive's
        agent is a thing or an animal, so no one did it."""
        for child in verb.children:
            if child.dep_ == "agent":
                # a person among the agents ("by her ex-boyfriend", split into three tokens) did it
                agents = [c for c in child.children if c.dep_ == "pobj"]
                return not any(self.who.person(c) for c in agents) and any(c.pos_ == "NOUN" for c in agents)
        return False

    def _victims(self, verb: "Token") -> list["Token"]:
        """Who the action is done to: its objects, its passive subject, a body part, "at/on" a person.
        A passive with no subject ("consistent with being hit with a cord") is done to someone
        unnamed: the verb itself stands for them. Fear words are the exception: the one who is
        scared is the subject; the concern is the person they are scared of."""
        fear = verb.lemma_.lower() in FEAR or verb.lower_ in FEAR
        threat = verb.lemma_.lower() in THREAT_VERBS
        args: list[Token] = []
        heads = [verb] + [c for c in verb.children if c.dep_ == "conj"]
        if verb.dep_ == "conj":
            heads.append(verb.head)
        for head in heads:
            for child in head.children:
                if child.dep_ in VICTIM_DEPS and not (fear and child.dep_ == "nsubjpass"):
                    args.append(child)
                elif child.dep_ == "prep" and child.lower_ in VICTIM_PREPS:
                    args.extend(c for c in child.children if c.dep_ == "pobj")
                elif child.dep_ == "agent":  # "being kicked by his uncle": a person did it to someone
                    args.extend(c for c in child.children if c.dep_ == "pobj" and self.who.person(c))
                elif child.dep_ == "xcomp" and threat and child.lemma_.lower() in THREATENED_HARM:
                    # "threatened (in front of me) to put Dafydd into care"; not "threatened to exclude him"
                    args.extend(c for c in child.children if c.dep_ in ("dobj", "dative"))
        subject = _subject(verb)
        out = []
        for arg in args:
            # "her stepdad" → the noun; "the baby's arm" → the arm, possessed by the baby
            if self.who.person(arg):
                out.append(arg)
            elif arg.lower_ in self.body_parts and not _own_body(arg, subject, self.kin_names):
                out.append(arg)
        if not out and not fear and _unnamed_passive(verb):
            out.append(verb)
        return out


def _subject(verb: "Token") -> "Token | None":
    """The verb's subject, or the first verb's in a list ("fell off his bike and hurt his knee")."""
    for v in (verb, verb.head if verb.dep_ == "conj" else None):
        if v is not None:
            subject = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return subject
    return None


def _unnamed_passive(verb: "Token") -> bool:
    """"consistent with being hit", "to be kicked": a passive whose patient is not written."""
    children = [c.dep_ for c in verb.children]
    return verb.pos_ == "VERB" and "auxpass" in children and "nsubjpass" not in children and "agent" not in children


def _own_body(part: "Token", subject: "Token | None", kin: Iterable[str]) -> bool:
    """"she hurt her ankle", "Jonah hit his head on the frame": the possessor is the subject, so it
    is not harm done to another. A named subject takes "his"/"her" as their own; a kin word does
    not ("dad grabbed her arm" is the child's arm)."""
    poss = next((c for c in part.children if c.dep_ == "poss"), None)
    if poss is None or subject is None:
        return False
    if SAME_PERSON.get(poss.lower_) == subject.lower_ or (poss.ent_type_ == "PERSON" and poss.text == subject.text):
        return True
    return poss.lower_ in ("his", "her", "their") and subject.pos_ == "PROPN" and subject.lower_ not in kin


def _partner_did_it(verb: "Token", victims: list["Token"]) -> bool:
    """"her partner had pushed her", "mum's ex strangled her", "she was hit by her boyfriend": the
    one who did it is the victim's own partner, so it is domestic abuse."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not doers and verb.dep_ == "conj":
        doers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    for doer in doers:
        if doer.lower_ not in PARTNERS and doer.lemma_.lower() not in PARTNERS:
            continue
        poss = next((c for c in doer.children if c.dep_ == "poss"), None)
        if poss is None:
            continue
        for v in victims:
            if v is verb:  # an unnamed passive: "she was hit by her boyfriend"
                subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                v = subject if subject is not None else v
            if v.lower_ in ("her", "him", "she", "he") and poss.lower_ in ("her", "his"):
                return (poss.lower_ == "her") == (v.lower_ in ("her", "she"))
            if v.lower_ in ("her", "him", "she", "he") and poss.dep_ == "poss" and poss.pos_ in ("NOUN", "PROPN"):
                return True  # "mum's ex strangled her", "Sarah's partner hit her"
            if poss.lower_ in ("her", "his") and v.pos_ == "PROPN":
                return True  # "her boyfriend hit Chloe": Chloe's boyfriend
    return False
