"""Merging is deterministic: the same findings in any order give the same result (a set's order
follows the hash seed, and chunks come back from workers in any order)."""
from __future__ import annotations

import itertools

from scanner.detectors.merge import resolve
from scanner.types import PERSONAL_DATA, Finding

TEXT = "Name: Kayden Smith, mum Sharon Smith, 07700 900123"


def _f(type_: str, text: str, detector: str, score: float = 0.85) -> Finding:
    start = TEXT.index(text)
    return Finding(PERSONAL_DATA, type_, start, start + len(text), text, score, detector, f"{detector} read it")


def test_equal_readings_from_two_detectors_give_one_winner_whatever_the_order():
    findings = [
        _f("PERSON", "Kayden Smith", "names.labelled field"),
        _f("PERSON", "Kayden Smith", "names.ner"),
        _f("PERSON", "Sharon Smith", "names.ner"),
        _f("PERSON", "Sharon Smith", "names.family word"),
        _f("PHONE_NUMBER", "07700 900123", "phone"),
        _f("UK_NHS", "07700 900123", "uk_nhs", score=0.5),
    ]
    results = {tuple(resolve(list(order))) for order in itertools.permutations(findings)}
    assert len(results) == 1
    (result,) = results
    assert [(f.type, f.text, f.detector) for f in result] == [
        ("PERSON", "Kayden Smith", "names.labelled field"),
        ("PERSON", "Sharon Smith", "names.family word"),
        ("PHONE_NUMBER", "07700 900123", "phone"),
    ]
