"""The organisation's own policy as one document: real text that talks about child protection,
confidentiality and leading questions, and is about no one.

It is read at generation time from `../shared/seeds/` (never copied into the repository) and
labelled by cue words: every sentence that mentions child protection or harm is a
hypothetical safeguarding mention with no category, every sentence about promising,
guaranteeing or keeping secrets or about leading questions is a proper-practice trap, and
"health" in "health or morals" is a special-category decoy. Nothing in it is affirmed.
"""
from __future__ import annotations

import re
from pathlib import Path

_SAFEGUARDING = re.compile(r"child protection|safeguarding|protection of (?:our |the )?children|risk of harm"
                           r"|at risk|paramount|protection of children", re.I)
_PRACTICE = re.compile(r"\bpromis|\bsecret\b|guarantee confidentiality|absolute confidentiality|leading questions"
                       r"|limits to confidentiality|break confidentiality|confidentiality must be maintained", re.I)
_DECOYS = re.compile(r"\bhealth(?= or morals)")
#: a sentence ends at a line break, or at . ? ! followed by a capital (so "e.g. for" stays whole).
_SENTENCE = re.compile(r"[^\n]+?(?:[.?!](?=\s+[A-Z‘“(])|$)", re.M)
_BULLET = re.compile(r"[\s·•\-]+")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, without bullets or surrounding whitespace."""
    out = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        bullet = _BULLET.match(text, start, end)
        if bullet:
            start = bullet.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def gold_row(text: str, file: str, source: Path) -> dict:
    """The gold of the policy document: hypothetical mentions and traps only."""
    def span(start: int, end: int, **label) -> dict:
        return dict(label, start=start, end=end, text=text[start:end])

    spans = sentences(text)
    return {"file": file, "group": "policy", "template": "policy_seed", "source": source.name,
            "safeguarding": [span(s, e, category=None, polarity="hypothetical")
                             for s, e in spans if _SAFEGUARDING.search(text[s:e])],
            "practice": [],
            "special_category": [],
            "traps": sorted([span(s, e, kind="proper_practice") for s, e in spans if _PRACTICE.search(text[s:e])]
                            + [span(m.start(), m.end(), kind="decoy") for m in _DECOYS.finditer(text)],
                            key=lambda t: (t["start"], t["end"]))}
