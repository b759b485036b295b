"""E-mail: headers, bodies, and attachments read as documents of their own, however deep."""
from __future__ import annotations

from email.message import EmailMessage

from scanner.extract import extract_bytes
from tests.fixtures_extract import assert_well_formed, codes, docx_bytes, eml_message, segment_of


def test_headers_and_plain_body():
    document = extract_bytes(eml_message().as_bytes(), "mail.eml")
    assert document.format == "eml"
    assert document.problems == ()
    for needle, where in [("Sender Sandeep", "From"), ("Recipient Rukhsana", "To"), ("Copy Cecilia", "Cc"),
                          ("Subject Saoirse", "Subject")]:
        segment = segment_of(document, needle)
        assert (segment.part, segment.where) == ("email_header", where)
    assert segment_of(document, "Body Benedikt").part == "body"


def test_encoded_headers_are_decoded():
    message = eml_message(subject="Réunion pour Zoë")
    document = extract_bytes(message.as_bytes(), "mail.eml")
    assert "Réunion pour Zoë" in document.text


def test_html_body_is_visible_text():
    message = eml_message()
    message.add_alternative("<html><body><p>HTML <b>Hilde</b> body</p><script>x()</script></body></html>",
                            subtype="html")
    document = extract_bytes(message.as_bytes(), "mail.eml")
    assert segment_of(document, "HTML Hilde body").where == "HTML message body"
    assert "x()" not in document.text


def test_attachment_nested_two_levels_is_read():
    inner = eml_message(subject="Inner Ifeoma", body="Forwarded message")
    inner.add_attachment(docx_bytes("Deep Dagny in a letter"), maintype="application",
                         subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename="letter.docx")
    inner.add_attachment(b"name,dob\r\nCsaba Nagy,01/02/2014\r\n", maintype="text", subtype="csv",
                         filename="list.csv")
    outer = eml_message(subject="Outer Oluwadamilare", body="See attached")
    outer.add_attachment(inner)
    document = extract_bytes(outer.as_bytes(), "outer.eml")
    assert document.problems == ()
    assert_well_formed(document)
    deep = segment_of(document, "Deep Dagny in a letter")
    assert deep.container == ("attached message 1.eml", "letter.docx")
    assert deep.where == "paragraph 1"
    row = segment_of(document, "Csaba Nagy,01/02/2014")
    assert (row.container, row.where) == (("attached message 1.eml", "list.csv"), "row 2")
    assert segment_of(document, "Inner Ifeoma").container == ("attached message 1.eml",)
    assert segment_of(document, "letter.docx").part == "file_name"


def test_attachment_that_cannot_be_read_is_opaque_content_naming_it():
    message = eml_message()
    message.add_attachment(b"\x89PNG\r\n\x1a\n" + bytes(64), maintype="image", subtype="png", filename="photo.png")
    message.add_attachment(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), maintype="application",
                           subtype="msword", filename="old.doc")
    document = extract_bytes(message.as_bytes(), "mail.eml")
    assert [(p.code, p.where) for p in document.problems] == [("opaque_content", "photo.png"),
                                                              ("opaque_content", "old.doc")]
    assert "Body Benedikt" in document.text


def test_empty_pdf_attachment_is_corrupt():
    message = eml_message()
    message.add_attachment(b"", maintype="application", subtype="pdf", filename="report.pdf")
    assert codes(extract_bytes(message.as_bytes(), "mail.eml")) == {"corrupt"}


def test_smime_and_pgp_encrypted_messages_are_encrypted():
    smime = EmailMessage()
    smime["From"] = "a@example.org"
    smime.set_content(b"\x30\x82encrypted", maintype="application", subtype="pkcs7-mime",
                      params={"smime-type": "enveloped-data"}, filename="smime.p7m")
    assert codes(extract_bytes(smime.as_bytes(), "smime.eml")) == {"encrypted"}
    pgp = (b"From: b@example.org\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"XX\"\r\n\r\n"
           b"--XX\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n"
           b"--XX\r\nContent-Type: application/octet-stream\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n--XX--\r\n")
    document = extract_bytes(pgp, "pgp.eml")
    assert codes(document) == {"encrypted"}
    assert "b@example.org" in document.text


def test_signature_part_is_not_an_unreadable_attachment():
    message = eml_message()
    message.add_attachment(b"\x30\x82sig", maintype="application", subtype="pkcs7-signature", filename="smime.p7s")
    assert extract_bytes(message.as_bytes(), "signed.eml").problems == ()
