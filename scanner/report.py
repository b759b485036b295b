"""Outcome → a JSON Lines object (SPEC's contract) or readable terminal text."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from scanner.types import KINDS, Action, Finding, Outcome

# SPEC: 0 allow, 3 redact, 4 review, 5 block, 1 could not be processed (treated as block).
EXIT_CODES = {Action.ALLOW: 0, Action.REDACT: 3, Action.REVIEW: 4, Action.BLOCK: 5}
UNPROCESSED_EXIT = 1
_SEVERITY = {0: 0, 3: 1, 4: 2, 5: 3, 1: 4}  # with several files the most severe wins
CONTEXT_CHARS = 40


def exit_code(outcome: Outcome) -> int:
    return EXIT_CODES[outcome.decision.action] if outcome.processed else UNPROCESSED_EXIT


def combined_exit_code(codes: list[int]) -> int:
    """The most severe of several exit codes; 'could not process' outranks a block."""
    return max(codes, key=_SEVERITY.__getitem__) if codes else 0


def to_json(outcome: Outcome) -> dict[str, Any]:
    document, request = outcome.document, outcome.request
    return {
        "document": document.path,
        "sha256": document.sha256,
        "format": document.format,
        "size": document.size,
        "recipient": request.recipient,
        "purpose": request.purpose,
        "readable": document.fully_readable,
        "problems": [p.to_dict() for p in document.problems],
        "decision": outcome.decision.to_dict(),
        "findings": [f.to_dict() for f in outcome.findings],
        "subjects": _subjects(outcome),
        "record": outcome.record,
    }


def _subjects(outcome: Outcome) -> list[dict[str, Any]]:
    """Per person: SPEC's id, role, basis and outcome, with who they are in the document."""
    people = {s.id: s for s in outcome.subjects}
    out = []
    for o in outcome.decision.subjects:
        entry = o.to_dict()
        person = people.get(o.id)
        if person is not None:
            entry.update(name=person.name, known=person.known, main=person.main, mentions=person.mentions,
                         referrer=person.referrer, types=list(person.types))
        out.append(entry)
    return out


def to_json_line(outcome: Outcome) -> str:
    return json.dumps(to_json(outcome), ensure_ascii=False)


_COLOURS = {Action.ALLOW: "green", Action.REDACT: "yellow", Action.REVIEW: "yellow", Action.BLOCK: "red"}


def to_text(outcome: Outcome, style=lambda text, **_: text) -> str:  # noqa: ANN001
    """A readable report: decision and reasons first, then findings grouped by kind and type."""
    document, decision = outcome.document, outcome.decision
    action = decision.action.label.upper()
    lines = [
        style(f"{document.path}", bold=True) + f"  [{document.format}]  → "
        + style(action, fg=_COLOURS[decision.action], bold=True)
        + (f"  (reviewer: {decision.reviewer})" if decision.reviewer else "")
    ]
    for reason in decision.reasons:
        lines.append(f"  {reason.rule}: {reason.text}")
        lines.append(style(f"      per {reason.policy}", dim=True))
    people = {s.id: s for s in outcome.subjects}
    if decision.subjects:
        lines.append(style("  people:", bold=True))
    for o in decision.subjects:
        person = people.get(o.id)
        name = person.name if person else o.id
        tags = ", ".join(t for t in (o.role, "main subject" if person and person.main else "",
                                     "referrer" if person and person.referrer else "",
                                     "" if person is None or person.known else "not in the register") if t)
        lines.append(f"    {o.id} {name} ({tags}): {o.outcome}" + (f" — {o.basis}" if o.basis else ""))
    for problem in document.problems:
        where = f" [{problem.where}]" if problem.where else ""
        lines.append(style(f"  ! {problem.code}{where}: {problem.message}", fg="red"))
    grouped: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for f in outcome.findings:
        grouped[f.kind][f.type].append(f)
    for kind in KINDS:
        if kind not in grouped:
            continue
        lines.append(style(f"  {kind.replace('_', ' ')}:", bold=True))
        for type_, items in sorted(grouped[kind].items()):
            lines.append(f"    {type_} ×{len(items)}")
            for f in items:
                if f.excerpt is not None:  # safeguarding and practice: the sentence, as written
                    tags = ", ".join(t for t in (f.polarity, f.severity and f"severity {f.severity}") if t)
                    about = f" about {', '.join(f.about)}" if f.about else ""
                    lines.append(f"      [{tags}]{about} “{_excerpt(f, style)}”" + style(f"  ({_where(f)})", dim=True))
                else:
                    lines.append(f"      {_context(document.text, f, style)}" + style(f"  ({_where(f)})", dim=True))
    if not outcome.findings and document.fully_readable:
        lines.append("  no personal data found")
    return "\n".join(lines)


def _context(text: str, f: Finding, style) -> str:  # noqa: ANN001
    before = text[max(0, f.start - CONTEXT_CHARS) : f.start]
    after = text[f.end : f.end + CONTEXT_CHARS]
    lead = "…" if f.start > CONTEXT_CHARS else ""
    tail = "…" if f.end + CONTEXT_CHARS < len(text) else ""
    return f"{lead}{_flat(before)}" + style(f"[{_flat(f.text)}]", fg="cyan", bold=True) + f"{_flat(after)}{tail}"


def _excerpt(f: Finding, style) -> str:  # noqa: ANN001
    """The sentence with the matched words highlighted."""
    excerpt = f.excerpt or f.text
    at = excerpt.find(f.text)
    if at < 0:
        return _flat(excerpt)
    return _flat(excerpt[:at]) + style(_flat(f.text), fg="cyan", bold=True) + _flat(excerpt[at + len(f.text):])


def _flat(text: str) -> str:
    """Runs of whitespace (line breaks included) as one space, so each finding fits on a line."""
    return re.sub(r"\s+", " ", text)


def _where(f: Finding) -> str:
    place = f.where or "text"
    return f"{place}; {f.detector} {f.score:.2f}: {f.explanation}"
