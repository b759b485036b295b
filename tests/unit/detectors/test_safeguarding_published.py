"""Does the safeguarding detector read published text and messy notes the way a DSL would?

A second evaluation set, written independently of the synthetic kit and of
`test_safeguarding_generalise.py`, in the styles the held-out material uses: local child
safeguarding practice reviews and serious case reviews (past-tense narrative about "Child Q",
agencies and missed opportunities), family-court judgments ("the mother", "M", "F", findings of
fact and findings not made), statutory guidance and policies (all hypothetical: duties,
definitions, indicators), and messy case notes (no capitals, "mum", "SW", "bf", "yp", "nil
concerns"). All sentences are written for this file; none is copied from a published document.

Each sentence is labelled with its category and polarity (affirmed), or as a trap that must
give no affirmed finding at all (negated, hypothetical, everyday, or text about practice rather
than about harm to a child). Known misses are strict xfails with their reason.
"""
from __future__ import annotations

import pytest

from tests.unit.detectors.sentence_sets import case, check_affirmed, check_not_affirmed

from scanner.types import SAFEGUARDING_CATEGORIES

pytestmark = pytest.mark.model

NEGATED = "negated"
HYPOTHETICAL = "hypothetical"
EVERYDAY = "everyday"
PRACTICE = "practice"  # a review or judgment writing about agencies, not about harm to a child


