"""Builders for extraction test files, made in memory with the same libraries real files come from.

All content is invented. The helpers at the bottom check what every test relies on: a
piece of text is found, and the Segment that holds it says where it came from.
"""
from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from email.message import EmailMessage

import docx
import openpyxl
import pymupdf
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from openpyxl.comments import Comment

from scanner.types import Document, Segment

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# --- Word ---------------------------------------------------------------------------------

def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    return _save(document)


def docx_with_hidden_content() -> bytes:
    """A letter with text in every place Word hides it: the tests look for each phrase."""
    document = docx.Document()
    core = document.core_properties
    core.author, core.last_modified_by = "Author Ashworth", "Editor Eze"
    core.title, core.subject, core.keywords, core.comments = "Title Tamsin", "Subject Sunita", "Keyword Kofi", "Remark Rhys"
    section = document.sections[0]
    section.header.paragraphs[0].text = "Header Hamid"
    section.footer.paragraphs[0].text = "Footer Fenella"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "First page header Farah"
    document.add_paragraph("Body Bartholomew")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 1).text = "Cell Catalina"
    commented = document.add_paragraph("Commented Constance")
    document.add_comment(commented.runs, text="Comment Cormac", author="Reviewer Roisin", initials="RR")
    changed = document.add_paragraph("The quick brown fox jumped over the lazy brown ")
    changed._p.append(parse_xml(f'<w:del {W_NS} w:id="1" w:author="Tracker Tomas"><w:r><w:delText>frog</w:delText></w:r></w:del>'))
    changed._p.append(parse_xml(f'<w:ins {W_NS} w:id="2" w:author="Tracker Tomas"><w:r><w:t>dog Inserted Imogen</w:t></w:r></w:ins>'))
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(
        f'<w:sdt {W_NS}><w:sdtContent><w:p><w:r><w:t>Control Cosima</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    document.add_paragraph()._p.append(parse_xml(_TEXT_BOX))
    noted = document.add_paragraph("Noted Nadia")
    noted._p.append(parse_xml(f'<w:r {W_NS}><w:footnoteReference w:id="1"/></w:r>'))
    _add_part(document.part, "/word/footnotes.xml", CT.WML_FOOTNOTES, _FOOTNOTES, RT.FOOTNOTES)
    _add_part(document.part.package, "/docProps/custom.xml", CT.OFC_CUSTOM_PROPERTIES, _CUSTOM, RT.CUSTOM_PROPERTIES)
    for part in document.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = part.blob.replace(b"</Properties>", b"<Company>Company Calloway</Company>"
                                                               b"<Manager>Manager Mbeki</Manager></Properties>")
    return _save(document)


def docx_with_embedding(name: str, data: bytes) -> bytes:
    document = docx.Document()
    document.add_paragraph("See the embedded object.")
    _add_part(document.part, f"/word/embeddings/{name}", "application/octet-stream", data, RT.OLE_OBJECT)
    return _save(document)


def encrypted_office_bytes() -> bytes:
    """What Word and Excel write when a password is set: an OLE2 file with an EncryptedPackage stream."""
    return OLE2_MAGIC + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(1000)


def _add_part(source, partname: str, content_type: str, blob: bytes, reltype: str) -> None:
    package = source if hasattr(source, "iter_parts") else source.package
    source.relate_to(Part(PackURI(partname), content_type, blob, package), reltype)


def _save(document) -> bytes:
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


_TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Text box Tobias</w:t></w:r></w:p>'
    '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Text box Tobias</w:t></w:r></w:p>'
    '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
)
_FOOTNOTES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {W_NS}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>Footnote Fiifi</w:t></w:r></w:p></w:footnote></w:footnotes>'
).encode()
_CUSTOM = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Client">'
    '<vt:lpwstr>Custom Consuelo</vt:lpwstr></property></Properties>'
).encode()


# --- PDF ----------------------------------------------------------------------------------

def pdf_bytes(*pages: str, **save_options) -> bytes:
    document = pymupdf.open()
    for text in pages:
        document.new_page().insert_text((72, 72), text, fontsize=11)
    return document.tobytes(**save_options)


