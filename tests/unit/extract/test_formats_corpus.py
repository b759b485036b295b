"""The shared real-file corpus (other projects' test fixtures): nothing escapes, nothing core is missed.

Skips when ../shared/corpora/formats is absent; `bench/formats_extract.py` prints the full figures.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from scanner.extract import extract_file

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpora" / "formats"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (CORPUS / "manifest.jsonl").is_file(), reason="formats corpus not present"),
]


def _records() -> list[dict]:
    lines = (CORPUS / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_every_core_must_not_allow_file_gets_a_problem_and_nothing_escapes():
    missed, slow = [], []
    for record in _records():
        started = time.perf_counter()
        document = extract_file(CORPUS / record["file"])
        if time.perf_counter() - started > 5:
            slow.append(record["file"])
        if record.get("must_not_allow_basis") == "core" and not document.problems:
            missed.append(f"{record['file']} ({record['expect']})")
    assert missed == []
    assert slow == []
