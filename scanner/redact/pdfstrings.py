"""The strings in a PDF object's source: found, decoded, and written back changed.

Text that no page shows sits in string objects all over a PDF: an imported drawing's own
`/Author`, a list box's options, a field's default value, a named destination, an outline
title. The writer rewrites every string that holds a removed value, whatever the object;
the verifier reads every string decoded (a UTF-16 hex string is not searchable as it is
written). Works on the object source PyMuPDF prints (`Document.xref_object`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pymupdf

_ESCAPES = {"n": b"\n", "r": b"\r", "t": b"\t", "b": b"\b", "f": b"\f", "(": b"(", ")": b")", "\\": b"\\"}
_OCTAL = re.compile(r"[0-7]{1,3}")


def strings(source: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each string token: literal "(…)" (nested brackets, escapes) or hex "<…>"."""
    for start, end, raw in string_bytes(source):
        yield start, end, _text(raw)


def string_bytes(source: str) -> Iterator[tuple[int, int, bytes]]:
    """(start, end, bytes) of each string token, undecoded (page content strings are glyph codes)."""
    at = 0
    while at < len(source):
        char = source[at]
        if char == "(":
            end, raw = _literal(source, at)
            yield at, end, raw
            at = end
        elif char == "<" and source[at + 1:at + 2] != "<":
            end = source.find(">", at)
            if end < 0:
                return
            digits = "".join(source[at + 1:end].split())
            try:
                yield at, end + 1, bytes.fromhex(digits + "0" * (len(digits) % 2))
            except ValueError:
                pass
            at = end + 1
        elif char == "<":
            at += 2
        else:
            at += 1


def replace_strings(source: str, replace: Callable[[str], str]) -> str | None:
    """The object source with each changed string re-encoded; None when no string changed."""
    out, last, changed = [], 0, False
    for start, end, text in strings(source):
        new = replace(text)
        if new != text:
            out += [source[last:start], pymupdf.get_pdf_str(new)]
            last, changed = end, True
    return "".join(out) + source[last:] if changed else None


def _literal(source: str, start: int) -> tuple[int, bytes]:
    """Where the literal string starting at `start` ends, and its bytes."""
    out = bytearray()
    depth, at = 1, start + 1
    while at < len(source):
        char = source[at]
        if char == "\\" and at + 1 < len(source):
            following = source[at + 1]
            octal = _OCTAL.match(source, at + 1)
            if octal:
                out.append(int(octal.group(), 8) & 0xFF)
                at = octal.end()
                continue
            if following in "\r\n":  # a line continuation
                at += 3 if source[at + 1:at + 3] == "\r\n" else 2
                continue
            out += _ESCAPES.get(following, following.encode("latin-1", errors="replace"))
            at += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return at + 1, bytes(out)
        out += char.encode("latin-1", errors="replace")
        at += 1
    return at, bytes(out)


def _text(raw: bytes) -> str:
    """PDF text strings: UTF-16 with a byte-order mark, UTF-8 with one, else one byte a character."""
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", errors="replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    return raw.decode("latin-1")
