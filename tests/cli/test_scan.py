"""`shareguard scan` and `shareguard find` end to end: local engine, resume after SIGKILL, Ray engine,
search by name, first name + DOB, NHS number and register alias, and an index with no value in it."""
from __future__ import annotations

import io
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli_bulk
from cli import cli
from scanner.bulk.run import preload
from scanner.register import Register
from tests.unit.bulk.archive import ADAEZE, JAYDEN, JAYDEN_NHS, SECRETS, build, notes

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def loaded(detection, monkeypatch):
    preload(None, detection)  # in-process scans reuse the session's model
    monkeypatch.delenv("SHAREGUARD_INDEX_KEY", raising=False)


@pytest.fixture
def shareguard(tmp_path):
    def run(*args: str, register: Path | None = None):
        obj = {"config_dir": None, "register": str(register) if register else None}
        return CliRunner().invoke(cli, list(args), obj=obj, catch_exceptions=False)

    return run


@pytest.fixture
def indexed(tmp_path, shareguard):
    """The test archive (with poisoned files) scanned by the local engine."""
    archive = build(tmp_path / "archive", poisoned=True)
    key, out = tmp_path / "keys" / "index.key", tmp_path / "index"
    result = shareguard("scan", str(archive.root), "--out", str(out), "--key", str(key), "-j", "1")
    assert result.exit_code == 0, result.output
    return archive, out, key, result


def records(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]


def test_local_scan_of_folders_zip_and_mail_with_poisoned_files(indexed):
    archive, out, _, result = indexed
    found = records(out)
    assert sorted(r["path"] for r in found) == sorted(map(str, archive.documents))
    unreadable = {Path(r["path"]).name: [p["code"] for p in r["problems"]] for r in found if r["status"] != "ok"}
    assert unreadable == {"broken.docx": ["corrupt"], "locked.pdf": ["encrypted"], "bomb.zip": ["over_limit"]}
    by_name = {Path(r["path"]).name: r for r in found}
    assert "inner/pupil.docx > paragraph 1" in by_name["bundle-3.zip"]["places"]["UK_UPN"]
    assert any(p.startswith("minutes.docx > ") for p in by_name["message-5.eml"]["places"]["DATE_OF_BIRTH"])
    summary = json.loads((out / "summary.json").read_text())
    assert (summary["documents"], summary["unreadable"], summary["with_affirmed_concern"]) == (8, 3, 1)
    assert "documents  with personal data" in result.stdout and "locked.pdf" in result.stdout
    assert "8 scanned, 0 already done" in result.stderr
    assert "<svg" in (out / "report.html").read_text()


def test_the_index_holds_no_name_or_identifier_and_is_owner_only(indexed):
    _, out, key, _ = indexed
    assert any(r["values"] for r in records(out))
    for path in [out, *out.rglob("*")]:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
        if path.is_file():
            data = path.read_bytes().lower()
            assert [s for s in SECRETS if s.lower().encode() in data] == [], path
    assert not str(key).startswith(str(out))


def test_a_second_run_skips_finished_documents_rescans_changed_ones_and_drops_deleted_ones(indexed, shareguard):
    archive, out, key, _ = indexed
    note = archive.root / "2024" / "visits" / "note-001.txt"
    note.write_text(note.read_text() + "Seen again on 13/03/2024.\n")
    (archive.root / "2024" / "visits" / "leaflet.txt").unlink()
    result = shareguard("scan", str(archive.root), "--out", str(out), "--key", str(key), "-j", "1")
    assert result.exit_code == 0
    assert "1 scanned, 6 already done, 2 old records dropped" in result.stderr
    paths = [r["path"] for r in records(out)]
    assert len(paths) == len(set(paths)) == 7 and str(note) in paths


def test_find_by_full_name_first_name_and_dob_nhs_number_and_register_alias(indexed, shareguard, tmp_path):
    _, out, _, _ = indexed

    def find(*args: str, register: Path | None = None) -> dict[str, dict]:
        result = shareguard("find", "--index", str(out), "--json", *args, register=register)
        assert result.exit_code == 0, result.output
        return {Path(m["path"]).name: m for m in map(json.loads, result.stdout.splitlines())}

    assert {n: m["how"] for n, m in find("--name", JAYDEN.upper()).items()} == {"note-001.txt": ["full name"]}
    by_dob = find("--name", "Leila", "--dob", "2013-02-14")
    assert {n: m["how"] for n, m in by_dob.items()} == {"review-07.docx": ["first name + DOB"],
                                                        "message-5.eml": ["first name + DOB"]}
    assert by_dob["message-5.eml"]["where"] == ["minutes.docx > paragraph 2"]
    assert {n: m["how"] for n, m in find("--nhs", JAYDEN_NHS.replace(" ", "")).items()} == {
        "note-001.txt": ["NHS number"]}
    register = tmp_path / "register.sqlite3"
    with Register.open(register) as reg:
        pid = reg.add_person("Adaeze Nwosu", role="parent", aliases=(ADAEZE,)).id
    assert {n: m["how"] for n, m in find("--subject", pid, register=register).items()} == {"bundle-3.zip": ["alias"]}
    result = shareguard("find", "--index", str(out), "--name", "Kwame Mensah", "--dob", "2012-01-01")
    assert (result.exit_code, result.stdout) == (0, "")
    assert "No document in the index mentions that person." in result.stderr


