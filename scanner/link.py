"""Whose data is it? Findings tied to register people, and the people the register lacks.

Exact identifiers first (NHS number, UPN, case reference; a date of birth confirms a name), then
names: full name or alias, and a first name alone where it is unambiguous in the document
(case and accents ignored, titles and possessives dropped). A name the register lacks becomes an
unknown subject ("U-1"); its first name alone is the same person. Other personal data (an
address, a phone number, a health condition) belongs to the nearest person named before it in
the same passage, else to the document's main subject.

People named in their working role ("social worker Jane Holt", "Dr Amin") are not subjects of
the decision; a referrer is marked so that their identity can be protected from the family.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field

from scanner.config_sharing import LinkingConfig
from scanner.dates import parse_date
from scanner.register.model import RegisterView
from scanner.types import PERSONAL_DATA, SPECIAL_CATEGORY, Document, Finding, Subject

IDENTIFIERS = {"UK_NHS": "nhs", "UK_UPN": "upn", "CASE_REFERENCE": "case_refs"}
CORRESPONDENT_HEADERS = frozenset({"From", "To", "Cc", "Bcc", "Reply-To", "Sender"})
CONTEXT = 40  # characters either side of a name where a role or referrer cue is read
NEAREST = 300  # characters back from a datum to the person it belongs to
_APPOSITION = re.compile(r"\s*[,(\-–]\s*")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def fold(text: str) -> str:
    """Case, accents, apostrophes and spacing ignored: "Zoë  O’Brien" → "zoe o'brien"."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


@dataclass
class _Person:
    key: str
    name: str
    role: str
    known: bool
    mentions: list[int] = field(default_factory=list)  # finding indexes
    professional: bool = False
    referrer: bool = False


class Linker:
    """Links one document's findings to people; built once per register snapshot."""

    def __init__(self, view: RegisterView, cfg: LinkingConfig) -> None:
        self.view = view
        self._titles = {fold(t) for t in cfg.titles}
        self._professional = _phrases(cfg.professional)
        self._referrer = _phrases(cfg.referrer)
        self._full: dict[str, set[str]] = {}
        self._ids: dict[tuple[str, str], set[str]] = {}
        for p in view.people:
            for name in p.names:
                folded = self._clean(name)
                if folded:
                    self._full.setdefault(folded, set()).add(p.id)
            for attr in ("nhs", "upn"):
                if getattr(p, attr):
                    self._ids.setdefault((attr, _norm_id(getattr(p, attr))), set()).add(p.id)
            for ref in p.case_refs:
                self._ids.setdefault(("case_refs", _norm_id(ref)), set()).add(p.id)

    def link(self, document: Document, findings: tuple[Finding, ...]) -> tuple[tuple[Finding, ...], tuple[Subject, ...]]:
        people: dict[str, _Person] = {}
        by_first: dict[str, set[str]] = {}  # first word of each person's name → their keys
        owner: dict[int, str] = {}
        text = document.text

        def person(key: str, name: str, role: str, known: bool) -> _Person:
            if key not in people:
                people[key] = _Person(key, name, role, known)
                first = self._clean(name).split()[:1]
                if first:
                    by_first.setdefault(first[0], set()).add(key)
            return people[key]

        # 1. exact identifiers
        for i, f in enumerate(findings):
            attr = IDENTIFIERS.get(f.type)
            if f.kind == PERSONAL_DATA and attr:
                ids = self._ids.get((attr, _norm_id(f.text)), set())
                if len(ids) == 1:
                    pid = next(iter(ids))
                    reg = self.view.person(pid)
                    person(pid, reg.name, reg.role, True).mentions.append(i)
                    owner[i] = pid
        # 2. full names and aliases; then first names, unambiguous among the people found
        names = [(i, f) for i, f in enumerate(findings) if f.kind == PERSONAL_DATA and f.type == "PERSON"]
        dobs = {d for f in findings if f.type == "DATE_OF_BIRTH" for d in [parse_date(f.text)] if d}
        unknown: dict[str, str] = {}
        single: list[tuple[list[int], str, str]] = []

        def own(indexes: list[int], key: str, name: str, known: bool) -> None:
            """Give these name findings to register person `key`, or to the unknown person named `key`."""
            if known:
                reg = self.view.person(key)
                p = person(key, reg.name, reg.role, True)
            else:
                p = person(unknown.setdefault(key, f"U-{len(unknown) + 1}"), name, "unknown", False)
            p.mentions.extend(indexes)
            owner.update((i, p.key) for i in indexes)

        for indexes, written in _name_groups(text, names):
            name_key = self._clean(written)
            if not name_key:
                continue
            ids = self._full.get(name_key, set())
            if len(ids) > 1 and dobs:  # two people of the same name: the date of birth decides
                ids = {pid for pid in ids if self.view.person(pid).dob in dobs} or ids
            if len(ids) == 1:
                own(indexes, next(iter(ids)), written, True)
            elif " " not in name_key:
                single.append((indexes, name_key, written))
            else:
                own(indexes, name_key, written, False)
        for indexes, name_key, written in single:
            # a first name alone is the person of that first name named in full here, if only one is: a
            # register-wide guess could tie another Kelly's data to this Kelly's consent
            candidates = by_first.get(name_key, set())
            if len(candidates) == 1:
                pid = next(iter(candidates))
                people[pid].mentions.extend(indexes)
                owner.update((i, pid) for i in indexes)
            else:
                own(indexes, name_key, written, False)
        # 3. how each person is named: in a working role, as the referrer
        for i, f in names:
            if i not in owner:
                continue
            p = people[owner[i]]
            before, after = fold(text[max(0, f.start - CONTEXT): f.start]), fold(text[f.end: f.end + CONTEXT])
            titled = _ends_with(" ".join(_WORD.findall(fold(f.text))[:1]), self._professional)  # "Dr Amin", "PC Shaw"
            if titled or _ends_with(before, self._professional) or _starts_with(after, self._professional) \
                    or _correspondent(document, f):
                p.professional = True
            if _ends_with(before, self._referrer) or _starts_with(after, self._referrer):
                p.referrer = True
        for p in people.values():
            reg = self.view.person(p.key) if p.known else None
            if reg is not None:
                p.professional = reg.role == "professional"  # the register knows best
                p.referrer = p.referrer or reg.role == "referrer"
        main = _main(people.values())
        # 4. other personal data: the nearest person named before it, else the main subject
        anchors = sorted((findings[i].start, k) for k, p in people.items() if not p.professional for i in p.mentions)
        starts = [start for start, _ in anchors]
        for i, f in enumerate(findings):
            if i in owner or f.kind not in (PERSONAL_DATA, SPECIAL_CATEGORY):
                continue
            last = bisect.bisect_right(starts, f.start) - 1  # the last person named at or before it
            key = anchors[last][1] if last >= 0 and starts[last] >= f.start - NEAREST else main
            if key is not None:
                owner[i] = key
                people[key].mentions.append(i)
        ordered = sorted(people.values(), key=lambda p: min(findings[i].start for i in p.mentions))
        numbers = iter(range(1, len(ordered) + 1))  # unknown people numbered in order of first mention
        ids = {p.key: p.key if p.known else f"U-{next(numbers)}" for p in ordered}
        linked = tuple(dataclasses.replace(f, subject=ids.get(owner[i]) if i in owner else None) for i, f in enumerate(findings))
        subjects = tuple(
            Subject(id=ids[p.key], name=p.name, role=p.role, known=p.known, mentions=len(p.mentions), main=p.key == main,
                    professional=p.professional, referrer=p.referrer,
                    types=tuple(sorted({findings[i].type for i in p.mentions})))
            for p in ordered
        )
        return linked, subjects

    def _clean(self, name: str) -> str:
        """A name as compared: folded, possessive and titles dropped."""
        words = _WORD.findall(fold(name))
        if words and words[-1] in ("s",):
            words = words[:-1]
        words = [w[:-2] if w.endswith("'s") else w for w in words]
        while words and words[0].rstrip(".") in self._titles:
            words = words[1:]
        return " ".join(words)


