"""The register kept in one SQLite file: record and read people, consents and agreements.

Every change is checked here, so the CLI and the CSV import refuse the same things with the same
sentences, and every change is one transaction. The store issues the ids (`P-0001`, `C-0001`,
`A-0001`) from a counter, so an id is never issued twice. The decision never reads the file: it
gets a `RegisterView` snapshot from `view()`.
"""
from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from stdnum.gb import nhs as stdnum_nhs
from stdnum.gb import upn as stdnum_upn

from scanner import sqlite as db
from scanner.register import checks
from scanner.register.errors import RegisterError, RegisterFileError
from scanner.register.migrations import migrate
from scanner.register.model import (
    AGREEMENT_KINDS, PERSONAL, ROLES, Agreement, Consent, Person, RegisterView,
)

def consent_status(consent: Consent, on: date) -> str:
    """How a consent stands on a day: "in force", "not yet", "expired" or "withdrawn"."""
    if consent.withdrawn is not None and on >= consent.withdrawn:
        return "withdrawn"
    if on < consent.given:
        return "not yet"
    return "expired" if consent.expires is not None and on > consent.expires else "in force"


class Register(db.Store):
    """One open register file. Use `Register.open(path)`, as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn, self.path = conn, path

    @classmethod
    def open(cls, path: str | Path) -> Register:
        """Open the file (creating it and its folder if missing) and bring its schema up to date."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise RegisterFileError(f"{path}: cannot open the register ({exc})") from None
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn, name=str(path))
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise RegisterFileError(f"{path}: not a usable register ({exc})") from None
        except RegisterError:
            conn.close()
            raise
        return cls(conn, path)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Changes made inside are kept together or not at all (a CSV import uses one)."""
        with self._atomic("BEGIN IMMEDIATE"):
            yield

    @contextmanager
    def _atomic(self, begin: str) -> Iterator[None]:
        try:
            with db.atomic(self._conn, begin):
                yield
        except sqlite3.OperationalError as exc:  # locked by another writer too long, disk full, read-only
            raise RegisterFileError(f"{self.path}: the register could not be used ({exc})") from None

    # -- people ---------------------------------------------------------------------------------

    def add_person(self, name: str, role: str, aliases: Iterable[str] = (), dob: date | None = None,
                   nhs: str | None = None, upn: str | None = None, case_refs: Iterable[str] = (),
                   competent: bool = False, responsible_for: Iterable[str] = (), *,
                   record_id: str | None = None) -> Person:
        """Record a person. `record_id` keeps an id from an export being restored; None issues one."""
        name = checks.required("name", name)
        checks.one_of("role", role, ROLES)
        if dob is not None and dob > date.today():
            raise RegisterError(f"dob: a date of birth cannot be in the future (got {dob.isoformat()})")
        nhs = checks.identifier("nhs", "NHS number", stdnum_nhs.validate, nhs)
        upn = checks.identifier("upn", "UPN", stdnum_upn.validate, upn)
        with self.transaction():
            self._unclaimed("nhs", nhs)
            self._unclaimed("upn", upn)
            person_id = self._new_id("P", "people", record_id)
            self._conn.execute("INSERT INTO people VALUES (?, ?, ?, ?, ?, ?, ?)", (
                person_id, name, role, dob and dob.isoformat(), nhs, upn, int(competent)))
            self._insert_list("person_names", person_id, checks.distinct(aliases, exclude=name))
            self._insert_list("person_case_refs", person_id, checks.distinct(case_refs))
            for child in checks.distinct(responsible_for):
                self.add_responsibility(person_id, child)
            return self.person(person_id)

    def add_responsibility(self, holder: str, child: str) -> None:
        """Record that `holder` has parental responsibility for `child` (both already recorded)."""
        with self.transaction():
            self._existing("responsible_for", holder)
            minor = self._existing("responsible_for", child)
            if holder == child:
                raise RegisterError(f"responsible_for: {child} cannot hold parental responsibility for themself")
            if not minor.is_child:
                raise RegisterError(f"responsible_for: {child} is recorded as {minor.role}, not a child")
            self._conn.execute("INSERT OR IGNORE INTO parental_responsibility VALUES (?, ?)", (holder, child))

    def person(self, person_id: str) -> Person:
        return self._existing("person", person_id)

    def people(self) -> tuple[Person, ...]:
        return self._read_people()

    def holders_of(self, child: str) -> tuple[Person, ...]:
        """The people recorded as holding parental responsibility for `child`."""
        rows = self._conn.execute("SELECT holder FROM parental_responsibility WHERE child = ? ORDER BY holder",
                                  (child,)).fetchall()
        return tuple(self.person(row["holder"]) for row in rows)

    # -- consents -------------------------------------------------------------------------------

    def add_consent(self, subject: str, given_by: str, recipients: Iterable[str], purposes: Iterable[str],
                    categories: Iterable[str] = (PERSONAL,), explicit: bool = False, *, given: date,
                    expires: date | None = None, evidence: str = "", record_id: str | None = None) -> Consent:
        """Record a consent. Empty `categories` means ordinary personal data only."""
        recipients = checks.scope("recipients", recipients)
        purposes = checks.scope("purposes", purposes)
        categories = checks.data_categories(categories, explicit=explicit)
        if expires is not None and expires < given:
            raise RegisterError(
                f"expires: {expires.isoformat()} is before the consent was given ({given.isoformat()})")
        with self.transaction():
            self._check_giver(self._existing("subject", subject), self._existing("given_by", given_by))
            consent_id = self._new_id("C", "consents", record_id)
            self._conn.execute(
                "INSERT INTO consents (id, subject, given_by, explicit, given, expires, evidence) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (consent_id, subject, given_by, int(explicit), given.isoformat(), expires and expires.isoformat(),
                 evidence.strip()))
            self._insert_list("consent_recipients", consent_id, recipients)
            self._insert_list("consent_purposes", consent_id, purposes)
            self._insert_list("consent_categories", consent_id, categories)
            return self._consent(consent_id)

    def withdraw_consent(self, consent_id: str, on: date, reason: str) -> Consent:
        """Record that a consent was withdrawn on `on`; it stops counting from that day."""
        reason = checks.required("reason", reason)
        with self.transaction():
            consent = self._consent(consent_id)
            if consent.withdrawn is not None:
                raise RegisterError(f"consent: {consent_id} was already withdrawn on {consent.withdrawn.isoformat()}")
            if on < consent.given:
                raise RegisterError(
                    f"on: {on.isoformat()} is before {consent_id} was given ({consent.given.isoformat()})")
            self._conn.execute("UPDATE consents SET withdrawn = ?, withdrawn_reason = ? WHERE id = ?",
                               (on.isoformat(), reason, consent_id))
            return self._consent(consent_id)

    def consents(self, subject: str | None = None) -> tuple[Consent, ...]:
        """Every consent, or those about `subject`, oldest first."""
        if subject is not None:
            self._existing("subject", subject)
        return self._read_consents(subject=subject)

    def withdrawal_reasons(self) -> dict[str, str]:
        """Consent id → why it was withdrawn (the `Consent` record keeps only the date)."""
        rows = self._conn.execute("SELECT id, withdrawn_reason FROM consents WHERE withdrawn IS NOT NULL")
        return {row["id"]: row["withdrawn_reason"] for row in rows}

    # -- agreements -----------------------------------------------------------------------------

    def add_agreement(self, recipient: str, purposes: Iterable[str], categories: Iterable[str], kind: str,
                      reference: str, valid_from: date, valid_to: date | None = None, *,
                      record_id: str | None = None) -> Agreement:
        """Record a legal basis a recipient holds (ISA, statutory duty, court order…)."""
        (recipient,) = checks.scope("recipient", [recipient])
        purposes = checks.scope("purposes", purposes)
        categories = checks.data_categories(categories, explicit=True)  # a legal basis may be an Article 9 condition
        checks.one_of("kind", kind, AGREEMENT_KINDS)
        reference = checks.required("reference", reference)
        if valid_to is not None and valid_to < valid_from:
            raise RegisterError(f"valid_to: {valid_to.isoformat()} is before valid_from ({valid_from.isoformat()})")
        with self.transaction():
            agreement_id = self._new_id("A", "agreements", record_id)
            self._conn.execute("INSERT INTO agreements VALUES (?, ?, ?, ?, ?, ?)", (
                agreement_id, recipient, kind, reference, valid_from.isoformat(), valid_to and valid_to.isoformat()))
            self._insert_list("agreement_purposes", agreement_id, purposes)
            self._insert_list("agreement_categories", agreement_id, categories)
            return self._read_agreements(only=agreement_id)[0]

    def agreements(self) -> tuple[Agreement, ...]:
        return self._read_agreements()

    def view(self) -> RegisterView:
        """Everything, read as one consistent state of the file: what the decision reads."""
        with self._atomic("BEGIN DEFERRED"):
            return RegisterView(self.people(), self.consents(), self.agreements())

    # -- inside ---------------------------------------------------------------------------------

    def _existing(self, field: str, person_id: str) -> Person:
        found = self._read_people(only=person_id)
        if not found:
            raise RegisterError(f"{field}: {person_id!r} is not in the register")
        return found[0]

    def _check_giver(self, subject: Person, giver: Person) -> None:
        """SPEC rule 3: the subject consents for themself, or, for a child not competent to
        consent, a person with parental responsibility does."""
        if giver.id == subject.id:
            if subject.is_child and not subject.competent:
                raise RegisterError(
                    f"given_by: {subject.id} is a {subject.role} not recorded as competent to consent; consent "
                    "must come from a person with parental responsibility")
        elif subject.id not in giver.responsible_for:
            raise RegisterError(f"given_by: {giver.id} is not the subject and holds no recorded parental "
                                f"responsibility for {subject.id}")

    def _unclaimed(self, column: str, value: str | None) -> None:
        row = value and self._conn.execute(f"SELECT id FROM people WHERE {column} = ?", (value,)).fetchone()
        if row:
            raise RegisterError(f"{column}: {value} is already recorded for {row['id']}")

    def _new_id(self, prefix: str, table: str, wanted: str | None) -> str:
        row = self._conn.execute("SELECT last FROM id_counters WHERE prefix = ?", (prefix,)).fetchone()
        last = row["last"] if row else 0
        if wanted is None:
            number = last + 1
        else:
            match = re.fullmatch(rf"{prefix}-(\d{{4,}})", wanted)
            if not match:
                raise RegisterError(f"id: expected the form {prefix}-0001 (got {wanted!r})")
            if self._conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (wanted,)).fetchone():
                raise RegisterError(f"id: {wanted} is already in the register")
            number = int(match[1])
        self._conn.execute("INSERT INTO id_counters VALUES (?, ?) "
                           "ON CONFLICT (prefix) DO UPDATE SET last = excluded.last", (prefix, max(last, number)))
        return wanted or f"{prefix}-{number:04d}"

    def _insert_list(self, table: str, owner: str, values: tuple[str, ...]) -> None:
        self._conn.executemany(f"INSERT INTO {table} VALUES (?, ?, ?)", ((owner, i, v) for i, v in enumerate(values)))

    def _lists(self, table: str, owner: str, value: str, only: str | None,
               order: str = "position") -> dict[str, tuple[str, ...]]:
        """A multi-valued field for every record (or the record `only`), by record id."""
        out: dict[str, list[str]] = defaultdict(list)
        where, args = _only(owner, only)
        for row in self._conn.execute(f"SELECT {owner}, {value} FROM {table} {where} ORDER BY {owner}, {order}", args):
            out[row[0]].append(row[1])
        return {key: tuple(values) for key, values in out.items()}

    def _rows(self, table: str, only: str | None, column: str = "id") -> list[sqlite3.Row]:
        where, args = _only(column, only)
        return self._conn.execute(f"SELECT * FROM {table} {where} ORDER BY rowid", args).fetchall()

    def _read_people(self, only: str | None = None) -> tuple[Person, ...]:
        aliases = self._lists("person_names", "person", "name", only)
        case_refs = self._lists("person_case_refs", "person", "case_ref", only)
        children = self._lists("parental_responsibility", "holder", "child", only, order="child")
        return tuple(Person(
            id=r["id"], name=r["name"], role=r["role"], aliases=aliases.get(r["id"], ()), dob=_date(r["dob"]),
            nhs=r["nhs"], upn=r["upn"], case_refs=case_refs.get(r["id"], ()), competent=bool(r["competent"]),
            responsible_for=children.get(r["id"], ())) for r in self._rows("people", only))

    def _consent(self, consent_id: str) -> Consent:
        found = self._read_consents(only=consent_id)
        if not found:
            raise RegisterError(f"consent: {consent_id!r} is not in the register")
        return found[0]

    def _read_consents(self, only: str | None = None, subject: str | None = None) -> tuple[Consent, ...]:
        recipients = self._lists("consent_recipients", "consent", "recipient", only)
        purposes = self._lists("consent_purposes", "consent", "purpose", only)
        categories = self._lists("consent_categories", "consent", "category", only)
        rows = self._rows("consents", subject, "subject") if subject else self._rows("consents", only)
        return tuple(Consent(
            id=r["id"], subject=r["subject"], given_by=r["given_by"], recipients=recipients.get(r["id"], ()),
            purposes=purposes.get(r["id"], ()), categories=categories.get(r["id"], ()), explicit=bool(r["explicit"]),
            given=date.fromisoformat(r["given"]), expires=_date(r["expires"]), withdrawn=_date(r["withdrawn"]),
            evidence=r["evidence"]) for r in rows)

    def _read_agreements(self, only: str | None = None) -> tuple[Agreement, ...]:
        purposes = self._lists("agreement_purposes", "agreement", "purpose", only)
        categories = self._lists("agreement_categories", "agreement", "category", only)
        return tuple(Agreement(
            id=r["id"], recipient=r["recipient"], purposes=purposes.get(r["id"], ()),
            categories=categories.get(r["id"], ()), kind=r["kind"], reference=r["reference"],
            valid_from=date.fromisoformat(r["valid_from"]), valid_to=_date(r["valid_to"]))
            for r in self._rows("agreements", only))


def _only(column: str, value: str | None) -> tuple[str, tuple[str, ...]]:
    return (f"WHERE {column} = ?", (value,)) if value is not None else ("", ())


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)
