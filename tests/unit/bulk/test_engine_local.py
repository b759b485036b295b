"""The local engine: every document once over worker processes, and a document that kills its worker
costs only its own record."""
from __future__ import annotations

import os

import pytest

from scanner.bulk import batch as batch_module
from scanner.bulk.batch import BatchSettings
from scanner.bulk.engine_local import run_local
from scanner.bulk.plan import EngineOptions
from scanner.bulk.run import preload
from tests.unit.bulk.archive import notes

pytestmark = pytest.mark.model
SETTINGS = BatchSettings(key=bytes(range(32)))


@pytest.fixture(autouse=True)
def loaded(detection):
    preload(None, detection)


def crash_on_poison(paths: list[str], settings: BatchSettings) -> list[dict]:
    if any("poison" in p for p in paths):
        os._exit(70)  # as a parser crash or the kernel's OOM killer would end the worker
    return batch_module.scan_batch(paths, settings)


def test_a_document_that_kills_its_worker_becomes_a_crash_record(tmp_path, monkeypatch):
    paths = [str(p) for p in notes(tmp_path / "notes", 9)]
    poison = tmp_path / "notes" / "poison.txt"
    poison.write_text("anything")
    paths.insert(4, str(poison))
    monkeypatch.setattr("scanner.bulk.engine_local.scan_batch", crash_on_poison)
    records = [r for batch in run_local(paths, SETTINGS, EngineOptions(jobs=2, batch_size=3)) for r in batch]
    assert sorted(r["path"] for r in records) == sorted(paths)
    (crashed,) = [r for r in records if r["status"] != "ok"]
    assert crashed["path"] == str(poison)
    assert [p["code"] for p in crashed["problems"]] == ["scan_crashed"]
