"""Sentences several templates share: concerns, observations, plans and sign-offs, each with
several wordings, so that no detector can learn a fixed sentence."""
from __future__ import annotations

from ..builder import DocBuilder

CONCERNS = (
    "{child:first} said {child.he} was hungry and there was little food in the fridge.",
    "Home conditions poor - dirty dishes, dog mess in the kitchen, no bedding on {child:first}'s bed.",
    "{mum} disclosed that {dad} pushed her during an argument at the weekend; {child:first} was in the room.",
    "School report that {child:first} has come in with a bruise to the upper arm and could not say how it happened.",
    "{child:first} has missed a lot of school this term and is often late when {child.he} does attend.",
    "Neighbours have reported shouting late at night and {child:first} being left alone in the flat.",
    "{sib} was seen by the HV; weight has dropped from the 50th to the 9th centile.",
    "{child:first} told {dsl} that {child.he} does not want to go home because {dad:first} 'gets angry'.",
    "{mum:first} says she is struggling with her mental health and has not been taking her medication.",
    "{child:first} was found by police in {area} at 2am, two days after being reported missing.",
    "Concern that {child:first} is being picked up from school by older males in a car.",
    "{dad} has been released from prison and is living back at {family.address:street}.",
)

OBSERVATIONS = (
    "{child:first} was clean and appropriately dressed",
    "the flat was cold, heating not on",
    "{sib:first} was asleep in the pushchair",
    "{child:first} was on {child.his} tablet and reluctant to talk",
    "mum presented as tired but engaged well",
    "food in cupboards, fridge mostly empty",
    "no smoke alarm fitted - advised",
    "{dad:first} was not present, mum said he is 'at work'",
    "{child:first}'s bedroom had a bed, clothes and toys",
    "there was a strong smell of cannabis in the hallway",
)

PLANS = (
    "Refer to Early Help for parenting support.",
    "SW to complete s47 enquiry with police by {decoy.meeting}.",
    "Strategy discussion to be convened.",
    "Continue CIN plan; next review {decoy.meeting}.",
    "Make referral to {org} for domestic abuse support.",
    "Liaise with {child.school} re attendance.",
    "Home visit unannounced within 10 working days.",
    "NFA at this time, case to close with signposting.",
    "Request GP and health information (consent given by mum).",
)


#: asides that carry look-alikes: numbers that fail their checks, finance references, school years.
ASIDES = (
    "NHS number given by mum {decoy.nhs:bare} - does not validate, GP to confirm.",
    "Invoice {decoy.invoice} for {decoy.amount} (taxi to contact) approved by {tm:first}.",
    "UPN on the old file {decoy.upn:bare} is wrong - school to confirm.",
    "{child:first} is in {decoy.year} this year.",
    "Mum has lived in the area for {decoy.duration}.",
    "Section 17 payment of {decoy.amount} agreed (ref {decoy.invoice}).",
    "Hospital ref {decoy.nhs:bare} (not an NHS number).",
    "Housing: mum's claim is in her name, {mum.nino}.",
    "Universal Credit confirmed by DWP for {mum:first}, {mum.nino}.",
    "Next review {decoy.meeting}.",
    "Maternal grandmother lives in {area} and could offer support.",
    "Family moved here from {area} {decoy.duration} ago.",
)


def asides(b: DocBuilder, most: int = 2) -> None:
    """Up to `most` aside lines (possibly none), chosen at random."""
    for line in b.rng.sample(ASIDES, b.rng.randrange(most + 1)):
        b.line(line)


def concerns(b: DocBuilder, k: int) -> None:
    """k distinct concern sentences, each on its own line."""
    for line in b.rng.sample(CONCERNS, k):
        b.line(line)


def observations(b: DocBuilder, k: int) -> None:
    b.bullets(b.rng.sample(OBSERVATIONS, k))


def plans(b: DocBuilder, k: int) -> None:
    b.bullets(b.rng.sample(PLANS, k))


def signature(b: DocBuilder, who: str, role: str) -> None:
    """A sign-off with a name, a role, maybe a phone and an e-mail."""
    b.pick("\nKind regards,\n", "\nMany thanks\n", "\nRegards\n", "\nBest wishes,\n", "\nThanks,\n")
    b.line("{%s:full}" % who)
    b.line(role)
    if b.rng.random() < 0.8:
        b.pick("Tel: {%s.phone}" % who, "T: {%s.phone}" % who, "Direct line {%s.phone} {decoy.ext}" % who,
               "Phone: {%s.phone}" % who)
        b.line()
    if b.rng.random() < 0.7:
        b.line(b.rng.choice(("Email: ", "E: ", "", "e-mail ")) + "{%s.email}" % who)


def confidentiality_footer(b: DocBuilder) -> None:
    b.pick("\nThis e-mail and any attachments are confidential and intended for the addressee only.\n",
           "\nCONFIDENTIAL - contains personal information. Do not forward without consent.\n",
           "\n{org} is registered in England. If you received this in error please delete it.\n",
           "\nOFFICIAL-SENSITIVE\n", "")
