"""Document-level name rules, run once all chunks are scanned.

A person found once is found everywhere: every other mention of the name (first name,
surname, lower case where the name is not also an everyday word), a place the model reported
that is in fact that name, a name written next to its own e-mail address, and a name joined
to a known one by "and".
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Iterable

from scanner.detectors import letters
from scanner.detectors.names import word_name_before
from scanner.detectors.name_words import NOT_A_NAME, NOT_NAME_WORDS, WORD_NAMES
from scanner.types import PERSONAL_DATA, SAFEGUARDING, SPECIAL_CATEGORY, Finding

_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:['’\-][^\W\d_]+)*"
# "Arjun Shah (age 7) and Delroy", "Mrs Sagal Egal, Oisín Egal-O'Neill, Mahad"
_JOINED_LETTER = re.compile(r"(?:,|,?[ \t]+and)[ \t]+([A-Z]{1,2}[0-9]?)\b(?![.,]\w|['’](?!s\b)\w)")
# "Rhys ap Gwilym and Cerys Llywelyn", "Seen: Kacper, Zuzanna…": a name listed before a known person.
_JOINED_BEFORE = re.compile(rf"(?:^|(?<=[\s(\"“]))({_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|ap|de|la|van|der|von|bin|al))"
                            rf"{{0,2}})[ \t]+and[ \t]+$|[:,][ \t]+({_NAME_WORD}),[ \t]+$")
_JOINED = re.compile(rf"(?m)(?:[ \t]*\([^()\n]{{0,30}}\))?(?:[ \t]+and|,)[ \t]+({_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)(?=[ \t]*(?:$|,|\(|and\b|\.))")


def propagate(text: str, findings: list[Finding], stopwords: frozenset[str]) -> list[Finding]:
    """The findings with every further mention of the people in them added."""
    findings = _without_terms(findings)
    findings = findings + _names_by_email(text, findings)
    findings = findings + _letter_mentions(text, findings)
    findings = findings + _joined_names(text, findings)
    names = _name_variants(f.text for f in findings if f.type == "PERSON" and f.kind == PERSONAL_DATA)
    if not names:
        return findings
    out = [_as_person(f) if f.detector == "names.ner" and f.type == "LOCATION" and _mentions(f.text, names) else f
           for f in findings]
    # Known places keep their reading: "Kent" the county is not Clark Kent.
    taken = sorted((f.start, f.end) for f in out if f.type == "PERSON" or f.detector == "names.places")
    for start, end in _mentions(text, names):
        value = text[start:end]
        if not (value[0].isupper() or value.lower() not in WORD_NAMES | stopwords):
            continue
        if _overlaps(taken, start, end):
            continue
        if value[0].isupper():
            start = word_name_before(text, start)  # "Precious Adeyemi" where "Adeyemi" was found
            value = text[start:end]
        out.append(_person(start, value, "names.propagated", "the same name was recognised elsewhere in this document"))
        taken.insert(bisect.bisect(taken, (start, end)), (start, end))
    return out


def _mentions(text: str, names: set[str]) -> list[tuple[int, int]]:
    """Whole-word, case-insensitive occurrences of the names, longest names first."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters change length in lower case: fall back to a regex
        return [m.span() for m in _variants_pattern(names).finditer(text)]
    spans = []
    for name in sorted(names, key=len, reverse=True):
        needle, pos = name.lower(), 0
        while (pos := lowered.find(needle, pos)) != -1:
            end = pos + len(needle)
            if _boundary(text, pos - 1) and _boundary(text, end):
                spans.append((pos, end))
            pos = end
    return spans


def _boundary(text: str, i: int) -> bool:
    return i < 0 or i >= len(text) or not (text[i].isalnum() or text[i] in "_'’")


def _letter_mentions(text: str, findings: list[Finding]) -> list[Finding]:
    """The other mentions of a person written as a letter ("B" in "examined B on 4 March")."""
    found = {f.text for f in findings if f.detector == "names.letters"}
    if not found:
        return []
    taken = sorted((f.start, f.end) for f in findings if f.kind == PERSONAL_DATA)
    out = []
    for start, end in letters.mentions(text, found):
        if not _overlaps(taken, start, end):
            out.append(_person(start, text[start:end], "names.propagated",
                               "the same letter stands for a person elsewhere in this document", 0.7))
    return out


def _person(start: int, value: str, detector: str, why: str, score: float = 0.8) -> Finding:
    return Finding(PERSONAL_DATA, "PERSON", start, start + len(value), value, score, detector, why)


