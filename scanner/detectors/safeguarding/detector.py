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
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from scanner.config_safeguarding import SafeguardingConfig
from scanner.detectors.base import Chunk, finding
from scanner.detectors.deep import DeepReader, Sentence
from scanner.detectors.lexicon import Entry, Inflector, Lexicon, Match, _surface
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
# Words for an intimate partner: the one who hurts "her" and is "her partner" is abusing a partner.
PARTNERS = frozenset({"partner", "boyfriend", "girlfriend", "husband", "wife", "ex", "ex-partner", "expartner",
                      "ex-boyfriend", "ex-husband", "ex-wife", "ex-girlfriend", "bf", "gf", "fiance", "fiancé"})
# Psych verbs: the one who is scared is the grammatical subject; the concern is who scares them.
FEAR = frozenset({"scare", "scared", "frighten", "frightened", "terrify", "terrified", "afraid", "petrify"})
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
# The verbs that put a concern as the topic of a question: "I asked about self-harm".
ASKING_VERBS = frozenset({"ask", "enquire", "inquire", "question"})
THREAT_VERBS = frozenset({"threaten", "warn", "blackmail"})
SAYING = frozenset({"say", "tell", "shout", "scream", "yell", "text", "message", "write"})
# What a threat against a child does to them when it is abuse: put into care, sent away, thrown out,
# locked in, hurt. A school threatening to exclude, a landlord to evict, are not.
THREATENED_HARM = frozenset({"put", "send", "throw", "kick", "lock", "leave", "abandon", "give", "take", "hurt",
                             "kill", "hit", "beat", "batter", "smack", "burn", "stab", "strangle", "disown", "starve"})
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''"})
# Condition words that are also relative or locative adverbs ("the flat where he hit her"): a
# condition only when they open an adverbial clause ("where neglect is suspected, use …").
ADVERBIAL_ONLY = frozenset({"where"})
ORDER = {AFFIRMED: 0, NEGATED: 1, HYPOTHETICAL: 2}
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
WINDOW = 4  # tokens between a negation phrase and the term
TRIGGERS = "shareguard.safeguarding.triggers"  # Doc.user_data keys: the tokens `wanted` found,
CUES = "shareguard.safeguarding.cues"  # and each sentence's cue phrases by kind


@dataclass(frozen=True)
class Reading:
    category: str
    match: Match
    polarity: str
    why: str


class Cues:
    """Every kind of cue phrase in one lexicon, matched once per sentence (a sentence is read
    for eight kinds of cue; one pass over its tokens instead of eight)."""

    def __init__(self, nlp: "Language", kinds: dict[str, Iterable[str]], inflector: Inflector) -> None:
        self.lexicon = Lexicon(nlp, (Entry(kind, p) for kind, phrases in kinds.items() for p in phrases), inflector)
        self.kinds = tuple(kinds)

    def spans(self, sent: "Span", kind: str) -> list[tuple[int, int, str]]:
        """(start, end, text) token spans of this kind of cue in the sentence's Doc."""
        cache = sent.doc.user_data.setdefault(CUES, {})
        key = (sent.start, sent.end)
        if key not in cache:
            base, found = sent.start, {k: [] for k in self.kinds}
            for m in self.lexicon.match(sent):
                found[m.entry.key].append((base + m.start, base + m.end, m.entry.term))
            cache[key] = found
        return cache[key][kind]


