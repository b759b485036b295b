"""Verification before release: the redacted copy is read back and searched; any trace fails it.

Two independent looks, because each misses what the other sees:
1. The copy is extracted again exactly as a document to be checked would be
   (`scanner.extract.extract_file`): every removed value must be absent from its text, which
   includes comments, tracked changes, metadata, annotations and attachments; and the copy
   must be fully readable (a copy that cannot be checked is not a redacted copy). This is
   what catches a black box drawn over text that is still there.
2. The copy's bytes are searched: the raw file; every member of a Word or Excel package
   (decompressed; the text and attribute values of XML parts, not their markup or the
   package's own part names); every PDF object and stream (decompressed, the strings of the
   page content put back together; pictures as encoded; font programs left out) and every
   stream in the file that no object points at any more; every e-mail header and decoded
   part; recursively through attachments and members. Values shorter than four characters
   are looked for in text only: binary data holds such runs by chance.
Matching is the writers' own (`match`): spacing, case and accents do not hide a value.
Optionally the detectors run again over the copy: an identifier of a type the decision
removes must not be found there at all. A leak is a failure, never a warning.
"""
from __future__ import annotations

import email
import hashlib
import html
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from email import policy
from pathlib import Path
from typing import Protocol, Sequence

import pymupdf
from lxml import etree

from scanner.extract import extract_file
from scanner.extract.builder import Limits
from scanner.extract.ooxml import parse_xml
from scanner.extract.sniff import detect
from scanner.extract.text import NotText, decode
from scanner.redact.match import Hit, Matcher
from scanner.redact.pdfstrings import string_bytes, strings
from scanner.redact.targets import REMOVABLE_KINDS
from scanner.types import Document, Finding

MIN_BINARY_KEY = 4
MAX_DEPTH = 5
MAX_FAILURES = 10
XML_SUFFIXES = (".xml", ".rels", ".vml")
CONTENT_TYPES = "[Content_Types].xml"
_FONT_KEYS = ("FontFile", "FontFile2", "FontFile3", "ToUnicode", "CIDSet")
# Font names in PDF objects ("/BaseFont /ABCDEF+Georgia"): not text, and may equal a person's name.
_FONT_NAMES = re.compile(r"/(?:BaseFont|FontName|FontFamily)\s*/[^\s/<>\[\]()]+|/CharSet\s*\((?:[^()\\]|\\.)*\)")
_TEXT_STREAMS = ("/Metadata", "/ObjStm")
_STREAM_START = re.compile(rb"stream\r?\n")
_OPERATOR = re.compile(r"[A-Za-z'\"*]")
_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")


class Detector(Protocol):
    def detect(self, documents: Sequence[Document]) -> Sequence[tuple[Finding, ...]]: ...


@dataclass(frozen=True)
class Verification:
    ok: bool
    failures: tuple[str, ...] = ()


def verify(path: Path, matcher: Matcher, limits: Limits = Limits(), redact_types: Sequence[str] = (),
           detection: Detector | None = None) -> Verification:
    """Check the redacted copy at `path` (its name gives its format, as for any file checked)."""
    failures: list[str] = []
    document = extract_file(path, limits)
    failures += [f"the redacted copy cannot be read completely ({p.message.rstrip('.')})" for p in document.problems]
    for hit in matcher.hits(document.text):
        segment = document.segment_at(hit.start)
        failures.append(f"{_what(hit)} is still in its text ({segment.describe() if segment else 'text'})")
    binary = matcher.only(lambda target: len(target.key) >= MIN_BINARY_KEY)
    for where, text, is_binary in haystacks(path.read_bytes(), path.name, limits):
        hit = (binary if is_binary else matcher).search(text)
        if hit:
            failures.append(f"{_what(hit)} is still in its bytes ({where})")
    if detection is not None and redact_types and document.text:
        for finding in detection.detect([document])[0]:
            if finding.kind in REMOVABLE_KINDS and finding.type in redact_types:
                failures.append(f"a {finding.type} is still in its text ({finding.where or 'text'})")
    unique = list(dict.fromkeys(failures))
    return Verification(not unique, tuple(unique[:MAX_FAILURES]))


