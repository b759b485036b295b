"""Social-work case notes: messy, abbreviated, written in a hurry."""
from __future__ import annotations

from ..builder import DocBuilder
from . import template
from .snippets import asides, concerns, observations, plans


@template("case_note", messy=True)
def home_visit(b: DocBuilder) -> None:
    b.pick("CASE NOTE - Home visit\n", "Home Visit\n", "Visit note\n", "HOME VISIT (announced)\n",
           "Statutory visit\n")
    b.pick("{case}\n", "Case ref: {case:bare}\n", "")
    b.line("Date: {decoy.meeting}")
    b.line("Worker: {sw}")
    b.pick("Present: {mum}, {child}, {sib:first}\n", "Seen: {child} {child.dob}, {mum:first} (mum)\n",
           "Persons present - mum {mum}, {child}\n")
    b.line()
    b.pick("Visited {child:first} at home ({family.address}). ",
           "HV to {family.address}. ",
           "Unannounced visit to the family home at {family.address:street}, {family.postcode}. ")
    b.pick("{child:first} ({child.age}) opened the door.\n", "Mum let me in.\n",
           "{mum} answered after several minutes.\n")
    b.line("Observations:")
    observations(b, b.rng.randrange(2, 7))
    concerns(b, b.rng.randrange(1, 4))
    b.pick("Analysis: home conditions have improved since the last visit but the risk from {dad:first} remains.\n",
           "Analysis: mum is not able to prioritise {child:first}'s needs; the plan is not yet working.\n", "")
    asides(b)
    b.line("Plan:")
    plans(b, b.rng.randrange(1, 4))


@template("case_note", messy=True)
def timestamped_log(b: DocBuilder) -> None:
    b.pick("Contact log - {child:formal}\n", "CONTACTS {child:formal} {child.dob}\n", "Log for {child}\n")
    entries = [
        "tc to {mum:first} on {mum.phone}, no answer, left vm",
        "{mum:first} rang back. says {child:first} ok, wants to know outcome of assessment",
        "email from {dsl} ({dsl.email}) - {child:first} absent again today",
        "spoke w/ {gp} surgery re appts, {child:first} DNA x2",
        "visit - {child:first} seen alone in {child.his} room, said things are 'fine'",
        "{decoy.meeting} core group booked, invites sent",
        "txt from dad {dad.phone} asking for contact w/ {child:first}",
        "checked LCS - previous referral {case:bare} closed NFA",
        "discussed w/ TM {tm:first}, agreed s17 CIN",
        "{child:first} excluded from {child.school} for two days",
        "PPN received from {police}, DA incident at home address, {child:first} present",
        "call from {hv} - {sib:first} missed 2yr review",
        "DWP confirmed UC for mum, NI {mum.nino:bare}",
        "mum gave {child:first}'s NHS no as {decoy.nhs:bare}?? doesn't validate, chase GP",
    ]
    for e in b.rng.sample(entries, b.rng.randrange(4, 8)):
        b.pick("[{decoy.stamp}] ", "{decoy.stamp} - ", "{decoy.stamp}: ")
        b.line(e)


@template("case_note", messy=True)
def duty_contact(b: DocBuilder) -> None:
    b.line(b.rng.choice(("DUTY CONTACT RECORD", "Front door contact", "MASH contact", "Duty log")))
    b.line("Received: {decoy.meeting}")
    b.pick("Caller: {mum} (mother) tel {mum.phone}\n", "Caller: {dsl}, DSL at {child.school}, {dsl.phone}\n",
           "Referrer: {police}, {police.email}\n", "Caller: anonymous neighbour (number withheld)\n")
    b.line("Child: {child:formal}   {child.dob}")
    b.pick("Address: {family.address}\n", "Addr: {family.address}\n", "Lives with mum at {family.address}\n")
    b.pick("{child.nhs}\n", "", "{child.upn}\n")
    b.line("Summary:")
    concerns(b, b.rng.randrange(1, 4))
    asides(b, 1)
    b.pick("Outcome: pass to MASH for RAG rating. {case}\n", "Outcome: NFA, advice given, {helpline}.\n",
           "Outcome: strategy discussion today.\n", "Outcome - s47 threshold met, allocated to {sw}.\n")


@template("case_note", messy=True)
def direct_work(b: DocBuilder) -> None:
    b.pick("Direct work session with {child}\n", "1:1 session - {child:first} {child.dob}\n",
           "Child's voice - {child:lower}\n")
    b.pick("Session held at {child.school} in the library.\n", "Session held at home in {family.town}.\n",
           "Met {child:first} at the contact centre in {area}.\n")
    b.pick("{child:first} is a {child.age:adj} {child.boy} who likes football and drawing. ",
           "{child:first}, {child.age}, was chatty today. ", "{child:first} ({child.age:field}) was quiet at first. ")
    b.line("We did the three houses activity.")
    b.bullets(["House of worries: '{dad:first} shouting', 'when mum cries', 'moving again'",
               "House of good things: nan, {sib:first}, my teacher {teacher:title}",
               "House of dreams: 'a dog and my own room'"][: b.rng.randrange(2, 4)])
    b.pick("{child:first} asked me not to tell mum what {child.he} said about {dad:first}. I explained I can't "
           "promise that.\n", "{child:first} said {child.he} feels safe at nan's in {area}.\n",
           "{child:first} drew a picture of {child.his} family: mum, {sib:first} and {child.him}self.\n")
    asides(b, 1)
    b.line("Next session {decoy.meeting}.")


