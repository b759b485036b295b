"""Does the safeguarding detector generalise beyond the wordings it was built on?

An evaluation set written independently of the synthetic kit (`bench/quality/safeguarding`):
sentences in the way UK practitioners, DSL logs, safeguarding practice reviews, family court
judgments and statutory guidance (Working Together, KCSIE) write, including messy notes (lower
case, abbreviations, no full stop, initials, "Child Q"). Each is labelled with its category and
polarity; the traps (negated, hypothetical, everyday, text about the system) must give no
affirmed finding at all. Cases the detector still gets wrong are kept as strict xfails with the
reason, so the record stays honest and a fix shows up as an XPASS.
"""
from __future__ import annotations

import pytest

from tests.seed import POLICY_SEED
from tests.unit.detectors.sentence_sets import affirmed, case, check_affirmed, check_not_affirmed

pytestmark = pytest.mark.model


# (sentence, category): an affirmed concern about a particular child or family.
AFFIRMED_CASES = [
    # physical abuse
    case("on arrival T had a bruise to L cheek, said dad did it", "physical_abuse"),
    case("Mr Kowalski admitted he had smacked Oliwia across the legs with a slipper.", "physical_abuse"),
    case("Paediatrician's opinion is that the injuries to M's ear are non-accidental.", "physical_abuse"),
    case("Kwame reports his stepfather grabbed him by the throat last night", "physical_abuse"),
    case("Dad hit Jack with a belt because he wouldn't go to bed", "physical_abuse"),
    case("Leila had linear marks on her back consistent with being hit with a cord.", "physical_abuse"),
    case("Child R disclosed that her father had hit her with a wooden spoon.", "physical_abuse"),
    case("The judge found that the father caused the fractures to the baby's ribs.", "physical_abuse",
         "a fracture is no term on its own (accidental fractures fill school and health letters)"),
    case("Arthur was subjected to sustained physical and emotional abuse by his father and stepmother.", "physical_abuse"),
    # sexual abuse
    case("Chloe told her teacher that her uncle touched her inappropriately when he babysat.", "sexual_abuse"),
    case("A disclosed that mum's boyfriend made him watch porn on his phone", "sexual_abuse"),
    case("Staff observed highly sexualised behaviour from Tyler (aged 6) towards younger children.", "sexual_abuse"),
    case("The judge found that the father had sexually abused both girls.", "sexual_abuse"),
    case("Police are investigating an allegation of rape made by Sofia against her stepbrother.", "sexual_abuse"),
    case("Hassan said the older boy put his hand down his trousers and touched his penis", "sexual_abuse"),
    case("Child C was subjected to penetrative sexual abuse by a family friend over several years.", "sexual_abuse"),
    case("S has been charged with indecent assault on a 13 year old girl", "sexual_abuse"),
    case("Ava disclosed inappropriate sexual contact with her older cousin.", "sexual_abuse"),
    case("mr Begum is a registered sex offender and has been having unsupervised contact with the children",
         "sexual_abuse"),
    case("she said he kept getting into her bed at night and touching her", "sexual_abuse",
         "'touch' is everyday; the sexual sense here comes only from 'into her bed at night'"),
    # emotional abuse
    case("Mum constantly belittles Kayleigh and tells her she is fat and ugly.", "emotional_abuse"),
    case("dad calls him thick and useless in front of everyone", "emotional_abuse"),
    case("Nia says her stepmum is always criticising her and she can never do anything right", "emotional_abuse"),
    case("Father threatened to put Ryan into care if he didn't behave.", "emotional_abuse"),
    case("Mother told Jade she wished she had never been born", "emotional_abuse"),
    case("Lily is scapegoated within the family and treated differently to her siblings", "emotional_abuse"),
    case("the children have been exposed to parental conflict and frequent arguments at home", "emotional_abuse"),
    case("M describes feeling worthless and says dad tells her no one wants her", "emotional_abuse"),
    case("Mum regularly humiliates Jamal in front of his friends.", "emotional_abuse"),
    case("Precious is isolated from her friends and not allowed out by her stepdad", "emotional_abuse"),
    case("Ms Nowak shouts and swears at the children daily", "emotional_abuse"),
    case("The court found that the mother had emotionally harmed the children by involving them in the dispute.",
         "emotional_abuse"),
    case("Olu is frightened of his father and does not want to go home.", "emotional_abuse"),
    case("Arjun is blamed for everything that goes wrong and is made to feel like a burden.", "emotional_abuse"),
    case("stepdad is extremely controlling of Maisie and checks her phone every night", "emotional_abuse"),
    case("Kyle said dad keeps threatening to kick him out and says he hates him", "emotional_abuse"),
    # neglect
    case("home conditions were poor - dog mess on the floor, no clean bedding, kitchen filthy", "neglect"),
    case("no food in the house again, kids said they had crisps for tea", "neglect"),
    case("Bailey came to school unkempt and smelling of urine", "neglect"),
    case("Mia has missed three health appointments and her asthma has not been reviewed", "neglect"),
    case("Head lice untreated for months, scalp is sore", "neglect"),
    case("Tia (4) and Jayden (2) were left home alone while mum went to the shop", "neglect"),
    case("Baby was in a soiled nappy with severe nappy rash.", "neglect"),
    case("the children are often hungry and have been taking food from other pupils' lunchboxes", "neglect"),
    case("There is a long-standing pattern of neglect of the children's dental and health needs.", "neglect"),
    case("The children sleep on a bare mattress and there is no working cooker.", "neglect"),
    case("Dad did not take Leo to hospital for 3 days after he broke his arm.", "neglect",
         'medical neglect by delay, told through a negated verb: no term, and the negation would win'),
    # self-harm
    case("J disclosed she has been cutting her thighs with a razor", "self_harm"),
    case("Sam said she wants to end her life", "self_harm"),
    case("Jake took an overdose of paracetamol on Saturday", "self_harm"),
    case("Amira has been scratching her arms until they bleed", "self_harm"),
    case("he told me he has been having thoughts of suicide", "self_harm"),
    case("Ellie-Mae was found with a ligature in her room", "self_harm"),
    case("States she feels there is no point in living anymore", "self_harm"),
    case("Reece has been burning himself with a lighter", "self_harm"),
    # domestic abuse
    case("Police attended following a DA incident, dad had pushed mum down the stairs", "domestic_abuse"),
    case("Mum disclosed that her partner monitors her phone and controls all the money.", "domestic_abuse"),
    case("The children were present when dad strangled mum.", "domestic_abuse"),
    case("Ms Osei fled to a refuge with the children after years of abuse from her husband", "domestic_abuse"),
    case("MARAC referral made following a high risk DASH.", "domestic_abuse"),
    case("neighbours heard shouting and screaming and things being smashed", "domestic_abuse"),
    case("there is a history of domestic violence between the parents", "domestic_abuse"),
    case("Dad is on bail for assaulting mum and has conditions not to attend the home", "domestic_abuse"),
    case("Mother describes coercive and controlling behaviour by the father throughout the relationship.",
         "domestic_abuse"),
    # exploitation
    case("Concerns Tyrese is being criminally exploited - found in Margate with £500 and two phones",
         "exploitation"),
    case("Kacper was arrested in a flat in Hastings which police believe has been cuckooed", "exploitation"),
    case("Leanne (14) is going to parties with older men and has been given alcohol and a new phone",
         "exploitation"),
    case("Mohammed owes a drug debt and has been threatened", "exploitation"),
    case("police found K in a trap house in Luton", "exploitation"),
    case("NRM referral made for Dritan who was trafficked from Albania.", "exploitation"),
    case("Nathan is suspected of carrying drugs for a local gang", "exploitation"),
    case("Over the following months X was groomed and sexually exploited by a group of men.", "exploitation"),
    # radicalisation
    case("Ryan has been sharing far right memes in the class group chat", "radicalisation"),
    case("Prevent referral made after Yusuf expressed support for ISIS", "radicalisation"),
    case("Connor was found watching beheading videos on his phone", "radicalisation"),
    case("Teacher concerned about Alfie's increasingly extreme views on Muslims", "radicalisation"),
    # FGM
    case("Amina's mum said they are going to Sudan in the summer for her to be cut", "fgm"),
    case("GP identified that Hawa had undergone FGM type 3", "fgm"),
    case("Fatou told staff that her older sister had the special procedure and now it is her turn", "fgm"),
    case("Mum disclosed she had FGM as a child.", "fgm"),
    # forced marriage
    case("Aisha is worried she will be taken to Bangladesh and married to a man she has never met", "forced_marriage"),
    case("Priya's family have arranged for her to marry her cousin in India next year", "forced_marriage"),
    case("Police obtained a Forced Marriage Protection Order for Shazia.", "forced_marriage"),
    case("Sadia said her father would kill her if she brought shame on the family", "forced_marriage"),
    case("Zainab's passport has been taken by her parents", "forced_marriage"),
    # online harm
    case("Mia was asked for nudes by a boy on Snapchat who she thought was 15", "online_harm"),
    case("Oscar was being sextorted after sending an image to someone on Instagram", "online_harm"),
    case("Police informed us that explicit images of Ruby have been shared around the school", "online_harm"),
    case("Jayden has been the victim of cyberbullying on TikTok", "online_harm"),
    case("Eva was contacted by an adult male on Snapchat who asked her to keep their chats secret", "online_harm"),
    case("Leo was groomed online by a man posing as a teenager", "online_harm"),
    case("Tom has been sending indecent images of himself to an older girl", "online_harm"),
    case("Amber's ex is threatening to post her nudes online unless she pays him", "online_harm"),
    case("Zoe (13) is being blackmailed with a self-generated image", "online_harm"),
    case("found messages on Harley's phone from an adult man asking him to meet up and not tell his parents",
         "online_harm", "an adult asking to meet and keep it secret: no term, the concern is the combination"),
    case("Lewis was sent sexually explicit videos by someone he met on a gaming site", "online_harm"),
    case("Ayesha is being bullied on Instagram and has received abusive messages", "online_harm"),
    # missing from home or care
    case("Kayden was reported missing at 23:00 and returned home at 4am", "missing_from_home"),
    case("Leah absconded from her placement again last night", "missing_from_home"),
    case("MISPER report made - whereabouts of Jade unknown since Sat", "missing_from_home"),
    case("Ty has had 6 missing episodes this month", "missing_from_home"),
    case("Brooke didn't return to her children's home until the next morning", "missing_from_home"),
    # substance misuse
    case("Mum presented as under the influence of alcohol at contact", "substance_misuse"),
    case("Dad admitted using cocaine at weekends", "substance_misuse"),
    case("Toby (15) is smoking cannabis daily", "substance_misuse"),
    case("Mother's hair strand test was positive for cocaine.", "substance_misuse"),
    case("father's alcohol misuse continues, he was drunk at the school gate", "substance_misuse"),
    case("mum has relapsed and is using heroin again", "substance_misuse"),
]

