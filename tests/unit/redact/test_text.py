"""Plain text, Markdown, HTML and CSV: replaced in place, written back the way they were written."""
from __future__ import annotations

from pathlib import Path

from scanner.redact import redact
from tests.unit.redact.helpers import NHS, assert_golden, assert_no_trace, config, outcome_for

VALUES = [("Maisie Clarke", "PERSON", "P-0008"), ("Maisie", "PERSON", "P-0008"), ("Tobias Grant", "PERSON", "P-0007"),
          ("Rose Smith", "PERSON", "U-1"), (NHS, "UK_NHS", "P-0008")]
NOTE = ("Case note, 12/03/2026\r\n"
        "Visited Maisie Clarke (NHS 943 476 5919) with her father Tobias Grant.\r\n"
        "Zoé, her cousin, and Amara Osei were there. ROSE SMITH, a neighbour, phoned.\r\n"
        "Maisie's NHS number again: 943-476-5919. Primrose Smithson is not Rose Smith.\r\n")


def _redact(tmp_path: Path, name: str, data: bytes, values=VALUES):  # noqa: ANN001
    source = tmp_path / name
    source.write_bytes(data)
    result = redact(outcome_for(source, values), source, tmp_path / "out", config())
    assert result.verified, result.problems
    assert source.read_bytes() == data
    return Path(result.path), result


def test_plain_text_keeps_its_encoding_and_line_endings(tmp_path):
    copy, result = _redact(tmp_path, "note.txt", NOTE.encode("cp1252"))
    data = copy.read_bytes()
    text = data.decode("cp1252")  # still Windows-1252: "é" is one byte
    assert "Zoé" in text and text.count("\r\n") == 4
    assert_golden("note.txt", text)
    assert_no_trace(copy, "Maisie", "Tobias", NHS)
    assert "Rose Smith" not in text and "ROSE SMITH" not in text
    assert "Primrose Smithson" in text  # not a mention
    assert result.removed == {"PERSON": 5, "UK_NHS": 2}


def test_markdown(tmp_path):
    copy, _ = _redact(tmp_path, "note.md", b"# Maisie Clarke\n\n*Maisie* lives with **Tobias Grant**.\n")
    assert copy.read_text() == "# [Child A]\n\n*[Child A]* lives with **[Adult B]**.\n"


def test_html_text_split_by_tags_attributes_and_entities(tmp_path):
    page = ("<html><head><title>Maisie Clarke</title><meta name=\"author\" content=\"Rose Smith\"></head><body>"
            "<p><b>Maisie</b> Clarke &amp; Amara Osei</p><a href=\"mailto:rose.smith@example.com\">Rose&nbsp;Smith</a>"
            "<img alt=\"Tobias Grant\" src=\"x.png\"><!-- Tobias Grant --></body></html>")
    values = VALUES + [("rose.smith@example.com", "EMAIL_ADDRESS", "U-1")]
    copy, _ = _redact(tmp_path, "page.html", page.encode(), values)
    assert_golden("page.html", copy.read_text())
    assert_no_trace(copy, "Maisie", "Clarke", "Tobias", "Rose Smith", "rose.smith")


def test_csv_cells(tmp_path):
    data = "name,nhs,friend\r\nMaisie Clarke,9434765919,Amara Osei\r\n\"Tobias Grant\",,\"Smith, Rose\"\r\n"
    values = [("Maisie Clarke", "PERSON", "P-0008"), ("9434765919", "UK_NHS", "P-0008"),
              ("Tobias Grant", "PERSON", "P-0007"), ("Smith, Rose", "PERSON", "U-1")]
    copy, _ = _redact(tmp_path, "list.csv", data.encode(), values)
    assert copy.read_bytes().decode() == ("name,nhs,friend\r\n[Child A],[NHS number],Amara Osei\r\n"
                                          "\"[Adult B]\",,\"[Person C]\"\r\n")
