"""Decide a file's real format from its content first and its name second.

A file whose name and content disagree is read as what its content is (a PDF renamed .docx
is a PDF); content that is none of the supported formats becomes a problem, never text
read as if it were clean.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from scanner.extract.context import CORRUPT, ENCRYPTED, UNKNOWN_FORMAT

SUPPORTED = ("txt", "md", "html", "docx", "pdf", "eml", "csv", "xlsx", "zip")

BY_EXTENSION = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".csv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".eml": "eml", ".mht": "eml", ".mhtml": "eml",
    ".docx": "docx", ".xlsx": "xlsx", ".zip": "zip", ".pdf": "pdf",
}
BINARY_FORMATS = {"docx": "Word document", "xlsx": "Excel workbook", "zip": "zip archive", "pdf": "PDF"}

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
# Content we recognise but cannot read; naming it makes the problem message useful.
OTHER_MAGICS = (
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x78\x9f\x3e\x22", "an Outlook TNEF (winmail.dat) file"),
    (b"-----BEGIN PGP", "a PGP-encrypted file"),
)
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:")
_MAIL_HEADERS = {b"from", b"to", b"subject", b"date", b"mime-version", b"received", b"return-path",
                 b"message-id", b"delivered-to", b"reply-to", b"sender"}


@dataclass(frozen=True)
class Sniffed:
    """A format ShareGuard will read the file as, or the problem that stops it being read."""

    format: str
    problem: tuple[str, str] | None = None


def detect(data: bytes, name: str) -> Sniffed:
    """The format to read `data` as: magic bytes decide, then the extension of `name`."""
    extension = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    by_name = BY_EXTENSION.get(extension)
    head = data[:1024]
    if _is_pdf(head, by_name):
        return Sniffed("pdf")
    if head.startswith(ZIP_MAGICS):
        return _zip_family(data, by_name)
    if head.startswith(OLE2_MAGIC):
        return _ole2(data, by_name)
    for magic, label in OTHER_MAGICS:
        if head.startswith(magic):
            return Sniffed("unknown", (UNKNOWN_FORMAT, f"The file is {label}, a format ShareGuard cannot read."))
    if by_name in BINARY_FORMATS:
        if not data:
            return Sniffed(by_name)
        label = BINARY_FORMATS[by_name]
        return Sniffed(by_name, (CORRUPT, f"The file is named {extension} but its content is not a {label}."))
    if by_name:
        return Sniffed(by_name)
    if not extension:
        return Sniffed(_extensionless_text(head))
    return Sniffed("unknown", (UNKNOWN_FORMAT, f"ShareGuard cannot read '{extension}' files."))


def _is_pdf(head: bytes, by_name: str | None) -> bool:
    """`%PDF-` at the start, or after a little junk (a BOM, a mail gateway's banner line)."""
    at = head.find(b"%PDF-")
    return at == 0 or (at > 0 and (by_name == "pdf" or b"\n" not in head[:at]))


def _zip_family(data: bytes, by_name: str | None) -> Sniffed:
    """A zip may be a Word or Excel package, another packaged format, or a plain archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # Broken: let the reader the name points to say so.
        return Sniffed(by_name if by_name in ("docx", "xlsx") else "zip")
    if not names and by_name in ("docx", "xlsx"):
        return Sniffed(by_name, (CORRUPT, f"The file is an empty zip archive, not a {BINARY_FORMATS[by_name]}."))
    if any(n.startswith("word/") for n in names):
        return Sniffed("docx")
    if "xl/workbook.bin" in names:
        return Sniffed("unknown", (UNKNOWN_FORMAT, "The file is an Excel binary workbook (.xlsb), which ShareGuard cannot read."))
    if any(n.startswith("xl/") for n in names):
        return Sniffed("xlsx")
    if any(n.startswith("ppt/") for n in names):
        return Sniffed("unknown", (UNKNOWN_FORMAT, "The file is a PowerPoint presentation, which ShareGuard cannot read."))
    if names and names[0] == "mimetype":
        return Sniffed("unknown", (UNKNOWN_FORMAT, "The file is a packaged document (such as OpenDocument), which ShareGuard cannot read."))
    if "[Content_Types].xml" in names:
        return Sniffed("unknown", (UNKNOWN_FORMAT, "The file is an Office document of a kind ShareGuard cannot read."))
    return Sniffed("zip")


def _ole2(data: bytes, by_name: str | None) -> Sniffed:
    """OLE2 holds either a password-protected Word/Excel file or a legacy .doc/.xls/.msg."""
    fmt = by_name if by_name in ("docx", "xlsx") else "unknown"
    if "EncryptedPackage".encode("utf-16-le") in data:
        return Sniffed(fmt, (ENCRYPTED, "The document is password-protected, so its content cannot be checked."))
    return Sniffed(fmt, (UNKNOWN_FORMAT, "The file is a legacy Office file (such as .doc, .xls or .msg), which ShareGuard cannot read."))


def _extensionless_text(head: bytes) -> str:
    """A file without extension: an e-mail if it starts with mail headers, else HTML or text."""
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "eml" if looks_like_email(head) else "txt"


def looks_like_email(head: bytes) -> bool:
    """RFC 822: the first lines are header fields, and at least one is a mail header."""
    names = set()
    for line in head.splitlines()[:40]:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            continue
        if not _HEADER_LINE.match(line):
            return False
        names.add(line.split(b":", 1)[0].lower())
    return bool(names & _MAIL_HEADERS)
