#!/usr/bin/env python3
"""Matrix backend benchmark (not a test): thinc's bundled BLIS against numpy's BLAS, one thread.

    .venv/bin/python bench/blas.py [--docs 200]

Prints, for each backend, in one process each (so that one cannot warm the other's caches):
  gemm      GFLOPS of the model's commonest product (tokens × 288 → 288, float32) at three batch sizes
  ner       tokens/s of the main pass (`ner` only) over the speed corpus's ~2 KB notes
  full      tokens/s of the whole pipeline (tok2vec, tagger, parser, attribute ruler, lemmatizer, ner)
and whether both backends gave the same entities, tags, lemmas and parse on every document.
This is why `nlp.matrix_backend` in config/shareguard.yaml defaults to numpy (scanner/blas.py).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def measure(backend: str, docs: int) -> dict:
    import numpy
    import spacy

    from scanner.blas import use_backend
    from speed import MODEL, SEED, note

    nlp = spacy.load(MODEL)
    use_backend(nlp, backend)
    ops = nlp.get_pipe("tok2vec").model.ops
    out: dict = {"gemm_gflops": {}}
    weights = numpy.random.default_rng(0).random((288, 288), dtype="float32")
    for rows in (64, 512, 4096):
        x = numpy.random.default_rng(rows).random((rows, 288), dtype="float32")
        ops.gemm(x, weights, trans2=True)
        t = time.perf_counter()
        for _ in range(50):
            ops.gemm(x, weights, trans2=True)
        out["gemm_gflops"][rows] = round(rows * 288 * 288 * 2 * 50 / (time.perf_counter() - t) / 1e9, 1)
    texts = [note(Random(f"{SEED}/batch/{i}"), 2_000) for i in range(docs)]
    tokens = sum(len(nlp.make_doc(t)) for t in texts)
    with nlp.select_pipes(enable=["ner"]):
        list(nlp.pipe(texts[:8]))
        t = time.perf_counter()
        list(nlp.pipe(texts, batch_size=64))
        out["ner_tokens_s"] = round(tokens / (time.perf_counter() - t))
    t = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=64))
    out["full_tokens_s"] = round(tokens / (time.perf_counter() - t))
    out["readings"] = [[(t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in d] for d in parsed]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--backend", choices=("numpy", "blis"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.backend:
        print(json.dumps(measure(args.backend, args.docs)))
        return 0
    runs = {}
    for backend in ("blis", "numpy"):
        done = subprocess.run([sys.executable, __file__, "--docs", str(args.docs), "--backend", backend],
                              capture_output=True, text=True, check=True)
        runs[backend] = json.loads(done.stdout)
    b, n = runs["blis"], runs["numpy"]
    print("| measurement | blis | numpy | numpy ÷ blis |\n|---|---|---|---|")
    for rows in b["gemm_gflops"]:
        print(f"| gemm {rows} × 288 → 288, GFLOPS | {b['gemm_gflops'][rows]} | {n['gemm_gflops'][rows]} | "
              f"{n['gemm_gflops'][rows] / b['gemm_gflops'][rows]:.2f}× |")
    for key, label in (("ner_tokens_s", "main pass (ner), tokens/s"), ("full_tokens_s", "whole pipeline, tokens/s")):
        print(f"| {label} | {b[key]:,} | {n[key]:,} | {n[key] / b[key]:.2f}× |")
    same = sum(x == y for x, y in zip(b["readings"], n["readings"]))
    print(f"\nsame tags, lemmas, parse and entities: {same} of {len(b['readings'])} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
