"""AGE: a person's age written out ("aged 7", "a 14-year-old", "7yo", "age: 9")."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

from scanner.detectors.registry import register_recognizer
from scanner.detectors.windowed import WindowedMixin

_N = r"(?:1[01]\d|[1-9]?\d)"  # 0–119
PATTERNS = [
    Pattern("aged N", rf"(?<=\baged\s){_N}\b|(?<=\bage\s){_N}\b|(?<=\bage:\s){_N}\b|(?<=\bage:){_N}\b", 0.6),
    Pattern("N years old", rf"\b{_N}(?=[\s\-]*(?:years?|yrs?|months?|mths?|weeks?)[\s\-]*old\b)", 0.7),
    Pattern("(N yrs)", rf"(?<=\()(?:{_N})(?=\s?(?:yrs?|years?|y|mths?|months?)\))", 0.7),
    Pattern("N yrs", rf"\b{_N}(?=\s?yrs?\b)", 0.6),
    Pattern("N-year-old", rf"\b{_N}(?=-(?:years?|yrs?|month)-old\b)", 0.7),
    Pattern("Nyo", rf"\b{_N}\s?(?=y/?o\b)", 0.6),
]


class AgeRecognizer(WindowedMixin, PatternRecognizer):
    # The lookbehind patterns are tried at every character; only text near these words can match.
    TRIGGER = re.compile(r"(?i)\b(?:age[d:]?|years?|yrs?|months?|mths?|weeks?)\b|\d\s?y/?o\b")
    MARGIN = 12

    def __init__(self) -> None:
        super().__init__(supported_entity="AGE", patterns=PATTERNS, context=["age", "aged", "old"],
                         name="AgeRecognizer")


@register_recognizer("age")
def make() -> list:
    return [AgeRecognizer()]
