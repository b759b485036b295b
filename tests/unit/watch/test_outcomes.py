"""Each outcome on disk: released, released redacted (original archived), held with a review
item; every decision in the audit trail; the same content never released twice."""
from __future__ import annotations

import hashlib
import os
import stat

import pytest

from tests.unit.watch.conftest import CONSENTED, LEAFLET, THIRD_PARTY, UNKNOWN_CHILD

pytestmark = pytest.mark.model
FRONT_DOOR = "kent-front-door/early-help"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_allow_releases_the_original_and_records_the_decision(share):
    share.drop(f"{FRONT_DOOR}/leaflet.txt", LEAFLET)
    share.drop(f"{FRONT_DOOR}/progress.txt", CONSENTED)
    assert share.run_once() == 2
    assert share.files("released") == ["kent-front-door/leaflet.txt", "kent-front-door/progress.txt"]
    assert (share.root / "released/kent-front-door/progress.txt").read_text() == CONSENTED
    assert share.files("outbox") == [] and share.files("quarantine") == [] and share.files(".state/work") == []
    decisions = {d["document"]["sha256"]: d for d in share.decisions()}
    assert decisions[sha(CONSENTED)]["action"] == "allow" and decisions[sha(CONSENTED)]["channel"] == "watch"
    assert decisions[sha(CONSENTED)]["basis"] == {"P-0001": "consent C-0001"}
    assert decisions[sha(LEAFLET)]["rules"] == ["R1"]
    assert share.items() == ()


