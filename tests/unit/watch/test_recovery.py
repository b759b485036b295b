"""A crash at any step, then a restart: the journal resumes the work in flight and every file
ends with exactly one outcome and exactly one audit entry; nothing is released twice.

The crash is an exception the watcher does not catch (as a kill would, it stops everything
where it is); the restart is a new watcher on the same share folder and records."""
from __future__ import annotations

import hashlib

import pytest

from scanner.review.store import ReviewStore
from scanner.watch import act, files, worker
from scanner.watch.journal import Journal
from tests.unit.watch.conftest import CONSENTED, THIRD_PARTY, UNKNOWN_CHILD

pytestmark = pytest.mark.model
FRONT_DOOR = "kent-front-door/early-help"


class Crash(BaseException):
    """The process dies here."""


def crash_on(monkeypatch, owner, name: str, call: int = 1, after: bool = False) -> None:  # noqa: ANN001
    """Make the `call`-th call of owner.name crash (before it acts, or just `after`)."""
    real, calls = getattr(owner, name), []

    def dying(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(1)
        if len(calls) == call and not after:
            raise Crash(name)
        result = real(*args, **kwargs)
        if len(calls) == call:
            raise Crash(name)
        return result

    monkeypatch.setattr(owner, name, dying)


def half_snapshot(source, target, mode=0o600):  # noqa: ANN001, ANN201
    target.write_bytes(source.read_bytes()[:10])  # the copy was cut short
    raise Crash("snapshot")


CRASHES = {
    "while claiming": lambda mp: crash_on(mp, files, "claim"),
    "while copying": lambda mp: mp.setattr(files, "snapshot", half_snapshot),
    "after claiming": lambda mp: crash_on(mp, worker, "decide"),
    "after deciding": lambda mp: crash_on(mp, act, "record_outcome"),
    "after the audit entry": lambda mp: crash_on(mp, act, "record_outcome", after=True),
    "between audit entry and review item": lambda mp: crash_on(mp, ReviewStore, "add"),
    "after recording": lambda mp: crash_on(mp, files, "place"),
    "half placed": lambda mp: crash_on(mp, files, "place", call=2),
    "after placing": lambda mp: crash_on(mp, files, "remove_tree"),
}
DOCUMENTS = {"allow": CONSENTED, "redact": THIRD_PARTY, "block": UNKNOWN_CHILD}


@pytest.mark.parametrize("action", DOCUMENTS)
@pytest.mark.parametrize("crash", CRASHES)
def test_a_restart_finishes_what_a_crash_interrupted(share, monkeypatch, crash, action):
    text = DOCUMENTS[action]
    share.drop(f"{FRONT_DOOR}/note.txt", text)
    CRASHES[crash](monkeypatch)
    try:
        share.run_once()
        crashed = False
    except Crash:
        crashed = True
    monkeypatch.undo()
    if not crashed:  # this step does not occur for this action (e.g. no review item for allow)
        assert crash in ("between audit entry and review item", "half placed")
    else:
        share.drop(f"{FRONT_DOOR}/later.txt", "Our family centre is open on Mondays.\n")  # arrived while down
        share.run_once()
    sha = hashlib.sha256(text.encode()).hexdigest()
    decisions = [d for d in share.decisions() if d["document"]["sha256"] == sha]
    assert [d["action"] for d in decisions] == [action]  # one decision, recorded once
    where = share.files("released") + share.files("quarantine")
    assert sorted(where) == sorted(["kent-front-door/note.txt"] + (["kent-front-door/later.txt"] if crashed else []))
    if action == "block":
        [item] = [i for i in share.items() if i.sha256 == sha]  # one review item, with its held copy
        assert (share.root / "quarantine/kent-front-door/note.txt").read_text() == text
        assert item.held_copy == str((share.root / "quarantine/kent-front-door/note.txt").resolve())
    else:
        assert share.files("quarantine") == [] and share.items() == ()
        released = (share.root / "released/kent-front-door/note.txt").read_text()
        assert (released == text) is (action == "allow")
    if action == "redact":
        [original] = (share.root / ".state/originals").glob("*/note.txt")
        assert original.read_text() == text
    assert share.files("outbox") == [] and share.files(".state/work") == []
    with Journal.open(share.root / ".state/journal.sqlite3") as journal:
        assert journal.in_flight() == []
        steps = [j.step for j in journal.jobs()]
        # killed before the rename: that job took nothing, and the file became a new job
        assert steps == (["unclaimed"] if crash == "while claiming" else []) + ["done"] * (2 if crashed else 1)


def test_a_file_withdrawn_while_the_watcher_was_down_is_not_looked_for(share, monkeypatch):
    path = share.drop(f"{FRONT_DOOR}/note.txt", CONSENTED)
    crash_on(monkeypatch, files, "claim")
    with pytest.raises(Crash):
        share.run_once()
    monkeypatch.undo()
    path.unlink()  # the sender took it back while the watcher was down
    share.run_once()
    with Journal.open(share.root / ".state/journal.sqlite3") as journal:
        assert [j.step for j in journal.jobs()] == ["unclaimed"]
    assert share.decisions() == []


def test_a_file_replaced_while_the_watcher_was_down_is_taken_as_a_new_job(share, monkeypatch):
    path = share.drop(f"{FRONT_DOOR}/note.txt", UNKNOWN_CHILD)
    crash_on(monkeypatch, files, "claim")
    with pytest.raises(Crash):
        share.run_once()
    monkeypatch.undo()
    path.write_text(CONSENTED)  # a new version, saved over the old one
    share.run_once()
    assert share.files("released") == ["kent-front-door/note.txt"]
    assert (share.root / "released/kent-front-door/note.txt").read_text() == CONSENTED
    with Journal.open(share.root / ".state/journal.sqlite3") as journal:
        assert [j.step for j in journal.jobs()] == ["unclaimed", "done"]


def test_a_file_that_cannot_be_moved_is_logged_and_left(share, monkeypatch):
    share.drop(f"{FRONT_DOOR}/note.txt", CONSENTED)

    def refuse(source, target):  # noqa: ANN001, ANN202
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files, "claim", refuse)
    share.run_once()
    assert [e["event"] for e in share.events()].count("claim_failed") == 1
    assert share.files("outbox") == ["kent-front-door/early-help/note.txt"] and share.decisions() == []


def test_a_failing_job_stays_in_flight_and_the_watcher_goes_on(share, monkeypatch):
    share.drop(f"{FRONT_DOOR}/a.txt", CONSENTED)
    share.drop(f"{FRONT_DOOR}/b.txt", UNKNOWN_CHILD)
    crash_on_first = []

    def broken(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        crash_on_first.append(1)
        raise OSError("disk full")

    monkeypatch.setattr(act, "record_outcome", broken)
    share.run_once()
    assert [e["event"] for e in share.events()].count("job_failed") == 2
    monkeypatch.undo()
    share.run_once()  # the next start (or the periodic retry) finishes them
    assert share.files("released") == ["kent-front-door/a.txt"]
    assert share.files("quarantine") == ["kent-front-door/b.txt"]
    assert len(share.decisions()) == 2
