"""Word (.docx): the values removed from every story, and nothing hidden left behind.

Works on the package's XML, not through python-docx, because python-docx cannot see text in
content controls, text boxes or tracked insertions (notes/dependencies.md §5), and rewriting
a run's text through it drops the run's other children.

- Tracked changes are accepted: deleted text (w:del, w:moveFrom) is removed with its
  content, inserted text is kept as ordinary text, and formatting-change records go.
- Comments are removed: the comments parts (with their authors, people.xml) and the
  anchors in the text.
- Each paragraph of the body, tables, text boxes (both copies: the drawing and the fallback
  for old readers), headers, footers, footnotes and endnotes is matched as one run of text,
  so a name split across runs by formatting is found; the replacement goes into the run
  where the value starts, so the surrounding formatting stays.
- Then every part's remaining text and attributes (field codes, hyperlink targets, alt text,
  chart titles) are matched node by node; properties are scrubbed (see `ooxml`).
- Embedded files are redacted with their own format's writer; one that cannot be is a failure.
"""
from __future__ import annotations

import re

from lxml import etree

from scanner.redact.context import Job
from scanner.redact.ooxml import (
    A_NS, Package, local, remove, replace_part, replace_runs, replace_tree, scrub_properties, unwrap,
)

WORD_NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                   "http://purl.oclc.org/ooxml/wordprocessingml/main")
# Parts holding comments and the people who wrote them or tracked changes.
_COMMENT_PARTS = re.compile(r"^word/(comments|commentsExtended|commentsIds|commentsExtensible|people)\d*\.xml$")
_REMOVED_WITH_CONTENT = {"del", "moveFrom"}
_KEPT_CONTENT = {"ins", "moveTo"}
_CHANGE_RECORDS = {
    "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange", "tcPrChange",
    "tblGridChange", "numberingChange", "cellIns", "cellDel", "cellMerge", "delText", "delInstrText",
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
    "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart",
    "customXmlMoveToRangeEnd",
}
_COMMENT_MARKS = {"commentRangeStart", "commentRangeEnd", "commentReference"}
_SETTINGS_DROPPED = {"trackRevisions"}  # the copy should not go on recording changes


def redact_docx(data: bytes, job: Job) -> bytes:
    package = Package(data, job)
    _drop_comments(package, job)
    scrub_properties(package, job)
    for name in package.names():
        root = replace_part(package, name, job)
        if root is None:
            continue
        namespace = _word_namespace(root)
        if namespace:
            _accept_changes(root, namespace, job)
            _remove_comment_marks(root, namespace)
            w = f"{{{namespace}}}"
            replace_runs(root, job, w + "p", {w + "t"}, {w + "tab": "\t", w + "br": "\n", w + "cr": "\n"},
                         preserve=True)
            if name.endswith("/settings.xml"):
                for element in [e for e in root if local(e) in _SETTINGS_DROPPED]:
                    remove(element)
        replace_runs(root, job, f"{{{A_NS}}}p", {f"{{{A_NS}}}t"}, {f"{{{A_NS}}}br": "\n"})
        replace_tree(root, job)
    for name in [n for n in package.parts if n.startswith("word/embeddings/")]:
        package.parts[name] = job.redact_file(package.parts[name], name)
    return package.save()


def _word_namespace(root: etree._Element) -> str | None:
    namespaces = set(root.nsmap.values())
    return next((ns for ns in WORD_NAMESPACES if ns in namespaces), None)


def _drop_comments(package: Package, job: Job) -> None:
    parts = [n for n in package.parts if _COMMENT_PARTS.match(n)]
    comments = 0
    for name in parts:
        root = package.xml(name)
        if root is not None and re.match(r"word/comments\d*\.xml$", name):
            comments += sum(1 for item in root if local(item) == "comment")
    package.drop(parts)
    job.clean("comments removed", comments)


def _accept_changes(root: etree._Element, namespace: str, job: Job) -> None:
    changes = 0
    for element in list(root.iter(f"{{{namespace}}}*")):
        name = local(element)
        if name in _REMOVED_WITH_CONTENT:
            changes += len(element) > 0
            remove(element)
        elif name in _KEPT_CONTENT:
            changes += len(element) > 0
            unwrap(element)
        elif name in _CHANGE_RECORDS:
            changes += name.endswith("Change")
            remove(element)
    job.clean("tracked changes accepted", changes)


def _remove_comment_marks(root: etree._Element, namespace: str) -> None:
    for element in list(root.iter(f"{{{namespace}}}*")):
        if local(element) not in _COMMENT_MARKS:
            continue
        run = element.getparent()
        remove(element)
        # A run that only carried the reference (and its formatting) goes with it.
        if run is not None and local(run) == "r" and all(local(c) == "rPr" for c in run):
            remove(run)
