"""PERSON and LOCATION from the one spaCy NER pass, plus the name cues that NER misses.

The small English model misses many names of non-English origin and names in labelled
fields ("Mother: Adaeze Okafor"), and it sometimes calls a school a person. This detector
takes the model's PERSON/GPE/LOC spans, cleans them, reads names the model calls places or
organisations by how they are used, and adds the written cues of `name_cues` and known UK
places. `name_propagation` then finds every other mention of each name in the document.
"""
from __future__ import annotations

import re
from typing import ClassVar, Iterable, Iterator

from scanner.detectors.base import Chunk, finding
from scanner.detectors.letters import is_letter_name, letter_names
from scanner.detectors.name_lower import after_kin, lower_case_names, unknown_word
from scanner.detectors.name_cues import CUES, INITIALS_NOT_NAMES, Cue
from scanner.detectors.windowed import windows
from scanner.detectors.name_words import (
    NOT_A_NAME, NOT_NAME_WORDS, NOTE_VERBS, PARTICLES, PERSON_AFTER, PERSON_BEFORE, PLACE_BEFORE, SPEECH_VERBS,
    INNER_PARTICLES, PASSIVE_PHRASES, STATE_PHRASES, SURNAME_WORDS, THING_BEFORE, WORD_NAMES,
)
from scanner.detectors.registry import register_detector
from scanner.types import Finding

