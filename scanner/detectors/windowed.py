"""Run a costly recognizer only on short windows around the places it could possibly match.

Presidio's URL, e-mail and IP patterns and libphonenumber's matcher scan every character of
every chunk, while what they look for needs a cheap trigger ("@", "://", digits and dots)
that most text lacks. Results are shifted back to chunk coordinates, so context scoring and
everything after see no difference.
"""
from __future__ import annotations

import re
from typing import ClassVar


def windows(text: str, trigger: re.Pattern[str], margin: int) -> list[tuple[int, int]]:
    """Merged [start, end) windows reaching `margin` characters around every trigger match."""
    out: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        start, end = max(0, m.start() - margin), min(len(text), m.end() + margin)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


class Folded:
    """A case-insensitive trigger of many words ("mum|dad|nan|…"), matched in the lower-cased text:
    Python's `(?i)` alternations are about three times slower. Text whose length changes in lower
    case falls back to the `(?i)` pattern."""

    def __init__(self, pattern: str) -> None:
        self._lower = re.compile(pattern)
        self._any_case = re.compile(pattern, re.IGNORECASE)

    def finditer(self, text: str):  # noqa: ANN201
        lowered = text.lower()
        return self._lower.finditer(lowered) if len(lowered) == len(text) else self._any_case.finditer(text)


class WindowedMixin:
    TRIGGER: ClassVar[re.Pattern[str]]
    MARGIN: ClassVar[int] = 60

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: ANN001
        results = []
        for start, end in windows(text, self.TRIGGER, self.MARGIN):
            for r in super().analyze(text[start:end], entities, nlp_artifacts, regex_flags):
                r.start, r.end = r.start + start, r.end + start
                results.append(r)
        return results