def _what(hit: Hit) -> str:
    """Names the value by its label, never by itself (reasons are shown and recorded)."""
    return f"a removed {hit.target.type} ({hit.target.replacement})"


def haystacks(data: bytes, name: str, limits: Limits = Limits(), depth: int = 0) -> Iterator[tuple[str, str, bool]]:
    """(where, text, binary?) for every way the file's bytes can be read as text."""
    fmt = detect(data, name).format
    if fmt not in ("docx", "xlsx"):  # a package's raw bytes are compressed parts and the format's part names
        yield f"{name}, raw", data.decode("latin-1"), True
        if b"\x00" in data:
            for codec in ("utf-16-le", "utf-16-be"):
                for offset in (0, 1):
                    yield f"{name}, raw as {codec}", data[offset:].decode(codec, errors="ignore"), True
    if depth > MAX_DEPTH:
        return
    if fmt in ("docx", "xlsx", "zip"):
        yield from _zip(data, name, limits, depth)
    elif fmt == "pdf":
        yield from _pdf(data, name, limits, depth)
    elif fmt == "eml":
        yield from _eml(data, name, limits, depth)
    elif fmt in ("txt", "md", "csv", "html"):
        try:
            text = decode(data)
        except NotText:
            return
        yield name, text, False
        if fmt == "html":
            yield f"{name}, entities decoded", html.unescape(text), False


def _zip(data: bytes, name: str, limits: Limits, depth: int) -> Iterator[tuple[str, str, bool]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    office = detect(data, name).format in ("docx", "xlsx")
    with archive:
        total = 0
        for info in archive.infolist():
            total += info.file_size
            if info.is_dir() or total > limits.max_total_bytes:
                continue
            member = archive.read(info)
            where = f"{name} > {info.filename}"
            if not office:  # a Word or Excel package's part names are the format's, not content
                yield where + ", name", info.filename, False
            if info.filename.lower().endswith(XML_SUFFIXES):
                yield where, _xml_content(info.filename, member), False
            else:
                yield from haystacks(member, where, limits, depth + 1)


def _xml_content(name: str, data: bytes) -> str:
    """An XML part's text and attribute values, one per line: its content, not its markup (a
    removed "footnote" is not in <w:footnote>). Part names and internal relationship targets
    are the package's structure and are left out, as the writers leave them alone."""
    if name == CONTENT_TYPES:
        return ""
    try:
        root = parse_xml(data)
    except etree.XMLSyntaxError:  # not well-formed (legacy VML): the text between the tags
        return html.unescape(re.sub(r"<[^>]*>", "\n", data.decode("utf-8", errors="replace")))
    if name.endswith(".rels"):
        return "\n".join(r.get("Target", "") for r in root if r.get("TargetMode") == "External")
    pieces = []
    for element in root.iter():
        pieces += [element.text or "", element.tail or "", *element.attrib.values()]
    return "\n".join(p for p in pieces if p.strip())


def _pdf(data: bytes, name: str, limits: Limits, depth: int) -> Iterator[tuple[str, str, bool]]:
    try:
        document = pymupdf.open(stream=data, filetype="pdf")
    except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase):
        yield from _carved(data, name, limits, set())
        return
    with document:
        fonts = _font_data(document)
        contents = {xref for page in document for xref in page.get_contents()}
        current: set[bytes] = set()
        for xref in range(1, document.xref_length()):
            where = f"{name} > object {xref}"
            source = _FONT_NAMES.sub("", document.xref_object(xref))
            yield where, source, False
            yield where + ", strings", "\n".join(text for *_, text in strings(source)), False
            if not document.xref_is_stream(xref) or xref in fonts:
                continue  # font programs and their maps: glyph names and font copyrights, not content
            try:
                stream = document.xref_stream(xref) or b""
            except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase):
                stream = b""
            current.add(hashlib.sha256(stream).digest())
            if document.xref_get_key(xref, "Type")[1] == "/EmbeddedFile":
                yield from haystacks(stream, f"{where} (embedded file)", limits, depth + 1)
            elif document.xref_get_key(xref, "Subtype")[1] == "/Image":
                # The encoded bytes, where a JPEG keeps its EXIF and comments; decoded pixels hold
                # any four letters by chance.
                yield where, (document.xref_stream_raw(xref) or b"").decode("latin-1"), True
            else:
                # Page content and forms are read as text by the re-extraction; as bytes they are
                # fragments of words ("(al)10(w)10(ays)"). XMP and object streams are text. The rest
                # (sampled functions, colour profiles) is data.
                text = stream.decode("latin-1")
                shown = xref in contents or document.xref_get_key(xref, "Subtype")[1] == "/Form"
                textual = not shown and document.xref_get_key(xref, "Type")[1] in _TEXT_STREAMS
                yield where, text, not textual
                if not shown and not textual:  # page content no page shows any more, say
                    for number, joined in enumerate(_strings(text)):
                        yield f"{where}, strings joined ({('one', 'two')[number]}-byte)", joined, True
        current |= {hashlib.sha256(document.xref_stream(x) or b"").digest() for x in fonts}
    yield from _carved(data, name, limits, current)


