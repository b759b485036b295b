"""THE fault test (issue 6): the watcher as a subprocess, 500 files dropped, killed with SIGKILL
at random moments several times and restarted. Then every file must have ended in exactly one
outcome (released or quarantine), none lost, none released without an audit decision, none
released twice, the audit trail intact, and every held file with its review item.

Everything lives in a temporary folder (share, audit trail, review queue, register: env vars),
never the developer's var/ or share/. Set SHAREGUARD_FAULT_SEED to replay a run.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
FILES, KILLS = 500, 4
pytestmark = pytest.mark.slow

# (category, folder, text, expected outcome) - the text gets a unique last line per file
KINDS = (
    ("leaflet", "kent-front-door/early-help", "Our family centre is open on Mondays and Thursdays.\n", "released"),
    ("consented", "kent-front-door/early-help",
     "Progress note 20/11/2026. Leila Haddad (DOB 14/03/2015) has settled well at school and enjoys reading. "
     "Leila is attending every day.\n", "released"),
    ("third-party", "kent-front-door/early-help",
     "Progress note 20/11/2026. Leila Haddad (DOB 14/03/2015) has settled well at school. Her friend Oliver "
     "Brent, who lives at 3 Mill Lane, visited.\n", "redacted"),
    ("unknown-child", "kent-front-door/early-help",
     "Progress note. Oliver Brent (DOB 02/02/2016) has settled well at school and enjoys reading.\n", "quarantine"),
    ("unknown-recipient", "acme-ltd/early-help", "Our family centre is open on Mondays and Thursdays.\n", "quarantine"),
)
WEIGHTS = (35, 20, 15, 15, 15)
DUPLICATES = 10  # files whose content was already dropped for the same recipient: held, never sent twice


class Run:
    """Where everything lives, and the watcher process."""

    def __init__(self, tmp: Path) -> None:
        self.tmp, self.share = tmp, tmp / "share"
        self.env = {**os.environ, "SHAREGUARD_SHARE": str(self.share), "SHAREGUARD_AUDIT": str(tmp / "audit.sqlite3"),
                    "SHAREGUARD_REVIEW": str(tmp / "review.sqlite3"), "SHAREGUARD_REGISTER": str(tmp / "register.sqlite3"),
                    "PYTHONHASHSEED": "0"}
        self.logs: list[Path] = []

    def start(self) -> subprocess.Popen:
        log = self.tmp / f"watch-{len(self.logs)}.log"
        self.logs.append(log)
        # stderr to a file (a pipe nobody reads could block the watcher); on a hang, SIGABRT makes
        # Python print every thread's stack there (PYTHONFAULTHANDLER)
        with open(log.with_suffix(".stderr"), "wb") as stderr:
            return subprocess.Popen(
                [sys.executable, str(ROOT / "cli.py"), "watch", "--log-file", str(log), "--interval", "0.05",
                 "--quiet", "0.5", "--rescan", "2"],
                env={**self.env, "PYTHONFAULTHANDLER": "1"}, cwd=self.tmp, start_new_session=True,
                stdout=subprocess.DEVNULL, stderr=stderr)

    def stderr(self, number: int) -> str:
        return self.logs[number].with_suffix(".stderr").read_text(errors="replace")[-20_000:]

    def events(self, number: int) -> list[dict]:
        log = self.logs[number]
        return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []

    def wait_for(self, number: int, event: str, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(e["event"] == event for e in self.events(number)):
                return True
            time.sleep(0.02)
        return False

    def outcomes(self) -> list[Path]:
        return [p for folder in ("released", "quarantine") for p in (self.share / folder).rglob("*") if p.is_file()]


def _register(run: Run) -> None:
    from cli import cli

    for kind in ("people", "consents", "agreements"):
        result = CliRunner().invoke(cli, ["--register", run.env["SHAREGUARD_REGISTER"], "register", "import", kind,
                                          str(ROOT / "demo" / "register" / f"{kind}.csv")])
        assert result.exit_code == 0, result.output


def _plan(rng: random.Random) -> list[tuple[str, str, bytes, str]]:
    """(name, folder, content, expected) for every file to drop."""
    planned = []
    for n in range(FILES - DUPLICATES):
        kind, folder, text, expected = rng.choices(KINDS, WEIGHTS)[0]
        planned.append((f"{n:03}-{kind}.txt", folder, f"{text}Note number {n}.\n".encode(), expected))
    allowed = [p for p in planned if p[1].startswith("kent-front-door") and p[3] == "released"]
    for n, (name, folder, content, _) in enumerate(rng.sample(allowed, DUPLICATES), start=FILES - DUPLICATES):
        planned.append((f"{n:03}-duplicate-of-{name}", folder, content, "duplicate"))
    return planned


def _drop(run: Run, wave: list[tuple[str, str, bytes, str]], rng: random.Random) -> None:
    """Drop a wave of files in small bursts; half written in place, half written under a
    temporary name and renamed (as copy tools do)."""
    for start in range(0, len(wave), 10):
        for name, folder, content, _ in wave[start:start + 10]:
            target = run.share / "outbox" / folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if rng.random() < 0.5:
                target.write_bytes(content)
            else:
                partial = target.with_name(f".{name}.part")
                partial.write_bytes(content)
                os.rename(partial, target)
        time.sleep(rng.uniform(0.0, 0.03))


def _kill(process: subprocess.Popen) -> None:
    """SIGKILL to the watcher and its worker processes (a power cut, as far as they can tell)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=30)


