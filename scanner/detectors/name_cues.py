"""Written conventions that mark a name where the NER model may not: each cue is a regex whose
group 1 is the name, with the score it earns and the one-line explanation it carries."""
from __future__ import annotations

import re
from dataclasses import dataclass

from scanner.detectors.name_words import KIN
from scanner.detectors.windowed import Folded

TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Master|Sir|Dame|Lady|Lord|Rev|Revd|Cllr|PC|DC|DS|DI|Sgt|Nurse)"
NAME_TOKEN = r"[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’\-](?=[^\W\d_]))+|[A-ZÀ-ÖØ-Þ]\.?"
_PARTICLE = r"de|da|dos|van|der|von|al|el|bin|binti|ap|di|le|la|du"
_NAME = rf"(?:{NAME_TOKEN})(?:[ \t]+(?:{NAME_TOKEN}|(?:{_PARTICLE})\b))"
_FIELD_LABELS = (
    r"(?:Name|Full name|Child(?:'s)? name|Child|Young person|Pupil|Student|Mother|Mum|Father|Dad|Parent|Parent/carer"
    r"|Carer|Guardian|Sibling|Brother|Sister|Step-?father|Step-?mother|Stepdad|Stepmum|Grandmother|Grandfather"
    r"|Partner|Referrer|Social worker|Allocated worker|Key worker|Teacher|Head teacher|GP|Health visitor"
    r"|Patient|Client|Service user|Person|Contact|From|To|Attendees|Present|Author|Completed by|Signed)(?![\w/])"
)
_BIRTH = r"(?:(?:DOB|dob|born|date of birth|aged|age)\b|D\.O\.B\.?|d\.o\.b\.?|b\.)"


@dataclass(frozen=True)
class Cue:
    name: str
    pattern: re.Pattern[str]
    score: float
    explanation: str
    checked: bool = True  # the captured text must look like a private person's name
    # A cheap pattern the cue needs nearby; when set, the cue runs only on windows around it.
    trigger: re.Pattern[str] | Folded | None = None
    # The capture may be a sentence's pronoun or a phrase's head ("She and her mother", "After Easter,
    # her mother"): a guarded cue drops captures holding a stop word or following a preposition.
    guarded: bool = False


