"""Who a dropped file is for: its folders, a sidecar, an e-mail's addresses."""
from __future__ import annotations

from pathlib import Path

import pytest

from scanner.config import load_config
from scanner.watch.request import CHANNEL, from_path, resolve

RECIPIENTS = load_config().recipients
MAIL = """From: worker@childrenandfamilies.org.uk
To: Front Door <frontdoor@kent.gov.uk>, "A. Teacher" <dsl@school.kent.sch.uk>
Cc: someone@kent.police.uk, frontdoor2@kent.gov.uk
Subject: update

Hello.
"""


@pytest.mark.parametrize("relative, expected", [
    ("kent-front-door/early-help/note.txt", ("kent-front-door", "early-help")),
    ("kent-front-door/note.txt", ("kent-front-door", None)),
    ("note.txt", (None, None)),
    ("kent-front-door/early-help/case 12/note.txt", ("kent-front-door", "early-help")),
    ("Jayden Smith/early-help/note.txt", (None, "early-help")),  # a folder name that is not an id
])
def test_from_path(relative, expected):
    assert from_path(Path(relative)) == expected


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_the_path_gives_the_request(tmp_path):
    note = _file(tmp_path, "note.txt", "x")
    resolved = resolve(Path("kent-front-door/early-help/note.txt"), note, None, RECIPIENTS)
    assert resolved.problem is None
    [request] = resolved.requests
    assert (request.recipient, request.purpose, request.channel) == ("kent-front-door", "early-help", CHANNEL)


def test_a_sidecar_overrides_the_path(tmp_path):
    note = _file(tmp_path, "note.txt", "x")
    sidecar = _file(tmp_path, "side.yaml", "recipient: kent-police\npurpose: strategy-discussion\n"
                                           "sender: jholt\nconsent_not_sought: prejudice\n")
    [request] = resolve(Path("kent-front-door/early-help/note.txt"), note, sidecar, RECIPIENTS).requests
    assert (request.recipient, request.purpose, request.sender, request.consent_not_sought) == (
        "kent-police", "strategy-discussion", "jholt", "prejudice")


@pytest.mark.parametrize("text, says", [
    ("recipient: ../../etc\n", "recipient: Value error, an id is lower-case letters"),
    ("purpose: /etc/passwd\n", "purpose: Value error"),
    ("recipient: kent-police\nto: everyone\n", "to: Extra inputs are not permitted"),
    ("consent_not_sought: because\n", "consent_not_sought"),
    ("- a list\n", "expected keys such as recipient"),
    ("recipient: [unclosed\n", "not valid YAML"),
])
def test_an_unusable_sidecar_holds_the_file(tmp_path, text, says):
    note = _file(tmp_path, "note.txt", "x")
    sidecar = _file(tmp_path, "side.yaml", text)
    resolved = resolve(Path("kent-front-door/early-help/note.txt"), note, sidecar, RECIPIENTS)
    assert resolved.problem is not None and says in resolved.problem.message
    assert "sidecar (note.txt.share.yaml)" in resolved.problem.message


def test_a_sidecar_that_is_a_link_is_not_followed(tmp_path):
    note = _file(tmp_path, "note.txt", "x")
    (tmp_path / "side.yaml").symlink_to(_file(tmp_path, "elsewhere.yaml", "recipient: kent-police\n"))
    resolved = resolve(Path("note.txt"), note, tmp_path / "side.yaml", RECIPIENTS)
    assert resolved.problem is not None and "cannot be read" in resolved.problem.message


def test_an_email_is_for_every_address_it_names(tmp_path):
    mail = _file(tmp_path, "mail.eml", MAIL)
    resolved = resolve(Path("update.eml"), mail, None, RECIPIENTS)
    assert resolved.problem is None
    assert resolved.recipients == ("kent-front-door", "school-dsl", "kent-police")
    assert resolved.primary == "kent-front-door"


def test_an_email_to_an_unknown_domain_names_that_domain(tmp_path):
    mail = _file(tmp_path, "mail.eml", MAIL.replace("someone@kent.police.uk", "reporter@gmail.com"))
    resolved = resolve(Path("x/early-help/update.eml"), mail, None, RECIPIENTS)
    assert "gmail.com" in resolved.recipients
    assert all(r.purpose == "early-help" for r in resolved.requests)


def test_the_folder_recipient_comes_first_and_the_email_adds_to_it(tmp_path):
    mail = _file(tmp_path, "mail.eml", "To: someone@kent.police.uk\n\nHello.\n")
    resolved = resolve(Path("our-dsl/strategy-discussion/update.eml"), mail, None, RECIPIENTS)
    assert resolved.recipients == ("our-dsl", "kent-police")


def test_no_recipient_at_all_is_one_request_without_one(tmp_path):
    note = _file(tmp_path, "note.txt", "x")
    [request] = resolve(Path("note.txt"), note, None, RECIPIENTS).requests
    assert request.recipient is None and request.purpose is None
