"""The table look-up gives exactly what the model's attribute_ruler gives (POS, morphology,
lemma after the lemmatizer, tag), on ordinary text, on the exceptions, and on space tokens."""
from __future__ import annotations


import pytest

from tests.seed import POLICY_SEED

from scanner.detectors.attributes import TableAttributes

pytestmark = pytest.mark.model
TEXTS = [
    "Visited Jayden Smith (DOB 03/04/2015) at 14 Acacia Avenue. He said mum's partner hits him.",
    "We ain't gonna do it, y'all. Let's go. C'mon! There's a dog.  Two  spaces\n\nand gets got gotta",
    "Staff should not promise confidentiality; they can't, and she didn't ask them to.",
    "I'd've been there if I'd known. Is it theirs? Yes it's hers, not ours.",
]


def _annotations(nlp, texts, ruler):
    docs = [ruler(d) for d in nlp.pipe(texts, disable=["parser", "attribute_ruler", "lemmatizer", "ner"])]
    docs = [nlp.get_pipe("lemmatizer")(d) for d in docs]
    return [[(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_) for t in d] for d in docs]


def test_same_annotations_as_the_attribute_ruler(detection):
    nlp = detection.nlp
    texts = TEXTS + ([POLICY_SEED.read_text(encoding="utf-8")] if POLICY_SEED.exists() else [])
    with nlp.select_pipes(enable=nlp.component_names):
        ruler = nlp.get_pipe("attribute_ruler")
        expected = _annotations(nlp, texts, ruler)
        got = _annotations(nlp, texts, TableAttributes(ruler))
    assert got == expected
    assert sum(len(d) for d in got) > 80


def test_rules_it_cannot_read_are_refused(detection):
    class Ruler:
        vocab = detection.nlp.vocab
        patterns = [{"patterns": [[{"ENT_TYPE": "PERSON"}]], "attrs": {"POS": "PROPN"}, "index": 0}]

    with pytest.raises(ValueError, match="use the component itself"):
        TableAttributes(Ruler())
