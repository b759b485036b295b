"""Practice checks: promises of confidentiality and leading questions, and their look-alikes."""
from __future__ import annotations

import pytest

from scanner.types import PRACTICE

pytestmark = pytest.mark.model

CASES = [
    # promises of secrecy by the writer
    ("I promised I wouldn't tell anyone.", "confidentiality_promise"),
    ("I said it would stay between us.", "confidentiality_promise"),
    ("I reassured Maya that I would keep it to myself.", "confidentiality_promise"),
    ("Promised him I would not tell his mum.", "confidentiality_promise"),
    ("I told her it would be our secret.", "confidentiality_promise"),
    # the right thing
    ("I explained I could not keep it secret.", None),
    ("I told him I would have to share what he said with the DSL.", None),
    ("She asked me not to tell anyone and I explained that I cannot promise that.", None),
    ("She asked me to keep it a secret.", None),
    ("Staff must never promise to keep secrets.", None),
    # leading questions
    ('I asked "Did your dad hit you?"', "leading_question"),
    ("Q: Was it your stepdad who touched you?", "leading_question"),
    ("I asked her whether her uncle had hurt her.", "leading_question"),
    ('"Mummy smacked you, didn\'t she?"', "leading_question"),
    # open questions and harmless closed ones
    ('I asked "Can you tell me what happened?"', None),
    ("I asked what happened next.", None),
    ('"How did you get that mark?"', None),
    ('I asked "Did you have breakfast today?"', None),
    ('I asked "Would you like to tell me what your dad did?"', None),  # a six-word open opener
    ("Avoid leading questions such as 'Did your dad hit you?'", None),
    # training text quoting a leading question to teach what it does
    ('A question like "He hurt you, didn\'t he?" puts words in the child\'s mouth.', None),
    ("Questions like 'Did mummy leave you alone?' tell the child what answer you expect.", None),
    ("Asking 'Was it your uncle?' puts words in a child's mouth.", None),
    # …and a record of one still is one
    ('I asked him "He hurt you, didn\'t he?" and he nodded.', "leading_question"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_practice(detect, text, expected):
    found = {f.type for f in detect(text) if f.kind == PRACTICE}
    assert found == ({expected} if expected else set()), f"{text!r}: {found}"


def test_practice_finding_shows_the_sentence(detect):
    text = "Visit 4 May.\nI promised I wouldn't tell anyone. Then we had lunch."
    [f] = [f for f in detect(text) if f.kind == PRACTICE]
    assert f.excerpt == "I promised I wouldn't tell anyone."
    assert text[f.start:f.end] == f.text
    assert f.severity == "medium" and f.explanation.startswith("promise of confidentiality")


@pytest.mark.parametrize(("text", "kind"), [
    ("I gave her my word it would not go any further.", "confidentiality_promise"),
    ("Assured Iolo this was just between the two of us.", "confidentiality_promise"),
    ("I agreed not to pass this on because he begged me not to.", "confidentiality_promise"),
    ("I told Farhana that what she said would stay in this room.", "confidentiality_promise"),
    ("Asked - Was it your aunt who did the procedure?", "leading_question"),
    ("Noor: There was no food in the house, was there?", "leading_question"),
])
def test_note_style_promises_and_questions(detect, text, kind):
    assert [f.type for f in detect(text) if f.kind == "practice"] == [kind]


@pytest.mark.parametrize("text", [
    "I did not promise to keep it secret.",
    "I explained that I could not keep it secret.",
    "Mum said she had promised Leo it would stay a secret.",
    "Asked - What happened next?",
    "Is there any risk of sexual harm from the new partner?",  # professionals asking each other, not a child
    "Has Niamh ever been asked to share images online?",
])
def test_no_promise_or_leading_question(detect, text):
    assert [f.type for f in detect(text) if f.kind == "practice"] == []
