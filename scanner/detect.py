"""Detection: one spaCy pass per chunk of text, every configured detector over it, merged.

The model is loaded once (`Detection.load`) with only the components the detectors need;
a batch of documents goes through `nlp.pipe` together. Text longer than `chunk_chars` is cut
into overlapping chunks: each chunk owns the middle of its overlaps, so a finding across a
boundary is reported once, by the chunk that sees it whole, and memory stays bounded.
"""
from __future__ import annotations

import dataclasses
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Sequence

import spacy

from scanner.blas import use_backend
from scanner.config import Config
from scanner.detectors import load_builtins
from scanner.detectors.base import Chunk
from scanner.detectors.deep import DeepReader
from scanner.detectors.lexicon import Inflector, english_words
from scanner.detectors.merge import AllowList, resolve
from scanner.detectors.name_propagation import propagate
from scanner.detectors.presidio import PresidioDetector
from scanner.detectors.registry import build_detector, detectors, recognizers
from scanner.errors import ConfigError
from scanner.types import Document, Finding

if TYPE_CHECKING:
    from spacy.tokens import Doc


PART_OVERLAP = 400  # characters shared by neighbouring parts of a document split between processes


@dataclass(frozen=True)
class Span:
    offset: int
    text: str
    own_start: int  # findings starting in [own_start, own_end) belong to this chunk
    own_end: int


