"""`find` on hand-made index records: each way of matching, its confidence, and nothing for a stranger."""
from __future__ import annotations

from datetime import date

import pytest

from scanner.bulk.errors import BulkError
from scanner.bulk.keys import FIRST_NAME, FIRST_NAME_DOB, Hasher, load_key
from scanner.bulk.search import Query, find, query_for
from scanner.bulk.store import Index
from scanner.register import Register


@pytest.fixture
def index(tmp_path):
    key_path = tmp_path / "index.key"
    h = Hasher(load_key(key_path, create=True))

    def value(type_: str, digest: str, where: str = "paragraph 1") -> dict:
        return {"type": type_, "hash": digest, "count": 1, "where": [where]}

    records = {
        "/a/full.docx": [value("PERSON", h("PERSON", "jayden smith"), "page 2"), value(FIRST_NAME, h(FIRST_NAME, "jayden"))],
        "/a/first-dob.txt": [value(FIRST_NAME, h(FIRST_NAME, "jayden")),
                             value("DATE_OF_BIRTH", h("DATE_OF_BIRTH", "2015-04-03")),
                             value(FIRST_NAME_DOB, h(FIRST_NAME_DOB, "jayden|2015-04-03"))],
        "/a/apart.txt": [value(FIRST_NAME, h(FIRST_NAME, "jayden")), value("DATE_OF_BIRTH", h("DATE_OF_BIRTH", "2015-04-03"))],
        "/a/nhs.xlsx": [value("UK_NHS", h.value("UK_NHS", "943 476 5919"), "Sheet1!C4")],
        "/a/alias.eml": [value("PERSON", h("PERSON", "jj smith"), "Subject")],
        "/a/other.txt": [value("PERSON", h("PERSON", "leila haddad")), value(FIRST_NAME, h(FIRST_NAME, "leila"))],
    }
    with Index.open(tmp_path / "index", load_key(key_path, create=False)) as idx:
        idx.commit([{"path": p, "size": 1, "mtime_ns": 1, "sha256": "", "status": "ok", "values": v}
                    for p, v in records.items()])
    return tmp_path / "index", key_path


def test_full_name_in_any_case_and_with_a_title(index):
    out, key = index
    for written in ("Jayden Smith", "JAYDEN SMITH", "Mr Jayden Smith"):
        (match,) = find(out, Query(names=(written,)), key)
        assert (match.path, match.how, match.where, match.confidence) == ("/a/full.docx", ("full name",), ("page 2",), 0.9)


def test_first_name_and_dob_written_for_one_person_ranks_above_both_merely_present(index):
    out, key = index
    matches = find(out, Query(names=("Jayden Smith",), dob=date(2015, 4, 3)), key)
    assert [(m.path, m.how) for m in matches] == [
        ("/a/full.docx", ("full name",)),
        ("/a/first-dob.txt", ("first name + DOB",)),
        ("/a/apart.txt", ("first name + DOB in the same document",)),
    ]
    assert matches[1].confidence > matches[2].confidence


def test_nhs_number_however_it_is_typed(index):
    out, key = index
    (match,) = find(out, Query(nhs=("943-476-5919",)), key)
    assert (match.path, match.how, match.where, match.confidence) == ("/a/nhs.xlsx", ("NHS number",), ("Sheet1!C4",), 0.99)


def test_register_person_is_found_by_alias_and_identifier(index, tmp_path):
    out, key = index
    with Register.open(tmp_path / "register.sqlite3") as register:
        pid = register.add_person("Jayden Smith", role="child", aliases=("JJ Smith",), nhs="943 476 5919").id
    query = query_for(subject=pid, register_path=tmp_path / "register.sqlite3")
    found = {m.path: m.how for m in find(out, query, key)}
    assert found == {"/a/full.docx": ("full name",), "/a/nhs.xlsx": ("NHS number",), "/a/alias.eml": ("alias",)}


def test_nobody_else_is_found(index):
    out, key = index
    assert find(out, Query(names=("Adaeze Okafor",), dob=date(2001, 1, 1), nhs=("401 023 2137",)), key) == []


def test_unknown_register_person_and_empty_query_are_refused(index, tmp_path):
    out, key = index
    with pytest.raises(BulkError, match="no register there"):
        query_for(subject="P-0009", register_path=tmp_path / "none.sqlite3")
    with pytest.raises(BulkError, match="nothing to look for"):
        find(out, Query(), key)


def test_the_key_the_scan_recorded_is_used_by_default(index, monkeypatch):
    out, key = index
    monkeypatch.delenv("SHAREGUARD_INDEX_KEY", raising=False)
    with Index.open(out, load_key(key, create=False)) as idx:
        idx.write_meta(key_path=str(key))
    assert [m.path for m in find(out, Query(names=("Leila Haddad",)))] == ["/a/other.txt"]
