"""Tables: CSV (kept exactly as decoded, one segment per row) and Excel .xlsx (one per cell).

A workbook's hidden sheets, cell comments, headers and footers, text boxes and properties
all leave with the file, so all are read. openpyxl's read-only mode has no comments and
trusts each sheet's declared size, so comments come from the XML and the declared size is
reset before reading (otherwise cells beyond it would go unchecked).
"""
from __future__ import annotations

import io
import posixpath
import re
import warnings
import zipfile
from datetime import date, datetime, time

import openpyxl
from lxml import etree

from scanner.extract.context import UNKNOWN_FORMAT, BoundedBuilder, Context
from scanner.extract.ooxml import add_embedded, add_properties, local, parse_xml, part_xml, related_parts
from scanner.extract.text import decode
from scanner.extract.zipguard import clear, open_archive, package_issues

_RECORD_BREAK = re.compile(r'"|\r\n|\r|\n')
# Header/footer codes: &L &C &R (sections), &P &N &D &T &F &A (fields), &"font,style", &12 (size).
_HEADER_CODE = re.compile(r'&(?:"[^"]*"|\d+|[A-Za-z])')
_DRAWING_PART = re.compile(r"^xl/(drawings|diagrams|charts)/[^/]+\.xml$")
STRICT_NAMESPACE = "http://purl.oclc.org/ooxml/spreadsheetml/main"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def read_csv(data: bytes, out: BoundedBuilder, ctx: Context) -> None:
    text = decode(data)
    rows = [(start, end, f"row {number}") for number, (start, end) in enumerate(record_spans(text), start=1)]
    out.add_verbatim(text, [row for row in rows if text[row[0]:row[1]].strip()], "row")


def record_spans(text: str) -> list[tuple[int, int]]:
    """Where each CSV record lies in `text`; a line break inside quotes does not end one."""
    spans: list[tuple[int, int]] = []
    start, quoted = 0, False
    for match in _RECORD_BREAK.finditer(text):
        if match.group() == '"':
            quoted = not quoted
        elif not quoted:
            spans.append((start, match.start()))
            start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def read_xlsx(data: bytes, out: BoundedBuilder, ctx: Context) -> None:
    with open_archive(data) as archive:
        if not clear(package_issues(archive, ctx), out):
            return
        add_properties(archive, out)
        if _is_strict(archive):
            out.problem(UNKNOWN_FORMAT, "The workbook is saved as 'Strict Open XML', which ShareGuard cannot "
                                        "read; save it as an ordinary Excel workbook.")
            return
        _add_cells(data, out)
        for sheet_name, sheet_part in _sheet_parts(archive):
            _add_comments(archive, sheet_name, sheet_part, out)
            _add_headers_footers(archive, sheet_name, sheet_part, out)
        _add_drawings(archive, out)
        add_embedded(archive, out, ctx, "xl/")


def _add_cells(data: bytes, out: BoundedBuilder) -> None:
    with warnings.catch_warnings():
        # openpyxl warns about every extension it does not support; the cells still load.
        warnings.simplefilter("ignore")
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            for number, sheet in enumerate(workbook.worksheets, start=1):
                hidden = sheet.sheet_state != "visible"
                out.add(sheet.title, "sheet_name", f"sheet {number} name", hidden)
                sheet.reset_dimensions()
                for row in sheet.iter_rows():
                    for cell in row:
                        if cell.value is not None:
                            out.add(cell_text(cell.value), "cell", f"{sheet.title}!{cell.coordinate}", hidden)
        finally:
            workbook.close()


def cell_text(value: object) -> str:
    """A cell value as the sheet shows it: UK dates, whole numbers without ".0"."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y" if value.time() == time() else "%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _is_strict(archive: zipfile.ZipFile) -> bool:
    """openpyxl reads a Strict Open XML workbook as empty, silently: it must not pass as read."""
    for _, workbook_part in related_parts(archive, "", "officeDocument"):
        workbook = part_xml(archive, workbook_part)
        return workbook is not None and etree.QName(workbook).namespace == STRICT_NAMESPACE
    return False


def _sheet_parts(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, part name) for each sheet, from the workbook and its relationships."""
    for _, workbook_part in related_parts(archive, "", "officeDocument"):
        workbook = part_xml(archive, workbook_part)
        if workbook is None:
            return []
        targets = dict(related_parts(archive, workbook_part, "worksheet"))
        sheets = (element for element in workbook.iter() if local(element) == "sheet")
        return [(sheet.get("name", ""), targets[sheet.get(R_ID)]) for sheet in sheets if sheet.get(R_ID) in targets]
    return []


def _add_comments(archive: zipfile.ZipFile, sheet_name: str, sheet_part: str, out: BoundedBuilder) -> None:
    for _, comments_part in related_parts(archive, sheet_part, "comments"):
        root = part_xml(archive, comments_part)
        if root is None:
            continue
        authors = [el.text or "" for el in root.iter() if local(el) == "author"]
        for comment in (el for el in root.iter() if local(el) == "comment"):
            author_id = int(comment.get("authorId", "-1"))
            author = authors[author_id] if 0 <= author_id < len(authors) else "unknown author"
            text = "".join(t.text or "" for t in comment.iter() if local(t) == "t")
            where = f"comment on {sheet_name}!{comment.get('ref', '')} by {author}"
            out.add(text.strip(), "comment", where, hidden=True)
        out.add("\n".join(dict.fromkeys(authors)), "property", f"{sheet_name} comment authors", hidden=True)


def _add_headers_footers(archive: zipfile.ZipFile, sheet_name: str, sheet_part: str, out: BoundedBuilder) -> None:
    try:
        raw = archive.read(sheet_part)
    except KeyError:
        return
    if b"headerFooter" not in raw:
        return
    events = etree.iterparse(io.BytesIO(raw), tag="{*}headerFooter", resolve_entities=False, no_network=True)
    for _, header_footer in events:
        for item in header_footer:
            text = _HEADER_CODE.sub(" ", (item.text or "").replace("&&", "\x00")).replace("\x00", "&")
            kind = re.sub(r"(?<!^)([A-Z])", r" \1", local(item)).lower()
            out.add(" ".join(text.split()), "header" if "header" in kind else "footer", f"{sheet_name} {kind}")


def _add_drawings(archive: zipfile.ZipFile, out: BoundedBuilder) -> None:
    """Text boxes, shapes, SmartArt and chart titles (DrawingML a:t runs)."""
    for name in archive.namelist():
        if not _DRAWING_PART.match(name):
            continue
        root = parse_xml(archive.read(name))
        paragraphs = ("".join(t.text or "" for t in p.iter() if local(t) == "t")
                      for p in root.iter() if local(p) == "p")
        out.add("\n".join(p for p in paragraphs if p.strip()), "drawing", f"drawing {posixpath.basename(name)}")
