"""Context words on both sides of a match, found in O(log n) per finding.

Presidio's LemmaContextAwareEnhancer looks only before a match by default, walks the token
list once per finding (findings × tokens: 81 % of the time on a 1 MiB text) and matches
context words as substrings ("b." inside "feb."). UK records often put the label after the
value ("943 476 5919 (NHS)"). This enhancer keeps Presidio's scoring and explanation and
changes only how the surrounding words are found and matched.
"""
from __future__ import annotations

import bisect

from presidio_analyzer import RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer, LemmaContextAwareEnhancer


class TwoSidedContextEnhancer(LemmaContextAwareEnhancer):
    def __init__(self, prefix_words: int = 6, suffix_words: int = 3) -> None:
        super().__init__(context_prefix_count=prefix_words, context_suffix_count=suffix_words)

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):  # noqa: ANN001
        """Presidio's scoring, applied in place: the results are fresh from this analysis, so the
        deep copy Presidio makes of them (a fifth of its time on short notes) buys nothing."""
        by_id = {r.id: r for r in recognizers}
        for result in raw_results:
            metadata = result.recognition_metadata or {}
            recognizer = by_id.get(metadata.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if recognizer is None or not recognizer.context or metadata.get(
                RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY
            ):
                continue
            words = self._extract_surrounding_words(nlp_artifacts, text[result.start : result.end], result.start)
            supportive = self._find_supportive_word_in_context(words, recognizer.context)
            if supportive:
                result.score = min(max(result.score + self.context_similarity_factor,
                                       self.min_score_with_context_similarity), ContextAwareEnhancer.MAX_SCORE)
                if result.analysis_explanation is not None:
                    result.analysis_explanation.set_supportive_context_word(supportive)
                    result.analysis_explanation.set_improved_score(result.score)
        return raw_results

    def _extract_surrounding_words(self, nlp_artifacts, word, start):  # noqa: ANN001
        indices = nlp_artifacts.tokens_indices
        lemmas = nlp_artifacts.lemmas
        if not indices:
            return [""]
        first = bisect.bisect_right(indices, start) - 1
        after = bisect.bisect_left(indices, start + len(word))
        stop = nlp_artifacts.nlp_engine.is_stopword
        return _words(lemmas, range(first - 1, -1, -1), self.context_prefix_count, stop) + _words(
            lemmas, range(after, len(lemmas)), self.context_suffix_count, stop
        )

    @staticmethod
    def _find_supportive_word_in_context(context_list, recognizer_context_list, matching_mode="substring"):  # noqa: ANN001
        # A context word matches a whole word or its start ("birth" in "births"), never its middle.
        for context_word in recognizer_context_list:
            cw = context_word.lower()
            if any(word == cw or (len(cw) > 2 and word.startswith(cw)) for word in context_list):
                return context_word
        return ""


_BOUNDARIES = frozenset({".", "!", "?", ";"})  # not "|": a chronology's event column describes its date


def _words(lemmas: list[str], positions: range, count: int, is_stopword) -> list[str]:  # noqa: ANN001
    """Up to `count` words in order of `positions`, skipping stop words and punctuation (as Presidio does)."""
    out: list[str] = []
    for i in positions:
        if len(out) >= count:
            break
        word = lemmas[i]
        if "\n" in word or word in _BOUNDARIES:
            break  # a label belongs to its own line and sentence
        if word and not word.isspace() and (word[0].isalnum() or len(word) > 1) and not is_stopword(word, "en"):
            out.append(word)
    return out
