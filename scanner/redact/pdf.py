"""PDF (PyMuPDF): the values removed from the page content itself, not hidden under a box.

Each page's characters are read with their positions and matched as one run of text (so a
name broken over two lines, or hyphenated, is found); every match becomes a redaction
annotation, and `apply_redactions` deletes the characters under it from the content stream
(and blanks the image pixels there), then draws a black box with the replacement label.
Around the pages: annotations (notes, their authors, file attachments) are removed, form
field values are rewritten and their pictures redrawn, links to a removed value go, XFA form
data, metadata, XMP, JavaScript, thumbnails and embedded files are removed, and every other
string in the file that holds a removed value is rewritten (bookmarks, a field's options and
default, an imported drawing's own author). The file is written in full with unused objects
collected, never incrementally (an incremental save keeps the old page content in the file).

A page without a text layer (a scan) cannot be checked, so it cannot be redacted: failure.
The output is re-read and searched by `verify` before it may go: PyMuPDF has regressed on
text removal before (notes/dependencies.md §4).
"""
from __future__ import annotations

from functools import lru_cache

import pymupdf

from scanner.redact.context import Job
from scanner.redact.match import Hit
from scanner.redact.pdfstrings import replace_strings, strings

MUPDF_ERRORS = (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase)
# What apply_redactions does to what lies under a redaction. Module constants so that a test can
# switch text removal off (a box over the text) and show that verification catches it.
TEXT_MODE = pymupdf.PDF_REDACT_TEXT_REMOVE
IMAGE_MODE = pymupdf.PDF_REDACT_IMAGE_PIXELS
GRAPHICS_MODE = pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED
# Characters as written (ligatures split into letters, whitespace kept), including any outside the page box.
CHAR_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE
BLACK, WHITE = (0, 0, 0), (1, 1, 1)
KEPT_ANNOTATIONS = (pymupdf.PDF_ANNOT_WIDGET, pymupdf.PDF_ANNOT_LINK, pymupdf.PDF_ANNOT_REDACT)


def redact_pdf(data: bytes, job: Job) -> bytes:
    try:
        document = pymupdf.open(stream=data, filetype="pdf")
    except MUPDF_ERRORS:
        job.fail("the PDF cannot be opened")
    try:
        with document:
            if document.needs_pass or document.is_encrypted:
                job.fail("the PDF is encrypted, so it cannot be rewritten")
            _redact(document, job)
            # Saved once to drop what is no longer used (deleted notes, old page content), so
            # that the pass over every remaining string touches only what stays in the file.
            collected = document.tobytes(garbage=4)
        with pymupdf.open(stream=collected, filetype="pdf") as document:
            _rewrite_strings(document, job)
            for page in document:
                _refresh_fields(page, job)
            return document.tobytes(garbage=4, deflate=True, clean=True)
    finally:
        pymupdf.TOOLS.reset_mupdf_warnings()


def _redact(document: pymupdf.Document, job: Job) -> None:
    for page in document:
        if not page.get_text().strip() and (page.get_images() or page.get_cdrawings()):
            job.fail(f"page {page.number + 1} has no text layer (it is scanned or drawn), so what it shows "
                     "cannot be checked or redacted")
    annotations = 0
    for page in document:
        annotations += _drop_annotations(page)
        _clean_fields(page, job)
        _drop_links(page, job)
        if _mark(page, job):
            page.apply_redactions(images=IMAGE_MODE, graphics=GRAPHICS_MODE, text=TEXT_MODE)
    job.clean("annotations removed (notes, their authors, attached files)", annotations)
    catalog = document.pdf_catalog()
    if document.xref_get_key(catalog, "AcroForm/XFA")[0] != "null":
        document.xref_set_key(catalog, "AcroForm/XFA", "null")
        job.clean("XFA form data removed")
    job.clean("embedded files removed", _drop_attachments(document))
    _drop_metadata(document)
    job.clean("metadata and XMP cleared")


def _rewrite_strings(document: pymupdf.Document, job: Job) -> None:
    """Every string in every object that holds a removed value: bookmarks, a field's default
    value and list options, named destinations, an imported drawing's own author…"""
    for xref in range(1, document.xref_length()):
        try:
            new = replace_strings(document.xref_object(xref), job.replace)
            if new is not None:
                document.update_object(xref, new)
        except MUPDF_ERRORS:
            continue  # a damaged object: verification searches it all the same


def _refresh_fields(page: pymupdf.Page, job: Job) -> None:
    """A field's picture (appearance stream) shows its value and options: redrawn from the
    rewritten field, or the field goes if it still shows a removed value."""
    for widget in page.widgets():
        if not _shows_removed(page.parent, widget.xref, job):
            continue
        try:
            widget.update()
        except MUPDF_ERRORS:
            pass
        if _shows_removed(page.parent, widget.xref, job):
            page.delete_widget(widget)
            job.clean("form fields removed (could not be rewritten)")


def _shows_removed(document: pymupdf.Document, xref: int, job: Job) -> bool:
    kind, value = document.xref_get_key(xref, "AP/N")
    if kind != "xref":
        return False
    content = (document.xref_stream(int(value.split()[0])) or b"").decode("latin-1")
    return bool(job.matcher.search(content) or job.matcher.search("".join(t for *_, t in strings(content))))


