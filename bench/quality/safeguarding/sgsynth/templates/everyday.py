"""Everyday text (staff chat, newsletters, school reports, youth-club notes), full of words that
only sound like concerns, and profiles and forms that carry special-category data."""
from __future__ import annotations

from ..labelled import LabelledDoc
from . import some, template


@template("chat", messy=True)
def team_chat(doc: LabelledDoc) -> None:
    names = ["{sw:first}", "{tm:first}", "{worker:first}", "{dsl:first}"]
    kinds = some(doc, "everyday", 3, 5) + some(doc, "chat", 2, 3) + some(doc, "decoy", 0, 1)
    doc.rng.shuffle(kinds)
    for kind in kinds:
        doc.write(kind, lead="[%02d:%02d] %s: " % (doc.rng.randrange(8, 18), doc.rng.randrange(60),
                                                  doc.rng.choice(names)))


@template("chat")
def parent_newsletter(doc: LabelledDoc) -> None:
    doc.line("{child.school} - newsletter")
    doc.line("Dear parents and carers,")
    doc.mix(some(doc, "everyday", 2, 4) + some(doc, "decoy", 1, 2), end=" ")
    doc.line()
    doc.line("Have a lovely half term!")


@template("chat")
def school_report(doc: LabelledDoc) -> None:
    doc.line("End of year report: {child}")
    doc.line("Tutor: {teacher}")
    doc.mix(["note"] + some(doc, "everyday", 2, 3) + some(doc, "decoy", 0, 1), end=" ")
    doc.line()
    doc.line("Attendance: {decoy.duration} of lessons missed in total.")


@template("chat", messy=True)
def youth_club_notes(doc: LabelledDoc) -> None:
    doc.line("Youth club session notes")
    doc.line("Staff on shift: {worker}, {sw:first}")
    doc.mix(some(doc, "everyday", 2, 4) + some(doc, "chat", 1, 1) + some(doc, "note", 0, 1))
    doc.write(doc.rng.choice(["generic_negated", "note"]))


@template("profile")
def pupil_profile(doc: LabelledDoc) -> None:
    doc.line("One-page pupil profile: {child}")
    doc.line("UPN: {child.upn:bare}")
    doc.mix(["special", "special"] + some(doc, "special", 0, 1) + some(doc, "decoy", 1, 2) + ["note"])


@template("profile")
def health_assessment(doc: LabelledDoc) -> None:
    doc.line("Review Health Assessment (child in care)")
    doc.line("Name: {child}  NHS: {child.nhs:bare}")
    doc.line("Nurse: {nurse}")
    doc.mix(["special", "special", "special"] + some(doc, "decoy", 0, 1) + some(doc, "negated", 0, 1))


@template("profile")
def equality_form(doc: LabelledDoc) -> None:
    doc.line("Equality monitoring (parent/carer)")
    doc.line("Name: {mum}")
    doc.line("Ethnicity: {sc.ETHNICITY:label}")
    doc.line("Religion or belief: {sc.RELIGION:noun}")
    doc.pick("Disability or long-term condition: {sc.HEALTH:condition}\n", "Disability: none declared\n")
    doc.write("decoy")


@template("profile")
def care_plan_identity(doc: LabelledDoc) -> None:
    doc.line("Care plan - identity and culture")
    doc.line("Child: {child}")
    doc.mix(["special", "special"] + some(doc, "note", 1, 1) + some(doc, "decoy", 0, 1) + some(doc, "everyday", 0, 1))


@template("profile")
def family_background(doc: LabelledDoc) -> None:
    doc.line("Family background (assessment section 2)")
    doc.line("Parents: {mum}, {dad}")
    doc.mix(["special", "special"] + some(doc, "note", 1, 2) + some(doc, "decoy", 0, 1) + some(doc, "negated", 0, 1),
            end=" ")
