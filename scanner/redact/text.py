"""Plain text, Markdown and HTML: replace the values in the decoded text, write it back the same way.

Plain text is kept exactly as it was (line endings, BOM and encoding included) apart from the
replacements. HTML is rewritten token by token: text between tags is matched as one run, so
a name split by inline markup ("<b>Sofia</b> Rossi") still goes, and the raw text of tags,
comments and scripts is matched too (a name in an alt text, a mailto: link or a meta tag).
"""
from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass

from scanner.extract.text import BOMS, NotText, decode
from scanner.redact.context import Job

# Markup tokens: a comment, a tag, or the text up to the next tag.
_TOKENS = re.compile(r"<!--.*?(?:-->|$)|<[^>]*>?|[^<]+", re.DOTALL)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")
_INLINE = {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark",
           "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr"}


@dataclass(frozen=True)
class Encoding:
    """How a text file was written: its codec and BOM, so the copy is written the same way."""

    codec: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        try:
            return self.bom + text.encode(self.codec)
        except UnicodeEncodeError:  # a replacement the old code page cannot hold
            return codecs.BOM_UTF8 + text.encode("utf-8")


def read_text(data: bytes, job: Job) -> tuple[str, Encoding]:
    """The decoded text exactly as extraction read it, and how to encode the copy."""
    try:
        text = decode(data)
    except NotText:
        job.fail("the file is not text")
    encoding = _encoding_of(data)
    if data[len(encoding.bom):].decode(encoding.codec, errors="replace") != text:
        encoding = Encoding("utf-8", codecs.BOM_UTF8)
    return text, encoding


def _encoding_of(data: bytes) -> Encoding:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return Encoding(codec, bom)
    sample = data[:4096]
    if len(sample) >= 4 and not len(sample) % 2:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
            return Encoding("utf-16-le")
        if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
            return Encoding("utf-16-be")
    for codec in ("utf-8", "cp1252"):
        try:
            data.decode(codec)
            return Encoding(codec)
        except UnicodeDecodeError:
            pass
    return Encoding("latin-1")


def redact_plain(data: bytes, job: Job) -> bytes:
    """txt and md: the text with every value replaced, nothing else changed."""
    text, encoding = read_text(data, job)
    return encoding.encode(job.replace(text))


def redact_html(data: bytes, job: Job) -> bytes:
    text, encoding = read_text(data, job)
    return encoding.encode(redact_markup(text, job))


def redact_markup(markup: str, job: Job) -> str:
    """HTML source with the values replaced in its text (across inline tags) and in its tags."""
    tokens = [m.group() for m in _TOKENS.finditer(markup)]
    # Text is matched as a reader sees it: inline tags join their neighbours ("<b>Maisie</b> Clarke"),
    # any other tag separates them as a line break would ("Clarke</p><p>Maisie").
    pieces = [_tag_piece(token) if token.startswith("<") else html.unescape(token) for token in tokens]
    replaced = job.replace_pieces(pieces)
    out = []
    for token, old, new in zip(tokens, pieces, replaced or pieces):
        if token.startswith("<"):
            out.append(job.replace(token))  # attributes, comments: matched in their raw text
        else:
            out.append(token if new == old else html.escape(new, quote=False))
    return "".join(out)


def _tag_piece(token: str) -> str:
    name = _TAG_NAME.match(token)
    return "" if name and name.group(1).lower() in _INLINE else "\n"
