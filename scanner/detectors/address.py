"""STREET_ADDRESS: a house number or name and a street, with the flat, town and postcode that follow."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

from scanner.detectors.registry import register_recognizer

_STREET_TYPES = (
    "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Cl|Drive|Dr|Way|Crescent|Cres|Court|Ct|Gardens|Gdns"
    "|Place|Pl|Terrace|Terr|Grove|Gr|Hill|Park|Square|Sq|Walk|Mews|Rise|View|Row|Parade|Green|Boulevard"
    "|Blvd|Vale|Gate|Wharf|Yard|Fold|Croft|Meadow|Meadows|Chase|Hollow|Heights|Embankment|Promenade|Circus"
    "|Highway|Broadway|Approach|End|Side|Wynd|Brae|Loan|Crossing|Parkway|Boulevard|Plaza|Pike|Trail"
)
_WORD = r"[A-Z][A-Za-z'’\-]+"
_FLAT = r"(?:(?:Flat|Apartment|Apt\.?|Unit|Room|Suite)\s+\d+[A-Za-z]?,?\s+)"
_NUMBER = r"\d{1,5}[A-Za-z]?(?:-\d{1,5}[A-Za-z]?)?,?"
_STREET = rf"(?:(?:The|St\.?|Old|New|Upper|Lower|Great|Little)\s+)?(?:{_WORD}\s+){{0,3}}(?:{_STREET_TYPES})\b"
_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
_TOWN_WORD = r"[A-Z][a-z][A-Za-z'’\-]*"  # "Leeds", not the "LS" of a postcode
_TOWN = rf"(?:(?:[ \t]*,[ \t]*\n?)[ \t]*{_TOWN_WORD}(?:[ \t]+{_TOWN_WORD}){{0,2}})"
_TAIL = rf"(?:{_TOWN}{{0,2}}(?:,?[ \t]*{_POSTCODE})?)?"

PATTERNS = [
    Pattern("number street", rf"\b{_FLAT}?{_NUMBER}\s+{_STREET}{_TAIL}", 0.6),
    Pattern("flat of named building", rf"\b{_FLAT}{_WORD}(?:\s+{_WORD}){{0,2}}\s+(?:House|Court|Tower|Lodge|Buildings|Mansions){_TAIL}", 0.6),
]


class StreetAddressRecognizer(PatternRecognizer):
    def __init__(self) -> None:
        # Case matters: street names are capitalised, which keeps "3 more days" out.
        super().__init__(
            supported_entity="STREET_ADDRESS", patterns=PATTERNS, context=["address", "lives", "living", "resides", "moved"],
            name="StreetAddressRecognizer", global_regex_flags=re.MULTILINE,
        )


@register_recognizer("street_address")
def make() -> list:
    return [StreetAddressRecognizer()]
