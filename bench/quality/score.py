#!/usr/bin/env python3
"""Score one or more prediction files against the synthetic corpus, side by side.

    python bench/quality/score.py --gold bench/out/quality/gold.jsonl PRED.jsonl [PRED2.jsonl ...]
           [--name presidio --name shareguard] [--md OUT.md] [--json OUT.json] [--examples 5]

PRED.jsonl is `shareguard check --json` output (or a baseline in the same JSON Lines form):
{"document": PATH, "findings": [{"kind", "type", "start", "end", "text", ...}]}. Documents are
matched to gold by path suffix (docs/NNNN.txt).

The scoring itself is the shared peer scorer (`score_peer.score`: overlap matching, optional
spans, expect_none, address parts), imported from the peer corpus folder, so the two benchmarks
can never disagree about what a hit is. This file only lays the numbers out.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_PEER = Path(os.environ.get("SHAREGUARD_PEER_DIR", REPO.parent / "shared" / "corpora" / "peer"))

#: SPEC "Quality bars": the groups of types the bars talk about.
BARS = (("structured UK identifiers", ("UK_NHS", "UK_NINO", "UK_UPN", "UK_POSTCODE"), 99.0, 97.0),
        ("person names", ("PERSON",), 95.0, None))


def load_peer_scorer(peer_dir: Path):
    """Import score_peer.py from the peer corpus folder (it is not part of the project)."""
    path = peer_dir / "score_peer.py"
    if not path.exists():
        sys.exit("score.py: %s not found; pass --peer-dir or set SHAREGUARD_PEER_DIR" % path)
    spec = importlib.util.spec_from_file_location("score_peer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fmt(v) -> str:
    return "–" if v is None else "%.1f" % v


def pooled(by_type: dict, types: tuple[str, ...]) -> dict:
    """Micro-averaged recall/precision over several types."""
    keys = ("gold", "hit", "pred", "tp")
    tot = {k: sum(by_type.get(t, {}).get(k, 0) for t in types) for k in keys}
    tot["recall"] = None if not tot["gold"] else 100.0 * tot["hit"] / tot["gold"]
    tot["precision"] = None if not tot["pred"] else 100.0 * tot["tp"] / tot["pred"]
    return tot


def side_by_side(results: list[dict], names: list[str], section: str, title: str) -> str:
    """One row per key of `section` (by_type / by_group), one column block per prediction set."""
    keys = sorted(set().union(*(r[section] for r in results)))
    head = "| %s | gold | none files |" % title + "".join(
        " %s R%% | P%% | preds | viol |" % n for n in names)
    lines = [head, "|---|---:|---:|" + "---:|---:|---:|---:|" * len(names)]
    for k in keys + ["ALL"]:
        rows = [r["overall"] if k == "ALL" else r[section].get(k, {}) for r in results]
        first = rows[0] if rows[0] else next((x for x in rows if x), {})
        cells = "".join(" %s | %s | %d | %d |" % (fmt(x.get("recall")), fmt(x.get("precision")), x.get("pred", 0),
                                                   x.get("none_violations", 0)) for x in rows)
        label = "**all**" if k == "ALL" else k
        lines.append("| %s | %d | %d |%s" % (label, first.get("gold", 0), first.get("none_files", 0), cells))
    return "\n".join(lines) + "\n"


def bars(results: list[dict], names: list[str]) -> str:
    lines = ["| SPEC bar | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for label, types, want_r, want_p in BARS:
        cells = []
        for r in results:
            p = pooled(r["by_type"], types)
            ok = p["recall"] is not None and p["recall"] >= want_r and (
                want_p is None or (p["precision"] is not None and p["precision"] >= want_p))
            cells.append("R %s / P %s %s" % (fmt(p["recall"]), fmt(p["precision"]), "pass" if ok else "FAIL"))
        target = "recall ≥ %.0f%%" % want_r + ("" if want_p is None else ", precision ≥ %.0f%%" % want_p)
        lines.append("| %s (%s) | %s |" % (label, target, " | ".join(cells)))
    return "\n".join(lines) + "\n"


def examples(result: dict, name: str, k: int) -> str:
    out = ["#### %s: examples" % name]
    for kind, key in (("missed", "miss_examples"), ("false positive", "fp_examples")):
        for t, xs in sorted(result[key].items()):
            out.append("- %s %s: %s" % (kind, t, "; ".join("%r (%s)" % (x["text"], x["file"]) for x in xs[:k])))
    for v in result["expect_none_violations"][:k]:
        out.append("- forbidden %s in %s: %s" % (v["type"], v["file"], v["found"]))
    return "\n".join(out) + "\n"


def report(results: list[dict], names: list[str], k: int) -> str:
    n = results[0]["documents"]
    parts = ["## Detection quality on the synthetic corpus (%d documents)\n" % n,
             "R = recall (gold spans overlapped by a prediction of the type), P = precision (predictions "
             "overlapping gold of their type), viol = files where a forbidden type was reported.\n",
             "Missing documents: " + ", ".join("%s %d" % (nm, r["missing_documents"]) for nm, r in zip(names, results)) + "\n",
             "### By type\n", side_by_side(results, names, "by_type", "type"),
             "### By document group\n", side_by_side(results, names, "by_group", "group"),
             "### SPEC quality bars\n", bars(results, names)]
    for nm, r in zip(names, results):
        if r["unscored_prediction_types"]:
            parts.append("Unscored types from %s (no gold of that type): %s\n" % (
                nm, ", ".join("%s %d" % kv for kv in sorted(r["unscored_prediction_types"].items()))))
    if k:
        parts += [examples(r, nm, k) for nm, r in zip(names, results)]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred", nargs="+", help="prediction JSON Lines files")
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--name", action="append", help="column name for each prediction file (default: file stem)")
    ap.add_argument("--peer-dir", type=Path, default=DEFAULT_PEER, help="folder holding score_peer.py")
    ap.add_argument("--examples", type=int, default=0, help="show up to N missed / false-positive examples per type")
    ap.add_argument("--md", type=Path)
    ap.add_argument("--json", type=Path, dest="json_out")
    a = ap.parse_args(argv)
    names = a.name or [Path(p).stem for p in a.pred]
    if len(names) != len(a.pred):
        ap.error("give one --name per prediction file")
    peer = load_peer_scorer(a.peer_dir)
    gold = [json.loads(ln) for ln in a.gold.read_text(encoding="utf-8").splitlines() if ln.strip()]
    results = [peer.score(gold, peer.load_pred(p)) for p in a.pred]
    text = report(results, names, a.examples)
    print(text)
    if a.md:
        a.md.write_text(text, encoding="utf-8")
    if a.json_out:
        a.json_out.write_text(json.dumps(dict(zip(names, results)), indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
