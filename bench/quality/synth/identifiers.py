"""Structured identifiers: valid ones (checked with python-stdnum / libphonenumber) and decoys.

Every value a document labels is valid by the same library a reviewer would use, and every
decoy provably fails it, so the gold can be re-verified (`generate.py --check`).
"""
from __future__ import annotations

import re
from random import Random

import phonenumbers
from stdnum.gb import nhs, upn

# --- NHS numbers -----------------------------------------------------------------------------

def nhs_number(rng: Random) -> str:
    """A 10-digit NHS number whose modulus-11 check digit is right."""
    while True:
        stem = str(rng.randrange(400, 999)) + "".join(str(rng.randrange(10)) for _ in range(6))
        for d in range(10):
            if nhs.is_valid(stem + str(d)):
                return stem + str(d)


def bad_nhs_number(rng: Random) -> str:
    """A 10-digit number shaped like an NHS number that fails the modulus-11 check."""
    while True:
        n = str(rng.randrange(1, 10)) + "".join(str(rng.randrange(10)) for _ in range(9))
        if not nhs.is_valid(n) and not is_valid_phone(n):
            return n


def nhs_layout(rng: Random, number: str) -> str:
    """The number as people write it: 3-3-4 with spaces or hyphens, or run together."""
    a, b, c = number[:3], number[3:6], number[6:]
    return rng.choice(["%s %s %s", "%s%s%s", "%s-%s-%s", "%s %s %s"]) % (a, b, c)


# --- Unique Pupil Numbers --------------------------------------------------------------------

_UPN_LA = sorted(upn._la_numbers)  # noqa: SLF001 (stdnum's own list of accepted LA codes)


def upn_number(rng: Random) -> str:
    """A permanent UPN: check letter + LA code + establishment + year + serial."""
    body = "%03d%04d%02d%03d" % (rng.choice(_UPN_LA), rng.randrange(1000, 7000), rng.randrange(5, 24),
                                 rng.randrange(1, 999))
    return upn.calc_check_digit(body) + body


def bad_upn_number(rng: Random) -> str:
    """A UPN-shaped string whose check letter is wrong."""
    good = upn_number(rng)
    wrong = rng.choice([c for c in "ABCDEFGHJKLMNPQRTUVWXYZ" if c != good[0]])
    return wrong + good[1:]


# --- National Insurance numbers --------------------------------------------------------------

_NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
_NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
_NINO_BANNED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
NINO_RE = re.compile(r"^[%s][%s]\d{6}[A-D]$" % (_NINO_FIRST, _NINO_SECOND))


def nino(rng: Random) -> str:
    while True:
        prefix = rng.choice(_NINO_FIRST) + rng.choice(_NINO_SECOND)
        if prefix not in _NINO_BANNED:
            return prefix + "%06d" % rng.randrange(10 ** 6) + rng.choice("ABCD")


def nino_layout(rng: Random, value: str) -> str:
    p, d, s = value[:2], value[2:8], value[8]
    return rng.choice(["%s %s %s %s %s" % (p, d[:2], d[2:4], d[4:], s), value, "%s %s %s" % (p, d, s)])


def is_valid_nino(text: str) -> bool:
    compact = re.sub(r"\s", "", text).upper()
    return bool(NINO_RE.match(compact)) and compact[:2] not in _NINO_BANNED


# --- phone numbers ---------------------------------------------------------------------------

#: Ofcom's ranges reserved for drama that libphonenumber accepts as valid GB numbers:
#: (area code, local prefix, digits to add).
_DRAMA = (("0113", "496 0", 3), ("0114", "496 0", 3), ("0116", "496 0", 3), ("0117", "496 0", 3),
          ("0118", "496 0", 3), ("0121", "496 0", 3), ("0131", "496 0", 3), ("0141", "496 0", 3),
          ("0151", "496 0", 3), ("0161", "496 0", 3), ("0191", "498 0", 3), ("020", "7946 0", 3),
          ("028", "9649 6", 3), ("029", "2018 0", 3))


def is_valid_phone(text: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(text, "GB"))
    except phonenumbers.NumberParseException:
        return False


def landline(rng: Random) -> str:
    """A drama-range landline in one of the layouts people type."""
    area, local, k = rng.choice(_DRAMA)
    local = local + "".join(str(rng.randrange(10)) for _ in range(k))
    digits = local.replace(" ", "")
    intl = area[1:]
    return rng.choice(["%s %s" % (area, local), "(%s) %s" % (area, local), "%s-%s" % (area, local.replace(" ", "-")),
                       "+44 %s %s" % (intl, local), "+44 (0)%s %s" % (intl, local), area + digits])


def mobile(rng: Random) -> str:
    """A mobile number libphonenumber accepts (Ofcom's 07700 900 drama range it does not)."""
    while True:
        digits = "07" + str(rng.choice([4, 5, 7, 8, 9])) + "".join(str(rng.randrange(10)) for _ in range(8))
        n = phonenumbers.parse(digits, "GB")
        if phonenumbers.is_valid_number(n) and phonenumbers.number_type(n) == phonenumbers.PhoneNumberType.MOBILE:
            break
    a, b = digits[:5], digits[5:]
    return rng.choice(["%s %s" % (a, b), digits, "+44 %s %s" % (a[1:], b), "+44%s" % digits[1:],
                       "%s %s %s" % (digits[:4], digits[4:7], digits[7:]), "%s-%s" % (a, b),
                       "+44 (0)%s %s" % (a[1:], b)])


# --- case references -------------------------------------------------------------------------

CASE_REF_RE = re.compile(r"^(CF-\d{4}-\d{6}|LCS-\d{6}|MASH/\d{4}/\d{5})$")


def case_reference(rng: Random, year: int) -> str:
    return rng.choice(["CF-%d-%06d" % (year, rng.randrange(1, 10 ** 6)), "LCS-%06d" % rng.randrange(10 ** 5, 10 ** 6),
                       "MASH/%d/%05d" % (year, rng.randrange(1, 10 ** 5))])


def invoice_number(rng: Random, year: int) -> str:
    """Looks like a reference but is the finance system's, not a case's."""
    return rng.choice(["INV-%d-%04d" % (year, rng.randrange(10 ** 4)), "PO%07d" % rng.randrange(10 ** 7),
                       "SO-%05d" % rng.randrange(10 ** 5), "INV/%d/%03d" % (year, rng.randrange(1000))])


# --- re-verification (used by --check) -------------------------------------------------------

def valid_for(type_: str, text: str) -> bool | None:
    """Whether a labelled value passes its own validator; None where no validator applies."""
    digits = re.sub(r"\D", "", text)
    if type_ == "UK_NHS":
        return nhs.is_valid(digits)
    if type_ == "UK_UPN":
        return upn.is_valid(text)
    if type_ == "UK_NINO":
        return is_valid_nino(text)
    if type_ == "PHONE_NUMBER":
        return is_valid_phone(text)
    if type_ == "CASE_REFERENCE":
        return bool(CASE_REF_RE.match(text))
    return None
