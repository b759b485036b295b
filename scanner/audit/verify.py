"""Recompute an audit chain and say where it first goes wrong.

Checked, in order, for each entry: its number follows the last one (a gap is a deletion, a
repeat or a step back an insertion or reordering), its hash matches its contents (an edit),
and its `prev_hash` is the previous entry's hash (a deletion, insertion or reordering that
renumbered the rest). Then the tail: the `head` row and the head file beside the database
must name an entry that is in the chain, with its hash (the file may lag one write behind a
crash, never lead), and so must every anchor kept elsewhere.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from scanner.audit.chain import GENESIS, entry_hash
from scanner.audit.head import Head
from scanner.audit.log import Verification


def verify_chain(rows: Iterable[sqlite3.Row], recorded: sqlite3.Row | None, witness: Head | None | str,
                 anchors: tuple[Head, ...] = ()) -> Verification:
    prev, count, seen = GENESIS, 0, {}
    wanted = {a.seq: a for a in anchors} | ({witness.seq: witness} if isinstance(witness, Head) else {})
    for row in rows:
        expected = count + 1
        problem = _entry_problem(row, expected, prev)
        if problem:
            return Verification(count, None, expected if row["seq"] > expected else row["seq"], problem)
        if row["seq"] in wanted:
            seen[row["seq"]] = row["hash"]
        prev, count = row["hash"], expected
    head = Head(count, prev) if count else None
    return _tail(count, head, recorded, witness, anchors, seen)


def _entry_problem(row: sqlite3.Row, expected: int, prev: str) -> str | None:
    seq = row["seq"]
    if seq > expected:
        return f"entry {expected} is missing (deleted); the next entry is {seq}"
    if seq < expected:
        return f"entry {seq} appears after entry {expected - 1} (inserted or reordered)"
    try:
        body = json.loads(row["body"])
    except ValueError:
        return "its body is not valid JSON (edited)"
    if entry_hash(seq, row["at"], row["actor"], row["kind"], body, row["prev_hash"]) != row["hash"]:
        return "its contents do not match its hash (edited, or moved from another place)"
    if row["prev_hash"] != prev:
        return (f"it does not follow entry {seq - 1} (an entry before it was deleted, inserted or "
                "reordered, or entry 1 is not the first)")
    return None


def _tail(count: int, head: Head | None, recorded: sqlite3.Row | None, witness: Head | None | str,
          anchors: tuple[Head, ...], seen: dict[int, str]) -> Verification:
    def broken(first_bad: int, problem: str) -> Verification:
        return Verification(count, head, first_bad, problem)

    if recorded is not None and (recorded["seq"], recorded["hash"]) != (count, head and head.hash):
        if recorded["seq"] > count:
            return broken(count + 1, f"the trail ends at entry {count}, but its head names entry {recorded['seq']} "
                                     "(entries were removed from the end)")
        return broken(recorded["seq"], f"the head names entry {recorded['seq']} with another hash, or entries were "
                                       f"added after it without the program (the trail ends at {count})")
    if recorded is None and count:
        return broken(1, "the head row is missing (removed outside the program)")
    if isinstance(witness, str):
        return broken(count + 1 if count else 1, witness)
    if witness is None and count:
        return broken(count, "the head file beside the database is missing, so removal of the last entries "
                             "cannot be ruled out")
    for anchor in sorted(((witness,) if witness else ()) + anchors, key=lambda a: a.seq):
        source = "the head file" if anchor == witness else f"the anchor {anchor}"
        if anchor.seq > count:
            return broken(count + 1, f"the trail ends at entry {count}, but {source} names entry {anchor.seq} "
                                     "(entries were removed from the end, or an older copy was put back)")
        if anchor.seq == 0 and anchor.hash == GENESIS:
            continue  # "nothing written yet": true of every trail
        if seen.get(anchor.seq) != anchor.hash:
            return broken(anchor.seq, f"entry {anchor.seq} does not have the hash {source} recorded for it "
                                      "(the trail was rewritten)")
    return Verification(count, head)
