"""Safeguarding concerns: every category, every polarity, everyday uses, and what a DSL reads."""
from __future__ import annotations

import pytest

from scanner.types import AFFIRMED, HYPOTHETICAL, NEGATED, SAFEGUARDING, SAFEGUARDING_CATEGORIES

pytestmark = pytest.mark.model

# (sentence, category) — an affirmed concern: a disclosure, an observation or a worry.
AFFIRMED_CASES = [
    ("She told me that her stepdad hits her with a belt.", "physical_abuse"),
    ("Finger-shaped bruises on his upper arm, no explanation given.", "physical_abuse"),
    ("Osian disclosed being kicked by his uncle.", "physical_abuse"),
    ("Mia said her mum's boyfriend touched her private parts.", "sexual_abuse"),
    ("Tom disclosed that his cousin sexually abused him last summer.", "sexual_abuse"),
    ("Dad calls Leah worthless and useless in front of her brothers.", "emotional_abuse"),
    ("Aisha said she is scared of her stepfather.", "emotional_abuse"),
    ("The children were unkempt and there was no food in the house.", "neglect"),
    ("Kai is regularly left home alone overnight.", "neglect"),
    ("Priya has fresh cuts on her forearm and said she has been self-harming.", "self_harm"),
    ("He told the nurse he wants to kill himself.", "self_harm"),
    ("Police were called after a domestic violence incident at the address.", "domestic_abuse"),
    ("Ruby saw dad punch mum in the face.", "domestic_abuse"),
    ("Concerns that Jordan is being criminally exploited through county lines.", "exploitation"),
    ("Zara has unexplained gifts and is picked up in cars by older men.", "exploitation"),
    ("Adam has been sharing extremist videos and talks about joining a far-right group.", "radicalisation"),
    ("Hodan's aunt said the girls will have FGM when they visit Somalia.", "fgm"),
    ("Nadia disclosed that she is being forced to marry her cousin in Pakistan.", "forced_marriage"),
    ("Ella was asked to send nude images by a man she met online.", "online_harm"),
    ("Liam went missing from home on Friday and was found by police on Sunday.", "missing_from_home"),
    ("Mum was drunk when I visited and the children said she drinks all day.", "substance_misuse"),
    ("Kyle admitted smoking cannabis every day before school.", "substance_misuse"),
    ("In March H told her teacher that an older man had given her alcohol.", "exploitation"),
    ("When police attended a domestic abuse incident at the home, the children were present.", "domestic_abuse"),
    ("When mum drinks, there is shouting and violence at home.", "domestic_abuse"),
    ("Her stepmother threatened, in front of the social worker, to send Kemi back to Lagos.", "emotional_abuse"),
    ("Mum threatened to leave and never come back.", "emotional_abuse"),
]

# (sentence, category, polarity) — the same words, not affirmed.
OTHER_POLARITY = [
    ("No marks or bruises seen.", "physical_abuse", NEGATED),
    ("Jayden denied any self-harm.", "self_harm", NEGATED),
    ("There was no evidence of neglect.", "neglect", NEGATED),
    ("He has never hit her.", "physical_abuse", NEGATED),
    ("No concerns about substance misuse.", "substance_misuse", NEGATED),
    ("Staff should be alert to signs of neglect.", "neglect", HYPOTHETICAL),
    ("Physical abuse may involve hitting, shaking or burning a child.", "physical_abuse", HYPOTHETICAL),
    ("Forced marriage is a form of abuse and must be reported.", "forced_marriage", HYPOTHETICAL),
    ("If a child discloses sexual abuse, staff must inform the DSL at once.", "sexual_abuse", HYPOTHETICAL),
    ("Did anyone hurt you at home?", "physical_abuse", HYPOTHETICAL),
    ("Training on county lines and criminal exploitation is on Tuesday.", "exploitation", HYPOTHETICAL),
    # numbered paragraphs of guidance and reviews: the number is no one (the model tags "1.6 Practitioners" PERSON)
    ("1.6 Practitioners should be curious about unexplained gifts, which may indicate exploitation.", "exploitation",
     HYPOTHETICAL),
    ("3.2 Professionals must consider whether a child is at risk of neglect.", "neglect", HYPOTHETICAL),
    ("Staff should not give pupils alcohol.", "exploitation", HYPOTHETICAL),
    ("Mum said she had never given him alcohol.", "exploitation", NEGATED),
    # what happens whenever something happens: present tense, nobody in particular
    ("Schools are notified when police attend an incident of domestic abuse.", "domestic_abuse", HYPOTHETICAL),
    ("A referral is made when neglect is suspected.", "neglect", HYPOTHETICAL),
    ("The scheme tells the school about a domestic abuse incident involving a pupil.", "domestic_abuse", HYPOTHETICAL),
    ("There has been no violence at home since March.", "domestic_abuse", NEGATED),
]

