"""Dates of birth, ages, addresses, schools, names and places."""
from __future__ import annotations

import pytest

from tests.assertions import assert_found

pytestmark = pytest.mark.model

CASES = [
    ("DOB: 03/04/2015", "DATE_OF_BIRTH", "03/04/2015"),
    ("D.O.B. 3.4.15", "DATE_OF_BIRTH", "3.4.15"),
    ("born on 3rd April 2015 in Leeds", "DATE_OF_BIRTH", "3rd April 2015"),
    ("date of birth 2015-04-03", "DATE_OF_BIRTH", "2015-04-03"),
    ("Jay (b. 03 Apr 2015) lives with mum", "DATE_OF_BIRTH", "03 Apr 2015"),
    ("Her birthday is April 3, 2015.", "DATE_OF_BIRTH", "April 3, 2015"),
    ("Strategy meeting held on 12/03/2024.", "DATE_OF_BIRTH", None),
    ("aged 7", "AGE", "7"),
    ("a 14-year-old boy", "AGE", "14"),
    ("she is 9 years old", "AGE", "9"),
    ("Age: 12", "AGE", "12"),
    ("We waited 3 days for a reply", "AGE", None),
    ("lives at 14 Acacia Avenue with her mother", "STREET_ADDRESS", "14 Acacia Avenue"),
    ("Address: Flat 3, 27 Mill Lane, Margate CT9 1AA", "STREET_ADDRESS", "Flat 3, 27 Mill Lane, Margate CT9 1AA"),
    ("It took 3 more days", "STREET_ADDRESS", None),
    ("Jay attends St Mary's C of E Primary School.", "SCHOOL", "St Mary's C of E Primary School"),
    ("She moved to Oakwood Academy in May.", "SCHOOL", "Oakwood Academy"),
    ("The school will call back.", "SCHOOL", None),
    ("Visited Jayden Smith at home.", "PERSON", "Jayden Smith"),
    ("Mother: Adaeze Okafor", "PERSON", "Adaeze Okafor"),
    ("Spoke to Mrs Nowak about the visit.", "PERSON", "Mrs Nowak"),
    ("Child Q was strip-searched at school.", "PERSON", "Child Q"),
    ("J.S. disclosed that he was hit.", "PERSON", "J.S."),
    ("Contact Childline on 0800 1111.", "PERSON", None),
    ("The family moved from Leeds to Margate.", "LOCATION", "Leeds"),
    # matches stay on their line
    ("Pupil at The Orchard Special School since May.", "SCHOOL", "The Orchard Special School"),
    ("Our Lady of Lourdes Primary Academy called.", "SCHOOL", "Our Lady of Lourdes Primary Academy"),
    ("The School will ring mum.", "SCHOOL", None),
    ("Health Visitor: Pooja Verma\nSchool Nurse: Naveed Safi", "SCHOOL", None),
    ("Item 30\nChase Avenue residents met.", "STREET_ADDRESS", None),
    ("Date: 03 Sep 2023\nRe: Amber Campbell, (DOB 21/03/16)", "DATE_OF_BIRTH", "21/03/16"),
    # messy note conventions
    ("DSL: Dylan Evans\nHealth Visitor: Pooja Verma", "PERSON", "Pooja Verma"),
    ("Venue: Oak Room\nSubject: Core Group", "PERSON", None),
    ("TRAN, Minh - (DOB 06-09-2012) - child present", "PERSON", "TRAN, Minh"),
    ("TRAN, Minh - (DOB 06-09-2012) - child present", "DATE_OF_BIRTH", "06-09-2012"),
    ("TRAN, Minh - (DOB 06-09-2012) - child present", "PHONE_NUMBER", None),
    ("URGENT, Please call back", "PERSON", None),
    ("Children: Gethin Liu (7 yrs), Xiaoling (20 months old)", "AGE", "7"),
    ("Children: Gethin Liu (7 yrs), Xiaoling (20 months old)", "AGE", "20"),
    ("moved to 4 Kings Road, ls6 1tz", "UK_POSTCODE", "ls6 1tz"),
    ("Phone: +44 131 496 0725", "UK_NHS", None),
    ("Phone: +44 131 496 0725", "PHONE_NUMBER", "+44 131 496 0725"),
    ("NHS number 824 082 9917 (check digit wrong)", "PHONE_NUMBER", None),
    ("My US number is (415) 555-0132", "PHONE_NUMBER", "(415) 555-0132"),
    ("Parents: Francesca De Luca (+44 7417 556479); Matteo", "PHONE_NUMBER", "+44 7417 556479"),
    ("* Poppy Baker - mother - DOB - 20/09/1988 - 07562258001", "PHONE_NUMBER", "07562258001"),
    # windowed recognizers still find their matches
    ("Xiaoling Liu (4yo) was asleep", "AGE", "4"),
    ("see https://www.leeds.gov.uk/children for details", "URL", "https://www.leeds.gov.uk/children"),
    ("mail jo.bloggs@example.co.uk now", "EMAIL_ADDRESS", "jo.bloggs@example.co.uk"),
    ("server at 192.168.0.12 logged it", "IP_ADDRESS", "192.168.0.12"),
    # chronology rows and lower case postcodes after a street
    ("28/09/2017 | Tanisha born in Margate | Health", "DATE_OF_BIRTH", "28/09/2017"),
    ("placed at 180 Chapel Walk, Blackpool, fy1 6bb", "UK_POSTCODE", "fy1 6bb"),
]

