"""Plain text, Markdown and HTML: decode the bytes, and keep plain text exactly as decoded.

For plain text a finding's offsets must index the file's decoded text exactly (SPEC), so the
text is never normalised: no newline translation, no stripping. HTML is reduced to the text a
reader sees; its title and author-like meta tags are kept as well.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from scanner.extract.context import BoundedBuilder, Context

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Characters that do not occur in text: C0 controls other than whitespace, SUB (an old
# end-of-file mark) and ESC (terminal colours), plus the replacement character.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x19\x1c-\x1f\ufffd]")
_CHUNK = 1 << 16


class NotText(Exception):
    """The bytes are binary data, not text in any encoding ShareGuard tries."""


def decode(data: bytes) -> str:
    """Decode text the way a person's editor would, without changing a character.

    Order: a BOM (stripped), UTF-16 without BOM, strict UTF-8, cp1252 (Windows), EBCDIC if
    that alone makes sense of it, then latin-1, which never fails, so binary data is caught
    by counting characters that never occur in text.
    """
    text = _decode_guess(data)
    if _mostly_binary(text):
        raise NotText("the content is binary data, not text")
    return text


def _decode_guess(data: bytes) -> str:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    ebcdic = data.decode("cp500")
    if _mostly_ascii(ebcdic):
        return ebcdic
    return data.decode("latin-1")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of Latin script has a NUL in every other byte; binary data does not."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _mostly_ascii(text: str) -> bool:
    sample = text[:4096]
    printable = sum(1 for ch in sample if " " <= ch <= "~" or ch in "\t\r\n")
    return bool(sample) and printable >= 0.95 * len(sample)


def _mostly_binary(text: str) -> bool:
    """More than 1 % of characters that never occur in text (one stray NUL is tolerated)."""
    allowed = max(1, len(text) // 100)
    bad = 0
    for start in range(0, len(text), _CHUNK):
        bad += len(_NOT_TEXT.findall(text, start, start + _CHUNK))
        if bad > allowed:
            return True
    return False


def read_plain(data: bytes, out: BoundedBuilder, ctx: Context) -> None:
    """Plain text and Markdown: one segment holding the decoded text exactly."""
    text = decode(data)
    out.add_verbatim(text, [(0, len(text), "text")], "body")


def read_html(data: bytes, out: BoundedBuilder, ctx: Context) -> None:
    add_html(decode(data), out, "html")


def add_html(markup: str, out: BoundedBuilder, where: str) -> None:
    """Add an HTML page's title, visible text and author-like meta tags to `out`."""
    page = visible_text(markup)
    out.add(page.title, "title", f"{where} title")
    out.add(page.body, "body", f"{where} body")
    for name, content in page.meta:
        out.add(content, "property", f"{where} meta {name}", hidden=True)


@dataclass
class VisiblePage:
    title: str = ""
    body: str = ""
    meta: list[tuple[str, str]] = field(default_factory=list)


def visible_text(markup: str) -> VisiblePage:
    parser = _VisibleText()
    parser.feed(_SCRIPT_END.sub(r"</\1>", markup))
    parser.close()
    return parser.page()


_BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
           "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
           "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul"}
_CELLS = {"td", "th"}
_INVISIBLE = {"script", "style", "template"}
_SPACES = re.compile(r"\s+")
# Browsers end a script at "</script" whatever follows; html.parser wants a clean end tag,
# and would otherwise hide the rest of the page inside the script.
_SCRIPT_END = re.compile(r"</(script|style)\b[^>]*>", re.IGNORECASE)
_META_NAMES = {"title", "author", "creator", "publisher", "description", "keywords", "subject", "copyright",
               "dc.creator", "dc.contributor", "dc.publisher", "dc.title", "dc.description"}


class _VisibleText(HTMLParser):
    """Collects what a browser shows: text outside script/style, line breaks at blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._body: list[str] = []
        self._title: list[str] = []
        self._meta: list[tuple[str, str]] = []
        self._hidden = 0
        self._pre = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag in _INVISIBLE:
            self._hidden += 1
        elif tag == "pre":
            self._pre += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and values.get("name", "").lower() in _META_NAMES:
            self._meta.append((values["name"].lower(), values.get("content", "")))
        elif tag == "iframe" and values.get("srcdoc"):
            # srcdoc is a whole page shown inside the frame: it is visible text too.
            self._body.append("\n" + visible_text(values["srcdoc"]).body + "\n")
        self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" or tag == "iframe":
            self.handle_starttag(tag, attrs)
        else:
            self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "pre":
            self._pre = max(0, self._pre - 1)
        elif tag == "title":
            self._in_title = False
        self._break(tag)

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if not self._pre:
            data = _SPACES.sub(" ", data)
        (self._title if self._in_title else self._body).append(data)

    def _break(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._body.append("\n")
        elif tag in _CELLS:
            self._body.append("\t")

    def page(self) -> VisiblePage:
        return VisiblePage(_tidy("".join(self._title)), _tidy("".join(self._body)), self._meta)


def _tidy(text: str) -> str:
    """Collapse HTML whitespace as a browser does, keeping line and cell breaks."""
    lines = (re.sub(r"[ \u00a0]+", " ", line).strip(" ") for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
