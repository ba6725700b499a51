"""The fast paths build exactly what the converter builds, and fail exactly when it fails.

Two readers besides the detailed converter exist for speed: the same converter without detailed
validation (tried first for every file) and the snapshot reader derived from the attrs classes
(only for the shipped data, validated when it is compiled). These tests hold them to the
detailed converter on generated catalogs and on broken variants of them.
"""

import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import moskvitch
from moskvitch import Catalog, DataError, ingestion
from moskvitch._converter import converter, quick, structure_collections
from moskvitch._readers import read_collections
from moskvitch.catalog import COLLECTIONS
from moskvitch.serialization import from_json, to_json
from moskvitch.testing import catalogs
from moskvitch.validation import problems


def plain(catalog: Catalog) -> dict[str, Any]:
    """The catalog as JSON gives it back, the way the snapshot and exports are read."""
    data: dict[str, Any] = json.loads(to_json(catalog))
    return data


def detailed(data: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    return {
        name: converter.structure(data[name], tuple[kind, ...])  # type: ignore[valid-type]
        for name, kind in COLLECTIONS.items()
        if name in data
    }


def quickly(data: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    return {
        name: quick.structure(data[name], tuple[kind, ...])  # type: ignore[valid-type]
        for name, kind in COLLECTIONS.items()
        if name in data
    }


def collections(catalog: Catalog) -> dict[str, tuple[Any, ...]]:
    return {name: getattr(catalog, name) for name in COLLECTIONS}


@given(catalogs())
def test_the_snapshot_reader_builds_what_the_converter_builds(catalog: Catalog) -> None:
    data = plain(catalog)
    parts = read_collections(data)
    assert parts is not None
    assert parts == detailed(data)
    assert Catalog._of_validated(parts) == catalog
    assert collections(Catalog._of_validated(parts)) == collections(catalog)


@given(catalogs())
def test_the_quick_converter_builds_what_the_detailed_one_builds(catalog: Catalog) -> None:
    data = plain(catalog)
    assert quickly(data) == detailed(data)
    assert structure_collections(data, lambda _: "", []) == detailed(data)


# Values that break a field of some type: wrong JSON types, bad notations, unknown members.
BREAKING = [None, 1, -1, 1.5, True, "", "x", "1946-13", "1956/1946", [], [1], {}, {"x": 1}]


@st.composite
def broken(draw: st.DrawFn) -> dict[str, Any]:
    """The plain data of a generated catalog with one record's field replaced, removed or
    added: often a structuring error, sometimes still valid (a note set to "x")."""
    data = plain(draw(catalogs(min_models=1)))
    name = draw(st.sampled_from(sorted(n for n in data if data[n])))
    record = draw(st.sampled_from(data[name]))
    field = draw(st.sampled_from([*sorted(record), "unknown_field"]))
    if draw(st.booleans()) and field in record:
        del record[field]
    else:
        record[field] = draw(st.sampled_from(BREAKING))
    return data


FAILED = object()


def outcome(read: Any, data: dict[str, Any]) -> object:
    try:
        return read(data)
    except Exception:  # only whether it fails matters here
        return FAILED


@given(broken())
def test_the_quick_converter_fails_exactly_when_the_detailed_one_fails(
    data: dict[str, Any],
) -> None:
    expected = outcome(detailed, data)
    assert (outcome(quickly, data) is FAILED) is (expected is FAILED)
    if expected is not FAILED:
        assert outcome(quickly, data) == expected
        # The snapshot reader checks nothing, so only valid data binds it.
        assert read_collections(data) == expected


@given(broken())
def test_problems_are_those_of_the_detailed_converter(data: dict[str, Any]) -> None:
    found: list[moskvitch.Problem] = []
    parts = structure_collections(data, lambda name: f"{name}.json", found)
    try:
        expected = detailed(data)
    except Exception:  # then the problems must say where
        assert found, "a structuring error was not reported"
        assert all(problem.collection and problem.file for problem in found)
    else:
        assert found == []
        assert parts == expected


@pytest.mark.parametrize(
    "data",
    [None, [], {"models": {}}, {"cars": []}, {"models": [{"id": "x"}]}, {"models": [1]}],
    ids=repr,
)
def test_the_snapshot_reader_gives_up_on_data_that_does_not_fit(data: object) -> None:
    assert read_collections(data) is None


def test_the_shipped_snapshot_passes_every_check() -> None:
    # The trust argument for reading it without checks: the same records pass the full
    # validation (and tests/test_shipped_data.py keeps the file equal to the TOML files).
    shipped = moskvitch.load()
    assert problems(collections(shipped), COLLECTIONS) == []
    assert Catalog(**collections(shipped)) == shipped


def test_the_first_answer_does_not_import_cattrs() -> None:
    code = (
        "import sys, moskvitch; moskvitch.load().model('412'); "
        "print(sorted(m for m in ('cattrs', 'pathlib', 'difflib') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_converter_is_imported_on_first_use() -> None:
    assert ingestion.converter is converter
    assert set(ingestion.__all__) <= set(dir(ingestion))
    assert all(getattr(ingestion, name) is not None for name in ingestion.__all__)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = ingestion.nothing  # type: ignore[attr-defined]


def test_a_broken_document_is_reported_by_the_detailed_path() -> None:
    with pytest.raises(DataError) as raised:
        from_json('{"models": [{"id": "x", "name": 1}]}', file="a.json")
    messages = [str(problem) for problem in raised.value.problems]
    assert any("a.json: models[0] (x).name: expected a string" in m for m in messages)
    assert any("required field missing" in m for m in messages)


def test_a_document_breaking_a_rule_is_reported_with_its_file() -> None:
    text = '{"models": [{"id": "x", "name": "X", "make": "M", "kind": "production"}]}'
    with pytest.raises(DataError) as raised:
        from_json(text, file="a.json")
    assert [str(problem) for problem in raised.value.problems] == [
        "a.json: models[0] (x).citations: no citation: every record cites a source"
    ]


@given(catalogs(), st.sampled_from([None, 0, 2]))
def test_a_document_read_record_by_record_is_the_document_read_whole(
    catalog: Catalog, indent: int | None
) -> None:
    text = to_json(catalog, indent=indent)
    parts = ingestion._read_record_by_record(text, json.JSONDecoder())
    assert parts == detailed(json.loads(text))
    assert parts == {name: records for name, records in collections(catalog).items() if records}


@given(catalogs(), st.data())
def test_text_read_record_by_record_is_never_read_differently(
    catalog: Catalog, data: st.DataObject
) -> None:
    # Cut, doubled or stray characters: either the record-by-record reader gives up (and the
    # whole text goes to json.loads and the detailed converter), or both read the same.
    text = to_json(catalog)
    at = data.draw(st.integers(0, len(text)))
    edit = data.draw(st.sampled_from(["cut", "double", *'{}[],: "x1']))
    if edit == "cut":
        text = text[:at] + text[at + 1 :]
    elif edit == "double":
        text = text[:at] + text[at : at + 1] * 2 + text[at + 1 :]
    else:
        text = text[:at] + edit + text[at:]
    parts = ingestion._read_record_by_record(text, json.JSONDecoder())
    if parts is not None:
        assert parts == detailed(json.loads(text))
