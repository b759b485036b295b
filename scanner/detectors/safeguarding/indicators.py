"""Indicators defined by grammar rather than by a word (partner injury, age gap, being "cut", child
marriage, someone's violence), with the surface scans that pick their sentences for parsing."""
from __future__ import annotations

from typing import TYPE_CHECKING

from scanner.detectors.lexicon import Entry, Match, surface
from scanner.detectors.safeguarding.actions import FEAR
from scanner.detectors.safeguarding.cues import QUOTES
from scanner.detectors.safeguarding.people import FAMILY_ROLES, PARENT_WORDS, PARTNERS, People, initial

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PHYSICAL, DOMESTIC, EXPLOITATION, FGM, FORCED = "physical_abuse", "domestic_abuse", "exploitation", "fgm", "forced_marriage"
# What surrounds a girl being "cut" when it is FGM: travel, the summer holidays, a ceremony.
FGM_CONTEXT = frozenset({"abroad", "summer", "holiday", "holidays", "visit", "trip", "ceremony", "procedure",
                         "overseas", "country", "celebration", "initiation"})
BE_FORMS = frozenset({"be", "been", "being", "was", "were", "is", "get", "got", "getting", "gets"})
# A child's partner who is an adult: the words, the adult age, the gap in years that makes it a concern.
AGE_GAP_PARTNERS = frozenset({"boyfriend", "girlfriend", "bf", "gf", "boyfriends", "girlfriends"})
ADULT, AGE_GAP, AGE_WINDOW = 18, 4, 12
NOT_AGE_AFTER = frozenset({"%", ":", ".", "pm", "am", "p.m.", "a.m.", "mph", "miles", "minutes", "mins", "hours", "hrs",
                           "times", "cm", "kg", "st", "th", "nd", "rd", "days", "weeks", "months", "percent", "pounds",
                           "quid", "times", "x", "/", "-"})


class Indicators:
    """Each reading returns the matches it makes in a sentence (none when its category is not configured)."""

    def __init__(self, labels: dict[str, str], victims: dict[str, frozenset[str]], injury_terms: frozenset[str],
                 body_parts: frozenset[str], who: People) -> None:
        self.labels, self.victims, self.injury_terms = labels, victims, injury_terms
        self.body_parts, self.who = body_parts, who

    def partner_injury(self, sent: "Span", matches: list[Match]) -> list[Match]:
        """"Kirsty had a black eye and said her partner 'lost it'": an injury told together with
        "her partner" / "his ex" is domestic abuse as well as an injury (UK guidance: an injury
        explained by, or told next to, a partner's behaviour)."""
        if DOMESTIC not in self.victims:
            return []
        if not any(_partner_of(t) for t in sent):
            return []
        return [Match(Entry(DOMESTIC, m.entry.term, m.entry.severity), m.start, m.end) for m in matches
                if (m.entry.key == PHYSICAL and m.entry.term in self.injury_terms) or m.entry.term in FEAR]

    def age_gap(self, sent: "Span") -> list[Match]:
        """"Jade, 14, has a boyfriend who is 22", "a 24-year-old 'boyfriend' who gives her vapes":
        a child's boyfriend or girlfriend who is an adult several years older is an indicator of
        sexual exploitation in UK guidance (an age gap, an 'older boyfriend'), however it is worded."""
        if EXPLOITATION not in self.labels:
            return []
        partners = [t for t in sent if t.lower_ in AGE_GAP_PARTNERS]
        if not partners:
            return []
        ages = [a for a in (_age(t) for t in sent) if a is not None]
        adults = [a for a in ages if a >= ADULT]
        if not adults:
            return []
        children = [a for a in ages if a < ADULT]
        doc = sent.doc
        for p in partners:
            quoted = 0 < p.i < len(doc) - 1 and doc[p.i - 1].text in QUOTES and doc[p.i + 1].text in QUOTES
            if any(max(adults) - c >= AGE_GAP for c in children) or quoted:
                return [Match(Entry(EXPLOITATION, "age gap: " + p.text, "high"), p.i, p.i + 1)]
        return []

    def be_cut(self, sent: "Span") -> list[Match]:
        """"she was 'cut' during a visit to her grandmother abroad", "worried she will be cut when
        they go to India in the summer": a girl who is (to be) "cut", with no instrument and no part
        of the body named, where the sentence speaks of a trip abroad, the summer holidays, a
        ceremony or a procedure, or puts "cut" in quotes: the word communities use for FGM (UK
        multi-agency FGM guidance), not an accident."""
        if FGM not in self.labels:
            return []
        for t in sent:
            if t.lower_ != "cut" or not any(c.dep_ == "auxpass" for c in t.children):
                continue
            subject = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
            if subject is None or not self.who.person(subject):
                continue
            if any(c.dep_ in ("agent", "dobj", "prt") or (c.dep_ == "prep" and c.lower_ in ("from", "off", "out"))
                   for c in t.children):
                continue  # "cut by glass", "cut off", "cut from the team"
            if any(c.dep_ == "prep" and any(g.lower_ in self.body_parts for g in c.subtree) for c in t.children):
                continue  # "cut on the hand"
            doc = sent.doc
            quoted = 0 < t.i < len(doc) - 1 and doc[t.i - 1].text in QUOTES and doc[t.i + 1].text in QUOTES
            if quoted or _fgm_context(sent):
                return [Match(Entry(FGM, "be cut", "high"), t.i, t.i + 1)]
        return []

    def child_marriage(self, sent: "Span") -> list[Match]:
        """"was married at 16 overseas", "will be taken to Bangladesh and married": a child married
        (any marriage under 18 is unlawful in England and Wales since 2023) or taken or sent abroad
        to be married is forced marriage in UK guidance, whatever words the note uses."""
        if FORCED not in self.labels:
            return []
        for t in sent:
            if t.lemma_.lower() != "marry" and t.lower_ != "married":
                continue
            # "married at 16", "married aged 15"
            ages = [int(g.text) for c in t.children if c.dep_ == "prep" and c.lower_ in ("at", "aged")
                    for g in c.children if g.dep_ == "pobj" and g.text.isdigit() and len(g.text) == 2]
            under_age = any(10 <= a < ADULT for a in ages)
            sent_abroad = (t.dep_ == "conj" and t.head.lemma_.lower() in ("take", "send")
                           and any(x.ent_type_ == "GPE" or x.lower_ in ("abroad", "overseas") for x in t.head.subtree))
            if under_age or sent_abroad:
                return [Match(Entry(FORCED, "child marriage", "high"), t.i, t.i + 1)]
        return []

    def someones_violence(self, sent: "Span") -> list[Match]:
        """"to protect the children from F's violence", "the father's violence towards the mother":
        violence that belongs to a parent or partner is domestic abuse in judgments and reviews
        ('violence' alone fills guidance and the news)."""
        if DOMESTIC not in self.labels:
            return []
        for t in sent:
            if t.lower_ != "violence":
                continue
            poss = next((c for c in t.children if c.dep_ == "poss"), None)
            # a parent or partner: "the father's", "mum's", "her partner's", and "M's", "F's" as
            # family judgments call the parents (a child's own violence, "Jade's", is not domestic abuse)
            if poss is not None and (poss.lower_ in FAMILY_ROLES or poss.lower_ in PARTNERS or poss.lower_ in PARENT_WORDS
                                     or (initial(poss) and poss.text.rstrip(".") in ("M", "F"))):
                return [Match(Entry(DOMESTIC, "someone's violence", "high"), t.i, t.i + 1)]
        return []


