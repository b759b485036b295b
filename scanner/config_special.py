"""`config/special_category.yaml`: the UK GDPR Article 9 lexicon (health, ethnicity, religion…).

A Designated Safeguarding Lead or the IG lead edits the YAML file, not code. Every field has a
default, so a missing file loads as an empty lexicon. Validation names the file, the line and
the key (`scanner.config.load_model`).
"""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

from scanner.config_base import Strict
from scanner.types import SPECIAL_CATEGORY_TYPES

_TERM = re.compile(r"^[\w'’\-–=./&+:(), ]+$", re.UNICODE)


def _check_term(value: str) -> str:
    if not value.strip():
        raise ValueError(f"empty term {value!r}")
    if not _TERM.match(value):
        raise ValueError(f"term {value!r}: only words, spaces, hyphens, apostrophes, brackets and / . , : & + are allowed")
    return value


def _check_pattern(value: str) -> str:
    try:
        compiled = re.compile(value)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression {value!r} ({exc})") from None
    if compiled.match(""):
        raise ValueError(f"regular expression {value!r} matches the empty string")
    return value


# Validated one by one, so that an error names the item and its line ("terms[4]").
Term = Annotated[str, AfterValidator(_check_term)]
Terms = tuple[Term, ...]
Regex = Annotated[str, AfterValidator(_check_pattern)]


class Rule(Strict):
    """Terms that are special-category data only in context.

    With `followed_by` or `preceded_by`, one of those words must come within `max_gap` words after
    (or before) the term, in the same sentence ("Pakistani" + "heritage"; "attends" + "mosque").
    `not_followed_by` / `not_preceded_by` (within `max_gap` words) cancel a match ("Catholic" +
    "school"; "in" + "Unison"). `extend` grows the finding to cover the context word.
    `match_case` compares the term exactly as written ("Unite", not "unite"); no inflections then.
    """

    terms: Terms = Field(min_length=1)
    match_case: bool = False
    followed_by: Terms = ()
    preceded_by: Terms = ()
    not_followed_by: Terms = ()
    not_preceded_by: Terms = ()
    max_gap: int = Field(2, ge=0, le=8)
    extend: bool = False
    score: float = Field(0.75, gt=0, le=1)


class TypeLexicon(Strict):
    """The words of one Article 9 type."""

    label: str = ""  # for explanations: "health condition or treatment"
    # Found wherever they appear, any case; plurals and verb forms are generated ("allergy" → "allergies").
    terms: Terms = ()
    # Found exactly as written (abbreviations that are also everyday words: "SEND", "ADD").
    case_terms: Terms = ()
    rules: tuple[Rule, ...] = ()
    # Form labels: "Ethnicity: Any other mixed background" → the value after the label.
    labels: Terms = ()
    # Phrases whose next few words name something of this type: "diagnosed with Perthes disease".
    introducers: Terms = ()
    # Python regular expressions over the raw text, case-insensitive ("22q11.2 deletion").
    patterns: tuple[Regex, ...] = ()
    score: float = Field(0.85, gt=0, le=1)


class Types(Strict):
    """One lexicon per Article 9 type; any other key is an error."""

    HEALTH: TypeLexicon = TypeLexicon()
    ETHNICITY: TypeLexicon = TypeLexicon()
    RELIGION: TypeLexicon = TypeLexicon()
    SEXUALITY: TypeLexicon = TypeLexicon()
    POLITICAL_OPINION: TypeLexicon = TypeLexicon()
    TRADE_UNION: TypeLexicon = TypeLexicon()
    GENETIC: TypeLexicon = TypeLexicon()
    BIOMETRIC: TypeLexicon = TypeLexicon()

    def items(self) -> list[tuple[str, TypeLexicon]]:
        return [(name, getattr(self, name)) for name in SPECIAL_CATEGORY_TYPES]


assert tuple(Types.model_fields) == SPECIAL_CATEGORY_TYPES


class SpecialCategoryConfig(Strict):
    types: Types = Types()
    # Just before a term in the same sentence: text about people in general, or about no one
    # ("children with autism", "such as", "any allergies"). The term is not a finding.
    generic_before: Terms = ()
    generic_window: int = Field(5, ge=0, le=12)
    # Just after a term: a group, not a person ("Muslim pupils", "autistic children").
    generic_after: Terms = ()
    # Immediately before a term: everyday exaggeration ("so OCD", "a bit autistic").
    hyperbole: Terms = ()
    # Immediately before a term (one word may come between): the thing is absent ("no known allergies").
    negation: Terms = ()
    # Form values that say nothing ("Religion: none", "Ethnicity: prefer not to say").
    empty_values: Terms = ()
    # Between a form label and its value: "Ethnicity: …", "Ethnicity recorded as …".
    label_separators: Terms = (":", "-", "–", "=")
    # Words that end the value taken after an introducer ("diagnosed with asthma in 2019").
    stop_words: Terms = ()
    # Titles before a name: "Mrs White", "Mr Christian" are people, not data.
    honorifics: Terms = ()
    max_value_words: int = Field(5, ge=1, le=12)