# Written after the first round of changes, as a fresh check that they generalise.
AFFIRMED_CASES += [
    case("Kasia said her stepdad punched her in the stomach last night", "physical_abuse"),
    case("Mum's new partner has convictions for domestic violence and has moved in", "domestic_abuse"),
    case("Father has been belittling Dev in front of his siblings and calls him an idiot", "emotional_abuse"),
    case("It was reported that Child P had been sexually abused by a relative.", "sexual_abuse"),
    case("Tomasz was found with a knife and is believed to be running drugs for an older male", "exploitation"),
    case("Police were called after Mr Yilmaz assaulted his wife in front of the children", "domestic_abuse"),
    case("The local authority failed to recognise the neglect of the children over many years.", "neglect"),
]

NEGATED = "negated"
HYPOTHETICAL = "hypothetical"
EVERYDAY = "everyday"
SYSTEM = "system"  # reviews and judgments writing about agencies, not about harm to a child

# (sentence, kind): no affirmed safeguarding finding of any category.
NOT_AFFIRMED_CASES = [
    # negated: the concern is absent, denied or disproved
    case("no concerns re home conditions, house clean and tidy, food in cupboards", NEGATED),
    case("Skin check completed, no bruising or marks noted.", NEGATED),
    case("Mohammed denies any involvement with county lines", NEGATED),
    case("There is no evidence that Ella has been sexually abused.", NEGATED),
    case("Allegations that dad hit Leo were investigated and found to be unfounded.", NEGATED),
    case("Kira was not known to have self-harmed before this admission.", NEGATED),
    case("Mum said there has never been any domestic abuse in the relationship", NEGATED),
    case("No safeguarding concerns were identified.", NEGATED),
    case("Strategy discussion concluded that FGM had not taken place.", NEGATED),
    case("She reports no thoughts of suicide or self-harm at present", NEGATED),
    case("There were no signs that the children had been left home alone.", NEGATED),
    case("The allegation of sexual abuse was not substantiated.", NEGATED),
    case("NAI ruled out following skeletal survey", NEGATED),
    case("Ayaan has no history of going missing", NEGATED),
    case("Amelia is not at risk of FGM.", NEGATED),
    case("Jake denied that anyone had hurt him.", NEGATED),
    case("Neither parent has any history of drug use.", NEGATED),
    case("The police found no evidence of grooming or exploitation.", NEGATED),
    case("Harvey does not use drugs or alcohol, he says.", NEGATED),
    case("Checks with police showed no domestic incidents at the address.", NEGATED),
    case("Zara said she has never been asked to send nudes.", NEGATED),
    # hypothetical: guidance, training, plans, questions
    case("Practitioners should be alert to signs that a child is being groomed online.", HYPOTHETICAL),
    case("Is anyone at home hurting you?", HYPOTHETICAL),
    case("What are the signs of child sexual exploitation?", HYPOTHETICAL),
    case("Neglect is the persistent failure to meet a child's basic physical and/or psychological needs.",
         HYPOTHETICAL),
    case("Emotional abuse may involve conveying to a child that they are worthless or unloved.", HYPOTHETICAL),
    case("Young people who go missing are at increased risk of exploitation.", HYPOTHETICAL),
    case("If you are worried that a child is being radicalised, make a Prevent referral.", HYPOTHETICAL),
    case("SW to explore with Jade whether she has been self-harming", HYPOTHETICAL),
    case("Consider a referral to MARAC where domestic abuse is assessed as high risk.", HYPOTHETICAL),
    case("All staff should know the indicators of abuse and neglect.", HYPOTHETICAL),
    case("Children can be at risk of FGM when they are taken abroad in the summer holidays.", HYPOTHETICAL),
    case("Staff must report any concerns about forced marriage to the DSL the same day.", HYPOTHETICAL),
    case("Online harms include cyberbullying, sextortion and the sharing of nude images.", HYPOTHETICAL),
    case("Session 3: recognising county lines exploitation", HYPOTHETICAL),
    case("Did he ever touch you where you didn't want to be touched?", HYPOTHETICAL),
    case("A child who is being sexually abused may show sexualised behaviour.", HYPOTHETICAL),
    case("Practitioners must consider whether a parent's substance misuse affects their capacity to care.",
         HYPOTHETICAL),
    case("Training for foster carers on self-harm and suicide prevention, 12 March", HYPOTHETICAL),
    case("Signs of emotional abuse include a child being overly withdrawn or constantly criticised.",
         HYPOTHETICAL),
    case("Witnessing domestic abuse can have a lasting impact on a child's development.", HYPOTHETICAL),
    case("Year 9 watched a film about county lines in PSHE", HYPOTHETICAL),
    case("Sextortion is a form of online blackmail where a young person is threatened with the release of "
         "images.", HYPOTHETICAL),
    case("Head lice, poor hygiene and tooth decay can be indicators of neglect.", HYPOTHETICAL),
    # everyday uses of the same words
    case("Ollie scored after his shot hit the post.", EVERYDAY),
    case("Maya got hit on the arm by the ball in dodgeball.", EVERYDAY),
    case("Grandad was rushed to hospital after a heart attack.", EVERYDAY),
    case("Charlie cut his finger on a tin lid at cookery club.", EVERYDAY),
    case("Mum shouted up the stairs for the kids to get ready.", EVERYDAY),
    case("Dad's band had a big hit in the nineties.", EVERYDAY),
    case("They threw a surprise party for nan.", EVERYDAY),
    case("She burnt her hand on the oven at home.", EVERYDAY),
    case("Poppy groomed the pony before the show.", EVERYDAY),
    case("Jack appeared clean, well groomed and happy.", EVERYDAY),
    case("He was hit by a car on the way to school and taken to A&E.", EVERYDAY),
    case("Ava was bitten by the neighbour's dog last week.", EVERYDAY),
    case("Tariq is missing his dad who works away.", EVERYDAY),
    case("The kids were screaming and shouting with excitement on the bouncy castle.", EVERYDAY),
    case("I had to drag him off the PlayStation to do his homework.", EVERYDAY,
         "'drag' done to a person; the figurative 'drag … off the PlayStation' is not modelled"),
    case("Mum said she was terrified when the car skidded on the ice.", EVERYDAY),
    case("The art group will be cutting out paper snowflakes.", EVERYDAY),
    case("Ruby was bullied at her old primary, which is why she moved here, and is now settled.", EVERYDAY),
    case("Noah fell off his bike and hurt his knee.", EVERYDAY),
    case("The family watched Home Alone together at Christmas.", EVERYDAY),
    case("Stan is a huge fan of horror films and is not scared of anything.", EVERYDAY),
    # reviews and judgments writing about the system
    case("The review criticised the local authority for the delay in issuing proceedings.", SYSTEM),
    case("The Panel considered the threshold for significant harm and the role of the health visitor.", SYSTEM),
    case("Agencies missed opportunities to share information about the family.", SYSTEM),
    case("The judge was critical of the expert's failure to consider other explanations.", SYSTEM),
    case("This review was commissioned by the local safeguarding children partnership.", SYSTEM),
]