_NER_LABELS = {"PERSON": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION"}


@register_detector("names")
class NameDetector:
    """PERSON and LOCATION findings from NER and name cues."""

    name: ClassVar[str] = "names"
    produces: ClassVar[frozenset[str]] = frozenset({"PERSON", "LOCATION"})

    def __init__(self, places: Iterable[str] = (), stopwords: Iterable[str] = (), english: Iterable[str] = ()) -> None:
        self._places = frozenset(places)
        self._stop = frozenset(stopwords)
        self._english = frozenset(english)
        alternatives = "|".join(re.escape(p) for p in sorted(self._places, key=len, reverse=True))
        self._place_pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if alternatives else None

    def detect(self, chunk: Chunk) -> Iterable[Finding]:
        yield from self._from_ner(chunk)
        yield from self._from_cues(chunk)
        yield from self._from_letters(chunk)
        yield from self._from_speech(chunk)
        yield from self._from_lower_case(chunk)
        yield from self._from_places(chunk)

    def _from_lower_case(self, chunk: Chunk) -> Iterable[Finding]:
        """"his nan sharon", "mum (tracey)", "kayden and his nan": names in notes typed without capitals."""
        for start, end in lower_case_names(chunk.text, self._english, self._stop):
            yield finding(chunk, start, end, "PERSON", 0.65, "names.lower case",
                          "a lower-case word beside a family word that is no English word: a name")

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
            if type_ == "PERSON":
                if _word_before(chunk.text, start) in THING_BEFORE:
                    continue  # "prescribed Sertraline", "plays Fortnite": a thing, not a person
                start, end = _person_span(chunk.text, start, end)
                if self._english and chunk.text[start:end].islower() and (kin_end := after_kin(chunk.text, start, end)) > start:
                    start = kin_end
                    if not any(unknown_word(w, self._english, self._stop) for w in chunk.text[start:end].split()):
                        continue  # "nan unwell": in lower-case notes, English words after a family word are not a name
                start = word_name_before(chunk.text, start)
            line_start = start == 0 or chunk.text[start - 1] == "\n"
            if line_start and (_LABEL.match(chunk.text, end) or (type_ == "PERSON" and " " not in chunk.text[start:end] and _HEADING.match(chunk.text, end))):
                continue  # "Bill to:", "Agenda:", a one-word heading line: labels, not names
            # The small model often calls an unfamiliar name a place; a place scores lower so
            # that a name cue or a name found elsewhere in the document wins.
            score = 0.85 if type_ == "PERSON" else 0.7
            yield finding(chunk, start, end, type_, score, "names.ner",
                          f"spaCy named-entity model tagged this as {ent.label_}")

    def _from_cues(self, chunk: Chunk) -> Iterable[Finding]:
        shared: dict[int, list[tuple[int, int]]] = {}  # cues with one trigger search it once
        for cue in CUES:
            for match in _matches(cue, chunk.text, shared):
                start, end = _trim(chunk.text, *match.span(1))
                text = chunk.text[start:end]
                if end <= start or (cue.name == "initials" and text.replace(" ", "") in INITIALS_NOT_NAMES):
                    continue
                if cue.name == "title" and _PERSONAL_TITLE.match(match.group(0)) and (
                        is_letter_name(text) or text.lower() in SURNAME_WORDS):
                    if is_letter_name(text):  # "Mr T", "Ms X": a judgment's letter with a title
                        start = match.start()
                    yield finding(chunk, start, end, "PERSON", cue.score, "names.title", cue.explanation)
                    continue  # "Dr Ward", "Mrs Hall": after a personal title a word of rooms and places is a surname
                if cue.checked:
                    start, text = _drop_leading_word(chunk.text, start, text)
                    if not _plausible(text, "PERSON") or text in self._places:
                        continue
                    if any(w.strip(",.").lower() in _NEVER_IN_NAMES for w in text.split()):
                        continue  # "DSL, Pastoral", "from Children Social Care"
                if cue.guarded and (any(w.lower() in self._stop for w in text.split())
                                    or _word_before(chunk.text, start) in _GUARD_BEFORE or _COLON.match(chunk.text, end)):
                    continue  # "She and her mother", "After Easter, her mother", "Mother Tongue:"
                if cue.name == "title" and _street_abbreviation(chunk.text, match.start()):
                    continue
                yield finding(chunk, start, end, "PERSON", cue.score, f"names.{cue.name}", cue.explanation)

    def _from_letters(self, chunk: Chunk) -> Iterable[Finding]:
        """"A (aged 11)", "the mother, M,", "AB told": people written as letters (`letters`)."""
        for start, end, _cue, score, why in letter_names(chunk.text):
            yield finding(chunk, start, end, "PERSON", score, "names.letters", why)

    def _from_speech(self, chunk: Chunk) -> Iterable[Finding]:
        """"Femi said…", "Folake says…": a capitalised word that speaks or acts like a person."""
        for match in _SPEECH.finditer(chunk.text):
            words = match.group(1).split()
            if words[0].lower() in NOT_A_NAME:  # "Later Adaeze rang": a sentence's first word
                words = words[1:]
            if not words or any(w.lower() in self._stop or not _name_shaped(w) for w in words) or " ".join(words) in self._places:
                continue
            if match.group(2) in PASSIVE_PHRASES and any(w.lower() in self._english for w in words):
                continue  # "Evidence was examined", "Paracetamol was taken to school"
            yield finding(chunk, match.end(1) - len(" ".join(words)), match.end(1), "PERSON", 0.65, "names.speech",
                          f"a name doing what people do ('{match.group(2)}')")


# The small model tags many unfamiliar names as places or organisations. Such a span is a
# person when it is shaped like a name and the words around it are used of people.
_WORD_RE = r"[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:['’\-][^\W\d_]+)*"
_STATES = "|".join(p.strip().replace(" ", r"[ \t]+") for p in STATE_PHRASES + PASSIVE_PHRASES)
_SPEECH = re.compile(rf"\b((?:{_WORD_RE}[ \t]+)?{_WORD_RE})[ \t]+({'|'.join(sorted(SPEECH_VERBS))}|{_STATES})\b")
_HEADING = re.compile(r"[ \t]*(?:\n|$)")
_LABEL = re.compile(r"(?:[ \t]+[a-z]+)?[ \t]*:")
CUE_WINDOW = 80  # characters around a cue's trigger: room for a three-word name and its punctuation
_MISREAD_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"})
def _used_as_person(ent, places: frozenset[str]) -> bool:  # noqa: ANN001
    words = ent.text.split()
    if not 1 <= len(words) <= 4 or ent.text in places:
        return False
    if not all(_name_shaped(w) for w in words):
        return False
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if before in PLACE_BEFORE:
        return False
    if after in ("'s", "’s", "-", "(") and len(words) > 1:
        return True
    return before in PERSON_BEFORE or after in PERSON_AFTER


_NEVER_IN_NAMES = NOT_A_NAME | NOT_NAME_WORDS
_PERSONAL_TITLE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\b")
_GUARD_BEFORE = PLACE_BEFORE | frozenset("after before during since until over on by of from for".split())
_PREVIOUS = re.compile(r"([A-Za-z]+)[ \t]*$")
_DASH = re.compile(r"[ \t]+[-–—][ \t]+")
_COLON = re.compile(r"[ \t]*:")


def _word_before(text: str, start: int) -> str:
    m = _PREVIOUS.search(text, max(0, start - 20), start)
    return m.group(1).lower() if m else ""


def _person_span(text: str, start: int, end: int) -> tuple[int, int]:
    """"Seen Kwame": a note's verb the model took into the name; "Chidi - yr 9": a spaced dash ends a name."""
    dash = _DASH.search(text, start, end)
    if dash:
        end = dash.start()
    first = text[start:end].split(" ", 1)
    if len(first) == 2 and first[0].lower() in NOTE_VERBS and first[1][:1].isupper():
        start += len(first[0]) + 1
    return start, end


_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))([A-Z][a-z]+)[ \t]+$")
_WORD_BEFORE_CONTEXT = re.compile(r"([A-Za-z]+)[ \t]+$")


