"""One document's world: its date, family, professionals and places, and how template fields
(`{child}`, `{mum.phone}`, `{family.address:block}`, `{decoy.nhs}` …) turn into labelled pieces.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from . import formats as fmt
from . import identifiers as ids
from .builder import DocBuilder, Label, Piece, decoy, gold, optional, plain
from .people import PROFESSIONALS, Person, age_on, family, professional
from .places import AREAS, BUILDINGS, GENERAL_PLACES, HELPLINES, PUBLIC_BODIES, STREETS, TOWNS
from .places import postcode as draw_postcode

_ADULT_FORMS = ("first", "title", "title", "full", "titlefull")
_CHILD_FORMS = ("first", "first", "first", "full")


@dataclass
class Cast:
    rng: Random
    today: date
    people: dict[str, Person]
    street: str
    town: str
    postcode: str
    case_ref: str
    pseudonym: str

    @classmethod
    def draw(cls, rng: Random) -> "Cast":
        today = date(2023, 1, 2) + timedelta(days=rng.randrange(900))
        people = family(rng, today)
        for role in PROFESSIONALS:
            people[role] = distinct_professional(rng, role, people.values())
        town = rng.choice(list(TOWNS))
        return cls(rng, today, people, fmt.street_line(rng, STREETS, BUILDINGS), town,
                   draw_postcode(rng, rng.choice(TOWNS[town])), ids.case_reference(rng, today.year),
                   "Child " + rng.choice("ABCDGHJKLMPQRSTWXY"))

    # --- resolution ------------------------------------------------------------------------
    def resolve(self, field: str, spec: str, b: DocBuilder) -> list[Piece]:
        """Template field → pieces. `who` alone is a name; `who.attr` an attribute of them."""
        head, _, attr = field.partition(".")
        if head in self.people:
            return self._person(head, attr, spec, b)
        handler = getattr(self, "_f_" + head, None)
        if handler is None:
            raise KeyError("unknown template field {%s}" % field)
        return handler(attr, spec, b)

    def _person(self, key: str, attr: str, spec: str, b: DocBuilder) -> list[Piece]:
        p = self.people[key]
        if not attr:
            return [self._name(key, p, spec, b)]
        if attr.lower() in ("he", "him", "his", "boy", "son", "man"):
            return [plain(p.pronoun(attr))]
        return getattr(self, "_a_" + attr)(p, spec, b)

    def _name(self, key: str, p: Person, spec: str, b: DocBuilder) -> Piece:
        """A name mention: the first in a document is full, later ones vary (first name,
        title and surname); a messy note sometimes writes them in lower case."""
        kind = spec
        if not kind:
            adult = bool(p.title)
            kind = ("titlefull" if adult and self.rng.random() < 0.4 else "full") if key not in b.mentioned \
                else self.rng.choice(_ADULT_FORMS if adult else _CHILD_FORMS)
            if b.messy and self.rng.random() < 0.2:
                kind = "lower" if kind in ("full", "titlefull") else ("lowerfirst" if kind == "first" else kind)
        b.mentioned.add(key)
        if kind == "initials":
            return optional("PERSON", p.form(kind), "initials only")
        return gold("PERSON", p.form(kind))

    def _a_dob(self, p: Person, spec: str, b: DocBuilder) -> list[Piece]:
        return fmt.dob(self.rng, p.dob, bare=spec == "bare")

    def _a_age(self, p: Person, spec: str, b: DocBuilder) -> list[Piece]:
        return fmt.age(self.rng, *age_on(p.dob, self.today), spec)

    def _a_nhs(self, p: Person, spec: str, b: DocBuilder) -> list[Piece]:
        return fmt.nhs(self.rng, p.nhs, bare=spec == "bare")

    def _a_upn(self, p: Person, spec: str, b: DocBuilder) -> list[Piece]:
        return fmt.upn(self.rng, p.upn, bare=spec == "bare")

    def _a_nino(self, p: Person, spec: str, b: DocBuilder) -> list[Piece]:
        return fmt.nino(self.rng, p.nino, bare=spec == "bare")

    def _a_phone(self, p: Person, spec: str, b: DocBuilder) -> list[Piece]:
        return [gold("PHONE_NUMBER", p.phone)]

    def _a_email(self, p: Person, spec: str, b: DocBuilder) -> list[Piece]:
        return [gold("EMAIL_ADDRESS", p.email)]

    def _a_school(self, p: Person, spec: str, b: DocBuilder) -> list[Piece]:
        return [gold("SCHOOL", p.school)]

    # --- other fields ----------------------------------------------------------------------
    def _f_family(self, attr: str, spec: str, b: DocBuilder) -> list[Piece]:
        if attr == "address":
            return fmt.address(self.rng, self.street, self.town, self.postcode, spec or "inline", b.messy)
        if attr == "postcode":
            return [gold("UK_POSTCODE", fmt.postcode_text(self.rng, self.postcode, b.messy))]
        if attr == "town":
            return [gold("LOCATION", self.town)]
        raise KeyError("family." + attr)

    def _f_case(self, attr: str, spec: str, b: DocBuilder) -> list[Piece]:
        return fmt.case_ref(self.rng, self.case_ref, bare=spec == "bare")

    def _f_area(self, attr: str, spec: str, b: DocBuilder) -> list[Piece]:
        return [gold("LOCATION", self.rng.choice(AREAS))]

    def _f_place(self, attr: str, spec: str, b: DocBuilder) -> list[Piece]:
        return [optional("LOCATION", self.rng.choice(GENERAL_PLACES), "a place in general text, about no one")]

    def _f_org(self, attr: str, spec: str, b: DocBuilder) -> list[Piece]:
        return [public_body(self.rng.choice(PUBLIC_BODIES))]

    def _f_helpline(self, attr: str, spec: str, b: DocBuilder) -> list[Piece]:
        name, number = self.rng.choice(HELPLINES)
        return [plain(name + self.rng.choice([" on ", " - ", ": ", " (free) "])),
                optional("PHONE_NUMBER", number, "public helpline, allow-listed", decoy="PHONE_NUMBER")]

    def _f_today(self, attr: str, spec: str, b: DocBuilder) -> list[Piece]:
        return fmt.letter_date(self.rng, self.today)

    def _f_pseudo(self, attr: str, spec: str, b: DocBuilder) -> list[Piece]:
        return [optional("PERSON", self.pseudonym, "pseudonym (anonymised)")]

    def _f_decoy(self, attr: str, spec: str, b: DocBuilder) -> list[Piece]:
        """Text that resembles personal data but is not (see `formats`)."""
        r, year = self.rng, self.today.year
        makers = {
            "nhs": lambda: fmt.bad_nhs(r, bare=spec == "bare"),
            "upn": lambda: fmt.bad_upn(r, bare=spec == "bare"),
            "meeting": lambda: fmt.meeting(r, self.today),
            "date": lambda: fmt.letter_date(r, self.today - timedelta(days=r.randrange(-200, 1500))),
            "stamp": lambda: fmt.timestamp(r, self.today),
            "invoice": lambda: [decoy("CASE_REFERENCE", ids.invoice_number(r, year))],
            "amount": lambda: [plain(r.choice(["£%d,%03d.%02d" % (r.randrange(1, 9), r.randrange(1000), r.randrange(100)),
                                               "£%d.%02d" % (r.randrange(10, 999), r.randrange(100)),
                                               "£%d per week" % r.randrange(40, 400)]))],
            "version": lambda: [plain(r.choice(["v%d.%d" % (r.randrange(1, 5), r.randrange(10)),
                                                "version %d.%d.%d" % (r.randrange(1, 4), r.randrange(10), r.randrange(20)),
                                                "rev. %d.%02d" % (r.randrange(1, 9), r.randrange(100))]))],
            "year": lambda: [decoy("AGE", "Year %d" % r.randrange(1, 12))],
            "duration": lambda: [decoy("AGE", r.choice(["%d years" % r.randrange(2, 15), "%d months" % r.randrange(2, 11),
                                                        "%d weeks" % r.randrange(2, 9)]))],
            "ext": lambda: [plain("ext. %d" % r.randrange(2000, 7999))],
        }
        return makers[attr]()


def distinct_professional(rng: Random, role: str, others) -> Person:
    """A professional whose name nobody else in the document has (so the gold is unambiguous)."""
    taken = {(p.first, p.last) for p in others}
    while True:
        p = professional(rng, role)
        if (p.first, p.last) not in taken:
            return p


def public_body(template: str) -> Piece:
    """An organisation: optional ORGANIZATION, with an optional LOCATION on the place inside it."""
    start = template.find("{")
    text = template.replace("{", "").replace("}", "")
    labels = [Label("ORGANIZATION", 0, len(text), True, "organisation, not a person")]
    if start >= 0:
        labels.append(Label("LOCATION", start, template.index("}") - 1, True, "place inside an organisation's name"))
    return Piece(text, tuple(labels))