CUES: tuple[Cue, ...] = (
    Cue("title", re.compile(rf"\b{TITLE}\.?[ \t]+({_NAME}{{0,3}})"), 0.9, "a name after a title (Mr, Mrs, Dr…)"),
    Cue("labelled field",
        re.compile(rf"(?im)(?:^|[.;,|]\s+)[ \t\-•*]*{_FIELD_LABELS}[ \t]*[:\-–][ \t]*(?-i:({_NAME}{{0,3}}))"), 0.85,
        "a name in a labelled field (Name:, Mother:, Child:…)"),
    Cue("role label", re.compile(
        r"(?m)(?:^|[ \t]{2,}|\|[ \t]*|,[ \t]+)[ \t\-•*]*[A-Z][A-Za-z/&]*(?:[ \t][A-Za-z/&]+){0,2}[ \t]*:[ \t]*"
        rf"({_NAME}{{1,3}})[ \t]*(?=$|[,(–\-]|[ \t]{{2,}})"), 0.65,
        "a full name after a role label (DSL:, Health Visitor:…)"),
    Cue("greeting", re.compile(rf"(?im)(?:^|[.!][ \t]+)[ \t]*(?:dear|hi|hello)[ \t]+(?-i:({_NAME}{{0,2}}))[ \t]*[,\n-]"),
        0.75, "a name greeted at the start of a letter or message"),
    Cue("sign-off", re.compile(
        r"(?im)(?:^|[.!][ \t]+)[ \t]*(?:kind regards|warm regards|regards|best wishes|many thanks|thanks|thank you|"
        r"yours sincerely|yours faithfully|best|cheers|signed)[ \t]*,?[ \t]*\n?[ \t]*\n?[ \t]*"
        rf"(?-i:({_NAME}{{0,3}}))"), 0.7, "a name signing off a letter or e-mail"),
    Cue("list entry", re.compile(
        r"(?m)(?:^|:)[ \t]*(?:(?:[\-•*o>]|\d{1,2}[.)])[ \t]+)?"
        rf"({_NAME}{{1,3}})[ \t]+(?:-|–|\()[ \t]*[A-Za-z]"), 0.65,
        "a name heading an attendee or contact list entry (Name - role)"),
    Cue("before birth details", re.compile(rf"(?-i:\b({_NAME}{{0,3}}))[ \t]*,?[ \t]*[(\-–]?[ \t]*{_BIRTH}[ \t]*[:\-]?[ \t]*\d"),
        0.75, "a name followed by its date of birth or age",
        trigger=re.compile(r"(?i)\b(?:dob|born|date of birth|aged?)\b|d\.o\.b|\bb\.")),
    Cue("after a preposition", re.compile(
        rf"(?<![.!?:\n])[ \t](?:from|to|for|with|by)[ \t]+(?-i:((?:{NAME_TOKEN})(?:[ \t]+(?:{NAME_TOKEN}|(?:{_PARTICLE})\b)){{1,2}}))"
        r"(?![\w'’\-])(?![ \t]+[A-Z&])"), 0.6,
        "a full name after 'from', 'to', 'for', 'with' or 'by' (a call from…, a referral for…)"),
    Cue("before an age", re.compile(
        rf"(?-i:\b({_NAME}{{0,2}}))[ \t]*\((?:aged?[ \t]*)?\d{{1,2}}[ \t]*(?:yrs?|years?|months?|mths?|y/?o)?(?:[ \t]*old)?\)"),
        0.7, "a name followed by an age in brackets", trigger=re.compile(r"\([ \t]*(?:aged?[ \t]*)?\d")),
    Cue("role before name", re.compile(
        rf"\b(?:SW|TM|IRO|HV|DSL|GP|SENCO|EWO|FSW|(?-i:Officer|Worker|Manager|Visitor|Nurse|Teacher|Practitioner))"
        rf"[ \t]+({_NAME}{{0,2}})(?![\w'’\-])"), 0.7, "a name after a role (SW, IRO, Family Support Worker…)"),
    Cue("possessive", re.compile(
        rf"(?-i:\b({_NAME}{{0,1}}))['’]s[ \t]+(?:(?:birth|biological|maternal|paternal|older|younger|elder|eldest|youngest|new|late|former)"
        r"[ \t]+)?(?:bed|bedroom|room|needs|appointments?|school|mum|dad|mother|father|"
        r"brother|sister|behaviour|attendance|health|safety|weight|injur(?:y|ies)|nursery|class|teacher|GP|plan|"
        r"carers?|family|home|placement|contact|daughter|son|sons|daughters|children|baby|wife|husband|partner|"
        r"boyfriend|girlfriend|ex-partner|stepdad|stepmum|stepfather|stepmother|nan|grandmother|grandfather|aunt|"
        r"uncle|cousin|siblings?|fella)\b"), 0.7, "a person's bed, needs, school, family…",
        trigger=re.compile(r"['’]s[ \t]+[a-zA-Z]")),
    Cue("introduced", re.compile(
        rf"(?i:\b(?:my|his|her|their)[ \t]+(?:first[ \t]+|full[ \t]+|real[ \t]+)?name[ \t]+(?:is|was)|\bmy[ \t]+name['’]s|"
        rf"\b(?:call|calls|called)[ \t]+(?:me|him|her)|\b(?:I|she|he)[ \t]+(?:am|is|was)[ \t]+called|\bgoes[ \t]+by)"
        rf"[ \t]+(?-i:({_NAME}{{0,2}}))(?![\w'’\-])"), 0.8,
        "a name someone gives as theirs ('my name is…', 'people call me…')"),
    Cue("action owner", re.compile(
        rf"(?m)^[ \t]*(?:[\-•*o]|\d{{1,2}}[.)])?[ \t]*({_NAME}{{0,2}})[ \t]+(?:\([^()\n]{{1,30}}\)[ \t]+)?to[ \t]+(?:see|update|visit|complete|contact|"
        r"chase|arrange|speak|liaise|refer|attend|send|make|book|share|discuss|follow|provide|review|call|ring|email|write)\b"),
        0.7, "a name given an action in a plan"),
    Cue("at a school", re.compile(
        rf"(?m)^[ \t]*({_NAME}{{0,2}})[ \t]+(?:at|attends)[ \t]+(?=[A-Z][\w'’]+(?:[ \t]+[A-Z][\w'’]+)*[ \t]+"
        r"(?:School|Academy|College|Nursery|Infant|Junior|Primary|Sixth))"), 0.7, "a name at the start of a line about a school"),
    Cue("surname first", re.compile(r"(?m)\b((?-i:[A-Z][A-Z'’\-]{1,}),[ \t]+(?-i:[A-Z][a-z][^\W\d_]*))\b"), 0.85,
        "a name written SURNAME, Forename"),
    Cue("initials", re.compile(r"\b(?<![A-Za-z.])([A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)(?![A-Za-z])"), 0.7,
        "initials standing for a person", checked=False),
    Cue("pseudonym", re.compile(
        r"\b((?:Child|Baby|Sibling|Young Person|Mother|Father|Parent|Carer|Adult|Pupil|Family|Person|Subject)"
        r"[ \t]+(?:[A-Z]{1,2}[0-9]?|(?<=Sibling[ \t])[1-9]|(?<=Adult[ \t])[1-9]))\b(?![a-z]|['’](?!s\b))"), 0.6, "a pseudonym for a person (Child Q, Mother A…)", checked=False),
)

