"""What Word and Excel packages share: safe XML, relationships, properties, embedded objects.

Document properties (author, last modified by, company, custom fields) are hidden from the
reader but leave with the file, so they are extracted as hidden `property` segments.
Embedded objects are read when they are files ShareGuard understands (an .xlsx in a .docx)
and are otherwise a problem: nothing inside the package goes unchecked.
"""
from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator

from lxml import etree

from scanner.extract.context import OPAQUE_CONTENT, OVER_LIMIT, BoundedBuilder, Context, LimitExceeded
from scanner.extract.zipguard import read_member

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CORE_LABELS = {
    "creator": "author", "lastModifiedBy": "last modified by", "title": "title", "subject": "subject",
    "keywords": "keywords", "description": "comments", "category": "category",
    "contentStatus": "status", "identifier": "identifier",
}
APP_LABELS = {"Company": "company", "Manager": "manager", "HyperlinkBase": "hyperlink base", "Template": "template"}
EMBEDDED_FOLDERS = ("embeddings/", "activeX/")


def parse_xml(data: bytes) -> etree._Element:
    """Parse package XML without entity expansion or network access."""
    return etree.fromstring(data, _PARSER)


def local(element: etree._Element) -> str:
    """An element's name without its namespace (strict and transitional OOXML differ there)."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def part_xml(archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        return parse_xml(archive.read(name))
    except KeyError:
        return None


def related_parts(archive: zipfile.ZipFile, source: str, kind: str) -> Iterator[tuple[str, str]]:
    """(relationship id, part name) of the parts `source` links to with a type ending in /kind.

    `source` is a part name ("xl/workbook.xml") or "" for the package itself.
    """
    folder, base = posixpath.split(source)
    rels = part_xml(archive, posixpath.join(folder, "_rels", base + ".rels"))
    if rels is None:
        return
    for rel in rels:
        if rel.get("TargetMode") == "External" or not rel.get("Type", "").endswith("/" + kind):
            continue
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        yield rel.get("Id", ""), path


def external_targets(archive: zipfile.ZipFile, source: str) -> list[str]:
    """Links that point outside the package (hyperlinks, mailto: addresses, linked files)."""
    folder, base = posixpath.split(source)
    rels = part_xml(archive, posixpath.join(folder, "_rels", base + ".rels"))
    if rels is None:
        return []
    return [rel.get("Target", "") for rel in rels if rel.get("TargetMode") == "External"]


def add_properties(archive: zipfile.ZipFile, out: BoundedBuilder) -> None:
    """Core, extended (app.xml) and custom properties, as hidden `property` segments."""
    for _, name in related_parts(archive, "", "core-properties"):
        for element in _children(archive, name):
            label = CORE_LABELS.get(local(element))
            if label:
                out.add(element.text or "", "property", label, hidden=True)
    for _, name in related_parts(archive, "", "extended-properties"):
        for element in _children(archive, name):
            label = APP_LABELS.get(local(element))
            if label:
                out.add(element.text or "", "property", label, hidden=True)
    for _, name in related_parts(archive, "", "custom-properties"):
        for prop in _children(archive, name):
            value = " ".join(t.strip() for t in prop.itertext() if t.strip())
            if value:
                label = prop.get("name", "")
                out.add(f"{label}: {value}", "property", f"custom property {label}", hidden=True)


def _children(archive: zipfile.ZipFile, name: str) -> list[etree._Element]:
    root = part_xml(archive, name)
    return [] if root is None else list(root)


def add_embedded(archive: zipfile.ZipFile, out: BoundedBuilder, ctx: Context, folder: str) -> None:
    """Read embedded files under `folder` ("word/", "xl/"); macros and unknown objects are problems."""
    for info in archive.infolist():
        name = info.filename
        if not name.startswith(folder) or info.is_dir():
            continue
        if posixpath.basename(name).lower().startswith("vbaproject"):
            out.problem(OPAQUE_CONTENT, "The document contains macros, which ShareGuard cannot check.", name)
        elif name[len(folder):].startswith(EMBEDDED_FOLDERS):
            try:
                data = read_member(archive, info, ctx)
            except LimitExceeded as exceeded:
                out.problem(OVER_LIMIT, str(exceeded), name)
                continue
            ctx.include_file(out, data, name, OPAQUE_CONTENT)
