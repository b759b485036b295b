"""The document's text as HTML, each run of findings marked by its most serious kind
(`scanner.review.render.marked_pieces`), safeguarding also by polarity. Every piece of text
is escaped; only the `<mark>` tags are ours."""
from __future__ import annotations

from collections import Counter

from markupsafe import Markup, escape

from scanner.review.render import PRECEDENCE, marked_pieces
from scanner.types import (
    AFFIRMED, HYPOTHETICAL, NEGATED, PERSONAL_DATA, PRACTICE, SAFEGUARDING, SPECIAL_CATEGORY, Finding,
)

KIND_LABELS = {SAFEGUARDING: "safeguarding concern", PRACTICE: "practice", SPECIAL_CATEGORY: "special category",
               PERSONAL_DATA: "personal data"}
# A run covered by several concerns shows the most worrying polarity.
POLARITY_ORDER = (AFFIRMED, HYPOTHETICAL, NEGATED)


def highlighted(text: str, findings: tuple[Finding, ...]) -> Markup:
    out = []
    for piece in marked_pieces(text, findings):
        if piece.kind is None:
            out.append(escape(piece.text))
            continue
        covering = [findings[i] for i in piece.findings]
        classes = f"k-{piece.kind.replace('_', '-')}"
        polarity = _polarity(covering) if piece.kind == SAFEGUARDING else None
        if polarity:
            classes += f" p-{polarity}"
        out.append(Markup('<mark class="{}" title="{}">{}</mark>').format(classes, _title(covering), piece.text))
    return Markup("").join(out)


def legend(findings: tuple[Finding, ...]) -> list[tuple[str, str, int]]:
    """(css class, label, count) for each kind present, most serious first; concerns by polarity."""
    counts = Counter((f.kind, f.polarity if f.kind == SAFEGUARDING else None) for f in findings)
    rows = []
    for kind in PRECEDENCE:
        for polarity in (POLARITY_ORDER if kind == SAFEGUARDING else (None,)):
            n = counts.get((kind, polarity), 0)
            if n:
                css = f"k-{kind.replace('_', '-')}" + (f" p-{polarity}" if polarity else "")
                label = KIND_LABELS[kind] + (f" ({polarity})" if polarity else "")
                rows.append((css, label, n))
    return rows


def _polarity(covering: list[Finding]) -> str | None:
    found = {f.polarity for f in covering if f.kind == SAFEGUARDING and f.polarity in POLARITY_ORDER}
    return next((p for p in POLARITY_ORDER if p in found), None)


def _title(covering: list[Finding]) -> str:
    parts = []
    for f in covering:
        extra = ", ".join(x for x in (f.polarity, f.subject) if x)
        parts.append(f"{KIND_LABELS.get(f.kind, f.kind)}: {f.type}" + (f" ({extra})" if extra else ""))
    return "; ".join(dict.fromkeys(parts))
