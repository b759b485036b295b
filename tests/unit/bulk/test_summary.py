"""The summary (counts by type, category, folder; what could not be read) and its offline HTML report."""
from __future__ import annotations

import re

from scanner.bulk.report_html import render
from scanner.bulk.summary import summarise, summary_table

QUASI = frozenset({"DATE_TIME", "LOCATION"})
RECORDS = [
    {"path": "/arch/2024/a.txt", "status": "ok", "words": 100, "format": "txt",
     "findings": {"personal_data": {"PERSON": 2, "UK_NHS": 1}, "safeguarding": {"neglect": 2}},
     "safeguarding": {"neglect": {"affirmed": 1, "negated": 1}}},
    {"path": "/arch/2024/b.docx", "status": "ok", "words": 50, "format": "docx",
     "findings": {"personal_data": {"PERSON": 1}, "special_category": {"HEALTH": 3}},
     "safeguarding": {}},
    {"path": "/arch/2023/leaflet.txt", "status": "ok", "words": 20, "format": "txt",
     "findings": {"personal_data": {"LOCATION": 1}}, "safeguarding": {}},
    {"path": "/arch/2023/locked.pdf", "status": "unreadable", "words": 0, "format": "pdf", "findings": {},
     "safeguarding": {}, "problems": [{"code": "encrypted", "message": "The PDF is password-protected.", "where": ""}]},
]


def test_counts_by_type_category_folder_and_problem():
    s = summarise(RECORDS, QUASI, ["/arch"])
    assert (s["documents"], s["with_personal_data"], s["with_special_category"], s["with_affirmed_concern"],
            s["unreadable"], s["words"]) == (4, 2, 1, 1, 1, 170)
    assert s["types"]["personal_data"]["PERSON"] == {"documents": 2, "findings": 3}
    assert s["types"]["special_category"] == {"HEALTH": {"documents": 1, "findings": 3}}
    assert s["safeguarding"] == {"neglect": {"affirmed": 1, "negated": 1, "hypothetical": 0}}
    assert s["folders"][0] == {"folder": "arch/2024", "documents": 2, "with_personal_data": 2,
                               "with_special_category": 1, "with_affirmed_concern": 1, "unreadable": 0}
    assert s["lists"]["unreadable"] == [{"path": "/arch/2023/locked.pdf", "problems": [
        {"code": "encrypted", "message": "The PDF is password-protected.", "where": ""}]}]
    assert s["lists"]["affirmed_concerns"] == [{"path": "/arch/2024/a.txt", "categories": ["neglect"]}]
    assert s["problems"] == {"encrypted": 1}


def test_table_names_the_unreadable_documents_and_why():
    table = summary_table(summarise(RECORDS, QUASI, ["/arch"]))
    assert re.search(r"PERSON +personal data +2 +3", table)
    assert "/arch/2023/locked.pdf  encrypted: The PDF is password-protected." in table


def test_html_report_is_self_contained_with_charts():
    page = render(summarise(RECORDS, QUASI, ["/arch"]))
    assert page.count("<svg") >= 4
    assert "default-src 'none'" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page), "an external asset"
    assert not re.search(r"<script|<link|<img|@import|url\(", page)
    assert "/arch/2023/locked.pdf" in page and "password-protected" in page


def test_paths_are_escaped_in_the_report():
    record = {**RECORDS[3], "path": "/arch/<script>alert(1)</script>.pdf"}
    assert "<script>alert" not in render(summarise([record], QUASI, ["/arch"]))
