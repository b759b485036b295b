"""Time to redact a 20-page Word document and a 20-page PDF (write the copy and verify it).

    .venv/bin/python bench/redact_speed.py

Both files are generated here, about invented people: about 40 lines a page of case-note
text in which three people to remove are named about 530 times in all (plus an NHS number),
a table, a header and footer, and for Word a comment and tracked changes on every page.
The findings are given, not detected, so the figures are the redaction alone:
`scanner.redact.redact` = targets and labels, the format's writer, then verification
(re-extraction and the byte search). Median of 3 runs, after one warm-up run (imports).
"""
from __future__ import annotations

import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
import pymupdf  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402

import scanner  # noqa: E402,F401  (offline guard first)
from scanner.config import load_config  # noqa: E402
from scanner.extract import extract_file  # noqa: E402
from scanner.redact import redact  # noqa: E402
from scanner.types import PERSONAL_DATA, Action, Decision, Finding, Outcome, ShareRequest, Subject  # noqa: E402

PAGES, LINES = 20, 40
PEOPLE = {"P-0008": ("Maisie Clarke", "child"), "P-0007": ("Tobias Grant", "parent"), "U-1": ("Rose Smith", "unknown")}
NHS = "943 476 5919"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FILLER = ("The visit took place at the family home and lasted about an hour.",
          "The kitchen was clean and there was food in the fridge.",
          "Amara Osei was also present and contributed to the discussion.",
          "Actions were agreed and will be reviewed at the next meeting.",
          "School attendance has improved since the last review.")


def lines(rng: random.Random) -> list[str]:
    out = []
    for number in range(PAGES * LINES):
        if number % 3 == 0:
            name = rng.choice([p[0] for p in PEOPLE.values()])
            out.append(f"{name} said the arrangements were working; {name.split()[0]} will be seen again soon.")
        elif number % 97 == 0:
            out.append(f"NHS number {NHS} confirmed with the GP.")
        else:
            out.append(rng.choice(FILLER))
    return out


def make_docx(path: Path, text: list[str]) -> None:
    document = docx.Document()
    document.core_properties.author = "Rose Smith"
    document.sections[0].header.paragraphs[0].text = "Case file: Maisie Clarke"
    document.sections[0].footer.paragraphs[0].text = f"NHS {NHS}"
    for number, line in enumerate(text):
        paragraph = document.add_paragraph(line)
        if number % LINES == 0:
            document.add_comment(paragraph.runs, text="Check with Tobias Grant", author="Rose Smith", initials="RS")
            paragraph._p.append(parse_xml(f'<w:del {W_NS} w:id="{number + 1}" w:author="RS"><w:r>'
                                          '<w:delText> Rose Smith</w:delText></w:r></w:del>'))
    table = document.add_table(rows=3, cols=2)
    for row, (name, role) in enumerate(PEOPLE.values()):
        table.cell(row, 0).text, table.cell(row, 1).text = name, role
    stream = io.BytesIO()
    document.save(stream)
    path.write_bytes(stream.getvalue())


def make_pdf(path: Path, text: list[str]) -> None:
    document = pymupdf.open()
    for page_number in range(PAGES):
        page = document.new_page()
        page.insert_text((50, 60), f"Case file: Maisie Clarke - page {page_number + 1}", fontsize=12)
        for row, line in enumerate(text[page_number * LINES:(page_number + 1) * LINES]):
            page.insert_text((50, 90 + row * 18), line, fontsize=10)
    document.set_metadata({"author": "Rose Smith", "title": "Case file: Maisie Clarke"})
    path.write_bytes(document.tobytes(garbage=4, deflate=True))


def outcome_for(path: Path) -> Outcome:
    document = extract_file(path)
    findings = []
    for subject, (name, _) in PEOPLE.items():
        for value in (name, name.split()[0]):
            at = document.text.find(value)
            findings.append(Finding(PERSONAL_DATA, "PERSON", at, at + len(value), value, 1.0, "bench", "bench",
                                    subject=subject))
    at = document.text.find(NHS)
    findings.append(Finding(PERSONAL_DATA, "UK_NHS", at, at + len(NHS), NHS, 1.0, "bench", "bench"))
    subjects = tuple(Subject(i, name, role, i.startswith("P-"), 1) for i, (name, role) in PEOPLE.items())
    decision = Decision(Action.REDACT, (), redact_subjects=tuple(PEOPLE), redact_types=("UK_NHS",))
    return Outcome(document, ShareRequest(), decision, tuple(findings), subjects)


def main() -> None:
    config = load_config()
    text = lines(random.Random(20251126))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, make in (("case-file.docx", make_docx), ("case-file.pdf", make_pdf)):
            source = root / name
            make(source, text)
            outcome = outcome_for(source)
            times, result = [], None
            for run in range(4):
                start = time.perf_counter()
                result = redact(outcome, source, root / f"out{run}", config)
                if run:
                    times.append(time.perf_counter() - start)
                assert result.verified, result.problems
            removed = sum(result.removed.values())
            pages = len(pymupdf.open(result.path)) if name.endswith(".pdf") else PAGES
            print(f"{name:16} {pages} pages, {source.stat().st_size / 1024:,.0f} KB: "
                  f"median {statistics.median(times):.2f} s over 3 runs (min {min(times):.2f}, max {max(times):.2f}); "
                  f"{removed} values replaced; verified")


if __name__ == "__main__":
    main()
