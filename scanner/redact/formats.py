"""Which writer rewrites a file: chosen from its content, as extraction chose its reader.

A file inside another one (an attachment, a zip member, an embedded workbook) comes back
here, so every format is redacted by the same writer wherever it is found.
"""
from __future__ import annotations

from collections.abc import Callable

from scanner.extract.sniff import detect
from scanner.redact.archive import redact_zip
from scanner.redact.context import Job
from scanner.redact.docx import redact_docx
from scanner.redact.eml import redact_eml
from scanner.redact.pdf import redact_pdf
from scanner.redact.sheet import redact_csv, redact_xlsx
from scanner.redact.text import redact_html, redact_plain

Writer = Callable[[bytes, Job], bytes]
WRITERS: dict[str, Writer] = {
    "txt": redact_plain, "md": redact_plain, "html": redact_html, "csv": redact_csv, "eml": redact_eml,
    "docx": redact_docx, "xlsx": redact_xlsx, "pdf": redact_pdf, "zip": redact_zip,
}


def redact_bytes(data: bytes, name: str, job: Job) -> bytes:
    """The redacted bytes of a file named `name`; raises CannotRedact if it cannot be redacted."""
    sniffed = detect(data, name)
    if sniffed.problem:
        job.fail(sniffed.problem[1].rstrip(".").replace("ShareGuard cannot read", "ShareGuard cannot redact"))
    writer = WRITERS.get(sniffed.format)
    if writer is None:
        job.fail("ShareGuard cannot redact files of this kind")
    if sniffed.format == "zip" and job.refuse_archives:
        job.fail("archives are not redacted (config/redaction.yaml: archives: refuse)")
    return writer(data, job)
