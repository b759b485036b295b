"""PDF (PyMuPDF): page text, and what sits beside it: annotations, form fields, metadata, attachments.

A page without a text layer but with images or drawings is a scan: its words cannot be
checked, so it is a problem, not an empty page. Encryption is a problem even when the file
opens with an empty password (SPEC rule 5: an encrypted file is never released unchecked).
Attached files are found by walking every object, because the attachment list, file
annotations, portfolios and earlier revisions each hide some of them.
"""
from __future__ import annotations

import re
import zlib

import pymupdf
from lxml import etree

from scanner.extract.context import (
    CORRUPT, ENCRYPTED, HOSTILE, IMAGE_ONLY, OPAQUE_CONTENT, BoundedBuilder, Context, LimitExceeded, size_text,
)

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

MUPDF_ERRORS = (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase)
METADATA_KEYS = ("author", "title", "subject", "keywords", "creator", "producer")
# An image this large cannot be decoded without exhausting memory (a "decompression bomb").
MAX_IMAGE_PIXELS = 100_000_000
# Filters only images use; page content compressed with one of them is a bomb trick.
IMAGE_FILTERS = ("/JBIG2Decode", "/DCTDecode", "/JPXDecode", "/CCITTFaxDecode")
# Without one of these markers in the raw bytes the file can hold no attached file, and the
# object walk (about 20 µs an object) can be skipped.
ATTACHMENT_MARKERS = (b"/EF", b"/EmbeddedFile", b"/ObjStm")
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
_XREF = re.compile(r"(\d+) 0 R")
# In the attachment name tree a file's name string comes before its file specification.
_NAME_TREE_TOKEN = re.compile(
    r"\((?P<literal>(?:[^()\\]|\\.)*)\)|(?<!<)<(?P<hex>[0-9A-Fa-f\s]*)>(?!>)|/EF\s*<<\s*/U?F\s+(?P<stream>\d+)\s+0\s+R"
)


def read_pdf(data: bytes, out: BoundedBuilder, ctx: Context) -> None:
    try:
        document = pymupdf.open(stream=data, filetype="pdf")
    except MUPDF_ERRORS:
        if b"/Encrypt" not in data:
            raise
        # MuPDF cannot open some encryption schemes at all (Microsoft IRM, odd key lengths).
        out.problem(ENCRYPTED, "The PDF is encrypted with a scheme ShareGuard cannot open, so its content "
                               "cannot be checked.")
        return
    try:
        with document:
            _read_document(document, data, out, ctx)
    finally:
        pymupdf.TOOLS.reset_mupdf_warnings()


def _read_document(document: pymupdf.Document, data: bytes, out: BoundedBuilder, ctx: Context) -> None:
    if document.needs_pass:
        out.problem(ENCRYPTED, "The PDF is password-protected, so its content cannot be checked.")
        return
    if document.is_encrypted or (document.metadata or {}).get("encryption"):
        out.problem(ENCRYPTED, "The PDF is encrypted: it opens without a password, but its owner has "
                               "restricted it, so ShareGuard cannot treat it as fully checked.")
    if document.page_count == 0:
        out.problem(CORRUPT, "The PDF is damaged: it has no page that can be read.")
    elif document.is_repaired:
        # What a rebuilt cross-reference table recovers may be incomplete, and nothing says what
        # was lost: the text is still scanned, but the document is not counted as fully read.
        out.problem(CORRUPT, "The PDF is damaged: its structure had to be rebuilt to open it, so some of "
                             "its content may not have been read.")
    _add_metadata(document, out)
    for page in document:
        _add_page(page, out)
        _add_annotations(page, out)
        _add_form_fields(page, out)
    xfa = _add_xfa(document, out)
    if any(marker in data for marker in ATTACHMENT_MARKERS):
        _add_attachments(document, xfa, out, ctx)


def _add_metadata(document: pymupdf.Document, out: BoundedBuilder) -> None:
    metadata = document.metadata or {}
    for key in METADATA_KEYS:
        out.add(metadata.get(key) or "", "property", key, hidden=True)
    xmp = document.get_xml_metadata()
    root = etree.fromstring(xmp.encode("utf-8"), _XML_PARSER) if xmp.strip() else None
    if root is not None:
        known = {value for value in metadata.values() if value}
        values = dict.fromkeys(t.strip() for t in root.itertext() if t.strip())
        out.add("\n".join(v for v in values if v not in known), "property", "XMP metadata", hidden=True)


def _add_page(page: pymupdf.Page, out: BoundedBuilder) -> None:
    number = page.number + 1
    where = f"page {number}"
    images = page.get_images()
    if any(image[2] * image[3] > MAX_IMAGE_PIXELS for image in images):
        out.problem(HOSTILE, f"Page {number} holds an image too large to process safely (a decompression "
                             "bomb).", where)
    if any(page.parent.xref_get_key(xref, "Filter")[1] in IMAGE_FILTERS for xref in page.get_contents()):
        out.problem(HOSTILE, f"Page {number}'s content is disguised as an image stream (a decompression "
                             "bomb trick), so it cannot be checked.", where)
    text = page.get_text()
    if text.strip():
        out.add(text, "page", where)
    elif images or page.get_cdrawings():
        out.problem(IMAGE_ONLY, f"Page {number} has no text layer (it is scanned or drawn), so its words "
                                "cannot be checked.", where)


