"""Places, streets, schools and public bodies the synthetic documents mention.

Outward codes are paired with the town they belong to and cover every UK postcode shape
(A9, A99, AA9, AA99, A9A, AA9A). Street and school names are invented, generic ones.
"""
from __future__ import annotations

from random import Random

#: town or area → outward codes (every postcode shape appears somewhere).
TOWNS: dict[str, tuple[str, ...]] = {
    "Leeds": ("LS6", "LS9", "LS11", "LS14"), "Margate": ("CT9",), "Tower Hamlets": ("E1", "E3", "E14", "E1W"),
    "Cardiff": ("CF10", "CF24", "CF5"), "Manchester": ("M1", "M14", "M40"), "Birmingham": ("B33", "B8", "B11"),
    "Croydon": ("CR0", "CR2"), "Doncaster": ("DN55", "DN4", "DN1"), "Bradford": ("BD3", "BD8"),
    "Sheffield": ("S2", "S4"), "Bristol": ("BS5", "BS13"), "Swansea": ("SA1",), "Glasgow": ("G42", "G31"),
    "Edinburgh": ("EH7",), "Belfast": ("BT12",), "Luton": ("LU1", "LU4"), "Leicester": ("LE2", "LE5"),
    "Maidstone": ("ME14", "ME15"), "Canterbury": ("CT1",), "Folkestone": ("CT19", "CT20"), "Dover": ("CT16",),
    "Gravesend": ("DA11", "DA12"), "Newham": ("E6", "E13"), "Westminster": ("SW1A", "W1D"),
    "Islington": ("EC1A", "N1"), "Sunderland": ("SR4",), "Blackpool": ("FY1",), "Stoke-on-Trent": ("ST4",),
    "Ramsgate": ("CT11",), "Sittingbourne": ("ME10",), "Ashford": ("TN23", "TN24"), "Oldham": ("OL8",),
    "Wrexham": ("LL11", "LL13"), "Peterborough": ("PE1",),
}

#: places mentioned without an address (a move, a relative, a placement area).
AREAS = ("Leeds", "Margate", "Tower Hamlets", "Cardiff", "Thanet", "Medway", "Swale", "Bradford",
         "Sheffield", "Croydon", "Luton", "Slough", "Peckham", "Moss Side", "Chapeltown", "Sparkbrook",
         "Harehills", "Bromley", "Ilford", "Wolverhampton", "Bolton", "Rochdale", "Grimsby", "Hastings",
         "Dundee", "Aberdeen", "Newport", "Derry", "Lagos", "Bucharest", "Kraków", "Sylhet", "Mirpur",
         "Mogadishu", "Asmara", "Kabul", "Kurdistan", "Poland", "Romania", "Jamaica")

#: places named in general text (policy, leaflets) that identify nobody.
GENERAL_PLACES = ("England", "England and Wales", "the UK", "Kent", "Leeds", "Wales", "Yorkshire")

STREETS = ("Acacia Avenue", "Mill Lane", "Victoria Road", "Church Street", "Station Road", "Queen's Road",
           "Chapel Walk", "Heol y Felin", "Albert Terrace", "Ashfield Close", "Beech Grove", "St Peter's Crescent",
           "Northdown Road", "Cable Street", "Harbour Parade", "Coronation Drive", "Elm Tree Way", "Moorland View",
           "Cavendish Gardens", "Park Lane", "Wellington Street", "Hollybush Rise", "Kingsway", "The Green",
           "Milton Mews", "Brunswick Square", "Clarendon Place", "Primrose Hill", "Foxglove Way", "Nelson Street")

BUILDINGS = ("Marlowe Court", "Jubilee House", "Sandpiper Court", "Trinity Tower", "Orchard Lodge", "Cedar House")

_SCHOOL_FIRST = ("St Mary's C of E", "St Joseph's Catholic", "Oakwood", "Northfield", "Brookside", "Hillcrest",
                 "Greenfield", "Ashgrove", "Willow Bank", "Park View", "Holy Trinity", "Beechwood", "Elmhurst",
                 "Meadowbank", "Riverside", "Our Lady of Lourdes", "King's Oak", "Ysgol Bro", "Al-Noor",
                 "Sandgate", "Hartsdown", "Summerfield", "Castle Hill", "Ravensbourne")
_SCHOOL_KIND = ("Primary School", "Academy", "High School", "Infant School", "Junior School", "Community College",
                "Primary Academy", "Free School", "Secondary School")
_SETTINGS = ("Little Acorns Nursery", "Rainbow Day Nursery", "Tiny Steps Pre-School", "Bright Horizons Nursery",
             "Riverside Pupil Referral Unit", "Hillcrest Sixth Form College", "The Orchard Special School")

#: organisations that are not people: ORGANIZATION, never PERSON. `{place}` marks a place inside the name.
PUBLIC_BODIES = ("{Kent} County Council", "{Leeds} City Council", "Ofsted", "Cafcass", "the NSPCC", "Barnardo's",
                 "Children & Families Ltd", "NHS England", "the Department for Education", "{Thanet} District Council",
                 "Action for Children", "the Police and Crime Commissioner", "{Medway} Council",
                 "the Information Commissioner's Office", "{Tower Hamlets} Children's Services")

#: public helplines: allow-listed by the product, so neither required nor penalised.
HELPLINES = (("Childline", "0800 1111"), ("the NSPCC helpline", "0808 800 5000"), ("Samaritans", "116 123"),
             ("NHS 111", "111"), ("the police non-emergency line", "101"), ("Childline", "0800 11 11"))


def school_name(rng: Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(_SETTINGS)
    return "%s %s" % (rng.choice(_SCHOOL_FIRST), rng.choice(_SCHOOL_KIND))


def postcode(rng: Random, outward: str) -> str:
    """A well-formed postcode for an outward code (the inward letters avoid C I K M O V)."""
    return "%s %d%s" % (outward, rng.randrange(10), "".join(rng.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2)))
