"""Referrals (MASH form, school letter, police notification, health referral) and school DSL
records (a CPOMS-style log, a verbatim disclosure record, a welfare-concern form).

The disclosure records carry the practice findings: how staff questioned the child (open or
leading) and what they said about secrecy (a promise, or the limits of confidentiality).
"""
from __future__ import annotations

from ..labelled import LabelledDoc
from . import questions, respond, some, template


@template("referral", focus=True)
def mash_referral(doc: LabelledDoc) -> None:
    doc.line("MULTI-AGENCY REFERRAL FORM")
    doc.line("Child: {child}   DOB: {child.dob:bare}")
    doc.line("Address: {family.address}")
    doc.line("Referrer: {teacher}, {child.school}")
    doc.line()
    doc.line("Reason for referral:")
    doc.mix(["affirmed"] + some(doc, "affirmed", 0, 2), end=" ")
    doc.line()
    doc.line("Other risks considered:")
    doc.mix(["negated"] + some(doc, "negated", 0, 1))
    doc.line("Child's identity and needs:")
    doc.mix(["special"] + some(doc, "special", 0, 1))
    doc.pick("Parents informed of referral: yes\n", "Parents informed: no (would place child at risk)\n")


@template("referral", focus=True)
def school_referral_letter(doc: LabelledDoc) -> None:
    doc.line("Dear colleague,")
    doc.line()
    doc.line("Re: {child}, {child.dob}, {child.school}")
    doc.line()
    doc.add("I am writing as Designated Safeguarding Lead to refer {child:first} to children's social care. ")
    doc.mix(["affirmed"] + some(doc, "affirmed", 0, 1) + some(doc, "note", 0, 1), end=" ")
    doc.line()
    doc.line()
    doc.mix(["negated"] + some(doc, "generic_negated", 0, 1) + some(doc, "special", 0, 1), end=" ")
    doc.line()
    doc.line()
    doc.line("Yours sincerely,")
    doc.line("{dsl}")


@template("referral", focus=True)
def police_notification(doc: LabelledDoc) -> None:
    doc.pick("POLICE PROTECTION NOTICE (PPN)\n", "Vulnerability report - child concern\n")
    doc.line("Officer: {police}   Date: {decoy.meeting}")
    doc.line("Subject child: {child} ({child.age})")
    doc.line("Circumstances:")
    doc.mix(["affirmed"] + some(doc, "affirmed", 0, 1), end=" ")
    doc.line()
    doc.line("Checks:")
    doc.mix(["negated"] + some(doc, "negated", 0, 1), lead="- ")
    doc.pick("Referred to CSC front door.\n", "Shared with the school under Operation Encompass.\n")


@template("referral", focus=True)
def health_referral(doc: LabelledDoc) -> None:
    doc.line("{gp}")
    doc.line("Health safeguarding referral re {child} {child.dob}, {child.nhs}")
    doc.line()
    doc.mix(["special", "affirmed"] + some(doc, "special", 0, 1), end=" ")
    doc.line()
    doc.mix(some(doc, "negated", 1, 2) + some(doc, "decoy", 0, 1))
    doc.line("I would be grateful for a strategy discussion.")


@template("dsl_log", focus=True)
def cpoms_entry(doc: LabelledDoc) -> None:
    doc.line("Incident category: Safeguarding")
    doc.line("Student: {child} ({decoy.year})")
    doc.line("Reported by: {teacher}  Time: {decoy.stamp}")
    doc.add("Details: ")
    doc.mix(some(doc, "everyday", 0, 1) + ["affirmed"] + some(doc, "affirmed", 0, 1), end=" ", shuffle=False)
    doc.line()
    doc.line("Action taken:")
    doc.mix(some(doc, "plan", 1, 1) + some(doc, "hypothetical", 0, 1), lead="- ")
    doc.line("Assigned to {dsl}")


@template("dsl_log", focus=True)
def disclosure_record(doc: LabelledDoc) -> None:
    doc.pick("RECORD OF DISCLOSURE\n", "Disclosure - verbatim record\n")
    doc.line("Name: {child}  DOB: {child.dob:bare}")
    doc.line("Recorded by: {teacher}  When: {decoy.stamp}")
    doc.line("What was said (the child's own words):")
    doc.write("affirmed")
    doc.line("Questions I asked and the answers:")
    questions(doc, doc.rng.randint(1, 2))
    doc.line("What I said in response:")
    respond(doc)
    doc.line("Passed to {dsl} at {decoy.stamp}.")


@template("dsl_log", messy=True, focus=True)
def welfare_concern_form(doc: LabelledDoc) -> None:
    doc.line("Welfare concern form")
    doc.line("Pupil: {child}   Staff: {teacher}")
    doc.line("What did you see or hear?")
    doc.mix(["affirmed"] + some(doc, "everyday", 0, 1), end=" ")
    doc.line()
    doc.line("Did you ask any questions? If so, what exactly?")
    questions(doc, 1)
    doc.line("What did you tell the pupil would happen next?")
    respond(doc)
    doc.line("Signed: {teacher:initials}")


@template("dsl_log", messy=True, focus=True)
def message_to_dsl(doc: LabelledDoc) -> None:
    doc.line("From: {teacher} <{teacher.email}>")
    doc.line("To: {dsl}")
    doc.pick("Subject: worried about {child:first}\n", "Subject: {child} - need to talk\n", "Subject: quick one\n")
    doc.line()
    doc.line("Hi {dsl:first},")
    doc.add("{child:first} stayed behind after class today. ")
    doc.mix(["affirmed"] + some(doc, "everyday", 0, 1), end=" ")
    doc.line()
    questions(doc, 1)
    respond(doc)
    doc.line("Can we talk before the end of the day? Thanks, {teacher:first}")


@template("dsl_log", focus=True)
def staff_statement(doc: LabelledDoc) -> None:
    doc.line("Statement of {worker}, lunchtime supervisor")
    doc.line("{child:first} came up to me in the playground at {decoy.stamp} and asked to talk.")
    doc.write("affirmed")
    questions(doc, doc.rng.randint(1, 2))
    respond(doc)
    if doc.rng.random() < 0.3:
        doc.write("everyday", lead="Earlier, at lunch: ")
    doc.line("I wrote this down straight away and gave it to {dsl}.")
