"""The loader on hostile input: a valid catalog or the documented DataError, nothing else."""

import json
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import moskvitch
from moskvitch import Catalog, DataError, load_directory
from moskvitch.serialization import COLLECTIONS, from_dict, from_json, to_dict

# Every character UTF-8 can carry. Hypothesis's default text alphabet is the same set, but it is
# built by encoding each of the 1.1 million code points on the first draw (seconds on a fresh
# clone with no .hypothesis/ cache), which is charged to whichever test draws text first. The
# Unicode categories are cheap to look up.
any_char = st.characters(exclude_categories=("Cs",))
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True)
    | st.text(any_char, max_size=12)
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
