"""check(path, request) = extract → detect → decide, for one document or a batch.

The model is loaded once per process. A batch is cut into slices that worker processes
(forked after the model is loaded, so they share it) scan with `nlp.pipe`; results come
back in input order. A detector that fails holds the document: it is never released
because the scan broke.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from scanner.config import Config, load_config
from scanner.detect import Detection
from scanner.extract import extract_file
from scanner.policy.decide import decide
from scanner.policy.rules import Facts
from scanner.types import Document, Finding, Outcome, Problem, ShareRequest

log = logging.getLogger(__name__)

SLICE = 16  # documents per worker task: big enough for nlp.pipe batching, small enough to balance
BATCH_CHARS = 2_000_000  # text held in memory at once by one process

_ACTIVE: "Scanner | None" = None  # the scanner a forked worker inherits


class Scanner:
    """A loaded ShareGuard: configuration, model and detectors. Build once, check many."""

    def __init__(self, config: Config | None = None, detection: Detection | None = None) -> None:
        self.config = config or load_config()
        self.detection = detection or Detection.load(self.config)
        self._limits = self.config.engine.limits.to_limits()
        self._quasi = frozenset(self.config.engine.quasi_identifiers)

    def check(self, path: str | Path, request: ShareRequest = ShareRequest()) -> Outcome:
        return self._check_slice([str(path)], request)[0]

    def check_many(
        self, paths: Sequence[str | Path], request: ShareRequest = ShareRequest(), processes: int | None = None
    ) -> Iterator[Outcome]:
        """Outcomes in input order, using worker processes when the batch is large enough."""
        paths = [str(p) for p in paths]
        workers = processes or self.config.engine.nlp.processes or os.cpu_count() or 1
        if workers < 2 or len(paths) < 2 * SLICE:
            yield from self._check_slice(paths, request)
            return
        yield from self._check_parallel(paths, request, workers)

    def _check_parallel(self, paths: list[str], request: ShareRequest, workers: int) -> Iterator[Outcome]:
        global _ACTIVE
        _ACTIVE = self
        slices = [paths[i : i + SLICE] for i in range(0, len(paths), SLICE)]
        context = multiprocessing.get_context("fork")
        with context.Pool(min(workers, len(slices))) as pool:
            for outcomes in pool.imap(_work, ((s, request) for s in slices)):
                yield from outcomes

    def _check_slice(self, paths: list[str], request: ShareRequest) -> list[Outcome]:
        outcomes: list[Outcome] = []
        batch: list[Document] = []
        size = 0
        for path in paths:
            document = extract_file(path, self._limits)
            batch.append(document)
            size += len(document.text)
            if size >= BATCH_CHARS:
                outcomes.extend(self._finish(batch, request))
                batch, size = [], 0
        outcomes.extend(self._finish(batch, request))
        return outcomes

    def _finish(self, documents: list[Document], request: ShareRequest) -> list[Outcome]:
        if not documents:
            return []
        results = self._detect_fail_closed(documents)
        return [self.decide(document, findings, request) for document, findings in results]

    def decide(self, document: Document, findings: tuple[Finding, ...], request: ShareRequest) -> Outcome:
        decision = decide(Facts(document, findings, request, self._quasi))
        return Outcome(document=document, request=request, decision=decision, findings=findings)

    def _detect_fail_closed(self, documents: list[Document]) -> Iterable[tuple[Document, tuple[Finding, ...]]]:
        try:
            return list(zip(documents, self.detection.detect(documents)))
        except Exception:  # noqa: BLE001 - a detector bug must hold the documents, not crash the batch
            log.exception("detection failed for a batch; retrying one document at a time")
        results = []
        for document in documents:
            try:
                results.append((document, self.detection.detect([document])[0]))
            except Exception as exc:  # noqa: BLE001
                log.exception("detection failed for %s", document.path)
                problem = Problem("detector_failed", f"The scan of this document failed ({type(exc).__name__}), "
                                  "so it cannot be released.")
                held = Document(document.path, document.sha256, document.format, document.text,
                                document.segments, document.problems + (problem,), document.size)
                results.append((held, ()))
        return results


def _work(task: tuple[list[str], ShareRequest]) -> list[Outcome]:
    paths, request = task
    assert _ACTIVE is not None, "worker started without a scanner"
    return _ACTIVE._check_slice(paths, request)
