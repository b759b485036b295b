"""UK_NHS: Presidio's NHS recognizer, validated by python-stdnum, with label-after context."""
from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import NhsRecognizer
from stdnum.gb import nhs

from scanner.detectors.registry import register_recognizer
from scanner.detectors.screen import ExcludedContextMixin


class UkNhsRecognizer(ExcludedContextMixin, NhsRecognizer):
    """A 10-digit number passing the NHS modulus-11 check.

    A number after "UTR" or "tax reference" is a taxpayer reference that happens to pass
    the same check (1 in 11 do), so that context rules it out.
    """

    # Presidio's pattern, not inside a phone number written with its country code
    # ("+44 131 496 0725": the last ten digits can pass the check).
    PATTERNS = [Pattern("NHS", r"(?<![+\d])(?<!\+\d\d )(?<!\+\d )(?<!\+\d{3} )\b\d{3}[- ]?\d{3}[- ]?\d{4}\b", 0.5)]
    CONTEXT = ["nhs", "health", "chi"]
    EXCLUDED_CONTEXT = ("utr", "taxpayer", "tax reference", "tax ref", "trn", "account", "sort code")

    def validate_result(self, pattern_text: str) -> bool:
        digits = "".join(c for c in pattern_text if c.isdigit())
        return digits != "0000000000" and nhs.is_valid(digits)


@register_recognizer("uk_nhs")
def make() -> list:
    return [UkNhsRecognizer(patterns=UkNhsRecognizer.PATTERNS, context=UkNhsRecognizer.CONTEXT)]
