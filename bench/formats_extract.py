"""Run extraction over the shared real-file corpus and count what it flags.

    .venv/bin/python bench/formats_extract.py [--corpus DIR] [--mem-limit-mb 4000] [--verbose]

For every file in `manifest.jsonl` it records whether an exception escaped, the time taken
and the problems found; then it prints, per `expect` and per `must_not_allow_basis`, how many
files came out with at least one problem. A must-not-allow file with no problem would be
released unscanned; a readable file with a problem would be held needlessly. The baseline
measured in the same run is the "no problem for anyone" extractor, which would allow all
must-not-allow files. Skips cleanly when the corpus is absent.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "formats"


def run(corpus: Path, verbose: bool) -> dict:
    from scanner.extract import extract_file

    records = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text().splitlines() if line.strip()]
    results = []
    for record in records:
        started = time.perf_counter()
        try:
            document = extract_file(corpus / record["file"])
            codes, escaped, text = sorted({p.code for p in document.problems}), None, document.text
        except Exception:  # noqa: BLE001 - the benchmark counts escapes instead of stopping
            codes, escaped, text = [], traceback.format_exc(limit=3), ""
        seconds = time.perf_counter() - started
        flat = " ".join(text.split())
        missing = [c for c in record.get("contains", []) if " ".join(c.split()) not in flat]
        results.append({**record, "codes": codes, "escaped": escaped, "seconds": seconds, "missing": missing})
    return summarise(results, verbose)


def summarise(results: list[dict], verbose: bool) -> dict:
    by_expect: Counter = Counter()
    flagged_by_expect: Counter = Counter()
    basis_total: Counter = Counter()
    basis_missed: Counter = Counter()
    missed, readable_flagged = [], []
    for r in results:
        by_expect[r["expect"]] += 1
        flagged_by_expect[r["expect"]] += bool(r["codes"])
        if r.get("must_not_allow"):
            basis_total[r["must_not_allow_basis"]] += 1
            if not r["codes"]:
                basis_missed[r["must_not_allow_basis"]] += 1
                missed.append(f"{r['file']} ({r['must_not_allow_basis']})")
        elif r["codes"]:
            readable_flagged.append(f"{r['file']}: {','.join(r['codes'])}")
    slowest = max(results, key=lambda r: r["seconds"])
    wanted = sum(len(r.get("contains", [])) for r in results)
    missing = [f"{r['file']}: {m!r}" for r in results for m in r["missing"]]
    summary = {
        "files": len(results),
        "exceptions_escaped": [r["file"] for r in results if r["escaped"]],
        "slowest": {"file": slowest["file"], "seconds": round(slowest["seconds"], 2)},
        "total_seconds": round(sum(r["seconds"] for r in results), 1),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "with_problem_by_expect": {k: f"{flagged_by_expect[k]}/{n}" for k, n in sorted(by_expect.items())},
        "must_not_allow_without_problem_by_basis": {k: f"{basis_missed[k]}/{n}" for k, n in sorted(basis_total.items())},
        "baseline_allow_all_without_problem": f"{sum(basis_total.values())}/{sum(basis_total.values())}",
        "contains_found": f"{wanted - len(missing)}/{wanted}",
        "contains_missing": missing,
        "must_not_allow_without_problem": missed,
        "not_must_not_allow_with_problem": readable_flagged,
    }
    if verbose:
        for r in results:
            print(f"{r['seconds']:6.2f}s {r['expect']:>18} {','.join(r['codes']) or '-':<30} {r['file']}")
        for r in results:
            if r["escaped"]:
                print(r["file"], r["escaped"], sep="\n")
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--mem-limit-mb", type=int, default=4000, help="address-space limit (0: none)")
    parser.add_argument("--verbose", action="store_true", help="one line per file")
    args = parser.parse_args()
    if not (args.corpus / "manifest.jsonl").is_file():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    if args.mem_limit_mb:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = args.mem_limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    print(json.dumps(run(args.corpus, args.verbose), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
