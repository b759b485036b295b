"""The model's own `attribute_ruler` rules, applied by table look-up instead of by its Matcher.

The attribute ruler maps each fine-grained tag to its coarse part of speech and morphology,
plus a few word exceptions ("n't" → lemma "not"). spaCy runs it as a Matcher over every token
and sets attributes token by token: on the parsed sentences that was 20 % of the parse, more
than the tagger and lemmatizer together. Its rules only look at a token's tag, its lower-case
form and whether it is a space (the few that look at the dependency label cannot match before
the parser runs, as in this pipeline), so the outcome for a token is fixed by those three
values: it is worked out once per distinct (form, tag) and written with one `Doc.from_array`.
Same rules, same order ("later rules have precedence"), same result — the tests compare the
two on real text.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.tokens._retokenize import normalize_token_attrs

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

KNOWN = {"TAG", "LOWER", "IS_SPACE", "DEP"}
COLUMNS = [POS, MORPH, LEMMA, TAG]
Key = tuple[str, str, bool]


class TableAttributes:
    """A drop-in for the loaded `attribute_ruler` (Doc → Doc) over Docs that are not yet parsed."""

    def __init__(self, ruler: "AttributeRuler") -> None:
        vocab = ruler.vocab
        self._strings = vocab.strings
        self._rules: list[tuple[int, list[dict[str, Any]], int, dict[int, int]]] = []
        for order, entry in enumerate(ruler.patterns):
            attrs = normalize_token_attrs(vocab, dict(entry["attrs"]))
            for pattern in entry["patterns"]:
                unknown = {k for token in pattern for k in token} - KNOWN
                if unknown:
                    raise ValueError(f"attribute_ruler pattern uses {sorted(unknown)}: use the component itself")
                self._rules.append((order, pattern, entry["index"], attrs))
        self._multi = [r for r in self._rules if len(r[1]) > 1]
        self._single = [r for r in self._rules if len(r[1]) == 1]
        self._rows: dict[tuple[int, int, int], tuple[Key, list[int], list[bool], tuple[int, ...]]] = {}

    def __call__(self, doc: "Doc") -> "Doc":
        if not len(doc):
            return doc
        known = [self._known(tuple(row)) for row in doc.to_array([LOWER, TAG, IS_SPACE]).tolist()]
        values = numpy.array([k[1] for k in known], dtype="uint64")
        sets = numpy.array([k[2] for k in known], dtype=bool)
        array = numpy.where(sets, values, doc.to_array(COLUMNS).astype("uint64"))
        if any(k[3] for k in known):  # a two-word exception may start here ("gon na", "let 's")
            self._multi_words(known, array)
        doc.from_array(COLUMNS, array)
        return doc

    def _multi_words(self, known, array) -> None:  # noqa: ANN001
        keys = [k[0] for k in known]
        for m in {m for k in known for m in k[3]}:
            order, pattern, index, attrs = self._multi[m]
            n = len(pattern)
            for i in range(len(keys) - n + 1):
                if m in known[i][3] and all(_accepts(c, keys[i + j]) for j, c in enumerate(pattern[1:], 1)):
                    target = i + (index if index >= 0 else n + index)
                    value, set_ = _merged(self._for(keys[target]) + [(order, attrs)])
                    array[target] = numpy.where(set_, numpy.array(value, dtype="uint64"), array[target])

    def pipe(self, docs, batch_size: int = 0):  # noqa: ANN001, ANN201 - the spaCy component protocol
        for doc in docs:
            yield self(doc)

    def _known(self, row: tuple[int, int, int]) -> tuple[Key, list[int], list[bool], tuple[int, ...]]:
        """For one (lower, tag, space) of hashes: the key, what the one-token rules set, and which
        multi-word rules may start on it. Worked out once per distinct row."""
        found = self._rows.get(row)
        if found is None:
            lower, tag, space = row
            key = (self._strings[lower], self._strings[tag] if tag else "", bool(space))
            value, set_ = _merged(self._for(key))
            starts = tuple(m for m, (_, pattern, _, _) in enumerate(self._multi) if _accepts(pattern[0], key))
            found = self._rows[row] = (key, value, set_, starts)
        return found

    def _for(self, key: Key) -> list[tuple[int, dict[int, int]]]:
        return [(order, attrs) for order, (cond,), _, attrs in self._single if _accepts(cond, key)]


def _merged(rules: list[tuple[int, dict[int, int]]]) -> tuple[list[int], list[bool]]:
    """The values these rules give each column, applied in order (later rules win), and which
    columns they set at all."""
    values, sets = [0] * len(COLUMNS), [False] * len(COLUMNS)
    for _, attrs in sorted(rules, key=lambda r: r[0]):
        for c, attr in enumerate(COLUMNS):
            if attr in attrs:
                values[c], sets[c] = int(attrs[attr]), True
    return values, sets


def _accepts(cond: dict[str, Any], key: Key) -> bool:
    lower, tag, space = key
    values = {"LOWER": lower, "TAG": tag, "IS_SPACE": space, "DEP": ""}  # no parse yet: no dependency label
    for name, want in cond.items():
        have = values[name]
        if isinstance(want, dict):
            if "IN" in want and have not in want["IN"]:
                return False
            if "NOT_IN" in want and have in want["NOT_IN"]:
                return False
            if "REGEX" in want and not re.search(want["REGEX"], str(have)):
                return False
            if set(want) - {"IN", "NOT_IN", "REGEX"}:
                raise ValueError(f"attribute_ruler operator {sorted(want)} is not supported")
        elif name == "DEP" or have != want:
            return False
    return True
