"""`shareguard review` through click: the queue, an item with its text highlighted, and decisions
that need a reason and the right role, act on the share folder and are recorded."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cli import cli
from scanner.audit.log import AuditLog
from scanner.record import record_outcome
from scanner.review.store import ReviewStore
from tests.unit.audit.samples import TEXT, held_note


@pytest.fixture
def paths(tmp_path):
    share = tmp_path / "share"
    (share / "quarantine" / "kent-front-door").mkdir(parents=True)
    return {"audit": tmp_path / "audit.sqlite3", "review": tmp_path / "review.sqlite3", "share": share}


@pytest.fixture
def queue(paths):
    """Two held notes (a DSL item, then an IG lead item) recorded as the watcher would; their files."""
    held = []
    with AuditLog.open(paths["audit"]) as audit, ReviewStore.open(paths["review"]) as review:
        for name, reviewer in (("visit.txt", "DSL"), ("letter.txt", "IG lead")):
            outcome, path = held_note(paths["share"] / "quarantine" / "kent-front-door", name=name, reviewer=reviewer)
            record_outcome(outcome, audit, review, held_copy=path)
            held.append(path)
    return held


@pytest.fixture
def run(paths):
    def invoke(*args: str, env: dict[str, str | None] | None = None):
        environment = {"SHAREGUARD_SHARE": str(paths["share"]), "SHAREGUARD_USER": None, "SHAREGUARD_ROLE": None,
                       **(env or {})}
        return CliRunner(env=environment).invoke(
            cli, ["--audit", str(paths["audit"]), "--review-db", str(paths["review"]), "review", *args],
            catch_exceptions=False)

    return invoke


def test_list_shows_the_queue(run, queue):
    result = run("list")
    assert result.exit_code == 0 and result.stderr == ""
    header, first, second = result.stdout.splitlines()
    assert header.split() == ["ID", "STATUS", "REVIEWER", "ACTION", "RULES", "TO", "PURPOSE", "CREATED", "DOCUMENT"]
    assert first.split()[:7] == ["R-0001", "open", "DSL", "block", "R2", "kent-front-door", "early-help"]
    assert second.split()[:4] == ["R-0002", "open", "IG", "lead"]
    assert first.endswith(str(queue[0]))


def test_list_filters_and_json(run, queue):
    result = run("list", "--role", "IG lead", "--json")
    [item] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (item["id"], item["reviewer"], item["status"]) == ("R-0002", "IG lead", "open")
    assert run("list", "--status", "approved").stdout.splitlines() == [
        "ID  STATUS  REVIEWER  ACTION  RULES  TO  PURPOSE  CREATED  DOCUMENT"]
    assert run("list", "--status", "pending").exit_code == 2


def test_show_highlights_the_findings_in_the_text(run, queue):
    result = run("show", "R-0001")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("R-0001  open  (to be decided by the DSL)\n")
    assert "  R2: An affirmed concern about Jayden Smith" in out
    assert "Case note. Visited [Jayden Smith] (DOB [03/04/2015]), NHS [943 476 5919], at [14 Acacia Avenue]." in out
    shown = json.loads(run("show", "1", "--json").stdout)
    assert shown["text"] == TEXT and shown["id"] == "R-0001"


def test_approve_moves_the_file_to_released_and_records_it(run, queue, paths):
    result = run("approve", "R-0001", "--reason", "Front door expects it.", "--as", "jholt", "--role", "DSL")
    released = paths["share"] / "released" / "kent-front-door" / "visit.txt"
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"R-0001 approved by jholt (DSL); released to {released}; audit entry 3\n"
    assert released.read_text() == TEXT and not queue[0].exists()
    with AuditLog.open(paths["audit"]) as audit:
        entries = list(audit.entries())
        assert [(e.kind, e.actor) for e in entries[2:]] == [("review_decision", "jholt"), ("release", "jholt")]
        assert entries[2].body["via"] == "cli" and audit.verify().intact


def test_who_is_acting_can_come_from_the_environment(run, queue):
    result = run("reject", "R-0002", "--reason", "No basis.", env={"SHAREGUARD_USER": "sclarke",
                                                                  "SHAREGUARD_ROLE": "ig-lead"})
    assert result.exit_code == 0 and result.stderr.startswith("R-0002 rejected by sclarke (IG lead); kept in ")


def test_an_ig_lead_cannot_clear_a_dsl_item(run, queue):
    result = run("approve", "R-0001", "--reason", "Fine.", "--as", "sclarke", "--role", "IG lead")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "Error: R-0001 must be decided by the DSL; the role IG lead may not decide it\n"
    assert queue[0].exists()


def test_a_decision_needs_a_reason_and_a_role(run, queue):
    empty = run("approve", "R-0001", "--reason", "  ", "--as", "jholt", "--role", "DSL")
    assert (empty.exit_code, empty.stderr) == (
        2, "Error: reason: a decision needs a written reason (it is recorded in the audit trail)\n")
    assert run("approve", "R-0001", "--as", "jholt", "--role", "DSL").exit_code == 2  # --reason missing
    no_role = run("approve", "R-0001", "--reason", "ok", "--as", "jholt")
    assert no_role.exit_code == 2 and "Missing option '--role'" in no_role.stderr


def test_release_redacted_without_a_redacted_copy_is_refused(run, queue):
    result = run("release-redacted", "R-0001", "--reason", "Names out.", "--as", "jholt", "--role", "DSL")
    assert result.exit_code == 2
    assert result.stderr == ("Error: R-0001: there is no verified redacted copy to release; approve or reject it "
                             "instead\n")


def test_unknown_item_and_missing_queue(run, queue, tmp_path):
    assert run("show", "R-0009").stderr == "Error: item: R-0009 is not in the review queue\n"
    missing = CliRunner().invoke(cli, ["--review-db", str(tmp_path / "none.sqlite3"), "review", "list"])
    assert missing.exit_code == 1 and "there is no review queue here" in missing.stderr