def _drop_attachments(document: pymupdf.Document) -> int:
    """Attached files, wherever they are listed: the attachment list, portfolios, associated
    files, or a file specification no list names any more. Their names go too."""
    catalog = document.pdf_catalog()
    for key in ("Names/EmbeddedFiles", "Collection", "AF"):
        if document.xref_get_key(catalog, key)[0] != "null":
            document.xref_set_key(catalog, key, "null")
    specifications = files = 0
    for xref in range(1, document.xref_length()):
        try:
            if document.xref_get_key(xref, "EF")[0] != "null":
                document.update_object(xref, "<</Type/Filespec/F()/UF()>>")
                specifications += 1
            elif document.xref_get_key(xref, "Type")[1] == "/EmbeddedFile" and document.xref_is_stream(xref):
                document.update_stream(xref, b"")
                files += 1
        except MUPDF_ERRORS:
            continue  # a damaged object: what it holds is searched for by verification
    return max(specifications, files)


def _drop_metadata(document: pymupdf.Document) -> None:
    """The Info dictionary, XMP (the document's and any object's), page thumbnails, private
    editor data and JavaScript. (Document.scrub does most of this, but stops at a damaged object.)"""
    document.set_metadata({})
    document.del_xml_metadata()
    for xref in range(1, document.xref_length()):
        try:
            if document.xref_get_key(xref, "S")[1] == "/JavaScript":
                document.update_object(xref, "<</S/JavaScript/JS()>>")
                continue
            if document.xref_get_key(xref, "Type")[1] == "/Metadata" and document.xref_is_stream(xref):
                document.update_stream(xref, b"")
            for key in ("Metadata", "Thumb", "PieceInfo"):
                if document.xref_get_key(xref, key)[0] != "null":
                    document.xref_set_key(xref, key, "null")
        except MUPDF_ERRORS:
            continue
    catalog = document.pdf_catalog()
    if document.xref_get_key(catalog, "Names/JavaScript")[0] != "null":
        document.xref_set_key(catalog, "Names/JavaScript", "null")


def _drop_annotations(page: pymupdf.Page) -> int:
    doomed = [a for a in page.annots() if a.type[0] not in KEPT_ANNOTATIONS]
    for annotation in doomed:
        page.delete_annot(annotation)
    return len(doomed)


def _clean_fields(page: pymupdf.Page, job: Job) -> None:
    """Form fields: the value, the tooltip and the options of a list (the rest of a field's
    strings are rewritten with every other string, see _rewrite_strings)."""
    for widget in page.widgets():
        changed = False
        for attribute in ("field_value", "field_label"):
            value = getattr(widget, attribute, None)
            if isinstance(value, str) and job.matcher.search(value):
                setattr(widget, attribute, job.replace(value))
                changed = True
        options = widget.choice_values or []
        if any(isinstance(o, str) and job.matcher.search(o) for o in options):
            widget.choice_values = [job.replace(o) if isinstance(o, str) else o for o in options]
            changed = True
        if changed:
            try:
                widget.update()
            except MUPDF_ERRORS:
                page.delete_widget(widget)
                job.clean("form fields removed (could not be rewritten)")


def _drop_links(page: pymupdf.Page, job: Job) -> None:
    for link in page.get_links():
        target = " ".join(str(link.get(k, "")) for k in ("uri", "file", "name"))
        hits = job.matcher.hits(target)
        if hits:
            job.count(hits)
            page.delete_link(link)
            job.clean("links to a removed value removed")


def _mark(page: pymupdf.Page, job: Job) -> int:
    """Add a redaction annotation over every match on the page; the number of matches."""
    text, boxes = _characters(page)
    hits = job.matcher.hits(text)
    job.count(hits)
    for hit in hits:
        for number, rect in enumerate(_line_rects(hit, boxes)):
            label = hit.target.replacement if number == 0 else ""
            page.add_redact_annot(rect, text=label or None, fontname="helv", fontsize=_font_size(rect, label),
                                  fill=BLACK, text_color=WHITE, cross_out=False)
    return len(hits)


def _characters(page: pymupdf.Page) -> tuple[str, list[tuple[int, tuple[float, ...]] | None]]:
    """The page's text, one character per position, with each character's line and box."""
    chars: list[str] = []
    boxes: list[tuple[int, tuple[float, ...]] | None] = []
    line_number = 0
    for block in page.get_text("rawdict", flags=CHAR_FLAGS)["blocks"]:
        for line in block.get("lines", ()):
            line_number += 1
            for span in line["spans"]:
                for char in span["chars"]:
                    for letter in char["c"] or " ":
                        chars.append(letter)
                        boxes.append((line_number, char["bbox"]))
            chars.append("\n")
            boxes.append(None)
    return "".join(chars), boxes


def _line_rects(hit: Hit, boxes: list[tuple[int, tuple[float, ...]] | None]) -> list[pymupdf.Rect]:
    """One rectangle per line the match lies on."""
    lines: dict[int, pymupdf.Rect] = {}
    for box in boxes[hit.start:hit.end]:
        if box is None:
            continue
        number, (x0, y0, x1, y1) = box
        if x1 <= x0 or y1 <= y0:
            continue
        rect = lines.setdefault(number, pymupdf.Rect(x0, y0, x1, y1))
        rect.include_rect((x0, y0, x1, y1))
    return list(lines.values())


def _font_size(rect: pymupdf.Rect, label: str) -> float:
    """The largest size (at most 11 pt) at which the label fits the box; apply_redactions shrinks further."""
    size = max(4.0, min(11.0, rect.height * 0.75))
    if label:
        size = max(4.0, min(size, rect.width / _label_width(label) - 0.5))
    return size


@lru_cache(maxsize=256)
def _label_width(label: str) -> float:
    """The label's width at 1 pt (widths scale with the size)."""
    return max(pymupdf.get_text_length(label, fontname="helv", fontsize=1), 0.01)
