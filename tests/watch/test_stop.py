"""SIGTERM stops the watcher (as a subprocess, as systemd runs it) after the file in hand, with
the library's worker processes running, and exit status 0."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def test_sigterm_finishes_the_file_in_hand_and_exits(tmp_path):
    share = tmp_path / "share"
    folder = share / "outbox" / "kent-front-door" / "early-help"
    folder.mkdir(parents=True)
    for n in range(80):  # a full batch at once: checked by the worker processes
        (folder / f"{n:02}.txt").write_text(f"Our family centre is open on Mondays. Leaflet {n}.\n")
    log = tmp_path / "watch.log"
    env = {**os.environ, **{name: str(tmp_path / name.lower()) for name in (
        "SHAREGUARD_AUDIT", "SHAREGUARD_REVIEW", "SHAREGUARD_REGISTER")}, "SHAREGUARD_SHARE": str(share)}
    process = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "watch", "--log-file", str(log)], env=env,
                               start_new_session=True, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90
        while '"done"' not in (log.read_text() if log.exists() else ""):
            assert time.monotonic() < deadline and process.poll() is None, "the watcher did not get going"
            time.sleep(0.02)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0, process.stderr.read().decode()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    events = [json.loads(line) for line in log.read_text().splitlines()]
    assert events[-1]["event"] == "stopped" and events[-1]["signal"] == "SIGTERM"
    released = len(list((share / "released").rglob("*.txt")))
    assert 1 <= released < 80  # it stopped part-way; the rest are still in the outbox or the journal
    assert released + len(list((share / "outbox").rglob("*.txt"))) + len(list(share.glob(".state/work/*"))) == 80
    assert subprocess.run(["pgrep", "-s", str(process.pid)], capture_output=True).stdout == b""
