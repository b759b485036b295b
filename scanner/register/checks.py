"""The checks every change to the register passes, whichever way it comes (CLI, CSV, library):
one place, so the same input is refused with the same sentence everywhere."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError

from scanner.register.errors import RegisterError
from scanner.register.model import ANY, PERSONAL, TYPE_PREFIX
from scanner.types import SPECIAL_CATEGORY_TYPES

CATEGORIES = (PERSONAL, ANY, *SPECIAL_CATEGORY_TYPES)
# A recipient or purpose id as config writes them; no spaces or ";" (the CSV list separator).
_SCOPE_ID = re.compile(r"[^\s;]+")
_TYPE_WORD = re.compile(re.escape(TYPE_PREFIX) + r"[\w-]+")
_WHY_INVALID = {InvalidLength: "wrong length", InvalidFormat: "wrong format",
                InvalidComponent: "unknown local-authority number",
                InvalidChecksum: "the check character does not match"}



def required(field: str, value: str) -> str:
    if not (value or "").strip():
        raise RegisterError(f"{field}: must not be empty")
    return value.strip()


def one_of(field: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise RegisterError(f"{field}: {value!r} is not one of {', '.join(allowed)}")


def distinct(values: Iterable[str], exclude: str = "") -> tuple[str, ...]:
    """Trimmed, blanks and repeats dropped, order kept."""
    return tuple(dict.fromkeys(v.strip() for v in values if v.strip() and v.strip() != exclude))


def identifier(field: str, label: str, validate: Callable[[str], str], value: str | None) -> str | None:
    """A UK identifier checked (length, format, check character) and stored in its compact form."""
    if value is None or not value.strip():
        return None
    try:
        return validate(value.upper())
    except ValidationError as exc:
        why = _WHY_INVALID.get(type(exc), exc.message)
        raise RegisterError(f"{field}: {value!r} is not a valid {label} ({why})") from None


def scope(field: str, values: Iterable[str]) -> tuple[str, ...]:
    """Recipient or purpose ids: an id, "*" for any, or "type:<recipient type>"."""
    ids = distinct(values)
    if not ids:
        raise RegisterError(f"{field}: at least one is needed (an id, {TYPE_PREFIX}<type>, or {ANY} for any)")
    for value in ids:
        if not _SCOPE_ID.fullmatch(value) or (value.startswith(TYPE_PREFIX) and not _TYPE_WORD.fullmatch(value)):
            raise RegisterError(f"{field}: {value!r} is not an id, {TYPE_PREFIX}<type>, or {ANY}")
    return ids


def data_categories(values: Iterable[str], explicit: bool) -> tuple[str, ...]:
    """Data categories in canonical spelling; a special category needs explicit consent."""
    chosen = tuple(dict.fromkeys(category(v) for v in distinct(values))) or (PERSONAL,)
    special = [c for c in chosen if c in SPECIAL_CATEGORY_TYPES]
    if special and not explicit:
        raise RegisterError(f"categories: {', '.join(special)} is special-category data and needs explicit "
                            "consent (record it as explicit, or leave the category out)")
    return chosen


def category(value: str) -> str:
    canonical = value.upper() if value.upper() in SPECIAL_CATEGORY_TYPES else value.lower()
    if canonical not in CATEGORIES:
        raise RegisterError(f"categories: {value!r} is not one of {', '.join(CATEGORIES)}")
    return canonical