NAMES = [
    # name cues beyond the model
    ("Reporting officer: Tanvir Miah tanvir.miah@police.example.uk", "Tanvir Miah"),
    ("email from rose fairweather (rose.fairweather@school.example.sch.uk)", "rose fairweather"),
    ("Dear Sabbir, neighbours reported shouting.", "Sabbir"),
    ("Yours sincerely,\n\nMursal Stanikzai\nGeneral Practitioner", "Mursal Stanikzai"),
    ("Contacts:\n1) Francesca Russo (mother) 0771 155 9307", "Francesca Russo"),
    ("Seen: Ayodele Babatunde born 12/03/2010 at home", "Ayodele Babatunde"),
    ("Met Femi at the centre. Femi said he feels safe.", "Femi"),
    ("mum of Arjun Shah (age 7) and Delroy.", "Delroy"),
    ("Minutes by Matteo Russo.", "Matteo Russo"),
    ("He said his name is Dawit and he is 15.", "Dawit"),
    ("Star Hobson was 16 months old when she died.", "Star Hobson"),  # a first name that is also a word
    ("sometimes people call me Višeslav", "Višeslav"),
    ("Shona's boyfriend collected the baby.", "Shona"),
    ("At the door I met Ngozi's daughter.", "Ngozi"),
    # names in running notes
    ("[18/10/23 1851] call from Diya Gupta - Jaspreet missed a review", "Diya Gupta"),
    ("We have received a referral from Bhavna Mistry for Iolo.", "Bhavna Mistry"),
    ("Present: Mrs Sagal Egal, Oisín Egal-O'Neill, Mahad", "Mahad"),
    ("Luca Russo confirms Tyler is registered.", "Luca Russo"),
    # names before ages and birth dates
    ("Please send health info for Mahad Jama (b. 8th May 2007) today", "Mahad Jama"),
    ("Children: Kojo Haile-Ofori (age 4), Kwame Ofori (20 months old)", "Kwame Ofori"),
    # names by what notes say of them
    ("Contact is supervised. Pooja has not attended for her check.", "Pooja"),
    ("- Daan was not present, mum said he is at work", "Daan"),
    ("There was no bedding on Gethin's bed.", "Gethin"),
    ("Actions:\n- Fenna to update assessment by Friday", "Fenna"),
    ("Mursal at King's Oak Infant School has settled.", "Mursal"),
    ("CP plan: yes - SW Daan de Vries +44 20 7946 0030", "Daan de Vries"),
    ("Referrer: hawre rasul, hawre.rasul@police.example.uk", "hawre rasul"),
]

