"""UK_POSTCODE: Presidio's postcode recognizer with a score fit for UK case records."""
from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import UkPostcodeRecognizer

from scanner.detectors.address import STREET_WORDS
from scanner.detectors.registry import register_recognizer

# Presidio scores a bare postcode 0.1, below any sensible threshold; in the records of a UK
# service a well-formed postcode is nearly always an address. Same regex, higher score.
# Written in capitals it is a postcode; in lower case ("ls6 1tz" in a hurried note) it needs
# an address word nearby, because prose has lower-case look-alikes ("a1 2nd").
PATTERNS = [Pattern("UK postcode", rf"(?-i:{p.regex})", 0.6) for p in UkPostcodeRecognizer.PATTERNS] + [
    Pattern("UK postcode, any case", p.regex, 0.3) for p in UkPostcodeRecognizer.PATTERNS
]
CONTEXT = ["postcode", "address", "post", "lives", "living", "moved", "flat", *STREET_WORDS]


class _Postcode(UkPostcodeRecognizer):
    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: ANN001
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for r in results:
            if not text[r.start : r.end].islower():  # "sw1A 0AA", "EC2V 7hh": a capital says it is written as one
                r.score = max(r.score, PATTERNS[0].score)
        return results


@register_recognizer("uk_postcode")
def make() -> list:
    return [_Postcode(patterns=PATTERNS, context=CONTEXT)]
