"""What an index holds, in counts: by type, safeguarding category, folder, and what could not be read.

The summary carries counts and file paths, never a value found. Lists of documents are capped
(`LISTED`): results.jsonl has every document, the summary says how many were left out.
"""
from __future__ import annotations

import os
import time
from collections import Counter, defaultdict
from typing import Iterable, Sequence

from scanner.types import AFFIRMED, PERSONAL_DATA, POLARITIES, PRACTICE, SPECIAL_CATEGORY

LISTED = 1000  # documents named per list in summary.json and report.html
FOLDERS = 50  # folders in summary.json and report.html (most documents with personal data first)


def summarise(records: Iterable[dict], quasi: frozenset[str], roots: Sequence[str] = ()) -> dict:
    """Counts over every record; `quasi` types (dates, places) do not make a document personal."""
    docs = Counter()
    types: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))  # kind → type → documents, findings
    concerns: dict[str, Counter] = defaultdict(Counter)  # category → documents per polarity
    folders: dict[str, Counter] = defaultdict(Counter)
    formats, problems = Counter(), Counter()
    lists: dict[str, list] = {"special_category": [], "affirmed_concerns": [], "unreadable": []}
    for record in records:
        path, found = record["path"], record.get("findings", {})
        personal = found.get(PERSONAL_DATA, {})
        flags = {
            "documents": True,
            "unreadable": record.get("status") != "ok",
            "with_personal_data": any(t not in quasi for t in personal),
            "with_special_category": bool(found.get(SPECIAL_CATEGORY)),
            "with_affirmed_concern": any(p.get(AFFIRMED) for p in record.get("safeguarding", {}).values()),
        }
        docs.update(k for k, v in flags.items() if v)
        docs["words"] += record.get("words", 0)
        folders[_folder(path, roots)].update(k for k, v in flags.items() if v)
        formats[record.get("format") or "unknown"] += 1
        for kind in (PERSONAL_DATA, SPECIAL_CATEGORY, PRACTICE):
            for type_, n in found.get(kind, {}).items():
                types[kind][type_].update(documents=1, findings=n)
        for category, by_polarity in record.get("safeguarding", {}).items():
            concerns[category].update(p for p, n in by_polarity.items() if n)
        if flags["with_special_category"]:
            _list(lists["special_category"], {"path": path, "types": sorted(found[SPECIAL_CATEGORY])})
        if flags["with_affirmed_concern"]:
            cats = sorted(c for c, p in record["safeguarding"].items() if p.get(AFFIRMED))
            _list(lists["affirmed_concerns"], {"path": path, "categories": cats})
        if flags["unreadable"]:
            problems.update({p["code"] for p in record.get("problems", [])})
            _list(lists["unreadable"], {"path": path, "problems": [
                {"code": p["code"], "message": p["message"], "where": p.get("where", "")} for p in record["problems"]]})
    ranked = sorted(folders.items(), key=lambda kv: (-kv[1]["with_personal_data"], -kv[1]["documents"], kv[0]))
    return {
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "documents": docs["documents"], "words": docs["words"],
        "unreadable": docs["unreadable"], "with_personal_data": docs["with_personal_data"],
        "with_special_category": docs["with_special_category"], "with_affirmed_concern": docs["with_affirmed_concern"],
        "types": {kind: _ranked(types[kind]) for kind in (PERSONAL_DATA, SPECIAL_CATEGORY, PRACTICE)},
        "safeguarding": {c: {p: concerns[c][p] for p in POLARITIES} for c in sorted(concerns)},
        "formats": dict(formats.most_common()),
        "problems": dict(problems.most_common()),
        "folders": [{"folder": f, **{k: c[k] for k in _FLAGS}} for f, c in ranked[:FOLDERS]],
        "folders_total": len(folders),
        "lists": lists,
        "listed_limit": LISTED,
        "listed_totals": {"special_category": docs["with_special_category"],
                          "affirmed_concerns": docs["with_affirmed_concern"], "unreadable": docs["unreadable"]},
    }


_FLAGS = ("documents", "with_personal_data", "with_special_category", "with_affirmed_concern", "unreadable")


def summary_table(summary: dict, folders: int = 10) -> str:
    """The summary for a terminal."""
    s = summary
    lines = [_rows(("documents", "with personal data", "special category", "affirmed concern", "unreadable", "words"),
                   [(s["documents"], s["with_personal_data"], s["with_special_category"], s["with_affirmed_concern"],
                     s["unreadable"], s["words"])])]
    rows = [(t, kind.replace("_", " "), c["documents"], c["findings"]) for kind, by_type in s["types"].items()
            for t, c in by_type.items()]
    if rows:
        lines.append(_rows(("TYPE", "KIND", "DOCUMENTS", "FINDINGS"), rows))
    if s["safeguarding"]:
        lines.append(_rows(("SAFEGUARDING", *(p.upper() for p in POLARITIES)),
                           [(c, *(n[p] for p in POLARITIES)) for c, n in s["safeguarding"].items()]))
    if s["folders"]:
        shown = s["folders"][:folders]
        more = f"  (+{s['folders_total'] - len(shown)} more folders)" if s["folders_total"] > len(shown) else ""
        lines.append(_rows(("FOLDER", "DOCS", "PERSONAL", "SPECIAL", "CONCERN", "UNREADABLE"),
                           [(f["folder"], *(f[k] for k in _FLAGS)) for f in shown]) + more)
    if s["lists"]["unreadable"]:
        rows = [(d["path"], "; ".join(f"{p['code']}: {p['message']}" for p in d["problems"]))
                for d in s["lists"]["unreadable"][:20]]
        more = s["unreadable"] - len(rows)
        lines.append(_rows(("UNREADABLE", "WHY"), rows) + (f"\n(+{more} more: see summary.json)" if more > 0 else ""))
    return "\n\n".join(lines)


def _rows(header: Sequence[object], rows: list[Sequence[object]]) -> str:
    table = [tuple(map(str, header)), *(tuple(map(str, r)) for r in rows)]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in table)


def _folder(path: str, roots: Sequence[str]) -> str:
    """The document's folder, from the source folder it was found under ("archive/2024/visits")."""
    folder = os.path.dirname(path)
    for root in sorted((r.rstrip(os.sep) for r in roots), key=len, reverse=True):
        if path.startswith(root + os.sep):
            return os.path.normpath(os.path.join(os.path.basename(root), os.path.relpath(folder, root)))
    return folder


def _ranked(counts: dict[str, Counter]) -> dict[str, dict[str, int]]:
    return {t: dict(c) for t, c in sorted(counts.items(), key=lambda kv: (-kv[1]["documents"], kv[0]))}


def _list(items: list, entry: dict) -> None:
    if len(items) < LISTED:
        items.append(entry)
