"""Other UK identifiers: Presidio's passport and driving-licence recognizers, and taxpayer references."""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import UkDrivingLicenceRecognizer, UkPassportRecognizer
from stdnum.gb import utr

from scanner.detectors.registry import register_recognizer

# Presidio's licence regex wants two letters at the end, but the two check characters can be
# digits ("MORGA753116SM91J"), and a printed licence adds the issue number ("… 01").
_DL = UkDrivingLicenceRecognizer.PATTERNS[0]
assert _DL.regex.endswith(r"[A-Z]{2}\b"), "Presidio's driving-licence pattern changed"
DL_PATTERNS = [Pattern(_DL.name, _DL.regex[: -len(r"[A-Z]{2}\b")] + r"[A-Z0-9]{2}(?:\s?\d{2})?\b", _DL.score)]


@register_recognizer("uk_passport")
def make_passport() -> list:
    return [UkPassportRecognizer(context=["passport"])]


@register_recognizer("uk_driving_licence")
def make_driving_licence() -> list:
    return [UkDrivingLicenceRecognizer(patterns=DL_PATTERNS, context=["driving", "licence", "license", "dvla"])]


class UkTaxReferenceRecognizer(PatternRecognizer):
    """A 10-digit Unique Taxpayer Reference, only with its label nearby (1 in 11 numbers pass)."""

    PATTERNS = [Pattern("UTR", r"\b\d{5}\s?\d{5}K?\b", 0.1)]
    CONTEXT = ["utr", "taxpayer", "tax"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="UK_TAX_REFERENCE", patterns=self.PATTERNS, context=self.CONTEXT,
            name="UkTaxReferenceRecognizer",
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        # Valid numbers keep the low base score; the context words lift them over the threshold.
        return None if utr.is_valid(pattern_text.replace(" ", "").rstrip("K")) else False


@register_recognizer("uk_tax_reference")
def make_tax_reference() -> list:
    return [UkTaxReferenceRecognizer()]


@register_recognizer("uk_vehicle_registration")
def make_vehicle_registration() -> list:
    from presidio_analyzer.predefined_recognizers import UkVehicleRegistrationRecognizer

    return [UkVehicleRegistrationRecognizer()]
