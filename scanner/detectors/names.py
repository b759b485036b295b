"""PERSON and LOCATION from the one spaCy NER pass, plus the name cues that NER misses.

The small English model misses many names of non-English origin and names in labelled
fields ("Mother: Adaeze Okafor"), and it sometimes calls a school a person. This detector
takes the model's PERSON/GPE/LOC spans, cleans them, and adds names after titles, in
labelled fields, initials ("J.S.") and pseudonyms ("Child Q"). `propagate()` then marks every
other mention of a name found once in the document (first names, surnames, lower case).
"""
from __future__ import annotations

import dataclasses
import re
from typing import ClassVar, Iterable

from scanner.detectors.base import Chunk, finding
from scanner.detectors.registry import register_detector
from scanner.types import PERSONAL_DATA, Finding

_NOT_A_NAME = frozenset(
    """mum dad mother father mom parent parents carer carers child children baby sibling siblings brother sister
    nan nana nanny grandma grandad grandmother grandfather aunt auntie uncle cousin stepdad stepmum stepfather
    stepmother partner boyfriend girlfriend foster worker social teacher head headteacher school nurse doctor gp
    dsl mash police officer manager lead designated safeguarding child-protection senco ehcp cin cp lac cla
    nhs upn dob nino ni tel mob email address postcode name surname forename date ref case id no number
    mr mrs ms miss dr mx sir madam dear regards yours sincerely faithfully kind thanks thank team service
    monday tuesday wednesday thursday friday saturday sunday january february march april june july august
    september october november december today tomorrow yesterday morning afternoon evening
    forename forenames surname surnames firstname lastname middlename middlenames fullname sw swr iro fao cc re
    dob d.o.b d.o.b. nfa csc cafcass ehc ehcp mash lado iro chin dsl dsp note please action outcome summary update
    urgent confidential official sensitive private""".split()
)
# Words of headings, rooms, teams and documents: "Venue: Oak Room", "Subject: Core Group".
_NOT_NAME_WORDS = frozenset(
    """room rooms conference plan plans review meeting meetings centre center hub team teams council office service services
    group core child children protection family families school academy college nursery health police court care early
    help support panel strategy discussion update report assessment section order hall house street road lane avenue
    close drive way the and of for to in on at a an by with meeting minutes agenda notes note visit visits home
    visited referral referrals contact contacts case cases plan plans safeguarding unit ward clinic hospital surgery
    practice board partnership authority county city borough trust foundation limited ltd plc uk nhs gp cin cp lac
    district north south east west central new old first second third next last present absent apologies none tbc
    yes no not known unknown other all monday tuesday wednesday thursday friday saturday sunday agenda consent
    invitation transfer file summary minutes invoice total description subject purpose outcome worker workers
    officer manager coordinator co-ordinator lead chair nurse visitor teacher head deputy assistant adviser advisor
    therapist practitioner consultant paediatrician psychologist""".split()
)
# Names that are also everyday English words: propagated only where capitalised.
_WORD_NAMES = frozenset(
    """will may june april august hope grace faith joy rose mark bill bob pat sue ray dawn summer autumn holly ivy
    lily ruby amber jack frank guy max rich drew sunny star angel king young brown white green black long short
    little hill wood field stone bell page rice cook baker miller mason chase hunter sky river jordan penny
    violet daisy iris poppy heather jasmine olive pearl crystal destiny honor precious""".split()
)
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Master|Sir|Dame|Lady|Lord|Rev|Revd|Cllr|PC|DC|DS|DI|Sgt|Nurse)"
_NAME_TOKEN = r"[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’\-](?=[^\W\d_]))+|[A-Z]\.?"
_NAMEISH = rf"(?:(?:{_NAME_TOKEN})(?:[ \t]+(?:{_NAME_TOKEN}|de|da|van|von|bin|binti|al|el|di|le|la|du)){{0,3}})"
_FIELD_LABELS = (
    r"(?:Name|Full name|Child(?:'s)? name|Child|Young person|Pupil|Student|Mother|Mum|Father|Dad|Parent|Parent/carer"
    r"|Parent/Carer|Carer|Guardian|Sibling|Brother|Sister|Step-?father|Step-?mother|Stepdad|Stepmum|Grandmother|Grandfather"
    r"|Partner|Referrer|Social worker|Allocated worker|Key worker|Teacher|Head teacher|GP|Health visitor"
    r"|Patient|Client|Service user|Person|Contact|From|To|Attendees|Present|Author|Completed by|Signed)(?![\w/])"
)
_PATTERNS: tuple[tuple[str, re.Pattern[str], float], ...] = (
    ("title", re.compile(rf"\b{_TITLE}\.?[ \t]+((?:{_NAME_TOKEN})(?:[ \t]+(?:{_NAME_TOKEN})){{0,3}})"), 0.9),
    ("labelled field", re.compile(rf"(?im)(?:^|[.;,|]\s+)[ \t\-•*]*{_FIELD_LABELS}[ \t]*[:\-–][ \t]*(?-i:({_NAMEISH}))"), 0.85),
    ("initials", re.compile(r"\b(?<![A-Za-z.])([A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)(?![A-Za-z])"), 0.7),
    ("role label", re.compile(
        r"(?m)(?:^|[ \t]{2,}|\|[ \t]*)[ \t\-•*]*[A-Z][A-Za-z/&]*(?:[ \t][A-Za-z/&]+){0,2}[ \t]*:[ \t]*"
        rf"((?:{_NAME_TOKEN})(?:[ \t]+(?:{_NAME_TOKEN}|de|da|dos|van|der|von|al|el|bin|ap)){{1,3}})[ \t]*(?=$|[,(–\-]|[ \t]{{2,}})"),
        0.65),
    ("sign-off", re.compile(
        r"(?im)(?:^|[.!][ \t]+)[ \t]*(?:kind regards|warm regards|regards|best wishes|many thanks|thanks|thank you|"
        r"yours sincerely|yours faithfully|best|cheers|signed)[ \t]*,?[ \t]*\n?[ \t]*"
        rf"(?-i:((?:{_NAME_TOKEN})(?:[ \t]+(?:{_NAME_TOKEN}|de|da|dos|van|der|von|al|el|bin|ap)){{0,3}}))"), 0.7),
    ("list entry", re.compile(
        r"(?m)(?:^|:)[ \t]*(?:[\-•*o>][ \t]+)?"
        rf"((?:{_NAME_TOKEN})(?:[ \t]+(?:{_NAME_TOKEN}|de|da|dos|van|der|von|al|el|bin|ap)){{1,3}})"
        r"[ \t]+(?:-|–|\()[ \t]*[A-Za-z]"), 0.65),
    ("surname first", re.compile(r"(?m)\b((?-i:[A-Z][A-Z'’\-]{1,}),[ \t]+(?-i:[A-Z][a-z][^\W\d_]*))\b"), 0.75),
    ("pseudonym", re.compile(
        r"\b((?:Child|Baby|Sibling|Young Person|Mother|Father|Parent|Carer|Adult|Pupil|Family|Person|Subject)"
        r"[ \t]+[A-Z]{1,2}[0-9]?)\b(?![a-z'’])"), 0.6),
)
_INITIALS_NOT_NAMES = frozenset(
    {"U.K.", "U.S.", "A.M.", "P.M.", "N.B.", "P.S.", "G.P.", "R.E.", "P.E.", "I.T.", "E.G.", "I.E.", "P.O.", "B.A.", "M.A.",
     "D.O.B.", "O.B.", "D.O."}
)
_NER_LABELS = {"PERSON": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION"}


@register_detector("names")
class NameDetector:
    """PERSON and LOCATION findings from NER and name cues."""

    name: ClassVar[str] = "names"
    produces: ClassVar[frozenset[str]] = frozenset({"PERSON", "LOCATION"})

    def __init__(self, places: Iterable[str] = ()) -> None:
        self._places = frozenset(places)
        alternatives = "|".join(re.escape(p) for p in sorted(self._places, key=len, reverse=True))
        self._place_pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if alternatives else None

    def detect(self, chunk: Chunk) -> Iterable[Finding]:
        yield from self._from_ner(chunk)
        yield from self._from_cues(chunk)
        yield from self._from_places(chunk)

    def _from_places(self, chunk: Chunk) -> Iterable[Finding]:
        if self._place_pattern is None:
            return
        for match in self._place_pattern.finditer(chunk.text):
            yield finding(chunk, match.start(), match.end(), "LOCATION", 0.75, "names.places",
                          "a UK place named in config/places.yaml")

    def _from_ner(self, chunk: Chunk) -> Iterable[Finding]:
        for ent in chunk.doc.ents:
            type_ = _NER_LABELS.get(ent.label_)
            if type_ != "PERSON" and ent.label_ in _MISREAD_LABELS and _used_as_person(ent, self._places):
                start, end = _trim(chunk.text, ent.start_char, ent.end_char)
                yield finding(chunk, start, end, "PERSON", 0.75, "names.ner",
                              f"name-shaped, tagged {ent.label_} by the model, but used as a person here")
                continue
            if type_ is None:
                continue
            start, end = _trim(chunk.text, ent.start_char, ent.end_char)
            if end <= start or not _plausible(chunk.text[start:end], type_):
                continue
            if type_ == "PERSON" and chunk.text[start:end] in self._places:
                continue  # "Kent" alone is the county (reported by _from_places), not a person
            # The small model often calls an unfamiliar name a place; a place scores lower so
            # that a name cue or a name found elsewhere in the document wins.
            score = 0.85 if type_ == "PERSON" else 0.7
            yield finding(chunk, start, end, type_, score, "names.ner",
                          f"spaCy named-entity model tagged this as {ent.label_}")

    def _from_cues(self, chunk: Chunk) -> Iterable[Finding]:
        for cue, pattern, score in _PATTERNS:
            for match in pattern.finditer(chunk.text):
                start, end = _trim(chunk.text, *match.span(1))
                text = chunk.text[start:end]
                if end <= start or (cue == "initials" and text.replace(" ", "") in _INITIALS_NOT_NAMES):
                    continue
                if cue in _CHECKED_CUES and not _plausible(text, "PERSON"):
                    continue
                if cue in _CHECKED_CUES and any(w.lower() in _NOT_NAME_WORDS for w in text.split()):
                    continue
                if cue == "title" and _street_abbreviation(chunk.text, match.start()):
                    continue
                yield finding(chunk, start, end, "PERSON", score, f"names.{cue}", _CUE_EXPLANATIONS[cue])


_CHECKED_CUES = frozenset({"title", "labelled field", "surname first", "role label", "sign-off", "list entry"})
_CUE_EXPLANATIONS = {
    "title": "a name after a title (Mr, Mrs, Dr…)",
    "labelled field": "a name in a labelled field (Name:, Mother:, Child:…)",
    "initials": "initials standing for a person",
    "pseudonym": "a pseudonym for a person (Child Q, Mother A…)",
    "surname first": "a name written SURNAME, Forename",
    "role label": "a full name after a role label (DSL:, Health Visitor:…)",
    "sign-off": "a name signing off a letter or e-mail",
    "list entry": "a name heading an attendee or contact list entry (Name - role)",
}


# The small model tags many unfamiliar names as places or organisations. Such a span is a
# person when it is shaped like a name and the words around it are used of people.
_MISREAD_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"})
_PERSON_BEFORE = frozenset(
    """by with for dear regards thanks hi hello re cc mum dad mother father son daughter sister brother nan
    grandmother grandfather aunt uncle cousin partner stepdad stepmum carer child pupil baby told asked saw
    visited met called named says""".split()
)
_PLACE_BEFORE = frozenset("in at near towards around into via outside inside across".split())
_PERSON_AFTER = frozenset(
    """said says told reported disclosed explained stated confirmed agreed denied was is has had rang called
    attended missed refused shouting shouted cries cried hit kicked lives lived moved started stayed became
    seemed appeared looked wants wanted asked will would could should did does can may""".split()
)


def _used_as_person(ent, places: frozenset[str]) -> bool:  # noqa: ANN001
    words = ent.text.split()
    if not 1 <= len(words) <= 4 or ent.text in places:
        return False
    if not all(_name_shaped(w) for w in words):
        return False
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if before in _PLACE_BEFORE:
        return False
    if after in ("'s", "’s", "-", "(") and len(words) > 1:
        return True
    return before in _PERSON_BEFORE or after in _PERSON_AFTER


def _name_shaped(word: str) -> bool:
    core = word.strip(".,'’")
    return (
        len(core) >= 2 and core[0].isupper() and not core.isupper() and core.lower() not in _NOT_NAME_WORDS
        and core.lower() not in _NOT_A_NAME and all(c.isalpha() or c in "'’-" for c in core)
    ) or core in ("de", "da", "dos", "van", "der", "von", "al", "el", "bin", "ap")


def _street_abbreviation(text: str, title_start: int) -> bool:
    """"Cheriton Dr Reuquén", "Mill St John": Dr and St after a capitalised word are a street."""
    title = text[title_start : title_start + 2]
    before = text[max(0, title_start - 30) : title_start].rstrip(" ")
    return title in ("Dr", "St") and bool(re.search(r"[A-Z][a-z]+$", before)) and not before.endswith(("Dear", "and", "Met"))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding punctuation, a possessive 's and line breaks from a span."""
    while start < end and not (text[start].isalnum()):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    cut = text.find("\n", start, end)
    if cut != -1:
        end = cut
        while end > start and not text[end - 1].isalnum():
            end -= 1
    return start, end


def _plausible(text: str, type_: str) -> bool:
    """Reject NER output that cannot be a private person's name or a place."""
    if len(text) < 2 or any(c.isdigit() for c in text) or "@" in text:
        return False
    words = [w.strip(".,'’").lower() for w in text.split()]
    if all(w in _NOT_A_NAME for w in words):
        return False
    if type_ == "LOCATION" and text.isupper() and len(text) <= 3:  # "UC", "LA": Universal Credit, local authority
        return False
    if type_ == "PERSON":
        if text.isupper() and len(text) <= 5:  # column headers: UPN, DOB, LEA
            return False
        if any(w in _NOT_NAME_WORDS for w in words):  # "Family Support Worker", "Agenda", "Core Group"
            return False
        if re.search(r"\b(?:School|Academy|College|Nursery|Council|Ltd|Limited|NHS|Trust|Team|Service)\b", text):
            return False
    return True


def propagate(text: str, findings: list[Finding], stopwords: frozenset[str]) -> list[Finding]:
    """Every other mention of a person already found in this document is that person too.

    Returns the findings with additions: further mentions of each name (first name,
    surname, lower case where the name is not also an everyday word), and any place the
    model reported that is in fact one of those names ("Adaeze Okafor" tagged as a city).
    """
    names = _name_variants(f.text for f in findings if f.type == "PERSON" and f.kind == PERSONAL_DATA)
    if not names:
        return findings
    pattern = _variants_pattern(names)
    out = [_as_person(f) if f.detector == "names.ner" and f.type == "LOCATION" and pattern.search(f.text) else f
           for f in findings]
    # Known places keep their reading: "Kent" the county is not Clark Kent.
    taken = sorted((f.start, f.end) for f in out if f.type == "PERSON" or f.detector == "names.places")
    for match in pattern.finditer(text):
        value = match.group(0)
        if not (value[0].isupper() or value.lower() not in _WORD_NAMES | stopwords):
            continue
        if _overlaps(taken, match.start(), match.end()):
            continue
        out.append(Finding(PERSONAL_DATA, "PERSON", match.start(), match.end(), value, 0.8, "names.propagated",
                           "the same name was recognised elsewhere in this document"))
    return out


def _as_person(f: Finding) -> Finding:
    return dataclasses.replace(f, type="PERSON", score=0.8, detector="names.propagated",
                               explanation="tagged as a place by the model, but it holds a name found elsewhere in this document")


def _name_variants(texts: Iterable[str]) -> set[str]:
    variants: set[str] = set()
    for text in texts:
        parts = [p for p in re.split(r"[\s]+", text) if p]
        if len(parts) > 1 or len(text) > 2:
            variants.add(text)
        for part in parts:
            clean = part.strip(".,")
            if len(clean) >= 3 and clean[0].isupper() and clean.lower() not in _NOT_A_NAME and "." not in clean:
                variants.add(clean)
    return variants


def _variants_pattern(names: set[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{alternatives})(?![\w])", re.IGNORECASE)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    import bisect

    i = bisect.bisect_right(spans, (start, float("inf")))
    return (i > 0 and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end)
