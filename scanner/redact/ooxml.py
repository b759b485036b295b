"""Word and Excel packages rewritten part by part: what the two writers share.

A package is a zip of XML parts tied together by relationships. Redaction edits parts in
place, drops whole parts (comments, custom properties, the first-page thumbnail) together
with every relationship and content-type entry that names them, and clears the properties
that name people (author, last modified by, manager). Every XML part then has the values
replaced in all of its text and attributes, whatever the part is: a hyperlink target, an
image's alt text or a chart title leaves with the file as surely as the body does.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable, Iterable

from lxml import etree

from scanner.extract.ooxml import parse_xml
from scanner.redact.context import Job

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
XML_SUFFIXES = (".xml", ".rels", ".vml")
CONTENT_TYPES = "[Content_Types].xml"
# Properties that name a person (or the organisation) and are not content: cleared outright.
CLEARED_PROPERTIES = {"creator", "lastModifiedBy", "Manager", "Company", "HyperlinkBase"}


class Package:
    """The parts of one package, in their original order, rewritten and saved as a new zip."""

    def __init__(self, data: bytes, job: Job) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
            if sum(i.file_size for i in infos) > job.limits.max_total_bytes:
                job.fail("the package unpacks to more than ShareGuard will rewrite")
            self.infos = {i.filename: i for i in infos}
            self.parts = {i.filename: archive.read(i) for i in infos}
        self._trees: dict[str, etree._Element] = {}

    def names(self, suffixes: tuple[str, ...] = XML_SUFFIXES) -> list[str]:
        return [n for n in self.parts if n.lower().endswith(suffixes)]

    def xml(self, name: str) -> etree._Element | None:
        """The parsed part (kept, so later edits see earlier ones); None if it is not well-formed."""
        if name not in self.parts:
            return None
        if name not in self._trees:
            try:
                self._trees[name] = parse_xml(self.parts[name])
            except etree.XMLSyntaxError:
                return None
        return self._trees[name]

    def related(self, source: str, kind: str) -> list[tuple[str, str]]:
        """(relationship id, part name) of the internal parts `source` ("" = the package) links
        to with a relationship type ending in /kind."""
        rels = self.xml(_rels_name(source)) if _rels_name(source) in self.parts else None
        if rels is None:
            return []
        folder = posixpath.dirname(source)
        return [(rel.get("Id", ""), _resolve(folder, rel.get("Target", ""))) for rel in rels
                if rel.get("TargetMode") != "External" and rel.get("Type", "").endswith("/" + kind)]

    def drop(self, names: Iterable[str]) -> int:
        """Remove parts, their own relationships, and every relationship and override naming them."""
        gone = {n for n in names if n in self.parts}
        gone |= {_rels_name(n) for n in gone if _rels_name(n) in self.parts}
        for name in gone:
            self.parts.pop(name)
            self._trees.pop(name, None)
        for rels_name in [n for n in self.parts if n.endswith(".rels")]:
            rels = self.xml(rels_name)
            if rels is None:
                continue
            folder = posixpath.dirname(posixpath.dirname(rels_name))
            for rel in list(rels):
                if rel.get("TargetMode") != "External" and _resolve(folder, rel.get("Target", "")) in gone:
                    rels.remove(rel)
        types = self.xml(CONTENT_TYPES)
        if types is not None:
            for override in list(types):
                if override.get("PartName", "").lstrip("/") in gone:
                    types.remove(override)
        return len(gone)

    def relationship_ids(self, source: str) -> set[str]:
        rels = self.xml(_rels_name(source)) if _rels_name(source) in self.parts else None
        return set() if rels is None else {rel.get("Id", "") for rel in rels}

    def save(self) -> bytes:
        for name, root in self._trees.items():
            if name in self.parts:
                self.parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        stream = io.BytesIO()
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.parts.items():
                original = self.infos[name]
                info = zipfile.ZipInfo(name, date_time=original.date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
        return stream.getvalue()


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _resolve(folder: str, target: str) -> str:
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))


def scrub_properties(package: Package, job: Job) -> None:
    """Clear who wrote the file, drop custom properties and the thumbnail (a picture of page 1)."""
    cleared = 0
    for kind in ("core-properties", "extended-properties"):
        for _, name in package.related("", kind):
            root = package.xml(name)
            for element in [] if root is None else root:
                if local(element) in CLEARED_PROPERTIES and (element.text or "").strip():
                    element.text = ""
                    cleared += 1
    job.clean("document properties cleared (author, last modified by, manager, company)", cleared)
    custom = [name for _, name in package.related("", "custom-properties")]
    trees = [package.xml(n) for n in custom]
    job.clean("custom document properties removed", sum(len(t) for t in trees if t is not None))
    package.drop(custom)
    thumbnails = [name for _, name in package.related("", "thumbnail")]
    job.clean("thumbnail picture of the first page removed", package.drop(thumbnails))


def local(element: etree._Element) -> str:
    """An element's name without its namespace ("" for comments and processing instructions)."""
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def replace_runs(root: etree._Element, job: Job, paragraph: str, texts: set[str], breaks: dict[str, str],
                 skip: frozenset[str] = frozenset(), preserve: bool = False) -> None:
    """Replace values across the text elements of each paragraph (Word runs, rich-text runs).

    `breaks` are empty elements that stand for a character (tab, line break), removed when a
    value runs over them; `skip` are subtrees that are not part of the text (phonetic guides).
    Paragraphs nested in a paragraph (text boxes) are handled as paragraphs of their own.
    """
    for para in list(root.iter(paragraph)):
        nodes: list[etree._Element] = []
        _collect(para, paragraph, texts, breaks, skip, nodes)
        pieces = [breaks[n.tag] if n.tag in breaks else (n.text or "") for n in nodes]
        replaced = job.replace_pieces(pieces)
        if replaced is None:
            continue
        for node, old, new in zip(nodes, pieces, replaced):
            if new == old:
                continue
            if node.tag in breaks:
                remove(node)
            else:
                node.text = new
                if preserve and new != new.strip():
                    node.set(XML_SPACE, "preserve")