def word_name_before(text: str, start: int) -> int:
    """"Star Hobson", "Grace Obi": the model often leaves out a first name that is also an English
    word; it belongs to the name when it is capitalised right before it, and not a month after a
    preposition ("In May Hobson moved")."""
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if not m or m.group(1).lower() not in WORD_NAMES:
        return start
    before = _WORD_BEFORE_CONTEXT.search(text, max(0, m.start(1) - 20), m.start(1))
    if before and before.group(1).lower() in PLACE_BEFORE | {"of", "on", "by", "since", "until", "during"}:
        return start
    if before is None and m.group(1) in ("Will", "May"):
        return start  # "Will Adeyemi be there?": a question's modal verb
    return m.start(1)


def _name_shaped(word: str) -> bool:
    core = word.strip(".,'’")
    return (
        len(core) >= 2 and core[0].isupper() and not core.isupper() and core.lower() not in NOT_NAME_WORDS
        and core.lower() not in NOT_A_NAME and all(c.isalpha() or c in "'’-" for c in core)
    ) or core in PARTICLES


def _matches(cue: Cue, text: str, shared: dict[int, list[tuple[int, int]]]) -> Iterator[re.Match[str]]:
    if cue.trigger is None:
        yield from cue.pattern.finditer(text)
        return
    key = id(cue.trigger)
    if key not in shared:
        shared[key] = windows(text, cue.trigger, CUE_WINDOW)
    for start, end in shared[key]:
        # Searching the whole text with a window's bounds keeps match offsets and \b, ^ exact.
        yield from cue.pattern.finditer(text, start, end)


def _drop_leading_word(text: str, start: int, name: str) -> tuple[int, str]:
    """"Visited Jayden Smith DOB…": a sentence's first word before a two-word name is not part of it."""
    words = name.split()
    sentence_start = start == 0 or text[max(0, start - 2) : start].strip() in ("", ".", ":", "-", "•", "*")
    if len(words) >= 3 and sentence_start and words[0].lower() not in PARTICLES and words[1][:1].isupper() \
            and words[1] not in INNER_PARTICLES:
        cut = name.index(words[1], len(words[0]))
        return start + cut, name[cut:]
    return start, name


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
    if all(w in NOT_A_NAME for w in words):
        return False
    if type_ == "LOCATION" and text.isupper() and len(text) <= 3:  # "UC", "LA": Universal Credit, local authority
        return False
    if type_ == "PERSON":
        if text.isupper() and len(text) <= 5:  # column headers: UPN, DOB, LEA
            return False
        if any(w in NOT_NAME_WORDS for w in words):  # "Family Support Worker", "Agenda", "Core Group"
            return False
        if re.search(r"\b(?:School|Academy|College|Nursery|Council|Ltd|Limited|NHS|Trust|Team|Service)\b", text):
            return False
    return True
