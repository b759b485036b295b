"""Detection over long documents: overlapping chunks find everything once."""
from __future__ import annotations

import dataclasses

import pytest

from scanner.config import load_config
from scanner.detect import Detection, split
from scanner.types import Document, Segment


def test_split_covers_text_and_owned_regions_tile_it():
    text = ("word " * 5000).strip()
    spans = split(text, size=3000, overlap=400)
    assert spans[0].offset == 0 and spans[-1].offset + len(spans[-1].text) == len(text)
    owned = [(s.own_start, s.own_end) for s in spans]
    assert owned[0][0] == 0 and owned[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(owned, owned[1:]))  # no gap, no double ownership
    assert all(len(s.text) <= 3000 for s in spans)


def test_short_text_is_one_chunk():
    assert len(split("short", size=1000, overlap=100)) == 1


@pytest.mark.model
def test_findings_across_chunk_boundaries_are_reported_once(detection):
    config = load_config()
    small = config.engine.model_copy(update={"nlp": config.engine.nlp.model_copy(update={"chunk_chars": 1000,
                                                                                      "chunk_overlap": 200})})
    chunked = Detection(dataclasses.replace(config, engine=small), detection.nlp)
    line = "Filler text about the weather and the garden. NHS number 943 476 5919 noted. "
    text = line * 60  # ~4,800 characters: several chunks, numbers on every boundary
    doc = Document("long.txt", "0", "txt", text, (Segment(0, len(text), "body", "text"),))
    nhs = [f for f in chunked.detect([doc])[0] if f.type == "UK_NHS"]
    assert len(nhs) == 60
    assert len({f.start for f in nhs}) == 60
    assert all(text[f.start : f.end] == "943 476 5919" for f in nhs)


@pytest.mark.model
def test_a_long_document_split_between_workers_gives_the_same_findings(engine, tmp_path):
    note = tmp_path / "long.txt"
    line = ("Visited Jayden Smith (DOB 03/04/2015) at 14 Acacia Avenue, Leeds LS6 2AB. NHS 943 476 5919. "
            "Mum Adaeze Okafor on 07700 900123 said Jayden was upset. ")
    note.write_text(line * 80)  # ~13,000 characters: cut into parts scanned side by side
    assert engine._should_split(engine.check(note).document)
    split = engine.check(note).findings
    whole = engine.detection.detect([engine.check(note).document])[0]
    assert [(f.type, f.start, f.end) for f in split] == [(f.type, f.start, f.end) for f in whole]
    assert sum(f.type == "UK_NHS" for f in split) == 80


@pytest.mark.model
@pytest.mark.parametrize(("text", "people"), [
    ("Child R said that her mother's partner had slapped her.", ("Child R",)),
    ("The application concerns A, now aged 4; the father is F. I find that F struck A with a belt.", ("F", "A")),
    ("Kayden Smith told me that his stepdad hits him with a belt.", ("Kayden Smith",)),
])
def test_a_concern_is_about_the_people_found_in_its_sentence(detect, text, people):
    [concern] = [f for f in detect(text) if f.kind == "safeguarding" and f.polarity == "affirmed"]
    assert concern.about == people
