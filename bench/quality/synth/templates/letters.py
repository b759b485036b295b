"""Referrals, school letters and GP / health letters: more formal, with letterheads and forms."""
from __future__ import annotations

from ..builder import DocBuilder
from . import template
from .snippets import asides, concerns, signature


def addressee(b: DocBuilder, who: str) -> None:
    """The addressee block of a letter to a parent."""
    b.line("{%s:titlefull}" % who)
    b.line("{family.address:block}")
    b.line()


# --- referrals -------------------------------------------------------------------------------

@template("referral")
def mash_form(b: DocBuilder) -> None:
    b.pick("MULTI-AGENCY REFERRAL FORM (MARF)\n", "Request for Support - Children's Services\n",
           "Referral to the Front Door\n")
    b.line("Date of referral: {today}")
    b.line("Child's name: {child:full}")
    b.line("{child.dob}")
    b.pick("Age: {child.age:bare}\n", "")
    b.line("Address: {family.address}")
    b.pick("School/setting: {child.school}\n", "Education: {child.school}, {child.upn}\n")
    b.pick("{child.nhs}\n", "Health: GP {gp}, {child.nhs}\n")
    b.pick("Parent/carer: {mum:full}, {mum.phone}\n", "Parent/carer: {mum:full}, {mum.phone}, {mum.nino}\n")
    b.pick("Father: {dad:full} {dad.dob}, {dad.nino}\n", "Father: {dad:full}, address not known\n", "")
    b.line("Siblings: {sib:full} {sib.dob}")
    b.line("\nReason for referral:")
    concerns(b, b.rng.randrange(2, 4))
    b.pick("Parent aware of referral: yes\n", "Consent: parent NOT informed - risk of harm\n")
    b.line("Referrer: {dsl}, {dsl.email}, {dsl.phone}")


@template("referral")
def school_referral_letter(b: DocBuilder) -> None:
    b.line("{child.school}")
    b.line("{today}")
    b.line("\nTo the MASH team,\n")
    b.pick("Re: {child:full} {child.dob} - {decoy.year}\n", "RE: {child:formal} ({child.upn})\n",
           "Re: {child}, {family.address}\n")
    b.pick("I am writing as Designated Safeguarding Lead to refer {child:first}, who is {child.age} and lives with "
           "{child.his} mother {mum} in {family.town}.\n",
           "I wish to refer {child:first} following a disclosure made to {teacher} this morning.\n")
    concerns(b, b.rng.randrange(1, 3))
    asides(b, 1)
    b.pick("Mum's mobile is {mum.phone}. ", "Mum can be reached on {mum.phone} or {mum.email}. ", "")
    b.line("Please contact me if you need anything further.")
    signature(b, "dsl", "Designated Safeguarding Lead")


@template("referral")
def police_notification(b: DocBuilder) -> None:
    b.pick("PUBLIC PROTECTION NOTICE (PPN1)\n", "Police notification - domestic incident\n",
           "Merlin / child coming to notice\n")
    b.line("Occurrence: {decoy.invoice}   Reporting officer: {police} {police.email}")
    b.line("Time/date of incident: {decoy.meeting}")
    b.line("Location: {family.address}")
    b.line("Subjects:")
    b.bullets(["{mum:formal} - {mum.dob} - victim", "{dad:formal} - {dad.dob} - {dad.nino} - suspect",
               "{child:formal} - {child.dob} - child present", "{sib:formal} - {sib.age} - child in household"])
    b.pick("Officers attended after a 999 call from {mum:first}. ", "Neighbour called police reporting screaming. ")
    b.pick("{dad:first} had left on arrival. ", "{dad:title} was arrested for common assault. ")
    b.line("{child:first} was in {child.his} bedroom and appeared frightened. DASH risk: high. MARAC referral made.")


