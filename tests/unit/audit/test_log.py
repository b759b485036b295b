"""The audit file: appends, reading back, concurrent writers, and files it refuses."""
from __future__ import annotations

import multiprocessing
import os
import sqlite3
import stat

import pytest

from scanner.audit.chain import GENESIS
from scanner.audit.errors import AuditError
from scanner.audit.head import read_witness
from scanner.audit.log import AUTOMATIC, AuditLog


def test_entries_are_numbered_and_chained(tmp_path):
    with AuditLog.open(tmp_path / "var" / "audit.sqlite3", clock=lambda: "2026-11-25T10:00:00.000+00:00") as log:
        one = log.append("decision", {"action": "block"})
        two = log.append("review_decision", {"verdict": "approve"}, actor="jholt")
        assert (one.seq, one.prev_hash, one.actor) == (1, GENESIS, AUTOMATIC)
        assert (two.seq, two.prev_hash, two.actor, two.kind) == (2, one.hash, "jholt", "review_decision")
        assert list(log.entries()) == [one, two]
        assert list(log.entries(since=2)) == [two]
        assert list(log.entries(kind="decision")) == [one]
        assert log.head() is not None and log.head().hash == two.hash
        assert read_witness(log.path) == log.head()


def test_the_file_is_not_readable_by_everyone(tmp_path):
    with AuditLog.open(tmp_path / "audit.sqlite3") as log:
        log.append("decision", {})
    assert stat.S_IMODE(os.stat(tmp_path / "audit.sqlite3").st_mode) & 0o007 == 0


def test_an_entry_needs_a_kind_an_actor_and_a_json_body(tmp_path):
    with AuditLog.open(tmp_path / "audit.sqlite3") as log:
        with pytest.raises(ValueError, match="snake_case"):
            log.append("Decision!", {})
        with pytest.raises(ValueError, match="actor"):
            log.append("decision", {}, actor=" ")
        with pytest.raises(TypeError):
            log.append("decision", {"when": object()})
        with pytest.raises(ValueError):
            log.append("decision", {"score": float("nan")})
        assert log.head() is None  # nothing half-written


def _append_many(path: str, writer: int, count: int) -> None:
    with AuditLog.open(path) as log:
        for n in range(count):
            log.append("decision", {"writer": writer, "n": n})


def test_concurrent_writers_never_fork_the_chain(tmp_path):
    """The watcher and the CLI write at the same time: one chain, no number used twice."""
    path = str(tmp_path / "audit.sqlite3")
    AuditLog.open(path).close()
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_append_many, args=(path, w, 40)) for w in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    with AuditLog.open(path) as log:
        result = log.verify()
        seqs = [e.seq for e in log.entries()]
    assert result.intact, str(result)
    assert seqs == list(range(1, 121))


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "audit.sqlite3"
    path.write_text("not a database" * 100)
    with pytest.raises(AuditError, match="not a usable audit trail"):
        AuditLog.open(path)


def test_a_file_from_a_newer_shareguard_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "audit.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(AuditError, match="schema version 99"):
        AuditLog.open(path)


def test_reading_commands_do_not_create_an_empty_trail(tmp_path):
    with pytest.raises(AuditError, match="there is no audit trail here"):
        AuditLog.open(tmp_path / "typo.sqlite3", create=False)
    assert not (tmp_path / "typo.sqlite3").exists()


def test_verifying_while_others_write_never_reports_a_false_break(tmp_path):
    path = str(tmp_path / "audit.sqlite3")
    AuditLog.open(path).close()
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_append_many, args=(path, w, 60)) for w in range(2)]
    for w in workers:
        w.start()
    with AuditLog.open(path) as log:
        results = []
        while any(w.is_alive() for w in workers):
            results.append(log.verify())
        results.append(log.verify())
    for w in workers:
        w.join(60)
    assert all(r.intact for r in results), [str(r) for r in results if not r.intact][:1]
    assert results[-1].entries == 120
