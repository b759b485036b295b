"""Invented people: a family (child, sibling, parents) and the professionals around it.

A `Person` knows how it may be written (full name, first name, "Mrs Okafor", "OKAFOR, Amara",
"amara okafor", initials); the cast decides which form each mention gets.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random

from . import identifiers as ids
from .names import MIXED_FIRST, ORIGINS, gender_surname, pools
from .places import school_name

#: role → (title choices, e-mail domain). Professionals named in their role are still PERSON.
PROFESSIONALS = {
    "sw": (("Ms", "Mr", "Mrs", "Miss"), "childrens-services.example.gov.uk"),
    "tm": (("Ms", "Mr", "Mrs"), "childrens-services.example.gov.uk"),
    "iro": (("Ms", "Mr", "Mrs"), "childrens-services.example.gov.uk"),
    "dsl": (("Mrs", "Mr", "Ms", "Miss"), "school.example.sch.uk"),
    "teacher": (("Mrs", "Mr", "Ms", "Miss"), "school.example.sch.uk"),
    "gp": (("Dr",), "nhs.example.net"),
    "hv": (("Ms", "Mrs", "Mr"), "nhs.example.net"),
    "nurse": (("Ms", "Mrs", "Mr"), "nhs.example.net"),
    "police": (("PC", "DC", "DS", "Sgt"), "police.example.uk"),
    "carer": (("Mrs", "Mr", "Ms"), "example.com"),
    "worker": (("Ms", "Mr"), "cfl.example.org.uk"),
}
_PERSONAL_DOMAINS = ("example.com", "example.net", "example.org", "example.co.uk")


@dataclass
class Person:
    first: str
    last: str
    sex: str
    title: str
    dob: date | None = None
    phone: str = ""
    email: str = ""
    nino: str = ""
    nhs: str = ""
    upn: str = ""
    school: str = ""
    extra: dict = field(default_factory=dict)

    def form(self, kind: str) -> str:
        """The name written one way: full, first, title, titlefull, formal, lower, lowerfirst,
        initials. A child has no title, so "title" falls back to the first name."""
        full = "%s %s" % (self.first, self.last)
        if kind == "title":
            return "%s %s" % (self.title, self.last) if self.title else self.first
        if kind == "titlefull":
            return "%s %s" % (self.title, full) if self.title else full
        if kind == "initials":
            return ".".join(w[0].upper() for w in full.replace("-", " ").split()) + "."
        return {"full": full, "first": self.first, "formal": "%s, %s" % (self.last.upper(), self.first),
                "lower": full.lower(), "lowerfirst": self.first.lower()}[kind]

    def pronoun(self, word: str) -> str:
        table = {"he": ("he", "she"), "him": ("him", "her"), "his": ("his", "her"), "boy": ("boy", "girl"),
                 "son": ("son", "daughter"), "man": ("man", "woman")}
        base = table[word.lower()][0 if self.sex == "m" else 1]
        return base.capitalize() if word[0].isupper() else base


def ascii_fold(text: str) -> str:
    """E-mail local parts: letters only, accents dropped (Łukasz → lukasz)."""
    text = text.translate(str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "ø": "o"}))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in text.lower() if c.isalnum())


def personal_email(rng: Random, first: str, last: str) -> str:
    f, l = ascii_fold(first), ascii_fold(last)
    local = rng.choice(["%s.%s" % (f, l), "%s_%s%d" % (f, l, rng.randrange(1, 99)), "%s%s" % (f[0], l),
                        "%s.%s%d" % (f, l, rng.randrange(70, 99)), "%s%d" % (f, rng.randrange(100, 999))])
    return "%s@%s" % (local, rng.choice(_PERSONAL_DOMAINS))


def random_dob(rng: Random, today: date, min_years: float, max_years: float) -> date:
    days = rng.randrange(int(min_years * 365.25) + 1, int(max_years * 365.25))
    return today - timedelta(days=days)


def age_on(dob: date, today: date) -> tuple[int, int]:
    """(years, months) completed on `today`."""
    months = (today.year - dob.year) * 12 + today.month - dob.month - (today.day < dob.day)
    return months // 12, months


def _pick_name(rng: Random, origin: str, sex: str) -> tuple[str, str]:
    firsts, lasts = pools(origin, sex)
    return rng.choice(firsts), rng.choice(lasts)


def professional(rng: Random, role: str) -> Person:
    sex = rng.choice("mf")
    first, last = _pick_name(rng, rng.choice(list(ORIGINS)), sex)
    titles, domain = PROFESSIONALS[role]
    title = rng.choice(titles)
    if title in ("Mrs", "Ms", "Miss") and sex == "m":
        title = "Mr"
    if title == "Mr" and sex == "f":
        title = rng.choice(("Mrs", "Ms"))
    email = "%s.%s@%s" % (ascii_fold(first), ascii_fold(last), domain)
    phone = ids.mobile(rng) if role == "carer" else ids.landline(rng)
    return Person(first, last, sex, title, phone=phone, email=email)


def family(rng: Random, today: date) -> dict[str, Person]:
    """Mother, maybe father, a child and a sibling, with plausible names across origins."""
    origin = rng.choice(list(ORIGINS))
    dad_origin = origin if rng.random() < 0.7 else rng.choice(list(ORIGINS))
    mum_first, mum_last = _pick_name(rng, origin, "f")
    dad_first, dad_last = _pick_name(rng, dad_origin, "m")
    people = {"mum": Person(mum_first, mum_last, "f", rng.choice(("Ms", "Mrs", "Miss"))),
              "dad": Person(dad_first, dad_last, "m", "Mr")}
    if rng.random() < 0.4:  # married or partnered: one family surname
        people["mum"].last = gender_surname(dad_last, "f", married=True)
    for key, lo, hi in (("child", 4, 17.9), ("sib", 0.05, 16)):
        sex = rng.choice("mf")
        first_origin = rng.choice(MIXED_FIRST) if rng.random() < 0.25 else rng.choice((origin, dad_origin))
        taken = {p.first for p in people.values()}
        first = rng.choice([f for f in pools(first_origin, sex)[0] if f not in taken])
        last = _child_surname(rng, sex, people)
        child = Person(first, last, sex, "", dob=random_dob(rng, today, lo, hi))
        child.nhs, child.upn, child.school = ids.nhs_number(rng), ids.upn_number(rng), school_name(rng)
        people[key] = child
    oldest = min(people["child"].dob, people["sib"].dob)
    for key in ("mum", "dad"):
        p = people[key]
        p.dob = random_dob(rng, oldest, 17, 38)
        p.phone, p.email, p.nino = ids.mobile(rng), personal_email(rng, p.first, p.last), ids.nino(rng)
        p.nhs = ids.nhs_number(rng)
    return people


def _child_surname(rng: Random, sex: str, people: dict[str, Person]) -> str:
    mum = gender_surname(people["mum"].last, sex)
    dad = gender_surname(people["dad"].last, sex)
    roll = rng.random()
    if roll < 0.15 and mum != dad:
        return "%s-%s" % (mum, dad)
    return dad if roll < 0.6 else mum
