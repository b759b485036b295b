#!/usr/bin/env python3
"""Generate a labelled synthetic corpus of UK children's-services documents, or re-check one.

    python bench/quality/generate.py --out bench/out/quality [--n 400] [--seed 20251125]
    python bench/quality/generate.py --out bench/out/quality --check

Writes OUT/docs/NNNN.txt and OUT/gold.jsonl in the schema of the shared peer corpus
(`file, source, group, subgroup, scope, expect, expect_none, optional`) plus `decoys`: the
look-alikes each document contains (failed NHS checksums, meeting dates, invoice numbers…).
The same seed always gives the same corpus. Everything in it is invented.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from random import Random

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth.builder import TYPES, DocBuilder  # noqa: E402
from synth.corpus import check_corpus  # noqa: E402
from synth.cast import Cast  # noqa: E402
from synth.identifiers import valid_for  # noqa: E402
from synth.templates import TEMPLATES, Template  # noqa: E402

MIN_CHARS, MAX_CHARS = 150, 2000
DEFAULT_SEED = 20251125


def render(tpl: Template, rng: Random) -> DocBuilder:
    """One document from one template, with a freshly drawn cast."""
    cast = Cast.draw(rng)
    b = DocBuilder(rng, cast.resolve, messy=tpl.messy, no_pii=tpl.no_pii)
    tpl.render(b)
    return b


def render_within_limits(tpl: Template, rng: Random) -> DocBuilder:
    """Redraw until the document's length is in range (templates rarely fall outside it)."""
    for _ in range(50):
        b = render(tpl, rng)
        if MIN_CHARS <= len(b.text.rstrip()) <= MAX_CHARS:
            return b
    raise RuntimeError("template %s keeps producing documents outside %d-%d chars" % (tpl.name, MIN_CHARS, MAX_CHARS))


def template_order(n: int, rng: Random) -> list[Template]:
    """Every template in turn (shuffled each round), so even a small corpus uses them all."""
    order: list[Template] = []
    while len(order) < n:
        deck = list(TEMPLATES)
        rng.shuffle(deck)
        order.extend(deck)
    return order[:n]


def generate(out: Path, n: int, seed: int) -> list[dict]:
    """Write `n` documents and their gold under `out`; return the gold rows."""
    (out / "docs").mkdir(parents=True, exist_ok=True)
    rows = []
    for i, tpl in enumerate(template_order(n, Random(seed)), 1):
        b = render_within_limits(tpl, Random("%d/%d" % (seed, i)))
        name = "docs/%04d.txt" % i
        (out / name).write_text(b.text.rstrip(), encoding="utf-8", newline="")
        rows.append(b.gold_row(name, tpl.group, tpl.name, "seed %d doc %d" % (seed, i)))
    with open(out / "gold.jsonl", "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


# --- re-verification -------------------------------------------------------------------------

_NHS_SHAPE = re.compile(r"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")
_UPN_SHAPE = re.compile(r"\b[A-Z]\d{12}\b")


def check_row(row: dict, text: str) -> list[str]:
    """Everything that is wrong with one gold row (empty when it is right)."""
    where = row["file"]
    problems = []
    if not MIN_CHARS <= len(text) <= MAX_CHARS:
        problems.append("%s: length %d outside %d-%d" % (where, len(text), MIN_CHARS, MAX_CHARS))
    for key in ("expect", "optional", "decoys"):
        for s in row.get(key, []):
            if text[s["start"]:s["end"]] != s["text"]:
                problems.append("%s: %s span %r does not match the text %r" % (where, key, s["text"],
                                                                            text[s["start"]:s["end"]]))
    expected_types = {s["type"] for s in row["expect"]}
    problems += ["%s: unknown type %s" % (where, t) for t in expected_types | set(row["expect_none"]) if t not in TYPES]
    problems += ["%s: %s both expected and forbidden" % (where, t) for t in expected_types & set(row["expect_none"])]
    for s in row["expect"]:
        if valid_for(s["type"], s["text"]) is False:
            problems.append("%s: gold %s %r fails its validator" % (where, s["type"], s["text"]))
    for s in row.get("decoys", []):
        if s["type"] in ("UK_NHS", "UK_UPN") and valid_for(s["type"], s["text"]):
            problems.append("%s: decoy %s %r passes its validator" % (where, s["type"], s["text"]))
    problems += _overlaps(where, row["expect"])
    problems += _forbidden_but_valid(where, row, text)
    return problems


def _overlaps(where: str, spans: list[dict]) -> list[str]:
    by_type: dict[str, list[dict]] = {}
    for s in spans:
        by_type.setdefault(s["type"], []).append(s)
    out = []
    for t, ss in by_type.items():
        ss = sorted(ss, key=lambda s: s["start"])
        out += ["%s: overlapping %s spans %r %r" % (where, t, a["text"], b["text"])
                for a, b in zip(ss, ss[1:]) if b["start"] < a["end"]]
    return out


def _forbidden_but_valid(where: str, row: dict, text: str) -> list[str]:
    """A document that forbids UK_NHS / UK_UPN must not contain a check-valid one anywhere."""
    out = []
    for type_, shape in (("UK_NHS", _NHS_SHAPE), ("UK_UPN", _UPN_SHAPE)):
        if type_ in row["expect_none"]:
            out += ["%s: forbids %s but contains valid %r" % (where, type_, m.group())
                    for m in shape.finditer(text) if valid_for(type_, m.group())]
    return out


def check(out: Path) -> list[str]:
    """Re-verify a generated corpus against its own text and the identifier validators."""
    return check_corpus(out, check_row)


def summary(rows: list[dict]) -> str:
    spans = Counter(s["type"] for r in rows for s in r["expect"])
    groups = Counter(r["group"] for r in rows)
    none = Counter(t for r in rows for t in r["expect_none"])
    lines = ["%d documents, %d templates: %s" % (len(rows), len({r["subgroup"] for r in rows}),
                                                 ", ".join("%s %d" % kv for kv in sorted(groups.items())))]
    lines += ["  %-15s %5d spans  %4d documents forbid it" % (t, spans[t], none[t]) for t in TYPES]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="corpus folder (docs/ and gold.jsonl)")
    ap.add_argument("--n", type=int, default=400, help="number of documents (default 400)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--check", action="store_true", help="only re-verify an existing corpus")
    a = ap.parse_args(argv)
    if not a.check:
        rows = generate(a.out, a.n, a.seed)
        print(summary(rows), file=sys.stderr)
    problems = check(a.out)
    for p in problems[:50]:
        print(p, file=sys.stderr)
    print("check: %s" % ("%d problems" % len(problems) if problems else "ok"), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
