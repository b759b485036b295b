"""Special-category data (UK GDPR Article 9) and the everyday words that look like it.

A template writes `{sc.HEALTH:condition}` for a term drawn from `TERMS["HEALTH"]["condition"]`
(the span a detector must find is the term only), and `{scdecoy:a healthy lunch}` for a decoy.
The pools are split by the slot they fill in a sentence, so every draw reads naturally.
"""
from __future__ import annotations

#: SPEC's four named types, then the other Article 9 groups.
SPECIAL_TYPES = ("HEALTH", "ETHNICITY", "RELIGION", "SEXUALITY", "POLITICAL_OPINION", "TRADE_UNION", "GENETIC",
                 "BIOMETRIC")

TERMS: dict[str, dict[str, tuple[str, ...]]] = {
    "HEALTH": {
        "condition": ("ADHD", "autism", "type 1 diabetes", "epilepsy", "asthma", "cerebral palsy", "sickle cell disease",
                      "Crohn's disease", "global developmental delay", "an eating disorder", "depression", "anxiety",
                      "PTSD", "OCD", "Tourette's syndrome", "FASD", "a severe nut allergy", "a hearing impairment",
                      "juvenile arthritis", "an autism spectrum condition"),
        "medication": ("sertraline", "fluoxetine", "methylphenidate", "melatonin", "insulin", "Ritalin",
                       "an EpiPen", "a salbutamol inhaler", "sodium valproate", "lamotrigine", "Concerta XL"),
        "service": ("CAMHS referral for anxiety", "CAMHS referral for low mood", "paediatric referral for suspected autism",
                    "referral to the eating disorders service", "neurodevelopmental assessment for ADHD",
                    "referral to the epilepsy nurse"),
    },
    "ETHNICITY": {
        "label": ("White British", "Black Caribbean", "Gypsy/Roma", "Irish Traveller", "Mixed White and Black Caribbean",
                  "Pakistani", "Bangladeshi", "Black African", "Chinese", "Arab", "White Other", "Indian",
                  "Mixed White and Asian", "Any other Asian background", "White and Black African"),
    },
    "RELIGION": {
        "noun": ("Muslim", "Sikh", "Hindu", "Jehovah's Witness", "Roman Catholic", "Jewish", "Church of England",
                 "Buddhist", "Pentecostal Christian", "Rastafarian", "Orthodox Christian"),
        "practice": ("attends mosque", "attends the gurdwara", "goes to synagogue", "attends Kingdom Hall",
                     "observes Ramadan", "goes to Mass on Sundays", "attends madrassa after school",
                     "only eats halal meat", "attends a Pentecostal church", "prays at the temple"),
    },
    "SEXUALITY": {
        "identity": ("identifies as gay", "is bisexual", "identifies as lesbian", "is transgender", "is non-binary",
                     "uses they/them pronouns", "is a trans boy", "is a trans girl", "came out as gay",
                     "identifies as pansexual", "is questioning their gender identity"),
    },
    "POLITICAL_OPINION": {
        "member": ("is an active Green Party member", "is a Labour Party councillor", "campaigns for Scottish independence",
                   "is a member of the Conservative Party", "takes part in Extinction Rebellion protests"),
    },
    "TRADE_UNION": {
        "member": ("is a Unison rep", "is a member of the NEU", "is a GMB shop steward", "belongs to Unite the union",
                   "is an RMT member"),
    },
    "GENETIC": {
        "test": ("genetic testing for Fragile X syndrome", "a DNA paternity test", "genetic screening for Duchenne",
                 "whole genome sequencing", "a chromosome microarray test"),
    },
    "BIOMETRIC": {
        "system": ("a fingerprint scanner", "facial recognition", "a biometric fingerprint system",
                   "an iris scan", "palm-vein scanning"),
    },
}

#: sentences that carry special-category terms, in profiles, health letters and forms.
SENTENCES = (
    "Ethnicity: {sc.ETHNICITY:label}",
    "Religion: {sc.RELIGION:noun}",
    "{child:first} has {sc.HEALTH:condition} and takes {sc.HEALTH:medication} every morning.",
    "{child:first} was diagnosed with {sc.HEALTH:condition} last year.",
    "{child:first} is on the waiting list following a {sc.HEALTH:service}.",
    "Medication: {sc.HEALTH:medication} (held by the school office).",
    "{mum:first} has {sc.HEALTH:condition} and is supported by her GP.",
    "The family are {sc.RELIGION:noun} and {child:first} {sc.RELIGION:practice}.",
    "{mum:first} {sc.RELIGION:practice} with the children.",
    "{child:first} {sc.SEXUALITY:identity} and has asked that this is not shared with {child.his} dad.",
    "{child:first} told {teacher} that {child.he} {sc.SEXUALITY:identity}.",
    "Mum describes the family as {sc.ETHNICITY:label}.",
    "Ethnicity recorded as {sc.ETHNICITY:label} (mother) and {sc.ETHNICITY:label} (father).",
    "{dad:first} {sc.TRADE_UNION:member} at the depot.",
    "{mum:first} {sc.POLITICAL_OPINION:member}.",
    "The paediatrician has requested {sc.GENETIC:test}.",
    "Results of {sc.GENETIC:test} are awaited.",
    "The school uses {sc.BIOMETRIC:system} for lunches and mum has not consented.",
    "The placement's front door has {sc.BIOMETRIC:system} and {child:first}'s data is stored.",
)

#: sentences with a look-alike that is not special-category data about anyone.
DECOYS = (
    "{child:first} brought {scdecoy:a healthy lunch} every day this week.",
    "The children enjoyed {scdecoy:the Christmas party}.",
    "Reminder: {scdecoy:health and safety} walk-round on Friday.",
    "{child:first} wore {scdecoy:a black coat} and wellies.",
    "Notes were written up on {scdecoy:the whiteboard}.",
    "{child:first} {scdecoy:went straight home} after school.",
    "We practised {scdecoy:mental maths} in the car.",
    "{child:first} helped with the {scdecoy:Black History Month} display in class.",
    "{mum:first} works on {scdecoy:the labour ward} at the hospital.",
    "The {scdecoy:student union} bar is being refurbished.",
    "{child:first} made {scdecoy:fingerprint paintings} for Mother's Day.",
    "Year 9 are studying {scdecoy:genetics} in biology.",
    "{child:first} loved the {scdecoy:Easter egg hunt}.",
    "That was {scdecoy:a conservative estimate} of the cost.",
    "{child:first} was {scdecoy:sick of waiting} for the bus.",
    "{child:first} went to {scdecoy:a birthday party} at the soft play.",
)