@template("case_note", messy=True)
def chronology(b: DocBuilder) -> None:
    b.pick("CHRONOLOGY: {child:formal} ({child.dob:bare})\n", "Chronology for {child} - {case}\n",
           "Significant events - {child:full}, {child.age}\n")
    b.line("Date | Event | Source")
    rows = [
        "{child.dob:bare} | {child:first} born in {area}, {child.nhs} | Health",
        "{decoy.date} | Referral from {org} re DA | Police",
        "{decoy.date} | {child:first} started at {child.school} | Education",
        "{decoy.date} | Family moved to {family.address} | LA",
        "{decoy.date} | {mum} attended A&E, injury to face | Health",
        "{sib.dob:bare} | {sib:first} born, {sib.nhs} | Health",
        "{decoy.date} | Case closed NFA ({case:bare}) | CSC",
        "{decoy.date} | {child:first} reported missing, found in {area} | Police",
        "{decoy.date} | Early Help assessment by {worker} | EH",
    ]
    for row in b.rng.sample(rows, b.rng.randrange(4, 8)):
        b.line(row)


@template("case_note", messy=True)
def supervision(b: DocBuilder) -> None:
    b.line(b.rng.choice(("Supervision record", "Case supervision", "Management oversight")))
    b.line("Supervisee: {sw:full}   Supervisor: {tm:full}   Date: {decoy.meeting}")
    b.pick("Case: {child:initials} and {sib:initials} ({case:bare})\n", "Family: {child:initials}, {case}\n",
           "Case discussed: {child:formal}\n")
    b.pick("{child:initials} remains on a CP plan under neglect. ", "CIN plan for {child:first} continues. ",
           "Discussed progress for {child:first} and {sib:first}. ")
    b.pick("{mum:title} has engaged with the parenting course but attendance at {child.school} is still poor.\n",
           "Concerns re {dad:title}'s contact - he has turned up at the school gate twice.\n",
           "{tm:first} asked for an updated genogram and chronology.\n")
    asides(b)
    b.line("Actions:")
    b.bullets(["{sw:first} to update assessment by {decoy.meeting}", "Chase health info from {gp}",
               "Consider PLO if no progress", "Book RCPC"][: b.rng.randrange(2, 5)])


@template("case_note", messy=True)
def placement_visit(b: DocBuilder) -> None:
    b.pick("LAC visit - {child}\n", "Looked after child statutory visit\n", "Placement visit: {child:formal}\n")
    b.line("Placement: foster carers {carer} at {family.address}")
    b.pick("Carer phone {carer.phone}\n", "Carer mobile: {carer.phone}, email {carer.email}\n", "")
    b.pick("{child:first} ({child.age}) has settled well. ", "{child:first} is a {child.age:adj} and "
           "has been placed for {decoy.duration}. ", "{child:first} seemed unsettled today. ")
    b.pick("{carer:title} said {child:first} is sleeping better.\n", "{carer:first} reports no missing episodes.\n",
           "{carer:title} has concerns about contact with birth mum {mum}.\n")
    b.pick("Contact with {mum:first} and {sib:first} is supervised, fortnightly, at the family centre in {area}.\n",
           "{child:first} wants more contact with {child.his} brother/sister {sib}.\n")
    b.pick("{child.school} report {child:first} is in {decoy.year} and doing well.\n",
           "PEP due {decoy.meeting}; {child.upn}.\n", "IRO {iro} informed.\n")
    asides(b, 1)


@template("case_note")
def assessment_summary(b: DocBuilder) -> None:
    """The long one: a child and family assessment with composition, history and analysis."""
    b.pick("CHILD AND FAMILY ASSESSMENT - SUMMARY\n", "Single Assessment\n", "Assessment outcome report\n")
    b.line("{case}   Worker: {sw}   Manager: {tm}")
    b.line("\nFamily composition")
    b.bullets(["{child:full} - subject child - {child.dob} - {child.school}",
               "{sib:full} - sibling - {sib.dob}",
               "{mum:full} - mother - {mum.dob} - {mum.phone}",
               "{dad:full} - father - {dad.dob} - lives in {area}"])
    b.line("Home address: {family.address}")
    b.line("\nReason for assessment")
    concerns(b, b.rng.randrange(2, 4))
    b.line("\nBackground")
    b.pick("The family are known to services since {decoy.date}, when {org} made a referral about DA. ",
           "There were two previous referrals ({decoy.date} and {decoy.date}), both closed after assessment. ")
    b.pick("{mum:first} grew up in {area} and was herself looked after as a teenager. ",
           "{dad:first} moved here from {area} and works nights. ")
    b.line("{gp} confirms {child:first} is registered ({child.nhs}).")
    b.line("\nChild's voice")
    b.pick("{child:first} ({child.age}) told me: 'I like it when it's just me and mum.'\n",
           "{child:first} was seen alone at school and said {child.he} worries about {mum:first}.\n")
    b.line("\nAnalysis")
    b.pick("There is a pattern of neglect that has not changed despite Early Help support. ",
           "{mum:title} shows insight and has made changes, but they are recent. ")
    b.pick("The risk is assessed as medium.\n", "Without a plan, {child:first} is likely to suffer significant harm.\n")
    asides(b)
    b.line("\nRecommendation")
    plans(b, b.rng.randrange(2, 4))
