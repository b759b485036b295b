"""`AuditLog.verify()` finds every kind of tampering and names the first bad entry."""
from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from scanner.audit.chain import entry_hash
from scanner.audit.head import Head, witness_path
from scanner.audit.log import AuditLog


@pytest.fixture
def trail(tmp_path):
    """An audit file with five entries; returns its path."""
    path = tmp_path / "audit.sqlite3"
    with AuditLog.open(path) as log:
        for n in range(1, 6):
            log.append("decision", {"n": n, "action": "block"})
    return path


def tamper(path, *statements, params=()):
    """What someone with the file would do: drop the triggers, then change the rows directly."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER IF EXISTS entries_no_update")
    conn.execute("DROP TRIGGER IF EXISTS entries_no_delete")
    for statement in statements:
        conn.execute(statement, params)
    conn.commit()
    conn.close()


def verify(path, anchors=()):
    with AuditLog.open(path) as log:
        return log.verify(anchors)


def rows(path):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    out = [dict(r) for r in conn.execute("SELECT * FROM entries ORDER BY seq")]
    conn.close()
    return out


def test_an_untouched_trail_is_intact(trail):
    result = verify(trail)
    assert result.intact and result.entries == 5 and result.first_bad is None
    assert str(result).startswith("audit trail intact: 5 entries, head 5:")


def test_an_empty_trail_is_intact(tmp_path):
    result = verify(tmp_path / "empty.sqlite3")
    assert result.intact and result.entries == 0 and result.head is None


def test_the_program_cannot_change_or_delete_an_entry(trail):
    conn = sqlite3.connect(trail)
    for statement in ("UPDATE entries SET actor = 'x' WHERE seq = 2", "DELETE FROM entries WHERE seq = 5"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(statement)
    conn.close()


def test_an_edited_body_is_found(trail):
    tamper(trail, "UPDATE entries SET body = ? WHERE seq = 3", params=(json.dumps({"n": 3, "action": "allow"}),))
    result = verify(trail)
    assert not result.intact and result.first_bad == 3
    assert "do not match its hash" in result.problem


@pytest.mark.parametrize("column, value", [("actor", "Jane Holt"), ("at", "2020-01-01T00:00:00.000+00:00"),
                                           ("kind", "release")])
def test_an_edited_field_is_found(trail, column, value):
    tamper(trail, f"UPDATE entries SET {column} = ? WHERE seq = 2", params=(value,))
    assert verify(trail).first_bad == 2


def test_an_edit_with_its_hash_recomputed_breaks_the_next_link(trail):
    """Rehashing the edited entry is not enough: the next entry's prev_hash still names the old one."""
    row = rows(trail)[2]
    body = {"n": 3, "action": "allow"}
    digest = entry_hash(3, row["at"], row["actor"], row["kind"], body, row["prev_hash"])
    tamper(trail, "UPDATE entries SET body = ?, hash = ? WHERE seq = 3", params=(json.dumps(body), digest))
    result = verify(trail)
    assert result.first_bad == 4 and "does not follow entry 3" in result.problem


def test_a_deleted_entry_is_found(trail):
    tamper(trail, "DELETE FROM entries WHERE seq = 2")
    result = verify(trail)
    assert result.first_bad == 2 and "entry 2 is missing" in result.problem


def test_a_deletion_with_renumbering_is_found(trail):
    tamper(trail, "DELETE FROM entries WHERE seq = 2", "UPDATE entries SET seq = seq - 1 WHERE seq > 2")
    assert verify(trail).first_bad == 2


def test_reordered_entries_are_found(trail):
    """Entries 2 and 3 swap places (numbers kept in order, contents exchanged)."""
    two, three = rows(trail)[1], rows(trail)[2]
    fields = ("at", "actor", "kind", "body", "prev_hash", "hash")
    sets = ", ".join(f"{f} = ?" for f in fields)
    tamper(trail, "UPDATE entries SET hash = 'moving' WHERE seq = 2")  # hashes are UNIQUE
    tamper(trail, f"UPDATE entries SET {sets} WHERE seq = 3", params=tuple(two[f] for f in fields))
    tamper(trail, f"UPDATE entries SET {sets} WHERE seq = 2", params=tuple(three[f] for f in fields))
    assert verify(trail).first_bad == 2


