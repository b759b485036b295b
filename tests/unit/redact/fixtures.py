"""Generated files to redact, one per format, each holding the names in every place that format
hides them. Invented people only (see helpers.py)."""
from __future__ import annotations

import io
import zipfile
from datetime import datetime
from email.message import EmailMessage

import docx
import openpyxl
import pymupdf
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_letter() -> bytes:
    document = docx.Document()
    core = document.core_properties
    core.author, core.last_modified_by, core.title = "Rose Smith", "Tobias Grant", "Referral about Maisie Clarke"
    section = document.sections[0]
    section.header.paragraphs[0].text = "Case of Maisie Clarke"
    section.footer.paragraphs[0].text = "NHS 943 476 5919"
    split = document.add_paragraph("Referral: ")
    split.add_run("Mai").bold = True
    split.add_run("sie Cla").italic = True
    tail = split.add_run("rke")
    tail.font.highlight_color = WD_COLOR_INDEX.YELLOW
    split.add_run(" lives with Amara Osei.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Neighbour", "Rose Smith"
    commented = document.add_paragraph("ROSE SMITH called on Monday; NHS number 9434765919.")
    document.add_comment(commented.runs, text="Ask Tobias Grant about this", author="Rose Smith", initials="RS")
    changed = document.add_paragraph("Visited by ")
    changed._p.append(parse_xml(f'<w:del {W_NS} w:id="91" w:author="Editor"><w:r><w:delText>Tobias Grant</w:delText>'
                                '</w:r></w:del>'))
    changed._p.append(parse_xml(f'<w:ins {W_NS} w:id="92" w:author="Editor"><w:r><w:t>the social worker and Maisie'
                                '</w:t></w:r></w:ins>'))
    noted = document.add_paragraph("See the note.")
    noted._p.append(parse_xml(f'<w:r {W_NS}><w:footnoteReference w:id="1"/></w:r>'))
    _add_part(document.part, "/word/footnotes.xml", CT.WML_FOOTNOTES, _FOOTNOTES, RT.FOOTNOTES)
    _add_part(document.part.package, "/docProps/custom.xml", CT.OFC_CUSTOM_PROPERTIES, _CUSTOM, RT.CUSTOM_PROPERTIES)
    document.add_paragraph("Amara Osei's teacher is pleased.")
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _add_part(source, partname: str, content_type: str, blob: bytes, reltype: str) -> None:
    package = source if hasattr(source, "iter_parts") else source.package
    source.relate_to(Part(PackURI(partname), content_type, blob, package), reltype)


_FOOTNOTES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {W_NS}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>Source: Tobias </w:t></w:r><w:r><w:t>Grant</w:t></w:r></w:p></w:footnote>'
    '</w:footnotes>'
).encode()
_CUSTOM = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Client">'
    '<vt:lpwstr>Maisie Clarke</vt:lpwstr></property></Properties>'
).encode()
XMP = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Rose Smith</dc:creator>'
       '</rdf:Description></rdf:RDF></x:xmpmeta>')


def pdf_report() -> bytes:
    document = pymupdf.open()
    page = document.new_page()
    page.insert_text((72, 72), "School report for Maisie Clarke (NHS 943 476 5919)", fontsize=11)
    page.insert_text((72, 90), "Amara Osei and Maisie sat together. Her mother's friend, Rose", fontsize=11)
    page.insert_text((72, 104), "Smith, collects her on Fridays.", fontsize=11)
    page.add_text_annot((300, 300), "Check with Tobias Grant").set_info(title="Rose Smith")
    widget = pymupdf.Widget()
    widget.field_name, widget.field_type = "parent", pymupdf.PDF_WIDGET_TYPE_TEXT
    widget.field_value, widget.rect = "Tobias Grant", pymupdf.Rect(72, 200, 300, 220)
    page.add_widget(widget)
    document.new_page().insert_text((72, 72), "Page two: ROSE SMITH signed. Amara Osei stays.", fontsize=11)
    document.set_metadata({"author": "Rose Smith", "title": "Report on Maisie Clarke"})
    document.set_xml_metadata(XMP)
    document.embfile_add("contacts.txt", b"Tobias Grant 07700 900456", filename="contacts.txt")
    return document.tobytes()


def xlsx_register() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Maisie"
    sheet.append(["Name", "NHS number", "Date of birth", "Friend"])
    sheet.append(["Maisie Clarke", 9434765919, datetime(2015, 3, 14), "Amara Osei"])
    sheet["A3"] = CellRichText([TextBlock(InlineFont(b=True), "Rose "), TextBlock(InlineFont(i=True), "Smith")])
    sheet["A2"].comment = Comment("Tobias Grant phoned", "Rose Smith")
    sheet.oddHeader.center.text = "Maisie Clarke"
    hidden = workbook.create_sheet("Notes")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "Tobias Grant is her father"
    workbook.properties.creator = "Rose Smith"
    workbook.properties.title = "Register for Maisie Clarke"
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def eml_referral() -> bytes:
    message = EmailMessage()
    message["From"] = "Rose Smith <rose.smith@example.com>"
    message["To"] = "Front Door <frontdoor@example.gov.uk>"
    message["Cc"] = "Tobias Grant <t.grant@example.net>, Amara Osei <amara@example.org>"
    message["Subject"] = "Maisie Clarke - referral"
    message.set_content("Dear team,\nMaisie Clarke (NHS 943 476 5919) was seen with Amara Osei.\nRose Smith\n")
    message.add_alternative("<p><b>Maisie</b> Clarke was seen. <a href='mailto:rose.smith@example.com'>Rose&nbsp;"
                            "Smith</a></p>", subtype="html")
    message.add_attachment(docx_letter(), maintype="application",
                           subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                           filename="Maisie Clarke letter.docx")
    forwarded = EmailMessage()
    forwarded["From"] = "Tobias Grant <t.grant@example.net>"
    forwarded["Subject"] = "About Maisie"
    forwarded.set_content("I am Maisie's father, Tobias Grant.\n")
    forwarded.add_attachment(b"name,nhs\r\nMaisie Clarke,9434765919\r\n", maintype="text", subtype="csv",
                             filename="list.csv")
    message.add_attachment(forwarded)
    return message.as_bytes()


def zip_bundle() -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Maisie Clarke/notes.txt", "Notes on Maisie Clarke by Rose Smith.\n")
        archive.writestr("letter.docx", docx_letter())
        archive.writestr("readme.txt", "Amara Osei's folder.\n")
    return stream.getvalue()