def _font_data(document: pymupdf.Document) -> set[int]:
    """Streams that are font programs or character maps."""
    found: set[int] = set()
    for xref in range(1, document.xref_length()):
        for key in _FONT_KEYS:
            kind, value = document.xref_get_key(xref, key)
            if kind == "xref":
                found.add(int(value.split()[0]))
        if document.xref_get_key(xref, "Type")[1] == "/CMap":
            found.add(xref)
    return found


def _carved(data: bytes, name: str, limits: Limits, current: set[bytes]) -> Iterator[tuple[str, str, bool]]:
    """Every stream in the file's bytes that the object table no longer points at (an
    incremental save leaves the old page content behind), decompressed where it can be."""
    for start in _STREAM_START.finditer(data):
        end = data.find(b"endstream", start.end())
        if end < 0:
            continue
        raw = data[start.end():end]
        try:
            content = zlib.decompressobj().decompress(raw, limits.max_file_bytes)
        except zlib.error:
            content = raw  # not compressed (or not Flate): searched as it is
        if hashlib.sha256(content).digest() in current or hashlib.sha256(raw.rstrip(b"\r\n")).digest() in current:
            continue
        text = content.decode("latin-1")
        where = f"{name}, stream at byte {start.end()}"
        yield where, text, True
        for joined in _strings(text):
            yield where + ", strings joined", joined, True


def _strings(content: str) -> tuple[str, str]:
    """The text a content stream no page shows any more would show, put back together from its
    strings ("[(Sof) 20 (ia)] TJ", "<536f666961> Tj"), read as one-byte and as two-byte (UTF-16)
    codes. Strings are joined as they are set: a small kerning between two keeps them in one
    word; an operator or a word-sized move between them is a space."""
    narrow, wide = [], []
    last = None
    for start, end, raw in string_bytes(content):
        if last is not None and _word_break(content[last:start]):
            narrow.append(" ")
            wide.append(" ")
        narrow.append(raw.decode("latin-1"))
        wide.append(raw.decode("utf-16-be", errors="ignore"))
        last = end
    return "".join(narrow), "".join(wide)


def _word_break(between: str) -> bool:
    """An operator, or a move of at least a tenth of an em, between two strings of page content."""
    return bool(_OPERATOR.search(between)) or any(abs(float(n)) >= 100 for n in _NUMBER.findall(between))


def _eml(data: bytes, name: str, limits: Limits, depth: int) -> Iterator[tuple[str, str, bool]]:
    message = email.message_from_bytes(data, policy=policy.default)
    for number, part in enumerate(message.walk()):
        where = f"{name} > part {number} ({part.get_content_type()})"
        for header, value in part.raw_items():
            try:
                text = str(policy.default.header_fetch_parse(header, value))
            except Exception:  # noqa: BLE001 - a malformed header is still searched as written
                text = value
            yield f"{where}, header {header}", text, False
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True) or b""
        if part.get_content_maintype() == "text":
            text = payload.decode(part.get_content_charset() or "utf-8", errors="replace")
            yield where, text, False
            yield f"{where}, entities decoded", html.unescape(text), False
        else:
            yield from haystacks(payload, f"{where} {part.get_filename() or ''}".rstrip(), limits, depth + 1)
