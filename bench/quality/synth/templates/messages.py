"""E-mails and meeting minutes: headers, forwarded chains, attendee lists, action tables."""
from __future__ import annotations

from ..builder import DocBuilder
from . import template
from .snippets import asides, concerns, confidentiality_footer, observations, plans, signature


def headers(b: DocBuilder, sender: str, to: str, subject: str) -> None:
    """E-mail headers in one of the layouts mail clients print."""
    style = b.rng.randrange(3)
    if style == 0:
        b.line("From: {%s:full} <{%s.email}>" % (sender, sender))
        b.line("To: {%s.email}" % to)
    elif style == 1:
        b.line("From: {%s.email}" % sender)
        b.line("To: {%s:full}" % to)
    else:
        b.line("From: {%s:formal} ({%s.email})" % (sender, sender))
        b.line("Sent: {decoy.meeting}")
        b.line("To: {%s:full}; {tm.email}" % to)
    b.line("Subject: " + subject)
    b.line()


@template("email")
def worker_to_team(b: DocBuilder) -> None:
    headers(b, "sw", "tm", b.rng.choice(("{child:full} - update", "RE: {case:bare}", "urgent - {child:formal}")))
    b.pick("Hi {tm:first},\n\n", "{tm:first} -\n\n", "Morning,\n\n")
    b.pick("Quick update on {child} ({child.age}). ", "Following my visit today to {family.address}: ")
    concerns(b, b.rng.randrange(1, 3))
    asides(b)
    b.pick("Mum's new number is {mum.phone}.\n", "Can we discuss in supervision?\n", "")
    signature(b, "sw", b.rng.choice(("Social Worker", "Senior Practitioner", "Child Protection Social Worker")))
    confidentiality_footer(b)


@template("email", messy=True)
def parent_to_worker(b: DocBuilder) -> None:
    b.line("From: {mum.email}\nTo: {sw.email}\nSubject: " + b.rng.choice(("meeting", "re: visit", "help", "no subject")))
    b.line()
    b.pick("hi {sw:first}\n", "Hiya\n", "dear {sw:title}\n")
    b.pick("sorry i missed you yesterday, {child:lowerfirst} was sick. ",
           "cant make the meeting on {decoy.meeting} as i have work. ",
           "i dont want {dad:first} coming to the school anymore. ")
    b.pick("{sib:first} has got a appointment at the hospital too. ", "my new address is {family.address}. ",
           "ring me on {mum.phone} ", "")
    b.pick("thanks\n{mum:lowerfirst}\n", "{mum:first} x\n", "Sent from my iPhone\n")


@template("email")
def forwarded_chain(b: DocBuilder) -> None:
    headers(b, "tm", "iro", "FW: " + b.rng.choice(("Strategy discussion", "{child:full}", "concerns")))
    b.line("{iro:first}, FYI - see below. Conference booked for {decoy.meeting}.\n")
    b.line("-----Original Message-----")
    b.line("From: {dsl:full} [mailto:{dsl.email}]")
    b.line("Sent: {decoy.meeting}")
    b.line("To: {sw.email}")
    b.line("Subject: {child:formal} {child.dob}\n")
    b.pick("Dear {sw:first}, ", "Hi, ")
    concerns(b, b.rng.randrange(1, 3))
    b.pick("I have spoken to {mum:title} who says everything is fine.\n", "Dad's number is {dad.phone}.\n")
    signature(b, "dsl", "Designated Safeguarding Lead")


@template("email")
def meeting_invite(b: DocBuilder) -> None:
    headers(b, "worker", "sw", b.rng.choice(("Invitation: Core Group", "TAF meeting", "Review meeting")))
    b.pick("You are invited to a ", "Please join the ")
    b.line(b.rng.choice(("core group meeting", "Team Around the Family meeting", "CIN review")) +
           " for {child:first} on {decoy.meeting}, {family.town} Family Hub.")
    b.line("Invitees:")
    b.bullets(["{mum} (mum)", "{sw} (SW)", "{dsl} ({child.school})", "{hv} (HV)", "{police} (Police)"]
              [: b.rng.randrange(3, 6)])
    b.pick("Teams link to follow. ", "Room 2 is booked. ")
    b.line("Agenda ({decoy.version}): review of plan, {decoy.amount} Section 17 payment, next steps.")
    signature(b, "worker", "Family Support Worker")