# (sentence, category): an affirmed concern about a particular child or family.
AFFIRMED_CASES = [
    # -- practice reviews and serious case reviews ------------------------------------------
    case("Child C disclosed to her teacher that her stepfather had hit her with a belt.", "physical_abuse"),
    case("When Child Q was seen at the walk-in centre she had bruising to both upper arms.", "physical_abuse"),
    case("Arthur was made to stand in the hallway for hours and was force-fed salt.", "physical_abuse"),
    case("The school nurse noted that Child D was consistently unkempt and hungry.", "neglect"),
    case("Child F was found alone in the flat with no food and no heating.", "neglect"),
    case("There were repeated missed health appointments for Child L.", "neglect"),
    case("Child M was reported missing by her carers on eleven occasions in 2021.", "missing_from_home"),
    case("Child N told the youth worker that she had been raped by a man she met at a party.", "sexual_abuse"),
    case("Child P had been groomed online by an adult posing as a 15-year-old boy.", "online_harm"),
    case("By the age of 14, Child S was being criminally exploited to sell drugs in a coastal town.", "exploitation"),
    case("Police found Child T in a trap house 40 miles from home.", "exploitation"),
    case("Child V was referred to Channel after expressing extreme right-wing views at school.", "radicalisation"),
    case("The mother's partner was known to police for domestic abuse against two previous partners.", "domestic_abuse"),
    case("Child W had self-harmed by cutting her forearms since the age of 12.", "self_harm"),
    case("Child E was taken to Somalia in the summer holiday, where she underwent FGM.", "fgm"),
    case("The family told Child H that she would be married to her cousin in Pakistan.", "forced_marriage"),
    case("Both parents were using heroin and crack cocaine throughout the period under review.", "substance_misuse"),
    case("Baby J was admitted to hospital with a skull fracture and retinal haemorrhages.", "physical_abuse"),
    case("The child was regularly locked in her bedroom for long periods.", "emotional_abuse"),
    case("Child K described being repeatedly belittled and called stupid by his father.", "emotional_abuse"),
    case("Star was starved and beaten by her mother and her mother's partner.", "physical_abuse"),
    case("Tiana went missing overnight and was found the next day in a stranger's car.", "missing_from_home"),
    case("The children were living in squalid conditions with dog faeces on the floor.", "neglect"),
    case("Child G's mother was a victim of coercive control by the father.", "domestic_abuse"),
    # -- family-court judgments -------------------------------------------------------------
    case("I find that the father struck A with a belt, leaving marks on her legs.", "physical_abuse"),
    case("I am satisfied that F sexually abused B on at least two occasions.", "sexual_abuse"),
    case("I find that the mother was subjected to coercive and controlling behaviour by F.", "domestic_abuse"),
    case("The father punched the mother in the face in front of the children.", "domestic_abuse"),
    case("M accepts that she drank to excess while caring for the children.", "substance_misuse"),
    case("The local authority's case is that M failed to protect the children from F's violence.", "domestic_abuse"),
    case("I find that the injuries to C were inflicted by one of the parents.", "physical_abuse"),
    case("The children were exposed to domestic violence throughout their early lives.", "domestic_abuse"),
    case("F took the children to Morocco in breach of the order and failed to return them.", "missing_from_home"),
    case("The mother told the social worker that F had threatened to kill her.", "domestic_abuse"),
    case("M's hair strand test was positive for cocaine at high levels.", "substance_misuse"),
    case("I find that F shook D, causing the subdural haematomas.", "physical_abuse"),
    case("The father repeatedly told A that her mother did not love her.", "emotional_abuse",
         "emotional harm told only by what was said, with no insult or threat word"),
    case("The mother accepts that she hit E with a slipper.", "physical_abuse"),
    case("B was shown sexually explicit images by the father on his phone.", "sexual_abuse"),
    case("The children witnessed F assault M on several occasions.", "domestic_abuse",
         "the tagger reads 'F assault M' as a noun compound, so no action is done to a person"),
    # -- messy case notes -------------------------------------------------------------------
    case("mum had a black eye and said her partner had pushed her into the door", "domestic_abuse"),
    case("mum said her ex had strangled her last week, children in the next room", "domestic_abuse"),
    case("Jade, 14, has a boyfriend who is 22 and picks her up from school", "exploitation"),
    case("yp (15) has an older bf aged 24 who buys her alcohol and cigarettes", "exploitation"),
    case("dad calls her a waste of space and says he wishes she was never born", "emotional_abuse"),
    case("mum told him he would be put in care if he didn't behave", "emotional_abuse"),
    case("SW visit - no food in the fridge, kids in dirty clothes, nappy not changed all day", "neglect"),
    case("Kai c/o dad hitting him with the tv remote", "physical_abuse"),
    case("amira said her uncle touches her private parts when mum is at work", "sexual_abuse"),
    case("DV incident last night, police attended, dad arrested", "domestic_abuse"),
    case("yp disclosed cutting again, fresh cuts to L wrist", "self_harm"),
    case("Zainab has been missing since Friday, mum reported to police", "missing_from_home"),
    case("Liam found with £600 cash and 2 phones, believed to be running drugs", "exploitation"),
    case("Ibrahim is watching beheading videos and talking about joining IS", "radicalisation"),
    case("mum admits smoking cannabis daily, house smelt strongly of weed", "substance_misuse"),
    case("Priya worried she will be cut when they go to India in the summer", "fgm"),
    case("Sana said her parents are arranging her marriage and she doesn't want to go", "forced_marriage",
         "an arranged marriage the child refuses: the refusal is in another clause"),
    case("someone shared a nude of Mia round year 10 on snapchat", "online_harm"),
    case("Oscar took an overdose of paracetamol over the weekend", "self_harm"),
    case("dad is drunk most nights and falls asleep with the baby on the sofa", "substance_misuse"),
    case("Kacper says stepdad makes him sleep in the shed when he is naughty", "emotional_abuse",
         "a degrading punishment with no abuse word; 'make … sleep in the shed' is not a term"),
    case("Fatima came in with a burn on her hand, story keeps changing", "physical_abuse"),
    case("mum's new partner keeps checking her phone and won't let her see her friends", "domestic_abuse",
         "coercive control told by its acts; 'won't let her see her friends' reads as negated"),
    case("Tyrone said older lads make him hold stuff for them and he owes them money", "exploitation",
         "criminal exploitation told without 'drugs': 'hold stuff', 'owes them money' are everyday"),
    case("Chen says a man online asked him to send pics and threatened to share them", "online_harm"),
    case("child seen wandering the street at 11pm in nappy only", "neglect"),
    case("ellie told TA her dad kicks her when hes angry", "physical_abuse"),
    case("mum has been talking about ending it all, GP informed", "self_harm"),
    case("Rhys went AWOL from placement again last night", "missing_from_home"),
    case("Aaliyah disclosed her brother makes her do sexual things", "sexual_abuse"),
    case("dad screams at the kids and threatens to hit them with his belt", "emotional_abuse"),
    case("mum's ex turned up at the house and smashed the windows, she is terrified of him", "domestic_abuse",
         "'she' is mum, but 'mum's ex' may equally be the one who hurt a child: only 'her/his partner' counts"),
    case("Nadia, 13, has been seen getting into cars with older men near the takeaway", "exploitation"),
    case("Oliver's dad shouts that he is useless and thick", "emotional_abuse"),
]


