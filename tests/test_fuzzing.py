"""The loader on hostile input: a valid catalog or the documented DataError, nothing else."""

import json
import os
import string
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import moskvitch
from moskvitch import Catalog, DataError, load_directory, names
from moskvitch.catalog import COLLECTIONS
from moskvitch.serialization import from_dict, from_json, to_dict

# Every character UTF-8 can carry. Hypothesis's default text alphabet is the same set, but it is
# built by encoding each of the 1.1 million code points on the first draw (seconds on a fresh
# clone with no .hypothesis/ cache), which is charged to whichever test draws text first. The
# Unicode categories are cheap to look up.
any_char = st.characters(exclude_categories=("Cs",))
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.integers(min_value=-(2**4000), max_value=2**4000)  # far beyond 64 bits
    | st.floats(allow_nan=True)
    | st.text(any_char, max_size=12)
    # Long strings, built by repetition: drawing thousands of characters one by one is slow.
    | st.builds(str.__mul__, st.text(any_char, min_size=1, max_size=3), st.integers(100, 5_000))
    | st.sampled_from(["١٩٤٦", "1946-١٢", "~١٥٠١", "9" * 5_000, "1" * 200 + "-" + "2" * 200])
    | st.sampled_from(["1946-13", "1946/1956", "~600", ">=15300", "ref-1", "moscow", "sedan", ".."])
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(any_char, max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


def only_documented_outcomes(build: Any) -> None:
    """A valid catalog, or a DataError that lists at least one readable problem."""
    problems: tuple[Any, ...] = ()
    try:
        catalog = build()
    except DataError as error:
        problems = error.problems
        assert problems, "a DataError must list its problems"
    else:
        assert isinstance(catalog, Catalog)
    assert all(str(problem) for problem in problems)


@given(st.dictionaries(st.sampled_from([*COLLECTIONS, "extra"]), json_values, max_size=4))
def test_arbitrary_structures(data: dict[str, Any]) -> None:
    only_documented_outcomes(lambda: from_dict(data))


@given(json_values)
def test_arbitrary_documents(data: Any) -> None:
    only_documented_outcomes(lambda: from_json(json.dumps(data)))


@given(st.binary(max_size=64))
def test_arbitrary_bytes(text: bytes) -> None:
    only_documented_outcomes(lambda: from_json(text))


SHIPPED = to_dict(moskvitch.load())


def mutations() -> st.SearchStrategy[dict[str, Any]]:
    """The shipped data with one record damaged: a field dropped, retyped, or pointed nowhere."""

    @st.composite
    def mutate(draw: st.DrawFn) -> dict[str, Any]:
        # Copy only what is damaged: copying the whole data set made each draw slow.
        data = dict(SHIPPED)
        collection = draw(st.sampled_from([c for c in COLLECTIONS if data.get(c)]))
        index = draw(st.integers(0, len(data[collection]) - 1))
        record = json.loads(json.dumps(data[collection][index]))
        data[collection] = [*data[collection][:index], record, *data[collection][index + 1 :]]
        key = draw(st.sampled_from(sorted(record)))
        action = draw(st.sampled_from(["drop", "retype", "dangle", "extra", "huge", "unicode"]))
        if action == "drop":
            del record[key]
        elif action == "retype":
            record[key] = draw(scalars)
        elif action == "dangle":
            record[key] = "nowhere-" + draw(st.text(string.ascii_lowercase, min_size=1, max_size=5))
        elif action == "extra":
            record["unexpected"] = 1
        elif action == "huge":
            record[key] = 10**30
        else:
            record[key] = draw(st.text(any_char, max_size=10))
        return data

    return mutate()


@given(mutations())
def test_damaged_shipped_data(data: dict[str, Any]) -> None:
    only_documented_outcomes(lambda: from_dict(data))


def test_a_lineage_cycle_in_the_shipped_data_is_caught() -> None:
    data = json.loads(json.dumps(SHIPPED))
    kadett = next(m for m in data["models"] if m["id"] == "opel-kadett-k38")
    kadett["lineage"] = [{"target": "moskvich-2140", "relation": "successor-of"}]
    with pytest.raises(
        DataError,
        match=r"\(moskvich-400\)\.lineage: lineage cycle: .*opel-kadett-k38 -> moskvich-2140",
    ):
        from_dict(data)


toml_text = st.text(
    st.sampled_from(list("[]{}=,.\"'\n #") + list("abcdeimoprstu0123456789")), max_size=80
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(COLLECTIONS)), toml_text)
def test_arbitrary_toml_files(tmp_path: Path, collection: str, text: str) -> None:
    (tmp_path / f"{collection}.toml").write_text(text, encoding="utf-8")
    only_documented_outcomes(lambda: load_directory(tmp_path))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(COLLECTIONS)), json_values)
