"""Shared screens for recognizers: words just before a match that rule it out."""
from __future__ import annotations

import re
from typing import ClassVar

WINDOW = 40  # characters before a match searched for an excluding word


class ExcludedContextMixin:
    """Drop a match when one of EXCLUDED_CONTEXT appears within WINDOW characters before it.

    Presidio's context words only ever raise a score; some identifiers share a layout with
    something else ("UTR 1478641088" passes the NHS check), and the label says which it is.
    """

    EXCLUDED_CONTEXT: ClassVar[tuple[str, ...]] = ()

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: ANN001
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if not results or not self.EXCLUDED_CONTEXT:
            return results
        pattern = _excluding_pattern(self.EXCLUDED_CONTEXT)
        return [r for r in results if not pattern.search(text, _window_start(text, r.start), r.start)]


def _window_start(text: str, start: int) -> int:
    """Start of the window before `start`: at most WINDOW characters, never across a line or sentence."""
    lo = max(0, start - WINDOW)
    cut = max(text.rfind("\n", lo, start), text.rfind(". ", lo, start), text.rfind(";", lo, start))
    return cut + 1 if cut >= 0 else lo


_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _excluding_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    if words not in _CACHE:
        alternatives = "|".join(re.escape(w) for w in words)
        _CACHE[words] = re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
    return _CACHE[words]
