"""`shareguard audit` through click: list, verify (exit 0 / exit 1 naming the first bad entry),
head and anchors, export CSV; and `check` recording its decisions."""
from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from cli import cli
from scanner.audit.log import AuditLog
from scanner.record import record_outcome
from tests.unit.audit.samples import allowed_leaflet, held_note


@pytest.fixture
def trail(tmp_path):
    path = tmp_path / "audit.sqlite3"
    with AuditLog.open(path) as audit:
        record_outcome(held_note(tmp_path)[0], audit)
        record_outcome(allowed_leaflet(tmp_path), audit)
        record_outcome(held_note(tmp_path, name="other.txt")[0], audit)
    return path


@pytest.fixture
def run(trail):
    def invoke(*args: str):
        return CliRunner().invoke(cli, ["--audit", str(trail), "audit", *args], catch_exceptions=False)

    return invoke


def test_verify_an_intact_trail(run, trail):
    result = run("verify")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("audit trail intact: 3 entries, head 3:")


def test_verify_names_the_first_bad_entry(run, trail):
    conn = sqlite3.connect(trail)
    conn.execute("DROP TRIGGER entries_no_update")
    conn.execute("UPDATE entries SET body = replace(body, '\"block\"', '\"allow\"') WHERE seq = 1")
    conn.commit()
    conn.close()
    result = run("verify")
    assert result.exit_code == 1
    assert result.stdout == ("audit trail BROKEN at entry 1: its contents do not match its hash (edited, or moved "
                             "from another place)\n")


def test_head_and_anchor(run, trail):
    head = run("head").stdout.strip()
    assert head.startswith("3:") and len(head) == 66
    assert run("verify", "--anchor", head).exit_code == 0
    wrong = run("verify", "--anchor", "2:" + "0" * 64)
    assert wrong.exit_code == 1 and "BROKEN at entry 2" in wrong.stdout
    assert run("verify", "--anchor", "three").exit_code == 2


def test_list_and_json(run, trail):
    lines = run("list").stdout.splitlines()
    assert lines[0].split() == ["SEQ", "AT", "ACTOR", "KIND", "WHAT", "HASH"]
    assert len(lines) == 4 and "→ kent-front-door/early-help: block (R2)" in lines[1]
    entries = [json.loads(line) for line in run("list", "--json", "--since", "2").stdout.splitlines()]
    assert [e["seq"] for e in entries] == [2, 3] and entries[0]["body"]["action"] == "allow"
    assert {"seq", "at", "actor", "kind", "body", "prev_hash", "hash"} == set(entries[0])


def test_export_csv_to_stdout_and_to_a_file(run, tmp_path):
    rows = list(csv.DictReader(io.StringIO(run("export").stdout)))
    assert [r["action"] for r in rows] == ["block", "allow", "block"]
    assert rows[0]["decided_by"] == "ShareGuard (automatic)" and rows[1]["shared"] == "yes"
    out = tmp_path / "record.csv"
    result = run("export", str(out))
    assert (result.exit_code, result.stderr) == (0, f"exported 3 decisions to {out}\n")
    assert out.read_text().splitlines()[0].startswith("entry,at,document_sha256,format,recipient,purpose,action")


def test_a_missing_trail_is_an_error_not_an_empty_one(tmp_path):
    result = CliRunner().invoke(cli, ["--audit", str(tmp_path / "nope.sqlite3"), "audit", "verify"])
    assert result.exit_code == 1 and "there is no audit trail here" in result.stderr
    assert not (tmp_path / "nope.sqlite3").exists()


@pytest.mark.model
def test_check_records_every_decision_and_opens_an_item_when_due(engine, tmp_path):
    note = tmp_path / "visit.txt"
    note.write_text("Case note 12/03/2024. Visited Jayden Smith (DOB: 03/04/2015) at 14 Acacia Avenue, Leeds LS6 2AB."
                    "\nNHS number 943 476 5919.\n")
    leaflet = tmp_path / "leaflet.txt"
    leaflet.write_text("Our helpline is open from 9am to 5pm. We support families across Kent.\n")
    audit, review = tmp_path / "audit.sqlite3", tmp_path / "review.sqlite3"
    result = CliRunner().invoke(
        cli, ["--audit", str(audit), "--review-db", str(review), "check", "--to", "kent-front-door", "--purpose",
              "child-protection-referral", str(note), str(leaflet)],
        obj={"engine": engine, "config_dir": None}, catch_exceptions=False)
    assert result.exit_code == 5
    with AuditLog.open(audit) as log:
        entries = list(log.entries())
        assert log.verify().intact
    assert [(e.kind, e.body["action"], e.body["review_item"]) for e in entries] == [
        ("decision", "block", True), ("decision", "allow", False)]
    listed = CliRunner().invoke(cli, ["--review-db", str(review), "review", "list", "--json"])
    [item] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert (item["document"], item["action"], item["reviewer"], item["held_copy"]) == (
        str(note), "block", "IG lead", None)
    assert b"Jayden" not in audit.read_bytes()
