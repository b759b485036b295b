"""Assertions shared by detector tests."""
from __future__ import annotations

from scanner.types import Finding


def found(findings: tuple[Finding, ...], type_: str) -> list[str]:
    return [f.text for f in findings if f.type == type_]


def assert_found(findings: tuple[Finding, ...], type_: str, expected: str | None) -> None:
    """`expected` is the exact text that must be reported as `type_`, or None for none at all."""
    texts = found(findings, type_)
    if expected is None:
        assert texts == [], f"{type_} wrongly reported: {texts}"
    else:
        assert expected in texts, f"{type_} {expected!r} not reported; got {[(f.type, f.text) for f in findings]}"
