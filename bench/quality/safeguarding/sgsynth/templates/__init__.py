"""Document templates, registered by group. Importing this package registers them all.

A template with `focus=True` affirms concerns in the categories the generator deals it; the
others (policy, training, chat, profiles, closure summaries) affirm nothing, so document-level
precision has true negatives that still talk about harm.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..labelled import LabelledDoc


@dataclass(frozen=True)
class Template:
    name: str
    group: str
    render: Callable[[LabelledDoc], None]
    messy: bool
    focus: bool


TEMPLATES: list[Template] = []


def template(group: str, messy: bool = False, focus: bool = False):
    """Register a render function as a template of `group`; its name is the function's name."""
    def register(fn: Callable[[LabelledDoc], None]) -> Callable[[LabelledDoc], None]:
        TEMPLATES.append(Template(fn.__name__, group, fn, messy, focus))
        return fn
    return register


def some(doc: LabelledDoc, kind: str, lo: int, hi: int) -> list[str]:
    """Between lo and hi (inclusive) sentences of one kind, for `LabelledDoc.mix`."""
    return [kind] * doc.rng.randint(lo, hi)


def questions(doc: LabelledDoc, k: int) -> None:
    """k recorded questions, each open (the child goes on in their own words) or leading (the
    child only nods: the words were the adult's)."""
    for _ in range(k):
        if doc.rng.random() < 0.5:
            doc.mix(["leading", "reply"], shuffle=False)
        else:
            doc.mix(["open"] + some(doc, "ted", 0, 1) + ["affirmed"], shuffle=False)


def respond(doc: LabelledDoc) -> None:
    """What the adult said about secrecy: a promise, or the limits of confidentiality."""
    doc.write("promise" if doc.rng.random() < 0.6 else "proper")


from . import case_notes, everyday, meetings, policy, referrals  # noqa: E402,F401  (registers the templates)
