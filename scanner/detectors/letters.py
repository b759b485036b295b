"""People written as letters: "A (aged 11)", "the mother, M,", "AB told her teacher", "F2".

Judgments, serious case reviews and anonymised case notes name children and adults by a letter
or two, sometimes with a digit ("F1", "F2" for two fathers). The letters are still personal data
in context: with the family's circumstances beside them they identify a child to anyone who knows
the family. The NER model never tags them and the name cues reject them (a capital letter or two
is more often an acronym), so this module reads them from how they are used: with an age, in
apposition to a relative ("the mother, M,"), as someone who says or does something ("AB told"),
with a relative or a belonging ("C's father"), or introduced ("referred to as X").

Once a letter is found that way, `propagate` finds its other mentions in the same document, case
sensitive and only as a whole word: "B" then stays B in "examined B on 4 March". "A" and "I" are
English words at the start of a sentence, so a sentence's first "A" is only taken where a cue
takes it, and "I" is never a letter name.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

# A letter name: one capital (not I), two capitals, either with one digit ("F1", "AB2").
_LETTERS = r"(?:[A-HJ-Z]|[A-Z]{2})[0-9]?"
_L = rf"(?<![\w.&/-])({_LETTERS})(?![\w&/-]|[.,]\w|['’](?!s\b)[^\W\d_])"
_RELATIVE = (r"mother|father|mum|dad|parent|carer|child|boy|girl|son|daughter|baby|infant|sibling|brother|sister|"
             r"half-?brother|half-?sister|step-?father|step-?mother|step-?dad|step-?mum|grandmother|grandfather|"
             r"grandparent|grandson|granddaughter|partner|boyfriend|girlfriend|husband|wife|aunt|uncle|cousin|"
             r"nephew|niece|applicant|respondent|intervener|young person|pupil|student|victim|perpetrator|"
             r"complainant|defendant|man|woman|adult|friend|neighbour")
_VERBS = (r"told|tells|said|says|disclosed|discloses|reported|reports|alleged|alleges|explained|explains|described|"
          r"describes|stated|states|denied|denies|admitted|admits|accepted|accepts|confirmed|recalled|recalls|"
          r"complained|cried|screamed|shouted|refused|wanted|wants|attended|attends|lives|lived|returned|ran away|sustained|"
          r"suffered|"
          r"went missing|was seen|was born|was taken|was found|was examined|was admitted|was assaulted|was injured|"
          r"was interviewed|was removed|was placed|was living|has been|had been|is now|was then")
_BELONGINGS = (r"mother|father|mum|dad|parents?|carers?|brother|sister|siblings?|grandmother|grandfather|"
               r"grandparents?|partner|boyfriend|girlfriend|aunt|uncle|family|home|bedroom|room|school|teacher|"
               r"class|nursery|GP|health|needs|injur(?:y|ies)|behaviour|attendance|birth|death|care|placement|"
               r"evidence|account|disclosure|statement|welfare|safety|weight|development")
_AGE = r"\([ \t]*(?:aged?[ \t]*)?\d{1,2}(?:[ \t]*(?:yrs?|years?|months?|mths?|y/?o))?(?:[ \t]*old)?[ \t]*\)"

CUES: tuple[tuple[str, re.Pattern[str], float, str], ...] = (
    ("with an age", re.compile(
        rf"{_L}[ \t]*(?:,[ \t]*)?(?:{_AGE}|(?:who[ \t]+(?:is|was)[ \t]+)?(?:now[ \t]+)?aged[ \t]+\d|born[ \t]+(?:in|on)[ \t]+\d)"), 0.75,
     "a letter standing for a person, with their age ('A (aged 11)')"),
    ("beside a relative", re.compile(
        rf"(?i:\b(?:{_RELATIVE}))(?:[ \t]*,[ \t]*|[ \t]*\([ \t]*)[\"“'‘]?{_L}[\"”'’]?(?=[ \t]*[,);:]|[ \t]*\.(?:\s|$))"),
     0.75, "a letter standing for a person, beside who they are ('the mother, M,')"),
    ("introduced", re.compile(
        rf"(?i:\b(?:referred[ \t]+to[ \t]+(?:[a-z]+[ \t]+){{0,4}}?as|known[ \t]+as|(?:I|we)[ \t]+(?:shall|will)[ \t]+call|"
        rf"(?:hereafter|hereinafter)(?:[ \t]+called)?|aka|a\.k\.a\.?))[ \t]+[\"“'‘]?{_L}[\"”'’]?"), 0.8,
     "a letter given to a person in the text ('referred to as X')"),
    ("a relative after it", re.compile(
        rf"{_L}[ \t]*,[ \t]+(?i:(?:her|his|their|the|whose|a)[ \t]+(?:[a-z-]+[ \t]+)?(?:{_RELATIVE})\b)"), 0.75,
     "a letter standing for a person, with who they are ('JS, her older brother')"),
    ("named as a relative", re.compile(rf"(?i:\bthe[ \t]+(?:{_RELATIVE}))[ \t]+(?:is|was)[ \t]+{_L}(?=[ \t]*[,;)]|\.(?:\s|$)|[ \t]+and\b)"),
     0.7, "a letter standing for a person ('the mother is M')"),
    ("the case's name", re.compile(
        rf"\b(?:Re|In[ \t]+the[ \t]+matter[ \t]+of)[ \t]+{_L}[ \t]*\((?:(?:A|The)[ \t]+)?(?:Child|Children|Minors?)\)"), 0.8,
     "a letter naming the child in a case's title ('Re A (A Child)')"),
    ("a party to a case", re.compile(
        rf"(?:\b(?:Council|Authority|Borough|Trust|Board|State)(?:[ \t]+of[ \t]+[A-Z][\w'’-]+)?|\b(?:{_LETTERS}))[ \t]+v\.?[ \t]+{_L}"
        rf"(?=[ \t]+and[ \t]|[ \t]*[\[(,]|[ \t]*$)", re.MULTILINE), 0.75,
     "a letter naming a party in a case's title ('X County Council v Y', 'AB v CD')"),
    ("the first party", re.compile(rf"{_L}[ \t]+v\.?[ \t]+(?:{_LETTERS})\b(?=[ \t]+and[ \t]|[ \t]*[\[(,]|[ \t]*$)", re.MULTILINE),
     0.75, "a letter naming a party in a case's title ('AB v CD')"),
    ("one of a group", re.compile(
        rf"\b(?:Children|Siblings|Adults|Parents|Young[ \t]+People|Pupils|Boys|Girls|Twins)[ \t]+{_L}"
        rf"(?=,[ \t]*[A-Z]\b|[ \t]+and[ \t]+[A-Z]\b)"), 0.75, "letters standing for a group of people ('Children A, B and C')"),
    ("who is a relative", re.compile(
        rf"{_L}(?:[ \t]+and[ \t]+{_LETTERS})?[ \t]+(?:is|are|was|were)[ \t]+(?:the|her|his|their)[ \t]+(?:[a-z-]+[ \t]+)?"
        rf"(?i:(?:{_RELATIVE})s?)\b"), 0.75, "a letter standing for a person who is someone's relative ('AB is the mother')"),
    ("done to", re.compile(
        rf"\b(?:examined|interviewed|visited|assessed|spoke[ \t]+(?:to|with)|met[ \t]+with|collected|hit|kicked|"
        rf"punched|slapped|assaulted|hurt|injured|threatened|groomed|abused|care[ \t]+for|cared[ \t]+for|look[ \t]+after|"
        rf"looked[ \t]+after)[ \t]+{_L}(?=[ \t]+(?:on|at|in|and|with|"
        rf"alone|again|when|after|before|because)\b|[ \t]*[,.;])"), 0.7,
     "a letter standing for a person something was done to ('examined D on 4 March')"),
    ("who speaks or acts", re.compile(rf"{_L}[ \t]+(?:{_VERBS})\b"), 0.7,
     "a letter standing for a person who says or does something ('AB told')"),
    ("with a belonging", re.compile(rf"{_L}['’]s[ \t]+(?:(?:biological|birth|maternal|paternal|older|younger|new|"
                                    rf"own|current|former|step)[ \t]+)?(?:{_BELONGINGS})\b"), 0.75,
     "a letter standing for a person, with their family or belongings ('C's father')"),
)

# Capitals that are organisations, roles, documents or things, never a person's letters.
NOT_LETTER_NAMES = frozenset("""
    AE AM BA BBC BMI CAF CAMHS CB CC CCE CCG CEO CG CIN CJ CLA CP CPS CSC CSE CV CYP DA DC DCS DI DJ DM DO DOB
    DPO DS DV ED EU EWO FE FGC FGM FSW GP HB HHJ HR HT HV IB ID IG IO IP IQ IRO IT JP KC LA LAC LADO LJ MA MD MP MR
    MS MASH NB NFA NHS NI OK OT PA PC PE PM PO PS QC RE SAR SCR SEN SEND SENCO SLT SW TA TAC TAF TM TV UC UK US
    YJS YOS YOT YP