NOT_AFFIRMED_CASES = [
    # -- reviews: practice, not harm ---------------------------------------------------------
    case("Professionals did not recognise the signs of neglect.", PRACTICE),
    case("The review found no evidence that practitioners had considered the risk of sexual abuse.", NEGATED),
    case("There was no evidence that Child Q had been physically abused by her parents.", NEGATED),
    case("No injuries were noted on Child R at the time of the visit.", NEGATED),
    case("Child B did not disclose any abuse at the time.", NEGATED),
    case("The paediatrician found no signs of sexual abuse.", NEGATED),
    case("Learning from this review will be shared with all partner agencies.", PRACTICE),
    case("The Panel recommends that the partnership reviews its neglect strategy.", PRACTICE),
    case("The terms of reference asked whether agencies understood the risk of exploitation.", HYPOTHETICAL),
    case("Child X has no history of going missing.", NEGATED),
    case("There were no concerns about the mother's drinking.", NEGATED),
    case("The school had no concerns about radicalisation.", NEGATED),
    case("Child Z denied self-harming when asked by the school nurse.", NEGATED),
    # -- judgments: findings not made -------------------------------------------------------
    case("The allegation that F sexually abused B is not proved.", NEGATED),
    case("I do not find that the mother hit A.", NEGATED),
    case("The father denies that he ever hit the children.", NEGATED),
    case("I am not satisfied that M was physically abused by F.", NEGATED),
    case("The allegation of domestic abuse was not found proved.", NEGATED),
    case("There is no suggestion that the children were neglected.", NEGATED),
    case("The local authority no longer seeks a finding that M caused the bruising.", NEGATED),
    case("The expert could not exclude an accidental cause for the fracture.", NEGATED),
    case("I reject the mother's account that F assaulted her in 2019.", NEGATED),
    case("The allegations of physical abuse were found to be unfounded.", NEGATED),
    case("Neither parent has a history of drug misuse.", NEGATED),
    # -- guidance and policy: hypothetical ---------------------------------------------------
    case("Practitioners should be alert to the signs of child sexual exploitation.", HYPOTHETICAL),
    case("Children who are missing from education may be at risk of forced marriage.", HYPOTHETICAL),
    case("Indicators of CSE include unexplained gifts, older boyfriends and going missing.", HYPOTHETICAL),
    case("Neglect is the persistent failure to meet a child's basic physical and/or psychological needs.", HYPOTHETICAL),
    case("Physical abuse may involve hitting, shaking, throwing, poisoning, burning or scalding.", HYPOTHETICAL),
    case("Emotional abuse is the persistent emotional maltreatment of a child.", HYPOTHETICAL),
    case("Sexual abuse involves forcing or enticing a child to take part in sexual activities.", HYPOTHETICAL),
    case("FGM is illegal in the UK and a form of child abuse.", HYPOTHETICAL),
    case("Staff must report known cases of FGM to the police.", HYPOTHETICAL),
    case("Any child may benefit from early help, in particular a child who is at risk of being radicalised.", HYPOTHETICAL),
    case("Domestic abuse can have a serious impact on children's health and wellbeing.", HYPOTHETICAL),
    case("A child who goes missing from care is vulnerable to exploitation.", HYPOTHETICAL),
    case("Where a child is suspected of being at risk of self-harm, a referral should be made.", HYPOTHETICAL),
    case("Schools should have a clear policy on sharing nudes and semi-nudes.", HYPOTHETICAL),
    case("County lines is a term used to describe gangs exploiting children to move drugs.", HYPOTHETICAL),
    case("Forced marriage is a marriage entered into without the full and free consent of one or both parties.", HYPOTHETICAL),
    case("Parental substance misuse is a common factor in serious case reviews.", HYPOTHETICAL),
    case("The designated safeguarding lead should consider whether the child is at risk of harm.", HYPOTHETICAL),
    case("Online abuse can include cyberbullying, grooming and sexual exploitation.", HYPOTHETICAL),
    case("Did anyone hurt you at home?", HYPOTHETICAL),
    case("If a child discloses abuse, listen carefully and do not ask leading questions.", HYPOTHETICAL),
    case("All staff receive annual training on recognising signs of neglect and abuse.", HYPOTHETICAL),
    case("Children may be exploited even when the activity appears consensual.", HYPOTHETICAL),
    # -- messy notes: negated ----------------------------------------------------------------
    case("nil marks seen on skin check", NEGATED),
    case("nil concerns re DV at this time", NEGATED),
    case("mum denies any drug use, says she stopped years ago", NEGATED),
    case("no bruising observed, child happy and chatty", NEGATED),
    case("yp denies self harm or thoughts of suicide", NEGATED),
    case("no evidence of CSE, bf is same age", NEGATED),
    case("Amir has not been missing since the last review", NEGATED),
    case("SW saw no signs of neglect, home warm and clean", NEGATED),
    case("Grace says nobody has ever touched her inappropriately", NEGATED),
    case("no DV reported since ex moved out", NEGATED),
    # -- everyday traps ----------------------------------------------------------------------
    case("Leo kicked the ball over the fence at break time", EVERYDAY),
    case("Ruby cut her finger on a tin lid while helping mum cook", EVERYDAY),
    case("Kofi got a black eye playing rugby on Saturday", EVERYDAY,
         "an injury with its everyday cause is still read as an injury"),
    case("Dad was shouting at the telly during the football", EVERYDAY),
    case("the children were starving after swimming so we stopped for chips", EVERYDAY),
    case("Mum said she would kill for a cup of tea", EVERYDAY),
    case("Freya's sister keeps calling her a nerd, they laugh about it", EVERYDAY),
    case("The family went missing from the photo because they were late", EVERYDAY,
         "figurative 'went missing' is read as a child going missing"),
    case("Josh is terrified of spiders", EVERYDAY),
    case("Mohammed was bitten by a dog at the park", EVERYDAY),
]


