"""The journal: one row per claimed file, every step kept, unfinished jobs found again."""
from __future__ import annotations

import os
import stat

from scanner.watch.journal import CLAIMED, DECIDED, DONE, PLACED, RECORDED, Journal


def test_steps_are_kept_and_unfinished_jobs_found(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        first = journal.begin(b"kent-front-door/early-help/a.txt", "a.txt", sidecar=False)
        second = journal.begin(b"b\xff.txt", "b_.txt", sidecar=True)  # a name that is not UTF-8
        journal.advance(first.id, CLAIMED, sha256="ab" * 32, size=3, kind="regular")
        journal.advance(first.id, DECIDED, recipients=("kent-front-door",), purpose="early-help", action="allow",
                        plan={"released": "released/kent-front-door/a.txt", "audit_mark": 0})
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with Journal.open(path) as journal:  # as after a restart
        assert [(j.id, j.step) for j in journal.in_flight()] == [(first.id, DECIDED), (second.id, "claiming")]
        job = journal.get(first.id)
        assert job.recipients == ("kent-front-door",) and job.plan["released"] == "released/kent-front-door/a.txt"
        assert str(journal.get(second.id).relative) == os.fsdecode(b"b\xff.txt") and journal.get(second.id).sidecar
        for step in (RECORDED, PLACED, DONE):
            journal.advance(first.id, step)
        assert [s for s, _ in journal.steps(first.id)] == ["claiming", CLAIMED, DECIDED, RECORDED, PLACED, DONE]
        assert [j.id for j in journal.in_flight()] == [second.id]


def test_released_before_finds_the_same_content_to_the_same_recipient(tmp_path):
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        sha = "cd" * 32
        sent = journal.begin(b"a.txt", "a.txt", False)
        journal.advance(sent.id, DONE, sha256=sha, recipients=("kent-front-door",), action="allow")
        held = journal.begin(b"b.txt", "b.txt", False)
        journal.advance(held.id, DONE, sha256="ef" * 32, recipients=("kent-front-door",), action="block")
        again = journal.begin(b"c.txt", "c.txt", False)
        assert journal.released_before(sha, ("kent-front-door",), again.id).id == sent.id
        assert journal.released_before(sha, ("kent-police",), again.id) is None  # another recipient: not a repeat
        assert journal.released_before("ef" * 32, ("kent-front-door",), again.id) is None  # never released
        assert journal.released_before(sha, ("kent-front-door",), sent.id) is None  # not itself