def test_an_inserted_entry_is_found(trail):
    """A well-formed entry slipped in as number 3 (later ones renumbered): its own hash is right,
    but the entry after it no longer matches."""
    before = rows(trail)[1]
    body = {"n": 99, "action": "allow"}
    at = "2026-11-25T09:00:00.000+00:00"
    digest = entry_hash(3, at, "ShareGuard (automatic)", "decision", body, before["hash"])
    for seq in (5, 4, 3):
        tamper(trail, "UPDATE entries SET seq = ? WHERE seq = ?", params=(seq + 1, seq))
    tamper(trail, "INSERT INTO entries VALUES (3, ?, 'ShareGuard (automatic)', 'decision', ?, ?, ?)",
           params=(at, json.dumps(body), before["hash"], digest))
    result = verify(trail)
    assert not result.intact and result.first_bad == 4


def test_an_entry_added_behind_the_programs_back_is_found(trail):
    last = rows(trail)[-1]
    body = {"n": 6}
    at = "2026-11-25T09:00:00.000+00:00"
    digest = entry_hash(6, at, "ShareGuard (automatic)", "decision", body, last["hash"])
    tamper(trail, "INSERT INTO entries VALUES (6, ?, 'ShareGuard (automatic)', 'decision', ?, ?, ?)",
           params=(at, json.dumps(body), last["hash"], digest))
    result = verify(trail)
    assert not result.intact and result.first_bad == 5  # the head still names entry 5


def test_removing_the_last_entries_is_found_by_the_head_row(trail):
    tamper(trail, "DELETE FROM entries WHERE seq >= 4")
    result = verify(trail)
    assert result.first_bad == 4 and "removed from the end" in result.problem


def test_removing_the_last_entries_and_fixing_the_head_row_is_found_by_the_head_file(trail):
    three = rows(trail)[2]
    tamper(trail, "DELETE FROM entries WHERE seq >= 4")
    tamper(trail, "UPDATE head SET seq = 3, hash = ?", params=(three["hash"],))
    result = verify(trail)
    assert result.first_bad == 4 and "head file names entry 5" in result.problem


def test_an_older_copy_put_back_is_found(trail, tmp_path):
    old = tmp_path / "old.sqlite3"
    with AuditLog.open(trail) as log:
        log._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(trail, old)
    with AuditLog.open(trail) as log:
        log.append("decision", {"n": 6})
    shutil.copy(old, trail)  # the head file beside it still names entry 6
    for suffix in ("-wal", "-shm"):
        (trail.parent / (trail.name + suffix)).unlink(missing_ok=True)
    assert verify(trail).first_bad == 6


def test_a_missing_head_file_is_reported(trail):
    witness_path(trail).unlink()
    result = verify(trail)
    assert not result.intact and "head file" in result.problem


def test_a_head_file_one_entry_behind_after_a_crash_is_accepted(trail):
    four = rows(trail)[3]
    witness_path(trail).write_text(json.dumps({"seq": 4, "hash": four["hash"]}))
    assert verify(trail).intact


def test_a_full_rewrite_is_found_only_by_an_anchor_kept_elsewhere(trail):
    """Whoever can rewrite the file and the head file can rewrite history consistently (the
    limit of a hash chain); a head recorded elsewhere (`audit head`) still shows it."""
    with AuditLog.open(trail) as log:
        anchor = log.head()
    assert anchor == Head(5, rows(trail)[-1]["hash"])
    trail.unlink()
    witness_path(trail).unlink()
    for suffix in ("-wal", "-shm"):
        (trail.parent / (trail.name + suffix)).unlink(missing_ok=True)
    with AuditLog.open(trail) as log:
        for n in range(1, 6):
            log.append("decision", {"n": n, "action": "allow"})  # a different history, well chained
    assert verify(trail).intact
    result = verify(trail, (anchor,))
    assert not result.intact and result.first_bad == 5 and "rewritten" in result.problem


def test_an_anchor_beyond_the_end_is_found(trail):
    result = verify(trail, (Head(9, "a" * 64),))
    assert result.first_bad == 6 and "anchor" in result.problem


def test_appending_after_the_head_row_was_removed_is_refused_not_forked(trail):
    from scanner.audit.errors import AuditError

    tamper(trail, "DELETE FROM head")
    with AuditLog.open(trail) as log, pytest.raises(AuditError, match="could not be written"):
        log.append("decision", {"n": 6})
    assert "head row is missing" in verify(trail).problem
