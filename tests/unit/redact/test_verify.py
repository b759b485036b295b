"""The verifier fails every bad redaction it is shown, each where it hides the value.

Each case is a copy that *looks* redacted in some way but still holds "Rose Smith" (or the
NHS number) somewhere: under a black box, in a tracked change, a comment, a property, a
header, an earlier revision of a PDF, a part no reader shows. The verifier must fail it.
"""
from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

import docx
import openpyxl
import pymupdf
import pytest
from docx.oxml import parse_xml
from openpyxl.comments import Comment

from scanner.redact.match import Matcher, Target
from scanner.redact.verify import verify
from tests.unit.redact.fixtures import W_NS, XMP

MATCHER = Matcher([Target("Rose Smith", "PERSON", "U-1", "[Person A]"),
                   Target("943 476 5919", "UK_NHS", None, "[NHS number]")])


def _docx(build) -> bytes:  # noqa: ANN001
    document = docx.Document()
    document.core_properties.author = ""
    document.add_paragraph("Letter about [Person A].")
    build(document)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _pdf(build, **save) -> bytes:  # noqa: ANN001, ANN003
    document = pymupdf.open()
    page = document.new_page()
    page.insert_text((72, 72), "Report on Rose Smith, NHS 943 476 5919.", fontsize=11)
    build(document, page)
    return document.tobytes(**save)


def box_over_text(document, page):  # noqa: ANN001
    for rect in page.search_for("Rose Smith") + page.search_for("943 476 5919"):
        page.draw_rect(rect, color=(0, 0, 0), fill=(0, 0, 0))


def pdf_metadata_only(document, page):  # noqa: ANN001
    _remove_text(page)
    document.set_metadata({"author": "Rose Smith"})


def pdf_xmp_only(document, page):  # noqa: ANN001
    _remove_text(page)
    document.set_xml_metadata(XMP)


def pdf_annotation_only(document, page):  # noqa: ANN001
    _remove_text(page)
    page.add_text_annot((200, 200), "Phone Rose Smith")


def _remove_text(page):  # noqa: ANN001
    for rect in page.search_for("Rose Smith") + page.search_for("943 476 5919"):
        page.add_redact_annot(rect, text="[x]")
    page.apply_redactions()


def pdf_incremental_save(tmp_path: Path) -> bytes:
    """Redacted properly, then saved incrementally: the old page content stays in the file's bytes."""
    path = tmp_path / "incremental.pdf"
    path.write_bytes(_pdf(lambda document, page: None))
    with pymupdf.open(path) as document:
        _remove_text(document[0])
        document.saveIncr()
    data = path.read_bytes()
    with pymupdf.open(stream=data) as reread:
        assert "Rose" not in reread[0].get_text()  # it looks clean to a reader
    return data


def pdf_superseded_stream(tmp_path: Path) -> bytes:
    """The page's content object rewritten in an incremental update: the object table points at
    the new version only, and the old one is still in the file, reachable by no reader."""
    path = tmp_path / "superseded.pdf"
    path.write_bytes(_pdf(lambda document, page: None, deflate=True))
    with pymupdf.open(path) as document:
        (content,) = document[0].get_contents()
        document.update_stream(content, b"BT /helv 11 Tf 72 770 Td (Report on [Person A].) Tj ET")
        document.saveIncr()
    return path.read_bytes()


def tracked_deletion(document):  # noqa: ANN001
    document.paragraphs[0]._p.append(parse_xml(
        f'<w:del {W_NS} w:id="1" w:author="A"><w:r><w:delText>Rose Smith</w:delText></w:r></w:del>'))


def comment(document):  # noqa: ANN001
    document.add_comment(document.paragraphs[0].runs, text="ask Rose Smith", author="Editor", initials="E")


def core_property(document):  # noqa: ANN001
    document.core_properties.title = "Rose Smith"


def header(document):  # noqa: ANN001
    document.sections[0].header.paragraphs[0].text = "Rose Smith"


def second_mention(document):  # noqa: ANN001
    document.add_paragraph("Later: ROSE\u00a0 SMITH and 9434765919.")


def split_runs(document):  # noqa: ANN001
    paragraph = document.add_paragraph("Signed: ")
    paragraph.add_run("Ro").bold = True
    paragraph.add_run("se Smi")
    paragraph.add_run("th")


