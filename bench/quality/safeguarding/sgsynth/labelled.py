"""One document being written, with the gold this benchmark adds to the shared synth builder.

Text goes through `synth`'s `DocBuilder` (a `Cast` resolves `{child}`, `{mum.phone}`…, so names,
dates and offsets behave exactly as in the personal-data corpus). A labelled sentence is
recorded from the builder's length before and after it, so its span can never drift; typos
are switched off inside it, because the phrase bank supplies its own abbreviations and a typo
in the one word that carries the concern would make the gold unfair.
"""
from __future__ import annotations

from dataclasses import dataclass
from random import Random
from typing import Callable, Sequence

from synth.builder import DocBuilder, Piece, decoy, gold
from synth.cast import Cast

from . import filler, practice, special, traps
from .concerns import CATEGORIES, GENERIC, PHRASES
from .phrase import Dealer, Phrase

#: the decoy type the builder records for a special-category look-alike.
DECOY = "special_category"


@dataclass
class _Builder(DocBuilder):
    """The shared builder with typos that a labelled sentence can switch off."""

    typos: bool = True

    def _roughen(self, literal: str) -> str:
        return super()._roughen(literal) if self.typos else literal


def _text(item: str | Phrase) -> str:
    return item.text if isinstance(item, Phrase) else item