STEP_EVENTS = {"claimed", "decided", "recorded", "placed", "done"}


def _mid_work(run: Run, number: int, rng: random.Random) -> None:
    """Wait for a random moment while the watcher is working: after the k-th step it logged
    (k random, over about 30 files), plus up to 20 ms, so kills land inside any step."""
    target, deadline = rng.randint(1, 160), time.monotonic() + 60
    while sum(e["event"] in STEP_EVENTS for e in run.events(number)) < target and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(rng.uniform(0.0, 0.02))


def test_kill_minus_nine_loses_nothing_and_releases_nothing_twice(tmp_path):
    seed = int(os.environ.get("SHAREGUARD_FAULT_SEED") or random.SystemRandom().randrange(1 << 30))
    rng = random.Random(seed)
    run = Run(tmp_path)
    _register(run)
    planned = _plan(rng)
    rng.shuffle(planned)
    # waves: one before the first start, then for each run one while it works and one while it is down
    size = -(-len(planned) // (2 * KILLS + 1))
    waves = [planned[i:i + size] for i in range(0, len(planned), size)]
    (run.share / "outbox").mkdir(parents=True)
    _drop(run, waves[0], rng)
    started, kills, process = time.monotonic(), [], None
    try:
        for number in range(KILLS):
            process = run.start()
            assert run.wait_for(number, "started", 90), f"seed {seed}: watcher {number} did not start"
            _drop(run, waves[2 * number + 1], rng)
            _mid_work(run, number, rng)
            _kill(process)
            kills.append(sum(e["event"] == "done" for e in run.events(number)))
            _drop(run, waves[2 * number + 2], rng)  # arrives while the watcher is down
        process = run.start()
        assert run.wait_for(KILLS, "started", 90), f"seed {seed}: the last watcher did not start"
        deadline = time.monotonic() + 240
        while len(run.outcomes()) < FILES and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.1)
        process.send_signal(signal.SIGTERM)  # a graceful stop at the end
        try:
            code = process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGABRT)
            process.wait(timeout=30)
            pytest.fail(f"seed {seed}: no exit 60 s after SIGTERM; its threads:\n{run.stderr(KILLS)}")
        assert code == 0, run.stderr(KILLS)
    finally:
        if process is not None and process.poll() is None:
            _kill(process)
    elapsed = time.monotonic() - started
    resumed = [sum(e["event"] == "resuming" for e in run.events(n)) for n in range(1, KILLS + 1)]
    steps = Counter(e["step"] for n in range(1, KILLS + 1) for e in run.events(n) if e["event"] == "resuming")
    print(f"\nfault test: seed {seed}, {FILES} files, {KILLS} SIGKILLs (jobs done before each: {kills}), "
          f"jobs resumed after each restart: {resumed}, at steps {dict(steps)}, {elapsed:.1f} s")
    assert run.events(KILLS)[-1]["event"] == "stopped"
    _check(run, planned, seed)
    assert sum(resumed) >= 1, f"seed {seed}: no kill interrupted a file in flight"


