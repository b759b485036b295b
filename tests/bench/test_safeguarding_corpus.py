"""The safeguarding corpus is labelled exactly and covers every category and polarity, and its
scorer gives a perfect score to the gold itself and zero recall to an empty prediction."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "quality" / "safeguarding"


def load(name: str):
    spec = importlib.util.spec_from_file_location("bench_safeguarding_" + name, BENCH / (name + ".py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generator():
    return load("generate")


@pytest.fixture(scope="module")
def scorer():
    return load("score")


@pytest.fixture(scope="module")
def corpus(generator, tmp_path_factory):
    out = tmp_path_factory.mktemp("safeguarding")
    return out, generator.generate(out, 40, seed=11)


def as_predictions(rows: list[dict]) -> dict[str, list[dict]]:
    """The gold written as `check --json` findings (mentions without a category have no type)."""
    def finding(kind: str, type_: str, span: dict, **extra) -> dict:
        return dict(kind=kind, type=type_, start=span["start"], end=span["end"], text=span["text"], **extra)

    return {r["file"]: [finding("safeguarding", s["category"], s, polarity=s["polarity"])
                        for s in r["safeguarding"] if s["category"]]
            + [finding("practice", s["type"], s) for s in r["practice"]]
            + [finding("special_category", s["type"], s) for s in r["special_category"]]
            for r in rows}


def test_the_corpus_passes_its_own_check(generator, corpus):
    assert generator.check(corpus[0]) == []


def test_every_span_indexes_its_text(corpus):
    out, rows = corpus
    spans = [(r["file"], s) for r in rows for key in ("safeguarding", "practice", "special_category", "traps")
             for s in r[key]]
    assert len(spans) > 150  # the policy seed adds ~40 more when ../shared is beside the clone
    for file, s in spans:
        assert (out / file).read_text(encoding="utf-8")[s["start"]:s["end"]] == s["text"], (file, s)


def test_every_category_is_affirmed_negated_and_hypothetical(generator, corpus):
    seen = {(s["category"], s["polarity"]) for r in corpus[1] for s in r["safeguarding"]}
    assert generator.bank_problems() == []
    assert {(c, p) for c in generator.CATEGORIES for p in generator.POLARITIES} <= seen


def test_traps_practice_and_special_category_are_present(corpus):
    rows = corpus[1]
    assert {t["kind"] for r in rows for t in r["traps"]} == {"everyday", "proper_practice", "open_question", "decoy"}
    assert {s["type"] for r in rows for s in r["practice"]} == {"confidentiality_promise", "leading_question"}
    assert {"HEALTH", "ETHNICITY", "RELIGION", "SEXUALITY"} <= {s["type"] for r in rows for s in r["special_category"]}


def test_the_policy_seed_affirms_nothing(corpus):
    out, rows = corpus
    policy = rows[0]
    if policy["template"] != "policy_seed":
        pytest.skip("policy seed not available")
    assert policy["safeguarding"] and all(s["polarity"] == "hypothetical" for s in policy["safeguarding"])
    assert "Staff and volunteers should not promise confidentiality" in (out / policy["file"]).read_text("utf-8")


def test_same_seed_same_corpus(generator, corpus, tmp_path):
    assert generator.generate(tmp_path, 40, seed=11) == corpus[1]


def test_check_catches_a_label_that_drifts(generator, corpus):
    out, rows = corpus
    row = next(r for r in rows if r["practice"])
    bad = dict(row, practice=[dict(row["practice"][0], start=row["practice"][0]["start"] + 1)])
    assert any("does not match" in p for p in generator.check_row(bad, (out / row["file"]).read_text("utf-8")))


def test_gold_as_prediction_scores_perfectly(scorer, corpus):
    rows = corpus[1]
    r = scorer.score(rows, as_predictions(rows))
    assert r["affirmed"]["all"]["recall"] == r["affirmed"]["all"]["precision"] == 100.0
    assert r["affirmed"]["all"]["sentence_recall"] == 100.0
    assert r["false_affirmed"]["all"]["flagged"] == 0 and r["false_affirmed"]["all"]["mentions"] > 0
    assert all(x["recall"] == x["precision"] == 100.0 for x in r["practice"].values())
    assert all(x["recall"] == x["precision"] == 100.0 for x in r["special_category"].values())
    assert all(x["flagged"] == 0 for x in r["traps"].values())
    assert [b["pass"] for b in r["bars"]] == [True, True]


def test_empty_prediction_has_zero_recall(scorer, corpus):
    rows = corpus[1]
    r = scorer.score(rows, {})
    assert r["missing_documents"] == len(rows)
    assert r["affirmed"]["all"]["recall"] == 0.0 and r["affirmed"]["all"]["precision"] is None
    assert all(x["recall"] == 0.0 for x in list(r["practice"].values()) + list(r["special_category"].values()))
    assert [b["pass"] for b in r["bars"]] == [False, True]


def test_an_affirmed_finding_on_a_negated_sentence_is_false_affirmed(scorer, corpus, tmp_path):
    rows = corpus[1]
    preds = as_predictions(rows)
    def acceptable(r: dict) -> set:
        return {c for s in r["safeguarding"] if s["polarity"] == "affirmed" for c in [s["category"], *s.get("also", [])]}

    row, neg = next((r, s) for r in rows for s in r["safeguarding"]
                    if s["polarity"] == "negated" and s["category"] and s["category"] not in acceptable(r))
    flip = [dict(f, polarity="affirmed") if f["kind"] == "safeguarding" and f["start"] == neg["start"] else f
            for f in preds[row["file"]]]
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("\n".join(json.dumps({"document": "/x/" + r["file"],
                                               "findings": flip if r is row else preds[r["file"]]})
                                   for r in rows), encoding="utf-8")
    result = scorer.score(rows, scorer.load_predictions(pred_file))
    assert result["false_affirmed"]["negated"]["flagged"] == 1
    assert result["affirmed"]["by_category"][neg["category"]]["precision"] < 100.0
    assert "| negated | %d | 1 |" % result["false_affirmed"]["negated"]["mentions"] in scorer.report(result)
