"""`check --to --purpose` against a real register file: the decision follows the register as it
is at the moment of the check (consent recorded, then withdrawn), end to end through the CLI."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from scanner.config import load_config
from scanner.pipeline import Scanner

pytestmark = pytest.mark.model
DEMO = Path(__file__).resolve().parents[2] / "demo"


@pytest.fixture
def register(tmp_path):
    path = tmp_path / "register.sqlite3"
    for kind in ("people", "consents", "agreements"):
        result = CliRunner().invoke(cli, ["--register", str(path), "register", "import", kind,
                                          str(DEMO / "register" / f"{kind}.csv")])
        assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def check(detection, register):
    engine = Scanner(load_config(), detection=detection, register=register)

    def run(*args: str):
        result = CliRunner().invoke(cli, ["check", "--json", *args], obj={"engine": engine, "config_dir": None},
                                    catch_exceptions=False)
        return result.exit_code, [json.loads(line) for line in result.output.splitlines()]

    yield run
    engine.close()


def test_consent_on_record_allows_then_withdrawal_blocks(check, register, tmp_path):
    note = tmp_path / "progress.txt"
    note.write_text("Progress note 20/11/2026. Leila Haddad (DOB 14/03/2015) has settled well at school and enjoys "
                    "reading. Leila is attending every day.\n")
    code, [out] = check("--to", "kent-front-door", "--purpose", "early-help", str(note))
    assert code == 0, out["decision"]
    [leila] = [s for s in out["subjects"] if s["main"]]
    assert (leila["id"], leila["basis"], leila["outcome"]) == ("P-0001", "consent C-0001", "share")
    assert out["record"]["with_consent"] is True and out["record"]["shared"] is True
    withdraw = CliRunner().invoke(cli, ["--register", str(register), "register", "consent", "withdraw", "C-0001",
                                        "--reason", "Mother withdrew consent by phone"])
    assert withdraw.exit_code == 0, withdraw.output
    code, [out] = check("--to", "kent-front-door", "--purpose", "early-help", str(note))
    assert code == 5
    assert "C-0001 was withdrawn" in out["decision"]["reasons"][-1]["text"]


def test_disclosure_goes_to_a_partner_for_safeguarding_and_nowhere_else(check):
    note = str(DEMO / "documents" / "case_note_visit.txt")
    code, [out] = check("--to", "kent-front-door", "--purpose", "child-protection-referral",
                        "--no-consent-reason", "prejudice", note)
    assert code == 0 and out["decision"]["reviewer"] == "DSL" and out["decision"]["review_item"] is True
    assert out["decision"]["reasons"][0]["rule"] == "R2"
    assert out["record"]["consent_not_sought"] == "seeking consent would prejudice the child's protection"
    professionals = {s["name"] for s in out["subjects"] if s["outcome"] == "not a subject"}
    assert "Tomasz Kowalczyk" in professionals
    code, [out] = check("--to", "kent-front-door", "--purpose", "early-help", note)
    assert code == 5 and out["decision"]["reasons"][0]["rule"] == "R2"
    code, [out] = check("--to", "local-paper", "--purpose", "publicity", note)
    assert code == 5


def test_unknown_recipient_is_reviewed_never_allowed(check):
    code, [out] = check("--to", "acme-ltd", "--purpose", "early-help", str(DEMO / "documents" / "public_leaflet.txt"))
    assert code == 4 and out["decision"]["reviewer"] == "IG lead"
    assert "not in config/recipients.yaml" in out["decision"]["reasons"][0]["text"]