def split(text: str, size: int, overlap: int) -> list[Span]:
    """Cut `text` into chunks of at most `size` characters overlapping by `overlap`."""
    if len(text) <= size:
        return [Span(0, text, 0, len(text))]
    spans, start, half = [], 0, overlap // 2
    while True:
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind(" ", start + size - overlap // 4, end)
            end = cut if cut > start else end
        last = end >= len(text)
        own_start = 0 if start == 0 else start + half
        own_end = len(text) if last else end - half
        spans.append(Span(start, text[start:end], own_start, own_end))
        if last:
            return spans
        start = end - overlap


class Detection:
    """The loaded model and detectors; `detect()` maps documents to their findings."""

    def __init__(self, config: Config, nlp) -> None:  # noqa: ANN001
        self.config = config
        self.nlp = nlp
        settings = config.detectors
        load_builtins()
        switches = settings.detectors
        unknown = sorted(set(switches) - set(detectors.get_all()) - set(recognizers.get_all()))
        if unknown:
            raise ConfigError(str(config.directory / "detectors.yaml"), f"detectors.{unknown[0]}", f"unknown detector (known: "
                              f"{', '.join(sorted(set(detectors.get_all()) | set(recognizers.get_all())))})")
        enabled = {name: s for name, s in switches.items() if s.enabled}
        recs = []
        for name, switch in enabled.items():
            if name in recognizers.get_all():
                params = switch.params()
                if name == "case_reference":
                    params = {"patterns": [p.model_dump() for p in settings.case_references]}
                recs.extend(recognizers.get(name)(**params))
        # Data a detector needs, passed in: detectors do no I/O and load nothing.
        data: dict[str, dict] = {
            "names": {"places": config.places.places, "stopwords": nlp.Defaults.stop_words,
                      "english": english_words(nlp, irregular=True)},
            "special_category": {"lexicon": config.special, "nlp": nlp},
        }
        self._reader: DeepReader | None = None
        if {"safeguarding", "practice"} & set(enabled):
            # one parse per batch and one table of word forms, shared by both detectors
            self._reader = DeepReader(nlp, config.engine.nlp.deep_components)
            shared = {"reader": self._reader, "nlp": nlp, "inflector": Inflector(nlp)}
            data["safeguarding"] = {"lexicon": config.safeguarding, **shared}
            data["practice"] = {"lexicon": config.safeguarding.practice, **shared}
        self.detectors = [
            build_detector(n, **{**enabled[n].params(), **data.get(n, {})}) for n in enabled if n in detectors.get_all()
        ]
        if recs:
            self.detectors.insert(0, PresidioDetector(nlp, recs, settings.min_score))
        self._deep = [d for d in self.detectors if hasattr(d, "wanted")]  # detectors that read parsed sentences
        self.allow = AllowList(settings.allow_list)
        self.min_score = settings.min_score
        self._stop = frozenset(nlp.Defaults.stop_words)

    @classmethod
    def load(cls, config: Config) -> "Detection":
        nlp_cfg = config.engine.nlp
        try:
            nlp = spacy.load(nlp_cfg.model)
        except OSError as exc:
            raise ConfigError(str(config.directory / "shareguard.yaml"), "nlp.model", f"cannot load spaCy model {nlp_cfg.model!r} ({exc})") from None
        missing = [c for c in nlp_cfg.components if c not in nlp.pipe_names]
        if missing:
            raise ConfigError(str(config.directory / "shareguard.yaml"), "nlp.components", f"model has no component {missing[0]!r} "
                              f"(it has: {', '.join(nlp.pipe_names)})")
        nlp.select_pipes(enable=list(nlp_cfg.components))
        use_backend(nlp, nlp_cfg.matrix_backend)
        nlp.max_length = max(nlp.max_length, nlp_cfg.chunk_chars + 1)
        return cls(config, nlp)

    def detect(self, documents: Sequence[Document]) -> list[tuple[Finding, ...]]:
        """Findings for each document, in order. One `nlp.pipe` over all their chunks."""
        jobs = [(i, span) for i, d in enumerate(documents) for span in self.spans(d)]
        per_doc: list[list[Finding]] = [[] for _ in documents]
        for (i, _), raw in zip(jobs, self.scan([(documents[i], span) for i, span in jobs])):
            per_doc[i].extend(raw)
        return [self.finish(d, raw) for d, raw in zip(documents, per_doc)]

    def spans(self, document: Document, parts: int = 1) -> list[Span]:
        """The chunks to scan: at most `chunk_chars` each, and at least `parts` of them when the
        document is to be shared between `parts` processes."""
        cfg = self.config.engine.nlp
        size, overlap = cfg.chunk_chars, cfg.chunk_overlap
        if parts > 1:
            overlap = min(overlap, PART_OVERLAP)
            size = min(size, max(2 * overlap, -(-len(document.text) // parts) + overlap))
        return split(document.text, size, overlap)

    def scan(self, jobs: Sequence[tuple[Document, Span]]) -> list[list[Finding]]:
        """The raw findings each chunk owns. Detectors see one chunk and its spaCy pass at a time."""
        cfg = self.config.engine.nlp
        out: list[list[Finding]] = [[] for _ in jobs]
        for group in self._pipe([span.text for _, span in jobs], cfg.batch_size, cfg.batch_chars):
            chunks = [(k, Chunk(jobs[k][1].text, jobs[k][1].offset, doc, jobs[k][0])) for k, doc in group]
            if self._reader is not None:
                # the sentences every deep detector will read, for the whole batch, parsed at once
                self._reader.prefetch((c.doc, c.text, d.wanted(c)) for _, c in chunks for d in self._deep)
            for k, chunk in chunks:
                span = jobs[k][1]
                for detector in self.detectors:
                    out[k].extend(f for f in detector.detect(chunk) if span.own_start <= f.start < span.own_end)
        return out

    def _pipe(self, texts: list[str], batch_size: int, batch_chars: int) -> Iterator[list[tuple[int, "Doc"]]]:
        """spaCy Docs for the texts, in batches bounded by count and by characters: a batch of
        5 MB of chunks would hold every Doc and its tensors in memory at once."""
        for group in _batches(list(enumerate(texts)), batch_size, batch_chars):
            pairs = [(text, k) for k, text in group]
            yield [(k, doc) for doc, k in self.nlp.pipe(pairs, as_tuples=True, batch_size=len(pairs))]

    def finish(self, document: Document, raw: list[Finding]) -> tuple[Finding, ...]:
        """Document-level steps over all chunks' findings: threshold, allow-list, names, merge."""
        kept = self.allow.filter(f for f in raw if f.score >= self.min_score)
        kept = self.allow.filter(propagate(document.text, kept, self._stop))
        merged = _people_in_sentences(document.text, resolve(kept))
        return tuple(_locate(document, f) for f in merged)


def _people_in_sentences(text: str, findings: list[Finding]) -> list[Finding]:
    """A concern's `about`: the people the name detectors found in its sentence ("Child R", "Mr D",
    "F" in a judgment), which the model's own entities in that sentence often miss or cut short."""
    people = sorted((f for f in findings if f.type == "PERSON"), key=lambda f: f.start)
    if not people:
        return findings
    starts = [p.start for p in people]
    out = []
    for f in findings:
        if f.excerpt and f.about is not None:
            n = len(f.excerpt)
            at = text.find(f.excerpt, max(0, f.end - n), f.start + n)
            if at >= 0:  # the people starting in the sentence (by bisection: a 5 MB note has thousands of each)
                inside = people[bisect_left(starts, at):bisect_left(starts, at + n)]
                names = tuple(dict.fromkeys(p.text for p in inside if p.end <= at + n))
                f = dataclasses.replace(f, about=names or f.about)
        out.append(f)
    return out


def _batches(items: list[tuple[int, str]], size: int, chars: int) -> Iterator[list[tuple[int, str]]]:
    group: list[tuple[int, str]] = []
    total = 0
    for item in items:
        if group and (len(group) >= size or total + len(item[1]) > chars):
            yield group
            group, total = [], 0
        group.append(item)
        total += len(item[1])
    if group:
        yield group


def _locate(document: Document, f: Finding) -> Finding:
    segment = document.segment_at(f.start)
    return dataclasses.replace(f, where=segment.describe()) if segment else f