def test_find_prints_a_table(indexed, shareguard):
    _, out, _, _ = indexed
    result = shareguard("find", "--index", str(out), "--nhs", JAYDEN_NHS)
    header, row = result.stdout.splitlines()
    assert header.split() == ["CONFIDENCE", "HOW", "DOCUMENT", "WHERE"]
    assert row.startswith("0.99        NHS number  ") and row.endswith("note-001.txt  text")


def test_worker_processes_scan_every_document_once(tmp_path, shareguard):
    paths = notes(tmp_path / "notes", 12)
    out = tmp_path / "index"
    result = shareguard("scan", str(tmp_path / "notes"), "--out", str(out), "--key", str(tmp_path / "k"),
                        "-j", "2", "--batch-size", "2")
    assert result.exit_code == 0, result.output
    assert sorted(r["path"] for r in records(out)) == sorted(map(str, paths))


@pytest.mark.slow
def test_a_scan_killed_with_sigkill_resumes_without_redoing_or_duplicating(tmp_path, shareguard):
    paths = notes(tmp_path / "notes", 60)
    out, key = tmp_path / "index", tmp_path / "k"
    args = ["scan", str(tmp_path / "notes"), "--out", str(out), "--key", str(key), "--batch-size", "2"]
    process = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), *args, "-j", "2"], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _lines(out / "results.jsonl") < 10:
        assert process.poll() is None and time.monotonic() < deadline, "the scan ended before it could be killed"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert _workers_gone(out), "a worker outlived the killed scan"
    finished = _lines(out / "results.jsonl")
    assert 10 <= finished < 60
    result = shareguard(*args, "-j", "1")
    assert result.exit_code == 0, result.output
    assert f"{60 - finished} scanned, {finished} already done" in result.stderr
    found = [r["path"] for r in records(out)]
    assert sorted(found) == sorted(map(str, paths))  # every document exactly once


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Ray Data's own deprecated settings
def test_ray_engine_in_local_mode_gives_the_local_engine_records(tmp_path, shareguard):
    pytest.importorskip("ray.data", reason="the Ray engine is an optional extra: pip install 'shareguard[ray]'")
    archive = build(tmp_path / "archive")
    key, ray_token = tmp_path / "k", Path.home() / ".ray" / "auth_token"
    token_before = ray_token.exists()
    local = shareguard("scan", str(archive.root), "--out", str(tmp_path / "local"), "--key", str(key), "-j", "1")
    ray = shareguard("scan", str(archive.root), "--out", str(tmp_path / "ray"), "--key", str(key),
                     "--engine", "ray", "-j", "1")
    assert (local.exit_code, ray.exit_code) == (0, 0), ray.output

    def comparable(out: Path) -> dict[str, tuple]:
        return {r["path"]: (r["status"], r["findings"], r["values"]) for r in records(out)}

    assert comparable(tmp_path / "ray") == comparable(tmp_path / "local")
    assert list((tmp_path / "ray" / "tmp").iterdir()) == []  # Ray's temporary files are gone
    assert ray_token.exists() == token_before  # no token file: the local cluster's token lives in memory


def test_ray_engine_without_ray_says_how_to_install_it(tmp_path, shareguard, monkeypatch):
    monkeypatch.setattr("scanner.bulk.engine_ray.available", lambda: False)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("hello")
    result = shareguard("scan", str(tmp_path / "a"), "--out", str(tmp_path / "i"), "--key", str(tmp_path / "k"),
                        "--engine", "ray")
    assert result.exit_code == 1
    assert "Error: The Ray engine needs Ray, an optional extra: pip install 'shareguard[ray]'" in result.stderr


def test_progress_is_quiet_when_stderr_is_not_a_terminal(tmp_path, shareguard):
    notes(tmp_path / "n", 2)
    quiet = shareguard("scan", str(tmp_path / "n"), "--out", str(tmp_path / "i"), "--key", str(tmp_path / "k"), "-j", "1")
    assert quiet.stderr.startswith("2 scanned")


def test_progress_on_a_terminal_shows_documents_rate_and_eta():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    progress = cli_bulk._Progress(terminal)
    progress.start(40, finished=10)
    for _ in range(4):
        time.sleep(0.01)
        progress.advance(5)
    progress.close()
    shown = terminal.getvalue()
    assert "scanning (10 already done)" in shown and "20/40" in shown and "docs/s" in shown


@pytest.mark.parametrize(("args", "message"), [
    (["--engine", "local", "--ray-address", "10.0.0.1:6379"], "--ray-address needs --engine ray"),
    (["--engine", "spark"], "Invalid value for '--engine'"),
])
def test_usage_errors(tmp_path, shareguard, args, message):
    result = shareguard("scan", str(tmp_path), "--out", str(tmp_path / "i"), *args)
    assert result.exit_code == 2 and message in result.stderr


def test_a_key_inside_the_index_is_refused(tmp_path, shareguard):
    notes(tmp_path / "n", 1)
    result = shareguard("scan", str(tmp_path / "n"), "--out", str(tmp_path / "i"), "--key", str(tmp_path / "i" / "k"))
    assert result.exit_code == 1 and "must be kept outside the index directory" in result.stderr


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def _workers_gone(out: Path, wait_s: float = 10.0) -> bool:
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        alive = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if str(out).encode() in cmdline:
                alive.append(pid)
        if not alive:
            return True
        time.sleep(0.1)
    return False