def test_redact_releases_the_verified_copy_and_archives_the_original(share):
    share.drop(f"{FRONT_DOOR}/visit.txt", THIRD_PARTY)
    share.run_once()
    released = (share.root / "released/kent-front-door/visit.txt").read_text()
    assert "Oliver Brent" not in released and "3 Mill Lane" not in released and "Leila Haddad" in released
    original = share.root / ".state/originals/1/visit.txt"
    assert original.read_text() == THIRD_PARTY
    assert stat.S_IMODE(os.stat(original.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(share.root / ".state").st_mode) == 0o700
    [decision] = share.decisions()
    assert decision["action"] == "redact" and decision["document"]["sha256"] == sha(THIRD_PARTY)
    assert share.files("quarantine") == []


def test_block_holds_the_file_with_a_review_item_and_an_audit_entry(share):
    share.drop(f"{FRONT_DOOR}/note.txt", UNKNOWN_CHILD)
    share.run_once()
    held = share.root / "quarantine/kent-front-door/note.txt"
    assert held.read_text() == UNKNOWN_CHILD and share.files("released") == []
    [item] = share.items()
    [decision] = share.decisions()
    assert (item.action, item.held_copy, item.sha256) == ("block", str(held.resolve()), sha(UNKNOWN_CHILD))
    assert item.document == "outbox/kent-front-door/early-help/note.txt" and item.channel == "watch"
    assert item.decision_seq == 1 and decision["action"] == "block" and decision["review_item"] is True


def test_an_unknown_recipient_is_held_for_review(share):
    share.drop("acme-ltd/early-help/leaflet.txt", LEAFLET)
    share.drop("leaflet-without-purpose.txt", CONSENTED)
    share.run_once()
    assert share.files("quarantine") == ["acme-ltd/leaflet.txt", "unaddressed/leaflet-without-purpose.txt"]
    assert sorted((i.action, i.rules) for i in share.items()) == [("review", ("R6",)), ("review", ("R6",))]


def test_temporary_and_lock_files_are_left_alone(share):
    for name in ("~$referral.docx", "referral.docx.tmp", "report.pdf.part", "x.crdownload", ".hidden.txt",
                 "orphan.txt.share.yaml"):
        share.drop(f"{FRONT_DOOR}/{name}", "partial")
    assert share.run_once() == 0
    assert len(share.files("outbox")) == 6 and share.decisions() == []


def test_a_sidecar_names_the_recipient_and_goes_with_its_file(share):
    share.drop("referral.txt", CONSENTED)
    share.drop("referral.txt.share.yaml", "recipient: kent-front-door\npurpose: early-help\n")
    share.run_once()
    assert share.files("released") == ["kent-front-door/referral.txt"]
    assert share.files("outbox") == []
    [decision] = share.decisions()
    assert (decision["recipient"], decision["purpose"]) == ("kent-front-door", "early-help")


def test_every_recipient_of_an_email_must_be_justified(share):
    # the front door holds consent; the local paper does not: the most restrictive outcome wins
    mail = (f"To: frontdoor@kent.gov.uk\nCc: news@kentonline.co.uk\nSubject: progress\n\n{CONSENTED}")
    share.drop("progress.eml", mail)
    share.drop("progress.eml.share.yaml", "purpose: early-help\n")
    share.run_once()
    assert share.files("released") == [] and share.files("quarantine") == ["kent-front-door/progress.eml"]
    [decision] = share.decisions()
    assert decision["recipient"] == "local-paper" and decision["action"] == "block"


def test_when_every_recipient_is_allowed_each_sharing_is_recorded(tmp_path):
    """With several recipients, all allowed: one audit entry per recipient. Otherwise only the
    outcome acted on (the most restrictive) is recorded; the others did not happen."""
    import dataclasses

    from scanner.types import ShareRequest
    from scanner.watch.decide import decide
    from scanner.watch.journal import Job
    from scanner.watch.layout import ShareLayout
    from scanner.watch.request import Resolved
    from tests.unit.audit.samples import allowed_leaflet, held_note

    layout = ShareLayout(tmp_path / "share")
    layout.ensure()
    job = Job(1, b"leaflet.eml", "leaflet.eml", "claimed", sha256="0" * 64, kind="regular")
    allowed = allowed_leaflet(tmp_path)
    to_school = dataclasses.replace(allowed, request=ShareRequest("school-dsl", "early-help"))
    resolved = Resolved((allowed.request, to_school.request))
    made, plan = decide(job, layout, resolved, [allowed, to_school], None, None)
    assert [o.request.recipient for o in made.recorded] == ["kent-front-door", "school-dsl"]
    assert plan["released"] == "released/kent-front-door/leaflet.eml"
    assert made.recorded[0].document.path == "outbox/leaflet.eml"
    blocked, _ = held_note(tmp_path)
    made, plan = decide(job, layout, resolved, [allowed, blocked], None, None)
    assert made.recorded == (dataclasses.replace(made.winner, document=made.recorded[0].document,
                                                 record=made.recorded[0].record),)
    assert made.winner.decision.action.label == "block" and plan["held"] == "quarantine/kent-front-door/leaflet.eml"


def test_the_same_content_is_not_released_twice(share):
    share.drop(f"{FRONT_DOOR}/leaflet.txt", LEAFLET)
    share.run_once()
    share.drop(f"{FRONT_DOOR}/leaflet.txt", LEAFLET)  # dropped again, by accident
    share.drop("kent-police/early-help/leaflet.txt", LEAFLET)  # to someone else: a sharing of its own
    share.run_once()
    assert share.files("released") == ["kent-front-door/leaflet.txt", "kent-police/leaflet.txt"]
    assert share.files("quarantine") == ["kent-front-door/leaflet.txt"]
    [item] = share.items()
    assert item.problems[0].code == "duplicate" and "J-1" in item.problems[0].message
    assert [d["action"] for d in share.decisions()] == ["allow", "block", "allow"]


def test_a_name_already_taken_in_released_is_never_overwritten(share):
    (share.root / "released/kent-front-door").mkdir(parents=True)
    (share.root / "released/kent-front-door/leaflet.txt").write_text("sent last week")
    share.drop(f"{FRONT_DOOR}/leaflet.txt", LEAFLET)
    share.run_once()
    assert (share.root / "released/kent-front-door/leaflet.txt").read_text() == "sent last week"
    assert (share.root / "released/kent-front-door/leaflet.J-1.txt").read_text() == LEAFLET


def test_logs_carry_ids_and_hashes_never_names(share):
    share.drop(f"{FRONT_DOOR}/Leila Haddad referral.txt", CONSENTED)
    share.run_once()
    log = share.log.getvalue()
    assert "Leila" not in log and "Haddad" not in log and "referral" not in log
    events = [e["event"] for e in share.events()]
    assert events[:2] == ["started", "rescanned"] and events[-1] == "stopped"
    assert {"claimed", "decided", "recorded", "placed", "done"} <= set(events)
    claimed = next(e for e in share.events() if e["event"] == "claimed")
    assert claimed["job"] == "J-1" and claimed["sha256"] == sha(CONSENTED)