def _correspondent(document: Document, f: Finding) -> bool:
    """Named in the From/To/Cc of the e-mail being sent itself (not of one attached or forwarded):
    the people exchanging it, who already know each other's names and addresses."""
    segment = document.segment_at(f.start)
    return (segment is not None and segment.part == "email_header" and not segment.container
            and segment.where in CORRESPONDENT_HEADERS)


def _name_groups(text: str, names: list[tuple[int, Finding]]) -> list[tuple[list[int], str]]:
    """Name findings with only spaces between them are one name ("JAYDEN" "SMITH")."""
    groups: list[tuple[list[int], int, int]] = []
    for i, f in sorted(names, key=lambda pair: pair[1].start):
        if groups and f.start >= groups[-1][2] and not text[groups[-1][2]:f.start].strip(" \t"):
            indexes, start, _ = groups[-1]
            groups[-1] = (indexes + [i], start, f.end)
        else:
            groups.append(([i], f.start, f.end))
    return [(indexes, text[start:end]) for indexes, start, end in groups]


def _main(people) -> str | None:  # noqa: ANN001
    """The person the document is mainly about: the most-mentioned child, else the most-mentioned
    person who is not a professional (first mention breaks ties)."""
    candidates = [p for p in people if not p.professional]
    if not candidates:
        return None
    children = [p for p in candidates if p.role in ("child", "young_person")]
    pool = children or candidates
    return max(pool, key=lambda p: (len(p.mentions), -min(p.mentions))).key


@dataclass(frozen=True)
class _Phrases:
    """Role or referrer phrases as compared: folded, one space between words; looked up by the
    last (or first) one, two, … words of a context instead of compared one by one."""

    words: frozenset[str]
    longest: int  # words in the longest phrase


def _phrases(words: tuple[str, ...]) -> _Phrases:
    folded = {" ".join(_WORD.findall(fold(w))) for w in words if w.strip()}
    folded.discard("")
    return _Phrases(frozenset(folded), max((p.count(" ") + 1 for p in folded), default=0))


def _ends_with(text: str, phrases: _Phrases) -> bool:
    """The text just before a name ends with one of the phrases ("… social worker", "(dr")."""
    words = _WORD.findall(text)
    return any(" ".join(words[-k:]) in phrases.words for k in range(1, min(phrases.longest, len(words)) + 1))


def _starts_with(text: str, phrases: _Phrases) -> bool:
    """The text just after a name gives a role: ", social worker", " (SW)", " - referrer"."""
    m = _APPOSITION.match(text)
    if not m:
        return False
    words = _WORD.findall(text[m.end():])
    return any(" ".join(words[:k]) in phrases.words for k in range(1, min(phrases.longest, len(words)) + 1))


def _norm_id(value: str) -> str:
    return re.sub(r"[\s\-/]", "", value).upper()


