"""The expensive part of spaCy, only where it is needed.

The scan runs the tokenizer and `ner` over all text. Reading a concern ("she told me her
stepdad hits her" vs "kicked the ball", "no marks seen") needs lemmas and the dependency
parse, which cost as much again. So a detector first finds trigger tokens cheaply
(`Lexicon.triggers`), then asks `DeepReader.sentences()` for the sentences around them: the
reader copies the passage around each trigger out of the chunk's Doc (`_copy`, keeping its
tokens and entities), runs the remaining components of the same loaded model over those
passages in one batch, and caches them on the chunk's Doc, so the safeguarding and practice
detectors share one parse. No second model, no second tokenization.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from spacy.attrs import ENT_IOB, ENT_TYPE, ORTH, SPACY
from spacy.tokens import Doc

from scanner.detectors.attributes import TableAttributes
from scanner.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

CACHE_KEY = "shareguard.deep"
MAX_PASSAGE = 800  # characters around a trigger at most, when a sentence runs on
COPIED = [ORTH, SPACY, ENT_IOB, ENT_TYPE]  # what a passage keeps of the chunk's tokens
BREAKS = (". ", "? ", "! ", "; ", ".\t", "?\t")


@dataclass(frozen=True)
class Sentence:
    """A parsed sentence and where it starts in the chunk's text."""

    span: "Span"
    offset: int  # chunk offset of the passage Doc the span belongs to

    @property
    def start(self) -> int:
        return self.offset + self.span.start_char

    @property
    def end(self) -> int:
        return self.offset + self.span.end_char

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """Chunk offsets of the tokens [start, end) of the passage Doc."""
        doc = self.span.doc
        last = doc[end - 1]
        return self.offset + doc[start].idx, self.offset + last.idx + len(last.text)


class DeepReader:
    """Runs `components` of the loaded model over the passages detectors ask for, once per chunk."""

    def __init__(self, nlp: "Language", components: Sequence[str]) -> None:
        missing = [c for c in components if c not in nlp.component_names]
        if missing:
            raise ConfigError("shareguard.yaml", "nlp.deep_components", f"model has no component {missing[0]!r} "
                              f"(it has: {', '.join(nlp.component_names)})")
        self._procs = [_fast(nlp.get_pipe(name)) if name == "attribute_ruler" else nlp.get_pipe(name) for name in components]
        self.components = tuple(components)

    def prefetch(self, requests: Iterable[tuple["Doc", str, Iterable[int]]]) -> None:
        """Parse, in one batch, the passages around these tokens of many chunks' Docs: the model
        runs fastest over many passages at once (a detection batch holds dozens of chunks)."""
        self._fill([(doc, _passages(doc, text, tokens)) for doc, text, tokens in requests])

    def sentences(self, doc: "Doc", text: str, tokens: Iterable[int]) -> list[Sentence]:
        """The parsed sentences holding these token indexes of the chunk's Doc, in text order."""
        wanted = _passages(doc, text, tokens)
        self._fill([(doc, wanted)])  # nothing to do when `prefetch` already ran for this chunk
        cache = doc.user_data[CACHE_KEY]
        out: dict[tuple[int, int], Sentence] = {}
        for key, chars in wanted.items():
            if cache.get(key) is None:
                continue
            offset, passage = cache[key]
            for sent in passage.sents:
                if any(offset + sent.start_char <= c < offset + sent.end_char for c in chars):
                    out[(offset + sent.start_char, offset + sent.end_char)] = Sentence(sent, offset)
        return [out[k] for k in sorted(out)]

    def _fill(self, wanted: list[tuple["Doc", dict[tuple[int, int], list[int]]]]) -> None:
        """Parse every passage not yet in its Doc's cache, all in one batch."""
        todo: list[tuple[dict, tuple[int, int], "Span"]] = []
        copies: list["Doc"] = []
        for doc, passages in wanted:
            cache = doc.user_data.setdefault(CACHE_KEY, {})
            array = None
            for key in passages:
                if key not in cache:
                    span = doc.char_span(*key, alignment_mode="expand")
                    cache[key] = None  # asked for: parsed below, or no tokens there
                    if span is not None and len(span):
                        if array is None:  # the chunk's token array once, not once per passage
                            array = doc.to_array(COPIED)
                        todo.append((cache, key, span))
                        copies.append(_copy(doc, array, span.start, span.end))
        if todo:
            for (cache, key, span), passage in zip(todo, self._parse(copies)):
                cache[key] = (span.start_char, passage)

    def _parse(self, docs: list["Doc"]) -> list["Doc"]:
        for proc in self._procs:
            docs = list(proc.pipe(docs))
        return docs


def _copy(doc: "Doc", array, start: int, end: int) -> "Doc":  # noqa: ANN001
    """Tokens [start, end) of the chunk's Doc as a Doc of their own, with their entities: what
    `Span.as_doc` gives for an unparsed Doc, without re-reading the whole chunk for every passage."""
    strings = doc.vocab.strings
    rows = array[start:end].tolist()
    iob = {1: "I-", 3: "B-"}
    ents = [iob[i] + strings[t] if i in iob else ("O" if i == 2 else None) for _, _, i, t in rows]
    if ents and ents[0] and ents[0].startswith("I-"):  # an entity cut by the passage start begins here
        ents[0] = "B-" + ents[0][2:]
    return Doc(doc.vocab, words=[strings[o] for o, _, _, _ in rows], spaces=[bool(sp) for _, sp, _, _ in rows], ents=ents)


def _fast(ruler):  # noqa: ANN001, ANN202
    """The attribute ruler as a table look-up (`attributes.py`, same rules, same result), unless
    its rules need more than a token's form and tag."""
    try:
        return TableAttributes(ruler)
    except ValueError:
        return ruler


def _passages(doc: "Doc", text: str, tokens: Iterable[int]) -> dict[tuple[int, int], list[int]]:
    """Passage (start, end) → the character offsets of the tokens it was asked for."""
    wanted: dict[tuple[int, int], list[int]] = {}
    for i in tokens:
        char = doc[i].idx
        wanted.setdefault(_passage(text, char), []).append(char)
    return wanted


def _passage(text: str, char: int) -> tuple[int, int]:
    """The sentence around `char`, by punctuation and line breaks (the parser then splits it
    properly); at most MAX_PASSAGE characters."""
    line_start = text.rfind("\n", 0, char) + 1
    line_end = text.find("\n", char)
    line_end = len(text) if line_end < 0 else line_end
    half = MAX_PASSAGE // 2
    lo, hi = max(line_start, char - half), min(line_end, char + half)
    cut = max((text.rfind(b, lo, char) for b in BREAKS), default=-1)
    if cut >= lo:
        lo = cut + 2
    cut = min((i for i in (text.find(b, char, hi) for b in BREAKS) if i >= 0), default=-1)
    if cut >= 0:
        hi = cut + 1
    return lo, hi
