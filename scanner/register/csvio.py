"""The register as CSV files a DSL can edit in a spreadsheet: import (all or nothing) and export.

One file per kind, with a header row. Columns, in export order (* = required in an import):

    people:     id, name*, role*, aliases, dob, nhs, upn, case_refs, competent, responsible_for
    consents:   id, subject*, given_by*, recipients*, purposes*, categories, explicit, given*,
                expires, withdrawn, withdrawn_reason, evidence
    agreements: id, recipient*, purposes*, categories, kind*, reference*, valid_from*, valid_to

- Lists (aliases, case_refs, responsible_for, recipients, purposes, categories) are separated by `;`.
- Dates are `YYYY-MM-DD`; yes/no columns take yes, no, true or false (blank is no).
- Blank categories mean ordinary personal data only (`personal_data`).
- `id` may be left blank: the register then issues the next id, in file order. An id that is
  given is kept (so an export imports back unchanged) and must not be in the register already.
- `responsible_for` may name people of the same file, earlier or later rows, by their id.
- A consent row with `withdrawn` needs `withdrawn_reason`.

Every row is checked with the same rules as `shareguard register … add`. The first bad row
stops the import with an error naming the file, the line and the problem, and nothing from the
file is kept. Columns not listed above are refused, so a misspelt header is not silently ignored.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from scanner.register.errors import RegisterError
from scanner.register.model import Agreement, Consent, Person
from scanner.register.store import Register

LIST_SEPARATOR = ";"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BOOLEANS = {"yes": True, "true": True, "no": False, "false": False, "": False}


@dataclass(frozen=True)
class Layout:
    columns: tuple[str, ...]
    required: frozenset[str]


LAYOUTS = {
    "people": Layout(("id", "name", "role", "aliases", "dob", "nhs", "upn", "case_refs", "competent",
                      "responsible_for"), frozenset({"name", "role"})),
    "consents": Layout(("id", "subject", "given_by", "recipients", "purposes", "categories", "explicit", "given",
                        "expires", "withdrawn", "withdrawn_reason", "evidence"),
                       frozenset({"subject", "given_by", "recipients", "purposes", "given"})),
    "agreements": Layout(("id", "recipient", "purposes", "categories", "kind", "reference", "valid_from", "valid_to"),
                         frozenset({"recipient", "purposes", "kind", "reference", "valid_from"})),
}
KINDS = tuple(LAYOUTS)


def parse_date(text: str) -> date:
    """A `YYYY-MM-DD` date; anything else is refused with a sentence saying what was expected."""
    try:
        if _ISO_DATE.fullmatch(text.strip()):
            return date.fromisoformat(text.strip())
    except ValueError:
        pass
    raise ValueError(f"{text!r} is not a valid date (YYYY-MM-DD)")


def import_csv(register: Register, kind: str, path: str | Path) -> int:
    """Add every row of the CSV file at `path` to the register, all or nothing; return the row count."""
    layout = _layout(kind)
    rows = list(_read(path, layout))
    with register.transaction():
        if kind == "people":
            _import_people(register, path, rows)
        else:
            add = _add_consent if kind == "consents" else _add_agreement
            for line, row in rows:
                with _at(path, line):
                    add(register, row)
    return len(rows)


def export_csv(register: Register, kind: str, target: str | Path | TextIO) -> int:
    """Write every record of `kind` as CSV to a file path or an open text stream; return the count."""
    layout = _layout(kind)
    records = _records(register, kind)
    with _writable(target) as stream:
        writer = csv.DictWriter(stream, fieldnames=layout.columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    return len(records)


# -- import ---------------------------------------------------------------------------------------

def _layout(kind: str) -> Layout:
    if kind not in LAYOUTS:
        raise RegisterError(f"kind: {kind!r} is not one of {', '.join(KINDS)}")
    return LAYOUTS[kind]


def _read(path: str | Path, layout: Layout) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row, after checking the header."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:  # -sig: Excel writes a BOM
            reader = csv.DictReader(stream)
            header = [name.strip() for name in reader.fieldnames or ()]
            _check_header(path, header, layout)
            reader.fieldnames = header
            for row in reader:
                if None in row:
                    raise RegisterError(f"{path}: line {reader.line_num}: more values than columns")
                if any((value or "").strip() for value in row.values()):
                    yield reader.line_num, {k: (v or "").strip() for k, v in row.items()}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise RegisterError(f"{path}: cannot be read as CSV ({exc})") from None


def _check_header(path: str | Path, header: list[str], layout: Layout) -> None:
    unknown = [name for name in header if name not in layout.columns]
    missing = sorted(layout.required - set(header))
    if unknown or missing:
        problems = ([f"unknown column(s) {', '.join(unknown)}"] if unknown else []) + (
            [f"missing column(s) {', '.join(missing)}"] if missing else [])
        raise RegisterError(f"{path}: line 1: {'; '.join(problems)} (columns: {', '.join(layout.columns)})")


@contextmanager
def _at(path: str | Path, line: int) -> Iterator[None]:
    """Say where a refused value came from."""
    try:
        yield
    except RegisterError as exc:
        raise RegisterError(f"{path}: line {line}: {exc}") from None


def _import_people(register: Register, path: str | Path, rows: list[tuple[int, dict[str, str]]]) -> None:
    """People first, then who holds parental responsibility, so a row may name a later row."""
    added = []
    for line, row in rows:
        with _at(path, line):
            person = register.add_person(
                row["name"], row["role"], _list(row, "aliases"), _date(row, "dob"), row.get("nhs"), row.get("upn"),
                _list(row, "case_refs"), _bool(row, "competent"), record_id=row.get("id") or None)
        added.append((line, person.id, _list(row, "responsible_for")))
    for line, holder, children in added:
        with _at(path, line):
            for child in children:
                register.add_responsibility(holder, child)


def _add_consent(register: Register, row: dict[str, str]) -> None:
    withdrawn, reason = _date(row, "withdrawn"), row.get("withdrawn_reason", "")
    if (withdrawn is None) != (not reason):
        raise RegisterError("withdrawn, withdrawn_reason: give both (the date and why) or neither")
    consent = register.add_consent(
        row["subject"], row["given_by"], _list(row, "recipients"), _list(row, "purposes"), _list(row, "categories"),
        _bool(row, "explicit"), given=_date(row, "given"), expires=_date(row, "expires"),
        evidence=row.get("evidence", ""), record_id=row.get("id") or None)
    if withdrawn is not None:
        register.withdraw_consent(consent.id, withdrawn, reason)


def _add_agreement(register: Register, row: dict[str, str]) -> None:
    register.add_agreement(
        row["recipient"], _list(row, "purposes"), _list(row, "categories"), row["kind"], row["reference"],
        _date(row, "valid_from"), _date(row, "valid_to"), record_id=row.get("id") or None)


def _list(row: dict[str, str], column: str) -> tuple[str, ...]:
    return tuple(value.strip() for value in row.get(column, "").split(LIST_SEPARATOR) if value.strip())


def _date(row: dict[str, str], column: str) -> date | None:
    text = row.get(column, "")
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise RegisterError(f"{column}: {exc}") from None


def _bool(row: dict[str, str], column: str) -> bool:
    text = row.get(column, "").lower()
    if text not in _BOOLEANS:
        raise RegisterError(f"{column}: {row[column]!r} is not yes, no, true or false")
    return _BOOLEANS[text]


# -- export ---------------------------------------------------------------------------------------

def _records(register: Register, kind: str) -> list[dict[str, str]]:
    if kind == "people":
        return [_person_row(p) for p in register.people()]
    if kind == "consents":
        reasons = register.withdrawal_reasons()
        return [_consent_row(c, reasons.get(c.id, "")) for c in register.consents()]
    return [_agreement_row(a) for a in register.agreements()]


def _person_row(p: Person) -> dict[str, str]:
    return {"id": p.id, "name": p.name, "role": p.role, "aliases": _joined(p.aliases), "dob": _iso(p.dob),
            "nhs": p.nhs or "", "upn": p.upn or "", "case_refs": _joined(p.case_refs),
            "competent": _yes_no(p.competent), "responsible_for": _joined(p.responsible_for)}


def _consent_row(c: Consent, reason: str) -> dict[str, str]:
    return {"id": c.id, "subject": c.subject, "given_by": c.given_by, "recipients": _joined(c.recipients),
            "purposes": _joined(c.purposes), "categories": _joined(c.categories), "explicit": _yes_no(c.explicit),
            "given": _iso(c.given), "expires": _iso(c.expires), "withdrawn": _iso(c.withdrawn),
            "withdrawn_reason": reason, "evidence": c.evidence}


def _agreement_row(a: Agreement) -> dict[str, str]:
    return {"id": a.id, "recipient": a.recipient, "purposes": _joined(a.purposes),
            "categories": _joined(a.categories), "kind": a.kind, "reference": a.reference,
            "valid_from": _iso(a.valid_from), "valid_to": _iso(a.valid_to)}


def _joined(values: tuple[str, ...]) -> str:
    return LIST_SEPARATOR.join(values)


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


@contextmanager
def _writable(target: str | Path | TextIO) -> Iterator[TextIO]:
    if not isinstance(target, (str, Path)):
        yield target
        return
    try:
        with open(target, "w", encoding="utf-8", newline="") as stream:
            yield stream
    except OSError as exc:
        raise RegisterError(f"{target}: cannot be written ({exc})") from None
