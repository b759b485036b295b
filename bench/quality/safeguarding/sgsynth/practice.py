"""Practice wordings the policy cares about when a disclosure is recorded.

"Staff and volunteers should not promise confidentiality" and "Not interrogate or ask leading
questions" (the policy seed, "Disclosures to staff and volunteers"). A promise of secrecy is a
`confidentiality_promise`; doing it right ("I explained I could not keep it secret") is a
`proper_practice` trap. A question that puts words in the child's mouth is a `leading_question`
(and, being a question, a hypothetical mention of its category); an open question is an
`open_question` trap.
"""
from __future__ import annotations

#: SPEC "Canonical types": practice.
PRACTICE_TYPES = ("confidentiality_promise", "leading_question")

PROMISES = (
    "I promised {child:first} I wouldn't tell anyone.",
    "I said it would stay between us.",
    "Told {child.him} it was our secret.",
    "I reassured {child:first} that I would not tell {child.his} mum or anyone else.",
    "I told {child:first} that what {child.he} said would stay in this room.",
    "I agreed not to pass this on because {child.he} begged me not to.",
    "Promised to keep it confidential.",
    "I said I wouldn't say anything to the social worker.",
    "I gave {child.him} my word it would not go any further.",
    "Assured {child:first} this was just between the two of us.",
    "told {child.him} {child.his} secret was safe with me",
    "I said I would not tell the police, as {child.he} asked.",
)

PROPER_PRACTICE = (
    "I explained I could not keep it secret.",
    "I told {child.him} I would have to share this with the DSL.",
    "I explained that I cannot promise to keep secrets when someone may be at risk.",
    "Explained the limits of confidentiality to {child:first}.",
    "I said I would need to speak to {dsl} to help keep {child.him} safe.",
    "I was clear that I could not promise not to tell anyone.",
    "Told {child:first} I would have to pass this on, and who to.",
    "I did not promise confidentiality and explained why.",
    "I explained what would happen next and that I had to share what {child.he} told me.",
    "I said I couldn't keep this between us but would only tell people who need to know.",
    "I told {child:first} I could not keep this to myself because it is my job to keep {child.him} safe.",
)

#: proper practice as policy and training put it (no one named).
PROPER_POLICY = (
    "Staff should never promise a child that they will keep a secret.",
    "Do not promise confidentiality; explain who you will need to tell.",
    "Never agree to keep what a child tells you between the two of you.",
    "Tell the child you cannot keep it secret, and why.",
)

#: (category the question is about, the question).
LEADING = (
    ("physical_abuse", "Did your dad hit you?"),
    ("physical_abuse", "He hurt you, didn't he?"),
    ("physical_abuse", "Did mummy smack you with the slipper?"),
    ("physical_abuse", "Was it your stepdad who gave you that bruise?"),
    ("sexual_abuse", "Was it your uncle who touched you?"),
    ("sexual_abuse", "Did he make you touch him?"),
    ("sexual_abuse", "He touched your private parts, didn't he?"),
    ("emotional_abuse", "Does your mum call you horrible names?"),
    ("neglect", "Did mummy leave you on your own all night?"),
    ("self_harm", "You've been cutting yourself, haven't you?"),
    ("domestic_abuse", "Did daddy hit mummy?"),
    ("exploitation", "Did the older boys make you sell drugs?"),
    ("online_harm", "Did the man online ask you for pictures?"),
    ("forced_marriage", "Are your parents making you marry your cousin?"),
    ("missing_from_home", "You ran away because of your dad, didn't you?"),
    ("substance_misuse", "Was your mum drunk again?"),
    ("emotional_abuse", "Your dad says you're useless, doesn't he?"),
    ("neglect", "There was no food in the house, was there?"),
    ("self_harm", "Did you do that to your arm on purpose?"),
    ("domestic_abuse", "Was it your dad who gave mummy the black eye?"),
    ("exploitation", "Is that man in the car paying you to carry things?"),
    ("online_harm", "Did he make you send photos on Snapchat?"),
    ("forced_marriage", "Your dad wants you to get married, doesn't he?"),
    ("missing_from_home", "Were you staying with those older boys when you were missing?"),
    ("substance_misuse", "Your dad smokes weed in the house, doesn't he?"),
    ("radicalisation", "Did your brother show you those extremist videos?"),
    ("radicalisation", "It was the man at the gym who gave you those leaflets, wasn't it?"),
    ("fgm", "Did they cut you when you went abroad?"),
    ("fgm", "Was it your aunt who did the procedure?"),
)

OPEN = (
    "Can you tell me what happened?",
    "What happened next?",
    "Tell me more about that.",
    "Can you explain what you mean by that?",
    "Describe the room you were in.",
    "Who else was there?",
    "How did you feel when that happened?",
    "Is there anything else you want to tell me?",
    "Where were you when that happened?",
    "What happened after that?",
    "What do you mean?",
    "Tell me about the last time you felt worried.",
)

#: how a recorded question is written down; `<q>` is the question.
QUESTION_FRAMES = (
    'I asked "<q>"',
    "Q: <q>",
    "I asked {child:first}: <q>",
    "{dsl:first}: <q>",
    'I said to {child:first}, "<q>"',
    "Staff asked: <q>",
    "Asked - <q>",
)

#: the child's reply after a leading question (no new concern in it).
REPLIES = (
    "{child:first} nodded.",
    "{child:first} looked down and did not answer.",
    '{child:first} said "I don\'t know".',
    "{child:first} shrugged and went quiet.",
)

#: TED prompts as practitioners note them: a reminder of good practice, not a question to flag.
TED_NOTES = (
    "TED: tell me, explain, describe.",
    "Used TED prompts throughout (tell me, explain, describe).",
)

#: a leading question quoted in training as what not to ask: a trap, not a practice finding.
EXAMPLE_FRAMES = (
    'Avoid leading questions such as "<q>"',
    'Never ask a child "<q>"',
    'A question like "<q>" puts words in the child\'s mouth.',
    'Example of a leading question: "<q>"',
)