class LabelledDoc:
    """Write a document sentence by sentence; `row()` returns its gold.

    `focus` are the categories whose concerns this document affirms (a document about FGM is
    given a family with a daughter); with `second_focus`, a second affirmed sentence may take a
    new category, dealt only then, so no dealt category goes unused. Negated mentions are drawn
    from the other categories: no document both affirms and denies the same concern. Wordings
    come from a corpus-wide `Dealer`, so every wording is used before any is repeated.
    """

    def __init__(self, rng: Random, dealer: Dealer, messy: bool = False, focus: Sequence[str] = (),
                 second_focus: bool = False):
        self.rng, self.dealer, self.focus, self.second_focus = rng, dealer, tuple(focus), second_focus
        self.cast = Cast.draw(rng)
        while "fgm" in self.focus and self.cast.people["child"].sex != "f":
            self.cast = Cast.draw(rng)
        self.b = _Builder(rng, self._resolve, messy=messy)
        self.gold: dict[str, list[dict]] = {"safeguarding": [], "practice": [], "traps": []}
        self.used: set[str] = set()
        self.affirmed_count = 0

    # --- plain text ------------------------------------------------------------------------
    def add(self, template: str) -> "LabelledDoc":
        self.b.add(self._casual(template))
        return self

    def line(self, template: str = "") -> "LabelledDoc":
        return self.add(template + "\n")

    def pick(self, *templates: str) -> "LabelledDoc":
        return self.add(self.rng.choice(templates))

    def add_focus(self, category: str) -> None:
        """A template whose subject is fixed (a return-home interview is about going missing)."""
        if category not in self.focus:
            self.focus += (category,)

    # --- sentences by kind -------------------------------------------------------------------
    def write(self, kind: str, lead: str = "", end: str = "\n") -> None:
        """Write one sentence of `kind` (see `KINDS`) after `lead` (unlabelled), then `end`."""
        self.add(lead)
        KINDS[kind](self, end)

    def mix(self, kinds: Sequence[str], lead: str = "", end: str = "\n", shuffle: bool = True) -> None:
        """Several sentences, in random order unless `shuffle` is off; `lead` may hold fields."""
        kinds = list(kinds)
        if shuffle:
            self.rng.shuffle(kinds)
        for kind in kinds:
            self.write(kind, lead, end)

    def concern(self, category: str | None, polarity: str, end: str = "\n", named: bool = True) -> None:
        pool = PHRASES[category][polarity] if category else GENERIC[polarity]
        phrase = self._deal(("concern", category, polarity, named), [p for p in pool if named or not p.named])
        label = {"category": category, "polarity": polarity}
        if phrase.also:
            label["also"] = list(phrase.also)
        self._labelled(phrase.text, [("safeguarding", label)], end)

    def affirmed(self, end: str = "\n") -> None:
        """An affirmed concern, taking the focus categories in turn."""
        if self.second_focus and self.affirmed_count == len(self.focus):
            self.second_focus = False
            self._deal_focus()
        category = self.focus[self.affirmed_count % len(self.focus)]
        self.affirmed_count += 1
        self.concern(category, "affirmed", end)

    def negated(self, end: str = "\n", named: bool = True) -> None:
        category = self.dealer.deal("negated category", CATEGORIES, lambda c: c not in self.focus)
        self.concern(category, "negated", end, named)

    def hypothetical(self, end: str = "\n", named: bool = True) -> None:
        self.concern(self.dealer.deal("hypothetical category", CATEGORIES), "hypothetical", end, named)

    def leading(self, end: str = "\n", frames: Sequence[str] = practice.QUESTION_FRAMES,
                as_trap: bool = False) -> None:
        """A leading question, preferably about a focus category; recorded in a disclosure it is a
        practice finding, quoted in training as an example it is a trap. Either way it is a
        hypothetical mention of its category."""
        category, question = self._deal_preferring("leading", practice.LEADING, lambda item: item[0] in self.focus)
        frame = self.dealer.deal(("frame", tuple(frames)), frames)
        first = ("traps", {"kind": "proper_practice"}) if as_trap else ("practice", {"type": "leading_question"})
        self._labelled(frame.replace("<q>", question),
                       [first, ("safeguarding", {"category": category, "polarity": "hypothetical"})], end)

    def trap(self, kind: str, key: str, pool: Sequence[str], end: str = "\n") -> None:
        self._labelled(self._deal(key, pool), [("traps", {"kind": kind})], end)

    def open_question(self, end: str = "\n") -> None:
        frame = self.dealer.deal("frame", practice.QUESTION_FRAMES)
        question = self._deal("open", practice.OPEN)
        self._labelled(frame.replace("<q>", question), [("traps", {"kind": "open_question"})], end)

    def promise(self, end: str = "\n") -> None:
        self._labelled(self._deal("promise", practice.PROMISES), [("practice", {"type": "confidentiality_promise"})], end)

    def plain(self, key: str, pool: Sequence[str], end: str = "\n") -> None:
        """An unlabelled sentence from a pool (filler, or a sentence whose terms carry the labels)."""
        self.add(self._deal(key, pool))
        self.b.add(end)

    def _deal_focus(self) -> None:
        """One more focus category: not denied earlier in the document, FGM only for a girl."""
        taken = set(self.focus) | {s["category"] for s in self.gold["safeguarding"] if s["polarity"] == "negated"}
        girl = self.cast.people["child"].sex == "f"
        self.focus += (self.dealer.deal("focus", CATEGORIES, lambda c: c not in taken and (girl or c != "fgm")),)

    # --- gold ---------------------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self.b.text.rstrip()

    def row(self, file: str, group: str, template: str) -> dict:
        key = lambda s: (s["start"], s["end"])  # noqa: E731
        terms = [s for s in self.b.spans if s["type"] in special.SPECIAL_TYPES]
        decoys = [{"kind": "decoy", "start": d["start"], "end": d["end"], "text": d["text"]}
                  for d in self.b.decoys if d["type"] == DECOY]
        return {"file": file, "group": group, "template": template,
                "safeguarding": sorted(self.gold["safeguarding"], key=key),
                "practice": sorted(self.gold["practice"], key=key),
                "special_category": sorted(terms, key=key),
                "traps": sorted(self.gold["traps"] + decoys, key=key)}

    # --- machinery ----------------------------------------------------------------------------
    def _labelled(self, template: str, labels: list[tuple[str, dict]], end: str) -> None:
        """Write one sentence and record it under each (section, label): its span is the text
        the sentence rendered to, trimmed of surrounding whitespace."""
        first, start = len(self.b.parts), self.b.length
        self.b.typos = False
        try:
            self.b.add(self._casual(template))
        finally:
            self.b.typos = True
        rendered = "".join(self.b.parts[first:])
        lead = len(rendered) - len(rendered.lstrip())
        text = rendered.strip()
        for section, label in labels:
            self.gold[section].append(dict(label, start=start + lead, end=start + lead + len(text), text=text))
        self.b.add(end)

    def _casual(self, template: str) -> str:
        """In a messy note, sometimes start a sentence in lower case and drop its full stop."""
        if not self.b.messy or self.rng.random() >= 0.2:
            return template
        if len(template) > 1 and template[0].isupper() and template[1].islower():
            template = template[0].lower() + template[1:]
        return template[:-1] if template.endswith(".") else template

    def _deal(self, key, pool: Sequence[str | Phrase]):
        """A wording not yet used in this document, from the corpus-wide rotation for `key`."""
        item = self.dealer.deal(key, pool, lambda p: _text(p) not in self.used)
        self.used.add(_text(item))
        return item

    def _deal_preferring(self, key, pool: Sequence[tuple[str, str]], prefer: Callable) -> tuple[str, str]:
        """Like `_deal`, from the items `prefer` accepts while any is left unused in this document."""
        fresh = lambda item: item[1] not in self.used  # noqa: E731
        preferred = [x for x in pool if prefer(x)]
        try:
            item = self.dealer.deal((key, tuple(preferred)), preferred, fresh)
        except (LookupError, ValueError):
            item = self.dealer.deal(key, pool, fresh)
        self.used.add(item[1])
        return item

    def _resolve(self, field: str, spec: str, b: DocBuilder) -> list[Piece]:
        """`{sc.TYPE:slot}` → a special-category term (gold), `{scdecoy:text}` → a decoy,
        anything else → the cast (names, dates, identifiers)."""
        head, _, attr = field.partition(".")
        if head == "sc":
            return [gold(attr, self.dealer.deal(("term", attr, spec), special.TERMS[attr][spec]))]
        if head == "scdecoy":
            return [decoy(DECOY, spec)]
        return self.cast.resolve(field, spec, b)


