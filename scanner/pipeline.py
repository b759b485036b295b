"""check(path, request) = extract → detect → decide, for one document or a batch.

The model is loaded once, then worker processes are forked (they share it) and kept for the
Scanner's life. A batch is cut into slices that the workers extract and scan with `nlp.pipe`;
a single long document is cut into parts that the workers scan side by side, and the
document-level steps run here. Results come back in input order. A detector that fails holds
the document: it is never released because the scan broke.
"""
from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
from pathlib import Path
from typing import Iterator, Sequence

from scanner.config import Config, load_config
from scanner.detect import Detection, Span
from scanner.extract import extract_file
from scanner.link import Linker
from scanner.policy.decide import decide
from scanner.policy.record import record_of_sharing
from scanner.policy.rules import Facts
from scanner.register.model import RegisterView
from scanner.types import Document, Finding, Outcome, Problem, ShareRequest

log = logging.getLogger(__name__)

SLICE = 16  # documents per worker task: big enough for nlp.pipe batching, small enough to balance
BATCH_CHARS = 2_000_000  # text held in memory at once by one process

_ACTIVE: "Scanner | None" = None  # the scanner a forked worker inherits


class Scanner:
    """A loaded ShareGuard: configuration, model, detectors and workers. Build once, check many."""

    def __init__(self, config: Config | None = None, detection: Detection | None = None,
                 register: RegisterView | str | Path | None = None) -> None:
        """`register`: a snapshot to decide against (tests), or the register file's path
        (default: the config's `register.path`), read afresh at every check."""
        self.config = config or load_config()
        self.detection = detection or Detection.load(self.config)
        self._register = register if isinstance(register, RegisterView) else self.config.register_path(register)
        self._linker: tuple[RegisterView, Linker] | None = None
        self._limits = self.config.engine.limits.to_limits()
        self._quasi = frozenset(self.config.engine.quasi_identifiers)
        self._workers = self.config.engine.nlp.processes or os.cpu_count() or 1
        self._pool = None  # forked on first need, after the model is loaded
        self._in_worker = False

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None

    def __enter__(self) -> "Scanner":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check(self, path: str | Path, request: ShareRequest = ShareRequest()) -> Outcome:
        return self._check_slice([str(path)], request, self.register_view())[0]

    def register_view(self) -> RegisterView:
        """The register as it is now: decisions are evaluated at the moment of the check."""
        if isinstance(self._register, RegisterView):
            return self._register
        return read_view(self._register)

    def check_many(
        self, paths: Sequence[str | Path], request: ShareRequest = ShareRequest(), processes: int | None = None
    ) -> Iterator[Outcome]:
        """Outcomes in input order, using the worker processes when the batch is large enough."""
        paths = [str(p) for p in paths]
        view = self.register_view()
        workers = processes or self._workers
        if workers < 2 or len(paths) < 2 * SLICE:
            yield from self._check_slice(paths, request, view)
            return
        slices = [paths[i : i + SLICE] for i in range(0, len(paths), SLICE)]
        for outcomes in self._workers_pool().imap(_check_task, ((s, request, view) for s in slices)):
            yield from outcomes

    def decide(self, document: Document, findings: tuple[Finding, ...], request: ShareRequest,
               view: RegisterView | None = None) -> Outcome:
        """Link the findings to people, then apply the decision rules for this request."""
        view = self.register_view() if view is None else view
        if self._linker is None or self._linker[0] is not view:
            self._linker = (view, Linker(view, self.config.linking))
        findings, subjects = self._linker[1].link(document, findings)
        recipient = self.config.recipients.get(request.recipient)
        facts = Facts(document, findings, request, self._quasi, subjects=subjects, recipient=recipient,
                      recipient_type=self.config.recipients.types.get(recipient.type) if recipient else None,
                      purpose=self.config.purposes.get(request.purpose), register=view)
        decision = decide(facts)
        return Outcome(document=document, request=request, decision=decision, findings=findings, subjects=subjects,
                       record=record_of_sharing(facts, decision))

    def _check_slice(self, paths: list[str], request: ShareRequest, view: RegisterView) -> list[Outcome]:
        outcomes: list[Outcome] = []
        batch: list[Document] = []
        size = 0
        for path in paths:
            document = extract_file(path, self._limits)
            batch.append(document)
            size += len(document.text)
            if size >= BATCH_CHARS:
                outcomes.extend(self._finish(batch, request, view))
                batch, size = [], 0
        outcomes.extend(self._finish(batch, request, view))
        return outcomes

    def _finish(self, documents: list[Document], request: ShareRequest, view: RegisterView) -> list[Outcome]:
        split = [d for d in documents if self._should_split(d)]
        rest = [d for d in documents if not self._should_split(d)]
        found = dict(zip(map(id, rest), self._fail_closed(rest, self.detection.detect)))
        for document in split:
            found[id(document)] = self._fail_closed([document], self._detect_split)[0]
        return [self.decide(*found[id(d)], request, view) for d in documents]

    def _should_split(self, document: Document) -> bool:
        # Column headers give spreadsheet cells their meaning, so tables are not cut into parts.
        return (not self._in_worker and self._workers > 1 and document.format not in ("csv", "xlsx")
                and len(document.text) >= self.config.engine.nlp.parallel_chars)

    def _detect_split(self, documents: list[Document]) -> list[tuple[Finding, ...]]:
        """One long document scanned by all workers at once: its parts in parallel, then the
        document-level steps here."""
        (document,) = documents
        spans = self.detection.spans(document, parts=self._workers)
        # Workers need the text of their part only (and the segments, for provenance-aware detectors).
        light = Document(document.path, document.sha256, document.format, "", document.segments, (), document.size)
        tasks = [(light, group) for group in _groups(spans, self.config.engine.nlp.batch_chars, self._workers)]
        raw = [f for found in self._workers_pool().imap(_scan_task, tasks) for f in found]
        return [self.detection.finish(document, raw)]

    def _fail_closed(self, documents: list[Document], detect) -> list[tuple[Document, tuple[Finding, ...]]]:  # noqa: ANN001
        if not documents:
            return []
        try:
            return list(zip(documents, detect(documents)))
        except Exception:  # noqa: BLE001 - a detector bug must hold the documents, not crash the batch
            log.exception("detection failed for a batch; retrying one document at a time")
        results = []
        for document in documents:
            try:
                results.append((document, detect([document])[0]))
            except Exception as exc:  # noqa: BLE001
                log.exception("detection failed for %s", document.path)
                problem = Problem("detector_failed", f"The scan of this document failed ({type(exc).__name__}), "
                                  "so it cannot be released.")
                held = Document(document.path, document.sha256, document.format, document.text,
                                document.segments, document.problems + (problem,), document.size)
                results.append((held, ()))
        return results

    def _workers_pool(self):  # noqa: ANN202
        global _ACTIVE
        if self._pool is None:
            _ACTIVE = self
            self._pool = multiprocessing.get_context("fork").Pool(self._workers, initializer=_become_worker)
            atexit.register(self.close)  # workers never outlive the program
        return self._pool


def read_view(path: Path) -> RegisterView:
    """A snapshot of the register file; an empty register when none has been created yet."""
    if not path.exists():
        return RegisterView()
    from scanner.register.store import Register  # sqlite3 only when a register exists

    with Register.open(path) as register:
        return register.view()


def _groups(spans: list[Span], chars: int, workers: int) -> list[list[Span]]:
    """Consecutive spans in groups of about `chars` characters, and at least one per worker."""
    per_group = max(1, min(-(-len(spans) // workers), max(1, chars // max(1, len(spans[0].text)))))
    return [spans[i : i + per_group] for i in range(0, len(spans), per_group)]


def _become_worker() -> None:
    assert _ACTIVE is not None, "worker started without a scanner"
    _ACTIVE._in_worker = True
    _ACTIVE._pool = None


def _check_task(task: tuple[list[str], ShareRequest, RegisterView]) -> list[Outcome]:
    paths, request, view = task
    return _ACTIVE._check_slice(paths, request, view)


def _scan_task(task: tuple[Document, list[Span]]) -> list[Finding]:
    document, spans = task
    return [f for found in _ACTIVE.detection.scan([(document, s) for s in spans]) for f in found]
