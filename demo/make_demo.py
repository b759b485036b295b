"""Write ShareGuard's demo documents into this folder: synthetic, about people who do not exist.

    .venv/bin/python demo/make_demo.py

Every identity is invented. Identifiers are the documented test values (NHS number
943 476 5919, UPN B801200005001), telephone numbers come from Ofcom's ranges reserved for
drama (07700 900xxx, 0161 496 0xxx), e-mail addresses use the reserved example.* domains,
and the postcodes use the unallocated "9ZZ" inward code. Running it twice gives the same
bytes: timestamps, zip dates, MIME boundaries and PDF IDs are all fixed.
"""
from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import docx
import openpyxl
import pymupdf
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

HERE = Path(__file__).resolve().parent / "documents"
FIXED_TIME = datetime(2026, 1, 12, 9, 30, 0)
ZIP_TIME = (2026, 1, 12, 9, 30, 0)
MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*")

CASE_NOTE = """\
CASE NOTE: HOME VISIT
OFFICIAL-SENSITIVE

Child: Leila Haddad
Date of birth: 14/03/2015
NHS number: 943 476 5919
UPN: B801200005001
Address: 27 Larch Close, Maidstone ME15 9ZZ
Parent: Nadia Haddad (mother), mobile 07700 900123, e-mail nadia.haddad@example.com
Social worker: Tomasz Kowalczyk
Case reference: CF-2026-00417

Visit on 12/01/2026 at 16:00. Leila was at home with her mother and her younger brother
Yusuf. The home was warm and clean and there was food in the kitchen. Leila showed me her
reading book and said she likes her new teacher.

Leila told me that she has a bruise on her arm because her mum's partner grabbed her when
she spilt a drink. I did not ask further questions and explained that I would need to share
what she told me to keep her safe. Nadia said the partner no longer stays at the house.

Actions: discuss with the team manager today; strategy discussion to be considered;
follow-up visit within five working days.
"""

PUBLIC_LEAFLET = """\
Worried about a child? Talk to us.

Our Children and Families Helpline is open Monday to Friday, 9am to 5pm.
Telephone: 0161 496 0123
E-mail: helpline@example.org
Out of hours, call the emergency duty team on 0161 496 0999.

You do not need to give your name. If a child is in immediate danger, call 999.

What happens when you call:
- a duty worker listens and writes down what you tell them;
- they decide with you what should happen next;
- you can ask for information in another language or in large print.

Our service follows the local safeguarding partnership's procedures and the
Working Together to Safeguard Children guidance.
"""

ATTENDANCE_CSV = (
    "pupil,year group,attendance %,unexplained absences\r\n"
    "Mateo García,5,88,4\r\n"
    "Chloe Nguyen,5,97,0\r\n"
    "Oluwaseun Adeyemi,5,91,2\r\n"
)


def main() -> None:
    HERE.mkdir(exist_ok=True)
    (HERE / "case_note_visit.txt").write_text(CASE_NOTE, encoding="utf-8", newline="\n")
    (HERE / "public_leaflet.txt").write_text(PUBLIC_LEAFLET, encoding="utf-8", newline="\n")
    (HERE / "referral_letter.docx").write_bytes(_fixed_zip(_referral_letter()))
    (HERE / "school_report.pdf").write_bytes(_school_report())
    (HERE / "email_with_attachment.eml").write_bytes(_email())
    (HERE / "contacts.xlsx").write_bytes(_fixed_zip(_contacts()))
    (HERE / "bundle.zip").write_bytes(_bundle())


def _referral_letter() -> bytes:
    document = docx.Document()
    core = document.core_properties
    core.author, core.last_modified_by, core.title = "Priya Raman", "Priya Raman", "Referral: Kwame Mensah"
    core.created = core.modified = FIXED_TIME
    core.revision = 1
    document.sections[0].header.paragraphs[0].text = "Referral for Kwame Mensah (DOB 02/09/2013) - OFFICIAL-SENSITIVE"
    document.add_heading("Referral to Children's Social Care", level=1)
    document.add_paragraph("Child: Kwame Mensah, date of birth 02/09/2013, Year 7 at Oakfield Academy.")
    lives = document.add_paragraph("Kwame lives with his mother, Abena Mensah, at 4 Quarry Road, Ashford TN23 9ZZ.")
    comment = document.add_comment(lives.runs, text="Check whether Abena knows about this referral.",
                                   author="Priya Raman", initials="PR")
    comment._comment_elm.set(qn("w:date"), "2026-01-12T09:30:00Z")
    concern = document.add_paragraph("Kwame has missed 11 days of school this term. ")
    _tracked_deletion(concern, "His father, Joseph Mensah, collects him on Fridays. ", "Priya Raman")
    concern.add_run("Staff have noticed that he often arrives hungry.")
    document.add_paragraph("Referrer: Priya Raman, Designated Safeguarding Lead, Oakfield Academy, 01632 960 118.")
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _tracked_deletion(paragraph, text: str, author: str) -> None:
    """Append a run of deleted text (w:del / w:delText), as Word does with changes tracked."""
    deletion = OxmlElement("w:del")
    deletion.set(qn("w:id"), "901")
    deletion.set(qn("w:author"), author)
    deletion.set(qn("w:date"), "2026-01-12T09:30:00Z")
    run = OxmlElement("w:r")
    deleted = OxmlElement("w:delText")
    deleted.set(qn("xml:space"), "preserve")
    deleted.text = text
    run.append(deleted)
    deletion.append(run)
    paragraph._p.append(deletion)


