"""Tables: CSV (as text, written back the same way) and Excel .xlsx (every cell, hidden sheets too).

A workbook is rewritten part by part, not loaded and saved with openpyxl, which silently
drops images and shapes (notes/dependencies.md §6). Text cells live in the shared-strings
part (rich text runs matched as one string) or inline; a number or date is matched as the
sheet shows it ("14/03/2015", "9434765919"), read through openpyxl, and a cell that holds a
removed value becomes a text cell with its label. Hidden sheets are redacted like the
others. Cell comments (and threaded comments, their authors and the drawings that show
them) are removed; headers and footers, text boxes, charts, defined names and formulas
have the values replaced; a sheet named after a person is renamed with the label (without
brackets, which sheet names may not hold), in formulas too; properties are scrubbed.
"""
from __future__ import annotations

import io
import re
import warnings
from collections import defaultdict

import openpyxl
from lxml import etree

from scanner.extract.sheet import cell_text
from scanner.redact.context import Job
from scanner.redact.match import Hit
from scanner.redact.ooxml import (
    A_NS, R_NS, Package, local, remove, replace_part, replace_runs, replace_tree, scrub_properties,
)
from scanner.redact.text import read_text

S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
S = f"{{{S_NS}}}"
# Header and footer codes (&L &C &R sections, &P page number, &"font,style", &12 size, && an ampersand).
_HEADER_CODE = re.compile(r'(&(?:"[^"]*"|\d+|[A-Za-z&]))')
_HEADER_FOOTERS = {"oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"}
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
_COMMENT_KINDS = ("comments", "threadedComment")


def redact_csv(data: bytes, job: Job) -> bytes:
    text, encoding = read_text(data, job)
    return encoding.encode(job.replace(text))


def redact_xlsx(data: bytes, job: Job) -> bytes:
    package = Package(data, job)
    sheets = _sheet_parts(package)
    values = _number_cells(data, sheets, job)
    _drop_comments(package, list(sheets.values()), job)
    scrub_properties(package, job)
    for name in package.names():
        root = replace_part(package, name, job)
        if root is None:
            continue
        if name in values:
            _replace_cells(root, values[name], job)
        for element in root.iter(*(S + tag for tag in _HEADER_FOOTERS)):
            element.text = "".join(p if _HEADER_CODE.fullmatch(p) else job.replace(p)
                                   for p in _HEADER_CODE.split(element.text or ""))
        for container in ("si", "is"):  # shared and inline strings, rich text runs as one string
            replace_runs(root, job, S + container, {S + "t"}, {}, skip=frozenset({S + "rPh"}), preserve=True)
        replace_runs(root, job, f"{{{A_NS}}}p", {f"{{{A_NS}}}t"}, {f"{{{A_NS}}}br": "\n"})
        replace_tree(root, job, _style)
    _check_sheet_names(package, job)
    return package.save()


def _sheet_parts(package: Package) -> dict[str, str]:
    """Sheet name → part name."""
    for _, workbook in package.related("", "officeDocument"):
        root = package.xml(workbook)
        targets = dict(package.related(workbook, "worksheet"))
        if root is None:
            return {}
        return {s.get("name", ""): targets[s.get(f"{{{R_NS}}}id")] for s in root.iter(S + "sheet")
                if s.get(f"{{{R_NS}}}id") in targets}
    return {}


def _number_cells(data: bytes, sheets: dict[str, str], job: Job) -> dict[str, dict[str, tuple[str, list[Hit]]]]:
    """Cells that are not text (numbers, dates) whose shown value holds a removed value:
    part name → cell reference → (new text, hits)."""
    found: dict[str, dict[str, tuple[str, list[Hit]]]] = defaultdict(dict)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value is None or isinstance(cell.value, str):
                        continue
                    new, hits = job.matcher.replace(cell_text(cell.value))
                    if hits and sheet.title in sheets:
                        found[sheets[sheet.title]][cell.coordinate] = (new, hits)
    finally:
        workbook.close()
    return found


def _replace_cells(root: etree._Element, cells: dict[str, tuple[str, list[Hit]]], job: Job) -> None:
    for cell in root.iter(S + "c"):
        if cell.get("r") not in cells:
            continue
        new, hits = cells[cell.get("r")]
        for child in list(cell):
            if local(child) == "f" and child.get("t") == "shared" and child.get("ref"):
                job.fail(f"cell {cell.get('r')} holds a value to remove and a formula other cells share")
            if local(child) in ("f", "v", "is"):
                remove(child)
        cell.set("t", "inlineStr")
        inline = etree.Element(S + "is")
        etree.SubElement(inline, S + "t").text = new
        extensions = [c for c in cell if local(c) == "extLst"]
        if extensions:
            extensions[0].addprevious(inline)
        else:
            cell.append(inline)
        job.count(hits)


def _drop_comments(package: Package, sheet_parts: list[str], job: Job) -> None:
    """Cell comments, threaded comments, the people who wrote them, and the drawings showing them."""
    doomed: list[str] = []
    comments = 0
    for sheet in sheet_parts:
        notes = [name for kind in _COMMENT_KINDS for _, name in package.related(sheet, kind)]
        if not notes:
            continue
        for name in notes:
            root = package.xml(name)
            if root is not None and local(root) == "comments":
                comments += sum(1 for e in root.iter(S + "comment"))
        drawings = package.related(sheet, "vmlDrawing")
        doomed += notes + [name for _, name in drawings]
        root = package.xml(sheet)
        if root is not None:
            for element in list(root.iter(S + "legacyDrawing")):
                if element.get(f"{{{R_NS}}}id") in {rid for rid, _ in drawings}:
                    remove(element)
    for _, workbook in package.related("", "officeDocument"):
        doomed += [name for _, name in package.related(workbook, "person")]
    package.drop(doomed)
    job.clean("comments removed", comments)


def _style(element: etree._Element):  # noqa: ANN202
    """Sheet names, and formulas and defined names that refer to sheets, take labels without brackets."""
    return _sheet_name if local(element) in ("sheet", "f", "definedName") else None


def _sheet_name(label: str) -> str:
    return _NOT_IN_SHEET_NAMES.sub("", label).strip()[:31] or "Redacted"


def _check_sheet_names(package: Package, job: Job) -> None:
    for _, workbook in package.related("", "officeDocument"):
        root = package.xml(workbook)
        names = [s.get("name", "").lower() for s in ([] if root is None else root.iter(S + "sheet"))]
        if len(names) != len(set(names)):
            job.fail("two sheets would have the same name once the values are replaced")
