#!/usr/bin/env python3
"""Sharing-decision quality (not a test): documents × recipients × purposes × register states,
each with the action SPEC's rules require, run end to end (extract → detect → link → decide).

    .venv/bin/python bench/decisions.py            # prints the table of misses and the figures
    .venv/bin/python bench/decisions.py --all      # every scenario, not only the misses

The expected actions were written from SPEC's rules and the policy, one scenario at a time,
before the decision code was run on them. A "forbidden disclosure" is any scenario where more
leaves than the rules allow: an allow where redact, review or block is expected; a redact where
review or block is expected; or a redact that keeps a person who should have been removed.
SPEC's bar: zero.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scanner.config import load_config  # noqa: E402
from scanner.pipeline import Scanner  # noqa: E402
from scanner.register.model import Agreement, Consent, Person, RegisterView  # noqa: E402
from scanner.types import Action, ShareRequest  # noqa: E402

TODAY = date.today()
PEOPLE = (
    Person("P-0001", "Jayden Smith", "child", dob=date(2015, 4, 3), nhs="9434765919", upn="H801200001001"),
    Person("P-0002", "Kelly Smith", "parent", responsible_for=("P-0001",)),
    Person("P-0003", "Rose Smith", "relative"),
    Person("P-0004", "Amira Khan", "young_person", dob=date(2009, 2, 11), competent=True),
    Person("P-0005", "Farah Khan", "parent", responsible_for=("P-0004",)),
    Person("P-0006", "Zoë O’Brien", "child", dob=date(2012, 1, 5), competent=True),
)

DOCS = {
    "visit": "Home visit 12/11/2026. Jayden Smith (DOB 03/04/2015) was at home at 14 Acacia Avenue, Leeds LS6 2AB "
             "with his mother Kelly Smith. Jayden showed me his new bike and talked about football. Kelly said the "
             "family are settled. Social worker Jane Holt attended.\n",
    "health": "Review 10/11/2026. Jayden Smith (DOB 03/04/2015), NHS number 943 476 5919, was diagnosed with ADHD in "
              "the summer and now takes methylphenidate. Kelly Smith reports that sleep is better.\n",
    "disclosure": "Visit 14/11/2026. Jayden Smith (DOB 03/04/2015) told me that his stepdad hits him with a belt when "
                  "he is late home. I saw bruising on his upper arm. I explained I could not keep this secret.\n",
    "third-party": "Contact note 15/11/2026. Jayden Smith stays with his grandmother Rose Smith at 9 Mill Close, "
                   "Bradford BD7 1AA on Fridays. Kelly Smith agrees with this arrangement.\n",
    "referrer": "Letter 16/11/2026. We received a referral about Jayden Smith. Referred by Mrs Priya Patel, neighbour, "
                "who was worried about shouting. The family worker will visit Jayden Smith next week.\n",
    "school": "Transition note. Jayden Smith, UPN H801200001001, starts Year 7 in September. His mother Kelly Smith's "
              "National Insurance number is JR 12 34 56 C.\n",
    "teen": "Key work session 18/11/2026 with Amira Khan (DOB 11/02/2009). Amira talked about her college course and "
            "her part-time job. She is doing well.\n",
    "negated": "Visit 19/11/2026. Jayden Smith was seen alone. No marks or bruises were seen and he denied any "
               "worries at home.\n",
    "variants": "NOTE 20/11/2026 JAYDEN SMITH seen at school. jayden smith said he likes his new teacher. Jayden "
                "was happy and Mrs Kelly Smith collected him.\n",
    "initials": "Visit 21/11/2026. J.S. (DOB 03/04/2015) was seen at home with his mother. He was cheerful.\n",
    "accents": "Session 22/11/2026 with Zoe O'Brien (DOB 05/01/2012). Zoë talked about her exams.\n",
    "leaflet": "Our family support drop-in runs every Tuesday from 10am to 12pm at the community centre. "
               "Everyone is welcome.\n",
}


def consent(cid, subject="P-0001", by="P-0002", to=("kent-front-door",), purposes=("early-help",),
            categories=("personal_data",), explicit=False, given=date(2026, 1, 1), expires=None, withdrawn=None):
    return Consent(cid, subject, by, tuple(to), tuple(purposes), tuple(categories), explicit, given, expires, withdrawn,
                   "form")


KMISA = Agreement("A-0001", "kent-front-door", ("early-help",), kind="isa", reference="KMISA")
STATES = {
    "empty": (),
    "parent-consent": (consent("C-1"),),
    "expired": (consent("C-1", expires=date(2026, 6, 30)),),
    "withdrawn": (consent("C-1", withdrawn=date(2026, 10, 1)),),
    "wrong-purpose": (consent("C-1", purposes=("education-support",)),),
    "wrong-recipient": (consent("C-1", to=("gp-practice",)),),
    "child-own-consent": (consent("C-1", by="P-0001"),),
    "consent-all-family": (consent("C-1"), consent("C-2", subject="P-0002", by="P-0002"),
                           consent("C-3", subject="P-0003", by="P-0003")),
    "kmisa": (KMISA,),
    "health-explicit": (consent("C-1", to=("gp-practice",), purposes=("health-care",),
                                categories=("personal_data", "HEALTH"), explicit=True),
                        consent("C-2", subject="P-0002", by="P-0002", to=("gp-practice",), purposes=("health-care",))),
    "health-not-explicit": (consent("C-1", to=("gp-practice",), purposes=("health-care",), categories=("*",)),
                            consent("C-2", subject="P-0002", by="P-0002", to=("gp-practice",), purposes=("health-care",))),
    "school-consent": (consent("C-1", to=("school-dsl",), purposes=("education-support",)),
                       consent("C-2", subject="P-0002", by="P-0002", to=("school-dsl",), purposes=("education-support",))),
    "family-consent": (consent("C-1", to=("parent",), purposes=("family-update",)),),
    "teen-own": (consent("C-1", subject="P-0004", by="P-0004", to=("type:childrens_social_care",)),),
    "zoe-own": (consent("C-1", subject="P-0006", by="P-0006"),),
    "teen-parent": (consent("C-1", subject="P-0004", by="P-0005", to=("type:childrens_social_care",)),),
}

A, R, V, B = Action.ALLOW, Action.REDACT, Action.REVIEW, Action.BLOCK


@dataclass(frozen=True)
class Scenario:
    doc: str
    to: str | None
    purpose: str | None
    state: str
    expected: Action
    keep_out: tuple[str, ...] = ()  # people whose data must not leave (checked when redacting)
    why: str = ""


FRONT, EH, CP = "kent-front-door", "early-help", "child-protection-referral"
SCENARIOS = [
    # rule 1: nothing identifying
    Scenario("leaflet", FRONT, EH, "empty", A, why="no personal data"),
    Scenario("leaflet", "local-paper", "publicity", "empty", A, why="no personal data"),
    Scenario("leaflet", None, None, "empty", A, why="no personal data, no recipient needed"),
    Scenario("leaflet", "acme-ltd", EH, "empty", V, why="unknown recipient is never allowed"),
    # rules 3-4: consent and its scope, the main subject
    Scenario("visit", FRONT, EH, "empty", B, why="main subject has no consent"),
    Scenario("visit", FRONT, EH, "parent-consent", R, ("P-0002",), why="child by PR consent; mother is a third party without consent"),
    Scenario("visit", FRONT, EH, "consent-all-family", A, why="everyone named has consent"),
    Scenario("visit", FRONT, EH, "expired", B, why="consent expired"),
    Scenario("visit", FRONT, EH, "withdrawn", B, why="consent withdrawn"),
    Scenario("visit", FRONT, EH, "wrong-purpose", B, why="consent for another purpose"),
    Scenario("visit", FRONT, EH, "wrong-recipient", B, why="consent for another recipient"),
    Scenario("visit", FRONT, EH, "child-own-consent", B, why="a child not recorded competent cannot consent"),
    Scenario("visit", FRONT, EH, "kmisa", A, why="KMISA covers the recipient and purpose for everyone's data"),
    Scenario("visit", FRONT, "education-support", "kmisa", B, why="agreement does not cover this purpose"),
    Scenario("visit", "school-dsl", "education-support", "school-consent", A, why="school consent for child and mother"),
    Scenario("visit", "local-paper", "publicity", "consent-all-family", B, why="no consent covers the press"),
    Scenario("visit", "acme-ltd", EH, "consent-all-family", V, why="unknown recipient"),
    Scenario("visit", FRONT, "marketing", "consent-all-family", V, why="unknown purpose"),
    Scenario("visit", None, None, "consent-all-family", V, why="no recipient or purpose given"),
    # special category
    Scenario("health", "gp-practice", "health-care", "health-explicit", A, why="explicit consent covers HEALTH"),
    Scenario("health", "gp-practice", "health-care", "health-not-explicit", B, why="health data needs explicit consent"),
    Scenario("health", "gp-practice", "health-care", "empty", B, why="no consent"),
    Scenario("health", FRONT, EH, "parent-consent", B, why="consent does not cover health data"),
    # third parties
    Scenario("third-party", FRONT, EH, "parent-consent", R, ("P-0003", "P-0002"), why="grandmother and mother redacted"),
    Scenario("third-party", FRONT, EH, "consent-all-family", A, why="all have consent"),
    Scenario("third-party", FRONT, EH, "empty", B, why="main subject has no consent"),
    # referrer protection
    Scenario("referrer", "parent", "family-update", "family-consent", R, ("U-1",), why="referrer hidden from the family"),
    Scenario("referrer", "parent", "family-update", "empty", B, why="no consent to share with the family"),
    # minimum necessary
    Scenario("school", "school-dsl", "education-support", "school-consent", R, why="parent's NINO is not for a school"),
    Scenario("school", "gp-practice", "health-care", "health-explicit", R, why="a UPN is for education recipients only"),
    # names as written: case, titles, accents, initials
    Scenario("variants", FRONT, EH, "consent-all-family", A, why="case and titles ignored: all linked and consented"),
    Scenario("variants", FRONT, EH, "parent-consent", R, ("P-0002",), why="mother (as 'Mrs Kelly Smith') has no consent"),
    Scenario("accents", FRONT, EH, "zoe-own", A, why="Zoe/Zoë and O'Brien/O’Brien are the same person"),
    Scenario("accents", FRONT, EH, "parent-consent", B, why="her own consent is not recorded"),
    Scenario("initials", FRONT, EH, "parent-consent", B, why="initials and a DOB identify a child the register cannot link"),
    # competence
    Scenario("teen", FRONT, EH, "teen-own", A, why="a competent young person consents for herself"),
    Scenario("teen", FRONT, EH, "teen-parent", B, why="a parent cannot consent for a competent young person"),
    Scenario("teen", FRONT, EH, "empty", B, why="no consent"),
    # rule 2: safeguarding
    Scenario("disclosure", FRONT, CP, "empty", A, why="partner + safeguarding purpose: no consent needed"),
    Scenario("disclosure", "kent-police", "strategy-discussion", "empty", A, why="police are a partner"),
    Scenario("disclosure", "school-dsl", CP, "empty", A, why="a school DSL is a partner"),
    Scenario("disclosure", "health-safeguarding", CP, "empty", A, why="the health safeguarding team is a partner"),
    Scenario("disclosure", FRONT, EH, "parent-consent", B, why="not a safeguarding purpose: blocked, DSL"),
    Scenario("disclosure", "gp-practice", CP, "empty", B, why="a GP practice is not a safeguarding partner here"),
    Scenario("disclosure", "parent", "family-update", "family-consent", B, why="a concern never goes to the family"),
    Scenario("disclosure", "local-paper", "publicity", "empty", B, why="press"),
    Scenario("disclosure", "acme-ltd", CP, "empty", B, why="unknown recipient"),
    Scenario("disclosure", None, None, "empty", B, why="no recipient"),
    # a negated concern is not a concern: the ordinary rules apply
    Scenario("negated", FRONT, EH, "parent-consent", A, why="no concern; child's consent covers it"),
    Scenario("negated", "local-paper", "publicity", "empty", B, why="no consent"),
]


def run(show_all: bool) -> int:
    config = load_config()
    work = Path(tempfile.mkdtemp(prefix="shareguard-decisions-"))
    paths = {}
    for name, text in DOCS.items():
        paths[name] = work / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    scanner = Scanner(config)
    rows, right, forbidden = [], 0, 0
    try:
        for s in SCENARIOS:
            people = PEOPLE
            view = RegisterView(people, tuple(r for r in STATES[s.state] if isinstance(r, Consent)),
                                tuple(r for r in STATES[s.state] if isinstance(r, Agreement)))
            scanner._register = view  # the snapshot this scenario decides against
            outcome = scanner.check(paths[s.doc], ShareRequest(s.to, s.purpose))
            got = outcome.decision.action
            kept = [p for p in s.keep_out if got == Action.REDACT and p not in outcome.decision.redact_subjects]
            bad = got < s.expected or bool(kept)
            ok = got == s.expected and not kept
            right += ok
            forbidden += bad
            if show_all or not ok:
                rows.append(f"| {s.doc} | {s.to} | {s.purpose} | {s.state} | {s.expected.label} | {got.label}"
                            f"{' (kept ' + ','.join(kept) + ')' if kept else ''} | {'FORBIDDEN' if bad else ('ok' if ok else 'stricter')} | {s.why} |")
    finally:
        scanner.close()
    print("| document | to | purpose | register | expected | got | verdict | why |\n|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    n = len(SCENARIOS)
    print(f"\nscenarios: {n}; right: {right} ({right / n:.1%}); forbidden disclosures allowed: {forbidden} "
          f"({'PASS' if forbidden == 0 else 'FAIL'}: must be 0)")
    return 0 if forbidden == 0 else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--all", action="store_true", help="print every scenario, not only the misses")
    return run(ap.parse_args().all)


if __name__ == "__main__":
    sys.exit(main())
