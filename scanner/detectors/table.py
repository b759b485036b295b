"""Column headers as context: in a spreadsheet or CSV export, the header says what a cell is.

A pupil list's "DOB" column holds dates of birth and its "Surname" column holds names, even
where the cell alone ("02/03/2005", "Nowak") says nothing. Reads CSV-like text (a header line
and rows with the same delimiter) and spreadsheet cells ("Sheet1!B4" segments).
"""
from __future__ import annotations

import re
from typing import ClassVar, Iterable, Iterator

from scanner.detectors.base import Chunk, finding
from scanner.detectors.dob import PATTERNS as DATE_PATTERNS
from scanner.detectors.registry import register_detector
from scanner.types import Finding

_DOB_HEADER = re.compile(r"\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|birthday|born)\b", re.IGNORECASE)
_NAME_HEADER = re.compile(
    r"\b(?:(?:full |first |last |middle |given |family |child(?:'s)? |pupil |mother(?:'s)? |father(?:'s)? )?names?"
    r"|forenames?|surname|firstname|lastname|middlenames?|mother|father|parent|carer|guardian|child"
    r"|pupil|student|referrer|contact)\b",
    re.IGNORECASE,
)
_NOT_PEOPLE = re.compile(r"\b(?:school|organi[sz]ation|company|team|file|street|road|town|place|service|agency|user ?name)\b",
                         re.IGNORECASE)
_DATE = re.compile("|".join(f"(?:{p.regex})" for p in DATE_PATTERNS).replace("\\1", "[/.\\-]"), re.IGNORECASE)
_CELL_REF = re.compile(r"^(?P<sheet>.+)!(?P<col>[A-Z]{1,3})(?P<row>\d+)$")
_DELIMITERS = (",", "\t", ";", "|")
_FIELD = {d: re.compile(rf'"(?:[^"]|"")*"|[^{re.escape(d)}\n]*') for d in _DELIMITERS}


@register_detector("table_columns")
class TableColumnDetector:
    name: ClassVar[str] = "table_columns"
    produces: ClassVar[frozenset[str]] = frozenset({"DATE_OF_BIRTH", "PERSON"})

    def detect(self, chunk: Chunk) -> Iterable[Finding]:
        for header, start, end in _cells(chunk):
            yield from _classify(chunk, header, start, end)


def _classify(chunk: Chunk, header: str, start: int, end: int) -> Iterator[Finding]:
    value = chunk.text[start:end]
    if _DOB_HEADER.search(header):
        match = _DATE.search(value)
        if match:
            yield finding(chunk, start + match.start(), start + match.end(), "DATE_OF_BIRTH", 0.85,
                          "table_columns", f"a date in the column headed '{header.strip()}'")
    elif _NAME_HEADER.search(header) and not _NOT_PEOPLE.search(header):
        lead = len(value) - len(value.lstrip(' "'))
        name = value.strip(' "')
        if 2 <= len(name) <= 60 and any(c.isalpha() for c in name) and not any(c.isdigit() or c == "@" for c in name):
            yield finding(chunk, start + lead, start + lead + len(name), "PERSON", 0.8,
                          "table_columns", f"a value in the column headed '{header.strip()}'")


def _cells(chunk: Chunk) -> Iterator[tuple[str, int, int]]:
    """(header, start, end) for every data cell the chunk holds, from CSV text or sheet cells."""
    if chunk.document is not None and chunk.document.format == "xlsx":
        yield from _sheet_cells(chunk)
    elif chunk.offset == 0:
        yield from _csv_cells(chunk.text)


def _csv_cells(text: str) -> Iterator[tuple[str, int, int]]:
    first = text[: text.find("\n") if "\n" in text else len(text)]
    if max(first.count(d) for d in _DELIMITERS) < 2:
        return  # prose, not a table: no need to look further
    lines = list(_lines(text))
    if len(lines) < 2:
        return
    header_start, header_line = lines[0]
    delimiter = max(_DELIMITERS, key=header_line.count)
    width = header_line.count(delimiter)
    if width < 2:
        return
    headers = [header_line[s:e] for s, e in _fields(header_line, delimiter)]
    for line_start, line in lines[1:]:
        spans = _fields(line, delimiter)
        if len(spans) != len(headers):
            continue
        for header, (s, e) in zip(headers, spans):
            if e > s:
                yield header, line_start + s, line_start + e


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            yield pos, body
        pos += len(line)


def _fields(line: str, delimiter: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    pattern = _FIELD[delimiter]
    while pos <= len(line):
        match = pattern.match(line, pos)
        spans.append((match.start(), match.end()))
        pos = match.end() + 1
        if match.end() >= len(line) or line[match.end()] != delimiter:
            break
    return spans


def _sheet_cells(chunk: Chunk) -> Iterator[tuple[str, int, int]]:
    cells: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
    for seg in chunk.document.segments:
        ref = _CELL_REF.match(seg.where)
        if seg.part == "cell" and ref:
            key = (ref["sheet"], ref["col"])
            cells.setdefault(key, []).append((int(ref["row"]), seg.start - chunk.offset, seg.end - chunk.offset))
    for column in cells.values():
        column.sort()
        _, h_start, h_end = column[0]
        if not (0 <= h_start and h_end <= len(chunk.text)):
            continue
        header = chunk.text[h_start:h_end]
        for _, start, end in column[1:]:
            if 0 <= start and end <= len(chunk.text):
                yield header, start, end