class CueSet:
    """One kind of cue phrase, as the rules ask for it: `spans(sent)`."""

    def __init__(self, cues: Cues, kind: str) -> None:
        self.cues, self.kind = cues, kind

    def spans(self, sent: "Span") -> list[tuple[int, int, str]]:
        return self.cues.spans(sent, self.kind)


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
        self.everyday, self.disclosure, self.negation, self.negation_after, self.disproved, self.hypothetical, \
            self.conditional, self.generic = (CueSet(book, kind) for kind in book.kinds)
        self.terminators = _forms(inflect, cues.terminators)
        self.conditional_words = {c.lower() for c in cues.conditional if " " not in c}
        self.people = _forms(inflect, lexicon.people)
        self.body_parts = _forms(inflect, lexicon.body_parts)
        self.kin_names = {p.lower() for p in lexicon.people}
        self.common_words = _common_words(nlp)
        self.labels = {name: c.label for name, c in cats.items()}
        self.injury_terms = frozenset(t for t, _ in cats[PHYSICAL].entries("terms")) if PHYSICAL in cats else frozenset()

    # -- the pass over a chunk -------------------------------------------------------------

    def wanted(self, chunk: Chunk) -> list[int]:
        """The tokens whose sentences this detector reads (terms and actions written there)."""
        cache = chunk.doc.user_data
        if TRIGGERS not in cache:
            cache[TRIGGERS] = sorted(set(self.terms.triggers(chunk.doc)) | set(self.actions.triggers(chunk.doc))
                                     | set(_age_gap_triggers(chunk.doc)) | set(_cut_triggers(chunk.doc))
                                     | set(_married_triggers(chunk.doc)) | set(_violence_triggers(chunk.doc)))
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
        specific = self._specific(sent, _term_tokens(r.match for r in readings))
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
        matches += self._age_gap(sent)
        matches += self._be_cut(sent)
        matches += self._child_marriage(sent)
        matches += self._someones_violence(sent)
        if not matches:
            return []
        matches += self._partner_injury(sent, matches)
        everyday = self.everyday.spans(sent)
        matches = [m for m in matches if not any(s <= m.start and m.end <= e for s, e, _ in everyday)
                   and not any(s <= m.start < e for s, e, _ in everyday if e - s > m.end - m.start)]
        matches = [m for m in _longest(matches) if not _names_practice(sent.doc, m)]
        terms = _term_tokens(matches)
        out = []
        for m in matches:
            polarity, why = self.polarity(sent, m, terms)
            out.append(Reading(m.entry.key, m, polarity, why))
        return out

    def _partner_injury(self, sent: "Span", matches: list[Match]) -> list[Match]:
        """"Kirsty had a black eye and said her partner 'lost it'": an injury told together with
        "her partner" / "his ex" is domestic abuse as well as an injury (UK guidance: an injury
        explained by, or told next to, a partner's behaviour)."""
        if DOMESTIC not in self.victims:
            return []
        if not any(_partner_of(t) for t in sent):
            return []
        return [Match(Entry(DOMESTIC, m.entry.term, m.entry.severity), m.start, m.end) for m in matches
                if (m.entry.key == PHYSICAL and m.entry.term in self.injury_terms) or m.entry.term in FEAR]

    def _age_gap(self, sent: "Span") -> list[Match]:
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

    def _be_cut(self, sent: "Span") -> list[Match]:
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
            if subject is None or not self._person(subject):
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

    def _child_marriage(self, sent: "Span") -> list[Match]:
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

    def _someones_violence(self, sent: "Span") -> list[Match]:
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
                                     or (_initial(poss) and poss.text.rstrip(".") in ("M", "F"))):
                return [Match(Entry(DOMESTIC, "someone's violence", "high"), t.i, t.i + 1)]
        return []

    def _action_category(self, verb: "Token", term: str) -> str | None:
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
                return not any(self._person(c) for c in agents) and any(c.pos_ == "NOUN" for c in agents)
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
                    args.extend(c for c in child.children if c.dep_ == "pobj" and self._person(c))
                elif child.dep_ == "xcomp" and threat and child.lemma_.lower() in THREATENED_HARM:
                    # "threatened (in front of me) to put Dafydd into care"; not "threatened to exclude him"
                    args.extend(c for c in child.children if c.dep_ in ("dobj", "dative"))
        subject = _subject(verb)
        out = []
        for arg in args:
            # "her stepdad" → the noun; "the baby's arm" → the arm, possessed by the baby
            if self._person(arg):
                out.append(arg)
            elif arg.lower_ in self.body_parts and not _own_body(arg, subject, self.kin_names):
                out.append(arg)
        if not out and not fear and _unnamed_passive(verb):
            out.append(verb)
        return out

    def _person(self, t: "Token") -> bool:
        if t.lower_ in REFLEXIVE:
            return False
        return (t.lower_ in PERSON_PRONOUNS or t.ent_type_ == "PERSON" or t.lower_ in self.people
                or t.lemma_.lower() in self.people or self._name(t) or _initial(t))

    def _name(self, t: "Token") -> bool:
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

    def _specific(self, sent: "Span", terms: frozenset[int] = frozenset()) -> bool:
        """Does the sentence point at a particular person (a name, he/she, "Mum", "Child Q", "the
        children")? Tokens of a matched term are no one ("Prevent referral", "MARAC", "Head lice")."""
        first = next((t.i for t in sent if t.is_alpha), sent.start)
        for t in sent:
            if t.lower_ in SPECIFIC_PRONOUNS:
                return True
            if t.i in terms:
                continue
            if self._name(t) and not (t.i == first and self._plural_word(t)):
                return True
            if t.i != first and t.is_title and t.tag_ != "NNS" and t.lower_ in self.kin_names:
                return True
            if t.lower_ == "child" and t.i + 1 < sent.end and len(sent.doc[t.i + 1].text) == 1 and sent.doc[t.i + 1].is_upper:
                return True
            if _initial(t):
                return True
            if t.tag_ == "NNS" and t.lower_ in self.people and _definite(sent.doc, t.i):
                return True
            if t.lower_ in FAMILY_ROLES and _definite(sent.doc, t.i):
                return True  # "the mother", "the father's partner": judgments and reviews name parents so
        return False

    def _plural_word(self, t: "Token") -> bool:
        """"1.6 Practitioners should…": a sentence's first word, capitalised anyway, that is the plural
        of an English word (the tagger calls it a proper noun after a paragraph number)."""
        lower = t.lower_
        return lower.endswith("s") and (lower[:-1] in self.common_words or lower[:-2] in self.common_words)

    def polarity(self, sent: "Span", m: Match, terms: frozenset[int] = frozenset()) -> tuple[str, str]:
        if sent.text.rstrip(" \"'”’)").endswith("?") or self._quoted_question(sent, m):
            return HYPOTHETICAL, "a question"
        if self._conditional(sent, m):
            return HYPOTHETICAL, "in a condition"
        if _conditional_consequence(sent.doc, m):
            return HYPOTHETICAL, "the consequence of a condition ('if …, … will …')"
        if _asked_about(sent.doc, m):
            return HYPOTHETICAL, "the topic of a question"
        specific = self._specific(sent, terms)
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
            gen = [g for g in self.generic.spans(sent) if not _definite(sent.doc, g[0]) and _generic_role(sent.doc[g[1] - 1])]
            if gen:
                return HYPOTHETICAL, f"about people in general: '{gen[0][2]}'"
        why = self._negated(sent, m)
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
            if e - s > 1 and e <= m.start and not self._terminated(doc, e, m.start):
                return True
        return False

    def _negated(self, sent: "Span", m: Match) -> str | None:
        """Negation read from the parse first, then negation phrases next to the term, then a
        report of the concern that was disproved."""
        doc = sent.doc
        if _presupposed(doc, m):
            return None
        why = self._negated_in_parse(doc, m)
        if why:
            return why
        for s, e, text in self.negation.spans(sent):
            if e - s > 1 and e <= m.start and m.start - e <= WINDOW and not self._terminated(doc, e, m.start):
                return f"negated by '{text}'"
        for s, e, text in self.negation_after.spans(sent):
            if s >= m.end and s - m.end <= WINDOW and not self._terminated(doc, m.end, s):
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

    def _terminated(self, doc, start: int, end: int) -> bool:  # noqa: ANN001
        return any(doc[i].lower_ in self.terminators or doc[i].text in (",", ";", ":", "(", ")") for i in range(start, end))


