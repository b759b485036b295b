"""Finding every mention of a removed value, however it is written."""
from __future__ import annotations

from scanner.redact.match import Matcher, Target, compact, fold

NAME = Target("Rose Smith", "PERSON", "U-1", "[Person A]")
FIRST = Target("Rose", "PERSON", "U-1", "[Person A]")
NHS = Target("943 476 5919", "UK_NHS", None, "[NHS number]")


def replaced(text: str, *targets: Target) -> str:
    return Matcher(targets).replace(text)[0]


def test_fold_keeps_offsets_and_drops_case_and_accents():
    text = "Zoë O’Brien İstanbul ﬁle"
    assert len(fold(text)) == len(text)
    assert fold("Zoë O’Brien") == "zoe o'brien"
    assert compact("943-476 5919") == compact("9434765919") == "9434765919"


def test_spacing_case_accents_and_line_breaks_do_not_hide_a_value():
    text = "NHS 9434765919, 943-476-5919, 943 476 5919. ROSE SMITH, rose\u00a0smith, Rose\nSmith, Rosé Smith."
    assert replaced(text, NAME, NHS) == ("NHS [NHS number], [NHS number], [NHS number]. [Person A], [Person A], "
                                         "[Person A], [Person A].")


def test_a_value_inside_a_longer_word_or_number_is_not_a_mention():
    assert replaced("Primrose Smithson, 19434765919, Rose's bag", NAME, FIRST, NHS) == \
        "Primrose Smithson, 19434765919, [Person A]'s bag"


def test_the_longest_value_wins():
    assert replaced("Rose Smith and Rose", FIRST, NAME) == "[Person A] and [Person A]"
    assert Matcher([FIRST, NAME]).hits("Rose Smith")[0].target is NAME


def test_a_value_split_across_pieces_goes_into_the_piece_it_starts_in():
    pieces, hits = Matcher([NAME]).replace_pieces(["Dear Ro", "se Sm", "ith, hello", ""])
    assert pieces == ["Dear [Person A]", "", ", hello", ""] and len(hits) == 1
    pieces, _ = Matcher([NAME, NHS]).replace_pieces(["Rose Smith", " NHS 943 ", "476 5919 end"])
    assert pieces == ["[Person A]", " NHS [NHS number]", " end"]


def test_nothing_to_find():
    assert not Matcher([])
    assert Matcher([]).replace("Rose Smith") == ("Rose Smith", [])
    assert Matcher([NAME]).replace_pieces(["a", "b"]) == (["a", "b"], [])
