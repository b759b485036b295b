"""The values a redaction removes, and what each becomes.

The decision names people (`redact_subjects`) and identifier types (`redact_types`). Every
personal or special-category finding of those people, or of those types, is a value to
remove, and so is the register name of each of those people (a mention the detectors missed
is still a mention). Each distinct value is removed wherever it appears (see `match`).

Replacements are consistent within a document: every value of one person gets that person's
label, "[Child A]", "[Adult B]", "[Person C]" (the word from their role, the letter from the
order in which they first appear); other values get their type's replacement ("[NHS number]").
"""
from __future__ import annotations

from itertools import count
from pathlib import Path

from scanner.config_redaction import RedactionConfig
from scanner.redact.match import MIN_KEY, Matcher, Target, compact
from scanner.redact.operators import apply, load_key
from scanner.types import PERSONAL_DATA, SPECIAL_CATEGORY, Finding, Outcome

REMOVABLE_KINDS = (PERSONAL_DATA, SPECIAL_CATEGORY)
PERSON = "PERSON"
FALLBACK_WORDS = ("Redacted", "Withheld", "Removed")


def findings_to_remove(outcome: Outcome) -> list[Finding]:
    """The findings the decision says must go, in document order."""
    people, types = set(outcome.decision.redact_subjects), set(outcome.decision.redact_types)
    chosen = [f for f in outcome.findings
              if f.kind in REMOVABLE_KINDS and (f.subject in people or f.type in types)]
    return sorted(chosen, key=lambda f: (f.start, -f.end))


def build_targets(outcome: Outcome, settings: RedactionConfig, config_dir: Path | None = None) -> tuple[Target, ...]:
    """One Target per distinct value; raises KeyUnavailable if `encrypt` is chosen without a key."""
    values = [(f.text.strip(), f.type, f.subject) for f in findings_to_remove(outcome)]
    names = {s.id: s.name for s in outcome.subjects}
    values += [(names[i].strip(), PERSON, i) for i in outcome.decision.redact_subjects if names.get(i)]
    values = [v for v in values if len(compact(v[0])) >= MIN_KEY]
    # Person names first, so that a value found both as a name and as something else is labelled as the person.
    values.sort(key=lambda v: v[1] != PERSON)
    labels = _Labels(outcome, settings, Matcher([Target(v, t, s, "") for v, t, s in values]))
    key = None
    if any(settings.operator_for(t).operator == "encrypt" for _, t, _ in values):
        key = load_key(settings.key, config_dir)
    targets: dict[str, Target] = {}
    for value, type_, subject in values:
        if compact(value) in targets:
            continue
        spec = settings.operator_for(type_)
        label = labels.person(subject, value) if spec.operator == "pseudonym" else labels.of_type(type_)
        targets[compact(value)] = Target(value, type_, subject, apply(value, type_, spec, label, key))
    return tuple(targets.values())


class _Labels:
    """Readable placeholders: a letter per person in order of appearance, a phrase per type."""

    def __init__(self, outcome: Outcome, settings: RedactionConfig, removed: Matcher) -> None:
        self._settings, self._removed = settings, removed
        self._roles = {s.id: ("professional" if s.professional else s.role) for s in outcome.subjects}
        self._letters: dict[str, str] = {}
        self._next = (_letter(n) for n in count())
        for finding in findings_to_remove(outcome):  # letters follow the order people first appear in
            if finding.type == PERSON:
                self.person(finding.subject, finding.text)

    def person(self, subject: str | None, value: str) -> str:
        who = subject or "value:" + compact(value)
        word = self._word(self._settings.role_word(self._roles.get(subject or "", "unknown")))
        if who not in self._letters:
            letter = next(self._next)
            for _ in range(100):  # "[Person AD]" must not hold a removed value ("AD"): take the next letter
                if not self._removed.search(f"[{word} {letter}]"):
                    break
                letter = next(self._next)
            self._letters[who] = letter
        return f"[{word} {self._letters[who]}]"

    def of_type(self, type_: str) -> str:
        return f"[{self._word(type_.lower().replace('_', ' '))}]"

    def _word(self, word: str) -> str:
        """The word, unless it is itself a removed value (a "Person" found as a name, a "place")."""
        return next((w for w in (word, *FALLBACK_WORDS) if not self._removed.search(f"[{w}]")), word)


def _letter(n: int) -> str:
    """0 → A, 25 → Z, 26 → AA, …"""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(65 + rest) + text
    return text
