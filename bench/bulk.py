#!/usr/bin/env python3
"""Bulk-scan benchmark (not a test): `scan --engine local` and `--engine ray` against `check`, same run.

    .venv/bin/python bench/bulk.py --docs 2000                # ≈ 8 min on 2 cores
    .venv/bin/python bench/bulk.py                           # 10,000 documents (≈ 35 min)
    .venv/bin/python bench/bulk.py --docs 500 --no-ray --json bench/out/bulk.json
    .venv/bin/python bench/bulk.py --docs 2000 --rounds 2 --no-ray --no-resume   # check, local, local, check

Corpus: `bench/speed.py`'s seeded case notes of ~2 KB (`write_corpus`), in one folder per size
under --workdir (kept, reused). Every measurement runs in a fresh Python process, pinned to
--jobs CPUs, and notes the load average before and after it (other work on the machine makes
the figures noisy: the load average says how noisy).

  check    `Scanner(load_config()).check_many(paths, processes=JOBS)`: what `shareguard check` runs
  local    `scanner.bulk.scan(engine="local", jobs=JOBS)`: walk, scan, commit (fsync), summary, report
  ray      `scanner.bulk.scan(engine="ray", jobs=JOBS)` with Ray started on this machine
  resume   `shareguard scan -j JOBS` as a subprocess, SIGKILLed once half the documents are
           finished, then run again: documents redone = started by the killed run but not
           finished = lost work; also the restart's fixed cost (model load, walk, manifest read)

Model loading is timed apart for check and local (`load_s`) and left out of their rates; the Ray
rate includes Ray's start-up and its actors' model loads (they cannot be separated from the run),
and `ray steady` gives its rate after the first batch came back. Peak memory is the PSS of the
measuring process and all its descendants (Ray's own processes included), polled from /proc.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from speed import TreeMemory, cpu_seconds, loadavg, refuse_network, words, write_corpus  # noqa: E402

TARGETS = {"local_vs_check": 0.9, "ray_vs_local": 0.75, "redone_pct": 1.0}


def corpus(workdir: Path, docs: int) -> Path:
    folder = workdir / f"corpus-{docs}"
    write_corpus(folder, docs, with_5mb=False)
    return folder / "batch"


def _paths(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt"))


def _figures(seconds: float, docs: int, n_words: int, load_before: float, memory: TreeMemory, cpu: float) -> dict:
    return {"seconds": seconds, "docs": docs, "words": n_words, "docs_s": docs / seconds, "words_s": n_words / seconds,
            "cpu_s": cpu_seconds() - cpu, "loadavg_before": load_before, "loadavg_after": loadavg(),
            **memory.figures()}


def phase_check(folder: Path, jobs: int, work: Path) -> dict:
    refuse_network()
    from scanner.config import load_config
    from scanner.pipeline import Scanner

    t = time.perf_counter()
    scanner = Scanner(load_config())
    load_s = time.perf_counter() - t
    paths = _paths(folder)
    n_words = sum(words(p.read_text(encoding="utf-8")) for p in paths)
    load_before, cpu = loadavg(), cpu_seconds()
    with TreeMemory() as memory:
        t = time.perf_counter()
        outcomes = sum(1 for _ in scanner.check_many(paths, processes=jobs))
        seconds = time.perf_counter() - t
        scanner.close()
    return {"load_s": load_s, **_figures(seconds, outcomes, n_words, load_before, memory, cpu)}


class _FirstBatch:
    def __init__(self) -> None:
        self.started, self.first_at, self.first_docs = time.perf_counter(), None, 0

    def start(self, total: int, finished: int) -> None:
        self.started = time.perf_counter()

    def advance(self, documents: int) -> None:
        if self.first_at is None:
            self.first_at, self.first_docs = time.perf_counter() - self.started, documents


def phase_scan(folder: Path, jobs: int, work: Path, engine: str) -> dict:
    if engine == "local":
        refuse_network()  # Ray talks to its own local processes over sockets: not refused there
    from scanner.bulk import ScanOptions, preload, scan

    load_s = 0.0
    if engine == "local":
        t = time.perf_counter()
        preload()
        load_s = time.perf_counter() - t
    n_words = sum(words(p.read_text(encoding="utf-8")) for p in _paths(folder))
    out = Path(tempfile.mkdtemp(prefix=f"index-{engine}-", dir=work))  # a fresh index for every run
    options = ScanOptions(sources=(str(folder),), out=out, engine=engine, jobs=jobs, key_path=work / "index.key")
    first = _FirstBatch()
    load_before, cpu = loadavg(), cpu_seconds()
    with TreeMemory() as memory:
        t = time.perf_counter()
        result = scan(options, first)
        seconds = time.perf_counter() - t
    figures = {"load_s": load_s, **_figures(seconds, result.scanned, n_words, load_before, memory, cpu),
               "first_batch_s": first.first_at, "unreadable": result.summary["unreadable"]}
    if first.first_at is not None and seconds > first.first_at:
        figures["steady_docs_s"] = (result.scanned - first.first_docs) / (seconds - first.first_at)
    return figures


def phase_resume(folder: Path, jobs: int, work: Path) -> dict:
    """Kill a CLI scan at 50 %, then resume it in this process; count what was done twice."""
    out, key, trace = work / "index-resume", work / "index.key", work / "started.log"
    total = len(_paths(folder))
    env = {**os.environ, "SHAREGUARD_BENCH_TRACE": str(trace)}
    cmd = [sys.executable, __file__, "--phase", "traced-scan", "--folder", str(folder), "--jobs", str(jobs),
           "--work", str(work)]
    t = time.perf_counter()
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    while _lines(out / "results.jsonl") < total // 2:
        if process.poll() is not None:
            raise SystemExit("the scan to be killed ended first")
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    first_s = time.perf_counter() - t
    started = sum(len(line.split("\t")) for line in trace.read_text().splitlines())
    time.sleep(1.0)  # the killed scan's workers die with it (PR_SET_PDEATHSIG)
    from scanner.bulk import ScanOptions, scan

    finished_before = _lines(out / "results.jsonl")
    load_before = loadavg()
    t = time.perf_counter()
    result = scan(ScanOptions(sources=(str(folder),), out=out, engine="local", jobs=jobs, key_path=key))
    second_s = time.perf_counter() - t
    found = [json.loads(line)["path"] for line in (out / "results.jsonl").read_text().splitlines()]
    lost = started - finished_before
    return {"docs": total, "killed_after_s": first_s, "finished_at_kill": finished_before,
            "started_at_kill": started, "redone_docs": lost, "redone_pct": 100 * lost / max(1, finished_before),
            "resume_scanned": result.scanned, "resume_skipped": result.skipped, "resume_s": second_s,
            "records": len(found), "distinct": len(set(found)), "loadavg_before": load_before,
            "loadavg_after": loadavg()}


def phase_traced_scan(folder: Path, jobs: int, work: Path) -> dict:
    """The scan that gets killed: `shareguard scan` as the CLI runs it, each batch logged as it starts."""
    import scanner.bulk.engine_local as local
    from scanner.bulk import ScanOptions, scan

    trace, real = os.environ["SHAREGUARD_BENCH_TRACE"], local.scan_batch

    def traced(paths, settings):  # noqa: ANN001, ANN202
        with open(trace, "a") as log:  # one line per batch; append is atomic for lines this short
            log.write("\t".join(paths) + "\n")
        return real(paths, settings)

    local.scan_batch = traced  # forked workers inherit it
    scan(ScanOptions(sources=(str(folder),), out=work / "index-resume", engine="local", jobs=jobs,
                     key_path=work / "index.key"))
    return {}


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


PHASES = {"check": phase_check, "local": lambda f, j, w: phase_scan(f, j, w, "local"),
          "ray": lambda f, j, w: phase_scan(f, j, w, "ray"), "resume": phase_resume,
          "traced-scan": phase_traced_scan}


def run_phase(name: str, folder: Path, args: argparse.Namespace, work: Path) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as result:
        print(f"  {name} … (load average {loadavg():.2f})", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, __file__, "--phase", name, "--folder", str(folder), "--jobs", str(args.jobs),
                        "--work", str(work), "--result", result.name], check=True)
        return json.loads(Path(result.name).read_text())


def report(r: dict, docs: int, jobs: int) -> str:
    check, local, ray, resume = r["check"], r["local"], r.get("ray"), r.get("resume")
    local_ratio = local["docs_s"] / check["docs_s"]
    rows = [("check (check_many)", check), ("scan --engine local", local)] + ([("scan --engine ray", ray)] if ray else [])
    lines = [f"{docs:,} documents of ~2 KB, {jobs} processes/actors on {len(os.sched_getaffinity(0))} CPUs", "",
             "| run | docs/s | words/s | wall s | model load s | CPU ms/doc | peak PSS MB (summed RSS) "
             "| load avg before → after |", "|---|---|---|---|---|---|---|---|"]
    for name, f in rows:
        # Ray's workers are not this process's children, so their CPU time is not counted here
        cpu = "—" if f is ray else f"{1000 * f['cpu_s'] / f['docs']:.1f}"
        lines.append(f"| {name} | {f['docs_s']:.1f} | {f['words_s']:,.0f} | {f['seconds']:.1f} | {f['load_s']:.1f} | "
                     f"{cpu} | {f['tree_peak_pss_mb']:.0f} ({f['tree_peak_rss_mb']:.0f}) | "
                     f"{f['loadavg_before']:.2f} → {f['loadavg_after']:.2f} |")
    cpu_ratio = (check["cpu_s"] / check["docs"]) / (local["cpu_s"] / local["docs"])
    lines += ["", *(f"{name} rounds (the fastest is in the table): " + ", ".join(
        f"{x['docs_s']:.1f} docs/s (load {x['loadavg_before']:.2f})" for x in f["rounds"])
        for name, f in (("check", check), ("local", local)) if len(f.get("rounds", [])) > 1)]
    lines += [f"local ÷ check: {local_ratio:.2f} (target ≥ {TARGETS['local_vs_check']}) "
                  f"{'PASS' if local_ratio >= TARGETS['local_vs_check'] else 'FAIL'}; by CPU time per document, "
                  f"which other work on the machine disturbs less: {cpu_ratio:.2f}"]
    if ray:
        ray_ratio = ray["docs_s"] / local["docs_s"]
        steady = ray.get("steady_docs_s")
        after_start = "" if steady is None else f"steady {steady:.1f} docs/s = {steady / local['docs_s']:.2f} × local; "
        lines.append(f"ray ÷ local: {ray_ratio:.2f} with Ray's start-up and actor model loads "
                     f"(first batch after {ray['first_batch_s']:.1f} s); {after_start}"
                     f"target ≥ {TARGETS['ray_vs_local']} {'PASS' if ray_ratio >= TARGETS['ray_vs_local'] else 'FAIL'}")
    if resume is None:
        return "\n".join(lines)
    ok = resume["redone_pct"] < TARGETS["redone_pct"] and resume["records"] == resume["distinct"] == resume["docs"]
    lines.append(f"resume after SIGKILL at {resume['finished_at_kill']:,} of {resume['docs']:,} finished: "
                 f"{resume['redone_docs']} documents redone ({resume['redone_pct']:.2f} % of the finished work; "
                 f"target < {TARGETS['redone_pct']} %), {resume['resume_skipped']:,} skipped, "
                 f"{resume['resume_scanned']:,} scanned in {resume['resume_s']:.1f} s; "
                 f"{resume['records']:,} records, {resume['distinct']:,} distinct {'PASS' if ok else 'FAIL'} "
                 f"(load avg {resume['loadavg_before']:.2f} → {resume['loadavg_after']:.2f})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=2, help="worker processes and Ray actors (default 2)")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "shareguard-bench-bulk")
    ap.add_argument("--no-ray", action="store_true", help="leave out the Ray engine")
    ap.add_argument("--no-resume", action="store_true", help="leave out the kill-and-resume measurement")
    ap.add_argument("--rounds", type=int, default=1,
                    help="run check and local this many times, alternating, and keep each one's fastest run")
    ap.add_argument("--json", type=Path, help="write every figure to this file")
    ap.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    ap.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase:
        figures = PHASES[args.phase](args.folder, args.jobs, args.work)
        if args.result:
            args.result.write_text(json.dumps(figures))
        return 0
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) > args.jobs:
        os.sched_setaffinity(0, cpus[: args.jobs])  # inherited by every measurement process
    folder = corpus(args.workdir, args.docs)
    results = {}
    with tempfile.TemporaryDirectory(prefix="sg-bulk-", dir=args.workdir) as tmp:
        work = Path(tmp)
        os.chmod(work, 0o700)
        runs: dict[str, list[dict]] = {"check": [], "local": []}
        for round_ in range(args.rounds):  # check, local, local, check, …: both see the same disturbances
            for name in ("check", "local") if round_ % 2 == 0 else ("local", "check"):
                runs[name].append(run_phase(name, folder, args, work))
        for name, figures in runs.items():
            results[name] = {**max(figures, key=lambda f: f["docs_s"]), "rounds": figures}
        if not args.no_ray:
            results["ray"] = run_phase("ray", folder, args, work)
        if not args.no_resume:
            results["resume"] = run_phase("resume", folder, args, work)
    print(report(results, args.docs, args.jobs))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
