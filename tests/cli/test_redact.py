"""`check --redact-to DIR`: a verified copy for each redact decision, a block when it cannot be made."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pymupdf
import pytest
from click.testing import CliRunner

from cli import cli
from scanner.config import load_config
from scanner.pipeline import Scanner
from scanner.redact import pdf as pdf_writer

pytestmark = pytest.mark.model
DEMO = Path(__file__).resolve().parents[2] / "demo"
REQUEST = ("--to", "kent-front-door", "--purpose", "child-protection-referral", "--no-consent-reason", "prejudice")
# The demo school report is about Leila Haddad (consent on record); the other people in it are not.
THIRD_PARTIES = ("Sofia", "Rossi", "Daniel Okafor", "07700 900456", "21/06/2016", "Giulia")


@pytest.fixture(scope="module")
def demo_engine(detection, tmp_path_factory):
    """A Scanner over the demo register, built once for this module."""
    register = tmp_path_factory.mktemp("register") / "register.sqlite3"
    for kind in ("people", "consents", "agreements"):
        result = CliRunner().invoke(cli, ["--register", str(register), "register", "import", kind,
                                          str(DEMO / "register" / f"{kind}.csv")])
        assert result.exit_code == 0, result.output
    with Scanner(load_config(), detection=detection, register=register) as engine:
        yield engine


@pytest.fixture
def check(demo_engine):
    def run(*args: str):
        return CliRunner().invoke(cli, ["check", *REQUEST, *args], obj={"engine": demo_engine, "config_dir": None},
                                  catch_exceptions=False)

    return run


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "school_report.pdf"
    shutil.copy(DEMO / "documents" / "school_report.pdf", path)
    return path


def test_a_redact_decision_writes_a_verified_copy(check, report, tmp_path):
    before = hashlib.sha256(report.read_bytes()).hexdigest()
    result = check("--redact-to", str(tmp_path / "out"), str(report))
    assert result.exit_code == 3, result.output
    copy = tmp_path / "out" / "school_report.pdf"
    assert f"redacted copy: {copy} (verified; removed " in result.output
    assert hashlib.sha256(report.read_bytes()).hexdigest() == before
    with pymupdf.open(copy) as pdf:
        text = "".join(page.get_text() for page in pdf) + str(pdf.metadata)
    assert "Leila" in text or "B801200005001" in text  # what may be shared stays
    assert not [value for value in THIRD_PARTIES if value in text]
    result = check("--json", "--redact-to", str(tmp_path / "again"), str(report))
    redaction = json.loads(result.output)["record"]["redaction"]
    assert result.exit_code == 3 and redaction["verified"] and redaction["path"] == str(tmp_path / "again" / copy.name)


def test_a_copy_that_fails_verification_blocks_the_document(check, report, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_writer, "TEXT_MODE", pymupdf.PDF_REDACT_TEXT_NONE)  # a box over the text
    result = check("--json", "--redact-to", str(tmp_path / "out"), str(report))
    assert result.exit_code == 5
    decision = json.loads(result.output)["decision"]
    assert decision["action"] == "block" and decision["reviewer"] == "IG lead"
    assert decision["reasons"][-1]["rule"] == "R4"
    assert "could not be made safe to release" in decision["reasons"][-1]["text"]
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_documents_that_are_not_redacted_get_no_copy(check, tmp_path):
    result = check("--redact-to", str(tmp_path / "out"), str(DEMO / "documents" / "public_leaflet.txt"))
    assert result.exit_code == 0 and "redacted copy" not in result.output
    assert not (tmp_path / "out").exists()
