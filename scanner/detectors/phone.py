"""PHONE_NUMBER: Presidio's phone recognizer (python-phonenumbers) limited to UK numbering.

Presidio's default tries eight regions and so reads a bare NHS number as a US phone number;
a UK service's records hold GB numbers (national or +44) and numbers written in full
international form, which the GB matcher also finds.
"""
from __future__ import annotations

import re

from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from scanner.detectors.registry import register_recognizer

# Seven or more digits, possibly with spaces, brackets, dots or hyphens between them: the
# only places python-phonenumbers can find anything. Checking this first skips the costly
# matcher on the great majority of text.
_CANDIDATE = re.compile(r"\+?\(?\d[\d\s().\-]{5,}\d")


class UkPhoneRecognizer(PhoneRecognizer):
    SCORE = 0.6
    CONTEXT = ["phone", "telephone", "tel", "mobile", "mob", "call", "contact", "number", "landline", "ring"]

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: ANN001
        if not _CANDIDATE.search(text):
            return []
        # A UK number is written with its trunk 0 or a country code; a bare "943 476 5919"
        # is an NHS number or a reference, never a phone number someone could dial.
        return [r for r in super().analyze(text, entities, nlp_artifacts) if text[r.start] in "0+("]


@register_recognizer("phone")
def make(regions: list[str] | tuple[str, ...] = ("GB",)) -> list:
    # Leniency 0 ("possible"): libphonenumber calls Ofcom's drama ranges (07700 900xxx,
    # 01632 960xxx) invalid, yet they are exactly what training material and test records use,
    # and a mistyped real number is still somebody's number.
    return [UkPhoneRecognizer(context=UkPhoneRecognizer.CONTEXT, supported_regions=tuple(regions), leniency=0)]