def _add_annotations(page: pymupdf.Page, out: BoundedBuilder) -> None:
    """Annotation notes and their authors: hidden until someone opens the note."""
    number = page.number + 1
    for annotation in page.annots():
        kind = annotation.type[1]
        info = annotation.info
        out.add(info.get("content", ""), "annotation", f"page {number} {kind} note", hidden=True)
        out.add(info.get("title", ""), "property", f"page {number} {kind} note author", hidden=True)


def _add_form_fields(page: pymupdf.Page, out: BoundedBuilder) -> None:
    for widget in page.widgets():
        value = widget.field_value
        if isinstance(value, str) and value not in ("Off", "No"):
            out.add(value, "form_field", f"page {page.number + 1} field {widget.field_name}")


def _add_xfa(document: pymupdf.Document, out: BoundedBuilder) -> set[int]:
    """XFA forms keep their field values in XML packets, not on the page; returns their xrefs."""
    kind, value = document.xref_get_key(document.pdf_catalog(), "AcroForm/XFA")
    if kind not in ("array", "xref"):
        return set()
    xrefs = {int(number) for number in _XREF.findall(value)}
    for xref in sorted(xrefs):
        root = etree.fromstring(document.xref_stream(xref) or b"<empty/>", _XML_PARSER)
        if root is None:
            continue
        for script in root.xpath("//*[local-name()='script']"):
            script.getparent().remove(script)
        lines = dict.fromkeys(t.strip() for t in root.itertext() if t.strip())
        out.add("\n".join(lines), "form_field", "XFA form data", hidden=True)
    return xrefs


def _add_attachments(document: pymupdf.Document, xfa: set[int], out: BoundedBuilder, ctx: Context) -> None:
    """Read every embedded file as a document of its own; one that cannot be read is a problem."""
    for xref, name in _embedded_streams(document, xfa).items():
        where = name or f"embedded file (object {xref})"
        try:
            data = _bounded_stream(document, xref, min(ctx.limits.max_file_bytes, ctx.budget.bytes_left))
        except LimitExceeded as exceeded:
            out.problem(HOSTILE if "bomb" in str(exceeded) else CORRUPT, str(exceeded), where)
            continue
        ctx.budget.charge_bytes(len(data))
        ctx.include_file(out, data, where, OPAQUE_CONTENT)


def _embedded_streams(document: pymupdf.Document, xfa: set[int]) -> dict[int, str]:
    """Stream xref → file name, from file specifications (/EF) and /EmbeddedFile streams."""
    named: dict[int, str] = {}
    typed: set[int] = set()
    for xref in range(1, document.xref_length()):
        try:
            kind, target = document.xref_get_key(xref, "EF/F")
            if kind != "xref":
                kind, target = document.xref_get_key(xref, "EF/UF")
            if kind == "xref":
                name = document.xref_get_key(xref, "UF")[1] or document.xref_get_key(xref, "F")[1]
                named[int(target.split()[0])] = "" if name == "null" else name
            elif document.xref_get_key(xref, "Type")[1] == "/EmbeddedFile":
                typed.add(xref)
        except MUPDF_ERRORS:
            continue
    streams = {xref: "" for xref in typed} | _name_tree_names(document) | named
    return {xref: name for xref, name in streams.items() if xref not in xfa}


def _name_tree_names(document: pymupdf.Document) -> dict[int, str]:
    """Names of attachments whose file specification sits inline in the catalog's name tree."""
    kind, array = document.xref_get_key(document.pdf_catalog(), "Names/EmbeddedFiles/Names")
    names: dict[int, str] = {}
    last = ""
    for token in _NAME_TREE_TOKEN.finditer(array if kind == "array" else ""):
        if token["stream"]:
            names.setdefault(int(token["stream"]), last)
        elif token["hex"] is not None:
            digits = "".join(token["hex"].split())
            last = _pdf_string(bytes.fromhex(digits + "0" * (len(digits) % 2)))
        else:
            last = re.sub(r"\\(.)", r"\1", token["literal"])
    return names


def _pdf_string(raw: bytes) -> str:
    return raw[2:].decode("utf-16-be", errors="replace") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")


def _bounded_stream(document: pymupdf.Document, xref: int, limit: int) -> bytes:
    """A stream's decoded bytes, never more than `limit` of them (Flate is decoded here, bounded)."""
    filters = document.xref_get_key(xref, "Filter")[1].strip("[] ")
    if filters in ("null", ""):
        data = document.xref_stream_raw(xref)
    elif filters == "/FlateDecode" and document.xref_get_key(xref, "DecodeParms")[0] == "null":
        data = zlib.decompressobj().decompress(document.xref_stream_raw(xref), limit + 1)
    else:
        data = document.xref_stream(xref)
    if len(data) > limit:
        raise LimitExceeded(f"An attached file unpacks to more than {size_text(limit)} (a possible bomb).")
    return data
