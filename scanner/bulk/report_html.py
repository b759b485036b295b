"""The summary as one self-contained HTML page: figures, inline SVG bar charts and tables.

Nothing is loaded from anywhere (no scripts, fonts, images or style sheets; a Content Security
Policy forbids it), so the page opens offline and leaks nothing when it is opened.
"""
from __future__ import annotations

from html import escape
from typing import Sequence

from scanner.types import PERSONAL_DATA, POLARITIES, SPECIAL_CATEGORY

BAR_ROWS = 15
COLOURS = {"documents": "#4c72b0", "affirmed": "#c44e52", "negated": "#8c8c8c", "hypothetical": "#dd8452",
           "with_personal_data": "#4c72b0", "other": "#c9d3e6"}
STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
.tiles{display:flex;flex-wrap:wrap;gap:1em}.tile{background:#f4f6fa;border-radius:6px;padding:.8em 1.2em}
.tile b{display:block;font-size:1.6em}table{border-collapse:collapse;width:100%;font-size:13px}
td,th{border-bottom:1px solid #eee;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f4f6fa}td.n{text-align:right}.note{color:#666;font-size:.9em}svg text{font-size:12px}
"""


def render(summary: dict, title: str = "ShareGuard bulk scan") -> str:
    s = summary
    parts = [f"<h1>{escape(title)}</h1>", f'<p class="note">Generated {escape(s["generated_at"])}. Counts and '
             "file paths only: no value found in a document is in this report. File paths can themselves be "
             "personal data: keep this report as confidential as the archive.</p>", _tiles(s)]
    personal = s["types"].get(PERSONAL_DATA, {})
    parts.append(_section("Documents by type of personal data", _bars(
        [(t, [c["documents"]]) for t, c in list(personal.items())[:BAR_ROWS]], ["documents"])))
    concerns = s["safeguarding"]
    parts.append(_section("Safeguarding concerns (documents, by polarity)", _bars(
        [(c, [n[p] for p in POLARITIES]) for c, n in concerns.items()], list(POLARITIES))))
    special = s["types"].get(SPECIAL_CATEGORY, {})
    parts.append(_section("Special-category data (documents)", _bars(
        [(t, [c["documents"]]) for t, c in special.items()], ["documents"])))
    folders = s["folders"][:BAR_ROWS]
    parts.append(_section("Folders with the most documents holding personal data", _bars(
        [(f["folder"], [f["with_personal_data"], f["documents"] - f["with_personal_data"]]) for f in folders],
        ["with_personal_data", "other"])))
    parts.append(_section("Folders", _table(
        ("folder", "documents", "personal data", "special category", "affirmed concern", "unreadable"),
        [(f["folder"], f["documents"], f["with_personal_data"], f["with_special_category"],
          f["with_affirmed_concern"], f["unreadable"]) for f in s["folders"]])
        + _more(s["folders_total"], len(s["folders"]), "folders")))
    lists, totals = s["lists"], s["listed_totals"]
    parts.append(_section("Documents that could not be read completely", _table(
        ("document", "why"), [(d["path"], "; ".join(f"{p['code']}: {p['message']}" + (f" ({p['where']})" if p["where"]
                                                     else "") for p in d["problems"])) for d in lists["unreadable"]])
        + _more(totals["unreadable"], len(lists["unreadable"]), "documents")))
    parts.append(_section("Documents with an affirmed safeguarding concern", _table(
        ("document", "categories"), [(d["path"], ", ".join(d["categories"])) for d in lists["affirmed_concerns"]])
        + _more(totals["affirmed_concerns"], len(lists["affirmed_concerns"]), "documents")))
    parts.append(_section("Documents with special-category data", _table(
        ("document", "types"), [(d["path"], ", ".join(d["types"])) for d in lists["special_category"]])
        + _more(totals["special_category"], len(lists["special_category"]), "documents")))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>\n" + "\n".join(parts)
            + "\n</body></html>\n")


def _tiles(s: dict) -> str:
    tiles = [("documents", s["documents"]), ("with personal data", s["with_personal_data"]),
             ("with special-category data", s["with_special_category"]),
             ("with an affirmed concern", s["with_affirmed_concern"]), ("could not be read", s["unreadable"]),
             ("words", f"{s['words']:,}")]
    return '<div class="tiles">' + "".join(f'<div class="tile"><b>{escape(str(v))}</b>{escape(k)}</div>'
                                          for k, v in tiles) + "</div>"


def _bars(rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[str]) -> str:
    """A horizontal stacked bar chart: one row per label, one colour per series."""
    if not rows:
        return '<p class="note">None found.</p>'
    label_w, bar_w, row_h = 260, 560, 22
    top = max(sum(v) for _, v in rows) or 1
    height = row_h * len(rows) + (30 if len(series) > 1 else 6)  # room for the legend
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 80}" height="{height}" role="img">']
    for i, (label, values) in enumerate(rows):
        y = i * row_h
        shown = label if len(label) <= 40 else "…" + label[-39:]
        out.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end"><title>{escape(label)}</title>'
                   f"{escape(shown)}</text>")
        x = label_w
        for name, value in zip(series, values):
            width = bar_w * value / top
            if width > 0:
                out.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{width:.1f}" height="{row_h - 6}" '
                           f'fill="{COLOURS.get(name, "#888")}"><title>{escape(name)}: {value}</title></rect>')
            x += width
        out.append(f'<text x="{x + 4:.1f}" y="{y + 15}">{sum(values)}</text>')
    if len(series) > 1:
        x, y = label_w, row_h * len(rows) + 18
        for name in series:
            out.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{COLOURS.get(name, "#888")}"/>'
                       f'<text x="{x + 16}" y="{y}">{escape(name.replace("_", " "))}</text>')
            x += 30 + 8 * len(name)
    out.append("</svg>")
    return "".join(out)


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    if not rows:
        return '<p class="note">None.</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _cell(value: object) -> str:
    return f'<td class="n">{value}</td>' if isinstance(value, int) else f"<td>{escape(str(value))}</td>"


def _more(total: int, shown: int, what: str) -> str:
    return f'<p class="note">{total - shown:,} more {what} not shown: see results.jsonl.</p>' if total > shown else ""


def _section(title: str, body: str) -> str:
    return f"<h2>{escape(title)}</h2>\n{body}"
