"""A small invented archive for bulk-scan tests: nested folders, a Word letter, a zip, an e-mail
with an attachment, and poisoned files. File names are neutral on purpose: paths are kept in
the index as they are, and the tests search the index's bytes for the people's names."""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from tests.fixtures_extract import docx_bytes, eml_message, pdf_bytes, zip_bytes

# The people, and every way their data is written in the archive: none of it may be in the index.
JAYDEN = "Jayden Smith"
JAYDEN_NHS = "943 476 5919"
LEILA = "Leila Haddad"
LEILA_DOB = "14/02/2013"
ADAEZE = "Adaeze Okafor"
NGOZI = "Ngozi Eze"
NGOZI_UPN = "B801200005001"
SECRETS = (JAYDEN, "Jayden", JAYDEN_NHS, "9434765919", LEILA, "Leila", LEILA_DOB, "2013-02-14", ADAEZE, "Adaeze",
           NGOZI, "Ngozi", NGOZI_UPN, "Haddad", "Okafor")

VISIT = (f"Case note 12/03/2024. Home visit to {JAYDEN} at 14 Acacia Avenue, Leeds LS6 2AB. "
         f"NHS number {JAYDEN_NHS}. {JAYDEN} told me that dad hits him when he is drunk.\n")
REVIEW = (f"Review meeting. Leila (DOB: {LEILA_DOB}) attended with her aunt. Leila said she is happy at school. "
          "There were no marks or bruises seen.\n")
LEAFLET = "Our helpline is open from 9am to 5pm. We support families across Kent.\n"


@dataclass(frozen=True)
class Archive:
    root: Path
    documents: tuple[Path, ...]  # every file, as the scan should list it
    poisoned: tuple[Path, ...] = ()


def build(root: Path, poisoned: bool = False) -> Archive:
    """The archive under `root`; with `poisoned`, also a corrupt Word file, an encrypted PDF and a zip bomb."""
    files: dict[str, bytes] = {
        "2024/visits/note-001.txt": VISIT.encode(),
        "2024/visits/leaflet.txt": LEAFLET.encode(),
        "2023/reviews/deep/review-07.docx": docx_bytes("Minutes of the review.", REVIEW),
        "2023/bundle-3.zip": zip_bytes({"inner/letter.txt": f"Dear {ADAEZE}, thank you for your call.\n".encode(),
                                        "inner/pupil.docx": docx_bytes(f"Pupil {NGOZI}, UPN {NGOZI_UPN}.")}),
        "mail/message-5.eml": _mail(),
    }
    bad: dict[str, bytes] = {}
    if poisoned:
        bad = {
            "bad/broken.docx": docx_bytes(f"Some text about {ADAEZE}")[:3000],
            "bad/locked.pdf": pdf_bytes(f"Secret about {NGOZI}", encryption=pymupdf.PDF_ENCRYPT_AES_256,
                                        user_pw="pw", owner_pw="owner"),
            "bad/bomb.zip": zip_bytes({"zeros.txt": bytes(50 * 1024 * 1024)}, zipfile.ZIP_DEFLATED),
        }
    written = []
    for name, data in {**files, **bad}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return Archive(root, tuple(sorted(written)), tuple(sorted(root / n for n in bad)))


def _mail() -> bytes:
    message = eml_message(subject="Referral follow-up", body="Please see the attached minutes.")
    message.add_attachment(docx_bytes("Attached minutes.", REVIEW), maintype="application",
                           subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                           filename="minutes.docx")
    return message.as_bytes()


def notes(root: Path, count: int) -> list[Path]:
    """`count` short case notes in one folder, each naming a different invented child."""
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = root / f"note-{i:03d}.txt"
        path.write_text(f"Case note {i}. Visited Child{i:03d} Testname at home; NHS number {JAYDEN_NHS}. "
                        "The home was warm and tidy.\n" * 3, encoding="utf-8")
        paths.append(path)
    return paths
