"""Dates as written in documents, read in UK order (day before month).

One reader for every place that compares a written date with a recorded one: subject linking
(a date of birth telling two people of the same name apart) and the bulk index (dates hashed
in one normal form, so "12/03/2015" finds "12th March 2015").
"""
from __future__ import annotations

import re
from datetime import date

_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_MONTH = r"(\d{1,2}|[A-Za-z]{3,9})"
_LAYOUTS = (
    (re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b"), "ymd"),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?[\s./-]+(?:of\s+)?" + _MONTH + r"\.?,?[\s./-]+(\d{4}|\d{2})\b"), "dmy"),
    (re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"), "mdy"),
)


def parse_date(text: str) -> date | None:
    """The first date written in `text` ("12/03/2015", "12.3.15", "12th March 2015", "14 Feb 2013",
    "March 12, 2015", "2015-03-12"), or None when there is none or it is not a real date.
    Two-digit years up to this year's are this century's."""
    for pattern, order in _LAYOUTS:
        m = pattern.search(text)
        if not m:
            continue
        parts = dict(zip(order, m.groups()))
        month = int(parts["m"]) if parts["m"].isdigit() else _MONTHS.get(parts["m"][:3].lower())
        year = int(parts["y"])
        if year < 100:
            year += 2000 if year <= date.today().year % 100 else 1900
        try:
            return date(year, month, int(parts["d"])) if month else None
        except ValueError:
            return None
    return None
