"""The synthetic quality corpus is labelled exactly: spans match the text, identifiers in the
gold pass their validators, decoys fail them, and the templates vary."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from stdnum.gb import nhs, upn

GENERATE = Path(__file__).resolve().parents[2] / "bench" / "quality" / "generate.py"


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("bench_quality_generate", GENERATE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(generator, tmp_path_factory):
    out = tmp_path_factory.mktemp("quality")
    rows = generator.generate(out, 30, seed=7)
    return out, rows


def texts(out: Path, rows: list[dict]) -> dict[str, str]:
    return {r["file"]: (out / r["file"]).read_text(encoding="utf-8") for r in rows}


def digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def test_the_corpus_passes_its_own_check(generator, corpus):
    out, _ = corpus
    assert generator.check(out) == []


def test_every_span_indexes_its_text(corpus):
    out, rows = corpus
    docs = texts(out, rows)
    spans = [(r["file"], s) for r in rows for key in ("expect", "optional", "decoys") for s in r[key]]
    assert len(spans) > 300
    for file, s in spans:
        assert docs[file][s["start"]:s["end"]] == s["text"], (file, s)


def test_gold_identifiers_validate_and_decoys_do_not(corpus):
    _, rows = corpus
    gold = [s for r in rows for s in r["expect"]]
    decoys = [s for r in rows for s in r["decoys"]]
    assert {"UK_NHS", "UK_UPN"} <= {s["type"] for s in gold}
    assert {"UK_NHS", "UK_UPN"} <= {s["type"] for s in decoys}
    for s in gold:
        if s["type"] == "UK_NHS":
            assert nhs.is_valid(digits(s["text"])), s
        if s["type"] == "UK_UPN":
            assert upn.is_valid(s["text"]), s
    for s in decoys:
        if s["type"] == "UK_NHS":
            assert not nhs.is_valid(digits(s["text"])), s
        if s["type"] == "UK_UPN":
            assert not upn.is_valid(s["text"]), s


def test_documents_with_no_personal_data_forbid_every_type(generator, corpus):
    _, rows = corpus
    empty = [r for r in rows if r["group"] == "no_pii"]
    assert empty
    for r in empty:
        assert r["expect"] == [] and set(r["expect_none"]) == set(generator.TYPES)


def test_templates_vary(corpus):
    out, rows = corpus
    first_lines = {t.splitlines()[0] for t in texts(out, rows).values()}
    assert len(first_lines) >= 20
    assert len({r["subgroup"] for r in rows}) >= 25
    assert len({r["group"] for r in rows}) == 7


def test_same_seed_same_corpus(generator, corpus, tmp_path):
    _, rows = corpus
    assert generator.generate(tmp_path, 30, seed=7) == rows
    assert texts(tmp_path, rows) == texts(corpus[0], rows)


def test_check_catches_a_label_that_drifts(generator, corpus):
    out, rows = corpus
    row = next(r for r in rows if r["expect"])
    text = (out / row["file"]).read_text(encoding="utf-8")
    bad = dict(row, expect=[dict(row["expect"][0], start=row["expect"][0]["start"] + 1)])
    assert any("does not match" in p for p in generator.check_row(bad, text))
