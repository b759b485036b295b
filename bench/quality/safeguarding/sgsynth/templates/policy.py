"""Policy and training text: every safeguarding mention in it is hypothetical, names no one and
affirms nothing. Training quotes leading questions as examples of what not to ask."""
from __future__ import annotations

from ..labelled import LabelledDoc
from . import some, template


@template("policy")
def policy_extract(doc: LabelledDoc) -> None:
    doc.pick("Safeguarding and Child Protection Policy\n", "Child Protection Procedures - extract\n",
             "Section 4: Recognising abuse\n")
    doc.line("Version {decoy.version}, approved by the board.")
    doc.line()
    doc.mix(some(doc, "hypothetical_general", 3, 5) + ["generic_hypothetical"], end=" ")
    doc.line()
    doc.line()
    doc.mix(["proper_policy"] + some(doc, "hypothetical_general", 1, 2))


@template("policy")
def staff_briefing(doc: LabelledDoc) -> None:
    doc.line("From: {dsl} <{dsl.email}>")
    doc.line("To: All staff")
    doc.line("Subject: Safeguarding update for this half term")
    doc.line()
    doc.line("Hi all,")
    doc.mix(some(doc, "hypothetical_general", 2, 3) + ["generic_hypothetical"] + some(doc, "everyday", 1, 2))
    doc.write("chat")
    doc.line("Thanks, {dsl:first}")


@template("policy")
def risk_screening_tool(doc: LabelledDoc) -> None:
    doc.pick("Risk screening checklist (blank)\n", "Contextual safeguarding screening tool\n")
    doc.line("Complete for every new referral. Tick where the answer is yes.")
    doc.mix(some(doc, "hypothetical_general", 4, 6), lead="[ ] ")
    doc.write("proper_policy", lead="Note: ")


@template("training")
def training_handout(doc: LabelledDoc) -> None:
    doc.pick("Level 1 safeguarding training - handout\n", "Responding to disclosures: staff training\n")
    doc.mix(some(doc, "hypothetical_general", 2, 3) + ["generic_hypothetical"], end=" ")
    doc.line()
    doc.line("When a child tells you something:")
    doc.mix(["leading_example", "ted", "proper_policy"] + some(doc, "leading_example", 0, 1), lead="- ")


@template("training")
def faq_sheet(doc: LabelledDoc) -> None:
    doc.line("Frequently asked questions")
    doc.line("Q: What should I do if I am worried about a child?")
    doc.write("generic_hypothetical", lead="A: ")
    doc.line("Q: What signs should I look out for?")
    doc.mix(some(doc, "hypothetical_general", 2, 3), lead="A: ")
    doc.line("Q: Can I keep what a child tells me confidential?")
    doc.write("proper_policy", lead="A: ")


@template("training")
def case_study_exercise(doc: LabelledDoc) -> None:
    doc.line("Training exercise - read the scenario and discuss in groups")
    doc.line("The family below are invented.")
    doc.mix(some(doc, "hypothetical", 2, 3) + some(doc, "hypothetical_general", 1, 2))
    doc.write("leading_example", lead="Discuss: ")
    doc.write("everyday", lead="Icebreaker: ")
