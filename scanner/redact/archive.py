"""Zip archives: recursed into. Every member is redacted with its own format's writer.

Member names are redacted too ("Sofia Rossi referral.docx" → "[Child A] referral.docx"),
and the archive's comments are dropped. A member ShareGuard cannot redact fails the whole
archive: a copy with one member left as it was would not be a redacted copy. Setting
`archives: refuse` in config/redaction.yaml blocks every archive instead.
"""
from __future__ import annotations

import io
import zipfile

from scanner.redact.context import Job

_NOT_IN_NAMES = str.maketrans({c: "" for c in '\\:*?"<>|'})


def redact_zip(data: bytes, job: Job) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as target:
        infos = source.infolist()
        if sum(i.file_size for i in infos) > job.limits.max_total_bytes:
            job.fail("the archive unpacks to more than ShareGuard will rewrite")
        if source.comment:
            job.clean("archive comment removed")
        for info in infos:
            name = job.replace(info.filename, file_label)
            member = zipfile.ZipInfo(name, date_time=info.date_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            if info.is_dir():
                target.writestr(member, b"")
                continue
            target.writestr(member, job.redact_file(source.read(info), info.filename))
    return stream.getvalue()


def file_label(label: str) -> str:
    """A label as it may appear in a file name: no path separators or reserved characters."""
    return label.replace("/", "-").translate(_NOT_IN_NAMES)
