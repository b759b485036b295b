"""The engine-neutral step of a bulk scan: a batch of files in, one index record per file out.

`scan_batch` runs exactly what `shareguard check` runs (`Scanner.check_many`: extraction,
detection, linking), in this process, with one model per process loaded on first use and
kept. It never raises because of a document: a corrupt, encrypted or over-limit file comes
back as a record whose `problems` say why, and a failure of the scan itself becomes a
`scan_failed` record for that document alone. The local engine's workers and the Ray
engine's actors both call it; so can anything else.
"""
from __future__ import annotations

import dataclasses
import logging
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from scanner.bulk.keys import Hasher
from scanner.bulk.records import FileStat, error_record, to_record
from scanner.config import Config, load_config
from scanner.register.model import RegisterView

if TYPE_CHECKING:
    from scanner.detect import Detection
    from scanner.pipeline import Scanner

log = logging.getLogger(__name__)

SCAN_FAILED = "scan_failed"
SCAN_CRASHED = "scan_crashed"


@dataclass(frozen=True)
class BatchSettings:
    """What a process needs to scan for an index: the index key and the config directory."""

    key: bytes = dataclasses.field(repr=False)
    config_dir: str | None = None


@dataclass
class _Loaded:
    scanner: "Scanner"
    titles: frozenset[str]


_LOADED: dict[str | None, _Loaded] = {}  # one model per process, per config directory


def prepare(config_dir: str | None, detection: "Detection | None" = None) -> Config:
    """Load the model for `config_dir` now (a parent does this before forking workers, which
    then share it); `detection` reuses a model already loaded. Returns the config."""
    loaded = _LOADED.get(config_dir)
    if loaded is None:
        from scanner.pipeline import Scanner  # the model loads only where documents are scanned

        config = _one_process(load_config(config_dir))
        # An empty register: the index records what documents hold, not who has consented to what.
        scanner = Scanner(config, detection=detection, register=RegisterView())
        loaded = _LOADED[config_dir] = _Loaded(scanner, frozenset(config.linking.titles))
    return loaded.scanner.config


def scan_batch(paths: Sequence[str], settings: BatchSettings) -> list[dict]:
    """One record per path, in order (schema: `scanner.bulk.records`)."""
    prepare(settings.config_dir)
    loaded = _LOADED[settings.config_dir]
    hasher = Hasher(settings.key)
    paths = [str(p) for p in paths]
    stats = [_stat(p) for p in paths]  # before reading: a file changed meanwhile is rescanned next time
    try:
        outcomes = list(loaded.scanner.check_many(paths, processes=1))
        return [to_record(o, s, hasher, loaded.titles) for o, s in zip(outcomes, stats)]
    except Exception:  # noqa: BLE001 - one bad document must not lose the batch
        log.exception("bulk scan of a batch of %d failed; retrying one document at a time", len(paths))
    return [_scan_one(path, stat, hasher, loaded) for path, stat in zip(paths, stats)]


def _scan_one(path: str, stat: FileStat | None, hasher: Hasher, loaded: _Loaded) -> dict:
    try:
        (outcome,) = loaded.scanner.check_many([path], processes=1)
        return to_record(outcome, stat, hasher, loaded.titles)
    except Exception as exc:  # noqa: BLE001
        log.exception("bulk scan of %s failed", path)
        return error_record(path, stat, SCAN_FAILED, f"The scan of this document failed ({type(exc).__name__}).")


def crashed_record(path: str) -> dict:
    """The record of a document whose scan killed the process scanning it (a parser crash, memory)."""
    return error_record(path, _stat(path), SCAN_CRASHED, "The scan of this document stopped the process scanning it "
                        "(a crash or running out of memory), so it could not be checked.")


def _stat(path: str) -> FileStat | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return FileStat(info.st_size, info.st_mtime_ns)


def _one_process(config: Config) -> Config:
    """The config with one scanning process: engines parallelise across documents, so a long
    document is not split between processes the way `check` does for a single file."""
    nlp = config.engine.nlp.model_copy(update={"processes": 1})
    return dataclasses.replace(config, engine=config.engine.model_copy(update={"nlp": nlp}))
