"""Chronologies (a table and a dated narrative) and multi-agency meeting minutes (strategy
discussion, core group, initial child protection conference)."""
from __future__ import annotations

from ..labelled import LabelledDoc
from . import some, template

_SOURCES = ("School", "Police", "Health", "CSC", "Mum", "GP", "Housing", "YOT")


@template("chronology", focus=True)
def chronology_table(doc: LabelledDoc) -> None:
    doc.line("CHRONOLOGY - {child:formal}")
    doc.line("Date | Event | Source")
    kinds = ["affirmed"] + some(doc, "affirmed", 0, 2) + some(doc, "negated", 1, 2) + some(doc, "note", 1, 2)
    kinds += some(doc, "generic_negated", 0, 1)
    doc.rng.shuffle(kinds)
    for kind in kinds:
        doc.write(kind, lead="{decoy.date} | ", end=" | %s\n" % doc.rng.choice(_SOURCES))


@template("chronology", messy=True, focus=True)
def chronology_narrative(doc: LabelledDoc) -> None:
    doc.line("Chronology of significant events for {child}")
    kinds = ["affirmed", "affirmed"] + some(doc, "negated", 0, 2) + some(doc, "note", 1, 2)
    kinds += some(doc, "everyday", 0, 1) + some(doc, "hypothetical", 0, 1)
    doc.rng.shuffle(kinds)
    for kind in kinds:
        doc.write(kind, lead=doc.rng.choice(["{decoy.date}: ", "{decoy.date} - ", "On {decoy.date}: "]))


@template("strategy_minutes", focus=True)
def strategy_discussion(doc: LabelledDoc) -> None:
    doc.line("STRATEGY DISCUSSION - MINUTES")
    doc.line("Date: {decoy.meeting}")
    doc.line("Present: {tm} (chair), {sw}, {police}, {nurse}, {dsl}")
    doc.line("Child: {child} {child.dob}")
    doc.line()
    doc.write("affirmed", lead="CSC: ")
    doc.write(doc.rng.choice(["affirmed", "negated"]), lead="Police: ")
    doc.write(doc.rng.choice(["negated", "generic_negated"]), lead="Health: ")
    doc.write(doc.rng.choice(["affirmed", "note", "everyday"]), lead="School: ")
    doc.line()
    doc.write("hypothetical", lead="Discussion: ")
    doc.pick("Decision: threshold met for s47 enquiries (single agency, CSC).\n",
             "Decision: joint s47 enquiry; ABE interview to be considered.\n",
             "Decision: threshold not met for s47; CIN assessment to continue.\n")


@template("strategy_minutes", focus=True)
def core_group_minutes(doc: LabelledDoc) -> None:
    doc.line("Core group meeting - {child}")
    doc.line("Attendees: {sw}, {mum}, {teacher}, {hv}")
    doc.line("Progress since the conference:")
    doc.mix(["affirmed", "note"] + some(doc, "negated", 1, 2) + some(doc, "everyday", 0, 1), end=" ")
    doc.line()
    doc.line("Questions for the group:")
    doc.mix(["hypothetical"] + some(doc, "hypothetical", 0, 1), lead="- ")
    doc.line("Actions:")
    doc.mix(some(doc, "plan", 2, 3), lead="- ")


@template("strategy_minutes", focus=True)
def icpc_summary(doc: LabelledDoc) -> None:
    doc.line("Initial Child Protection Conference - summary of decisions")
    doc.line("Chair: {iro}   Child: {child}, {child.age}")
    doc.line("Reasons for concern:")
    doc.mix(["affirmed"] + some(doc, "affirmed", 1, 2), lead="• ")
    doc.line("Strengths and safety:")
    doc.mix(["negated"] + some(doc, "generic_negated", 0, 1) + some(doc, "note", 0, 1), lead="• ")
    doc.pick("Outcome: child protection plan.\n", "Outcome: CP plan, review conference in three months.\n")