# Everyday uses of the same words: no affirmed finding at all.
EVERYDAY = [
    "The school threatened to exclude him after the fight.",
    "The landlord has threatened to evict the family.",
    "Jayden kicked the ball over the fence at break.",
    "We were killing time before the bus came.",
    "She is dying to go to the party on Saturday.",
    "The children cut out shapes and stuck them on card.",
    "He hit the target three times at archery.",
    "My feet are killing me after the walk.",
    "Mum shook hands with the head teacher.",
    "Duc was beaten in the final of the chess tournament.",
    "They burnt the toast at breakfast club.",
    "She hurt her ankle playing netball.",
    "He was a bit tired after swimming.",
    "The joint visit with health went well.",
    "We ran out of time so the review was shortened.",
]


def safeguarding(findings):
    return [f for f in findings if f.kind == SAFEGUARDING]


@pytest.mark.parametrize("text, category", AFFIRMED_CASES)
def test_affirmed_concern_is_found(detect, text, category):
    found = safeguarding(detect(text))
    got = {(f.type, f.polarity) for f in found}
    assert (category, AFFIRMED) in got, f"{text!r}: {got}"


def test_every_category_has_an_affirmed_case():
    assert {c for _, c in AFFIRMED_CASES} == set(SAFEGUARDING_CATEGORIES)


@pytest.mark.parametrize("text, category, polarity", OTHER_POLARITY)
def test_negated_and_hypothetical_mentions(detect, text, category, polarity):
    found = [f for f in safeguarding(detect(text)) if f.type == category]
    assert found, f"{text!r}: nothing found"
    assert {f.polarity for f in found} == {polarity}, f"{text!r}: {[(f.polarity, f.explanation) for f in found]}"


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_words_are_no_concern(detect, text):
    affirmed = [f for f in safeguarding(detect(text)) if f.polarity == AFFIRMED]
    assert not affirmed, f"{text!r}: {[(f.type, f.text, f.explanation) for f in affirmed]}"


def test_finding_carries_sentence_people_severity_and_cue(detect):
    text = "Home visit.\nJayden Smith told me that his stepdad hits him with a belt. Mum was out."
    [f] = [f for f in safeguarding(detect(text)) if f.type == "physical_abuse"]
    assert f.excerpt == "Jayden Smith told me that his stepdad hits him with a belt."
    assert text[f.start:f.end] == f.text == "hits"
    assert f.about == ("Jayden Smith",)
    assert f.severity == "high"
    assert f.detector == "safeguarding" and "told me" in f.explanation
    plain = [g for g in safeguarding(detect("His stepdad hits him with a belt.")) if g.type == "physical_abuse"]
    assert f.score > plain[0].score  # a disclosure cue raises confidence


def test_policy_text_is_about_no_one(detect):
    policy = (
        "Staff must never promise a child that they will keep a secret. "
        "Where there are concerns that a child is suffering significant harm, such as physical abuse, "
        "neglect or sexual exploitation, staff should speak to the Designated Safeguarding Lead. "
        "Children who are neglected may present as hungry or unkempt."
    )
    found = detect(policy)
    assert [f for f in safeguarding(found) if f.polarity == AFFIRMED] == []
    assert [f for f in found if f.kind == "practice"] == []


def test_offsets_hold_in_long_documents(detect):
    filler = "The review meeting went ahead as planned and actions were agreed. " * 40
    text = filler + "\nAmir said his dad punched him in the stomach.\n" + filler
    [f] = [f for f in safeguarding(detect(text)) if f.type == "physical_abuse"]
    assert text[f.start:f.end] == f.text
    assert f.excerpt == "Amir said his dad punched him in the stomach."


def test_one_missed_appointment_is_not_neglect_a_pattern_is(detect):
    one = detect("I spoke to mother Kelly Smith about the missed health appointment on 3 May.")
    assert not [f for f in one if f.kind == "safeguarding" and f.polarity == "affirmed"]
    many = detect("Jayden has missed several dental appointments this year.")
    assert [f.type for f in many if f.kind == "safeguarding" and f.polarity == "affirmed"] == ["neglect"]


@pytest.mark.parametrize("text", [
    'Ava said her uncle hurts her "down there" when mum is at work.',
    "Kofi said the man touches him where his pants go.",
])
def test_quoted_and_childlike_words_for_sexual_abuse(detect, text):
    assert [f.type for f in detect(text) if f.kind == "safeguarding" and f.polarity == "affirmed"] == ["sexual_abuse"]



def test_a_passage_starting_inside_a_name_keeps_a_valid_entity(detection):
    from spacy.tokens import Doc

    from scanner.detectors.deep import COPIED, _copy

    doc = Doc(detection.nlp.vocab, words=["Ms", "Abdullahi", "is", "here", "."], ents=["B-PERSON", "I-PERSON", "O", "O", "O"])
    copy = _copy(doc, doc.to_array(COPIED), 1, 5)
    assert [(e.text, e.label_) for e in copy.ents] == [("Abdullahi", "PERSON")]
    assert copy.text == doc[1:5].text_with_ws