KINDS: dict[str, Callable[[LabelledDoc, str], None]] = {
    "affirmed": LabelledDoc.affirmed,
    "negated": LabelledDoc.negated,
    "negated_general": lambda d, end: d.negated(end, named=False),
    "hypothetical": LabelledDoc.hypothetical,
    "hypothetical_general": lambda d, end: d.hypothetical(end, named=False),
    "generic_negated": lambda d, end: d.concern(None, "negated", end),
    "generic_hypothetical": lambda d, end: d.concern(None, "hypothetical", end, named=False),
    "leading": LabelledDoc.leading,
    "leading_example": lambda d, end: d.leading(end, practice.EXAMPLE_FRAMES, as_trap=True),
    "open": LabelledDoc.open_question,
    "promise": LabelledDoc.promise,
    "proper": lambda d, end: d.trap("proper_practice", "proper", practice.PROPER_PRACTICE, end),
    "proper_policy": lambda d, end: d.trap("proper_practice", "proper_policy", practice.PROPER_POLICY, end),
    "ted": lambda d, end: d.trap("open_question", "ted", practice.TED_NOTES, end),
    "everyday": lambda d, end: d.trap("everyday", "everyday", traps.EVERYDAY, end),
    "special": lambda d, end: d.plain("special", special.SENTENCES, end),
    "decoy": lambda d, end: d.plain("decoy", special.DECOYS, end),
    "note": lambda d, end: d.plain("note", filler.NOTES, end),
    "plan": lambda d, end: d.plain("plan", filler.PLANS, end),
    "reply": lambda d, end: d.plain("reply", practice.REPLIES, end),
    "chat": lambda d, end: d.plain("chat", filler.CHAT, end),
}
