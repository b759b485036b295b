"""The model multiplies through numpy's BLAS on one thread (scanner/blas.py), with the same results."""
from __future__ import annotations

import pytest
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from scanner.blas import use_backend

TEXT = ("Home visit on 3 March. Kai told me that his stepdad hits him with a belt and that mum is scared of him. "
        "There were no marks seen. Staff should be alert to signs of neglect. Aisha Begum (DOB 04/05/2015) "
        "lives at 12 Oak Avenue, Leeds LS8 2QT, and attends Bankside Primary School.")


def _nodes(nlp):
    return [node for _, pipe in nlp.components if hasattr(getattr(pipe, "model", None), "walk") for node in pipe.model.walk()]


@pytest.mark.model
def test_every_layer_of_every_component_uses_numpy(detection):
    nlp = detection.nlp
    assert "parser" in nlp.disabled  # the deep pass's components are disabled in the main pass, and still switched
    nodes = _nodes(nlp)
    assert nodes and all(isinstance(n.ops, NumpyOps) and not n.ops.use_blis for n in nodes)


@pytest.mark.model
def test_blas_keeps_to_one_thread(detection):
    blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert blas and all(lib["num_threads"] == 1 for lib in blas)


@pytest.mark.model
def test_same_entities_and_parse_as_blis(detection):
    nlp = detection.nlp

    def read():
        with nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner"]):
            doc = nlp(TEXT)
        return [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc]

    numpy_reading = read()
    try:
        use_backend(nlp, "blis")
        assert all(n.ops.use_blis for n in _nodes(nlp))
        assert read() == numpy_reading
    finally:
        use_backend(nlp, "numpy")


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="unknown matrix backend 'mkl'"):
        use_backend(None, "mkl")
