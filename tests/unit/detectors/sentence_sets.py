"""What the labelled sentence sets share (`test_safeguarding_generalise.py`,
`test_safeguarding_published.py`): how a case and a known miss are written, and the two checks."""
from __future__ import annotations

import pytest

from scanner.types import AFFIRMED, SAFEGUARDING


def gap(reason: str):  # noqa: ANN201
    """A known miss, kept visible: the test must keep failing until the detector learns it."""
    return pytest.mark.xfail(strict=True, reason=reason)


def case(text: str, label: str, reason: str | None = None):  # noqa: ANN201
    return pytest.param(text, label, marks=gap(reason)) if reason else pytest.param(text, label)


def affirmed(findings):  # noqa: ANN001, ANN201
    return [f for f in findings if f.kind == SAFEGUARDING and f.polarity == AFFIRMED]


def check_affirmed(detect, text: str, category: str) -> None:  # noqa: ANN001
    got = {(f.type, f.polarity) for f in detect(text) if f.kind == SAFEGUARDING}
    assert (category, AFFIRMED) in got, f"{text!r}: {sorted(got)}"


def check_not_affirmed(detect, text: str, kind: str) -> None:  # noqa: ANN001
    found = affirmed(detect(text))
    assert not found, f"{kind} {text!r}: {[(f.type, f.text, f.explanation) for f in found]}"
