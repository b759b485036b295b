"""The local engine: `scan_batch` over worker processes on this machine.

The model is loaded once in this process, then `jobs` workers are forked and share it (one
model per worker, copy-on-write); each takes a batch of paths at a time and sends back only the
small index records. A few batches are in flight at once, so a kill loses little work.

A document can do worse than raise: crash a parser or exhaust memory, killing its worker. The
batches that were in flight are then scanned again one document per task in fresh workers; a
document that kills its worker alone becomes a `scan_crashed` error record and the scan goes
on. Workers die with the scan: if it is killed, they are too (Linux `PR_SET_PDEATHSIG`).
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator

from scanner.bulk.batch import BatchSettings, crashed_record, prepare, scan_batch
from scanner.bulk.plan import EngineOptions, batches

IN_FLIGHT = 2  # batches queued per worker: keeps workers busy, bounds what a kill loses


def run_local(paths: list[str], settings: BatchSettings, options: EngineOptions) -> Iterator[list[dict]]:
    """Records for every path, a batch at a time, in the order batches finish."""
    prepare(settings.config_dir)
    queue = deque(batches(paths, options.batch_size))
    jobs = max(1, min(options.jobs or os.cpu_count() or 1, len(queue)))
    suspects: deque[list[str]] = deque()  # documents in flight when a worker died, one per task
    while queue or suspects:
        if suspects:  # alone in the pool, one at a time: a crash now names its document
            for (path,) in (yield from _drain(suspects, settings, jobs=1, in_flight=1)):
                yield [crashed_record(path)]
        else:
            suspects.extend([path] for batch in (yield from _drain(queue, settings, jobs, IN_FLIGHT))
                            for path in batch)


def _drain(queue: deque, settings: BatchSettings, jobs: int, in_flight: int):  # noqa: ANN202 - generator
    """Run batches from `queue` until it is empty or a worker dies; return the batches lost then."""
    context = multiprocessing.get_context("fork")  # workers share the loaded model
    running: dict[Future, list[str]] = {}
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        while queue or running:
            while queue and len(running) < jobs * in_flight:
                batch = queue.popleft()
                running[pool.submit(_scan_task, batch, settings)] = batch
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                if isinstance(future.exception(), BrokenProcessPool):
                    broken = True
                else:
                    yield future.result()
                    running.pop(future)
            if broken:  # a worker died: the pool is gone, and every batch still in it is lost
                return list(running.values())
    return []


def _scan_task(batch: list[str], settings: BatchSettings) -> list[dict]:
    return scan_batch(batch, settings)  # looked up in the worker: what the parent had when it forked


def _die_with_parent(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the scan in the parent, which ends the pool
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers then end when their task queue closes
        return
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
