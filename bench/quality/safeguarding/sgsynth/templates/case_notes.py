"""Social-work case notes: visits, logs, duty contacts, supervision, return-home interviews,
and two records that affirm nothing (a closure summary, an early-help review)."""
from __future__ import annotations

from ..labelled import LabelledDoc
from . import questions, respond, some, template


@template("case_note", messy=True, focus=True)
def home_visit(doc: LabelledDoc) -> None:
    doc.pick("CASE NOTE - Home visit\n", "Home Visit\n", "Visit note\n", "HOME VISIT (unannounced)\n")
    doc.pick("{case}\n", "")
    doc.line("Date: {decoy.meeting}")
    doc.line("Worker: {sw}")
    doc.pick("Present: {mum}, {child}, {sib:first}\n", "Seen: {child} {child.dob}, {mum:first} (mum)\n")
    doc.line()
    doc.mix(["note", "affirmed"] + some(doc, "note", 0, 1) + some(doc, "everyday", 0, 1), end=" ")
    doc.line()
    doc.mix(some(doc, "negated", 0, 2) + some(doc, "affirmed", 0, 1))
    doc.line("Plan:")
    doc.mix(["hypothetical"] + some(doc, "plan", 1, 2), lead="- ")


@template("case_note", messy=True, focus=True)
def contact_log(doc: LabelledDoc) -> None:
    doc.pick("Contact log - {child:formal}\n", "CONTACTS {child:formal} {child.dob}\n", "Log for {child}\n")
    kinds = ["affirmed"] + some(doc, "affirmed", 0, 1) + some(doc, "negated", 0, 2) + some(doc, "note", 2, 3)
    kinds += some(doc, "everyday", 0, 1) + some(doc, "generic_negated", 0, 1)
    doc.rng.shuffle(kinds)
    for kind in kinds:
        doc.write(kind, lead=doc.rng.choice(["[{decoy.stamp}] ", "{decoy.stamp} - ", "{decoy.stamp}: "]))


@template("case_note", messy=True, focus=True)
def duty_contact(doc: LabelledDoc) -> None:
    doc.line(doc.rng.choice(["DUTY CONTACT RECORD", "Front door contact", "MASH contact", "Duty log"]))
    doc.pick("Caller: {teacher}, {child.school}\n", "Caller: {police}\n", "Caller: {hv} (health visitor)\n",
             "Caller: {mum} (self)\n")
    doc.line("Child: {child} {child.dob}")
    doc.line("Reason for contact:")
    doc.mix(["affirmed"] + some(doc, "affirmed", 0, 1), end=" ")
    doc.line()
    doc.add("History: ")
    doc.mix(["negated"] + some(doc, "generic_negated", 0, 1), end=" ")
    doc.line()
    doc.pick("Parents aware: yes\n", "Parents aware: no - not informed, may increase risk\n")
    doc.pick("Outcome: strategy discussion requested.\n", "Outcome: passed to the assessment team.\n",
             "Outcome: s47 enquiry to start today.\n")


@template("case_note", messy=True, focus=True)
def supervision_note(doc: LabelledDoc) -> None:
    doc.line("Supervision - {sw} with {tm}")
    doc.line("Case discussed: {child} ({case:bare})")
    doc.line("Update from SW:")
    doc.mix(["affirmed", "note"] + some(doc, "negated", 0, 1), end=" ")
    doc.line()
    doc.line("Reflection / hypotheses:")
    doc.mix(["hypothetical"] + some(doc, "hypothetical", 0, 1))
    doc.line("Actions:")
    doc.mix(some(doc, "plan", 1, 3), lead="* ")


@template("case_note", messy=True, focus=True)
def return_home_interview(doc: LabelledDoc) -> None:
    doc.add_focus("missing_from_home")
    doc.line("RETURN HOME INTERVIEW")
    doc.line("Young person: {child} {child.dob}")
    doc.line("Interviewer: {worker}, independent RHI worker")
    doc.line("Circumstances:")
    doc.concern("missing_from_home", "affirmed")
    doc.line("What the young person told me:")
    doc.mix(["affirmed", "open"] + some(doc, "note", 0, 1))
    doc.line("Risks considered:")
    doc.mix(["negated"] + some(doc, "hypothetical", 0, 1))
    doc.mix(some(doc, "everyday", 0, 1) + ["plan"])


@template("case_note", messy=True, focus=True)
def placement_visit(doc: LabelledDoc) -> None:
    doc.pick("Statutory visit to child in care\n", "LAC visit\n", "Placement visit\n")
    doc.line("Carer: {carer}  Child: {child}")
    doc.mix(["note", "note"] + some(doc, "everyday", 1, 2) + some(doc, "special", 0, 1), end=" ")
    doc.line()
    doc.line("Carer reports:")
    doc.mix(["affirmed"] + some(doc, "negated", 0, 1) + some(doc, "decoy", 0, 1))
    doc.write("plan", lead="Next: ")


@template("case_note", messy=True)
def case_closure(doc: LabelledDoc) -> None:
    doc.line("CASE CLOSURE SUMMARY")
    doc.line("Child: {child}   Worker: {sw}")
    doc.line("Reason for closure: the plan has been completed and the family no longer need support.")
    doc.mix(["negated", "negated"] + some(doc, "negated", 0, 1) + some(doc, "generic_negated", 1, 1), end=" ")
    doc.line()
    doc.mix(["note"] + some(doc, "everyday", 0, 1) + some(doc, "hypothetical", 0, 1))
    doc.line("Closed with signposting to Early Help.")


@template("case_note", messy=True)
def early_help_review(doc: LabelledDoc) -> None:
    doc.line("Early Help review - {child}")
    doc.line("Lead professional: {worker}")
    doc.mix(["note", "note", "special"] + some(doc, "decoy", 1, 2) + some(doc, "everyday", 0, 2))
    doc.line("Risks:")
    doc.mix(["negated"] + some(doc, "generic_negated", 0, 1))
    doc.write("plan")


@template("case_note", messy=True, focus=True)
def direct_work_session(doc: LabelledDoc) -> None:
    doc.pick("Direct work session\n", "DIRECT WORK - child's voice\n", "1:1 session with {child:first}\n")
    doc.line("Worker: {sw}   Child: {child} ({child.age})")
    doc.line("Activity: three houses / worries, wishes and good things.")
    doc.mix(["note"] + some(doc, "everyday", 0, 1), end=" ")
    doc.line()
    doc.write("affirmed")
    questions(doc, doc.rng.randint(1, 2))
    respond(doc)
    doc.write("plan")