""".split())
# Words after which a capital letter is a label, not a person: "Part B", "vitamin D", "Plan A".
_LABEL_WORDS = frozenset("""
    part parts appendix appendices annex annexe schedule section sections paragraph para clause article plan plans
    option options type types grade grades class level stage phase form exhibit table figure fig question questions
    block unit flat room ward bay vitamin hepatitis category categories group groups team tier step list page
    item items point points box column row sheet tab version model route area zone wing floor division
    """.split())


_CANDIDATE = re.compile(_L)
MARGIN = 80  # characters around a candidate letter that hold every cue's context


def letter_names(text: str) -> Iterator[tuple[int, int, str, float, str]]:
    """(start, end, cue, score, explanation) for each letter name a cue finds in `text`. The cues run
    only on windows around capitals that could be letter names: most text has none."""
    spans: list[tuple[int, int]] = []
    for m in _CANDIDATE.finditer(text):
        if m.group(1) in NOT_LETTER_NAMES:
            continue
        start, end = max(0, m.start() - MARGIN), min(len(text), m.end() + MARGIN)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    for cue, pattern, score, why in CUES:
        for lo, hi in spans:
            for match in pattern.finditer(text, lo, hi):
                start, end = match.span(1)
                if _is_letter_name(text, start, end):
                    yield start, end, cue, score, why


def mentions(text: str, letters: set[str]) -> Iterator[tuple[int, int]]:
    """Every further whole-word, same-case mention of letter names already found."""
    if not letters:
        return
    pattern = re.compile(rf"(?<![\w.&/'’-])({'|'.join(sorted(map(re.escape, letters), key=len, reverse=True))})"
                         rf"(?![\w&/-]|[.,]\w|['’](?!s\b)[^\W\d_])")
    for match in pattern.finditer(text):
        start, end = match.span(1)
        if text[start:end] == "A" and _sentence_start(text, start):
            continue  # "A social worker visited": the article
        if _is_letter_name(text, start, end):
            yield start, end


def is_letter_name(value: str) -> bool:
    return bool(re.fullmatch(_LETTERS, value)) and value not in NOT_LETTER_NAMES


def _is_letter_name(text: str, start: int, end: int) -> bool:
    if not is_letter_name(text[start:end]):
        return False
    before = re.search(r"([A-Za-z]+)[ \t]*$", text[max(0, start - 24):start])
    return not (before and before.group(1).lower() in _LABEL_WORDS)


def _sentence_start(text: str, i: int) -> bool:
    before = text[max(0, i - 4):i].rstrip(" \t\"“'‘(")
    return not before or before[-1] in ".!?:;\n•-*"
