"""SCHOOL: the name of a school, academy, college or nursery (it narrows down which child)."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

from scanner.detectors.registry import register_recognizer

_NAME_WORD = r"(?:[A-Z][A-Za-z'’.&\-]*|C of E|C\.? ?of ?E\.?|CE|RC|VA|VC|and|&|of|the|de|la)"
_KIND = (
    r"(?:(?:Primary|Infant|Infants|Junior|Secondary|High|Grammar|Community|Free|Special|Preparatory|Prep"
    r"|Middle|First|Upper|Church|Catholic|Academy|International|Independent|Village|Comprehensive)[ \t]+)*"
    r"(?:School|Academy|College|Nursery|Pre-School|Preschool|Pupil Referral Unit|PRU|Sixth Form)"
)
PATTERNS = [
    Pattern("named school", rf"\b[A-Z][A-Za-z'’.\-]*(?:[ \t]+{_NAME_WORD}){{0,5}}[ \t]+{_KIND}\b", 0.7),
]


class SchoolRecognizer(PatternRecognizer):
    def __init__(self) -> None:
        super().__init__(supported_entity="SCHOOL", patterns=PATTERNS, context=["school", "attends", "pupil"],
                         name="SchoolRecognizer", global_regex_flags=re.MULTILINE)

    def invalidate_result(self, pattern_text: str) -> bool:
        # "The School", "Our Nursery", "his Primary School" name no particular school.
        naming = [w for w in pattern_text.split() if w.lower() not in _KIND_WORDS]
        return all(w in _NOT_A_SCHOOL_NAME for w in naming)


_KIND_WORDS = frozenset(re.findall(r"[A-Za-z]+", _KIND.lower()))
_NOT_A_SCHOOL_NAME = frozenset(
    {"The", "A", "An", "Our", "Your", "His", "Her", "Their", "This", "That", "Each", "Every", "Any", "Local", "New",
     "Current", "Previous", "Mainstream", "Special", "Secondary", "Primary", "High", "Same", "Next", "Other"}
)


@register_recognizer("school")
def make() -> list:
    return [SchoolRecognizer()]
