"""UK_NINO: Presidio's NINO recognizer, configured for the layouts UK records use."""
from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import UkNinoRecognizer

from scanner.detectors.registry import register_recognizer

# Presidio's prefix rules (no D, F, I, Q, U, V; second letter not O; not BG, GB, NK, KN,
# NT, TN, ZZ) with the separators seen in records: "AB 12 34 56 C", "AB 123 456 C",
# "AB-12-34-56-C", "AB123456C".
_PREFIX = r"(?!bg|gb|nk|kn|nt|tn|zz)[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z]"
_SEP = r"[ \-.]?"
PATTERNS = [
    Pattern("NINO 2-2-2", rf"\b{_PREFIX}{_SEP}\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{2}}{_SEP}[a-d]\b", 0.6),
    Pattern("NINO 3-3", rf"\b{_PREFIX} \d{{3}} \d{{3}} [a-d]\b", 0.6),
]
CONTEXT = ["nino", "insurance", "ni"]


@register_recognizer("uk_nino")
def make() -> list:
    return [UkNinoRecognizer(patterns=PATTERNS, context=CONTEXT)]