def _collect(element: etree._Element, paragraph: str, texts: set[str], breaks: dict[str, str],
             skip: frozenset[str], out: list[etree._Element]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag == paragraph or tag in skip:
            continue
        if tag in texts or tag in breaks:
            out.append(child)
        else:
            _collect(child, paragraph, texts, breaks, skip, out)


def replace_tree(root: etree._Element, job: Job,
                 style: Callable[[etree._Element], Callable[[str], str] | None] = lambda _: None) -> None:
    """Replace values in every text, tail and attribute value of a part (one node at a time)."""
    for element in root.iter():
        shape = style(element)
        if element.text:
            element.text = job.replace(element.text, shape)
        if element.tail:
            element.tail = job.replace(element.tail, shape)
        if isinstance(element.tag, str):
            for name, value in element.attrib.items():
                new = job.replace(value, shape)
                if new != value:
                    element.set(name, new)


def replace_part(package: Package, name: str, job: Job) -> etree._Element | None:
    """The part's tree, with what only the format needs left alone: part names in
    [Content_Types].xml and internal relationship targets are structure ("footer1.xml"), not
    content, and renaming them would break the package. Returns the tree for further work on
    content parts, None for structural parts and parts that are not well-formed."""
    root = package.xml(name)
    if root is None:
        replace_raw(package, name, job)
        return None
    if name == CONTENT_TYPES:
        return None
    if name.endswith(".rels"):
        for rel in root:
            if rel.get("TargetMode") == "External" and rel.get("Target"):
                rel.set("Target", job.replace(rel.get("Target")))  # hyperlinks, mailto: addresses
        return None
    return root


def replace_raw(package: Package, name: str, job: Job) -> None:
    """A part that is not well-formed XML (legacy VML often is not): replace in its raw text."""
    text = package.parts[name].decode("utf-8", errors="replace")
    package.parts[name] = job.replace(text).encode("utf-8")


def remove(element: etree._Element) -> None:
    """Detach an element, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def unwrap(element: etree._Element) -> None:
    """Replace an element by its children (a tracked insertion, accepted)."""
    parent = element.getparent()
    if parent is None:
        return
    at = parent.index(element)
    for child in reversed(list(element)):
        parent.insert(at, child)
    remove(element)
