"""Shared fixtures. The spaCy model is loaded once per test session."""
from __future__ import annotations

import pytest

import scanner  # noqa: F401  (offline guard first)
from scanner.config import load_config
from scanner.types import Document, Finding, Segment


@pytest.fixture(autouse=True)
def _records_stay_in_tmp(tmp_path_factory, monkeypatch):
    """Every test's audit trail, review queue and share folder live in its own temporary folder,
    never in the developer's `var/` or `share/` (`check` records every decision)."""
    where = tmp_path_factory.mktemp("records")
    monkeypatch.setenv("SHAREGUARD_AUDIT", str(where / "audit.sqlite3"))
    monkeypatch.setenv("SHAREGUARD_REVIEW", str(where / "review.sqlite3"))
    monkeypatch.setenv("SHAREGUARD_SHARE", str(where / "share"))
    monkeypatch.setenv("SHAREGUARD_USERS", str(where / "users.sqlite3"))


@pytest.fixture(scope="session")
def detection():
    from scanner.detect import Detection

    return Detection.load(load_config())


@pytest.fixture(scope="session")
def engine(detection, tmp_path_factory):
    """A Scanner sharing the session's loaded model, with an empty register of its own (never the
    developer's `var/register.sqlite3`)."""
    from scanner.pipeline import Scanner

    register = tmp_path_factory.mktemp("register") / "empty.sqlite3"
    with Scanner(load_config(), detection=detection, register=register) as loaded:
        yield loaded


@pytest.fixture(scope="session")
def detect(detection):
    """detect(text) → the findings for a plain-text document holding `text`."""

    def run(text: str) -> tuple[Finding, ...]:
        doc = Document("t.txt", "0" * 64, "txt", text, (Segment(0, len(text), "body", "text"),), (), len(text))
        return detection.detect([doc])[0]

    return run