def _check(run: Run, planned: list[tuple[str, str, bytes, str]], seed: int) -> None:
    share = run.share
    # nothing left behind: outbox and working area empty, no job in flight
    left = [p for p in (share / "outbox").rglob("*") if p.is_file()]
    assert left == [], f"seed {seed}: not taken: {left[:5]}"
    assert [p for p in (share / ".state/work").rglob("*")] == []
    journal = sqlite3.connect(share / ".state/journal.sqlite3")
    steps = Counter(step for (step,) in journal.execute("SELECT step FROM jobs"))
    # a kill before a claim's rename leaves an `unclaimed` job; the file is then a new job
    assert set(steps) <= {"done", "unclaimed"} and steps["done"] == FILES, f"seed {seed}: journal {dict(steps)}"

    # exactly one outcome per file, where its content says it must go
    by_name: dict[str, list[Path]] = {}
    for path in run.outcomes():
        by_name.setdefault(path.name, []).append(path)
    audit = sqlite3.connect(run.env["SHAREGUARD_AUDIT"])
    decisions = Counter()
    for (body,) in audit.execute("SELECT body FROM entries WHERE kind = 'decision'"):
        body = json.loads(body)
        decisions[(body["document"]["sha256"], body["action"])] += 1
    review = sqlite3.connect(run.env["SHAREGUARD_REVIEW"])
    held_items = Counter(Path(p).name for (p,) in review.execute("SELECT held_copy FROM items WHERE held_copy IS NOT NULL"))
    released_hashes = Counter()
    for name, folder, content, expected in planned:
        found = by_name.get(name, [])
        assert len(found) == 1, f"seed {seed}: {name} ended in {len(found)} places: {found}"
        [path] = found
        where = path.relative_to(share).parts[0]
        sha = hashlib.sha256(content).hexdigest()
        if expected in ("released", "redacted"):
            assert where == "released", f"seed {seed}: {name} was held"
            action = "allow" if expected == "released" else "redact"
            assert decisions[(sha, action)] >= 1, f"seed {seed}: {name} released without a decision"
            data = path.read_bytes()
            assert (data == content) is (expected == "released")
            if expected == "redacted":
                assert b"Oliver Brent" not in data and b"Mill Lane" not in data
            released_hashes[hashlib.sha256(data).hexdigest()] += 1
        else:
            assert where == "quarantine", f"seed {seed}: {name} was released ({expected})"
            assert path.read_bytes() == content and held_items[name] == 1, f"seed {seed}: {name} has no review item"
    # none released twice, no decision recorded twice (duplicates hold the same content as their twin)
    assert max(released_hashes.values()) == 1, f"seed {seed}: released twice"
    contents = Counter(hashlib.sha256(content).hexdigest() for _, _, content, _ in planned)
    per_content = Counter()
    for (sha, _), count in decisions.items():
        per_content[sha] += count
    assert per_content == contents, f"seed {seed}: decisions per content differ from files per content"
    verify = subprocess.run([sys.executable, str(ROOT / "cli.py"), "audit", "verify"], env=run.env,
                            capture_output=True, text=True, timeout=60)
    assert verify.returncode == 0 and "intact" in verify.stdout, verify.stdout + verify.stderr