def _partner_of(t: "Token") -> bool:
    """"her partner", "his ex": the intimate partner of the one the sentence is about ("mum's
    boyfriend" may be the one who hurt the child: child abuse, not abuse of a partner)."""
    if t.lower_ not in PARTNERS and t.lemma_.lower() not in PARTNERS:
        return False
    return any(c.dep_ == "poss" and c.lower_ in ("her", "his") for c in t.children)


def _age(t: "Token") -> int | None:
    """A person's age written as a number: "Jade, 14,", "aged 24", "who is 22", "a 24-year-old"
    (not a time, a sum, a count of days or a date)."""
    if not t.text.isdigit() or len(t.text) > 2:
        return None
    doc, i = t.doc, t.i
    value = int(t.text)
    if not 10 <= value <= 70:
        return None
    before = doc[i - 1].lower_ if i > 0 else ""
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if after == "-" and i + 2 < len(doc) and doc[i + 2].lower_ in ("year", "yr", "years"):
        return value  # "24-year-old"
    if before in ("£", "$", "€", "/", ":", "-", "of", "on", "at") or after in NOT_AGE_AFTER:
        return None
    if t.ent_type_ in ("MONEY", "TIME", "PERCENT", "QUANTITY", "ORDINAL"):
        return None
    return value


def _fgm_context(sent: "Span") -> bool:
    return any(t.lower_ in FGM_CONTEXT or t.ent_type_ == "GPE" for t in sent)


def indicator_triggers(doc) -> list[int]:  # noqa: ANN001
    """The tokens whose sentences the grammar-defined indicators need parsed, from surface forms
    alone, in one pass over the Doc: a boyfriend or girlfriend with a two-digit number close by
    (age gap); a passive "cut" ("was cut", "be 'cut'") with travel, holiday or ceremony words or a
    country near it (FGM); "married" with a two-digit number or "taken"/"sent" near it (child
    marriage); "violence" right after a possessive ("F's violence")."""
    lowers, _, _ = surface(doc)
    out = []
    for i, w in enumerate(lowers):
        if w in AGE_GAP_PARTNERS:
            window = lowers[max(0, i - AGE_WINDOW): i + AGE_WINDOW]
            if any(x.isdigit() and len(x) == 2 for x in window):
                out.append(i)
        elif w == "cut" and i > 0:
            before = lowers[i - 2] if lowers[i - 1] in QUOTES and i > 1 else lowers[i - 1]
            if before not in BE_FORMS:
                continue
            lo, hi = max(0, i - AGE_WINDOW - 4), i + AGE_WINDOW + 4
            if any(x in FGM_CONTEXT for x in lowers[lo:hi]) or any(doc[k].ent_type_ == "GPE" for k in range(lo, min(hi, len(doc)))):
                out.append(i)
        elif w in ("married", "marry"):
            window = lowers[max(0, i - AGE_WINDOW): i + AGE_WINDOW]
            if any((x.isdigit() and len(x) == 2) or x in ("taken", "sent") for x in window):
                out.append(i)
        elif w == "violence" and i > 0 and lowers[i - 1] in ("'s", "’s"):
            out.append(i)
    return out
