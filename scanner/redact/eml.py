"""E-mail (.eml, .mht): headers, bodies and attachments, forwarded messages included.

Addresses are rewritten as addresses, so the copy is still a valid message: a removed display
name becomes its label, a removed address becomes `redacted@redacted.invalid` (a reserved
domain that can never deliver). Text and HTML bodies are redacted as text; every attachment
goes through its own format's writer (a spreadsheet in a message in a message is redacted
like any other), and its file name is redacted too. A signature cannot survive a change to
what it signs, and it carries the signer's certificate, so it is removed. An encrypted part
cannot be read, so it cannot be redacted: failure.
"""
from __future__ import annotations

import base64
import email
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage

from scanner.redact.context import Job
from scanner.redact.text import redact_markup

REDACTED_ADDRESS = "redacted@redacted.invalid"
# Rewritten together with their part's content, not as headers.
PART_HEADERS = {"content-type", "content-transfer-encoding", "content-disposition", "mime-version", "content-id"}
SIGNATURE_TYPES = {"application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"}
ENCRYPTED_TYPES = {"multipart/encrypted", "application/pgp-encrypted", "application/pkcs7-mime",
                   "application/x-pkcs7-mime"}
BODY_TYPES = {"text/plain", "text/html"}


def redact_eml(data: bytes, job: Job) -> bytes:
    message = email.message_from_bytes(data, policy=policy.default)
    _headers(message, job)
    _part(message, job)
    linesep = "\r\n" if b"\r\n" in data[:8192] else "\n"
    return message.as_bytes(policy=policy.default.clone(linesep=linesep))


def _headers(part: EmailMessage, job: Job) -> None:
    """Rewrite each header holding a removed value, in place; one that cannot be rewritten is dropped."""
    items = [(name, value) for name, value in part.items() if name.lower() not in PART_HEADERS]
    rewritten = [(name, _header(value, job), str(value)) for name, value in items]
    changed = {name.lower() for name, new, old in rewritten if new != old}
    for name in changed:
        values = [new for n, new, _ in rewritten if n.lower() == name]
        try:
            if len(values) == 1:
                part.replace_header(name, values[0])  # keeps the header's place
                continue
            del part[name]
            for value in values:
                part[name] = value
        except (ValueError, TypeError, IndexError):
            del part[name]
            job.clean("e-mail headers removed (could not be rewritten)")


def _header(value: object, job: Job) -> str:
    addresses = getattr(value, "addresses", None)
    text = str(value)
    if not addresses or not job.matcher.search(text):
        return job.replace(text)
    rewritten = []
    for address in addresses:
        display = job.replace(address.display_name)
        spec = address.addr_spec
        hits = job.matcher.hits(spec)
        if hits:
            job.count(hits)
            display = display or hits[0].target.replacement
            spec = REDACTED_ADDRESS
        rewritten.append(str(Address(display_name=display, addr_spec=spec)))
    return ", ".join(rewritten)


def _part(part: EmailMessage, job: Job) -> None:
    content_type = part.get_content_type()
    if content_type in ENCRYPTED_TYPES:
        job.fail("the e-mail has an encrypted part, which cannot be read or redacted")
    if content_type == "message/rfc822":
        for number, inner in enumerate(part.get_payload(), start=1):
            inner_job = job.inside(f"attached message {number}")
            _headers(inner, inner_job)
            _part(inner, inner_job)
        return
    if part.is_multipart():
        _multipart(part, job)
        return
    filename = part.get_filename()
    # A multipart part that is not multipart lost its boundaries: its text is the body (as in extraction).
    is_body = content_type in BODY_TYPES or part.get_content_maintype() == "multipart"
    if is_body and not filename and part.get_content_disposition() != "attachment":
        _body(part, content_type, job)
    elif not (job.name.lower().endswith((".mht", ".mhtml")) and part.get_content_maintype() == "image"):
        _attachment(part, filename, job)  # (a saved web page's pictures are its layout, as in extraction)


def _multipart(part: EmailMessage, job: Job) -> None:
    inner = part.get_payload()
    kept = [p for p in inner if p.get_content_type() not in SIGNATURE_TYPES]
    if len(kept) < len(inner):
        part.set_payload(kept)
        if part.get_content_type() == "multipart/signed":
            part.set_type("multipart/mixed")
            for param in ("protocol", "micalg"):
                part.del_param(param)
        job.clean("signatures removed (the signed content changed)", len(inner) - len(kept))
    for sub in kept:
        _headers(sub, job)
        _part(sub, job)
    for attribute in ("preamble", "epilogue"):
        text = getattr(part, attribute)
        if text:
            setattr(part, attribute, job.replace(text))


def _body(part: EmailMessage, content_type: str, job: Job) -> None:
    try:
        text = part.get_content()
    except Exception:  # noqa: BLE001 - an odd charset, or a multipart that lost its boundaries
        payload = part.get_payload(decode=True) or b""
        text = payload.decode(part.get_content_charset() or "utf-8", errors="replace")
    if not isinstance(text, str):
        text = str(text)
    new = redact_markup(text, job) if content_type == "text/html" else job.replace(text)
    if new != text:
        subtype = part.get_content_subtype()
        if content_type not in BODY_TYPES:  # a broken multipart is written back as the plain text it was read as
            del part["Content-Type"]
            subtype = "plain"
        part.set_content(new, subtype=subtype, charset="utf-8")


def _attachment(part: EmailMessage, filename: str | None, job: Job) -> None:
    data = part.get_payload(decode=True) or b""
    name = filename or f"attachment.{part.get_content_subtype()}"
    redacted = job.redact_file(data, name)
    new_name = job.replace(filename) if filename else None
    if redacted != data:
        del part["Content-Transfer-Encoding"]
        part.set_payload(base64.encodebytes(redacted).decode("ascii"))
        part["Content-Transfer-Encoding"] = "base64"
    if filename and new_name != filename:
        for header, param in (("Content-Disposition", "filename"), ("Content-Type", "name")):
            if part.get_param(param, header=header) is not None:
                part.set_param(param, new_name, header=header)