def test_arbitrary_toml_values(tmp_path: Path, collection: str, value: Any) -> None:
    lines = [f"[[{collection}]]", f"id = {json.dumps(str(value))}"]
    (tmp_path / f"{collection}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "other.toml").unlink(missing_ok=True)
    only_documented_outcomes(lambda: load_directory(tmp_path))


def nested(depth: int, opening: str, closing: str, leaf: str) -> str:
    """``leaf`` inside ``depth`` pairs of brackets."""
    return opening * depth + leaf + closing * depth


BRACKETS = st.sampled_from([("[", "]"), ('{"a":', "}")])


@given(st.integers(1, 5_000), BRACKETS, st.sampled_from(["1", '"x"', "[]"]))
def test_deeply_nested_json(depth: int, brackets: tuple[str, str], leaf: str) -> None:
    opening, closing = brackets
    text = '{"models": ' + nested(depth, opening, closing, leaf) + "}"
    only_documented_outcomes(lambda: from_json(text))


@given(
    st.integers(1, 5_000),
    st.sampled_from([("[", "]"), ("{a=", "}")]),
    st.sampled_from(sorted(COLLECTIONS)),
)
def test_deeply_nested_toml(depth: int, brackets: tuple[str, str], collection: str) -> None:
    text = f"{collection} = " + nested(depth, *brackets, "1") + "\n"
    with tempfile.TemporaryDirectory() as directory:
        (Path(directory) / f"{collection}.toml").write_text(text, encoding="utf-8")
        only_documented_outcomes(lambda: load_directory(directory))


@given(st.integers(4_000, 20_000), st.sampled_from(["json", "toml"]))
def test_integers_too_long_to_read(digits: int, kind: str) -> None:
    number = "9" * digits
    if kind == "json":
        only_documented_outcomes(lambda: from_json('{"models": [{"id": ' + number + "}]}"))
        return
    with tempfile.TemporaryDirectory() as directory:
        (Path(directory) / "models.toml").write_text(f"[[models]]\nid = {number}\n")
        only_documented_outcomes(lambda: load_directory(directory))


def make_entry(path: Path, kind: str) -> None:
    """Put something other than a good data file where a data file should be."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "broken link":
        path.symlink_to(path.with_name("nowhere"))
    elif kind == "looping link":
        path.symlink_to(path)
    elif kind == "device":
        path.symlink_to(os.devnull)
    elif kind == "endless device":
        path.symlink_to("/dev/zero")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)))
    else:
        path.write_text("", encoding="utf-8")


ENTRY_KINDS = ["fifo", "directory", "broken link", "looping link", "device", "endless device"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and devices are POSIX")
@given(
    st.dictionaries(
        st.sampled_from([*(f"{c}.toml" for c in COLLECTIONS), "events.TOML", "x.json"]),
        st.sampled_from([*ENTRY_KINDS, "binary", "empty"]),
        max_size=4,
    )
)
def test_files_that_are_not_regular_files(entries: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        for name, kind in entries.items():
            make_entry(Path(directory) / name, kind)
        only_documented_outcomes(lambda: load_directory(directory))
        if "x.json" in entries:
            only_documented_outcomes(lambda: moskvitch.load(Path(directory) / "x.json"))


@given(
    st.text(any_char, max_size=30) | st.builds(str.__mul__, st.just("a"), st.integers(190, 400)),
    st.integers(-5, 30),
)
def test_search_queries_and_limits(text: str, limit: int) -> None:
    from moskvitch import search

    refused = limit < 0 or len(text) > search.MAX_QUERY_LENGTH or not names.fold(text)
    if refused:
        with pytest.raises(ValueError, match=r"limit|too long|nothing to search for"):
            search.search(text, limit=limit)
    else:
        assert len(search.search(text, limit=limit)) <= limit
