"""What a decision does to the share folder: approve releases, reject keeps back, release-redacted
releases the redacted copy; a changed file is never released; a retry never releases twice."""
from __future__ import annotations

import pytest

from scanner.review import act
from scanner.review.errors import ReviewError, ReviewFileError
from scanner.review.store import ReviewStore
from tests.unit.audit.samples import TEXT, held_note


def test_approve_moves_the_held_file_to_released(store, held, share, audit):
    item, path = held()
    decided = store.decide(item.id, "approve", "Expected by the front door.", "jholt", "DSL")
    released = share / "released" / "kent-front-door" / path.name
    assert not path.exists() and released.read_text() == TEXT
    assert decided.status == "approved" and decided.released_path == str(released)
    kinds = [(e.kind, e.actor) for e in audit.entries()]
    assert kinds == [("decision", "ShareGuard (automatic)"), ("review_decision", "jholt"), ("release", "jholt")]
    release = list(audit.entries(kind="release"))[0].body
    assert release["copy"] == "original" and release["document"]["sha256"] == item.sha256
    assert audit.verify().intact


def test_reject_keeps_the_file_in_quarantine_rejected(store, held, share):
    item, path = held()
    decided = store.decide(item.id, "reject", "No basis.", "jholt", "DSL")
    kept = share / "quarantine" / "rejected" / "kent-front-door" / path.name
    assert not path.exists() and kept.read_text() == TEXT
    assert decided.held_copy == str(kept) and decided.released_path is None
    assert not (share / "released").exists()


def test_release_redacted_needs_a_redacted_copy(store, held, share, audit):
    item, path = held()
    with pytest.raises(ReviewError, match="no verified redacted copy"):
        store.decide(item.id, "release-redacted", "Names removed.", "jholt", "DSL")
    assert store.get(item.id).is_open and [e.kind for e in audit.entries()] == ["decision"]


def test_release_redacted_releases_the_redacted_copy_and_keeps_the_original(store, held, share, audit, tmp_path):
    item, path = held()
    redacted = tmp_path / "redacted.txt"
    redacted.write_text("Case note. Visited Child A.\n")
    store.set_redacted_copy(item.id, redacted)
    decided = store.decide(item.id, "release-redacted", "Redacted copy is enough.", "jholt", "DSL")
    out = share / "released" / "kent-front-door" / "redacted.txt"
    assert out.read_text() == "Case note. Visited Child A.\n" and path.exists()
    assert decided.status == "released-redacted" and decided.released_path == str(out)
    release = list(audit.entries(kind="release"))[0].body
    assert release["copy"] == "redacted copy" and release["original_sha256"] == item.sha256


def test_a_held_file_changed_after_the_check_is_not_released(store, held, share, audit):
    item, path = held()
    path.write_text(TEXT + "one more line\n")
    with pytest.raises(ReviewFileError, match="has changed since it was checked"):
        store.decide(item.id, "approve", "Fine.", "jholt", "DSL")
    assert path.exists() and not (share / "released").exists()
    assert store.get(item.id).is_open and [e.kind for e in audit.entries()] == ["decision"]


def test_a_file_name_already_taken_in_released_gets_the_item_id(store, held, share):
    item, path = held()
    taken = share / "released" / "kent-front-door" / path.name
    taken.parent.mkdir(parents=True)
    taken.write_text("another document")
    decided = store.decide(item.id, "approve", "Fine.", "jholt", "DSL")
    assert taken.read_text() == "another document"
    assert decided.released_path == str(taken.with_name("jayden_smith_visit.R-0001.txt"))


def test_deciding_again_after_a_crash_does_not_release_twice(store, held, share, audit):
    """The file was moved but the status not written (a crash): the retry finds it released."""
    item, path = held()
    target = share / "released" / "kent-front-door" / path.name
    act.move_file(path, target)
    decided = store.decide(item.id, "approve", "Fine.", "jholt", "DSL")
    assert decided.released_path == str(target) and target.read_text() == TEXT
    release = list(audit.entries(kind="release"))[0].body
    assert release["again"] is True


def test_a_held_copy_outside_the_quarantine_is_not_moved(store, audit, share, tmp_path):
    outcome, path = held_note(tmp_path)
    item = store.add(outcome, held_copy=path)
    with pytest.raises(ReviewFileError, match="is not in the quarantine folder"):
        store.decide(item.id, "approve", "Fine.", "jholt", "DSL")
    assert path.exists()


def test_items_from_check_record_the_decision_only(store, audit, share, tmp_path):
    outcome, path = held_note(tmp_path)
    item = store.add(outcome)  # `check` holds nothing
    decided = store.decide(item.id, "approve", "Send it.", "jholt", "DSL")
    assert decided.status == "approved" and decided.released_path is None and path.exists()
    assert [e.kind for e in audit.entries()] == ["review_decision"]


def test_a_document_without_a_recipient_cannot_be_released(store, held):
    item, _ = held(recipient=None)
    with pytest.raises(ReviewError, match="has no recipient"):
        store.decide(item.id, "approve", "Fine.", "jholt", "DSL")
    assert store.decide(item.id, "reject", "Check it again with a recipient.", "jholt", "DSL").status == "rejected"


def test_a_release_needs_the_share_folder(tmp_path, audit, share):
    outcome, path = held_note(share / "quarantine")
    with ReviewStore.open(tmp_path / "r.sqlite3", audit=audit) as store:
        item = store.add(outcome, held_copy=path)
        with pytest.raises(ReviewFileError, match="share folder is not known"):
            store.decide(item.id, "approve", "Fine.", "jholt", "DSL")


def test_move_file_never_overwrites(tmp_path):
    source, target = tmp_path / "a.txt", tmp_path / "out" / "b.txt"
    source.write_text("new")
    target.parent.mkdir()
    target.write_text("old")
    with pytest.raises(ReviewFileError, match="already exists"):
        act.move_file(source, target)
    assert source.read_text() == "new" and target.read_text() == "old"


def test_move_file_across_filesystems(tmp_path, monkeypatch):
    """Where a hard link is impossible (another filesystem), copy + fsync + rename, then unlink."""
    import errno
    import os

    def no_link(*args):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_link)
    source, target = tmp_path / "a.txt", tmp_path / "out" / "a.txt"
    source.write_text("content")
    act.move_file(source, target)
    assert not source.exists() and target.read_text() == "content"
    assert [p.name for p in target.parent.iterdir()] == ["a.txt"]  # no partial file left
