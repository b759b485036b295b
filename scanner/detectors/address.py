"""STREET_ADDRESS: a house number or name and a street, with the flat, town and postcode that follow."""
from __future__ import annotations

import re

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, Pattern, PatternRecognizer, RecognizerResult

from scanner.detectors.registry import register_recognizer

_STREET_TYPES = (
    "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Cl|Drive|Dr|Way|Crescent|Cres|Court|Ct|Gardens|Gdns"
    "|Place|Pl|Terrace|Terr|Grove|Gr|Hill|Park|Square|Sq|Walk|Mews|Rise|View|Row|Parade|Green|Boulevard"
    "|Blvd|Vale|Gate|Wharf|Yard|Fold|Croft|Meadow|Meadows|Chase|Hollow|Heights|Embankment|Promenade|Circus"
    "|Highway|Broadway|Approach|End|Side|Wynd|Brae|Loan|Crossing|Parkway|Boulevard|Plaza|Pike|Trail"
)
STREET_WORDS = tuple(sorted({w.lower() for w in _STREET_TYPES.split("|") if len(w) > 2}))
_WORD = r"[A-Z][A-Za-z'’\-]+"
_FLAT = r"(?:(?:Flat|Apartment|Apt\.?|Unit|Room|Suite)[ \t]+\d+[A-Za-z]?,?[ \t]+)"
_NUMBER = r"\d{1,5}[A-Za-z]?(?:-\d{1,5}[A-Za-z]?)?,?"
_STREET = rf"(?:(?:The|St\.?|Old|New|Upper|Lower|Great|Little)[ \t]+)?(?:{_WORD}[ \t]+){{0,3}}(?:{_STREET_TYPES})\b"
_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
_TOWN_WORD = r"[A-Z][a-z][A-Za-z'’\-]*"  # "Leeds", not the "LS" of a postcode
_TOWN = rf"(?:(?:[ \t]*,[ \t]*\n?)[ \t]*{_TOWN_WORD}(?:[ \t]+{_TOWN_WORD}){{0,2}})"
_TAIL = rf"(?:{_TOWN}{{0,2}}(?:,?[ \t]*{_POSTCODE})?)?"

PATTERNS = [
    Pattern("flat, suite or box", r"\b(?:(?:Flat|Apt\.?|Apartment|Suite|Unit)\s+\d{1,5}[A-Za-z]?|P\.?\s?O\.?\s+Box\s+\d{1,6})\b", 0.5),
    Pattern("number street", rf"\b{_FLAT}?{_NUMBER}[ \t]+{_STREET}{_TAIL}", 0.6),
    Pattern("flat of named building", rf"\b{_FLAT}{_WORD}(?:\s+{_WORD}){{0,2}}\s+(?:House|Court|Tower|Lodge|Buildings|Mansions){_TAIL}", 0.6),
]


class StreetAddressRecognizer(PatternRecognizer):
    def __init__(self) -> None:
        # Case matters: street names are capitalised, which keeps "3 more days" out.
        super().__init__(
            supported_entity="STREET_ADDRESS", patterns=PATTERNS, context=["address", "lives", "living", "resides", "moved"],
            name="StreetAddressRecognizer", global_regex_flags=re.MULTILINE,
        )


class AddressCueRecognizer(LocalRecognizer):
    """What follows "lives at", "address is", "moved to": an address in any country's layout.

    Case notes name addresses in words the street-pattern cannot know ("Villacher Strasse 89",
    "Rua do Arenque 1634"); the cue says what it is. The span runs to the end of the sentence
    or line (at most 80 characters) and must hold a number.
    """

    CUE = re.compile(
        r"(?i:\b(?:(?:home |new |current |previous |postal )?address(?: is|:)|lives at|living at|resides at|residing at"
        r"|moved to|staying at|sent to|relocated to))[ \t:]+(?P<addr>(?:the corner of )?[^\n;?!]{4,80}?)(?=[.;?!]?(?:\s*$|\s{2,}|[.;?!]\s|\n))",
        re.MULTILINE,
    )

    def __init__(self) -> None:
        super().__init__(supported_entities=["STREET_ADDRESS"], name="AddressCueRecognizer", context=[])

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: ANN001
        results = []
        for m in self.CUE.finditer(text):
            value = _STOP.split(m.group("addr"), maxsplit=1)[0].rstrip(" ,")
            if any(c.isdigit() for c in value):
                explanation = AnalysisExplanation(self.name, 0.6, textual_explanation="an address after an address cue")
                results.append(RecognizerResult("STREET_ADDRESS", m.start("addr"), m.start("addr") + len(value), 0.6, explanation,
                                                {"recognizer_name": self.name, "recognizer_identifier": self.id}))
        return results


# Where prose resumes after the address: "lives at 14 Acacia Avenue with her mother".
_STOP = re.compile(r" (?=(?:with|and|since|for|but|who|where|when|until|from|which|while|as|because|on|in|to|after"
                   r"|before|together|alone|now|currently|temporarily|last|this|next)\b)")


@register_recognizer("street_address")
def make() -> list:
    return [StreetAddressRecognizer(), AddressCueRecognizer()]
