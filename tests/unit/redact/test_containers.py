"""E-mail, Excel and zip: everything inside them, recursively."""
from __future__ import annotations

import email
import io
import zipfile
from dataclasses import replace
from email import policy
from pathlib import Path

import openpyxl
import pytest

from scanner.extract import extract_file
from scanner.redact import redact
from tests.unit.redact.fixtures import eml_referral, xlsx_register, zip_bundle
from tests.unit.redact.helpers import KEPT, NHS, assert_golden, assert_no_trace, config, outcome_for, sha256

VALUES = [("Maisie Clarke", "PERSON", "P-0008"), ("Maisie", "PERSON", "P-0008"), ("Tobias Grant", "PERSON", "P-0007"),
          ("Rose Smith", "PERSON", "U-1"), (NHS, "UK_NHS", "P-0008"), ("9434765919", "UK_NHS", "P-0008"),
          ("14/03/2015", "DATE_OF_BIRTH", "P-0008"), ("rose.smith@example.com", "EMAIL_ADDRESS", "U-1"),
          ("t.grant@example.net", "EMAIL_ADDRESS", "P-0007")]


def _redact(tmp_path: Path, name: str, data: bytes, cfg=None):  # noqa: ANN001
    source = tmp_path / name
    source.write_bytes(data)
    before = sha256(source)
    result = redact(outcome_for(source, VALUES), source, tmp_path / "out", cfg or config())
    assert sha256(source) == before
    return result


def test_email_headers_bodies_attachments_and_forwarded_messages(tmp_path):
    result = _redact(tmp_path, "referral.eml", eml_referral())
    assert result.verified, result.problems
    copy = Path(result.path)
    assert_no_trace(copy, "Maisie", "Clarke", "Tobias", "Rose Smith", "rose.smith", "t.grant", NHS)
    document = extract_file(copy)
    assert document.fully_readable and KEPT in document.text
    assert_golden("referral.eml.txt", document.text)
    message = email.message_from_bytes(copy.read_bytes(), policy=policy.default)
    assert message["From"].addresses[0].addr_spec == "redacted@redacted.invalid"
    assert [a.display_name for a in message["Cc"].addresses] == ["[Adult B]", "Amara Osei"]
    names = [part.get_filename() for part in message.walk() if part.get_filename()]
    assert names == ["[Child C] letter.docx", "list.csv"]
    assert result.cleaned["comments removed"] == 1  # inside the attached letter


def test_workbook_cells_numbers_dates_rich_text_comments_hidden_sheets_headers(tmp_path):
    result = _redact(tmp_path, "register.xlsx", xlsx_register())
    assert result.verified, result.problems
    copy = Path(result.path)
    assert_no_trace(copy, "Maisie", "Clarke", "Tobias", "Rose Smith", NHS, "2015-03-14")
    document = extract_file(copy)
    assert document.fully_readable and KEPT in document.text
    assert_golden("register.xlsx.txt", document.text)
    workbook = openpyxl.load_workbook(copy)
    assert workbook.sheetnames == ["Child B", "Notes"]  # a sheet named after her, renamed without brackets
    sheet = workbook["Child B"]
    assert [c.value for c in sheet[2]] == ["[Child B]", "[NHS number]", "[date of birth]", "Amara Osei"]
    assert sheet["A2"].comment is None and workbook["Notes"].sheet_state == "hidden"
    with zipfile.ZipFile(copy) as package:
        assert not [n for n in package.namelist() if "comment" in n or "vmlDrawing" in n]


def test_zip_members_and_their_names_are_redacted(tmp_path):
    result = _redact(tmp_path, "bundle.zip", zip_bundle())
    assert result.verified, result.problems
    copy = Path(result.path)
    assert_no_trace(copy, "Maisie", "Clarke", "Tobias", "Rose Smith", NHS)
    with zipfile.ZipFile(copy) as archive:
        assert archive.namelist() == ["[Child A]/notes.txt", "letter.docx", "readme.txt"]
        assert archive.read("[Child A]/notes.txt") == b"Notes on [Child A] by [Person B].\n"
        assert archive.read("readme.txt") == b"Amara Osei's folder.\n"


def test_zip_archives_can_be_refused_instead(tmp_path):
    cfg = config()
    refusing = replace(cfg, redaction=cfg.redaction.model_copy(update={"archives": "refuse"}))
    result = _redact(tmp_path, "bundle.zip", zip_bundle(), refusing)
    assert not result.verified
    assert result.problems == ("archives are not redacted (config/redaction.yaml: archives: refuse)",)


@pytest.mark.parametrize("member", ["photo.png"])
def test_a_member_that_cannot_be_redacted_fails_the_whole_archive(tmp_path, member):
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("notes.txt", "About Maisie Clarke.")
        archive.writestr(member, b"\x89PNG\r\n\x1a\n" + bytes(64))
    source = tmp_path / "mixed.zip"
    source.write_bytes(stream.getvalue())
    from scanner.types import Action, Decision, Outcome, ShareRequest

    outcome = Outcome(extract_file(source), ShareRequest(), Decision(Action.REDACT, (), redact_subjects=("P-0008",)))
    result = redact(outcome, source, tmp_path / "out", config())
    assert not result.verified
    assert result.problems == ("photo.png: The file is a PNG image, a format ShareGuard cannot redact",)
