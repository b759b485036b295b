"""The register's SQLite schema as ordered migration steps, and how a file is brought up to date.

`PRAGMA user_version` holds how many steps a file has had. Steps are only ever appended:
step N is never edited once shipped, because files in use already ran it. Each step and its
new version number are written in one transaction, so a crash leaves the file at the old
version or the new one, never between.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from scanner.register.errors import RegisterFileError
from scanner.register.model import AGREEMENT_KINDS, ROLES


@dataclass(frozen=True)
class Migration:
    why: str
    statements: tuple[str, ...]


def _one_of(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _list_table(table: str, owner: str, parent: str, value: str) -> str:
    """A multi-valued field kept as rows (not a JSON blob) so it can be queried and indexed."""
    return (f"CREATE TABLE {table} ({owner} TEXT NOT NULL REFERENCES {parent}(id), position INTEGER NOT NULL, "
            f"{value} TEXT NOT NULL, PRIMARY KEY ({owner}, position), UNIQUE ({owner}, {value}))")


MIGRATIONS: tuple[Migration, ...] = (
    Migration("people, consents, agreements and their multi-valued fields", (
        # The last number issued per id prefix, so an id is never issued twice.
        "CREATE TABLE id_counters (prefix TEXT PRIMARY KEY, last INTEGER NOT NULL)",
        f"""CREATE TABLE people (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN {_one_of(ROLES)}),
            dob TEXT, nhs TEXT UNIQUE, upn TEXT UNIQUE,
            competent INTEGER NOT NULL DEFAULT 0 CHECK (competent IN (0, 1)))""",
        _list_table("person_names", "person", "people", "name"),
        _list_table("person_case_refs", "person", "people", "case_ref"),
        """CREATE TABLE parental_responsibility (
            holder TEXT NOT NULL REFERENCES people(id), child TEXT NOT NULL REFERENCES people(id),
            PRIMARY KEY (holder, child), CHECK (holder <> child))""",
        """CREATE TABLE consents (
            id TEXT PRIMARY KEY, subject TEXT NOT NULL REFERENCES people(id),
            given_by TEXT NOT NULL REFERENCES people(id), explicit INTEGER NOT NULL CHECK (explicit IN (0, 1)),
            given TEXT NOT NULL, expires TEXT CHECK (expires IS NULL OR expires >= given),
            withdrawn TEXT, withdrawn_reason TEXT, evidence TEXT NOT NULL DEFAULT '',
            CHECK ((withdrawn IS NULL) = (withdrawn_reason IS NULL)))""",
        _list_table("consent_recipients", "consent", "consents", "recipient"),
        _list_table("consent_purposes", "consent", "consents", "purpose"),
        _list_table("consent_categories", "consent", "consents", "category"),
        f"""CREATE TABLE agreements (
            id TEXT PRIMARY KEY, recipient TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN {_one_of(AGREEMENT_KINDS)}), reference TEXT NOT NULL,
            valid_from TEXT NOT NULL, valid_to TEXT CHECK (valid_to IS NULL OR valid_to >= valid_from))""",
        _list_table("agreement_purposes", "agreement", "agreements", "purpose"),
        _list_table("agreement_categories", "agreement", "agreements", "category"),
        # What the decision and the register matcher look up by.
        "CREATE INDEX parental_responsibility_child ON parental_responsibility (child)",
        "CREATE INDEX consents_subject ON consents (subject)",
        "CREATE INDEX person_names_name ON person_names (name COLLATE NOCASE)",
        "CREATE INDEX consent_recipients_recipient ON consent_recipients (recipient)",
    )),
)


@contextmanager
def atomic(conn: sqlite3.Connection, begin: str = "BEGIN IMMEDIATE") -> Iterator[None]:
    """Everything inside commits together or not at all (or, for reads, sees one state of the
    file). Inside an open transaction it joins it, so a whole CSV file can be one transaction
    made of many single changes.

    The connection must be in autocommit mode (`isolation_level=None`): sqlite3's implicit
    transactions do not cover schema changes."""
    if conn.in_transaction:
        yield
        return
    conn.execute(begin)
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, steps: Sequence[Migration] = MIGRATIONS, name: str = "register") -> int:
    """Run the steps `conn` has not had yet, each in its own transaction; return the version.

    A file from a newer ShareGuard is refused rather than read with a schema we do not know."""
    version = schema_version(conn)
    if version > len(steps):
        raise RegisterFileError(
            f"{name}: the register is at schema version {version}, but this ShareGuard knows only up to "
            f"{len(steps)}; upgrade ShareGuard (the file was not changed)")
    for number, step in enumerate(steps[version:], start=version + 1):
        try:
            with atomic(conn):
                if schema_version(conn) >= number:
                    continue  # another process opening the same file ran this step first
                for statement in step.statements:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
        except sqlite3.Error as exc:
            raise RegisterFileError(f"{name}: upgrading the register failed at step {number} ({step.why}); "
                                    f"the file is left at version {number - 1} ({exc})") from None
    return len(steps)
