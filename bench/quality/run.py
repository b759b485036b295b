#!/usr/bin/env python3
"""Generate the corpus, run the Presidio baselines and ShareGuard (when installed), score all.

    python bench/quality/run.py [--out bench/out/quality] [--n 400] [--seed N] [--examples 5]
                                [--shareguard "python cli.py"] [--no-baseline]

Prints one side-by-side table (Presidio, Presidio + its UK recognizers, ShareGuard) and writes
it to OUT/scores.md, with every number in OUT/scores.json.
"""
from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import score  # noqa: E402


def step(label: str, fn, *args):
    """Run one stage and say how long it took (on stderr, so stdout stays the table)."""
    t0 = time.perf_counter()
    result = fn(*args)
    print("[%s] %.1f s" % (label, time.perf_counter() - t0), file=sys.stderr)
    return result


def run_baseline(out: Path, enable_uk: bool) -> Path:
    pred = out / ("presidio_uk_pred.jsonl" if enable_uk else "presidio_pred.jsonl")
    cmd = [sys.executable, str(HERE / "baseline_presidio.py"), "--corpus", str(out), "--out", str(pred)]
    subprocess.run(cmd + (["--enable-uk"] if enable_uk else []), check=True)
    return pred


def run_shareguard(out: Path, command: list[str]) -> Path | None:
    """`shareguard check --json` over every document. Exit codes 0/3/4/5 are decisions and 1 means
    a document could not be processed (it is still reported); 2 (usage) or no output is a failure,
    reported without stopping the baselines from being scored."""
    pred = out / "sg.jsonl"
    docs = [str(p) for p in sorted((out / "docs").glob("*.txt"))]
    with open(pred, "w", encoding="utf-8") as f:
        proc = subprocess.run(command + ["check", "--json"] + docs, stdout=f, stderr=subprocess.PIPE, text=True)
    if proc.returncode == 2 or pred.stat().st_size == 0:
        print("shareguard failed (exit %d), not scored:\n%s" % (proc.returncode, proc.stderr[-2000:]), file=sys.stderr)
        return None
    return pred


def shareguard_command(given: str | None) -> list[str] | None:
    """The command to run: as given, else `shareguard` on PATH or beside this Python (a venv)."""
    if given:
        return shlex.split(given)
    found = shutil.which("shareguard") or shutil.which("shareguard", path=str(Path(sys.executable).parent))
    return [found] if found else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=HERE.parents[1] / "bench" / "out" / "quality")
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    ap.add_argument("--shareguard", help="command that runs ShareGuard (default: `shareguard` on PATH, if any)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the two Presidio runs")
    ap.add_argument("--examples", type=int, default=0, help="show N missed / false-positive examples per type")
    a = ap.parse_args(argv)

    step("generate", generate.generate, a.out, a.n, a.seed)
    problems = generate.check(a.out)
    if problems:
        sys.exit("generated corpus fails its own check:\n" + "\n".join(problems[:20]))
    preds, names = [], []
    if not a.no_baseline:
        preds += [step("presidio", run_baseline, a.out, False), step("presidio+UK", run_baseline, a.out, True)]
        names += ["presidio", "presidio+UK"]
    command = shareguard_command(a.shareguard)
    sg = step("shareguard", run_shareguard, a.out, command) if command else None
    if sg:
        preds.append(sg)
        names.append("shareguard")
    elif not command:
        print("shareguard is not installed: scoring the baselines only", file=sys.stderr)
    if not preds:
        sys.exit("nothing to score")
    args = [str(p) for p in preds] + ["--gold", str(a.out / "gold.jsonl"), "--md", str(a.out / "scores.md"),
                                      "--json", str(a.out / "scores.json"), "--examples", str(a.examples)]
    for n in names:
        args += ["--name", n]
    return score.main(args)


if __name__ == "__main__":
    sys.exit(main())
