"""Extraction: any file in, a Document out, with every piece of text traced to where it came from.

`extract_file` and `extract_bytes` never raise for bad content. A file that cannot be read
completely comes back as a Document whose `problems` say why in a sentence a practitioner
understands, because SPEC rule 5 blocks such a file rather than letting it out unscanned.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from scanner.extract.archive import read_zip
from scanner.extract.builder import Limits, TextBuilder
from scanner.extract.context import (
    CORRUPT, HOSTILE, OVER_LIMIT, UNKNOWN_FORMAT, UNREADABLE, BoundedBuilder, Budget, Context, LimitExceeded,
    TextLimitReached, size_text,
)
from scanner.extract.docx import read_docx
from scanner.extract.eml import read_eml
from scanner.extract.pdf import read_pdf
from scanner.extract.sheet import read_csv, read_xlsx
from scanner.extract.sniff import BY_EXTENSION, detect
from scanner.extract.text import NotText, read_html, read_plain
from scanner.types import Document

__all__ = ["extract_bytes", "extract_file"]

log = logging.getLogger(__name__)

Reader = Callable[[bytes, BoundedBuilder, Context], None]
READERS: dict[str, Reader] = {
    "txt": read_plain, "md": read_plain, "html": read_html, "csv": read_csv, "eml": read_eml,
    "docx": read_docx, "xlsx": read_xlsx, "pdf": read_pdf, "zip": read_zip,
}
LABELS = {
    "txt": "text file", "md": "Markdown file", "html": "web page", "csv": "CSV file", "eml": "mail message",
    "docx": "Word document", "xlsx": "Excel workbook", "pdf": "PDF", "zip": "zip archive",
}
_CHUNK = 1 << 20


def extract_file(path: str | Path, limits: Limits = Limits()) -> Document:
    """Read the file at `path`; a file that cannot even be opened is an `unreadable` Document."""
    shown = str(path)
    try:
        with open(path, "rb") as stream:
            data = stream.read(limits.max_file_bytes + 1)
            if len(data) > limits.max_file_bytes:
                return _too_big(shown, data, stream, limits)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        builder = TextBuilder()
        builder.problem(UNREADABLE, f"The file could not be opened ({reason}).")
        return builder.build(shown, "", BY_EXTENSION.get(Path(shown).suffix.lower(), "unknown"), 0)
    return extract_bytes(data, shown, limits)


def extract_bytes(
    data: bytes,
    name: str,
    limits: Limits = Limits(),
    container: tuple[str, ...] = (),
    depth: int = 0,
) -> Document:
    """Read a file held in memory; `name` gives its extension and becomes `Document.path`."""
    context = Context(name=name, limits=limits, budget=Budget(limits), extract=_extract,
                      container=container, depth=depth)
    return _extract(data, context)


def _too_big(shown: str, head: bytes, stream: BinaryIO, limits: Limits) -> Document:
    """Hash the whole file (the audit needs it) without holding it in memory, and read none of it."""
    digest = hashlib.sha256(head)
    size = len(head)
    while chunk := stream.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    builder = TextBuilder()
    builder.problem(OVER_LIMIT, f"The file is {size_text(size)}, more than the {size_text(limits.max_file_bytes)} "
                                "ShareGuard will read.")
    return builder.build(shown, digest.hexdigest(), detect(head[:4096], shown).format, size)


def _extract(data: bytes, ctx: Context) -> Document:
    """Check the limits, find the format, run its reader; every failure becomes a Problem."""
    digest = hashlib.sha256(data).hexdigest()
    ctx = replace(ctx, sha256=digest)
    out = ctx.builder()
    limits = ctx.limits
    too_big = len(data) > limits.max_file_bytes
    sniffed = detect(data[:4096] if too_big else data, ctx.name)
    fmt = sniffed.format
    if too_big:
        out.problem(OVER_LIMIT, f"The file is {size_text(len(data))}, more than the "
                                f"{size_text(limits.max_file_bytes)} ShareGuard will read.")
    elif ctx.depth > limits.max_depth:
        out.problem(OVER_LIMIT, f"The file is nested more than {limits.max_depth} levels deep in archives or "
                                "attachments, deeper than ShareGuard will open.")
    elif digest in ctx.ancestors:
        out.problem(HOSTILE, "The archive contains a copy of itself (a 'quine'), which would never stop unpacking.")
    elif sniffed.problem:
        code, message = sniffed.problem
        out.problem(ctx.unsupported_code if code == UNKNOWN_FORMAT else code, message)
    else:
        fmt = _run(fmt, data, out, ctx)
    return out.build(ctx.name, digest, fmt, len(data))


def _run(fmt: str, data: bytes, out: BoundedBuilder, ctx: Context) -> str:
    """Run the format's reader and return the format the file turned out to be."""
    label = LABELS[fmt]
    try:
        READERS[fmt](data, out, ctx)
    except TextLimitReached:
        if not ctx.budget.text_limit_reported:
            ctx.budget.text_limit_reported = True
            out.problem(OVER_LIMIT, f"The file holds more than {ctx.limits.max_text_chars:,} characters of text, "
                                    "more than ShareGuard will check.")
    except LimitExceeded as exceeded:
        out.problem(OVER_LIMIT, str(exceeded))
    except NotText:
        named = f"The file is named as a {label}, but its content" if Path(ctx.name).suffix else "The file's content"
        out.problem(ctx.unsupported_code, f"{named} is binary data in a format ShareGuard cannot read.")
        return "unknown"
    except Exception as error:  # noqa: BLE001 - parsers fail in every way on bad input; fail closed
        log.debug("could not read %s", ctx.name, exc_info=True)
        out.problem(CORRUPT, f"The {label} is damaged and could not be read ({_reason(error)}).")
    return fmt


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split()).rstrip(".")
    return (text[:150] + "…" if len(text) > 150 else text) or type(error).__name__
