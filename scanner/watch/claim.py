"""Claim a complete file: journal row first, then one atomic rename out of the outbox into
`.state/work/<job>/claimed/`, its sidecar beside it, then a private copy to check
(`checked/`, a new file nobody else has open) hashed as it is written. Nothing is ever read
through a link.

A restart that finds a job still `claiming` never renames: if the file is in the job's folder
the claim finishes; if it is still in the outbox it may be a new version being written while
the watcher was down, so the job is `unclaimed` and the file is taken again, as a new job,
once it is complete."""
from __future__ import annotations

import os
from pathlib import Path

from scanner.watch import files
from scanner.watch.journal import CLAIMED, UNCLAIMED, Job, Journal
from scanner.watch.layout import ShareLayout, safe_name, sidecar_of

SIDECAR = "sidecar.share.yaml"
UNREADABLE, RESTLESS = "unreadable", "restless"


def claimed_path(layout: ShareLayout, job: Job) -> Path:
    return layout.job_dir(job.id) / "claimed" / job.name


def checked_path(layout: ShareLayout, job: Job) -> Path:
    return layout.job_dir(job.id) / "checked" / job.name


def sidecar_path(layout: ShareLayout, job: Job) -> Path | None:
    path = layout.job_dir(job.id) / SIDECAR
    return path if job.sidecar and os.path.lexists(path) else None


def begin(layout: ShareLayout, journal: Journal, path: Path) -> Job:
    """Record the intention to claim `path` (below the outbox), before anything moves."""
    relative = layout.relative(path)
    return journal.begin(os.fsencode(relative), safe_name(relative.name), os.path.lexists(sidecar_of(path)))


def finish(layout: ShareLayout, journal: Journal, job: Job, restless: bool = False,
           resuming: bool = False) -> Job | None:
    """Rename the file out of the outbox (not when `resuming`), then its sidecar, then copy and
    hash it: the job becomes `claimed`, or `unclaimed` if the file was not taken."""
    source = layout.outbox / job.relative
    claimed = claimed_path(layout, job)
    if not resuming and not os.path.lexists(claimed):
        try:
            files.claim(source, claimed)
        except FileNotFoundError:
            pass  # withdrawn by its sender a moment ago
    if not os.path.lexists(claimed):
        files.remove_tree(layout.job_dir(job.id))
        journal.advance(job.id, UNCLAIMED)
        return None
    side = sidecar_of(source)
    if job.sidecar and os.path.lexists(side) and not os.path.lexists(layout.job_dir(job.id) / SIDECAR):
        files.claim(side, layout.job_dir(job.id) / SIDECAR)
    return journal.advance(job.id, CLAIMED, **_examine(layout, job, claimed, restless))


def _examine(layout: ShareLayout, job: Job, claimed: Path, restless: bool) -> dict[str, object]:
    """kind, size, sha256 (and the error that made a file unreadable) of the claimed file."""
    look = files.inspect(claimed)
    if look.kind in (files.SYMLINK, files.SPECIAL):  # never opened: held as they are
        return {"kind": look.kind, "size": look.size, "sha256": None}
    if restless:  # still being written: held as it is, never copied half-way
        try:
            sha = files.sha256_of(claimed)
        except OSError:
            sha = None
        return {"kind": RESTLESS, "size": look.size, "sha256": sha}
    checked = checked_path(layout, job)
    checked.parent.mkdir(mode=0o700, exist_ok=True)
    if os.path.lexists(checked):
        checked.unlink()  # a copy a crash interrupted is made again
    try:
        sha, size = files.snapshot(claimed, checked, look.mode)
    except OSError as exc:
        checked.unlink(missing_ok=True)
        return {"kind": UNREADABLE, "size": look.size, "plan": {"error": exc.strerror or type(exc).__name__}}
    return {"kind": look.kind, "size": size, "sha256": sha}  # a hard link is copied too, and held