@template("email")
def short_request(b: DocBuilder) -> None:
    b.line("To: {gp.email}\nSubject: info request")
    b.pick("Hi, can you call {mum:titlefull} on {mum.phone} re {child:first}'s appointment. Thanks\n",
           "Please send health info for {child:full} {child.dob} {child.nhs} - s47 in progress. Thanks\n",
           "Could you confirm the address you hold for {mum:full}? We have {family.address}.\n")
    b.line("{sw:full}\n{sw.phone}")


# --- minutes ---------------------------------------------------------------------------------

def attendees(b: DocBuilder, keys: list[str]) -> None:
    roles = {"sw": "Social Worker", "tm": "Team Manager (Chair)", "dsl": "DSL", "police": "Police", "gp": "GP",
             "hv": "Health Visitor", "nurse": "School Nurse", "iro": "Chair", "worker": "Family Support",
             "mum": "Mother", "dad": "Father"}
    b.line(b.rng.choice(("Present:", "Attendees", "In attendance:")))
    style = b.rng.randrange(2)
    for k in keys:
        b.line(("{%s:full} - %s" if style else "%s: {%s:full}") % ((k, roles[k]) if style else (roles[k], k)))


@template("strategy_minutes")
def strategy_discussion(b: DocBuilder) -> None:
    b.pick("STRATEGY DISCUSSION MINUTES\n", "Strategy Meeting (s47)\n", "Strategy discussion - record\n")
    b.line("Date/time: {decoy.meeting}   {case}")
    b.line("Child: {child:full}  {child.dob}  {family.address}")
    attendees(b, b.rng.sample(["sw", "tm", "dsl", "police", "gp", "hv"], b.rng.randrange(3, 6)))
    b.line("\nInformation shared:")
    concerns(b, b.rng.randrange(2, 4))
    b.pick("Police: {dad:full} ({dad.dob}) known for DA; bail conditions not to attend {family.address:street}.\n",
           "Health: {child:first} {child.nhs} - no recent attendances.\n",
           "Education: {child.school} report attendance 79%.\n")
    asides(b, 1)
    b.line("Decision: s47 enquiry - single agency (CSC) / joint with police.")
    b.line("Actions")
    b.bullets(["{sw:first} to see {child:first} alone within 24 hrs", "{police:title} to complete PNC checks",
               "Invite to ICPC within 15 working days", "Inform {mum} of outcome unless unsafe to do so"]
              [: b.rng.randrange(2, 5)])


@template("strategy_minutes")
def core_group(b: DocBuilder) -> None:
    b.pick("Core Group Meeting\n", "CORE GROUP MINUTES\n", "Child Protection Core Group\n")
    b.line("Children: {child:full} ({child.age}), {sib:full} ({sib.age})")
    b.line("Meeting: {decoy.meeting}, {family.town}")
    attendees(b, b.rng.sample(["sw", "mum", "dsl", "hv", "worker", "nurse"], b.rng.randrange(3, 6)))
    b.line("\nProgress against the plan:")
    observations(b, b.rng.randrange(2, 4))
    b.pick("{mum:first} said she feels the plan is working.\n", "{mum:first} did not attend; SW to visit.\n")
    asides(b)
    b.line("Next steps:")
    plans(b, b.rng.randrange(2, 4))
    b.line("Next core group {decoy.meeting}. Minutes by {worker}.")


@template("strategy_minutes")
def conference_summary(b: DocBuilder) -> None:
    b.pick("INITIAL CHILD PROTECTION CONFERENCE - OUTCOME\n", "Review Child Protection Conference\n",
           "Conference outcome summary\n")
    b.line("Chair: {iro:titlefull}   Date: {decoy.meeting}")
    b.line("Subject children:")
    b.bullets(["{child:formal} {child.dob} {child.nhs}", "{sib:formal} {sib.dob}"])
    b.line("Parents: {mum:full} ({mum.phone}); {dad:full}")
    b.pick("Category of plan: Neglect. ", "Category of plan: Emotional abuse. ", "Category: Physical abuse. ")
    b.pick("Decision was unanimous.\n", "{dad:title} disagreed with the decision.\n")
    b.pick("Lead professional: {sw}, {sw.email}.\n", "Allocated worker {sw} will visit every 10 working days.\n")
    b.line("Review conference: {decoy.meeting}.")
