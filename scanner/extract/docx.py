"""Word (.docx): the body, and everything a reader does not see but the file still carries.

python-docx opens the package and resolves its parts; the text itself is read from the XML,
because the API misses content controls (w:sdt), text boxes and tracked insertions, and
has no deleted text at all (see notes/dependencies.md §5). Headers, footers, footnotes,
endnotes, comments, tracked changes, field codes, external links, properties and embedded
objects all become segments or problems.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field

import docx
from docx.opc.part import Part
from lxml import etree

from scanner.extract.context import BoundedBuilder, Context
from scanner.extract.ooxml import add_embedded, add_properties, parse_xml
from scanner.extract.zipguard import clear, open_archive, package_issues

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
STORY_PARTS = ("header", "footer", "footnotes", "endnotes", "comments")
# An altChunk part is named by Word ("afchunk.dat"); its content type says what it really is.
CHUNK_SUFFIXES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt",
                  "message/rfc822": ".mht", "multipart/related": ".mht"}
VARIANTS = {"default": "", "first": " (first page)", "even": " (even pages)"}


@dataclass
class Paragraph:
    """One w:p: the text as shown with changes accepted, and what tracked changes removed."""

    where: str
    shown: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    inserted: bool = False


class _Collector:
    """Walks WordprocessingML once, in document order, collecting paragraphs and authors.

    Text-box paragraphs nested inside a paragraph come out as paragraphs of their own, and
    mc:Fallback (a second copy of a text box for old readers) is skipped.
    """

    def __init__(self, root: etree._Element) -> None:
        ns = etree.QName(root).namespace
        self.w = lambda name: f"{{{ns}}}{name}"
        self.paragraphs: list[Paragraph] = []
        self.authors: set[str] = set()
        self._open: list[Paragraph] = []
        self._removed = 0
        self._tables: list[list[int]] = []
        self._table_count = 0
        self._text_boxes = 0
        self._count = 0

    def walk(self, element: etree._Element) -> None:
        tag = element.tag
        if tag == MC_FALLBACK or not isinstance(tag, str):
            return
        w = self.w
        author = element.get(w("author"))
        if author:
            self.authors.add(author)
        removed = tag in (w("del"), w("moveFrom"))
        self._enter(tag, element)
        self._removed += removed
        for child in element:
            self.walk(child)
        self._removed -= removed
        self._leave(tag)

    def _enter(self, tag: str, element: etree._Element) -> None:
        w = self.w
        if tag == w("p"):
            self._count += 1
            paragraph = Paragraph(self._where())
            self.paragraphs.append(paragraph)
            self._open.append(paragraph)
            return
        current = self._open[-1] if self._open else None
        if tag == w("tbl"):
            self._table_count += 1
            self._tables.append([self._table_count, 0, 0])
        elif tag == w("tr") and self._tables:
            self._tables[-1][1:] = [self._tables[-1][1] + 1, 0]
        elif tag == w("tc") and self._tables:
            self._tables[-1][2] += 1
        elif tag == w("txbxContent"):
            self._text_boxes += 1
        elif current is None:
            return
        elif tag in (w("ins"), w("moveTo")):
            current.inserted = True
        elif tag in (w("t"), w("delText")):
            target = current.deleted if self._removed or tag == w("delText") else current.shown
            target.append(element.text or "")
        elif tag == w("instrText"):
            current.fields.append(element.text or "")
        elif tag == w("fldSimple"):
            current.fields.append(element.get(w("instr"), ""))
        elif tag in (w("tab"), w("ptab")):
            current.shown.append("\t")
        elif tag in (w("br"), w("cr")):
            current.shown.append("\n")
        elif tag == w("noBreakHyphen"):
            current.shown.append("-")

    def _leave(self, tag: str) -> None:
        w = self.w
        if tag == w("p") and self._open:
            self._open.pop()
        elif tag == w("tbl") and self._tables:
            self._tables.pop()
        elif tag == w("txbxContent"):
            self._text_boxes -= 1

    def _where(self) -> str:
        if self._text_boxes:
            return f"text box, paragraph {self._count}"
        if self._tables:
            table, row, cell = self._tables[-1]
            return f"table {table} row {row} cell {cell}"
        return f"paragraph {self._count}"


def read_docx(data: bytes, out: BoundedBuilder, ctx: Context) -> None:
    with open_archive(data) as archive:
        if not clear(package_issues(archive, ctx), out):
            return
        document = docx.Document(io.BytesIO(data))
        authors = _add_body(document.part, out)
        places = _header_places(document.part)
        for rel in document.part.rels.values():
            kind = rel.reltype.rsplit("/", 1)[-1]
            if rel.is_external:
                out.add(rel.target_ref, "link", f"external link ({kind})", hidden=True)
            elif kind in STORY_PARTS:
                authors |= _add_story_part(rel.target_part, kind, places.get(rel.rId, kind), out)
            elif kind == "aFChunk":
                _add_alt_chunk(rel.target_part, out, ctx)
        out.add("\n".join(sorted(authors)), "property", "comment and revision authors", hidden=True)
        add_properties(archive, out)
        add_embedded(archive, out, ctx, "word/")


def _add_body(part: Part, out: BoundedBuilder) -> set[str]:
    collector = _Collector(part.element)
    collector.walk(part.element)
    for paragraph in collector.paragraphs:
        part_name = "insertion" if paragraph.inserted else "body"
        out.add(_joined(paragraph.shown), part_name, paragraph.where)
        _add_hidden(paragraph, paragraph.where, out)
    return collector.authors


def _add_hidden(paragraph: Paragraph, where: str, out: BoundedBuilder) -> None:
    out.add(_joined(paragraph.deleted), "deletion", f"{where}, tracked deletion", hidden=True)
    out.add(_joined(paragraph.fields), "field", f"{where}, field code", hidden=True)


def _joined(pieces: list[str]) -> str:
    return "".join(pieces).strip()


def _add_story_part(part: Part, kind: str, where: str, out: BoundedBuilder) -> set[str]:
    """A header, footer, footnotes, endnotes or comments part: one segment per note/comment."""
    root = parse_xml(part.blob)
    if kind in ("header", "footer"):
        return _add_story(root, kind, where, False, out)
    authors: set[str] = set()
    singular = {"footnotes": "footnote", "endnotes": "endnote", "comments": "comment"}[kind]
    ns = etree.QName(root).namespace
    for item in root:
        if item.get(f"{{{ns}}}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        if kind == "comments":
            author = item.get(f"{{{ns}}}author") or "unknown author"
            place = f"comment by {author}"
        else:
            place = f"{singular} {item.get(f'{{{ns}}}id', '')}".strip()
        authors |= _add_story(item, singular, place, kind == "comments", out)
    return authors


def _add_story(element: etree._Element, part_name: str, where: str, hidden: bool, out: BoundedBuilder) -> set[str]:
    collector = _Collector(element)
    collector.walk(element)
    merged = Paragraph(where)
    for paragraph in collector.paragraphs:
        merged.shown += [*paragraph.shown, "\n"]
        merged.deleted += [*paragraph.deleted, " "]
        merged.fields += [*paragraph.fields, " "]
    out.add(_joined(merged.shown), part_name, where, hidden)
    _add_hidden(merged, where, out)
    return collector.authors


def _header_places(part: Part) -> dict[str, str]:
    """rId of each header/footer → "section 2 header (first page)", from the sections' sectPr."""
    root = part.element
    ns = etree.QName(root).namespace
    places: dict[str, str] = {}
    for number, section in enumerate(root.iter(f"{{{ns}}}sectPr"), start=1):
        for reference in section:
            kind = etree.QName(reference).localname.removesuffix("Reference")
            if kind in ("header", "footer"):
                variant = VARIANTS.get(reference.get(f"{{{ns}}}type", "default"), "")
                places.setdefault(reference.get(REL_ID, ""), f"section {number} {kind}{variant}")
    return places


def _add_alt_chunk(part: Part, out: BoundedBuilder, ctx: Context) -> None:
    """An altChunk is a whole file (HTML, MHT, RTF, …) pasted into the body: read it as one."""
    name = str(part.partname).lstrip("/")
    suffix = CHUNK_SUFFIXES.get(part.content_type, "")
    if not name.lower().endswith(suffix):
        name += suffix
    out.include(ctx.nested(part.blob, name))
