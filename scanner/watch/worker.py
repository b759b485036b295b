"""One claimed file from the outbox to its outcome, and the same steps resumed after a crash.

    claim → decide (the library) → record → place → finish

`process` takes a batch of complete files: each is claimed, the readable ones are checked
together (`Scanner.check_many`, one call per request), then each is decided, recorded, placed
and finished in turn. `resume` continues a job from the step the journal last recorded.
"""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scanner.types import Outcome
from scanner.watch import act, claim
from scanner.watch.decide import decide, dropped_at, outcomes
from scanner.watch.journal import CLAIMED, CLAIMING, DECIDED, PLACED, RECORDED, Job, Journal
from scanner.watch.layout import ShareLayout
from scanner.watch.logs import EventLog
from scanner.watch.request import resolve

Key = tuple[str | None, str | None]


@dataclass
class Worker:
    """`scanner`: a loaded `scanner.pipeline.Scanner`; `audit`/`review`: the open audit trail
    and review queue; `redact_to`: `scanner.redact.redact_to` (passed in: loaded once)."""

    layout: ShareLayout
    journal: Journal
    scanner: Any
    audit: Any
    review: Any
    redact_to: Callable[..., Any]
    events: EventLog
    give_up: float = 300.0
    stopping: Callable[[], bool] = lambda: False

    # -- new files ------------------------------------------------------------------------------

    def process(self, paths: Iterable[Path], restless: bool = False) -> list[Job]:
        """Claim each file, check the readable ones together, then finish each in turn. On a
        stop request, the jobs not yet decided stay claimed: a restart resumes them."""
        jobs = [job for job in (self._claim(p, restless) for p in paths) if job is not None]
        checked = self._check_together([j for j in jobs if j.kind == "regular"])
        done = []
        for job in jobs:
            if self.stopping():
                break
            done.append(self._guarded(job, lambda j=job: self._complete(j, checked.get(j.id))))
        return [j for j in done if j is not None]

    def _claim(self, path: Path, restless: bool) -> Job | None:
        started = time.monotonic()
        job = None
        try:
            job = claim.begin(self.layout, self.journal, path)
            job = claim.finish(self.layout, self.journal, job, restless)
        except OSError as exc:  # e.g. no permission to move it: logged, tried again at the next rescan
            self.events("claim_failed", level="error", job=job.label if job else None, error=type(exc).__name__)
            return None
        if job is not None:
            self.events("claimed", job=job.label, sha256=job.sha256, size=job.size, kind=job.kind,
                        ms=_ms(started))
        return job

    def _check_together(self, jobs: list[Job]) -> dict[int, dict[Key, Outcome]]:
        """The library's outcomes for readable files, grouped by request so they are batched."""
        groups: dict[Any, list[Job]] = defaultdict(list)
        for job in jobs:
            try:
                resolved = resolve(job.relative, claim.checked_path(self.layout, job),
                                   claim.sidecar_path(self.layout, job), self.scanner.config.recipients)
            except Exception:  # noqa: BLE001 - decided (and held) on its own later
                continue
            if resolved.problem is None:
                for request in resolved.requests:
                    groups[request].append(job)
        found: dict[int, dict[Key, Outcome]] = defaultdict(dict)
        for request, members in groups.items():
            if len(members) < 2:
                continue  # one file: checked on its own when decided
            paths = [claim.checked_path(self.layout, j) for j in members]
            try:
                results = list(self.scanner.check_many(paths, request))
            except Exception as exc:  # noqa: BLE001 - each file is checked again on its own
                self.events("batch_failed", level="warning", error=type(exc).__name__, files=len(paths))
                continue
            for job, outcome in zip(members, results):
                found[job.id][(request.recipient, request.purpose)] = outcome
        return found

    # -- a job, from any step -------------------------------------------------------------------

    def resume(self, job: Job) -> Job | None:
        """Continue a job from its last journalled step."""
        self.events("resuming", job=job.label, step=job.step)
        if job.step == CLAIMING:
            job = claim.finish(self.layout, self.journal, job, resuming=True)
            if job is None:
                return None
        if job.step in (CLAIMED, DECIDED):
            return self._complete(job, None)
        if job.step == RECORDED:
            job = self._place(job)
        if job.step == PLACED:
            job = act.finish(job, self.journal, self.layout)
        return job

    def _complete(self, job: Job, checked: dict[Key, Outcome] | None) -> Job:
        started = time.monotonic()
        resolved, found = outcomes(job, self.layout, self.scanner, self.journal, self.give_up, checked)
        if job.step == DECIDED and self._recorded(job, found):
            # Recorded (at least partly) before a crash: that decision and its plan stand; only
            # what is missing is recorded now. (A review item made again lacks the redaction's
            # summary; the verified copy itself is the one already in the job's folder.)
            winner = max(found, key=lambda o: o.decision.action)
            recorded = tuple(dropped_at(o, job) for o in (found if job.action == "allow" else [winner]))
            self.events("resumed_recorded", job=job.label, action=job.action)
        else:
            made, plan = decide(job, self.layout, resolved, found, self.scanner, self.redact_to)
            head = self.audit.head()
            plan["audit_mark"] = head.seq if head else 0
            decision = made.winner.decision
            job = self.journal.advance(job.id, DECIDED, recipients=resolved.recipients,
                                       purpose=resolved.requests[0].purpose, action=decision.action.label, plan=plan)
            recorded = made.recorded
            self.events("decided", job=job.label, sha256=job.sha256, action=decision.action.label,
                        rules=sorted({r.rule for r in decision.reasons}), recipients=len(resolved.requests),
                        problems=sorted({p.code for p in made.winner.document.problems}) or None)
        job = act.record(job, self.journal, recorded, self.audit, self.review, self.layout.root)
        self.events("recorded", job=job.label, audit=job.plan.get("audit"), review=job.plan.get("review") or None)
        job = self._place(job)
        job = act.finish(job, self.journal, self.layout)
        self.events("done", job=job.label, action=job.action, ms=_ms(started))
        return job

    def _recorded(self, job: Job, found: list[Outcome]) -> bool:
        mark = job.plan.get("audit_mark")
        return mark is not None and any(seq is not None for seq in act.recorded_since(self.audit, mark, tuple(found)))

    def _place(self, job: Job) -> Job:
        job = act.place(job, self.journal, self.layout.root)
        where = [k for k in ("released", "original", "held") if job.plan.get(k)]
        self.events("placed", job=job.label, action=job.action, to=where)
        return job

    def _guarded(self, job: Job, step: Callable[[], Job]) -> Job | None:
        """Run a job's steps; a failure is logged and the job stays in flight to be resumed."""
        try:
            return step()
        except Exception as exc:  # noqa: BLE001 - one file never stops the watcher
            self.events("job_failed", level="error", job=job.label, error=type(exc).__name__)
            return None


def _ms(started: float) -> int:
    return round((time.monotonic() - started) * 1000)
