"""The Ray engine and a document that kills the process scanning it: Ray would restart the actor
and retry the task forever; the scan instead finishes that wave on this machine, where the local
engine finds the document and records it as `scan_crashed`."""
from __future__ import annotations

import logging
import os

import pytest

from scanner.bulk import engine_ray
from scanner.bulk.batch import BatchSettings
from scanner.bulk.plan import EngineOptions
from scanner.bulk.run import preload
from tests.unit.bulk.archive import notes
from tests.unit.bulk.test_engine_local import crash_on_poison

pytestmark = [pytest.mark.model, pytest.mark.slow,
              pytest.mark.filterwarnings("ignore::DeprecationWarning")]  # Ray Data's own deprecated settings
SETTINGS = BatchSettings(key=bytes(range(32)))


@pytest.fixture(autouse=True)
def loaded(detection):
    preload(None, detection)


def test_a_document_that_crashes_a_ray_actor_is_recorded_and_the_scan_finishes(tmp_path, monkeypatch, caplog):
    pytest.importorskip("ray.data", reason="the Ray engine is an optional extra: pip install 'shareguard[ray]'")

    class CrashingActor(engine_ray.ScanActor):  # defined here, so Ray ships it to its actors by value
        def __call__(self, batch: dict) -> dict:
            if any("poison" in str(p) for p in batch["path"]):
                os._exit(70)  # as a parser crash or the kernel's OOM killer would end the actor
            return super().__call__(batch)

    paths = [str(p) for p in notes(tmp_path / "notes", 8)]
    poison = tmp_path / "notes" / "poison.txt"
    poison.write_text("anything")
    paths.insert(5, str(poison))
    monkeypatch.setattr(engine_ray, "ScanActor", CrashingActor)
    monkeypatch.setattr("scanner.bulk.engine_local.scan_batch", crash_on_poison)  # it crashes every process
    scratch = tmp_path / "tmp"
    scratch.mkdir(mode=0o700)
    with caplog.at_level(logging.WARNING, logger="scanner.bulk.engine_ray"):
        records = [r for batch in engine_ray.run_ray(paths, SETTINGS, EngineOptions(jobs=1, batch_size=1,
                                                                                    tmp_dir=scratch))
                   for r in batch]
    assert sorted(r["path"] for r in records) == sorted(paths)  # every document once, none lost
    (crashed,) = [r for r in records if r["status"] != "ok"]
    assert crashed["path"] == str(poison) and [p["code"] for p in crashed["problems"]] == ["scan_crashed"]
    assert "the Ray job stopped" in caplog.text and "scanned on this machine" in caplog.text
