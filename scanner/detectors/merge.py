"""Turn raw detector output into one clean list per document.

Chunks overlap, detectors overlap, and public names (the organisation, helplines) are not
personal data: this module de-duplicates, resolves conflicts between types and applies the
allow-list. It decides nothing about sharing.
"""
from __future__ import annotations

import re
from typing import Iterable

from scanner.types import PERSONAL_DATA, Finding

# A span of one of these types may contain findings of another type; the container wins
# (a name inside an e-mail address is the e-mail address) unless the pair may nest.
CONTAINERS = frozenset({"STREET_ADDRESS", "SCHOOL", "EMAIL_ADDRESS", "URL", "CASE_REFERENCE"})
NESTABLE = frozenset({("STREET_ADDRESS", "UK_POSTCODE"), ("STREET_ADDRESS", "LOCATION")})
# When two different readings of the same characters compete at equal score, the more
# specific wins: a checksum-valid identifier over a phone number, a birth date over a date.
PRIORITY = {
    "UK_NHS": 9, "UK_UPN": 9, "UK_NINO": 9, "CREDIT_CARD": 9, "IBAN_CODE": 9, "EMAIL_ADDRESS": 9,
    "UK_TAX_REFERENCE": 8, "CASE_REFERENCE": 8, "UK_PASSPORT": 7, "UK_DRIVING_LICENCE": 7,
    "DATE_OF_BIRTH": 6, "PHONE_NUMBER": 5, "UK_POSTCODE": 5, "STREET_ADDRESS": 4, "SCHOOL": 4,
    "PERSON": 3, "AGE": 3, "LOCATION": 2, "IP_ADDRESS": 2, "URL": 1, "DATE_TIME": 0,
}


def resolve(findings: Iterable[Finding]) -> list[Finding]:
    """De-duplicate and resolve overlaps between personal-data findings; others pass through."""
    personal, other = [], []
    for f in findings:
        (personal if f.kind == PERSONAL_DATA else other).append(f)
    kept: list[Finding] = []
    # A total order: two detectors that read the same characters the same way (a labelled field and
    # the NER) must give the same winner whatever order a set iterates in (hash seed, worker).
    ordered = sorted(set(personal), key=lambda f: (f.start, -f.end, f.type, -f.score, f.detector, f.explanation))
    for cluster in _clusters(ordered):
        kept.extend(_resolve_cluster(cluster))
    return sorted(kept + other, key=lambda f: (f.start, f.end, f.type))


def _clusters(ordered: list[Finding]) -> Iterable[list[Finding]]:
    cluster: list[Finding] = []
    reach = -1
    for f in ordered:
        if cluster and f.start >= reach:
            yield cluster
            cluster, reach = [], -1
        cluster.append(f)
        reach = max(reach, f.end)
    if cluster:
        yield cluster


def _rank(f: Finding) -> tuple[bool, float, int, int]:
    # A bare date never displaces another reading of the same characters (a birth date, a phone number).
    return (f.type != "DATE_TIME", f.score, PRIORITY.get(f.type, 3), f.end - f.start)


def _resolve_cluster(cluster: list[Finding]) -> list[Finding]:
    if len(cluster) == 1:
        return cluster
    # The fuller reading of the same thing wins: "TRAN, Minh" over "Minh".
    cluster = [f for f in cluster if not any(_inside(f, g) for g in cluster)]
    accepted: list[Finding] = []
    containers = sorted((f for f in cluster if f.type in CONTAINERS), key=_rank, reverse=True)
    rest = sorted((f for f in cluster if f.type not in CONTAINERS), key=_rank, reverse=True)
    for candidate in containers + rest:
        if all(_compatible(candidate, a) for a in accepted):
            accepted.append(candidate)
    return accepted


def _inside(f: Finding, g: Finding) -> bool:
    """f lies strictly inside g, and both are the same type."""
    return f is not g and f.type == g.type and g.start <= f.start and f.end <= g.end and (g.end - g.start) > (f.end - f.start)


def _compatible(candidate: Finding, accepted: Finding) -> bool:
    if candidate.end <= accepted.start or accepted.end <= candidate.start:
        return True
    if candidate.type == accepted.type:
        return False
    return (accepted.type, candidate.type) in NESTABLE and accepted.start <= candidate.start and candidate.end <= accepted.end


class AllowList:
    """Public names and numbers that are never personal data, compared whole and normalised."""

    def __init__(self, entries: Iterable[str]) -> None:
        self._texts = {_norm(e) for e in entries}
        self._digits = {re.sub(r"\D", "", e) for e in entries if re.fullmatch(r"[\d\s+()\-]+", e)}

    def allows(self, f: Finding) -> bool:
        if _norm(f.text) in self._texts:
            return True
        return f.type == "PHONE_NUMBER" and re.sub(r"\D", "", f.text) in self._digits

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        return [f for f in findings if not self.allows(f)]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())
