"""Which names in the outbox are requests, and the names files keep."""
from __future__ import annotations

from pathlib import Path

import pytest

from scanner.watch.layout import folder_for, ignored, safe_name, with_tag


@pytest.mark.parametrize("relative, skip", [
    ("kent-front-door/early-help/referral.docx", False),
    ("referral.docx", False),
    ("kent-front-door/early-help/~$referral.docx", True),  # Word's lock file
    ("kent-front-door/early-help/.~lock.referral.docx#", True),  # LibreOffice's
    ("kent-front-door/early-help/referral.docx.tmp", True),
    ("kent-front-door/early-help/report.pdf.part", True),
    ("kent-front-door/early-help/report.pdf.crdownload", True),
    ("kent-front-door/early-help/.hidden.txt", True),
    ("kent-front-door/.drafts/referral.docx", True),  # inside a hidden folder
    ("kent-front-door/early-help/referral.docx.share.yaml", True),  # a sidecar is read with its file
    ("kent-front-door/early-help/notes~", True),
])
def test_what_is_not_a_request(relative, skip):
    assert ignored(Path(relative)) is skip


@pytest.mark.parametrize("name, safe", [
    ("referral.docx", "referral.docx"),
    ("line\nbreak.txt", "line_break.txt"),
    ("bad-\udcff-bytes.txt", "bad-_-bytes.txt"),  # a name that is not UTF-8 (surrogate-escaped)
    ("..", "unnamed"),
    ("   ", "unnamed"),
])
def test_safe_name(name, safe):
    assert safe_name(name) == safe


def test_a_long_name_is_shortened_keeping_its_extension():
    name = safe_name("x" * 400 + ".docx")
    assert name.endswith(".docx") and len(name.encode()) <= 200


@pytest.mark.parametrize("recipient, folder", [
    ("kent-front-door", "kent-front-door"), (None, "unaddressed"), ("gmail.com", "unaddressed"),
    ("../etc", "unaddressed"), ("", "unaddressed"),
])
def test_folder_for(recipient, folder):
    assert folder_for(recipient) == folder


def test_with_tag():
    assert with_tag("referral.docx", "J-3") == "referral.J-3.docx"
    assert with_tag("README", "J-3") == "README.J-3"
    assert with_tag(".profile", "J-3") == ".profile.J-3"