_NUMBER = (r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
           r"sixteen|seventeen|eighteen|nineteen)")
_AKA = re.compile(r"\ba\.?k\.?a\b")
KIN_TRIGGER = Folded(rf"\b(?:{KIN})\b")

# How published reviews, judgments and notes write people: beside their family, with their age in
# words, with a judge's style after the surname, with a nickname.
CUES += (
    Cue("beside family", re.compile(rf"(?i:\b(?:{KIN}))(?:[ \t]*,)?[ \t]+(?-i:({_NAME}{{0,2}}))(?![\w'’\-])"), 0.7,
        "a name written after a family word ('her brother Tobi', 'Uncle Mehmet')", trigger=KIN_TRIGGER, guarded=True),
    Cue("with family", re.compile(
        rf"(?-i:\b({_NAME}{{0,2}}))[ \t]+and[ \t]+(?:his|her|their)[ \t]+(?:[a-z-]+[ \t]+)?(?i:{KIN})s?\b"), 0.7,
        "a name going somewhere with their family ('Ionut and his mother')", trigger=KIN_TRIGGER, guarded=True),
    Cue("family after", re.compile(
        rf"(?-i:\b({_NAME}{{0,2}})),[ \t]+(?:the|his|her|their|(?-i:[A-Z][\w]*(?:[ \t][A-Z][0-9]?)?)['’]s)[ \t]+"
        rf"(?:[\w'’-]+[ \t]+){{0,2}}?(?i:{KIN})s?\b"), 0.7,
        "a name with who they are in the family ('Yasmin, Child R's older sister')", trigger=KIN_TRIGGER, guarded=True),
    Cue("age said", re.compile(
        rf"(?-i:\b({_NAME}{{0,2}}))[ \t]+(?:was|is|is[ \t]+now|turned)[ \t]+(?:only[ \t]+|just[ \t]+|aged[ \t]+)?{_NUMBER}"
        r"(?:[ \t]+(?:years?|months?|weeks?)(?:[ \t]+old)?\b|(?=[ \t]+(?:when|at[ \t]+the[ \t]+time)\b)"
        r"|(?=[ \t]+and[ \t]+(?:living|lived|had|was|in)\b))"), 0.7,
        "a name with the age they were ('Bilal was 11 when…')",
        trigger=re.compile(rf"\b(?:was|is|turned)[ \t]+(?:only[ \t]+|just[ \t]+|aged[ \t]+)?{_NUMBER}\b"), guarded=True),
    Cue("judge", re.compile(r"\b([A-Z][a-z][\w'’-]*)[ \t]+(?:J|LJ|JJ|LJJ)(?![\w&/-])"), 0.8,
        "a judge's surname with their style ('Hayden J', 'Baker LJ')", trigger=re.compile(r"\bL?JJ?\b"), guarded=True),
    Cue("role and name", re.compile(
        rf"(?i:\b(?:{KIN}|SW|TM|IRO|HV|DSL|GP|SENCO|EWO|FSW|chair|minutes))[ \t]*\([ \t]*(?:{TITLE}\.?[ \t]+)?"
        rf"(?-i:({_NAME}{{0,2}}))[ \t]*\)"), 0.75, "a name in brackets after a role or family word ('SW (Priya Nair)')",
        trigger=re.compile(r"\([ \t]*[A-Z]"), guarded=True),
    Cue("pseudonym given", re.compile(
        rf"(?i:\b(?:referred[ \t]+to[ \t]+(?:[a-z]+[ \t]+){{0,4}}?as|(?:I|we)[ \t]+(?:shall|will)[ \t]+call|"
        rf"(?:a|the)[ \t]+pseudonym))[ \t]+[\"“'‘]?(?-i:({_NAME}{{0,2}}))(?![\w'’\-])"), 0.8,
        "a name given to a person in a review ('referred to as Alfie')",
        trigger=re.compile(r"(?i)\b(?:referred|call|pseudonym)\b"), guarded=True),
    Cue("pseudonym noted", re.compile(
        rf"(?-i:\b({_NAME}{{0,2}}))[ \t]*\((?i:not[ \t]+(?:his|her|their)[ \t]+real[ \t]+name|a[ \t]+pseudonym)\)"), 0.8,
        "a name said to be a pseudonym ('Kai (not his real name)')",
        trigger=re.compile(r"(?i)\b(?:pseudonym|real name)\b"), guarded=True),
    Cue("age between commas", re.compile(rf"(?-i:\b({_NAME}{{0,2}})),[ \t]*(?:aged[ \t]+)?\d{{1,2}},[ \t]"), 0.7,
        "a name with an age between commas ('Farhan, 14, was stopped')", trigger=re.compile(r",[ \t]*(?:aged[ \t]+)?\d{1,2},"),
        guarded=True),
    Cue("judge in capitals", re.compile(
        r"\b(?:(?:MR|MRS|MS|MISS|LORD|LADY)[ \t]+JUSTICE|(?:HIS|HER)[ \t]+HONOUR[ \t]+JUDGE|DISTRICT[ \t]+JUDGE|RECORDER)"
        r"[ \t]+((?:[A-Z][A-Z'’\-]+[ \t]+){0,2}[A-Z][A-Z'’\-]+)\b"), 0.85,
        "a judge named in a judgment's heading ('MRS JUSTICE KNOWLES')", checked=False,
        trigger=re.compile(r"JUSTICE|JUDGE|RECORDER")),
    Cue("nickname", re.compile(rf"(?-i:\b({_NAME}{{0,2}}))[ \t]+(?:aka|a\.k\.a\.?)(?=[ \t])"), 0.75,
        "a name with its nickname after it ('Jayden aka JJ')", trigger=_AKA, guarded=True),
    Cue("nickname after", re.compile(rf"\b(?:aka|a\.k\.a\.?)[ \t]+[\"“'‘]?(?-i:({_NAME}{{0,2}}))(?![\w'’\-])"), 0.75,
        "a nickname ('… aka Tiny')", trigger=_AKA, guarded=True),
)

INITIALS_NOT_NAMES = frozenset(
    {"U.K.", "U.S.", "A.M.", "P.M.", "N.B.", "P.S.", "G.P.", "R.E.", "P.E.", "I.T.", "E.G.", "I.E.", "P.O.", "B.A.", "M.A.",
     "D.O.B.", "O.B.", "D.O."}
)
