"""PHONE_NUMBER: Presidio's phone recognizer (python-phonenumbers), set up for UK records.

Presidio's default tries eight regions with one leniency and so reads a bare NHS number as a
phone number. Here UK numbers are matched leniently (libphonenumber calls Ofcom's drama ranges,
07700 900xxx and 01632 960xxx, invalid, yet they are what training material and test records
use, and a mistyped real number is still somebody's number) but must be written as a UK
number is dialled; numbers of other regions must be valid numbers of that region.
"""
from __future__ import annotations

import re

from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from scanner.detectors.registry import register_recognizer
from scanner.detectors.windowed import windows

# Seven or more digits, possibly with spaces, brackets, dots or hyphens between them: the
# only places python-phonenumbers can find anything. Checking this first skips the costly
# matcher on the great majority of text.
_CANDIDATE = re.compile(r"\+?\(?\d[\d\s().\-]{5,}\d")
CONTEXT = ["phone", "telephone", "tel", "mobile", "mob", "call", "contact", "number", "landline", "ring", "fax"]


_FOREIGN_INTERNATIONAL = re.compile(r"\+(?!44)\d|(?<![\d+])00(?!44)[1-9]")  # +44 is the GB matcher's
_FOREIGN_NATIONAL = re.compile(r"(?<![\d+])\(?[1-9]\d")
_DATE_SHAPE = re.compile(r"(?<!\d)\d{1,4}([./\-])\d{1,2}\1\d{2,4}(?!\d)")


def _dialable(raw: str) -> bool:
    """Written as a UK national number (trunk 0, ten or more digits) or in international form.

    A bare "943 476 5919" is an NHS number or a reference, and "(2009" a year.
    """
    digits = sum(c.isdigit() for c in raw)
    raw = raw.lstrip("( ")
    if raw.startswith("+"):
        return digits >= 9
    return raw.startswith("0") and digits >= 10


class _Prefiltered(PhoneRecognizer):
    """Runs libphonenumber's matcher only on short windows around digit runs, not the whole text."""

    SCORE = 0.6
    MARGIN = 12  # characters either side: room for "+", "(0)", "ext. 12"

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: ANN001
        results = []
        for start, end in windows(text, _CANDIDATE, self.MARGIN):
            if not self._worth_matching(text, start, end):
                continue
            # Dates are blanked (same length) so the matcher cannot join "20/09/1988 - 0756…" into one run.
            window = _DATE_SHAPE.sub(lambda m: " " * len(m.group()), text[start:end])
            for r in super().analyze(window, entities, nlp_artifacts):
                r.start, r.end = r.start + start, r.end + start
                if text[r.start] == "(" and ")" not in text[r.start : r.end]:
                    r.start += 1  # "(+44 7417 556479)": the bracket encloses the number, it is not part of it
                results.append(r)
        return results

    def _worth_matching(self, text: str, start: int, end: int) -> bool:
        return True


class UkPhoneRecognizer(_Prefiltered):
    _START = re.compile(r"(?<![\d+])(?:\+|\(?0)\d")

    def _worth_matching(self, text: str, start: int, end: int) -> bool:
        # Only a run written as a UK number is dialled can pass _dialable: "+…", "0…", "(0…".
        return bool(self._START.search(text, start, end))

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: ANN001
        return [r for r in super().analyze(text, entities, nlp_artifacts) if _dialable(text[r.start : r.end])]


class OtherRegionsPhoneRecognizer(_Prefiltered):
    """Numbers of other regions: written in international form, or labelled as a phone number.

    In a UK record a bare ten-digit run is far more often an NHS number, a reference or a
    date than a foreign phone number.
    """

    SCORE = 0.5
    _LABEL_WORDS = r"(?i)\b(?:phone|tel|telephone|mobile|mob|cell|fax|call|ring|whatsapp|landline|number is|contact|office|desk)\b"
    LABEL = re.compile(_LABEL_WORDS + r"[^\n]{0,25}$")  # the label just before this number
    LABEL_NEAR = re.compile(_LABEL_WORDS)

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: ANN001
        return [
            r for r in super().analyze(text, entities, nlp_artifacts)
            if text.startswith(("+", "00"), r.start) or self.LABEL.search(text, max(0, r.start - 40), r.start)
        ]

    def _worth_matching(self, text: str, start: int, end: int) -> bool:
        # The same test before the costly matcher runs once per region: most windows fail it.
        # A run starting with 0 and no "+" is a UK number written nationally: the GB matcher's.
        window = text[start:end]
        if _FOREIGN_INTERNATIONAL.search(window):
            return True
        return bool(_FOREIGN_NATIONAL.search(window)) and bool(self.LABEL_NEAR.search(text, max(0, start - 40), end))


@register_recognizer("phone")
def make(regions: list[str] | tuple[str, ...] = ("GB",), other_regions: list[str] | tuple[str, ...] = ()) -> list:
    recognizers = [UkPhoneRecognizer(context=CONTEXT, supported_regions=tuple(regions), leniency=0,
                                     name="UkPhoneRecognizer")]
    if other_regions:
        recognizers.append(OtherRegionsPhoneRecognizer(context=CONTEXT, supported_regions=tuple(other_regions),
                                                       leniency=1, name="OtherRegionsPhoneRecognizer"))
    return recognizers
