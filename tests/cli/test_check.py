"""`shareguard check` through click: exit codes, JSON contract, readable report, bad input."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cli import cli

pytestmark = pytest.mark.model

NOTE = (
    "Case note 12/03/2024. Visited Jayden Smith (DOB: 03/04/2015) at 14 Acacia Avenue, Leeds LS6 2AB.\r\n"
    "NHS number 943 476 5919. Mother: Adaeze Okafor, mobile 07700 900123.\r\n"
)
LEAFLET = "Our helpline is open from 9am to 5pm. We support families across Kent.\n"


@pytest.fixture
def run(engine):
    def invoke(*args: str):
        return CliRunner().invoke(cli, ["check", *args], obj={"engine": engine, "config_dir": None},
                                  catch_exceptions=False)

    return invoke


@pytest.fixture
def note(tmp_path):
    path = tmp_path / "visit note.txt"  # a space in the name on purpose
    path.write_bytes(NOTE.encode("utf-8"))
    return path


@pytest.fixture
def leaflet(tmp_path):
    path = tmp_path / "leaflet.txt"
    path.write_text(LEAFLET, encoding="utf-8")
    return path


def test_json_line_follows_the_contract(run, note):
    result = run("--json", "--to", "kent-front-door", "--purpose", "child-protection-referral", str(note))
    assert result.exit_code == 5  # block: the child the note is about has no consent or basis on record
    (line,) = result.output.splitlines()
    report = json.loads(line)
    assert report["document"] == str(note)
    assert report["format"] == "txt"
    assert report["recipient"] == "kent-front-door" and report["purpose"] == "child-protection-referral"
    assert len(report["sha256"]) == 64
    assert report["decision"]["action"] == "block"
    assert report["decision"]["reviewer"] == "IG lead"
    assert {"rule", "policy", "text"} <= set(report["decision"]["reasons"][0])
    assert [r["rule"] for r in report["decision"]["reasons"]] == ["R4"]
    main = [s for s in report["subjects"] if s["main"]]
    assert [(s["name"], s["known"], s["outcome"], s["basis"]) for s in main] == [("Jayden Smith", False, "withhold", None)]
    assert all({"id", "role", "basis", "outcome"} <= set(s) for s in report["subjects"])
    assert report["record"]["shared"] is False and report["record"]["recipient"] == "kent-front-door"
    types = {f["type"] for f in report["findings"]}
    assert {"PERSON", "DATE_OF_BIRTH", "UK_NHS", "UK_POSTCODE", "PHONE_NUMBER", "STREET_ADDRESS"} <= types
    for f in report["findings"]:
        assert set(f) >= {"kind", "type", "start", "end", "text", "score", "detector", "subject", "explanation"}
        # offsets index the decoded text exactly (CRLF kept)
        assert NOTE[f["start"] : f["end"]] == f["text"]


def test_nothing_personal_is_allowed(run, leaflet):
    result = run("--json", str(leaflet))
    assert result.exit_code == 0
    assert json.loads(result.output)["decision"]["action"] == "allow"


def test_unreadable_file_exits_1_and_is_blocked(run, tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    result = run("--json", str(junk))
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["decision"]["action"] == "block"
    assert report["readable"] is False and report["problems"]


def test_missing_file_is_not_clean(run, tmp_path):
    result = run(str(tmp_path / "nope.docx"))
    assert result.exit_code == 1
    assert "BLOCK" in result.output


def test_most_severe_outcome_wins(run, note, leaflet, tmp_path):
    assert run(str(leaflet), str(note)).exit_code == 4
    assert run(str(leaflet), str(note), str(tmp_path / "missing.pdf")).exit_code == 1


def test_readable_report_groups_findings_with_context(run, note):
    result = run(str(note))
    assert "REVIEW" in result.output
    assert "personal data:" in result.output
    assert "UK_NHS ×1" in result.output
    assert "[943 476 5919]" in result.output
    assert "no recipient was given" in result.output and "Good practice" in result.output


def test_a_folder_stands_for_its_files(run, note, leaflet):
    result = run("--json", str(note.parent))
    assert sorted(json.loads(line)["document"] for line in result.output.splitlines()) == sorted(
        [str(note), str(leaflet)]
    )


def test_no_files_is_a_usage_error(run):
    assert run().exit_code == 2


def test_bad_config_is_one_clear_error(tmp_path, note):
    (tmp_path / "detectors.yaml").write_text("min_score: 2\n")
    result = CliRunner().invoke(cli, ["--config", str(tmp_path), "check", str(note)])
    assert result.exit_code == 1
    assert "detectors.yaml: line 1: min_score: Input should be less than or equal to 1" in result.output


def test_affirmed_concern_goes_to_the_dsl_with_the_sentence(run, tmp_path):
    note = tmp_path / "visit.txt"
    note.write_text("Visit 3 May.\nKai told me that his stepdad hits him with a belt.\nI promised I wouldn't tell anyone.\n")
    result = run("--json", str(note))
    assert result.exit_code == 5  # no recipient named: not a safeguarding partner, so blocked
    out = json.loads(result.output)
    assert out["decision"]["reviewer"] == "DSL" and out["decision"]["review_item"] is True
    assert [r["rule"] for r in out["decision"]["reasons"]] == ["R2", "R6", "R7"]
    [concern] = [f for f in out["findings"] if f["kind"] == "safeguarding"]
    assert concern["type"] == "physical_abuse" and concern["polarity"] == "affirmed"
    assert concern["excerpt"] == "Kai told me that his stepdad hits him with a belt."
    assert concern["severity"] == "high"
    assert [f["type"] for f in out["findings"] if f["kind"] == "practice"] == ["confidentiality_promise"]
    text = run(str(note)).output
    assert "safeguarding:" in text and "[affirmed, severity high]" in text and "practice:" in text


def test_policy_text_about_no_one_is_allowed(run, tmp_path):
    policy = tmp_path / "policy.txt"
    policy.write_text("Staff should be alert to signs of neglect and physical abuse. If a child discloses "
                      "sexual abuse, staff must never promise to keep it secret.\nNo concerns about neglect.\n")
    result = run("--json", str(policy))
    out = json.loads(result.output)
    assert out["decision"]["action"] == "allow", out["decision"]
    assert {f["polarity"] for f in out["findings"] if f["kind"] == "safeguarding"} <= {"negated", "hypothetical"}
