"""The index key (created once, owner-only) and the normalisation that makes hashes match."""
from __future__ import annotations

import stat

import pytest

from scanner.bulk.errors import BulkError
from scanner.bulk.keys import Hasher, key_id, load_key, normalise, normalise_name

TITLES = frozenset({"mr", "mrs", "ms", "dr"})


def test_key_is_created_once_owner_only_and_then_reused(tmp_path):
    path = tmp_path / "conf" / "index.key"
    key = load_key(path, create=True)
    assert len(key) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert load_key(path, create=True) == key == load_key(path, create=False)


def test_missing_key_is_not_created_for_a_search(tmp_path):
    with pytest.raises(BulkError, match="no index key there"):
        load_key(tmp_path / "none.key", create=False)
    assert not (tmp_path / "none.key").exists()


def test_key_readable_by_others_is_refused(tmp_path):
    path = tmp_path / "index.key"
    load_key(path, create=True)
    path.chmod(0o644)
    with pytest.raises(BulkError, match="chmod 600"):
        load_key(path, create=False)


@pytest.mark.parametrize(("written", "expected"), [
    ("Zoë  O’Brien", ("zoe o'brien", False)),
    ("JAYDEN SMITH", ("jayden smith", False)),
    ("Jayden's", ("jayden", False)),
    ("Ms Adeyemi", ("adeyemi", True)),
    ("Dr", ("dr", False)),
])
def test_names_are_folded_and_titles_dropped(written, expected):
    assert normalise_name(written, TITLES) == expected


@pytest.mark.parametrize(("type_", "a", "b"), [
    ("UK_NHS", "943 476 5919", "943-476-5919"),
    ("UK_UPN", "b801200005001", "B801200005001"),
    ("CASE_REFERENCE", "CP/2024/0193", "cp 2024 0193"),
    ("DATE_OF_BIRTH", "14/02/2013", "14 February 2013"),
    ("EMAIL_ADDRESS", "Jane.Holt@Example.org", "jane.holt@example.org"),
])
def test_one_value_written_two_ways_hashes_the_same(type_, a, b):
    hasher = Hasher(bytes(32))
    assert normalise(type_, a) == normalise(type_, b)
    assert hasher.value(type_, a) == hasher.value(type_, b)


def test_hashes_depend_on_the_key_and_the_type():
    one, two = Hasher(bytes(32)), Hasher(bytes(31) + b"\x01")
    assert one.value("UK_NHS", "9434765919") != two.value("UK_NHS", "9434765919")
    assert one("UK_UPN", "X1") != one("CASE_REFERENCE", "X1")
    assert len(one("PERSON", "jayden smith")) == 32 and key_id(bytes(32)) != key_id(bytes(31) + b"\x01")