# Family members a judgment or review calls by their role: "the mother", "the father". Not "the
# child" or "the parent", which guidance uses for any child or parent.
PARENT_WORDS = frozenset({"mum", "mummy", "mam", "dad", "daddy", "parent", "stepdad", "stepmum", "step-dad", "step-mum"})
FAMILY_ROLES = frozenset({"mother", "father", "stepfather", "stepmother", "stepdad", "stepmum", "grandmother",
                          "grandfather", "uncle", "aunt"})
DEFINITE = frozenset({"the", "these", "those", "both", "her", "his", "their", "my", "our", "your", "'s", "’s", "two", "three", "four"})


def _definite(doc, i: int) -> bool:  # noqa: ANN001
    """"the children", "her brothers": particular people, not people in general."""
    return i > 0 and doc[i - 1].lower_ in DEFINITE


MISLABELLED = frozenset({"ORG", "GPE", "NORP"})
PLACE_PREPS = frozenset({"in", "from", "to", "into", "near", "around", "across", "through", "via", "at"})
NOT_NAMES = frozenset({"ORG", "LAW", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART", "NORP", "PRODUCT", "LANGUAGE", "DATE", "TIME"})


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


def _common_words(nlp: "Language") -> frozenset[str]:
    """The English words the model's lemmatizer knows (its lemma index): what a name is not."""
    if "lemmatizer" not in nlp.component_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    return frozenset(w for key in table for w in table[key])


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


def _term_tokens(matches: Iterable[Match]) -> frozenset[int]:
    return frozenset(i for m in matches for i in range(m.start, m.end))


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


def _initial(t: "Token") -> bool:
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


def _negated_judgement(head: "Token") -> bool:
    """"I am not satisfied that …", "I do not find that …", "the evidence does not establish that …"."""
    if head.lemma_.lower() not in JUDGING and head.lower_ not in JUDGING:
        return False
    if any(c.dep_ == "neg" for c in head.children):
        return True
    return head.dep_ in ("acomp", "xcomp") and any(c.dep_ == "neg" for c in head.head.children)


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


def _age_gap_triggers(doc) -> list[int]:  # noqa: ANN001
    """Tokens naming a boyfriend or girlfriend with a number close by: the sentences the age-gap
    reading needs parsed (the surface forms only, before any parse)."""
    lowers, _, _ = _surface(doc)
    out = []
    for i, w in enumerate(lowers):
        if w in AGE_GAP_PARTNERS:
            window = lowers[max(0, i - AGE_WINDOW): i + AGE_WINDOW]
            if any(x.isdigit() and len(x) == 2 for x in window):
                out.append(i)
    return out


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


def _fgm_context(sent: "Span") -> bool:
    return any(t.lower_ in FGM_CONTEXT or t.ent_type_ == "GPE" for t in sent)


def _cut_triggers(doc) -> list[int]:  # noqa: ANN001
    """A passive "cut" ("was cut", "be 'cut'") with travel, holiday or ceremony words, or a
    country, near it: the sentences the FGM reading needs parsed."""
    lowers, _, _ = _surface(doc)
    out = []
    for i, w in enumerate(lowers):
        if w != "cut" or i == 0:
            continue
        before = lowers[i - 2] if lowers[i - 1] in QUOTES and i > 1 else lowers[i - 1]
        if before not in BE_FORMS:
            continue
        lo, hi = max(0, i - AGE_WINDOW - 4), i + AGE_WINDOW + 4
        if any(x in FGM_CONTEXT for x in lowers[lo:hi]) or any(doc[k].ent_type_ == "GPE" for k in range(lo, min(hi, len(doc)))):
            out.append(i)
    return out


def _married_triggers(doc) -> list[int]:  # noqa: ANN001
    """"married" with a two-digit number or "taken"/"sent" near it: the sentences the child-marriage
    reading needs parsed."""
    lowers, _, _ = _surface(doc)
    out = []
    for i, w in enumerate(lowers):
        if w in ("married", "marry"):
            window = lowers[max(0, i - AGE_WINDOW): i + AGE_WINDOW]
            if any((x.isdigit() and len(x) == 2) or x in ("taken", "sent") for x in window):
                out.append(i)
    return out


def _violence_triggers(doc) -> list[int]:  # noqa: ANN001
    """"violence" right after a possessive ("F's violence", "his violence")."""
    lowers, _, _ = _surface(doc)
    return [i for i, w in enumerate(lowers) if w == "violence" and i > 0 and lowers[i - 1] in ("'s", "’s")]