# Checks on the rules added for the set above: initials, partners, findings a court did not make.
AFFIRMED_CASES += [
    case("I am satisfied that F hit A with a belt.", "physical_abuse"),
    case("Sarah's partner slapped her during an argument.", "domestic_abuse"),
    case("She was punched by her ex-boyfriend outside the school gates.", "domestic_abuse"),
    case("Mum's partner hit the baby across the face.", "physical_abuse"),
    case("The judge found that B was shaken by F.", "physical_abuse"),
    case("Danielle had bruises on her arms and said her ex had grabbed her.", "domestic_abuse"),
    case("Kayla (13) is seeing a boyfriend who is 19 and has been staying at his flat.", "exploitation"),
    case("dad told her she'd be sent away to her nan's for good if she kept crying", "emotional_abuse"),
    case("Substance misuse is a significant factor in the family's difficulties.", "substance_misuse"),
    case("Domestic abuse is ongoing in the home.", "domestic_abuse"),
    case("Neglect is a feature of this case.", "neglect"),
    case("Sam has been posting on incel forums about hurting women.", "radicalisation"),
    case("Leanne says she is terrified of her ex, who has threatened to find her.", "domestic_abuse"),
    case("Jay was beaten by his mother with a hairbrush.", "physical_abuse"),
    case("Child D's death was the result of injuries inflicted by her stepfather.", "physical_abuse"),
    case("At the time of his death the child had been subjected to a campaign of cruelty.", "physical_abuse"),
    case("Dad said he would hit her if she told anyone.", "physical_abuse"),
    case("Mum saw dad hit Kyle with a shoe.", "physical_abuse"),
    case("Nasreen said her brother would kill her if she brought dishonour on the family.", "forced_marriage"),
    # case-note shorthand
    case("yp has been going missing at wkends", "missing_from_home"),
    case("Her older sister was married at 15 in Yemen.", "forced_marriage"),
    case("The father's violence towards the mother escalated during her pregnancy.", "domestic_abuse"),
    case("She was sent to Pakistan and married her cousin at 15.", "forced_marriage"),
    case("Kai keeps going missing from his placement", "missing_from_home"),
    case("dad has a hx of DV with prev partners", "domestic_abuse"),
    case("mum reports she is fleeing DV", "domestic_abuse"),
    # a negated factive verb takes its definite object for granted: the concern stands
    case("The GP was not aware of the mother's drug use.", "substance_misuse"),
    case("Agencies did not share information about the father's history of domestic abuse.", "domestic_abuse"),
    case("The school did not pass on Leah's disclosure of sexual abuse to children's social care.", "sexual_abuse"),
]
NOT_AFFIRMED_CASES += [
    case("A: Safety planning for self-harm will be covered in next week's training.", HYPOTHETICAL),
    case("The local authority does not pursue the finding that F hit B.", NEGATED),
    case("F withdrew the allegation that M had assaulted him.", NEGATED),
    case("I do not accept that the mother hit C.", NEGATED),
    case("The evidence does not establish that A was sexually abused.", NEGATED),
    case("No marks or bruises seen on mum, who says her partner has never hurt her.", NEGATED),
    case("Mum, 34, has a new boyfriend who is 38.", EVERYDAY),
    case("Chloe (16) has a boyfriend aged 17 from her college.", EVERYDAY),
    case("Mum's boyfriend, 25, moved in on 14 March.", EVERYDAY),
    case("Domestic abuse is any incident or pattern of incidents of controlling, coercive or threatening behaviour "
         "between those aged 16 or over.", HYPOTHETICAL),
    case("Child criminal exploitation is a form of abuse in which children are coerced into crime.", HYPOTHETICAL),
    case("All staff completed domestic abuse training last term.", PRACTICE),
    case("The cannabis policy was updated in September.", PRACTICE),
    case("The mother's evidence was that she had never seen the father hit the children.", NEGATED),
    case("If the mother resumes drinking, the children will be at risk of neglect.", HYPOTHETICAL),
    case("Unless the father engages with the programme, the children would remain at risk of domestic abuse.",
         HYPOTHETICAL),    case("The social worker was not aware of any drug use in the home.", NEGATED),
    case("The strategy discussion did not consider the risk of sexual abuse.", HYPOTHETICAL),
    case("Mum said the children would be at risk of neglect if she relapsed.", HYPOTHETICAL),
    case("Nil evidence of self harm on obs", NEGATED),
    case("mum denies any dv", NEGATED),
    case("There have been no incidents of Esi going missing from placement.", NEGATED),
    # "cut" that is not FGM, though a trip or a country is near
    case("Ella was cut by broken glass on holiday in Spain.", EVERYDAY),
    case("Jay was cut from the team after the trip to Leeds.", EVERYDAY),
    case("Her hair was cut short for the holiday.", EVERYDAY),
    case("She got cut on the hand during the school trip.", EVERYDAY),
    case("There is no indication that Halima will be cut when she visits Somalia.", NEGATED),
    # marriage that is not forced, though an age or a country is near
    case("Mum was married at 25 and divorced at 30.", EVERYDAY),
    case("Mum and dad got married in Jamaica in 2010 and moved to London.", EVERYDAY),
    case("Grandad married at 21 and lived in Leeds all his life.", EVERYDAY),
    # violence that is not a parent's or a partner's
    case("The film's violence was too much for the younger children.", EVERYDAY),
    case("Jade's violence towards staff has increased.", EVERYDAY),
    case("There is no evidence of the father's violence towards the children.", NEGATED),
]


@pytest.mark.parametrize("text, category", AFFIRMED_CASES)
def test_affirmed_concern(detect, text, category):
    check_affirmed(detect, text, category)


@pytest.mark.parametrize("text, kind", NOT_AFFIRMED_CASES)
def test_not_affirmed(detect, text, kind):
    check_not_affirmed(detect, text, kind)


def test_every_category_has_an_affirmed_case():
    assert {p.values[1] for p in AFFIRMED_CASES} == set(SAFEGUARDING_CATEGORIES)
