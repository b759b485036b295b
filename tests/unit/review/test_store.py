"""The review queue: items, who may decide them, written reasons, history and the audit entry."""
from __future__ import annotations

import os
import stat

import pytest

from scanner.review.errors import ReviewError, ReviewFileError
from scanner.review.roles import may_decide, parse_role
from scanner.review.store import ReviewStore
from tests.unit.audit.samples import NAME, TEXT, held_note


def test_an_item_keeps_everything_a_reviewer_needs(held):
    item, path = held()
    assert (item.id, item.status, item.reviewer, item.action) == ("R-0001", "open", "DSL", "block")
    assert (item.recipient, item.purpose, item.format, item.held_copy) == (
        "kent-front-door", "early-help", "txt", str(path.resolve()))
    assert item.rules == ("R2",) and NAME in item.reasons[0].text  # the full reasons: confidential store
    assert [f.type for f in item.findings][:2] == ["PERSON", "DATE_OF_BIRTH"]
    assert item.findings[-1].about == ("Jayden",) and item.findings[-1].polarity == "affirmed"
    assert [(s.id, s.name, s.outcome) for s in item.subjects] == [
        ("P-0001", NAME, "withhold"), ("U-1", "Adaeze Okafor", "withhold")]
    assert item.decision_seq == 1
    assert [(h.by, h.status) for h in item.history] == [("ShareGuard (automatic)", "open")]


def test_the_text_is_kept_and_the_file_is_for_its_owner_only(store, held):
    item, _ = held()
    assert store.text(item.id) == TEXT
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600


def test_list_by_status_and_reviewer(store, held):
    dsl, _ = held()
    ig, _ = held(reviewer="IG lead", name="second.txt")
    store.decide(dsl.id, "reject", "Not to be shared.", "jholt", "DSL")
    assert [i.id for i in store.list()] == ["R-0001", "R-0002"]
    assert [i.id for i in store.list(status="open")] == ["R-0002"]
    assert [i.id for i in store.list(role="ig-lead")] == ["R-0002"]
    assert [i.id for i in store.list(status="rejected", role="DSL")] == ["R-0001"]
    with pytest.raises(ReviewError, match="status: expected one of open"):
        store.list(status="pending")


@pytest.mark.parametrize("reviewer, role, allowed", [
    ("DSL", "DSL", True), ("DSL", "IG lead", False), ("IG lead", "IG lead", True), ("IG lead", "DSL", True)])
def test_role_separation(reviewer, role, allowed):
    assert may_decide(role, reviewer) is allowed


def test_an_ig_lead_cannot_clear_a_safeguarding_item(store, held, audit):
    item, path = held()
    with pytest.raises(ReviewError, match="R-0001 must be decided by the DSL; the role IG lead may not decide it"):
        store.decide(item.id, "approve", "Looks fine to me.", "sclarke", "IG lead")
    assert store.get(item.id).is_open and path.exists()
    assert [e.kind for e in audit.entries()] == ["decision"]  # nothing recorded for a refused attempt


def test_a_dsl_may_decide_an_ig_lead_item(store, held):
    item, _ = held(reviewer="IG lead")
    assert store.decide(item.id, "reject", "No basis to share.", "jholt", "DSL").status == "rejected"


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_a_decision_needs_a_written_reason(store, held, reason):
    item, _ = held()
    with pytest.raises(ReviewError, match="reason: a decision needs a written reason"):
        store.decide(item.id, "approve", reason, "jholt", "DSL")
    assert store.get(item.id).is_open


def test_a_decision_needs_a_known_verdict_role_and_person(store, held):
    item, _ = held()
    with pytest.raises(ReviewError, match="verdict: expected one of approve, reject, release-redacted"):
        store.decide(item.id, "allow", "ok", "jholt", "DSL")
    with pytest.raises(ReviewError, match="role: expected one of DSL, IG lead"):
        store.decide(item.id, "approve", "ok", "jholt", "social worker")
    with pytest.raises(ReviewError, match="by: a decision needs the name"):
        store.decide(item.id, "approve", "ok", " ", "DSL")


def test_a_decision_is_recorded_in_the_history_and_the_audit_trail(store, held, audit):
    item, _ = held()
    decided = store.decide("r-1", "reject", "  No lawful basis; family not consulted.  ", "jholt", "dsl", via="cli")
    assert decided.status == "rejected"
    last = decided.history[-1]
    assert (last.by, last.role, last.status, last.reason) == (
        "jholt", "DSL", "rejected", "No lawful basis; family not consulted.")
    entry = list(audit.entries(kind="review_decision"))[-1]
    assert last.audit_seq == entry.seq and entry.actor == "jholt"
    body = entry.body
    assert (body["item"], body["verdict"], body["status"], body["role"], body["reviewer"], body["via"]) == (
        "R-0001", "reject", "rejected", "DSL", "DSL", "cli")
    assert body["reason"] == "No lawful basis; family not consulted." and body["decision_seq"] == 1
    assert body["shared"] is False and body["document"]["sha256"] == item.sha256
    assert audit.verify().intact


def test_an_item_is_decided_once(store, held):
    item, _ = held()
    store.decide(item.id, "reject", "No.", "jholt", "DSL")
    with pytest.raises(ReviewError, match="R-0001 was already decided \\(rejected\\)"):
        store.decide(item.id, "approve", "Changed my mind.", "jholt", "DSL")


def test_unknown_items_and_ids(store):
    with pytest.raises(ReviewError, match="R-0042 is not in the review queue"):
        store.get("R-0042")
    with pytest.raises(ReviewError, match="expected an id like R-0001"):
        store.get("banana")


def test_no_decision_without_an_audit_trail(tmp_path):
    outcome, _ = held_note(tmp_path)
    with ReviewStore.open(tmp_path / "review.sqlite3") as store:
        item = store.add(outcome)
        with pytest.raises(ReviewFileError, match="no audit trail is open"):
            store.decide(item.id, "approve", "ok", "jholt", "DSL")


def test_an_item_without_a_reviewer_goes_to_the_ig_lead(tmp_path):
    outcome, _ = held_note(tmp_path, reviewer=None)
    with ReviewStore.open(tmp_path / "review.sqlite3") as store:
        assert store.add(outcome).reviewer == "IG lead"


def test_role_spellings():
    assert {parse_role(r) for r in ("DSL", "dsl", "IG lead", "ig-lead", "IG_LEAD", "iglead")} == {"DSL", "IG lead"}


def test_a_missing_queue_is_not_created_by_a_read(tmp_path):
    with pytest.raises(ReviewFileError, match="there is no review queue here"):
        ReviewStore.open(tmp_path / "nothing.sqlite3", create=False)
