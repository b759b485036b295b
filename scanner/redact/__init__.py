"""Redaction: a copy of the document in its own format, with the decision's people and types removed.

The one call the CLI (`check --redact-to`) and the watcher share:

    redaction = redact(outcome, source, out_dir, config)       # Redaction: path or None, verified, removed…
    outcome = final_outcome(outcome, redaction)                # a failed redaction becomes a block
    outcome, redaction = redact_to(outcome, out_dir, config)   # both, for any outcome

Steps: the values to remove and their replacements (`targets`, presidio-anonymizer operators);
the writer for the file's format (`formats`), which also removes what a reader does not see
(comments, tracked changes, metadata); the copy is written beside its final name, verified
(`verify`: re-extracted and its bytes searched), and only then given its name. Anything that
goes wrong leaves no copy, and the outcome becomes a block: a document is never released
because its redaction failed. The original file is only ever read.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scanner.config import Config
from scanner.policy.rules import IG_LEAD
from scanner.policy.sections import cite
from scanner.redact.archive import file_label
from scanner.redact.context import CannotRedact, Job
from scanner.redact.formats import redact_bytes
from scanner.redact.match import Matcher
from scanner.redact.operators import KeyUnavailable
from scanner.redact.targets import build_targets
from scanner.redact.verify import Detector, verify
from scanner.types import Action, Outcome, Reason

__all__ = ["Redaction", "final_outcome", "redact", "redact_to"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Redaction:
    """What a redaction produced: the verified copy, or why there is none."""

    source: str
    path: str | None = None  # the verified redacted copy; None when it failed
    verified: bool = False
    removed: dict[str, int] = field(default_factory=dict)  # type → values replaced
    cleaned: dict[str, int] = field(default_factory=dict)  # "comments removed" → how many
    problems: tuple[str, ...] = ()  # why there is no copy

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self) | {"problems": list(self.problems)}

    def summary(self) -> str:
        if not self.verified:
            return "no redacted copy: " + "; ".join(self.problems)
        removed = ", ".join(f"{t} ×{n}" for t, n in sorted(self.removed.items())) or "nothing"
        cleaned = "; ".join(f"{what}: {n}" for what, n in self.cleaned.items())
        return f"redacted copy: {self.path} (verified; removed {removed}" + (f"; {cleaned})" if cleaned else ")")


def redact(outcome: Outcome, source: str | Path, out_dir: str | Path, config: Config,
           detection: Detector | None = None) -> Redaction:
    """Write a verified redacted copy of `source` into `out_dir`, as `outcome.decision` says.

    `detection` (a loaded `scanner.detect.Detection`), when given, also re-runs the detectors
    over the copy. Never raises for a file that cannot be redacted: the Redaction says why.
    """
    if outcome.decision.action != Action.REDACT:
        raise ValueError(f"the decision is {outcome.decision.action.label}, not redact")
    source, out_dir = Path(source), Path(out_dir)

    def failed(*problems: str) -> Redaction:
        return Redaction(str(source), problems=problems)

    try:
        targets = build_targets(outcome, config.redaction, config.directory)
    except KeyUnavailable as exc:
        return failed(str(exc))
    matcher = Matcher(targets)
    clash = next((t for t in targets if matcher.search(t.replacement)), None)
    if clash is not None:
        return failed(f"the replacement {clash.replacement} would itself contain a removed value")
    try:
        data = source.read_bytes()
    except OSError as exc:
        return failed(f"the document cannot be read ({exc.strerror})")
    if hashlib.sha256(data).hexdigest() != outcome.document.sha256:
        return failed("the document changed after it was checked; check it again")
    limits = config.engine.limits.to_limits()
    job = Job(matcher, redact_bytes, limits, name=source.name, refuse_archives=config.redaction.archives == "refuse")
    try:
        redacted = redact_bytes(data, source.name, job)
    except CannotRedact as exc:
        return failed(str(exc))
    except Exception as exc:  # noqa: BLE001 - a library failure on a real file must block, not crash
        log.exception("redaction of %s failed", source)
        return failed(f"the redaction failed ({type(exc).__name__})")
    final = out_dir / job.replace(source.name, file_label)
    if final.resolve() == source.resolve():
        final = final.with_name(f"{final.stem}.redacted{final.suffix}")
    partial = _write_partial(out_dir, final.name, redacted)
    try:
        verification = verify(partial, matcher, limits, outcome.decision.redact_types, detection)
    except Exception as exc:  # noqa: BLE001 - a copy that cannot be verified is not released
        log.exception("verification of the redacted copy of %s failed", source)
        verification = None
        problems: tuple[str, ...] = (f"the redacted copy could not be verified ({type(exc).__name__})",)
    if verification is None or not verification.ok:
        partial.unlink(missing_ok=True)
        problems = verification.failures if verification is not None else problems
        return Redaction(str(source), None, False, dict(job.removed), dict(job.cleaned), problems)
    os.replace(partial, final)
    return Redaction(str(source), str(final), True, dict(job.removed), dict(job.cleaned))


def _write_partial(out_dir: Path, name: str, data: bytes) -> Path:
    """The copy under a hidden temporary name that keeps its extension (verification reads it by name)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    handle, path = tempfile.mkstemp(dir=out_dir, prefix=".shareguard-partial-", suffix=f"-{name}")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    return Path(path)


def final_outcome(outcome: Outcome, redaction: Redaction) -> Outcome:
    """The outcome once the redaction is done: unchanged if the copy is verified, else a block."""
    record = {**outcome.record, "redaction": redaction.to_dict()}
    if redaction.verified:
        return dataclasses.replace(outcome, record=record)
    decision = outcome.decision
    reason = Reason("R4", cite("keeping-confidence"),
                    f"The redacted copy could not be made safe to release: {'; '.join(redaction.problems)}. "
                    "Confidentiality must be maintained, so the document is blocked and nothing is released; "
                    "the IG lead reviews it.")
    blocked = dataclasses.replace(decision, action=Action.BLOCK, reasons=decision.reasons + (reason,),
                                  reviewer=IG_LEAD, review_item=True)
    record |= {"action": Action.BLOCK.label, "shared": False, "data": [], "consent_not_sought": None,
               "rules": sorted({*outcome.record.get("rules", ()), "R4"})}
    return dataclasses.replace(outcome, decision=blocked, record=record)


def redact_to(outcome: Outcome, out_dir: str | Path, config: Config,
              detection: Detector | None = None) -> tuple[Outcome, Redaction | None]:
    """Redact the document if its decision is redact; the final outcome and the redaction (or None)."""
    if outcome.decision.action != Action.REDACT:
        return outcome, None
    redaction = redact(outcome, outcome.document.path, out_dir, config, detection)
    return final_outcome(outcome, redaction), redaction
