"""Neutral sentences around the labelled ones: no concern, no trap word, no special category.

They keep the labelled sentences from sitting alone, so a detector has to find them in
ordinary text rather than recognise a document made only of concerns.
"""
from __future__ import annotations

NOTES = (
    "{child:first} showed me {child.his} bedroom and {child.his} new school bag.",
    "{mum:first} offered me a cup of tea and we sat in the lounge.",
    "Discussed the plan for the summer holidays.",
    "{child:first} talked about {child.his} favourite football team.",
    "{sib:first} was watching cartoons with {mum:first}.",
    "Mum is looking for part-time work and has an interview next week.",
    "{child:first} said {child.he} enjoys art and wants to join the drama club.",
    "We talked about {child.his} friends and what {child.he} likes doing after school.",
    "Agreed actions were read back to {mum:first} and she agreed with them.",
    "{child:first} is in {decoy.year} and likes {child.his} teacher.",
    "The family have a new puppy called Biscuit.",
    "Transport to contact has been arranged.",
    "Spoke with {teacher}, who says {child:first} is settling into the new class.",
    "Letter sent to {mum:first} confirming the outcome.",
    "{child:first} wants to be a vet when {child.he} grows up.",
    "{mum:first} has started a college course two mornings a week.",
)

PLANS = (
    "Review at core group on {decoy.meeting}.",
    "SW to update the chronology.",
    "Share the minutes with all agencies.",
    "Continue CIN plan; next review {decoy.meeting}.",
    "TM to review the case in supervision.",
    "Send a copy of this record to the DSL.",
    "Next visit booked for {decoy.meeting}.",
    "Liaise with {child.school} about transport.",
    "{sw:first} to write to {mum:first} with the outcome.",
)

CHAT = (
    "Morning all, who has the keys for the pool car?",
    "Team meeting moved to 2pm.",
    "Thanks, that's great.",
    "Can someone cover the front desk at lunch?",
    "Cake in the kitchen for Sam's birthday!",
    "The heating in room 4 is broken again.",
    "Reminder to submit your mileage by Friday.",
    "Running 10 mins late, traffic on the ring road.",
)
