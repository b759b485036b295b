"""Other UK identifiers: Presidio's passport and driving-licence recognizers, and taxpayer references."""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import UkDrivingLicenceRecognizer, UkPassportRecognizer
from stdnum.gb import utr

from scanner.detectors.registry import register_recognizer

# Presidio's licence regex wants two letters at the end, but the two check characters can be
# digits ("MORGA753116SM91J"), and a printed licence adds the issue number ("… 01").
# People also space the groups ("MORGA 753116 SM91J 01"). Same structure as Presidio's.
DL_PATTERNS = [
    Pattern(
        "UK driving licence",
        r"\b[A-Z9]{5}\s?[0-9]\s?(?:0[1-9]|1[0-2]|5[1-9]|6[0-2])\s?(?:0[1-9]|[12][0-9]|3[01])\s?[0-9]"
        r"\s?[A-Z9]{2}[A-Z0-9][A-Z0-9]{2}(?:\s?\d{2})?\b",
        UkDrivingLicenceRecognizer.PATTERNS[0].score,
    )
]


@register_recognizer("uk_passport")
def make_passport() -> list:
    return [UkPassportRecognizer(context=["passport"])]


@register_recognizer("uk_driving_licence")
def make_driving_licence() -> list:
    return [UkDrivingLicenceRecognizer(patterns=DL_PATTERNS, context=["driving", "licence", "license", "dvla"])]


class UkTaxReferenceRecognizer(PatternRecognizer):
    """A 10-digit Unique Taxpayer Reference, only with its label nearby (1 in 11 numbers pass)."""

    PATTERNS = [
        Pattern("UTR", r"\b\d{5}\s?\d{5}K?\b", 0.3),
        # Temporary Reference Number: 2 digits, a letter, 5 digits ("99L 99999", "11 A 12345").
        Pattern("TRN", r"\b\d{2}\s?[A-Z]\s?\d{3}\s?\d{2}\b", 0.5),
    ]
    CONTEXT = ["utr", "taxpayer", "tax", "trn", "paye", "temporary"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="UK_TAX_REFERENCE", patterns=self.PATTERNS, context=self.CONTEXT,
            name="UkTaxReferenceRecognizer",
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        # A UTR must pass its check digit and then needs a context word to clear the threshold.
        compact = pattern_text.replace(" ", "")
        if compact[2].isalpha():
            return None
        return None if utr.is_valid(compact.rstrip("K")) else False


@register_recognizer("uk_tax_reference")
def make_tax_reference() -> list:
    return [UkTaxReferenceRecognizer()]


@register_recognizer("uk_vehicle_registration")
def make_vehicle_registration() -> list:
    from presidio_analyzer.predefined_recognizers import UkVehicleRegistrationRecognizer

    return [UkVehicleRegistrationRecognizer()]
