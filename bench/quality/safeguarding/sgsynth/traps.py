"""Everyday sentences that use a safeguarding word in its ordinary sense: not findings at all.

Each one borrows a word a naive matcher would take for a concern (kicked, killing, dying, cut,
hit, shot, cannabis, burn, missing, smashed, grooming, starving, high, lines…). Some name the
child, so they sit in case notes beside real concerns, as they do in practice.
"""
from __future__ import annotations

#: what a trap is mistaken for: a concern (everyday), a promise (proper_practice), a leading
#: question (open_question), special-category data (decoy).
TRAP_KINDS = ("everyday", "proper_practice", "open_question", "decoy")

EVERYDAY = (
    "{child:first} kicked the ball over the fence at lunch.",
    "We were just killing time before the bus came.",
    "{child:first} is dying to go to the party on Saturday.",
    "In art the children cut out shapes for the collage.",
    "{child:first} hit the target in archery for the first time.",
    "Grabbed a shot of espresso before the meeting.",
    "The cannabis policy was updated by the trust in September.",
    "Can someone burn the CD of the nativity for the parents?",
    "{child:first} was missing {child.his} PE kit again.",
    "{child:first} smashed it in the maths exam.",
    "{child:first} helped with grooming the dog at the farm visit.",
    "My phone died halfway through the call.",
    "I could murder a cup of tea.",
    "The team got hammered 5-0 on Saturday.",
    "{child:first} was beaten in the final of the chess tournament.",
    "Year 6 learnt their lines for the county drama festival.",
    "The fruit punch at the summer fair went down well.",
    "{child:first} ran off to find {child.his} coat.",
    "We were pushed for time so the review was shortened.",
    "{child:first} cut {child.his} sandwich into triangles.",
    "The PE department has a radical new approach to netball.",
    "{child:first} burnt the toast in food tech.",
    "The missing piece of the jigsaw turned up under the sofa.",
    "Mum said she was starving after the long walk.",
    "{child:first} was dead tired after swimming.",
    "{child:first} was on a high after the match.",
    "{child:first} is addicted to Minecraft at the moment.",
    "{child:first} drew a knight slaying a dragon.",
    "The toddlers loved the messy play with shaving foam.",
    "Dad says {child:first} is the spitting image of his grandad.",
    "{child:first} got soaked in the water fight and loved it.",
    "The printer jammed and the minutes were lost.",
)
