"""E-mail (.eml, and .mht pages, which are MIME too): headers, bodies and every attachment.

Attachments, forwarded messages included, are extracted as documents of their own, so a
spreadsheet attached to a message attached to a message is read like any other. Encrypted
parts (S/MIME, PGP) and attachments ShareGuard cannot read are problems.
"""
from __future__ import annotations

import email
import itertools
import mimetypes
import re
from email import policy
from collections.abc import Iterator
from email.message import Message

from scanner.extract.context import ENCRYPTED, OPAQUE_CONTENT, BoundedBuilder, Context
from scanner.extract.text import add_html

HEADERS = ("From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject")
_CANONICAL = {name.lower(): name for name in HEADERS}
ENCRYPTED_TYPES = {"multipart/encrypted", "application/pgp-encrypted"}
PKCS7_TYPES = {"application/pkcs7-mime", "application/x-pkcs7-mime"}
# A signature proves who sent the message; it holds no content of its own.
SIGNATURE_TYPES = {"application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"}
BODY_TYPES = {"text/plain", "text/html"}
_FOLD = re.compile(r"\r?\n[ \t]+")


def read_eml(data: bytes, out: BoundedBuilder, ctx: Context) -> None:
    message = email.message_from_bytes(data, policy=policy.default)
    _add_headers(message, out)
    _add_part(message, out, ctx, itertools.count(1))


def _add_headers(message: Message, out: BoundedBuilder) -> None:
    for name, raw in message.raw_items():
        canonical = _CANONICAL.get(name.lower())
        if canonical:
            out.add(_header_text(name, raw), "email_header", canonical)


def _header_text(name: str, raw: str) -> str:
    """The header as a person reads it (encoded words decoded), or as written if malformed."""
    try:
        return str(policy.default.header_fetch_parse(name, raw))
    except Exception:  # noqa: BLE001 - the stdlib header parser can fail in many ways on bad input
        return _FOLD.sub(" ", raw)


def _add_part(part: Message, out: BoundedBuilder, ctx: Context, numbers: Iterator[int]) -> None:
    """Walk the MIME tree: bodies become text, everything else is read as a file."""
    content_type = part.get_content_type()
    if content_type in ENCRYPTED_TYPES or (content_type in PKCS7_TYPES and _smime_type(part) == "enveloped-data"):
        out.problem(ENCRYPTED, "The e-mail is encrypted (S/MIME or PGP), so its content cannot be checked.")
        return
    if content_type in SIGNATURE_TYPES or _page_picture(part, ctx):
        return
    if content_type == "message/rfc822" and part.is_multipart():
        for inner in part.get_payload():
            name = f"attached message {next(numbers)}.eml"
            ctx.include_file(out, inner.as_bytes(policy=policy.default), name, OPAQUE_CONTENT)
        return
    if part.is_multipart():
        for inner in part.get_payload():
            _add_part(inner, out, ctx, numbers)
        return
    filename = part.get_filename()
    # A multipart part that is not multipart lost its boundaries: its text is the body.
    is_body = content_type in BODY_TYPES or part.get_content_maintype() == "multipart"
    if is_body and not filename and part.get_content_disposition() != "attachment":
        _add_body(part, content_type, out)
        return
    name = filename or f"attachment {next(numbers)}{mimetypes.guess_extension(content_type) or ''}"
    ctx.include_file(out, part.get_payload(decode=True) or b"", name, OPAQUE_CONTENT)


def _page_picture(part: Message, ctx: Context) -> bool:
    """A saved web page (.mht) carries its pictures as MIME parts; like the pictures in a Word
    file they are part of the page's layout, not attachments, and are not read."""
    return ctx.name.lower().endswith((".mht", ".mhtml")) and part.get_content_maintype() == "image"


def _smime_type(part: Message) -> str:
    return (part.get_param("smime-type") or "enveloped-data").lower()


def _add_body(part: Message, content_type: str, out: BoundedBuilder) -> None:
    text = _body_text(part)
    if content_type == "text/html":
        add_html(text, out, "HTML message")
    else:
        out.add(text, "body", "message body")


def _body_text(part: Message) -> str:
    try:
        return part.get_content()
    except Exception:  # noqa: BLE001 - a body the stdlib will not decode (odd charset, broken multipart)
        payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return str(payload or "")
    try:
        return payload.decode(part.get_content_charset() or "utf-8", errors="replace")
    except LookupError:
        return payload.decode("latin-1")
