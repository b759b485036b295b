"""How an item's text is cut and highlighted for the terminal (and the review page)."""
from __future__ import annotations

from scanner.review.render import highlighted, marked_pieces, to_terminal
from scanner.types import Finding


def finding(kind, type_, text, value, **extra):
    start = text.index(value)
    return Finding(kind, type_, start, start + len(value), value, 0.9, "t", "e", **extra)


TEXT = "Dad hit Jayden Smith on Monday."
NAME = finding("personal_data", "PERSON", TEXT, "Jayden Smith")
CONCERN = finding("safeguarding", "physical_abuse", TEXT, "hit Jayden", polarity="affirmed")


def test_pieces_cover_the_text_and_overlaps_show_the_more_serious_kind():
    pieces = marked_pieces(TEXT, (NAME, CONCERN))
    assert "".join(p.text for p in pieces) == TEXT
    assert [(p.text, p.kind, p.findings) for p in pieces] == [
        ("Dad ", None, ()), ("hit ", "safeguarding", (1,)), ("Jayden", "safeguarding", (0, 1)),
        (" Smith", "personal_data", (0,)), (" on Monday.", None, ())]


def test_no_findings_is_one_piece():
    assert [(p.text, p.kind) for p in marked_pieces("plain", ())] == [("plain", None)]


def test_a_run_of_findings_is_bracketed_once():
    assert highlighted(TEXT, (NAME, CONCERN)) == "Dad [hit Jayden Smith] on Monday."


def test_terminal_view_lists_the_decision_and_the_history(held, store):
    item, _ = held()
    shown = to_terminal(item, store.text(item.id))
    assert shown.splitlines()[0] == "R-0001  open  (to be decided by the DSL)"
    assert "decision  block (rules R2)" in shown and "P-0001 Jayden Smith (child, main subject): withhold" in shown
    assert "[Jayden Smith]" in shown and "[hit]" in shown
    assert "ShareGuard (automatic): open — block (rules R2)" in shown
