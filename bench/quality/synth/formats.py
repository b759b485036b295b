"""How dates, ages, addresses and identifiers are written, each as labelled pieces.

The cue ("DOB:", "aged", "NHS No:") is kept outside the label; the unit that belongs to a
number ("7 years old", "7yo", "14-year-old") is inside it. A date is a DATE_OF_BIRTH only
with birth context; meeting dates and letter dates are decoys for that type.
"""
from __future__ import annotations

from datetime import date, timedelta
from random import Random

from . import identifiers as ids
from .builder import Piece, decoy, gold, optional, plain

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suffix)


def date_text(rng: Random, d: date) -> str:
    """A date in one of the ways UK staff write one."""
    mon = MONTHS[d.month - 1]
    return rng.choice([
        "%02d/%02d/%d" % (d.day, d.month, d.year), "%d/%d/%d" % (d.day, d.month, d.year),
        "%d.%d.%02d" % (d.day, d.month, d.year % 100), "%d-%02d-%02d" % (d.year, d.month, d.day),
        "%02d %s %d" % (d.day, mon[:3], d.year), "%s %s %d" % (ordinal(d.day), mon, d.year),
        "%d %s %d" % (d.day, mon, d.year), "%02d-%02d-%d" % (d.day, d.month, d.year),
        "%02d.%02d.%d" % (d.day, d.month, d.year), "%02d/%02d/%02d" % (d.day, d.month, d.year % 100)])


_DOB_CUES = (("DOB: ", ""), ("D.O.B. ", ""), ("born on ", ""), ("date of birth ", ""), ("(b. ", ")"),
             ("dob ", ""), ("Date of Birth: ", ""), ("DoB ", ""), ("born ", ""), ("d.o.b ", ""),
             ("(DOB ", ")"), ("DOB - ", ""))


def dob(rng: Random, d: date, bare: bool = False) -> list[Piece]:
    """A date of birth with a birth cue in front (or bare, when the template supplies it)."""
    value = gold("DATE_OF_BIRTH", date_text(rng, d))
    if bare:
        return [value]
    cue, close = rng.choice(_DOB_CUES)
    return [plain(cue), value, plain(close)]


def age(rng: Random, years: int, months: int, style: str) -> list[Piece]:
    """An age: `style` "" (after a name: "aged 7", "7 years old", "7yo"), "adj" ("7-year-old"),
    "field" ("Age: 7") or "bare" ("7", when the template supplies the cue)."""
    if years < 2:
        n, unit, short = months, "month", "m"
    else:
        n, unit, short = years, "year", "yo"
    number = gold("AGE", "%d" % n if years >= 2 else "%d months" % n)
    if style == "adj":
        return [gold("AGE", "%d-%s-old" % (n, unit))]
    if style == "bare":
        return [number]
    if style == "field":
        return [plain(rng.choice(["Age: ", "age: ", "Age ", "AGE: "])), number]
    form = rng.choice(["aged", "old", "short", "age", "yrs"])
    if form in ("aged", "age"):
        return [plain(form + " "), number]
    if form == "short" and years >= 2:
        return [gold("AGE", "%d%s" % (n, short))]
    if form == "yrs" and years >= 2:
        return [gold("AGE", "%d yrs" % n)]
    return [gold("AGE", "%d %ss old" % (n, unit) if n != 1 else "1 %s old" % unit)]


def meeting(rng: Random, today: date) -> list[Piece]:
    """A meeting date and time: not a date of birth."""
    d = today + timedelta(days=rng.randrange(-20, 30))
    hh, mm = rng.randrange(8, 18), rng.choice((0, 15, 30, 45))
    when = rng.choice([
        "%s at %02d:%02d" % (date_text(rng, d), hh, mm), "%s %s, %d.%02d%s" % (
            d.strftime("%A"), date_text(rng, d), hh % 12 or 12, mm, "am" if hh < 12 else "pm"),
        "%02d.%02d.%02d @ %02d:%02d" % (d.day, d.month, d.year % 100, hh, mm),
        "the %s of %s at %d%s" % (ordinal(d.day), MONTHS[d.month - 1], hh % 12 or 12, "am" if hh < 12 else "pm")])
    return [decoy("DATE_OF_BIRTH", when)]


def timestamp(rng: Random, today: date) -> list[Piece]:
    """A log entry's date and time, as a case-management system prints it."""
    d = today - timedelta(days=rng.randrange(60))
    hh, mm = rng.randrange(7, 22), rng.randrange(60)
    return [decoy("DATE_OF_BIRTH", rng.choice(["%02d/%02d/%d %02d:%02d" % (d.day, d.month, d.year, hh, mm),
                                               "%02d/%02d/%02d %02d%02d" % (d.day, d.month, d.year % 100, hh, mm),
                                               "%d-%02d-%02d %02d:%02d" % (d.year, d.month, d.day, hh, mm)]))]


