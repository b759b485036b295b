"""CASE_REFERENCE: the organisation's own case-number formats, from config/detectors.yaml."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

from scanner.detectors.registry import register_recognizer


@register_recognizer("case_reference")
def make(patterns: list[dict] | tuple = ()) -> list:
    if not patterns:
        return []
    return [
        PatternRecognizer(
            supported_entity="CASE_REFERENCE",
            patterns=[Pattern(p["name"], p["pattern"], 0.85) for p in patterns],
            context=["case", "ref", "reference"],
            name="CaseReferenceRecognizer",
            global_regex_flags=re.MULTILINE,
        )
    ]
