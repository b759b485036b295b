"""DATE_OF_BIRTH: a date in any common UK layout, reported only with birth context nearby."""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from scanner.detectors.registry import register_recognizer

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)?\d{2}"
_NUM_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_NUM_MONTH = r"(?:0?[1-9]|1[0-2])"

# Base scores sit below the threshold: a date becomes a date of birth through its context.
PATTERNS = [
    Pattern("d/m/y", rf"\b{_NUM_DAY}([/.\-]){_NUM_MONTH}\1{_YEAR}\b", 0.3),
    Pattern("m/d/y", rf"\b{_NUM_MONTH}([/.\-]){_NUM_DAY}\1{_YEAR}\b", 0.3),
    Pattern("y-m-d", rf"\b(?:19|20)\d{{2}}([/.\-]){_NUM_MONTH}\1{_NUM_DAY}\b", 0.3),
    Pattern("d month y", rf"\b{_DAY}(?:\s+of)?[\s\-]+{_MONTH}[\s,\-]+(?:19|20)\d{{2}}\b", 0.3),
    Pattern("month d y", rf"\b{_MONTH}\s+{_DAY},?\s+(?:19|20)\d{{2}}\b", 0.3),
]
CONTEXT = ["dob", "d.o.b", "d.o.b.", "birth", "born", "birthday", "b.", "b"]


@register_recognizer("date_of_birth")
def make() -> list:
    return [PatternRecognizer(supported_entity="DATE_OF_BIRTH", patterns=PATTERNS, context=CONTEXT,
                              name="DateOfBirthRecognizer")]
