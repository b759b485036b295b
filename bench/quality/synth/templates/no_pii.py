"""Documents with no personal data at all: policy, leaflets, training, finance, IT notes.

They are full of things that look like personal data (dates, versions, amounts, helplines,
public bodies, an example NHS number that fails its check), so they measure false alarms.
"""
from __future__ import annotations

from ..builder import DocBuilder
from . import template


@template("no_pii", no_pii=True)
def policy_extract(b: DocBuilder) -> None:
    b.pick("Safeguarding and Child Protection Policy\n", "Information Sharing Procedure\n",
           "Confidentiality and Data Protection Policy\n")
    b.line("Document {decoy.version} | Approved {decoy.date} | Next review {decoy.date}")
    b.line()
    b.pick("1. Purpose\nThis policy applies to all staff, volunteers and contractors of {org}. ",
           "1. Scope\nThe procedure covers every member of staff working in {place}. ")
    b.line("It sets out how we share information about children and families lawfully and safely.")
    b.pick("2. Principles\n", "2. Key points\n")
    b.bullets(["The welfare of the child is paramount.",
               "Consent is not needed where sharing is necessary to protect a child from significant harm.",
               "Never promise a child that you will keep a secret.",
               "Record what was shared, with whom, when and why.",
               "Staff must complete refresher training every {decoy.duration}.",
               "Concerns about a member of staff go to the LADO within one working day."][: b.rng.randrange(3, 7)])
    b.pick("3. Contacts\nThe Designated Safeguarding Lead and the Company Secretary (IG lead) can be reached through "
           "the main office. Out of hours, call the Emergency Duty Team or {helpline}.\n",
           "3. Oversight\nThis policy is monitored by {org} and reported to {org}.\n")


@template("no_pii", no_pii=True)
def parent_leaflet(b: DocBuilder) -> None:
    b.pick("Worried about a child?\n", "Help for families\n", "Keeping children safe online\n")
    b.line()
    b.pick("Every child has the right to feel safe. ", "Being a parent can be hard, and it is OK to ask for help. ")
    b.line("If you are worried, you can talk to someone in confidence.")
    b.bullets(["{helpline}", "{helpline}", "Family Information Service - ask at your local library",
               "{helpline}"][: b.rng.randrange(2, 5)])
    b.pick("Our family hubs are open 9am to 5pm, Monday to Friday, across {place}.\n",
           "Sessions for parents of children in {decoy.year} to {decoy.year} run every term.\n")
    b.line("Leaflet ref {decoy.invoice}, printed {decoy.date}.")


@template("no_pii", no_pii=True)
def training_notes(b: DocBuilder) -> None:
    b.pick("Training: Recording and Information Sharing\n", "Level 3 Safeguarding - session notes\n",
           "Workshop: writing good case notes\n")
    b.line("Session date: {decoy.meeting}, Training Room 1")
    b.bullets(["Write facts, not opinions; say who said what.",
               "Use the child's own words where you can.",
               "Check identifiers: an NHS number has 10 digits and a check digit - an example that fails the check "
               "is {decoy.nhs:bare}.",
               "Do not put a full address in an e-mail subject line.",
               "Case references follow the LCS format; do not invent your own.",
               "Seven golden rules for information sharing (HM Government, 2018)."][: b.rng.randrange(3, 7)])
    b.pick("Case study: {pseudo}, a pupil in {decoy.year}, told a teacher about bruises. What should happen next?\n",
           "Exercise: rewrite the example note so that it is factual and dated.\n")
    b.line("Feedback forms to {org}. Certificates issued within {decoy.duration}.")


@template("no_pii", no_pii=True)
def invoice(b: DocBuilder) -> None:
    b.line("INVOICE {decoy.invoice}")
    b.line("Date: {decoy.date}   PO: {decoy.invoice}")
    b.line("Bill to: {org}")
    b.line("Description | Qty | Amount")
    items = ["Foster carer training (group) | 1 | {decoy.amount}", "Interpreter services, Polish | 3 | {decoy.amount}",
             "Family centre room hire | 12 | {decoy.amount}", "DBS checks (bulk) | 20 | {decoy.amount}",
             "Mileage | 140 | {decoy.amount}"]
    for item in b.rng.sample(items, b.rng.randrange(2, 5)):
        b.line(item)
    b.line("Total due: {decoy.amount}. Payment terms 30 days.")


@template("no_pii", no_pii=True)
def team_agenda(b: DocBuilder) -> None:
    b.pick("Team meeting agenda\n", "Locality team - weekly meeting\n", "Service managers' meeting\n")
    b.line("{decoy.meeting}, Room 3 / Teams")
    b.bullets(["Apologies", "Minutes of the last meeting ({decoy.date})", "Caseload numbers: 18.5 average",
               "Ofsted ILACS preparation", "Budget: {decoy.amount} underspend on Section 17",
               "New recording system go-live {decoy.date}", "AOB"][: b.rng.randrange(3, 8)])
    b.line("Next meeting: {decoy.meeting}")


@template("no_pii", no_pii=True)
def release_notes(b: DocBuilder) -> None:
    b.line("Case management system - release notes {decoy.version}")
    b.line("Deployed {decoy.meeting}")
    b.bullets(["Fixed: chronology export dropped entries dated before {decoy.date}.",
               "New: UPN field now validates the check letter (e.g. {decoy.upn:bare} is rejected).",
               "Changed: case references are shown as LCS-nnnnnn.",
               "Fixed: timeout after {decoy.duration} on the referral form.",
               "Known issue: printing from {decoy.version} on older browsers."][: b.rng.randrange(3, 6)])
    b.line("Contact the service desk quoting {decoy.invoice}.")


@template("no_pii", no_pii=True)
def anonymised_review(b: DocBuilder) -> None:
    b.pick("Local Child Safeguarding Practice Review: {pseudo}\n", "Learning summary - {pseudo}\n",
           "Rapid review: key learning\n")
    b.line("Published {decoy.date} by {org}.")
    b.pick("{pseudo} was a young person known to several agencies. ",
           "The review looked at how agencies worked together over {decoy.duration}. ")
    b.line("Names have been removed and the family is referred to by letters only.")
    b.bullets(["Professionals did not always share information in time.",
               "The voice of the child was not recorded.",
               "Adultification bias affected how the child was seen.",
               "Recommendations were accepted by {org}."][: b.rng.randrange(2, 5)])
