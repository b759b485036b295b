"""How a review item is shown: the document's text cut into pieces marked by the findings they
are in (for the terminal here, and for the review web page), and the item as terminal text."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from scanner.review.model import ReviewItem
from scanner.types import KINDS, PERSONAL_DATA, PRACTICE, SAFEGUARDING, SPECIAL_CATEGORY, Finding

# When findings overlap, the piece shows the most serious kind ("hit Jayden": the concern, not the name).
PRECEDENCE = (SAFEGUARDING, PRACTICE, SPECIAL_CATEGORY, PERSONAL_DATA)
COLOURS = {SAFEGUARDING: "red", PRACTICE: "yellow", SPECIAL_CATEGORY: "magenta", PERSONAL_DATA: "cyan"}

Style = Callable[..., str]


@dataclass(frozen=True)
class Piece:
    """A run of the text and the findings covering all of it (indexes into the item's findings)."""

    text: str
    kind: str | None = None  # the most serious kind among `findings`; None: not part of any finding
    findings: tuple[int, ...] = ()


def marked_pieces(text: str, findings: tuple[Finding, ...]) -> tuple[Piece, ...]:
    """`text` cut where findings start and end; joining the pieces' text gives `text` back."""
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        start, end = max(0, f.start), min(len(text), f.end)
        if start < end:
            starts[start].append(i)
            ends[end].append(i)
    cuts = sorted({0, len(text), *starts, *ends})
    pieces: list[Piece] = []
    active: set[int] = set()
    for start, end in zip(cuts, cuts[1:]):
        active.difference_update(ends.get(start, ()))
        active.update(starts.get(start, ()))
        covering = tuple(sorted(active))
        kind = min((findings[i].kind for i in covering), key=PRECEDENCE.index, default=None)
        if pieces and pieces[-1].findings == covering:
            pieces[-1] = Piece(pieces[-1].text + text[start:end], kind, covering)
        else:
            pieces.append(Piece(text[start:end], kind, covering))
    return tuple(pieces)


def highlighted(text: str, findings: tuple[Finding, ...], style: Style = lambda t, **_: t) -> str:
    """The text with each run of findings in [brackets], coloured by kind."""
    out, pieces = [], marked_pieces(text, findings)
    for n, piece in enumerate(pieces):
        if piece.kind is None:
            out.append(piece.text)
            continue
        opens = n == 0 or pieces[n - 1].kind is None
        closes = n == len(pieces) - 1 or pieces[n + 1].kind is None
        out.append(style(("[" if opens else "") + piece.text + ("]" if closes else ""),
                         fg=COLOURS[piece.kind], bold=True))
    return "".join(out)


def to_terminal(item: ReviewItem, text: str, style: Style = lambda t, **_: t) -> str:
    """The item for a reviewer: what, to whom, the decision and why, the people, the history,
    then the document's text with the findings highlighted."""
    held = item.held_copy or "nothing held in quarantine (the decision is reviewed; nothing moves)"
    lines = [
        style(item.id, bold=True) + f"  {item.status}  (to be decided by the {item.reviewer})",
        f"document  {item.document}  [{item.format}, {item.size} bytes, sha256 {item.sha256}]",
        f"to        {item.recipient or '(no recipient)'}  for {item.purpose or '(no purpose)'}  via {item.channel}",
        f"decision  {item.action} (rules {', '.join(item.rules) or 'none'})",
        f"held      {held}",
    ]
    if item.redacted_copy:
        lines.append(f"redacted  {item.redacted_copy}")
    if item.released_path:
        lines.append(f"released  {item.released_path}")
    lines.append(style("reasons:", bold=True))
    for reason in item.reasons:
        lines += [f"  {reason.rule}: {reason.text}", style(f"      per {reason.policy}", dim=True)]
    if item.subjects:
        lines.append(style("people:", bold=True))
    for s in item.subjects:
        tags = ", ".join(t for t in (s.role, "main subject" if s.main else "", "referrer" if s.referrer else "",
                                     "not in the register" if s.known is False else "") if t)
        lines.append(f"  {s.id} {s.name or ''} ({tags}): {s.outcome}" + (f" — {s.basis}" if s.basis else ""))
    for problem in item.problems:
        lines.append(style(f"  ! {problem.code}: {problem.message}", fg="red"))
    lines.append(style("findings:", bold=True) + " " + _summary(item.findings, style))
    lines.append(style("history:", bold=True))
    for h in item.history:
        role = f" ({h.role})" if h.role else ""
        lines.append(f"  {h.at}  {h.by}{role}: {h.status} — {h.reason}")
    lines += [style("text:", bold=True), highlighted(text, item.findings, style)]
    return "\n".join(lines)


def _summary(findings: tuple[Finding, ...], style: Style) -> str:
    if not findings:
        return "none"
    counts = Counter((f.kind, f.type) for f in findings)
    parts = []
    for kind in KINDS:
        types = ", ".join(f"{t} ×{n}" for (k, t), n in sorted(counts.items()) if k == kind)
        if types:
            parts.append(style(kind.replace("_", " "), fg=COLOURS[kind]) + f": {types}")
    return "; ".join(parts)
