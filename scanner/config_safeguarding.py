"""`config/safeguarding.yaml`: the words of safeguarding concerns and of practice checks.

A DSL edits this file, not code. Terms are written in their base form ("bruise", "go
missing"); they match every inflection ("bruised", "went missing"). `...` in a term stands for
up to three words ("lock ... in room"). Validation names the file, the line and the problem.
"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from scanner.config_base import Strict
from scanner.types import SAFEGUARDING_CATEGORIES

Severity = Literal["low", "medium", "high"]
_TERM = re.compile(r"^[\w'’\-./&+ ]+$", re.UNICODE)


def _check_terms(values: tuple[str, ...]) -> tuple[str, ...]:
    for value in values:
        words = value.split()
        if not words or all(w == "..." for w in words):
            raise ValueError(f"empty term {value!r}")
        if words[0] == "..." or words[-1] == "...":
            raise ValueError(f"term {value!r} may not start or end with '...'")
        if not _TERM.match(value):
            raise ValueError(f"term {value!r}: only words, hyphens, apostrophes and '...' are allowed")
    return values


class Term(Strict):
    """A term with its own severity (written `{term: strangle, severity: high}`)."""

    term: str
    severity: Severity

    @field_validator("term")
    @classmethod
    def _valid(cls, value: str) -> str:
        _check_terms((value,))
        return value


class Category(Strict):
    label: str
    severity: Severity
    # Words and phrases that are a concern wherever they are used (polarity still applies).
    terms: tuple[str | Term, ...] = ()
    # Verbs that are a concern only when done to a person or a part of the body
    # ("hit her", "was kicked", "punched him in the face"; not "kicked the ball").
    actions: tuple[str | Term, ...] = ()
    # When set, an action is this category only when done to one of these people ("hit mum").
    victims: tuple[str, ...] = ()

    @field_validator("terms", "actions")
    @classmethod
    def _valid(cls, values: tuple[str | Term, ...]) -> tuple[str | Term, ...]:
        _check_terms(tuple(v for v in values if isinstance(v, str)))
        return values

    def entries(self, field: str) -> list[tuple[str, str]]:
        """(term, severity) pairs of `terms` or `actions`."""
        return [(v, self.severity) if isinstance(v, str) else (v.term, v.severity) for v in getattr(self, field)]


class Cues(Strict):
    """Words around a term that change what it means."""

    # Reported speech and concern: raise confidence that a real disclosure is recorded.
    disclosure: tuple[str, ...] = ()
    # Before a term in the same clause: "no", "denied", "no evidence of".
    negation: tuple[str, ...] = ()
    # After a term in the same clause: "ruled out", "not seen".
    negation_after: tuple[str, ...] = ()
    # In the clause that tells what became of a report of the concern: "allegations that dad hit
    # him were found to be unfounded", "the referral was not substantiated".
    disproved: tuple[str, ...] = ()
    # Policy, training and general text: "signs of", "should", "if a child".
    hypothetical: tuple[str, ...] = ()
    # Openers of a condition: the term inside is not a fact ("if", "unless").
    conditional: tuple[str, ...] = ()
    # People in general, not anyone in particular ("staff", "children", "a child").
    generic_people: tuple[str, ...] = ()
    # Words that end the reach of a cue: "but", "however", "because".
    terminators: tuple[str, ...] = ()

    @field_validator("*")
    @classmethod
    def _valid(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        return _check_terms(values)


class PracticeConfig(Strict):
    """Confidentiality promises and leading questions (policy: never promise secrecy; record the
    child's own words; ask open questions)."""

    severity: Severity = "medium"
    # What a promise of secrecy is about: "keep it secret", "between us", "not tell anyone".
    secrecy: tuple[str, ...] = ()
    # Verbs and phrases by which staff give their word: "promise", "reassure", "agree".
    promise: tuple[str, ...] = ()
    # The right thing: "could not keep", "would have to share", "explained that I".
    proper: tuple[str, ...] = ()
    # Question openings that are open: "what", "how", "tell me", "can you tell me".
    open_openers: tuple[str, ...] = ()
    # Words in a closed question that put an answer in the child's mouth: a person or an act.
    suggestive: tuple[str, ...] = ()
    # A sentence with one of these is about practice, not a record of it ("avoid leading
    # questions such as 'Did he hurt you?'", "never promise to keep a secret").
    examples: tuple[str, ...] = ()

    @field_validator("secrecy", "promise", "proper", "open_openers", "suggestive", "examples")
    @classmethod
    def _valid(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        return _check_terms(values)


class SafeguardingConfig(Strict):
    categories: dict[str, Category] = {}
    # Everyday phrases that contain a term but are no concern ("kill time", "cut out shapes").
    everyday: tuple[str, ...] = ()
    # Who harm is done to: people words beyond pronouns and names ("baby", "sister").
    people: tuple[str, ...] = ()
    # Parts of the body ("punched him in the face", "bruise on her arm").
    body_parts: tuple[str, ...] = ()
    cues: Cues = Cues()
    practice: PracticeConfig = PracticeConfig()
    min_score: float = Field(0.5, ge=0, le=1)

    @field_validator("categories")
    @classmethod
    def _known(cls, value: dict[str, Category]) -> dict[str, Category]:
        unknown = sorted(set(value) - set(SAFEGUARDING_CATEGORIES))
        if unknown:
            raise ValueError(f"unknown category {unknown[0]!r} (the categories are: {', '.join(SAFEGUARDING_CATEGORIES)})")
        return value

    @field_validator("everyday", "people", "body_parts")
    @classmethod
    def _valid(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        return _check_terms(values)

    @model_validator(mode="after")
    def _some_terms(self) -> "SafeguardingConfig":
        for name, category in self.categories.items():
            if not category.terms and not category.actions:
                raise ValueError(f"category {name!r} has no terms and no actions")
        return self
