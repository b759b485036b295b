"""Special-category data (UK GDPR Article 9): what is found, what is not, and config errors."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scanner.config import load_config
from scanner.errors import ConfigError
from scanner.types import SPECIAL_CATEGORY, SPECIAL_CATEGORY_TYPES

ROOT = Path(__file__).resolve().parents[3]


def special(findings) -> list[tuple[str, str]]:
    return [(f.type, f.text) for f in findings if f.kind == SPECIAL_CATEGORY]


# (text, type, a span that must be reported as that type)
FOUND = [
    # HEALTH: conditions, medication, services that reveal a condition; forms and messy notes
    ("Jay has ADHD and is on methylphenidate.", "HEALTH", "ADHD"),
    ("Jay has ADHD and is on methylphenidate.", "HEALTH", "methylphenidate"),
    ("mum said jay has adhd and asd, takes melatonin at night", "HEALTH", "asd"),
    ("mum said jay has adhd and asd, takes melatonin at night", "HEALTH", "melatonin"),
    ("Ruby is autistic and finds transitions hard.", "HEALTH", "autistic"),
    ("mum has type 1 diabetes and uses an insulin pump", "HEALTH", "type 1 diabetes"),
    ("She has a nut allergy and carries an EpiPen.", "HEALTH", "nut allergy"),
    ("She has a nut allergy and carries an EpiPen.", "HEALTH", "EpiPen"),
    ("Uses a blue inhaler (salbutamol) before PE.", "HEALTH", "salbutamol"),
    ("Known to have epilepsy; buccal midazolam in school.", "HEALTH", "epilepsy"),
    ("Mum has been prescribed sertraline for postnatal depression.", "HEALTH", "sertraline"),
    ("Mum has been prescribed sertraline for postnatal depression.", "HEALTH", "postnatal depression"),
    ("Dad has bipolar disorder and was sectioned in 2022.", "HEALTH", "sectioned"),
    ("Referred to CAMHS in March.", "HEALTH", "Referred to CAMHS"),
    ("She is under CAMHS for anxiety.", "HEALTH", "under CAMHS"),
    ("Dad was detained under section 3 of the Mental Health Act.", "HEALTH",
     "detained under section 3 of the Mental Health Act"),
    ("Sami is on the autism pathway.", "HEALTH", "autism pathway"),
    ("Liam was seen by the community paediatrician on 3 May.", "HEALTH", "seen by the community paediatrician"),
    ("she's 20 weeks pregnant", "HEALTH", "pregnant"),
    ("Diagnosed with Perthes disease in 2019.", "HEALTH", "Perthes disease"),
    ("Disability or long-term condition: FASD", "HEALTH", "FASD"),
    ("Allergies: peanuts, eggs", "HEALTH", "peanuts"),
    ("dad is on a methadone script", "HEALTH", "methadone"),
    ("He has SEND and an EHCP.", "HEALTH", "EHCP"),
    ("Has a 22q11.2 deletion.", "HEALTH", "22q11.2 deletion"),
    ("Concerta XL 18mg each morning.", "HEALTH", "Concerta"),
    # ETHNICITY
    ("Mum is of Pakistani heritage.", "ETHNICITY", "Pakistani heritage"),
    ("Hassan is of Somali origin.", "ETHNICITY", "Somali origin"),
    ("Ethnicity: White British", "ETHNICITY", "White British"),
    ("Ethnicity: Any other mixed background", "ETHNICITY", "Any other mixed background"),
    ("Ethnicity recorded as Bangladeshi (mother).", "ETHNICITY", "Bangladeshi"),
    ("Mum is white British, dad is black Caribbean.", "ETHNICITY", "black Caribbean"),
    ("Mum describes herself as mixed race.", "ETHNICITY", "mixed race"),
    ("The family are Gypsy Roma Traveller and live on the site.", "ETHNICITY", "Gypsy Roma Traveller"),
    ("A Pakistani boy aged about 15 was seen.", "ETHNICITY", "Pakistani"),
    # RELIGION
    ("Mum is a devout Muslim.", "RELIGION", "Muslim"),
    ("Religion: Muslim", "RELIGION", "Muslim"),
    ("Religion: Pentecostal", "RELIGION", "Pentecostal"),
    ("The family are practising Christians and attend church every Sunday.", "RELIGION", "attend church"),
    ("Hassan attends the mosque on Fridays.", "RELIGION", "attends the mosque"),
    ("She wears a hijab and fasts during Ramadan.", "RELIGION", "wears a hijab"),
    ("She wears a hijab and fasts during Ramadan.", "RELIGION", "fasts during Ramadan"),
    ("only eats halal meat", "RELIGION", "only eats halal"),
    ("Nan is a Jehovah's Witness and refuses blood products.", "RELIGION", "Jehovah's Witness"),
    ("The boys go to the gurdwara with their dad.", "RELIGION", "go to the gurdwara"),
    ("dad is sikh", "RELIGION", "sikh"),
    # SEXUALITY and gender identity
    ("Sam identifies as non-binary and uses they/them pronouns.", "SEXUALITY", "non-binary"),
    ("Sam identifies as non-binary and uses they/them pronouns.", "SEXUALITY", "they/them pronouns"),
    ("Ella came out as gay to her mum.", "SEXUALITY", "gay"),
    ("He is questioning his sexuality.", "SEXUALITY", "questioning his sexuality"),
    ("Maya is transgender.", "SEXUALITY", "transgender"),
    ("ben is bisexual", "SEXUALITY", "bisexual"),
    ("Referred to GIDS for gender dysphoria.", "SEXUALITY", "gender dysphoria"),
    # POLITICAL_OPINION
    ("Dad is a member of the Labour Party.", "POLITICAL_OPINION", "member of the Labour Party"),
    ("Dad votes Labour.", "POLITICAL_OPINION", "votes Labour"),
    ("Mum campaigns for Scottish independence.", "POLITICAL_OPINION", "campaigns for Scottish independence"),
    ("Uncle is an Extinction Rebellion activist.", "POLITICAL_OPINION", "Extinction Rebellion"),
    # TRADE_UNION
    ("Dad is a Unison rep.", "TRADE_UNION", "Unison rep"),
    ("Dad is a GMB shop steward.", "TRADE_UNION", "shop steward"),
    ("Mum has been a Unite member for 10 years.", "TRADE_UNION", "Unite member"),
    ("mum is a member of the union at work", "TRADE_UNION", "member of the union"),
    ("Dad is an NEU member.", "TRADE_UNION", "NEU"),
    # GENETIC
    ("Genetic testing showed she is a carrier of sickle cell.", "GENETIC", "Genetic testing"),
    ("A paternity test confirmed Dean is the father.", "GENETIC", "paternity test"),
    ("Referred to clinical genetics.", "GENETIC", "clinical genetics"),
    # BIOMETRIC
    ("Police took his fingerprints.", "BIOMETRIC", "took his fingerprints"),
    ("Ayesha's facial recognition data is held by the canteen system.", "BIOMETRIC", "facial recognition data"),
    ("Iris scan data is held by the provider.", "BIOMETRIC", "Iris scan"),
    ("Pays for lunch with palm-vein scanning.", "BIOMETRIC", "palm-vein"),
]

# Not special-category data at all: names, places, services, hyperbole, other senses, generic text.
NOT_FOUND = [
    "Christian Okafor attended the meeting.",
    "Jordan and Faith were at school.",
    "Mrs White said she will call.",
    "Sarah White from the council attended.",
    "The Mental Health Trust has written.",
    "The health visitor came on Tuesday.",
    "St Joseph's Catholic Primary School called.",
    "She attends a catholic primary school.",
    "We had lunch at the Indian restaurant and a Chinese takeaway.",
    "The meeting was in the church hall.",
    "The Catholic church on Mill Road hosts the toddler group.",
    "I'm so depressed the match was cancelled.",
    "I have my OCD about tidy desks.",
    "She is a bit OCD about her pencil case.",
    "Use the white board.",
    "He wore a black coat and white trainers.",
    "A union of two schools was proposed.",
    "Mum was taken to the labour ward.",
    "Singing in unison at the assembly.",
    "They called him gay in the playground.",
    "Staff should respect children's religious needs.",
    "Equality and diversity training is mandatory.",
    "Children with autism may find change difficult.",
    "Muslim pupils may need a prayer room.",
    "Staff should be aware that some pupils may be fasting during Ramadan.",
    "Our school celebrates Diwali, Eid and Christmas.",
    "Fingerprint paintings are on the wall in reception.",
    "Year 10 studied genetics in science.",
    "We went straight home after school.",
    "The Mental Health Act 1983 sets out the powers.",
    "Please let us know of any allergies or medical conditions.",
    "Allergies: none known",
    "Religion: None",
    "Ethnicity: Prefer not to say",
    "no known allergies",
    "The ADHD Foundation runs training for all staff.",
    "The Autism Outreach Team will visit.",
    "Police made a drugs seizure at the address.",
    "Dad finds it hard to unite the family.",
    "The kids had a healthy lunch and then the Christmas party.",
]

CASES_BY_TYPE = {t for _, t, _ in FOUND}


def test_every_type_has_positive_cases():
    assert CASES_BY_TYPE == set(SPECIAL_CATEGORY_TYPES)


@pytest.mark.model
@pytest.mark.parametrize("text,type_,expected", FOUND)
def test_found(detect, text, type_, expected):
    got = special(detect(text))
    assert (type_, expected) in got, f"{type_} {expected!r} not reported; got {got}"


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(detect, text):
    assert special(detect(text)) == []


@pytest.mark.model
def test_finding_shape(detect):
    text = "Visit note. Jay has ADHD."
    (f,) = [f for f in detect(text) if f.kind == SPECIAL_CATEGORY]
    assert (f.start, f.end, f.text) == (20, 24, "ADHD")
    assert text[f.start:f.end] == f.text
    assert f.detector == "special_category" and f.score >= 0.5
    assert "ADHD" in f.explanation and "\n" not in f.explanation


@pytest.mark.model
def test_offsets_in_a_longer_document(detect):
    text = "Background\n" + "Nothing of note. " * 30 + "\nReligion: Sikh\nEthnicity: British Indian\n"
    got = {(f.type, f.text): f for f in detect(text) if f.kind == SPECIAL_CATEGORY}
    for key in [("RELIGION", "Sikh"), ("ETHNICITY", "British Indian")]:
        assert key in got
        assert text[got[key].start:got[key].end] == key[1]


@pytest.mark.model
def test_unknown_parameter_is_refused(detection):
    from scanner.detectors.special_category import SpecialCategoryDetector

    with pytest.raises(ValueError, match="unknown parameter 'threshold'"):
        SpecialCategoryDetector(load_config().special, detection.nlp, threshold=0.5)


# -- config --------------------------------------------------------------------------------------


def test_shipped_lexicon_covers_every_type():
    config = load_config(ROOT / "config")
    for name, lexicon in config.special.types.items():
        assert lexicon.terms or lexicon.rules, name


def test_missing_file_loads_empty(tmp_path):
    conf = tmp_path / "config"
    shutil.copytree(ROOT / "config", conf)
    (conf / "special_category.yaml").unlink()
    assert load_config(conf).special.types.HEALTH.terms == ()


@pytest.fixture
def conf(tmp_path):
    shutil.copytree(ROOT / "config", tmp_path / "config")
    return tmp_path / "config"


@pytest.mark.parametrize(
    "text,message",
    [
        ("types:\n  HEALTHY:\n    terms: [asthma]\n",
         "special_category.yaml: line 3: types.HEALTHY: Extra inputs are not permitted"),
        ("types:\n  HEALTH:\n    terms:\n      - asthma\n      - ''\n",
         "special_category.yaml: line 5: types.HEALTH.terms[1]: Value error, empty term"),
        ("types:\n  RELIGION:\n    terms: [Muslim, 'mosque!!']\n",
         "special_category.yaml: line 3: types.RELIGION.terms[1]: Value error, term 'mosque!!'"),
        ("types:\n  HEALTH:\n    patterns:\n      - 'x'\n      - '(['\n",
         "special_category.yaml: line 5: types.HEALTH.patterns[1]: Value error, not a valid regular expression"),
        ("types:\n  ETHNICITY:\n    rules:\n      - terms: [Indian]\n        followed_by: [heritage]\n        max_gap: 20\n",
         "special_category.yaml: line 6: types.ETHNICITY.rules[0].max_gap: Input should be less than or equal to 8"),
        ("types:\n  ETHNICITY:\n    rules:\n      - followed_by: [heritage]\n",
         "special_category.yaml: line 4: types.ETHNICITY.rules[0].terms: Field required"),
        ("types:\n  TRADE_UNION:\n    terms: [union rep]\n    colour: red\n",
         "special_category.yaml: line 4: types.TRADE_UNION.colour: Extra inputs are not permitted"),
        ("negation: [no, nil]\n",  # YAML reads a bare no as false
         "special_category.yaml: line 1: negation[0]: Input should be a valid string (got False)"),
    ],
)
def test_config_errors_name_file_line_and_key(conf, text, message):
    (conf / "special_category.yaml").write_text(text)
    with pytest.raises(ConfigError) as error:
        load_config(conf)
    assert message in str(error.value)