def pdf_with_hidden_content(attachment: bytes = b"Attached Aurelio", attachment_name: str = "notes.txt") -> bytes:
    document = pymupdf.open()
    page = document.new_page()
    page.insert_text((72, 72), "Page text Petronella", fontsize=11)
    page.add_text_annot((72, 120), "Annotation Anselm")
    widget = pymupdf.Widget()
    widget.field_name, widget.field_type = "child_name", pymupdf.PDF_WIDGET_TYPE_TEXT
    widget.field_value, widget.rect = "Field Florentyna", pymupdf.Rect(72, 200, 300, 220)
    page.add_widget(widget)
    document.set_metadata({"author": "Meta Mahmoud", "title": "Meta title Thandiwe"})
    document.embfile_add(attachment_name, attachment, filename=attachment_name)
    return document.tobytes()


def pdf_with_image_page(text_on_first_page: str = "Cover page Cressida") -> bytes:
    """Page 1 has text; page 2 is a 'scan': an image and no text layer; page 3 is blank."""
    document = pymupdf.open()
    document.new_page().insert_text((72, 72), text_on_first_page, fontsize=11)
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    pixmap.clear_with(200)
    document.new_page().insert_image(pymupdf.Rect(72, 72, 400, 400), pixmap=pixmap)
    document.new_page()
    return document.tobytes()


# --- Excel --------------------------------------------------------------------------------

def xlsx_bytes() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Children"
    sheet["A1"], sheet["B4"] = "Name", "Cell Cuthbert"
    sheet["C4"] = 9434765919.0
    sheet["D4"] = __import__("datetime").datetime(2015, 3, 14)
    sheet["B4"].comment = Comment("Comment Chiamaka", "Author Agnieszka")
    sheet.oddHeader.center.text = "Header Hortensia"
    hidden = workbook.create_sheet("Secret")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "Hidden Hyacinth"
    workbook.properties.creator = "Creator Kaito"
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


# --- E-mail -------------------------------------------------------------------------------

def eml_message(subject: str = "Subject Saoirse", body: str = "Body Benedikt") -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Sender Sandeep <sandeep@example.org>"
    message["To"] = "Recipient Rukhsana <rukhsana@example.com>"
    message["Cc"] = "Copy Cecilia <cecilia@example.net>"
    message["Subject"] = subject
    message.set_content(body)
    return message


# --- Zip ----------------------------------------------------------------------------------

def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return stream.getvalue()


def with_member(data: bytes, name: str, content: bytes) -> bytes:
    """A copy of a zip (or Office package) with one more member."""
    return _copy_zip(data, lambda _, member: member, extra={name: content})


def rewrite_member(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """A copy of a zip (or Office package) with one member's bytes changed; the change must bite."""
    def apply(member_name: str, member: bytes) -> bytes:
        if member_name != name:
            return member
        changed = change(member)
        assert changed != member, f"{name} was not changed"
        return changed
    return _copy_zip(data, apply)


def _copy_zip(data: bytes, change: Callable[[str, bytes], bytes], extra: dict[str, bytes] | None = None) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, change(info.filename, source.read(info)))
        for name, content in (extra or {}).items():
            target.writestr(name, content)
    return stream.getvalue()


def patch_zip(data: bytes, member: int, *, flags: int | None = None, size: int | None = None,
              offset: int | None = None) -> bytes:
    """Rewrite fields of one member's headers, as a hostile tool would (local and central)."""
    raw = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        central = archive.start_dir
    local_at = infos[member].header_offset
    for _ in range(member):
        central += 46 + sum(struct.unpack_from("<HHH", raw, central + 28))
    if flags is not None:
        struct.pack_into("<H", raw, local_at + 6, flags)
        struct.pack_into("<H", raw, central + 8, flags)
    if size is not None:
        struct.pack_into("<I", raw, local_at + 22, size)
        struct.pack_into("<I", raw, central + 24, size)
    if offset is not None:
        struct.pack_into("<I", raw, central + 42, offset)
    return bytes(raw)


# --- Checks -------------------------------------------------------------------------------

def segment_of(document: Document, needle: str) -> Segment:
    """The segment holding `needle`, which must appear in the text exactly once or more."""
    at = document.text.find(needle)
    assert at >= 0, f"{needle!r} not extracted; text was {document.text[:500]!r}"
    segment = document.segment_at(at)
    assert segment is not None and segment.end >= at + len(needle), f"{needle!r} is not inside one segment"
    return segment


def codes(document: Document) -> set[str]:
    return {problem.code for problem in document.problems}


def assert_well_formed(document: Document) -> None:
    """Segments are sorted, disjoint and inside the text; problems have a sentence each."""
    previous_end = 0
    for segment in document.segments:
        assert previous_end <= segment.start < segment.end <= len(document.text)
        previous_end = segment.end
    for problem in document.problems:
        assert problem.message.endswith(".") and len(problem.message) > 20, problem
