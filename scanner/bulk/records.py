"""One scanned document → one index record: types, counts, places and keyed hashes, never values.

The record is what a bulk scan keeps about a document (README "Bulk scan and find" gives the
schema). It holds no text, no excerpt, no name and no identifier: a value found is kept only
as a keyed hash of its normalised form (`scanner.bulk.keys`), with the places it was found.
Places are the extractor's provenance with anything personal taken out (a comment's author, a
sheet named after a child), since they can name people too.
"""
from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass

from scanner.bulk.keys import FIRST_NAME, FIRST_NAME_DOB, NAMES, Hasher, normalise_name
from scanner.dates import parse_date
from scanner.types import AFFIRMED, PERSONAL_DATA, SAFEGUARDING, Document, Finding, Outcome

SCHEMA = 1
MAX_PLACES = 10  # distinct places kept per type, and per value
_AUTHOR = re.compile(r"\s+by\s+.*$", re.DOTALL)  # "comment by Jane Holt" → "comment"
# Values masked in places: whatever can name a person ("minutes.docx" is not a URL to hide).
_NOT_MASKED = frozenset({"URL", "DATE_TIME", "AGE", "IP_ADDRESS"})


@dataclass(frozen=True)
class FileStat:
    """What the manifest compares to tell a finished file from a changed one."""

    size: int
    mtime_ns: int


def to_record(outcome: Outcome, stat: FileStat | None, hasher: Hasher, titles: frozenset[str]) -> dict:
    """The index record of one checked document."""
    document, findings = outcome.document, outcome.findings
    secrets = sorted({f.text for f in findings if f.kind == PERSONAL_DATA and f.type not in _NOT_MASKED
                      and len(f.text.strip()) > 1}, key=len, reverse=True)
    cache: dict[tuple, str] = {}  # one place per distinct (containers, locator)
    places = [_place(document, f, secrets, cache) for f in findings]
    counts: dict[str, Counter] = defaultdict(Counter)
    where: dict[str, list[str]] = defaultdict(list)
    polarity: dict[str, Counter] = defaultdict(Counter)
    for f, place in zip(findings, places):
        counts[f.kind][f.type] += 1
        _add(where[f.type], place)
        if f.kind == SAFEGUARDING:
            polarity[f.type][f.polarity or AFFIRMED] += 1
    return {
        **_identity(document.path, stat, document.sha256, document.format),
        "status": "ok" if document.fully_readable else "unreadable",
        "problems": [p.to_dict() for p in document.problems],
        "chars": len(document.text),
        "words": len(document.text.split()),
        "findings": {kind: dict(sorted(c.items())) for kind, c in sorted(counts.items())},
        "safeguarding": {cat: dict(sorted(c.items())) for cat, c in sorted(polarity.items())},
        "places": dict(sorted(where.items())),
        "values": _values(outcome, places, hasher, titles),
    }


def error_record(path: str, stat: FileStat | None, code: str, message: str) -> dict:
    """The record of a document whose scan failed outright: the reason, and nothing found."""
    return {**_identity(path, stat, "", ""), "status": "unreadable",
            "problems": [{"code": code, "message": message, "where": ""}], "chars": 0, "words": 0,
            "findings": {}, "safeguarding": {}, "places": {}, "values": []}


def _identity(path: str, stat: FileStat | None, sha256: str, fmt: str) -> dict:
    return {"schema": SCHEMA, "path": path, "size": stat.size if stat else None,
            "mtime_ns": stat.mtime_ns if stat else None, "sha256": sha256, "format": fmt,
            "scanned_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}


def _values(outcome: Outcome, places: list[str], hasher: Hasher, titles: frozenset[str]) -> list[dict]:
    """Keyed hashes of what was found, each with a count and where: full names, first names,
    identifiers and dates of birth, and first name + date of birth written for one person."""
    entries: dict[tuple[str, str], dict] = {}

    def add(type_: str, digest: str, place: str) -> None:
        entry = entries.setdefault((type_, digest), {"type": type_, "hash": digest, "count": 0, "where": []})
        entry["count"] += 1
        _add(entry["where"], place)

    first_of: dict[str, str] = {}  # subject id → normalised first name
    for f, place in zip(outcome.findings, places):
        if f.kind != PERSONAL_DATA:
            continue
        if f.type not in NAMES:
            add(f.type, hasher.value(f.type, f.text), place)
            continue
        name, titled = normalise_name(f.text, titles)
        if " " in name:
            add(f.type, hasher(f.type, name), place)
        if name and not (titled and " " not in name):  # "Ms Adeyemi" gives a surname, not a first name
            add(FIRST_NAME, hasher(FIRST_NAME, name.split()[0]), place)
    for subject in outcome.subjects:
        # names the linker put together from pieces ("JAYDEN" "SMITH"), as one full name
        name, titled = normalise_name(subject.name, titles)
        if name and not titled:
            first_of[subject.id] = name.split()[0]
        if " " in name:
            digest = hasher("PERSON", name)
            if ("PERSON", digest) not in entries:
                for f, place in _mentions(outcome, places, subject.id, "PERSON"):
                    add("PERSON", digest, place)
    for f, place in zip(outcome.findings, places):
        if f.type == "DATE_OF_BIRTH" and f.subject in first_of and (born := parse_date(f.text)):
            add(FIRST_NAME_DOB, hasher(FIRST_NAME_DOB, f"{first_of[f.subject]}|{born.isoformat()}"), place)
    return sorted(entries.values(), key=lambda e: (e["type"], e["hash"]))


def _mentions(outcome: Outcome, places: list[str], subject: str, type_: str) -> list[tuple[Finding, str]]:
    return [(f, p) for f, p in zip(outcome.findings, places) if f.subject == subject and f.type == type_]


def _place(document: Document, f: Finding, secrets: list[str], cache: dict[tuple, str]) -> str:
    """Where a finding is, without anything personal: the containers (file names inside archives
    and e-mails) and the extractor's locator, authors cut and any value found in the document
    masked ("Jayden Smith.docx" in a zip → "….docx")."""
    segment = document.segment_at(f.start)
    if segment is None:
        return "text"
    key = (segment.container, segment.where)
    if key in cache:
        return cache[key]
    place = " > ".join((*segment.container, _AUTHOR.sub("", segment.where)))
    for value in secrets:  # longest first, so "Jayden Smith" goes before "Jayden"
        if value.casefold() in place.casefold():  # rarely: no pattern to build for the others
            place = re.sub(re.escape(value), "…", place, flags=re.IGNORECASE)
    cache[key] = place
    return place


def _add(places: list[str], place: str) -> None:
    if place not in places and len(places) < MAX_PLACES:
        places.append(place)
