"""No network connection is ever attempted: a check runs in a process whose sockets refuse."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

GUARD = """
import socket
def refuse(*args, **kwargs):
    with open(LOG, "a") as log:
        log.write(repr(args[:2]) + "\\n")
    raise OSError("network disabled by test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.getaddrinfo = refuse
socket.create_connection = refuse
"""


@pytest.mark.slow
def test_check_makes_no_network_attempt(tmp_path):
    note = tmp_path / "note.eml.txt"
    note.write_text("Contact jane.smith@example.co.uk or see https://www.leeds.gov.uk about Jayden Smith.\n")
    attempts = tmp_path / "attempts.log"
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(f"LOG = {str(attempts)!r}\n" + GUARD)
    env = {"PYTHONPATH": str(site), "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "PATH": "/usr/bin:/bin",
           # check records every decision: never into the developer's var/ or share/
           **{name: str(tmp_path / name.lower()) for name in (
               "SHAREGUARD_REGISTER", "SHAREGUARD_AUDIT", "SHAREGUARD_REVIEW", "SHAREGUARD_SHARE")}}
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "check", "--json", str(note)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert '"EMAIL_ADDRESS"' in result.stdout, result.stderr
    assert not attempts.exists(), f"network attempted: {attempts.read_text()}"
