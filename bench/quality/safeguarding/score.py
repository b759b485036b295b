#!/usr/bin/env python3
"""Score safeguarding, practice and special-category findings against the labelled corpus.

    python bench/quality/safeguarding/score.py PRED.jsonl --gold bench/out/safeguarding/gold.jsonl
           [--md OUT.md] [--json OUT.json] [--examples 5]

PRED.jsonl is `shareguard check --json` output, one object per document:
{"document": PATH, "findings": [{"kind", "type", "polarity", "start", "end", ...}]}, matched to
the gold by its last two path parts (docs/NNNN.txt); a gold document with no prediction line
counts as predicted empty. A safeguarding finding without a polarity counts as affirmed (a
detector that does not say is making a claim). The rules are in README.md; in short:

- affirmed concerns, per category: a document is gold-positive when it has an affirmed
  sentence of that category, predicted-positive when any affirmed finding has that type
  (a prediction of a category the gold lists only under `also` is neither right nor wrong);
  sentence recall counts gold affirmed sentences overlapped by an affirmed finding of their
  category;
- false affirmed: a negated or hypothetical sentence, or an everyday trap, overlapped by an
  affirmed finding that no gold affirmed sentence of the finding's category justifies;
- practice and special category: span overlap per type; special-category predictions inside a
  safeguarding sentence are not scored unless they hit a gold term (a disclosure of self-harm
  is health data too, but the safeguarding finding already holds the document).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from sgsynth.concerns import CATEGORIES  # noqa: E402
from sgsynth.practice import PRACTICE_TYPES  # noqa: E402
from sgsynth.special import SPECIAL_TYPES  # noqa: E402

#: SPEC "Quality bars": affirmed safeguarding recall ≥ 0.95, ≤ 5 % of other uses flagged.
RECALL_BAR, FALSE_AFFIRMED_BAR = 95.0, 5.0
MISTAKEN = ("negated", "hypothetical", "everyday")


def doc_key(path: str) -> str:
    return "/".join(Path(path).as_posix().split("/")[-2:])


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_predictions(path: Path) -> dict[str, list[dict]]:
    preds: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            preds.setdefault(doc_key(obj["document"]), []).extend(obj.get("findings") or [])
    return preds


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def pct(num: int, den: int) -> float | None:
    return None if not den else 100.0 * num / den


class Tally:
    """Counts and a few examples per key, so the report can show what was missed."""

    def __init__(self, keep: int):
        self.keep, self.n, self.examples = keep, defaultdict(int), defaultdict(list)

    def count(self, key: str, by: int = 1) -> None:
        self.n[key] += by

    def example(self, key: str, file: str, span: dict) -> None:
        if len(self.examples[key]) < self.keep:
            self.examples[key].append({"file": file, "text": span.get("text", "")})


def _affirmed(findings: list[dict]) -> list[dict]:
    return [f for f in findings if f.get("kind") == "safeguarding" and f.get("polarity", "affirmed") == "affirmed"]


def _justified(f: dict, gold_affirmed: list[dict]) -> bool:
    return any(overlaps(f, s) and (f.get("type") == s["category"] or f.get("type") in s.get("also", ()))
               for s in gold_affirmed)


def score_safeguarding(row: dict, findings: list[dict], t: Tally) -> None:
    file, affirmed = row["file"], _affirmed(findings)
    gold_aff = [s for s in row["safeguarding"] if s["polarity"] == "affirmed"]
    gold_cats = {s["category"] for s in gold_aff}
    also = {a for s in gold_aff for a in s.get("also", ())} - gold_cats
    pred_cats = {f.get("type") for f in affirmed}
    for c in CATEGORIES:
        t.count(c + "/gold_docs", c in gold_cats)
        t.count(c + "/pred_docs", c in pred_cats and c not in also)
        t.count(c + "/tp_docs", c in gold_cats and c in pred_cats)
    for s in gold_aff:
        found = any(f.get("type") == s["category"] and overlaps(f, s) for f in affirmed)
        t.count(s["category"] + "/gold_sentences")
        t.count(s["category"] + "/found_sentences", found)
        if not found:
            t.example("missed " + s["category"], file, s)
    wrong = [f for f in affirmed if not _justified(f, gold_aff)]
    mistaken = [(s["polarity"], s) for s in row["safeguarding"] if s["polarity"] != "affirmed"]
    mistaken += [("everyday", x) for x in row["traps"] if x["kind"] == "everyday"]
    for kind, s in mistaken:
        t.count(kind + "/mentions")
        if any(overlaps(f, s) for f in wrong):
            t.count(kind + "/flagged")
            t.example("false affirmed " + kind, file, s)
        if kind == "everyday" and any(f.get("kind") == "safeguarding" and overlaps(f, s) for f in findings):
            t.count("everyday/any_polarity")
    labels = row["safeguarding"] + row["traps"]
    for f in wrong:
        if not any(overlaps(f, s) for s in labels):
            t.count("affirmed_on_unlabelled")
            t.example("affirmed on unlabelled text", file, f)


def score_spans(row: dict, findings: list[dict], t: Tally, kind: str, types: tuple[str, ...],
                ignore: list[dict]) -> None:
    """Span overlap per type for `kind`; predictions overlapping `ignore` (and no gold) are unscored."""
    gold = row[kind]
    preds = [f for f in findings if f.get("kind") == kind]
    for s in gold:
        hit = any(f.get("type") == s["type"] and overlaps(f, s) for f in preds)
        t.count("%s/%s/gold" % (kind, s["type"]))
        t.count("%s/%s/hit" % (kind, s["type"]), hit)
        if not hit:
            t.example("missed %s %s" % (kind, s["type"]), row["file"], s)
    for f in preds:
        tp = any(f.get("type") == s["type"] and overlaps(f, s) for s in gold)
        if not tp and any(overlaps(f, s) for s in ignore):
            continue
        type_ = f.get("type") if f.get("type") in types else "other"
        t.count("%s/%s/pred" % (kind, type_))
        t.count("%s/%s/tp" % (kind, type_), tp)
        if not tp:
            t.example("false %s %s" % (kind, type_), row["file"], f)


def score_traps(row: dict, findings: list[dict], t: Tally) -> None:
    """Proper practice and open questions flagged by any practice finding; decoys by any
    special-category finding."""
    flagged_by = {"proper_practice": "practice", "open_question": "practice", "decoy": "special_category"}
    for x in row["traps"]:
        if x["kind"] in flagged_by:
            t.count("trap/%s/total" % x["kind"])
            if any(f.get("kind") == flagged_by[x["kind"]] and overlaps(f, x) for f in findings):
                t.count("trap/%s/flagged" % x["kind"])
                t.example("flagged trap " + x["kind"], row["file"], x)


def score(gold: list[dict], preds: dict[str, list[dict]], examples: int = 0) -> dict:
    """All figures for one prediction set, as a JSON-ready dict."""
    t = Tally(examples)
    for row in gold:
        findings = preds.get(row["file"])
        t.count("missing_documents", findings is None)
        findings = findings or []
        score_safeguarding(row, findings, t)
        score_spans(row, findings, t, "practice", PRACTICE_TYPES, [])
        score_spans(row, findings, t, "special_category", SPECIAL_TYPES, row["safeguarding"])
        score_traps(row, findings, t)
    return summarise(t, len(gold))


def _pr(n: dict, prefix: str, gold: str, hit: str, pred: str, tp: str) -> dict:
    return {"gold": n[prefix + gold], "recall": pct(n[prefix + hit], n[prefix + gold]),
            "predicted": n[prefix + pred], "precision": pct(n[prefix + tp], n[prefix + pred])}


def summarise(t: Tally, documents: int) -> dict:
    n = t.n
    by_cat = {c: dict(_pr(n, c + "/", "gold_docs", "tp_docs", "pred_docs", "tp_docs"),
                      sentences=n[c + "/gold_sentences"],
                      sentence_recall=pct(n[c + "/found_sentences"], n[c + "/gold_sentences"])) for c in CATEGORIES}
    pool = {k: sum(n["%s/%s" % (c, k)] for c in CATEGORIES)
            for k in ("gold_docs", "pred_docs", "tp_docs", "gold_sentences", "found_sentences")}
    overall = {"gold": pool["gold_docs"], "recall": pct(pool["tp_docs"], pool["gold_docs"]),
               "predicted": pool["pred_docs"], "precision": pct(pool["tp_docs"], pool["pred_docs"]),
               "sentences": pool["gold_sentences"],
               "sentence_recall": pct(pool["found_sentences"], pool["gold_sentences"])}
    false_aff = {k: {"mentions": n[k + "/mentions"], "flagged": n[k + "/flagged"],
                     "rate": pct(n[k + "/flagged"], n[k + "/mentions"])} for k in MISTAKEN}
    total = {key: sum(false_aff[k][key] for k in MISTAKEN) for key in ("mentions", "flagged")}
    false_aff["all"] = dict(total, rate=pct(total["flagged"], total["mentions"]))
    spans = {kind: {ty: _pr(n, "%s/%s/" % (kind, ty), "gold", "hit", "pred", "tp") for ty in types + ("other",)
                    if n["%s/%s/gold" % (kind, ty)] or n["%s/%s/pred" % (kind, ty)]}
             for kind, types in (("practice", PRACTICE_TYPES), ("special_category", SPECIAL_TYPES))}
    traps = {k: {"total": n["trap/%s/total" % k], "flagged": n["trap/%s/flagged" % k],
                 "rate": pct(n["trap/%s/flagged" % k], n["trap/%s/total" % k])}
             for k in ("proper_practice", "open_question", "decoy")}
    bars = [{"bar": "affirmed concerns: document recall, all categories", "value": overall["recall"],
             "target": "≥ %.0f %%" % RECALL_BAR, "pass": (overall["recall"] or 0) >= RECALL_BAR},
            {"bar": "false affirmed: negated, hypothetical and everyday uses", "value": false_aff["all"]["rate"],
             "target": "≤ %.0f %%" % FALSE_AFFIRMED_BAR,
             "pass": false_aff["all"]["rate"] is not None and false_aff["all"]["rate"] <= FALSE_AFFIRMED_BAR}]
    return {"documents": documents, "missing_documents": n["missing_documents"], "bars": bars,
            "affirmed": {"by_category": by_cat, "all": overall}, "false_affirmed": false_aff,
            "everyday_flagged_any_polarity": n["everyday/any_polarity"],
            "affirmed_on_unlabelled_text": n["affirmed_on_unlabelled"],
            "practice": spans["practice"], "special_category": spans["special_category"], "traps": traps,
            "examples": dict(t.examples)}


# --- report ----------------------------------------------------------------------------------

def fmt(v: float | None) -> str:
    return "–" if v is None else "%.1f" % v


def table(head: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|---" + "|---:" * (len(head) - 1) + "|"]
    lines += ["| " + " | ".join(fmt(c) if isinstance(c, float) or c is None else str(c) for c in r) + " |"
              for r in rows]
    return "\n".join(lines) + "\n"


def report(r: dict) -> str:
    aff, fa = r["affirmed"], r["false_affirmed"]
    out = ["## Safeguarding detection on the synthetic corpus (%d documents, %d without a prediction)\n"
           % (r["documents"], r["missing_documents"]),
           "### SPEC bars\n",
           table(["bar", "value %", "target", "result"],
                 [[b["bar"], b["value"], b["target"], "PASS" if b["pass"] else "FAIL"] for b in r["bars"]]),
           "### Affirmed concerns by category\n",
           "Documents: P and R of 'this document affirms a concern of this category'. Sentences: gold affirmed "
           "sentences overlapped by an affirmed finding of their category.\n",
           table(["category", "gold docs", "doc R %", "predicted docs", "doc P %", "sentences", "sentence R %"],
                 [[c if c != "all" else "**all**", x["gold"], x["recall"], x["predicted"], x["precision"],
                   x["sentences"], x["sentence_recall"]]
                  for c, x in list(aff["by_category"].items()) + [("all", aff["all"])]]),
           "### False affirmed\n",
           table(["gold mention", "sentences", "flagged as affirmed", "rate %"],
                 [[k, x["mentions"], x["flagged"], x["rate"]] for k, x in fa.items()]),
           "Everyday traps with any safeguarding finding (any polarity): %d. Affirmed findings on unlabelled "
           "text: %d.\n" % (r["everyday_flagged_any_polarity"], r["affirmed_on_unlabelled_text"])]
    for kind, title in (("practice", "Practice"), ("special_category", "Special category")):
        out += ["### %s\n" % title,
                table(["type", "gold", "R %", "predicted", "P %"],
                      [[ty, x["gold"], x["recall"], x["predicted"], x["precision"]] for ty, x in r[kind].items()])]
    out += ["### Traps\n", table(["trap", "total", "flagged", "rate %"],
                                 [[k, x["total"], x["flagged"], x["rate"]] for k, x in r["traps"].items()])]
    if r["examples"]:
        out.append("### Examples\n")
        out += ["- %s: %s" % (k, "; ".join("%r (%s)" % (e["text"][:100], e["file"]) for e in xs))
                for k, xs in sorted(r["examples"].items())]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred", type=Path, help="prediction JSON Lines (shareguard check --json)")
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--examples", type=int, default=0, help="show up to N examples of each kind of miss")
    ap.add_argument("--md", type=Path)
    ap.add_argument("--json", type=Path, dest="json_out")
    a = ap.parse_args(argv)
    result = score(load_gold(a.gold), load_predictions(a.pred), a.examples)
    text = report(result)
    print(text)
    if a.md:
        a.md.write_text(text, encoding="utf-8")
    if a.json_out:
        a.json_out.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