@template("referral")
def self_referral(b: DocBuilder) -> None:
    b.pick("Hello,\n\n", "To whom it may concern\n\n", "Hi there,\n\n")
    b.pick("My name is {mum:full} and I live at {family.address}. ",
           "I'm {mum:full}, mum of {child:full} ({child.age}) and {sib:first}. ")
    b.pick("I need some help with my {child.son} {child}. ", "I'm really struggling at the moment. ")
    b.pick("{child:first} has been getting into trouble at {child.school} and stays out late.\n",
           "Since me and {dad:first} split up the kids have been all over the place.\n",
           "We moved here from {area} last year and I don't know anyone.\n")
    b.pick("You can ring me on {mum.phone} after 3pm. ", "My number is {mum.phone}. ",
           "Email me at {mum.email} please, I don't always answer the phone. ")
    b.line("\nThanks, {mum:first}")


# --- school letters --------------------------------------------------------------------------

@template("school_letter")
def attendance_letter(b: DocBuilder) -> None:
    b.line("{child.school}")
    b.line("{today}\n")
    addressee(b, "mum")
    b.pick("Dear {mum:title},\n\n", "Dear Parent/Carer of {child:full},\n\n")
    b.pick("I am writing to let you know that {child:first}'s attendance this term is 84%, ",
           "Our records show that {child:full} ({decoy.year}, UPN {child.upn:bare}) has had unauthorised absences, ")
    b.line("which is below the expected level.")
    b.pick("Please attend a meeting with {teacher:title}, Head of Year, on {decoy.meeting}. ",
           "Our Education Welfare Officer {worker} will contact you on {mum.phone}. ")
    asides(b, 1)
    b.line("Persistent absence may lead to a referral to the local authority.")
    signature(b, "teacher", "Head of Year")


@template("school_letter")
def dsl_update(b: DocBuilder) -> None:
    b.pick("Dear {sw:first},\n\n", "Hi {sw:title},\n\n")
    b.pick("Update on {child} {child.dob} for the core group.\n", "Update: {child:full} ({child.upn:bare}).\n", "Just an update re {child:first} ({case:bare}).\n")
    b.pick("Attendance since the last meeting: 91%. ", "Attendance has dropped to 72%. ")
    b.pick("{child:first} has been in school every day and is working with {teacher:title} on reading.\n",
           "{child:first} arrived hungry on three mornings; we have given breakfast club.\n",
           "{child:first} told {child.his} TA that {dad:first} had been 'staying over again'.\n")
    b.pick("{sib:first} at {sib.school} is doing well.\n", "")
    asides(b)
    b.line("I will bring the full report to the meeting on {decoy.meeting}.")
    signature(b, "dsl", "DSL, " + b.rng.choice(("Deputy Head", "Pastoral Lead", "SENCo")))


@template("school_letter")
def pupil_transfer(b: DocBuilder) -> None:
    b.pick("PUPIL TRANSFER INFORMATION\n", "Common Transfer File - summary\n", "In-year admission: records\n")
    b.line("Pupil: {child:formal}")
    b.line("{child.upn}")
    b.line("{child.dob}")
    b.pick("Former UPN: {decoy.upn:bare}\n", "")
    b.line("From: {child.school}   To: {sib.school}")
    b.line("Home address: {family.address}")
    b.line("Contacts:")
    b.bullets(["{mum:full} (mother) {mum.phone}", "{dad:full} (father) {dad.phone} - no contact order",
               "Emergency: grandmother, {area}"][: b.rng.randrange(1, 4)])
    b.pick("Safeguarding file transferred securely to {dsl}.\n", "CP plan: yes - SW {sw} {sw.phone}\n",
           "SEN support: speech and language. EHCP: no.\n")


@template("school_letter")
def suspension_letter(b: DocBuilder) -> None:
    b.line("{child.school}\n{today}")
    addressee(b, "dad" if b.rng.random() < 0.4 else "mum")
    b.line("Dear Parent/Carer,\n")
    days = b.rng.choice(("two", "three", "five"))
    b.pick("I am writing to inform you that {child:full} ({decoy.year}) has been suspended for %s days " % days,
           "Following an incident today, {child:full} will be suspended for %s days " % days)
    b.line("from {decoy.meeting}.")
    b.pick("{child:first} assaulted another pupil during lunch.\n", "{child:first} was found with a knife.\n",
           "{child:first} was verbally abusive to {teacher:title}.\n")
    b.pick("Pupil: {child:formal}, {child.upn}\n", "")
    b.line("A reintegration meeting will be held on {decoy.meeting}. You may make representations to the governors.")
    signature(b, "teacher", "Headteacher")