def _school_report() -> bytes:
    document = pymupdf.open()
    pages = [
        "Oakfield Primary School - End of Term Report\n\nPupil: Sofia Rossi\nDate of birth: 21/06/2016\n"
        "Class: 4B   Teacher: Mr Daniel Okafor\nUPN: B801200005001\n\nReading: Sofia reads fluently and "
        "enjoys chapter books.\nMathematics: secure with times tables up to 8.",
        "Attendance: 94%\n\nWellbeing: Sofia has settled well after moving from Leeds. She sees the school "
        "nurse weekly for her asthma.\n\nParent contact: Giulia Rossi, 07700 900456.",
    ]
    for text in pages:
        page = document.new_page()
        page.insert_textbox(pymupdf.Rect(56, 56, 540, 780), text, fontsize=11)
    document.set_metadata({"author": "Daniel Okafor", "title": "Report - Sofia Rossi", "producer": "ShareGuard demo",
                           "creator": "ShareGuard demo", "creationDate": "D:20260112093000", "modDate": "D:20260112093000"})
    return document.tobytes(garbage=4, deflate=True, no_new_id=True)


def _email() -> bytes:
    message = EmailMessage()
    message["From"] = "Hannah Lindqvist <h.lindqvist@oakfield.example.org>"
    message["To"] = "Front Door <frontdoor@council.example.gov.uk>"
    message["Subject"] = "Attendance concerns, class 5C"
    message["Date"] = "Mon, 12 Jan 2026 09:30:00 +0000"
    message["Message-ID"] = "<demo-0001@oakfield.example.org>"
    message.set_content("Hello,\n\nPlease find attached the attendance figures for the three pupils we discussed. "
                        "Mateo's mother, Lucía García, has asked for a meeting.\n\nHannah Lindqvist\nAttendance Officer\n")
    message.add_attachment(ATTENDANCE_CSV.encode("utf-8"), maintype="text", subtype="csv", filename="attendance.csv")
    message.set_boundary("==demo-boundary-0001==")
    return message.as_bytes(policy=SMTP)


def _contacts() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.properties.creator = "Tomasz Kowalczyk"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    sheet = workbook.active
    sheet.title = "Contacts"
    sheet.append(["Name", "Role", "Mobile", "E-mail"])
    for row in (
        ("Nadia Haddad", "Parent", "07700 900123", "nadia.haddad@example.com"),
        ("Abena Mensah", "Parent", "07700 900789", "abena.mensah@example.net"),
        ("Giulia Rossi", "Parent", "07700 900456", "giulia.rossi@example.org"),
        ("Tomasz Kowalczyk", "Social worker", "07700 900321", "t.kowalczyk@council.example.gov.uk"),
    ):
        sheet.append(row)
    hidden = workbook.create_sheet("Notes")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "Do not contact Joseph Mensah directly (see case note)."
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _bundle() -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name in ("case_note_visit.txt", "referral_letter.docx"):
            bundle.writestr(zipfile.ZipInfo(name, ZIP_TIME), (HERE / name).read_bytes(), zipfile.ZIP_DEFLATED)
    return stream.getvalue()


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite an Office package with fixed dates (members, and the "modified" property that
    openpyxl sets to now on every save), so the output does not change from run to run."""
    stream = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = MODIFIED.sub(rb"\g<1>2026-01-12T09:30:00Z", content)
            target.writestr(zipfile.ZipInfo(info.filename, ZIP_TIME), content, zipfile.ZIP_DEFLATED)
    return stream.getvalue()


if __name__ == "__main__":
    main()
