"""A share folder with a held note in quarantine, an audit trail, and a review queue over both."""
from __future__ import annotations

import pytest

from scanner.audit.log import AuditLog
from scanner.record import record_outcome
from scanner.review.store import ReviewStore
from tests.unit.audit.samples import held_note


@pytest.fixture
def share(tmp_path):
    root = tmp_path / "share"
    (root / "quarantine" / "kent-front-door").mkdir(parents=True)
    return root


@pytest.fixture
def audit(tmp_path):
    with AuditLog.open(tmp_path / "audit.sqlite3") as log:
        yield log


@pytest.fixture
def store(tmp_path, audit, share):
    with ReviewStore.open(tmp_path / "review.sqlite3", audit=audit, share_root=share) as opened:
        yield opened


@pytest.fixture
def held(store, audit, share):
    """hold(**outcome options) → (item, held file): a note held in quarantine, recorded as the watcher would."""

    def hold(**options):
        outcome, path = held_note(share / "quarantine" / "kent-front-door", **options)
        return record_outcome(outcome, audit, store, held_copy=path).item, path

    return hold
