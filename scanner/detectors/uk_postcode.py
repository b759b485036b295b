"""UK_POSTCODE: Presidio's postcode recognizer with a score fit for UK case records."""
from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import UkPostcodeRecognizer

from scanner.detectors.registry import register_recognizer

# Presidio scores a bare postcode 0.1, below any sensible threshold; in the records of a UK
# service a well-formed postcode is nearly always an address. Same regex, higher score.
PATTERNS = [Pattern("UK postcode", p.regex, 0.6) for p in UkPostcodeRecognizer.PATTERNS]
CONTEXT = ["postcode", "address", "post"]


class _Postcode(UkPostcodeRecognizer):
    def invalidate_result(self, pattern_text: str) -> bool:
        # "a1 2nd"-like lower-case runs of prose are not postcodes; real ones are written in capitals.
        return pattern_text.islower()


@register_recognizer("uk_postcode")
def make() -> list:
    return [_Postcode(patterns=PATTERNS, context=CONTEXT)]
