"""The safeguarding phrase bank: SPEC's thirteen categories, three polarities each.

Looked up as `PHRASES[category][polarity]`. `GENERIC` holds mentions that name no category
("No CP concerns at this time"); their gold category is None, and they count only towards
the false-affirmed rate.
"""
from __future__ import annotations

from . import bank_harm, bank_risk
from .phrase import Phrase, phrases

#: SPEC "Canonical types", in SPEC's order.
CATEGORIES = ("physical_abuse", "sexual_abuse", "emotional_abuse", "neglect", "self_harm", "domestic_abuse",
              "exploitation", "radicalisation", "fgm", "forced_marriage", "online_harm", "missing_from_home",
              "substance_misuse")
POLARITIES = ("affirmed", "negated", "hypothetical")

#: the least each category must offer, so a detector cannot learn a handful of sentences.
MINIMUM = {"affirmed": 12, "negated": 6, "hypothetical": 6}

PHRASES: dict[str, dict[str, tuple[Phrase, ...]]] = {
    category: {polarity: phrases(items) for polarity, items in by_polarity.items()}
    for category, by_polarity in {**bank_harm.BANK, **bank_risk.BANK}.items()}

GENERIC: dict[str, tuple[Phrase, ...]] = {
    "negated": phrases((
        "No CP concerns at this time.",
        "No safeguarding concerns raised by school.",
        "Nil safeguarding issues noted.",
        "No concerns for {child:first}'s safety at present.",
        "No child protection concerns were identified.",
    )),
    "hypothetical": phrases((
        "Any safeguarding concern must be reported to the DSL the same day.",
        "Staff should follow the child protection procedures if they are worried about a child.",
        "All staff complete safeguarding training every year.",
        "Remember that abuse can happen anywhere, including here.",
    )),
}


def bank_problems() -> list[str]:
    """What is wrong with the bank: a missing category or polarity, too few wordings, an
    unknown `also` category, or a polarity with no wording usable in policy text."""
    out = ["missing category %s" % c for c in CATEGORIES if c not in PHRASES]
    out += ["unknown category %s" % c for c in PHRASES if c not in CATEGORIES]
    for category, by_polarity in PHRASES.items():
        for polarity in POLARITIES:
            items = by_polarity.get(polarity, ())
            if len(set(items)) < MINIMUM[polarity]:
                out.append("%s/%s: %d wordings, need %d" % (category, polarity, len(set(items)), MINIMUM[polarity]))
            out += ["%s/%s: unknown also-category %s" % (category, polarity, a)
                    for p in items for a in p.also if a not in CATEGORIES or a == category]
        if not any(not p.named for p in by_polarity.get("hypothetical", ())):
            out.append("%s/hypothetical: no wording without a name, for policy text" % category)
    return out
