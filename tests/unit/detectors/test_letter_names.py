"""People written as letters, as in judgments, case reviews and anonymised notes: found from how
they are used, with every later mention; acronyms, labels and articles are not people."""
from __future__ import annotations

import pytest

from scanner.detectors.letters import is_letter_name, letter_names

pytestmark = pytest.mark.model


def people(detect, text: str) -> list[str]:
    return [f.text for f in detect(text) if f.type == "PERSON"]


@pytest.mark.parametrize("text, expected", [
    ("The children are A (aged 11), B (aged 7) and C (2).", ["A", "B", "C"]),
    ("X, now aged 14, moved to a new placement.", ["X"]),
    ("The mother, M, did not attend the hearing.", ["M"]),
    ("The child's father (F2) has played no part.", ["F2"]),
    ("the boy ('K') was later placed with his aunt.", ["K"]),
    ("The mother is M and the father is not known.", ["M"]),
    ("AB told her teacher that her stepfather hit her.", ["AB"]),
    ("JS, her older brother, said he saw bruises.", ["JS"]),
    ("Dr Patel examined D on 4 March.", ["D"]),
    ("C's father was in prison at the time.", ["C"]),
    ("The young person, referred to in this review as \"Q\", was excluded.", ["Q"]),
    ("Police interviewed R alone.", ["R"]),
])
def test_a_letter_used_as_a_person_is_a_person(detect, text, expected):
    assert [p for p in people(detect, text) if p in expected] == expected


@pytest.mark.parametrize("text", [
    "Keeping Children Safe in Education Part A sets out what all staff must know. Annex B has more.",
    "Schedule 2, Part B (2) applies. Vitamin D (10 micrograms) is advised. Plan B was agreed.",
    "The GP said the referral was received. The LA has been notified. The SW reported concerns.",
    "A social worker visited on Monday. A referral was made to MASH. I told the mother I would record it.",
    "He got an A in English and a B in maths. Room C (2) is free. Option C was rejected.",
    "The UK is a signatory. The CPS said no further action. The YP was doing well.",
    "See paragraph 4(a) and (b). Grade A (9) in maths. Type 1 diabetes.",
])
def test_acronyms_labels_and_articles_are_not_letter_names(detect, text):
    assert people(detect, text) == []


def test_every_later_mention_of_a_letter_name_is_found_case_sensitively(detect):
    text = ("B (aged 7) lives with her mother. The school saw bruises on B's arm; B said she fell. "
            "A bruise was seen. Plan B is a placement. b) is a list item.")
    assert people(detect, text) == ["B", "B", "B"]  # not "Plan B", the article "A" or the list "b)"


def test_a_sentence_starting_a_is_the_article_unless_a_cue_says_otherwise(detect):
    text = "A (aged 9) was seen at school. A teacher noticed a mark. Later A said that her dad hit her."
    assert people(detect, text) == ["A", "A"]
    assert people(detect, "A said that her dad hit her. A teacher saw it.") == ["A"]


def test_what_counts_as_letters():
    assert [v for v in ("A", "F1", "AB", "AB2", "I", "GP", "CAMHS", "ABC", "a", "A1B") if is_letter_name(v)] == \
        ["A", "F1", "AB", "AB2"]
    found = [(s, e, cue) for s, e, cue, _, _ in letter_names("The mother, M, said. JS told me.")]
    assert found == [(12, 13, "beside a relative"), (21, 23, "who speaks or acts")]
