"""One wording in a phrase bank, and the even rotation the generator draws wordings with."""
from __future__ import annotations

from dataclasses import dataclass
from random import Random
from typing import Callable, Generic, Hashable, Sequence, TypeVar

T = TypeVar("T", bound=Hashable)


@dataclass(frozen=True)
class Phrase:
    """A template sentence (`{child:first}` fields as in `synth`) and the safeguarding
    categories that are also acceptable on it (a CSE disclosure is exploitation, and a detector
    that also calls it sexual abuse is not wrong)."""

    text: str
    also: tuple[str, ...] = ()

    @property
    def named(self) -> bool:
        """True when the wording names someone, so it cannot appear in policy text."""
        return "{" in self.text


def also(text: str, *categories: str) -> Phrase:
    return Phrase(text, tuple(categories))


def phrases(items: Sequence[str | Phrase]) -> tuple[Phrase, ...]:
    return tuple(p if isinstance(p, Phrase) else Phrase(p) for p in items)


class Rotation(Generic[T]):
    """Deals items in shuffled rounds, so a small corpus still uses every wording and every
    category evenly. An item refused by `accept` keeps its place for the next draw."""

    def __init__(self, rng: Random, items: Sequence[T]):
        if not items:
            raise ValueError("nothing to rotate")
        self.rng, self.items = rng, list(items)
        self.queue: list[T] = []

    def next(self, accept: Callable[[T], bool] = lambda _: True) -> T:
        for _ in range(2):
            for i, item in enumerate(self.queue):
                if accept(item):
                    return self.queue.pop(i)
            deck = list(self.items)
            self.rng.shuffle(deck)
            self.queue.extend(deck)
        raise LookupError("no acceptable item among %d" % len(self.items))


class Dealer:
    """One rotation per key (a category and polarity, a trap kind…), shared by a whole corpus."""

    def __init__(self, rng: Random):
        self.rng = rng
        self.rotations: dict[Hashable, Rotation] = {}

    def deal(self, key: Hashable, items: Sequence[T], accept: Callable[[T], bool] = lambda _: True) -> T:
        if key not in self.rotations:
            self.rotations[key] = Rotation(self.rng, items)
        return self.rotations[key].next(accept)
