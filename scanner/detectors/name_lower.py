"""Names in notes typed without capitals: "spoke to kayden and his nan sharon", "mum (tracey)".

A lower-case word written beside a family word ("nan sharon", "kayden and his nan") is a name when
it is no English word: not in the model's own index of English words and their forms (passed in
as `english`), not a stop word, not a word the name detector already knows is never a name, and
not a note-taker's abbreviation ("mum appt", "dad (tbc)"). Names that are also English words
("grace", "john") are left to the model.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from scanner.detectors.letters import NOT_LETTER_NAMES
from scanner.detectors.name_words import KIN, NOT_A_NAME, NOT_NAME_WORDS, NOTE_ABBREVIATIONS
from scanner.detectors.windowed import Folded, windows

MARGIN = 80  # characters around a family word that hold the name beside it

KIN_WORD = re.compile(rf"(?i)\b(?:{KIN})\b")
_KIN_TRIGGER = Folded(rf"\b(?:{KIN})\b")
_NOT_LOWER_NAMES = NOT_A_NAME | NOT_NAME_WORDS | NOTE_ABBREVIATIONS
_LOWER = r"[a-z][a-z'’\-]*[a-z]"
_LOWER_KIN = re.compile(rf"(?i:\b(?:{KIN}))[ \t]+(?:\(({_LOWER})\)|({_LOWER}))(?![\w'’\-])"
                        rf"|(?<![\w'’\-])({_LOWER})[ \t]+and[ \t]+(?:his|her|their)[ \t]+(?=(?i:{KIN})\b)")


def after_kin(text: str, start: int, end: int) -> int:
    """"nan sharon" -> "sharon": the family word before a lower-case name is not part of it."""
    m = KIN_WORD.match(text, start, end)
    if m and m.end() < end and text[m.end()] == " ":
        return m.end() + 1
    return start


def _stems(word: str) -> list[str]:
    """The word and what it is without an English ending: "says" -> "say", "crying" -> "cry"."""
    stems = [word]
    for ending, back in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""),
                         ("ies", "y"), ("ied", "y"), ("er", ""), ("est", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stems.append(word[: len(word) - len(ending)] + back)
    return stems


def lower_case_names(text: str, english: frozenset[str], stop: frozenset[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each lower-case name beside a family word; nothing without an English index."""
    if not english:
        return
    for lo, hi in windows(text, _KIN_TRIGGER, MARGIN):
        for match in _LOWER_KIN.finditer(text, lo, hi):
            group = next(g for g in (1, 2, 3) if match.group(g))
            if unknown_word(match.group(group), english, stop):
                yield match.start(group), match.end(group)


def unknown_word(word: str, english: frozenset[str], stop: frozenset[str]) -> bool:
    """A word of three letters or more, with a vowel, that is no English word, stop word or abbreviation."""
    if len(word) < 3 or not re.search(r"[aeiouy]", word) or word in stop or word in _NOT_LOWER_NAMES \
            or word.upper() in NOT_LETTER_NAMES:
        return False
    return not any(stem in english for stem in _stems(word))
