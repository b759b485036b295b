"""Carry out a decided job: record it (audit entry, review item when due), then place its
files, then clear its working folder. Each step is journalled, and each can be run again after
a crash without doing anything twice:

- the audit trail is searched (from the mark taken when the job was decided) for the entries a
  crash may have left unjournalled, so a decision is never recorded twice;
- files are placed by adding a name (a hard link), never by moving, so the source is still
  there if a restart must place it again; a target already holding the same content counts as
  placed, and a taken name gets another one;
- the working folder goes only once the journal says the outcome is on disk.

The decision is recorded before anything is released: a file in released/ always has its
audit entry, even in the moment after a crash.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from scanner.audit.events import DECISION
from scanner.record import record_outcome, review_due
from scanner.types import Outcome
from scanner.watch import files
from scanner.watch.journal import DONE, PLACED, RECORDED, Job, Journal
from scanner.watch.layout import ShareLayout
from scanner.watch.request import CHANNEL


def record(job: Job, journal: Journal, outcomes: tuple[Outcome, ...], audit: Any, review: Any,
           root: Path) -> Job:
    """Record each outcome that the audit trail does not hold yet (since the job's mark)."""
    plan = dict(job.plan)
    held = root / plan["held"] if plan.get("held") else None
    found = recorded_since(audit, plan.get("audit_mark", 0), outcomes)
    seqs, items = [], []
    for outcome, entry in zip(outcomes, found):
        if entry is None:
            done = record_outcome(outcome, audit, review, held_copy=held)
            seqs.append(done.entry.seq)
            items.extend([done.item.id] if done.item is not None else [])
            continue
        seqs.append(entry)  # recorded before a crash: complete its review item if that was lost
        if review is not None and review_due(outcome):
            item = next((i for i in review.list() if i.decision_seq == entry), None)
            item = item or review.add(outcome, held, None, decision_seq=entry)
            items.append(item.id)
    plan.update(audit=seqs, review=items)
    return journal.advance(job.id, RECORDED, plan=plan)


def place(job: Job, journal: Journal, root: Path) -> Job:
    """Put each file where the plan says: released/ (original or redacted copy), the originals
    archive, or quarantine/."""
    plan = dict(job.plan)
    for key, verify in (("released", True), ("original", False), ("held", False)):
        if not plan.get(key):
            continue
        source, target = root / plan[f"{key}_from"], root / plan[key]
        expected = plan.get("released_sha256") if verify else None
        final = _place_once(source, target, expected, job.label, archive=key == "original")
        if final != target:
            plan[key] = os.fsdecode(final.relative_to(root))
    return journal.advance(job.id, PLACED, plan=plan)


def finish(job: Job, journal: Journal, layout: ShareLayout) -> Job:
    """Remove the job's working folder: the claimed file, its copy and its sidecar."""
    files.remove_tree(layout.job_dir(job.id))
    return journal.advance(job.id, DONE)


def _place_once(source: Path, target: Path, sha256: str | None, tag: str, archive: bool) -> Path:
    if os.path.lexists(target) and _same(target, source, sha256):
        return target  # placed before a crash
    if archive:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if sha256 is not None and files.sha256_of(source) != sha256:
        raise OSError(f"the copy to release no longer has the content that was decided ({tag})")
    while True:
        try:
            files.place(source, target)
            return target
        except FileExistsError:
            target = files.free_name(target.parent, target.name, tag)


def _same(target: Path, source: Path, sha256: str | None) -> bool:
    if not os.path.lexists(source):
        return True  # the source went with the job folder, which only happens once placed
    try:
        if os.path.samestat(os.lstat(target), os.lstat(source)):
            return True
        return sha256 is not None and not os.path.islink(target) and files.sha256_of(target) == sha256
    except OSError:
        return False


def recorded_since(audit: Any, mark: int, outcomes: tuple[Outcome, ...]) -> list[int | None]:
    """For each outcome, the audit entry (after `mark`) that already records it, or None."""
    if audit.head() is None or audit.head().seq <= mark:
        return [None] * len(outcomes)
    entries = [e for e in audit.entries(since=mark + 1, kind=DECISION) if e.body.get("channel") == CHANNEL]
    found: list[int | None] = []
    used: set[int] = set()
    for outcome in outcomes:
        key = (outcome.document.sha256, outcome.request.recipient, outcome.request.purpose)
        match = next((e.seq for e in entries if e.seq not in used and _key(e.body) == key), None)
        if match is not None:
            used.add(match)
        found.append(match)
    return found


def _key(body: dict[str, Any]) -> tuple[Any, ...]:
    return ((body.get("document") or {}).get("sha256"), body.get("recipient"), body.get("purpose"))
