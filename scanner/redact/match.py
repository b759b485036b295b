"""Find every mention of the values being removed, however it is spaced, cased or accented.

A value found once ("943 476 5919", "Sofia Rossi") must go wherever it appears, also as
"9434765919", "SOFIA ROSSI", "Sofia\u00a0Rossi" or split over two lines: a missed second
mention is a leak. The writers and the verifier use this one matcher, so what the verifier
looks for is exactly what the writers remove.

Text is *folded* (lower case, accents and curly apostrophes dropped) one character for one
character, so an offset in the folded text is the same offset in the original. A value
becomes its *key*: folded, with separators (spaces, hyphens, dots, slashes, soft hyphens)
removed; it matches wherever its characters appear in order with only separators between
them, and not inside a longer word or number ("Ann" is not found in "Annual").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Sequence

# What may sit between the characters of a value without making it another value: spaces,
# hyphens, dots, slashes, invisible characters, and the control and replacement characters a
# PDF font without a Unicode map gives for a space (the same page reads "\x02" one way, "\ufffd" another).
# Not NUL: UTF-16 read as single bytes has one between every letter, and would run words together.
_GAP_CLASS = r"[\s\x01-\x1f\x7f\ufffd\u00ad\u200b-\u200d\u2060\ufeff\-\u2010-\u2015./]"
MIN_KEY = 2  # a single character is not a value that can be found (it is every "a" in the text)
_GAP = re.compile(_GAP_CLASS)
_BETWEEN = _GAP_CLASS + "*"
_APOSTROPHES = {"\u2018", "\u2019", "\u02bc", "\u00b4", "`"}


@dataclass(frozen=True)
class Target:
    """One value to remove and what replaces it ("Sofia Rossi" → "[Child A]")."""

    value: str
    type: str
    subject: str | None
    replacement: str

    @property
    def key(self) -> str:
        return compact(self.value)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    target: Target


def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHES:
        return "'"
    low = ch.lower()
    if len(low) != 1:
        low = ch
    base = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    return base if len(base) == 1 else low


class _FoldTable(dict):
    """str.translate table filled on first sight of each character (one character for one)."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold_char(chr(code))
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case without accents, the same length as `text` (offsets carry over)."""
    if text.isascii():
        return text.lower()
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowers to two characters: fold each character alone
        lowered = text
    return lowered.translate(_FOLD)


def compact(value: str) -> str:
    """The key a value is known by: folded, separators removed ("943 476 5919" → "9434765919")."""
    return _GAP.sub("", fold(value))


def _pattern(key: str) -> str:
    """The key's characters in order, separators allowed between them, not inside a longer word
    (for a letter) or number (for a digit): "Ann" is not found in "Annual", "5919" not in "59190".

    The check on the character before the value comes after its first character is matched,
    as a two-character look-behind: then every alternative starts with a literal and the
    regex engine skips ahead to the next possible first character (about 15 times faster).
    """
    first = re.escape(key[0])
    rest = "".join(_BETWEEN + re.escape(c) for c in key[1:])
    before = r"(?<![^\W\d_].)" if key[0].isalpha() else r"(?<!\d.)" if key[0].isdigit() else ""
    after = r"(?![^\W\d_])" if key[-1].isalpha() else r"(?!\d)" if key[-1].isdigit() else ""
    return first + before + rest + after


class Matcher:
    """All the targets of one document as one regular expression over folded text."""

    def __init__(self, targets: Sequence[Target]) -> None:
        by_key: dict[str, Target] = {}
        for target in targets:
            by_key.setdefault(target.key, target)  # the first (most specific) label wins
        self.by_key = {k: t for k, t in by_key.items() if len(k) >= MIN_KEY}
        keys = sorted(self.by_key, key=len, reverse=True)  # the longest value wins at a position
        self._regex = re.compile("|".join(_pattern(k) for k in keys)) if keys else None

    @property
    def targets(self) -> tuple[Target, ...]:
        return tuple(self.by_key.values())

    def __bool__(self) -> bool:
        return self._regex is not None

    def only(self, keep: Callable[[Target], bool]) -> "Matcher":
        """A matcher for some of the targets (the byte scan skips very short values)."""
        return Matcher([t for t in self.by_key.values() if keep(t)])

    def hits(self, text: str) -> list[Hit]:
        if self._regex is None or not text:
            return []
        return [Hit(m.start(), m.end(), self.by_key[compact(m.group())]) for m in self._regex.finditer(fold(text))]

    def search(self, text: str) -> Hit | None:
        if self._regex is None or not text:
            return None
        m = self._regex.search(fold(text))
        return Hit(m.start(), m.end(), self.by_key[compact(m.group())]) if m else None

    def replace(self, text: str, style: Callable[[str], str] | None = None) -> tuple[str, list[Hit]]:
        """`text` with every hit replaced by its target's replacement (passed through `style`)."""
        hits = self.hits(text)
        if not hits:
            return text, hits
        out, last = [], 0
        for hit in hits:
            out += [text[last:hit.start], _styled(hit, style)]
            last = hit.end
        out.append(text[last:])
        return "".join(out), hits

    def replace_pieces(self, pieces: Sequence[str], style: Callable[[str], str] | None = None
                       ) -> tuple[list[str], list[Hit]]:
        """Replace across pieces of one run of text (Word runs, HTML text nodes, rich-text runs).

        A value may start in one piece and end in another ("So" + "fia Rossi", split by a
        formatting change): the replacement goes into the piece where it starts and the rest
        of the value is cut from the pieces after, so each piece keeps its own formatting.
        """
        text = "".join(pieces)
        hits = self.hits(text)
        if not hits:
            return list(pieces), hits
        out: list[str] = []
        position, index = 0, 0
        for piece in pieces:
            start, end = position, position + len(piece)
            position = end
            kept, cursor = [], start
            while index < len(hits) and hits[index].start < end:
                hit = hits[index]
                if hit.start >= cursor:
                    kept += [text[cursor:hit.start], _styled(hit, style)]
                cursor = max(cursor, min(hit.end, end))
                if hit.end > end:
                    break  # the value goes on into the next piece
                index += 1
            kept.append(text[cursor:end])
            out.append("".join(kept))
        return out, hits


def _styled(hit: Hit, style: Callable[[str], str] | None) -> str:
    return style(hit.target.replacement) if style else hit.target.replacement
