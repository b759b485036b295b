"""`find()`: every document in an index that mentions a person, where, how and how surely.

The query is hashed with the index's key exactly as the scan hashed what it found (names folded,
identifiers compacted, dates as ISO), then looked up in each record's keyed hashes; the index
never gives back a value. A register person (`Query.from_person`) is looked for by name, every
alias, date of birth, NHS number, UPN and case references.

Confidence: each way a document matched has a weight (an NHS number 0.99 … a first name alone
0.2); several ways combine as independent evidence, 1 − ∏(1 − weight).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

from scanner.bulk.errors import BulkError
from scanner.bulk.keys import ENV_KEY, FIRST_NAME, FIRST_NAME_DOB, Hasher, default_key_path, load_key, normalise_name
from scanner.bulk.store import META, Index
from scanner.config import load_config
from scanner.register.model import Person

# how → weight. "first name + DOB" is both written for one person; "… in the same document" is not.
WEIGHTS = {
    "NHS number": 0.99, "UPN": 0.99, "case reference": 0.95, "full name": 0.9, "alias": 0.85,
    "first name + DOB": 0.8, "first name + DOB in the same document": 0.5, "date of birth": 0.2,
    "first name": 0.2,
}


@dataclass(frozen=True)
class Query:
    names: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    dob: date | None = None
    nhs: tuple[str, ...] = ()
    upn: tuple[str, ...] = ()
    case_refs: tuple[str, ...] = ()

    @classmethod
    def from_person(cls, person: Person) -> "Query":
        return cls(names=(person.name,), aliases=person.aliases, dob=person.dob, nhs=_some(person.nhs),
                   upn=_some(person.upn), case_refs=person.case_refs)

    @property
    def empty(self) -> bool:
        return not (self.names or self.aliases or self.dob or self.nhs or self.upn or self.case_refs)


@dataclass(frozen=True)
class Match:
    path: str
    confidence: float
    how: tuple[str, ...]  # the ways it matched, strongest first
    where: tuple[str, ...]  # places in the document, from the matching values
    status: str = "ok"  # "unreadable": the document was not read completely, so more may be in it

    def to_dict(self) -> dict:
        return {"path": self.path, "confidence": self.confidence, "how": list(self.how), "where": list(self.where),
                "status": self.status}


@dataclass
class _Probes:
    """(type, hash) → how, and the combinations that need two values in one document."""

    single: dict[tuple[str, str], str] = field(default_factory=dict)
    first_names: set[str] = field(default_factory=set)  # hashed
    dob: str | None = None  # hashed
    dob_alone: bool = False  # only a date of birth was asked for: it matches on its own
    first_alone: bool = False  # only a one-word name was asked for: it matches first names


def find(index_dir: str | Path, query: Query, key_path: str | Path | None = None,
         config_dir: str | None = None) -> list[Match]:
    """Documents in the index that mention the person, most certain first."""
    if query.empty:
        raise BulkError("nothing to look for: give a name, a date of birth, an identifier or a register person.")
    key = load_key(_key_path(Path(index_dir), key_path), create=False)
    probes = _probes(query, Hasher(key), frozenset(load_config(config_dir).linking.titles))
    with Index.open(index_dir, key, writable=False) as index:
        matches = [m for m in (_match(r, probes) for r in index.records()) if m]
    return sorted(matches, key=lambda m: (-m.confidence, m.path))


def _probes(query: Query, hasher: Hasher, titles: frozenset[str]) -> _Probes:
    probes, firsts = _Probes(), set()
    identifiers = query.nhs or query.upn or query.case_refs
    probes.dob_alone = bool(query.dob) and not (query.names or query.aliases or identifiers)
    probes.first_alone = not (query.dob or identifiers)
    for how, names in (("full name", query.names), ("alias", query.aliases)):
        for written in names:
            name, _ = normalise_name(written, titles)
            if " " in name:
                probes.single.setdefault(("PERSON", hasher("PERSON", name)), how)
                probes.first_alone = False
            if name:
                firsts.add(name.split()[0])
    for how, type_, values in (("NHS number", "UK_NHS", query.nhs), ("UPN", "UK_UPN", query.upn),
                               ("case reference", "CASE_REFERENCE", query.case_refs)):
        for value in values:
            probes.single[(type_, hasher.value(type_, value))] = how
    if query.dob:
        probes.dob = hasher("DATE_OF_BIRTH", query.dob.isoformat())
        for first in firsts:
            probes.single[(FIRST_NAME_DOB, hasher(FIRST_NAME_DOB, f"{first}|{query.dob.isoformat()}"))] = \
                "first name + DOB"
    probes.first_names = {hasher(FIRST_NAME, first) for first in firsts}
    return probes


def _match(record: dict, probes: _Probes) -> Match | None:
    how: dict[str, list[str]] = {}
    firsts, dobs = [], []
    for value in record.get("values", []):
        key = (value["type"], value["hash"])
        if key in probes.single:
            how.setdefault(probes.single[key], []).extend(value["where"])
        if value["type"] == FIRST_NAME and value["hash"] in probes.first_names:
            firsts.extend(value["where"])
        if value["type"] == "DATE_OF_BIRTH" and value["hash"] == probes.dob:
            dobs.extend(value["where"])
    if firsts and dobs and "first name + DOB" not in how:
        how["first name + DOB in the same document"] = firsts + dobs
    if dobs and probes.dob_alone:
        how["date of birth"] = dobs
    if firsts and probes.first_alone:
        how["first name"] = firsts
    if not how:
        return None
    ordered = sorted(how, key=lambda h: -WEIGHTS[h])
    doubt = 1.0
    for h in ordered:
        doubt *= 1 - WEIGHTS[h]
    where = tuple(dict.fromkeys(p for h in ordered for p in how[h]))
    return Match(record["path"], round(1 - doubt, 3), tuple(ordered), where, record.get("status", "ok"))


def _key_path(index_dir: Path, given: str | Path | None) -> Path:
    """--key, else $SHAREGUARD_INDEX_KEY, else where the scan that made the index kept it, else the default."""
    if given:
        return Path(given)
    meta = index_dir / META
    if not meta.exists():
        raise BulkError(f"{index_dir}: not a ShareGuard index (no {META}); make one with `shareguard scan`.")
    recorded = json.loads(meta.read_text()).get("key_path")
    return Path(os.environ.get(ENV_KEY) or recorded or default_key_path())


def query_for(names: tuple[str, ...] = (), dob: date | None = None, nhs: tuple[str, ...] = (),
              upn: tuple[str, ...] = (), case_refs: tuple[str, ...] = (), subject: str | None = None,
              register_path: Path | None = None) -> Query:
    """The query for what was typed, plus everything the register knows about `subject`."""
    query = Query(names=names, dob=dob, nhs=nhs, upn=upn, case_refs=case_refs)
    if subject is None:
        return query
    person = person_query(register_path, subject)
    return Query(names=person.names + names, aliases=person.aliases, dob=dob or person.dob, nhs=person.nhs + nhs,
                 upn=person.upn + upn, case_refs=person.case_refs + case_refs)


def matches_table(matches: list[Match]) -> str:
    """The matches for a terminal, most certain first."""
    header = ("CONFIDENCE", "HOW", "DOCUMENT", "WHERE")
    rows = [header, *((f"{m.confidence:.2f}", ", ".join(m.how),
                       m.path + (" (not fully read)" if m.status != "ok" else ""), "; ".join(m.where)) for m in matches)]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[3] for r in rows)


def person_query(register_path: Path | None, person_id: str) -> Query:
    """The query for a register person: name, aliases, date of birth and identifiers."""
    if register_path is None or not Path(register_path).exists():
        raise BulkError(f"{register_path}: no register there, so no person {person_id!r} (--register).")
    from scanner.register import Register, RegisterError

    try:
        with Register.open(register_path) as register:
            return Query.from_person(register.person(person_id))
    except RegisterError as exc:
        raise BulkError(str(exc)) from None


def _some(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


def matches_json(matches: list[Match]) -> Iterator[str]:
    for m in matches:
        yield json.dumps(m.to_dict(), ensure_ascii=False)