NOT_PEOPLE = [
    # not people
    "Estonia was super fun to visit!",
    "Zoolander is a 2021 action-comedy film.",
    "Barnardo's runs the project.",
    "Bill to: Kent County Council",
    "Family Support Worker",
    "Subject: Invitation: Core Group",
    # not people after prepositions or as headings
    "I moved to Cyprus last year.",
    "Referral to Early Help made.",
    "DSL, Pastoral Lead",
    "Attendance\nWas 84%.",
    "Sent to Kent Police.",
    # groups and services are not people
    "Professionals did not share the plan.",
    "Housing has not replied.",
    # a name-like word after 'called' is an insult or a role, not a name given
    "Mum called her Mum in front of the class.",
    "Staff called him Tuesday about the meeting.",
]


@pytest.mark.parametrize("text,type_,expected", CASES)
def test_personal_details(detect, text, type_, expected):
    assert_found(detect(text), type_, expected)


@pytest.mark.parametrize("text,expected", NAMES)
def test_names_beyond_the_model(detect, text, expected):
    assert_found(detect(text), "PERSON", expected)


@pytest.mark.parametrize("text", NOT_PEOPLE)
def test_not_people(detect, text):
    assert [f.text for f in detect(text) if f.type == "PERSON"] == []


def test_every_mention_of_a_found_name_is_reported(detect):
    text = "Jayden Smith was seen at home. Later jayden said Smith family were moving."
    people = [(f.start, f.text) for f in detect(text) if f.type == "PERSON"]
    assert [t for _, t in people] == ["Jayden Smith", "jayden", "Smith"]


def test_name_the_model_calls_a_place_is_a_person_when_seen_as_a_name(detect):
    findings = detect("Mother: Adaeze Okafor. Later Adaeze rang.")
    assert ("PERSON", "Adaeze") in [(f.type, f.text) for f in findings]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The bus station is on Villacher Strasse 89", None),
        ("Mum now lives at Villacher Strasse 89, Graz.", "Villacher Strasse 89, Graz"),
        ("Her new address is Flat 2, 7 Kings Road. Seen today.", "Flat 2, 7 Kings Road"),
        ("He moved to London last year.", None),  # no number: a town, not an address
    ],
)
def test_address_after_an_address_cue(detect, text, expected):
    assert_found(detect(text), "STREET_ADDRESS", expected)


def test_a_known_place_is_not_a_person_but_a_surname_is_kept(detect):
    findings = detect("We support families across Kent. Clark Kent visited Margate.")
    assert ("LOCATION", "Kent") in [(f.type, f.text) for f in findings]
    assert ("LOCATION", "Margate") in [(f.type, f.text) for f in findings]
    assert "Kent" not in [f.text for f in findings if f.type == "PERSON"]


def test_birth_context_on_the_next_line_does_not_make_a_letter_date_a_birth_date(detect):
    findings = detect("Date: 03 Sep 2023\nRe: Amber Campbell, (DOB 21/03/16)")
    assert [f.text for f in findings if f.type == "DATE_OF_BIRTH"] == ["21/03/16"]


def test_role_words_that_speak_are_not_people(detect):
    assert [f.text for f in detect("Mum said he was fine. Later Dad rang.") if f.type == "PERSON"] == []


def test_a_word_name_joins_the_name_after_it_but_not_a_month(detect):
    assert [f.text for f in detect("In May Hobson moved to Leeds.") if f.type == "PERSON"] == ["Hobson"]
    assert [f.text for f in detect("We visited Grace Obi at home.") if f.type == "PERSON"] == ["Grace Obi"]