# --- health ----------------------------------------------------------------------------------

@template("health_letter")
def gp_letter(b: DocBuilder) -> None:
    b.pick("{org}\n", "The Surgery, {area}\n")
    b.line("Date: {today}")
    b.pick("Re: {child:full}, {child.dob}, {child.nhs}\n", "Patient: {child:formal}  {child.nhs}  {child.dob}\n")
    b.line("Address: {family.address}")
    b.line("\nDear {sw:title},\n")
    b.pick("Thank you for your request for information about {child:first} and {child.his} family. ",
           "I am writing in response to the child protection conference invitation. ")
    b.pick("{child:first} is up to date with immunisations. ", "{child:first} has missed two hospital appointments. ")
    b.pick("{mum:title} is registered with us ({mum.nhs}) and is being treated for depression.\n",
           "{mum:first} has not attended for her postnatal check.\n", "There are no concerns from a GP perspective.\n")
    b.line("Yours sincerely,\n\n{gp}\nGeneral Practitioner")


@template("health_letter")
def health_visitor_report(b: DocBuilder) -> None:
    b.pick("HEALTH VISITING REPORT FOR CONFERENCE\n", "Health Visitor report\n", "0-19 Public Health Nursing\n")
    b.line("Child: {sib:full}   {sib.dob}   {sib.nhs}")
    b.line("Mother: {mum:full} {mum.dob}")
    b.line("Address: {family.address}")
    b.line("Health Visitor: {hv}, {hv.phone}")
    b.pick("{sib:first} was seen at home aged {sib.age:bare}. ", "{sib:first} ({sib.age}) was seen in clinic. ")
    b.pick("Growth is on the 25th centile. ", "Weight has faltered. ")
    b.pick("Mum reports {sib:first} is feeding well.\n", "Mum's NI number {mum.nino:bare} given for the Healthy Start claim.\n", "Home conditions were cluttered; safe sleep advice given.\n",
           "Immunisations due {decoy.meeting}.\n")
    b.pick("Older sibling {child} is at {child.school}.\n", "")


@template("health_letter")
def discharge_summary(b: DocBuilder) -> None:
    b.pick("EMERGENCY DEPARTMENT DISCHARGE SUMMARY\n", "Paediatric A&E attendance\n", "Discharge letter\n")
    b.line("Patient: {child:formal}  {child.nhs}")
    b.line("{child.dob}  {child.age:field}")
    b.line("Attended: {decoy.meeting}")
    b.line("Accompanied by: {mum} (mother), tel {mum.phone}")
    b.pick("Presenting complaint: head injury, fell from sofa per mum.\n",
           "Presenting complaint: ingestion of mum's tablets.\n",
           "Presenting complaint: burn to left hand.\n")
    b.pick("Safeguarding checklist completed; delay in presentation. Discussed with {sw}.\n",
           "No safeguarding concerns identified.\n",
           "Referral made to children's social care ({case:bare}).\n")
    b.line("Discharged home to {family.address:street}. GP: {gp}.")


@template("health_letter")
def camhs_letter(b: DocBuilder) -> None:
    b.line("Child and Adolescent Mental Health Service\n{today}")
    b.line("Private and confidential")
    addressee(b, "mum")
    b.pick("Dear {mum:title}\n\n", "Dear {mum:titlefull},\n\n")
    b.pick("Re: {child:full} {child.dob} {child.nhs}\n", "Re: {child:full}, {child.age}, NHS {child.nhs:bare}\n")
    b.pick("We have received a referral from {gp} for {child:first}. ",
           "Thank you for attending with {child:first} on {decoy.meeting}. ")
    b.pick("{child:first} has been offered an appointment with {nurse} on {decoy.meeting}.\n",
           "{child:first} has been placed on the waiting list for the eating disorders pathway.\n")
    b.line("If you need urgent help please call {helpline} or go to A&E.")
    b.line("Yours sincerely\n{nurse:titlefull}\nCAMHS Practitioner, {nurse.phone}")
