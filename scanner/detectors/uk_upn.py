"""UK_UPN: the DfE Unique Pupil Number, validated by python-stdnum (check letter, LA code)."""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum.gb import upn

from scanner.detectors.registry import register_recognizer


class UkUpnRecognizer(PatternRecognizer):
    """13 characters: check letter, LA, establishment, year, serial (a temporary UPN ends in a letter)."""

    PATTERNS = [Pattern("UPN", r"\b[a-z]\d{11}[0-9a-z]\b", 0.3)]
    CONTEXT = ["upn", "pupil"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="UK_UPN", patterns=self.PATTERNS, context=self.CONTEXT, name="UkUpnRecognizer"
        )

    def validate_result(self, pattern_text: str) -> bool:
        return upn.is_valid(pattern_text)


@register_recognizer("uk_upn")
def make() -> list:
    return [UkUpnRecognizer()]
