"""The register's SQLite schema as ordered migration steps, and how a file is brought up to date.

`PRAGMA user_version` holds how many steps a file has had. Steps are only ever appended:
step N is never edited once shipped, because files in use already ran it. Each step and its
new version number are written in one transaction, so a crash leaves the file at the old
version or the new one, never between.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from scanner import sqlite as db
from scanner.register.errors import RegisterFileError
from scanner.register.model import AGREEMENT_KINDS, ROLES

Migration = db.Step  # one schema step: why, and its statements


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


def migrate(conn: sqlite3.Connection, steps: Sequence[Migration] = MIGRATIONS, name: str = "register") -> int:
    """Run the steps `conn` has not had yet, each in its own transaction; return the version.

    A file from a newer ShareGuard is refused rather than read with a schema we do not know."""
    return db.migrate(conn, steps, name, "register", RegisterFileError)