# Written after the first round of changes, as a fresh check that they generalise.
NOT_AFFIRMED_CASES += [
    case("no concerns re self-harm, Ella denies any thoughts of ending her life", NEGATED),
    case("allegation that Mrs Ahmed slapped Z was not substantiated", NEGATED),
    case("Practitioners may wish to consider the impact of parental substance misuse.", HYPOTHETICAL),
    case("Jonah hit his head on the climbing frame", EVERYDAY),
]


@pytest.mark.parametrize("text, category", AFFIRMED_CASES)
def test_affirmed_concern(detect, text, category):
    check_affirmed(detect, text, category)


@pytest.mark.parametrize("text, kind", NOT_AFFIRMED_CASES)
def test_not_affirmed(detect, text, kind):
    check_not_affirmed(detect, text, kind)


@pytest.mark.skipif(not POLICY_SEED.exists(), reason="the organisation's policy seed is not on this machine")
def test_policy_seed_affirms_nothing(detect):
    found = affirmed(detect(POLICY_SEED.read_text(encoding="utf-8")))
    assert not found, [(f.type, f.text, f.explanation) for f in found]


def test_every_category_has_an_affirmed_case():
    from scanner.types import SAFEGUARDING_CATEGORIES

    assert {p.values[1] for p in AFFIRMED_CASES} == set(SAFEGUARDING_CATEGORIES)