def _docx_people_part() -> bytes:
    """Word's list of editors (word/people.xml): no reader shows it, only the bytes hold it."""
    return _with_member(_docx(lambda document: None), "word/people.xml",
                        b'<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
                        b'<w15:person w15:author="Rose Smith"/></w15:people>')


def _with_member(data: bytes, name: str, content: bytes) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr(name, content)
    return stream.getvalue()


def _xlsx_comment() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "[Person A]"
    workbook.active["A1"].comment = Comment("called Rose Smith", "Editor")
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _eml_attachment() -> bytes:
    message = EmailMessage()
    message["Subject"] = "Referral for [Person A]"
    message.set_content("See attached.")
    message.add_attachment(b"Contact: Rose Smith", maintype="application", subtype="octet-stream",
                           filename="contact.txt")
    return message.as_bytes()


CASES = {
    "box-over-text.pdf": (lambda tmp: _pdf(box_over_text), "still in its text (page 1)"),
    "metadata.pdf": (lambda tmp: _pdf(pdf_metadata_only), "still in its text (author)"),
    "xmp.pdf": (lambda tmp: _pdf(pdf_xmp_only), "still in its text (XMP metadata)"),
    "annotation.pdf": (lambda tmp: _pdf(pdf_annotation_only), "still in its text (page 1 Text note)"),
    "incremental.pdf": (pdf_incremental_save, "still in its bytes (incremental.pdf"),
    "superseded-stream.pdf": (lambda tmp: pdf_superseded_stream(tmp),
                              "still in its bytes (superseded-stream.pdf, stream at byte"),
    # Text removed from the page, but the file saved without collecting unused objects: the old
    # content stream is still in it, unreferenced.
    "no-garbage-collection.pdf": (lambda tmp: _pdf(lambda document, page: _remove_text(page)),
                                  "still in its bytes (no-garbage-collection.pdf > object 6"),
    "tracked-deletion.docx": (lambda tmp: _docx(tracked_deletion), "paragraph 1, tracked deletion"),
    "comment.docx": (lambda tmp: _docx(comment), "still in its text (comment by Editor)"),
    "core-property.docx": (lambda tmp: _docx(core_property), "still in its text (title)"),
    "header.docx": (lambda tmp: _docx(header), "still in its text (section 1 header)"),
    "second-mention.docx": (lambda tmp: _docx(second_mention), "still in its text (paragraph 2)"),
    "split-runs.docx": (lambda tmp: _docx(split_runs), "still in its text (paragraph 2)"),
    "people-part.docx": (lambda tmp: _docx_people_part(), "still in its bytes (people-part.docx > word/people.xml)"),
    "comment.xlsx": (lambda tmp: _xlsx_comment(), "still in its text (comment on Sheet!A1 by Editor)"),
    "attachment.eml": (lambda tmp: _eml_attachment(), "still in its text (contact.txt > text)"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_copy_that_still_holds_a_value_fails(tmp_path, name):
    build, expected = CASES[name]
    path = tmp_path / name
    path.write_bytes(build(tmp_path))
    result = verify(path, MATCHER)
    assert not result.ok
    assert any(expected in failure for failure in result.failures), result.failures
    assert not any("Rose" in failure or "943" in failure for failure in result.failures)  # labels, never values


def test_a_clean_copy_passes(tmp_path):
    path = tmp_path / "clean.pdf"
    path.write_bytes(_pdf(lambda document, page: _remove_text(page), garbage=4, deflate=True))
    assert verify(path, MATCHER).ok
    path = tmp_path / "clean.docx"
    path.write_bytes(_docx(lambda document: None))
    assert verify(path, MATCHER).ok


def test_the_detectors_run_again_over_the_copy(tmp_path):
    """An identifier of a removed type the values did not cover (written another way) fails the copy."""
    from scanner.types import PERSONAL_DATA, Finding

    class Detection:
        def detect(self, documents):  # noqa: ANN001, ANN202
            text = documents[0].text
            at = text.index("401 023 2137")
            return [(Finding(PERSONAL_DATA, "UK_NHS", at, at + 12, text[at:at + 12], 1.0, "uk_nhs", "checksum"),)]

    path = tmp_path / "note.txt"
    path.write_text("NHS [NHS number], and her brother's is 401 023 2137.\n")
    assert verify(path, MATCHER).ok
    result = verify(path, MATCHER, redact_types=("UK_NHS",), detection=Detection())
    assert result.failures == ("a UK_NHS is still in its text (text)",)
