#!/usr/bin/env python3
"""Generate a labelled synthetic corpus for safeguarding, practice and special-category detection.

    python bench/quality/safeguarding/generate.py --out bench/out/safeguarding [--n 400] [--seed 20251126]
    python bench/quality/safeguarding/generate.py --out bench/out/safeguarding --check

Writes OUT/docs/NNNN.txt and OUT/gold.jsonl (one object per document: safeguarding sentences
with category and polarity, practice sentences, special-category terms, traps). docs/0001.txt
is the organisation's policy, read from ../shared/seeds/ at generation time. The same seed
always gives the same corpus; everything else in it is invented. See README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from random import Random

HERE = Path(__file__).resolve().parent
for _path in (str(HERE.parent), str(HERE)):  # the shared synth package, and sgsynth built on it
    if _path not in sys.path:
        sys.path.insert(0, _path)

from sgsynth import seed as policy_seed  # noqa: E402
from sgsynth.concerns import CATEGORIES, POLARITIES, bank_problems  # noqa: E402
from sgsynth.labelled import LabelledDoc  # noqa: E402
from sgsynth.phrase import Dealer  # noqa: E402
from sgsynth.practice import PRACTICE_TYPES  # noqa: E402
from sgsynth.special import SPECIAL_TYPES  # noqa: E402
from sgsynth.templates import TEMPLATES, Template  # noqa: E402
from sgsynth.traps import TRAP_KINDS  # noqa: E402
from synth.corpus import check_corpus  # noqa: E402

DEFAULT_SEED = 20251126
DEFAULT_POLICY = Path(os.environ.get("SHAREGUARD_POLICY_SEED",
                                     HERE.parents[3] / "shared" / "seeds" / "000_f1c77682ede1bd76.txt"))
SECTIONS = ("safeguarding", "practice", "special_category", "traps")
#: share of focused documents whose second affirmed sentence (if any) takes a second category.
SECOND_FOCUS = 0.3


def template_order(n: int, rng: Random) -> list[Template]:
    """Every template in turn (shuffled each round), so even a small corpus uses them all."""
    order: list[Template] = []
    while len(order) < n:
        deck = list(TEMPLATES)
        rng.shuffle(deck)
        order.extend(deck)
    return order[:n]




def write_doc(out: Path, name: str, text: str) -> None:
    (out / name).write_text(text, encoding="utf-8", newline="")


def generate(out: Path, n: int, seed: int, policy: Path | None = DEFAULT_POLICY) -> list[dict]:
    """Write `n` documents and their gold under `out` and return the gold rows. The policy seed
    is document 1 when `policy` exists (a warning, and one more synthetic document, if not)."""
    problems = bank_problems()
    if problems:
        raise ValueError("phrase bank: " + "; ".join(problems))
    (out / "docs").mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    if n and policy is not None and policy.exists():
        text = policy.read_text(encoding="utf-8")
        write_doc(out, "docs/0001.txt", text)
        rows.append(policy_seed.gold_row(text, "docs/0001.txt", policy))
    elif policy is not None:
        print("generate.py: policy seed %s not found; corpus has no policy document" % policy, file=sys.stderr)
    order_rng, dealer = Random(seed), Dealer(Random("%d/dealer" % seed))
    for tpl in template_order(n - len(rows), order_rng):
        i = len(rows) + 1
        focus = (dealer.deal("focus", CATEGORIES),) if tpl.focus else ()
        doc = LabelledDoc(Random("%d/%d" % (seed, i)), dealer, tpl.messy, focus, order_rng.random() < SECOND_FOCUS)
        tpl.render(doc)
        name = "docs/%04d.txt" % i
        write_doc(out, name, doc.text)
        rows.append(doc.row(name, tpl.group, tpl.name))
    with open(out / "gold.jsonl", "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


# --- re-verification -------------------------------------------------------------------------

def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def check_row(row: dict, text: str) -> list[str]:
    """Everything wrong with one gold row: a span that does not index its text, an unknown
    label, or a trap that overlaps what it is meant to be mistaken for."""
    where = row["file"]
    problems = []
    for section in SECTIONS:
        for s in row[section]:
            if text[s["start"]:s["end"]] != s["text"] or not s["text"] or s["text"] != s["text"].strip():
                problems.append("%s: %s span %r does not match the text %r" % (
                    where, section, s["text"], text[s["start"]:s["end"]]))
    for s in row["safeguarding"]:
        if s["category"] not in CATEGORIES + (None,) or s["polarity"] not in POLARITIES:
            problems.append("%s: unknown safeguarding label %s/%s" % (where, s["category"], s["polarity"]))
        if s["category"] is None and s["polarity"] == "affirmed":
            problems.append("%s: affirmed mention without a category %r" % (where, s["text"]))
    problems += ["%s: unknown practice type %s" % (where, s["type"]) for s in row["practice"]
                 if s["type"] not in PRACTICE_TYPES]
    problems += ["%s: unknown special category %s" % (where, s["type"]) for s in row["special_category"]
                 if s["type"] not in SPECIAL_TYPES]
    problems += ["%s: unknown trap kind %s" % (where, t["kind"]) for t in row["traps"] if t["kind"] not in TRAP_KINDS]
    labelled = {"everyday": row["safeguarding"] + row["practice"], "decoy": row["special_category"],
                "proper_practice": row["practice"], "open_question": row["practice"]}
    problems += ["%s: %s trap %r overlaps a label %r" % (where, t["kind"], t["text"], s["text"])
                 for t in row["traps"] for s in labelled[t["kind"]] if _overlap(t, s)]
    affirmed = {s["category"] for s in row["safeguarding"] if s["polarity"] == "affirmed"}
    problems += ["%s: %s both affirmed and negated" % (where, s["category"]) for s in row["safeguarding"]
                 if s["polarity"] == "negated" and s["category"] in affirmed]
    return problems


def check(out: Path) -> list[str]:
    """Re-verify a generated corpus against its own text."""
    return check_corpus(out, check_row)


def counts(rows: list[dict]) -> dict:
    """Label counts for the summary and the README: sentences per category and polarity,
    documents affirming each category, practice, special category, traps."""
    sg = Counter((s["category"], s["polarity"]) for r in rows for s in r["safeguarding"])
    return {"documents": len(rows), "templates": len({r["template"] for r in rows}),
            "groups": dict(Counter(r["group"] for r in rows)),
            "safeguarding": {str(c): {p: sg[(c, p)] for p in POLARITIES} for c in CATEGORIES + (None,)},
            "affirmed_documents": {c: sum(any(s["category"] == c and s["polarity"] == "affirmed"
                                              for s in r["safeguarding"]) for r in rows) for c in CATEGORIES},
            "practice": dict(Counter(s["type"] for r in rows for s in r["practice"])),
            "special_category": dict(Counter(s["type"] for r in rows for s in r["special_category"])),
            "traps": dict(Counter(t["kind"] for r in rows for t in r["traps"]))}


def summary(rows: list[dict]) -> str:
    c = counts(rows)
    lines = ["%d documents, %d templates: %s" % (c["documents"], c["templates"],
                                                 ", ".join("%s %d" % kv for kv in sorted(c["groups"].items()))),
             "  %-18s %8s %8s %12s %6s" % ("category", "affirmed", "negated", "hypothetical", "docs")]
    for cat, by in c["safeguarding"].items():
        lines.append("  %-18s %8d %8d %12d %6s" % (cat if cat != "None" else "(no category)", by["affirmed"],
                                                   by["negated"], by["hypothetical"],
                                                   c["affirmed_documents"].get(cat, "")))
    for key in ("practice", "special_category", "traps"):
        lines.append("  %s: %s" % (key, ", ".join("%s %d" % kv for kv in sorted(c[key].items()))))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="corpus folder (docs/ and gold.jsonl)")
    ap.add_argument("--n", type=int, default=400, help="number of documents, the policy included (default 400)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--policy", type=Path, default=DEFAULT_POLICY, help="the policy seed text (default: %(default)s)")
    ap.add_argument("--check", action="store_true", help="only re-verify an existing corpus")
    a = ap.parse_args(argv)
    if not a.check:
        print(summary(generate(a.out, a.n, a.seed, a.policy)), file=sys.stderr)
    problems = check(a.out)
    for p in problems[:50]:
        print(p, file=sys.stderr)
    print("check: %s" % ("%d problems" % len(problems) if problems else "ok"), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