def letter_date(rng: Random, today: date) -> list[Piece]:
    return [decoy("DATE_OF_BIRTH", date_text(rng, today))]


def street_line(rng: Random, streets: tuple[str, ...], buildings: tuple[str, ...]) -> str:
    n, k, street = rng.randrange(1, 240), rng.randrange(1, 40), rng.choice(streets)
    return rng.choice([
        "%d %s" % (n, street), "%d%s %s" % (n, rng.choice("abc"), street), "Flat %d, %d %s" % (k, n, street),
        "Flat %d %s, %s" % (k, rng.choice(buildings), street), "Room %d, %d %s" % (k, n, street),
        "%d %s" % (n, street), "Flat %d%s, %d %s" % (k, rng.choice("ABC"), n, street)])


def postcode_text(rng: Random, code: str, messy: bool) -> str:
    if messy and rng.random() < 0.3:
        return code.lower()
    return code.replace(" ", "") if rng.random() < 0.1 else code


def address(rng: Random, street: str, town: str, code: str, style: str, messy: bool) -> list[Piece]:
    """An address: "inline" (one line), "block" (letter head, one part a line) or "street"."""
    town_piece = optional("LOCATION", town, "town inside an address")
    pc = gold("UK_POSTCODE", postcode_text(rng, code, messy))
    if style == "street":
        return [gold("STREET_ADDRESS", street)]
    if style == "block":
        return [gold("STREET_ADDRESS", street.replace(", ", "\n")), plain("\n"), town_piece, plain("\n"), pc]
    sep = rng.choice([", ", " ", ",  "])
    if rng.random() < 0.2:
        return [gold("STREET_ADDRESS", street), plain(sep), pc]
    return [gold("STREET_ADDRESS", street), plain(", "), town_piece, plain(sep), pc]


_NHS_CUES = (("NHS No: ", ""), ("NHS number ", ""), ("NHS no. ", ""), ("", " (NHS)"), ("NHS: ", ""),
             ("NHS # ", ""), ("(NHS number ", ")"), ("", " (NHS no.)"))


def with_cue(rng: Random, cues: tuple[tuple[str, str], ...], value: Piece) -> list[Piece]:
    before, after = rng.choice(cues)
    return [plain(before), value, plain(after)]


def nhs(rng: Random, number: str, bare: bool) -> list[Piece]:
    value = gold("UK_NHS", ids.nhs_layout(rng, number))
    return [value] if bare else with_cue(rng, _NHS_CUES, value)


def bad_nhs(rng: Random, bare: bool) -> list[Piece]:
    """A ten-digit number with an NHS cue (or a reference cue) that fails the checksum."""
    value = decoy("UK_NHS", ids.nhs_layout(rng, ids.bad_nhs_number(rng)))
    cues = _NHS_CUES[:3] + (("ref ", ""), ("Order no. ", ""), ("account ", ""))
    return [value] if bare else with_cue(rng, cues, value)


_UPN_CUES = (("UPN: ", ""), ("UPN ", ""), ("(UPN ", ")"), ("Unique Pupil Number ", ""), ("", " (UPN)"))


def upn(rng: Random, value: str, bare: bool) -> list[Piece]:
    v = gold("UK_UPN", value)
    return [v] if bare else with_cue(rng, _UPN_CUES, v)


def bad_upn(rng: Random, bare: bool) -> list[Piece]:
    value = decoy("UK_UPN", ids.bad_upn_number(rng))
    return [value] if bare else with_cue(rng, _UPN_CUES[:2] + (("old ref ", ""),), value)


_NINO_CUES = (("NI number ", ""), ("NINO: ", ""), ("National Insurance no. ", ""), ("NI No ", ""), ("NI: ", ""))


def nino(rng: Random, value: str, bare: bool) -> list[Piece]:
    v = gold("UK_NINO", ids.nino_layout(rng, value))
    return [v] if bare else with_cue(rng, _NINO_CUES, v)


_CASE_CUES = (("Ref: ", ""), ("Our ref ", ""), ("Case ref: ", ""), ("(", ")"), ("ref. ", ""), ("LCS ID ", ""))


def case_ref(rng: Random, value: str, bare: bool) -> list[Piece]:
    v = gold("CASE_REFERENCE", value)
    return [v] if bare else with_cue(rng, _CASE_CUES, v)
