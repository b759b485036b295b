"""SCHOOL: the name of a school, academy, college or nursery (it narrows down which child)."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

from scanner.detectors.registry import register_recognizer

_NAME_WORD = r"(?:[A-Z][A-Za-z'’.&\-]*|C of E|C\.? ?of ?E\.?|CE|RC|VA|VC|and|&|of|the|de|la)"
_KIND = (
    r"(?:(?:Primary|Infant|Infants|Junior|Secondary|High|Grammar|Community|Free|Special|Preparatory|Prep"
    r"|Middle|First|Upper|Church|Catholic|Academy|International|Independent|Village|Comprehensive)\s+)*"
    r"(?:School|Academy|College|Nursery|Pre-School|Preschool|Pupil Referral Unit|PRU|Sixth Form)"
)
PATTERNS = [
    Pattern("named school", rf"\b[A-Z][A-Za-z'’.\-]*(?:\s+{_NAME_WORD}){{0,5}}\s+{_KIND}\b", 0.7),
]


class SchoolRecognizer(PatternRecognizer):
    def __init__(self) -> None:
        super().__init__(supported_entity="SCHOOL", patterns=PATTERNS, context=["school", "attends", "pupil"],
                         name="SchoolRecognizer", global_regex_flags=re.MULTILINE)

    def invalidate_result(self, pattern_text: str) -> bool:
        # "The School" or "Our Nursery" name no particular school.
        first = pattern_text.split()[0]
        return first in {"The", "A", "An", "Our", "Your", "His", "Her", "Their", "This", "That", "Each", "Every",
                         "Any", "Primary", "Secondary", "High", "Local", "New", "Current", "Previous", "Mainstream"}


@register_recognizer("school")
def make() -> list:
    return [SchoolRecognizer()]
