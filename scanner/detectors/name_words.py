"""Word lists the name detector consults: what is never a name, what names are also words."""
from __future__ import annotations

NOT_A_NAME = frozenset(
    """mum dad mother father mom parent parents carer carers child children baby sibling siblings brother sister
    nan nana nanny grandma grandad grandmother grandfather aunt auntie uncle cousin stepdad stepmum stepfather
    stepmother partner boyfriend girlfriend foster worker social teacher head headteacher school nurse doctor gp
    dsl mash police officer manager lead designated safeguarding child-protection senco ehcp cin cp lac cla
    nhs upn dob nino ni tel mob email address postcode name surname forename date ref case id no number
    mr mrs ms miss dr mx sir madam dear regards yours sincerely faithfully kind thanks thank team service
    monday tuesday wednesday thursday friday saturday sunday january february march april june july august
    september october november december today tomorrow yesterday morning afternoon evening
    forename forenames surname surnames firstname lastname middlename middlenames fullname sw swr iro fao cc re
    dob d.o.b d.o.b. nfa csc cafcass ehc ehcp mash lado iro chin dsl dsp note please action outcome summary update
    urgent confidential official sensitive private later then also however meanwhile afterwards subsequently
    previously initially finally again recently earlier apparently reportedly allegedly clearly sadly unfortunately
    overall instead eventually suddenly colleague colleagues
    christmas xmas easter halloween diwali hanukkah ramadan brothers sisters sons daughters aunts uncles cousins nephews
    nieces grandparents dads mums mothers fathers midwives nurses twins""".split()
)
# Words of headings, rooms, teams and documents: "Venue: Oak Room", "Subject: Core Group".
NOT_NAME_WORDS = frozenset(
    """room rooms conference plan plans review meeting meetings centre center hub team teams council office service services
    group core child children protection family families school academy college nursery health police court care early
    help support panel strategy discussion update report assessment section order hall house street road lane avenue
    close drive way the and of for to in on at a an by with meeting minutes agenda notes note visit visits home
    visited referral referrals contact contacts case cases plan plans safeguarding unit ward clinic hospital surgery
    practice board partnership authority county city borough trust foundation limited ltd plc uk nhs gp cin cp lac
    district north south east west central new old first second third next last present absent apologies none tbc
    yes no not known unknown other all monday tuesday wednesday thursday friday saturday sunday agenda consent
    invitation transfer file summary minutes invoice total description subject purpose outcome worker workers
    officer manager coordinator co-ordinator lead chair nurse visitor teacher head deputy assistant adviser advisor
    therapist practitioner consultant paediatrician psychologist attendance background supervisor supervisee
    neighbour neighbours officers older younger refer universal credit unique pupil pupils social care professional
    professionals practitioners staff parents carers agencies agency partners partner people everyone nobody someone
    education housing probation part annex annexe appendix schedule paragraph chapter clause grade option stage
    phase tier flat vitamin hepatitis exhibit figure garda gardaí""".split()
)
# Names that are also everyday English words: propagated only where capitalised.
WORD_NAMES = frozenset(
    """will may june april august hope grace faith joy rose mark bill bob pat sue ray dawn summer autumn holly ivy
    lily ruby amber jack frank guy max rich drew sunny star angel king young brown white green black long short
    little hill wood field stone bell page rice cook baker miller mason chase hunter sky river jordan penny
    violet daisy iris poppy heather jasmine olive pearl crystal destiny honor precious""".split()
)
PERSON_BEFORE = frozenset(
    """by with for dear regards thanks hi hello re cc mum dad mother father son daughter sister brother nan
    grandmother grandfather aunt uncle cousin partner stepdad stepmum carer child pupil baby told asked saw
    visited met called named says""".split()
)
PLACE_BEFORE = frozenset("in at near towards around into via outside inside across".split())
# After a misread span, words said of people but hardly of places or companies ("is", "was" are not).
PERSON_AFTER = frozenset(
    """said says told reported disclosed explained stated confirmed agreed denied rang called attended missed
    refused shouting shouted cries cried hit kicked lives lived stayed seemed wants wanted asked""".split()
)
SPEECH_VERBS = frozenset(
    """said says told tells disclosed reported explained stated confirmed confirms denied admitted alleged agreed rang
    phoned attended refused cried shouted screamed lives asked wants wanted assaulted started missed mentioned
    reports""".split()
)
# "Pooja has not attended", "Daan was not present", "Idil did not attend": a name, a verb, then more.
STATE_PHRASES = tuple(
    """has not|has never|has been|has got|has missed|has started|has told|had not|was not|was seen|was found|
    was asleep|did not|is supervised|remains""".replace("\n", "").split("|")
)
# What is done to a person, but also said of things ("Evidence was examined"): such a phrase makes a
# name only of a word that is no English word ("Oluwadamilare was taken to A&E").
PASSIVE_PHRASES = tuple(
    """was taken to|was admitted|was excluded|was arrested|was placed|was born|was referred|was discharged|
    was interviewed|was examined|was removed from|would stay|would live""".replace("\n", "").split("|")
)
PARTICLES = frozenset("de da dos van der von al el bin binti ap di le la du".split())
# Particles written with a capital inside a name: "Saoirse Ní Bhriain", "Aisling Nic Giolla Phádraig".
INNER_PARTICLES = frozenset("Ní Nic Ó Uí Mac Van Von De Del Della Da Di Le La Abu Ibn Bin Al El".split())
# Family words written just before a person's name ("her brother Tobi", "Uncle Mehmet", "mum, Jodie").
KIN = (r"mum|mummy|mam|mom|dad|daddy|mother|father|brother|sister|half-?brother|half-?sister|step-?brother|"
       r"step-?sister|son|daughter|nan|nana|nanna|gran|granny|grandma|grandad|grandmother|grandfather|aunt|auntie|"
       r"aunty|uncle|cousin|stepdad|stepmum|stepfather|stepmother|step-dad|step-mum|partner|boyfriend|girlfriend|"
       r"husband|wife|baby|niece|nephew|twin|carer|fella")
# Words a prescribed or used thing follows, never a person: "prescribed Sertraline", "plays Fortnite".
THING_BEFORE = frozenset("prescribed using uses plays playing played downloaded installed via app".split())
# Note-taking verbs the model takes into a name at a sentence's start: "Seen Kwame", "Visited Ama Owusu".
NOTE_VERBS = frozenset("seen saw visited met called rang phoned spoke contacted emailed texted asked told".split())
# Abbreviations of hurried notes that are no English word but no name either: "mum appt", "nan (tbc)".
NOTE_ABBREVIATIONS = frozenset("""appt appts info asap tbc tba tbd approx hosp meds docs dept govt pics vids uni bday
    convo ish etc aka re fyi""".split())
# Words of rooms, places and directions that are also surnames: after "Dr" or "Mrs" the surname ("Dr Ward").
SURNAME_WORDS = frozenset("""ward hall house street lane wood field close north south west east church
    chambers newhouse park castle cross green""".split())
