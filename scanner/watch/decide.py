"""Ask the library what happens to a claimed file, and plan where each file will go.

The watcher decides nothing itself. A file it can check goes to `Scanner.check`, once per
recipient (the most restrictive outcome wins); a redact outcome goes to `redact_to`, which
makes the verified copy or turns the outcome into a block. A file it must not or cannot read
(a link, a pipe, a file that kept changing, an unusable sidecar, content already released to
the same recipient) is described to the library as a document with a Problem, and
`Scanner.decide` applies the policy's rule for documents that cannot be read (held, reviewed).
"""
from __future__ import annotations

import dataclasses
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scanner.types import Action, Document, Outcome, Problem
from scanner.watch import files
from scanner.watch.claim import RESTLESS, UNREADABLE, checked_path, claimed_path, sidecar_path
from scanner.watch.journal import Job
from scanner.watch.layout import OUTBOX, ShareLayout, folder_for, safe_name
from scanner.watch.request import Resolved, resolve

HOLD_MESSAGES = {
    files.SYMLINK: ("hostile", "The file is a symbolic link. ShareGuard never follows a link out of the share "
                               "folder, so it was not read."),
    files.HARDLINK: ("hostile", "The file has other names (hard links), possibly outside the share folder, so its "
                                "content could change after the check. Copy the file into the outbox instead."),
    files.SPECIAL: ("hostile", "It is not a regular file (a folder link, pipe, socket or device), so it was not read."),
    UNREADABLE: ("unreadable", "The file could not be opened ({error})."),
    RESTLESS: ("unreadable", "The file kept changing for more than {give_up:.0f} seconds, so it could not be "
                             "checked as a whole; it was taken as it was."),
}


@dataclass(frozen=True)
class Decided:
    """The outcome that is acted on (`winner`), and every outcome to record in the audit trail."""

    winner: Outcome
    recorded: tuple[Outcome, ...]
    resolved: Resolved


def outcomes(job: Job, layout: ShareLayout, scanner: Any, journal: Any, give_up: float,
             checked: dict[tuple[str | None, ...], Outcome] | None = None) -> tuple[Resolved, list[Outcome]]:
    """The library's outcome for each recipient of the file. `checked`: outcomes already made
    for this file in a batch, by request (recipient, purpose)."""
    checked_copy = checked_path(layout, job)
    readable = job.kind in (files.REGULAR,) and os.path.lexists(checked_copy)
    resolved = resolve(job.relative, checked_copy if readable else claimed_path(layout, job),
                       sidecar_path(layout, job), scanner.config.recipients)
    problem = _problem(job, resolved, journal) if readable else _not_read(job, give_up)
    if problem is None and resolved.problem is not None:
        problem = resolved.problem
    if problem is not None:
        document = _held_document(job, layout, problem)
        return resolved, [scanner.decide(document, (), request) for request in resolved.requests]
    found = []
    for request in resolved.requests:
        key = (request.recipient, request.purpose)
        found.append(checked[key] if checked and key in checked else scanner.check(checked_copy, request))
    return resolved, found


def decide(job: Job, layout: ShareLayout, resolved: Resolved, found: list[Outcome], scanner: Any,
           redact_to: Any) -> tuple[Decided, dict[str, Any]]:
    """The winning outcome (made final by redaction), what to record, and the plan of moves."""
    winner = max(found, key=lambda o: o.decision.action)  # the first of the most restrictive
    staging = layout.job_dir(job.id) / "redacted"
    if staging.exists():
        shutil.rmtree(staging)  # a copy from before a crash is made again
    redaction = None
    if winner.decision.action == Action.REDACT:
        winner, redaction = redact_to(winner, staging, scanner.config, scanner.detection)
    plan = _plan(job, layout, resolved, winner, redaction)
    recorded = tuple(found) if winner.decision.action == Action.ALLOW else (winner,)
    return Decided(winner, tuple(dropped_at(o, job) for o in recorded), resolved), plan


def dropped_at(outcome: Outcome, job: Job) -> Outcome:
    """The outcome as recorded: the document named by where it was dropped (for the reviewer),
    not by the working copy the library read, which is gone once the job is done."""
    shown = "/".join((OUTBOX, *(safe_name(part) for part in job.relative.parts)))
    document = dataclasses.replace(outcome.document, path=shown)
    return dataclasses.replace(outcome, document=document, record={**outcome.record, "document": shown})


def _problem(job: Job, resolved: Resolved, journal: Any) -> Problem | None:
    earlier = journal.released_before(job.sha256, resolved.recipients, job.id) if job.sha256 else None
    if earlier is not None:
        return Problem("duplicate", f"The same content was already released to this recipient (journal job "
                                    f"{earlier.label}); this copy is held so that it is not sent twice by accident.")
    return None


def _not_read(job: Job, give_up: float) -> Problem:
    code, message = HOLD_MESSAGES.get(job.kind or UNREADABLE, HOLD_MESSAGES[UNREADABLE])
    return Problem(code, message.format(error=job.plan.get("error", "it was not there"), give_up=give_up))


def _held_document(job: Job, layout: ShareLayout, problem: Problem) -> Document:
    source = _held_source(job, layout)
    extension = job.name.rpartition(".")[2].lower() if "." in job.name else "unknown"
    return Document(str(source), job.sha256 or "", extension, "", (), (problem,), job.size or 0)


def _held_source(job: Job, layout: ShareLayout) -> Path:
    """What goes to quarantine: our private copy when there is one, else the claimed file itself."""
    checked = checked_path(layout, job)
    return checked if os.path.lexists(checked) else claimed_path(layout, job)


def _plan(job: Job, layout: ShareLayout, resolved: Resolved, winner: Outcome, redaction: Any) -> dict[str, Any]:
    """Where each file goes (paths relative to the share root), chosen now so a restart reuses them."""
    action = winner.decision.action
    root, tag = layout.root, job.label
    plan: dict[str, Any] = {"action": action.label}
    if action == Action.ALLOW:
        source = checked_path(layout, job)
        target = files.free_name(layout.released / folder_for(resolved.primary), job.name, tag)
        plan.update(released=_rel(target, root), released_from=_rel(source, root), released_sha256=job.sha256)
    elif action == Action.REDACT:
        copy = Path(redaction.path)
        os.chmod(copy, os.stat(checked_path(layout, job)).st_mode & 0o777)  # the original's permissions
        target = files.free_name(layout.released / folder_for(resolved.primary), copy.name, tag)
        plan.update(released=_rel(target, root), released_from=_rel(copy, root),
                    released_sha256=files.sha256_of(copy),
                    original=_rel(layout.originals / str(job.id) / job.name, root),
                    original_from=_rel(checked_path(layout, job), root))
    else:
        source = _held_source(job, layout)
        target = files.free_name(layout.quarantine / folder_for(resolved.primary), job.name, tag)
        plan.update(held=_rel(target, root), held_from=_rel(source, root))
    return plan


def _rel(path: Path, root: Path) -> str:
    return os.fsdecode(path.relative_to(root))
