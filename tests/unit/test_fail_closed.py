"""A detector that fails or times out holds the document: it is never released unscanned."""
from __future__ import annotations

import logging

import pytest

from scanner.types import Action

pytestmark = pytest.mark.model


def test_a_failing_detector_holds_the_document(engine, tmp_path, monkeypatch):
    note = tmp_path / "note.txt"
    note.write_text("Nothing personal here at all.")

    def broken(chunk):
        raise RuntimeError("bug in a detector")

    monkeypatch.setattr(engine.detection.detectors[-1], "detect", broken)
    outcome = engine.check(note)
    assert outcome.decision.action is Action.BLOCK
    assert [p.code for p in outcome.document.problems] == ["detector_failed"]
    assert not outcome.processed


def test_a_presidio_regex_timeout_holds_the_document(engine, tmp_path, monkeypatch):
    note = tmp_path / "note.txt"
    note.write_text("NHS number 943 476 5919.")
    presidio = engine.detection.detectors[0]
    real = presidio._engine.analyze

    def analyze_with_timeout(*args, **kwargs):
        logging.getLogger("presidio-analyzer").warning("Regex pattern 'x' timed out after 1 seconds, skipping.")
        return real(*args, **kwargs)

    monkeypatch.setattr(presidio._engine, "analyze", analyze_with_timeout)
    outcome = engine.check(note)
    assert outcome.decision.action is Action.BLOCK
    assert "detector_failed" in [p.code for p in outcome.document.problems]
