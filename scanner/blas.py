"""Which library multiplies the model's matrices, and with how many threads.

spaCy's layers multiply through thinc's `NumpyOps`, which by default calls the BLIS library
bundled with thinc. On the processors this service runs on (measured on AMD EPYC with AVX-512,
`bench/blas.py`) numpy's own BLAS (OpenBLAS) computes the same float32 products about 3× faster
on one thread, and the embedding layers and the parser's and recogniser's feature products
are most of the model's time. thinc offers that choice itself: `NumpyOps(use_blis=False)` hands
`gemm` to numpy. The results were the same entities and the same parses on the speed corpus.

One thread each: the scanner already gives every core a worker process; a BLAS thread pool in
each would make two processes fight over two cores (and threads do not survive a fork).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

if TYPE_CHECKING:
    from spacy.language import Language

BACKENDS = ("numpy", "blis")


def use_backend(nlp: "Language", backend: str) -> None:
    """Make every layer of the loaded model multiply with `backend` ("numpy" or "blis"), and
    keep the process's BLAS to one thread."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown matrix backend {backend!r} (known: {', '.join(BACKENDS)})")
    threadpool_limits(1, user_api="blas")
    ops = NumpyOps(use_blis=backend == "blis")
    for _, pipe in nlp.components:  # the disabled ones too: the deep pass runs them
        model = getattr(pipe, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if isinstance(node.ops, NumpyOps):
                node.ops = ops