def _names_by_email(text: str, findings: list[Finding]) -> list[Finding]:
    """"Tanvir Miah tanvir.miah@…", "rose fairweather (rose.fairweather@…)": the address spells the name."""
    out = []
    for f in findings:
        if f.type != "EMAIL_ADDRESS":
            continue
        parts = [p for p in re.split(r"[._\-]", f.text.split("@")[0]) if len(p) >= 2 and p.isalpha()]
        if len(parts) < 2:
            continue
        words = r"[ \t]+".join(re.escape(p) for p in parts)
        before = text[max(0, f.start - 80) : f.start]
        match = re.search(rf"(?i)\b({words})[ \t]*[(<\[,]?[ \t]*$", before)
        if match:
            start = f.start - len(before) + match.start(1)
            out.append(_person(start, match.group(1), "names.email", "a name spelled out by the e-mail address beside it"))
    return out


def _without_terms(findings: list[Finding]) -> list[Finding]:
    """"Sertraline", "Ecstasy", "Honour Based Abuse": words the model calls a person that the concern and
    special-category lexicons know, whole, as a medicine, a drug or a harm are that, not a person."""
    terms = {(f.start, f.end) for f in findings if f.kind in (SAFEGUARDING, SPECIAL_CATEGORY)}
    if not terms:
        return findings
    return [f for f in findings
            if not (f.detector in ("names.ner", "names.speech") and f.type == "PERSON" and (f.start, f.end) in terms)]


def _joined_names(text: str, findings: list[Finding]) -> list[Finding]:
    """Capitalised names listed after a known person ("… and Delroy", "…, Mahad"), one after another,
    or just before one ("Rhys ap Gwilym and Cerys Llywelyn"); a letter joined to a letter ("AB and CD")."""
    out = []
    taken = {(f.start, f.end) for f in findings if f.type == "PERSON"}
    terms = {f.start for f in findings if f.kind in (SAFEGUARDING, SPECIAL_CATEGORY)}
    for f in findings:
        if f.type != "PERSON" or f.kind != PERSONAL_DATA:
            continue
        if letters.is_letter_name(f.text):
            end = f.end  # "A, B and C", "X and Y": each letter listed after a letter name
            while (match := _JOINED_LETTER.match(text, end)) and letters.is_letter_name(match.group(1)):
                if (match.start(1), match.end(1)) not in taken:
                    out.append(_person(match.start(1), match.group(1), "names.joined", "a letter listed with a person", 0.7))
                end = match.end(1)
            continue
        before = _JOINED_BEFORE.search(text, max(0, f.start - 60), f.start)
        group = before and (1 if before.group(1) else 2)
        if before and not any(w.lower() in NOT_NAME_WORDS | NOT_A_NAME for w in before.group(group).split()) \
                and not _sentence_word(before.group(group)) and before.start(group) not in terms \
                and (before.start(group), before.end(group)) not in taken:
            out.append(_person(before.start(group), before.group(group), "names.joined", "a name listed with a person", 0.7))
        end = f.end
        while (match := _JOINED.match(text, end)) and not any(
            w.lower() in NOT_NAME_WORDS | NOT_A_NAME for w in match.group(1).split()
        ):
            out.append(_person(match.start(1), match.group(1), "names.joined", "a name listed with a person", 0.7))
            end = match.end(1)
    return out


def _sentence_word(value: str) -> bool:
    """"Both Mum and…", "When Jo and…": a sentence's first capitalised word that is an everyday word."""
    return len(value.split()) == 1 and value.lower() in _EVERYDAY


_EVERYDAY = frozenset("both when then while if but so as after before although because once since".split())


def _as_person(f: Finding) -> Finding:
    return dataclasses.replace(f, type="PERSON", score=0.8, detector="names.propagated",
                               explanation="tagged as a place by the model, but it holds a name found elsewhere in this document")


def _name_variants(texts: Iterable[str]) -> set[str]:
    variants: set[str] = set()
    for text in texts:
        parts = [p for p in re.split(r"[\s,]+", text) if p]
        if len(parts) > 1 or len(text) > 2:
            variants.add(text)
        for part in parts:
            clean = part.strip(".,")
            if len(clean) >= 3 and clean[0].isupper() and clean.lower() not in NOT_A_NAME and "." not in clean:
                variants.add(clean)
    return variants


def _variants_pattern(names: set[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{alternatives})(?![\w])", re.IGNORECASE)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(spans, (start, float("inf")))
    return (i > 0 and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end)
