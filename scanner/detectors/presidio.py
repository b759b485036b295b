"""The only module that builds Presidio's AnalyzerEngine; RecognizerResult → Finding.

Presidio runs its recognizers over the spaCy pass the scanner already made (passed in as
NlpArtifacts), so the model runs once per chunk, not once per recognizer or per call.
"""
from __future__ import annotations

import logging
from typing import ClassVar, Iterable, Sequence

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine

from scanner.detectors.base import Chunk, finding
from scanner.detectors.context import TwoSidedContextEnhancer
from scanner.errors import DetectionError
from scanner.types import Finding

class _TimeoutWatch(logging.Handler):
    """Presidio logs a warning and skips a pattern whose regex times out, so that text would pass
    unchecked. This handler notices; the detector then fails, and the document is held."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.timeouts = 0

    def emit(self, record: logging.LogRecord) -> None:
        if "timed out" in record.getMessage():
            self.timeouts += 1


_PRESIDIO_LOG = logging.getLogger("presidio-analyzer")
_PRESIDIO_LOG.setLevel(logging.WARNING)
_PRESIDIO_LOG.propagate = False  # its registry warnings are noise; what matters is caught below
_WATCH = _TimeoutWatch()
_PRESIDIO_LOG.addHandler(_WATCH)


class SharedSpacyEngine(NlpEngine):
    """Presidio's view of our already-loaded spaCy pipeline. It never processes text itself."""

    def __init__(self, nlp) -> None:  # noqa: ANN001
        self.nlp = nlp
        self._stop = nlp.Defaults.stop_words

    def load(self) -> None:
        pass

    def is_loaded(self) -> bool:
        return True

    def get_supported_entities(self) -> list[str]:
        return ["PERSON", "LOCATION"]

    def get_supported_languages(self) -> list[str]:
        return ["en"]

    def process_text(self, text, language):  # noqa: ANN001
        raise RuntimeError("ShareGuard passes NlpArtifacts; Presidio must not run spaCy again")

    def process_batch(self, texts, language, batch_size=1, n_process=1, **kwargs):  # noqa: ANN001
        raise RuntimeError("ShareGuard passes NlpArtifacts; Presidio must not run spaCy again")

    def is_stopword(self, word: str, language: str) -> bool:
        return word in self._stop

    def is_punct(self, word: str, language: str) -> bool:
        return len(word) == 1 and not word.isalnum()

    def artifacts(self, doc) -> NlpArtifacts:  # noqa: ANN001
        # Lower-cased token text stands in for lemmas: the lemmatizer is not run (speed), and
        # context words are matched on word starts, which covers plurals. Words are read only
        # around findings (TwoSidedContextEnhancer), so they are not all built up front.
        artifacts = NlpArtifacts(
            entities=[], tokens=doc, tokens_indices=doc.to_array("IDX").tolist(),
            lemmas=_LowerWords(doc), nlp_engine=None, language="en",
        )
        artifacts.nlp_engine = self  # after construction: Presidio's keyword list is not needed
        return artifacts


class _LowerWords(Sequence[str]):
    """The lower-cased text of a Doc's tokens, computed on access."""

    def __init__(self, doc) -> None:  # noqa: ANN001
        self._doc = doc

    def __len__(self) -> int:
        return len(self._doc)

    def __getitem__(self, i):  # noqa: ANN001, ANN204
        return self._doc[i].lower_


class PresidioDetector:
    """Runs every configured Presidio recognizer over a chunk and converts the results."""

    name: ClassVar[str] = "presidio"

    def __init__(self, nlp, recognizers: list, min_score: float) -> None:  # noqa: ANN001
        self._nlp_engine = SharedSpacyEngine(nlp)
        registry = RecognizerRegistry(recognizers=recognizers, supported_languages=["en"])
        self._engine = AnalyzerEngine(
            registry=registry, nlp_engine=self._nlp_engine, supported_languages=["en"],
            context_aware_enhancer=TwoSidedContextEnhancer(), default_score_threshold=min_score,
        )
        self.produces = frozenset(e for r in recognizers for e in r.supported_entities)

    def detect(self, chunk: Chunk) -> Iterable[Finding]:
        before = _WATCH.timeouts
        results = self._engine.analyze(
            chunk.text, language="en", nlp_artifacts=self._nlp_engine.artifacts(chunk.doc),
            return_decision_process=True,  # keeps the explanation that every finding carries
        )
        if _WATCH.timeouts != before:
            raise DetectionError("a pattern timed out, so part of the text went unchecked")
        for r in results:
            explanation = r.analysis_explanation
            recognizer = r.recognition_metadata.get("recognizer_name", "presidio")
            why = _explain(explanation, r.entity_type)
            yield finding(chunk, r.start, r.end, r.entity_type, r.score, f"presidio.{recognizer}", why)


def _explain(explanation, entity_type: str) -> str:  # noqa: ANN001
    if explanation is None:
        return f"matched the {entity_type} pattern"
    text = explanation.textual_explanation or f"matched pattern '{explanation.pattern_name}'"
    if explanation.validation_result is True:
        text += "; check digit valid"
    if explanation.supportive_context_word:
        text += f"; context word '{explanation.supportive_context_word}' nearby"
    return text
