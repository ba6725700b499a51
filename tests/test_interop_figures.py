"""Figures as numbers wherever a machine reads them: one object form, read back losslessly."""

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import moskvitch
from moskvitch import DataError, Figure, InvalidFigureError
from moskvitch.serialization import from_json, to_dict, to_json
from moskvitch.testing import catalogs, figures


@st.composite
def any_figures(draw: st.DrawFn) -> Figure:
    """Every shape a figure takes, approximate bounds and ranges included."""
    low = draw(st.integers(0, 10**12))
    high = draw(st.none() | st.integers(low, 10**12 + 1))
    return Figure(low, high, draw(st.booleans()))


@given(figures() | any_figures())
def test_the_object_form_reads_back_to_the_same_figure(figure: Figure) -> None:
    data = figure.to_data()
    assert list(data) == ["text", "low", "high", "approximate"]
    assert (data["low"], data["high"], data["approximate"]) == (
        figure.low,
        figure.high,
        figure.approximate,
    )
    assert Figure.parse(data["text"]) == figure
    assert Figure.from_data(json.loads(json.dumps(data))) == figure
    without_text = {k: v for k, v in data.items() if k != "text"}
    assert Figure.from_data(without_text) == figure


@pytest.mark.parametrize(
    ("text", "low", "high", "approximate"),
    [
        ("≥900,000", 900_000, None, False),
        ("≈600", 600, 600, True),
        ("≤1,000", 0, 1000, False),
        ("216,000–248,000", 216_000, 248_000, False),
        ("≳4,317,050", 4_317_050, None, True),
        ("1,501", 1501, 1501, False),
    ],
)
def test_low_and_high_are_the_least_and_most_the_count_may_be(
    text: str, low: int, high: int | None, approximate: bool
) -> None:
    assert Figure.parse(text).to_data() == {
        "text": text,
        "low": low,
        "high": high,
        "approximate": approximate,
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (2.5, "not float 2.5"),
        (True, "not bool True"),
        ([1, 2], "not list [1, 2]"),
        ({"low": 1, "high": 2}, "lacks 'approximate'"),
        ({"low": 1, "high": 2, "approximate": False, "note": "x"}, "unknown key 'note'"),
        (
            {"low": "1", "high": 2, "approximate": False},
            "low must be an integer or a Decimal, not str '1'",
        ),
        ({"low": 5, "high": 2, "approximate": False}, "high 2 is below its low 5"),
        ({"low": 1, "high": 2, "approximate": 0}, "approximate flag must be a bool"),
        (
            {"text": "≥5", "low": 5, "high": 6, "approximate": False},
            "text '≥5' disagrees with its numbers",
        ),
    ],
)
def test_malformed_objects_are_refused_quoting_the_value(value: object, message: str) -> None:
    with pytest.raises(InvalidFigureError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Figure.from_data(value)


def test_the_json_export_writes_figures_as_objects() -> None:
    data = to_dict(moskvitch.load())
    record = next(r for r in data["production"] if r["id"] == "kim-10-built-1940-1941")
    assert record["figure"] == {"text": "≈450", "low": 450, "high": 450, "approximate": True}
    engines = [e for e in data["engines"] if "power" in e]
    assert engines and all(isinstance(e["power"]["low"], int) for e in engines)


def test_load_reads_the_export_losslessly(tmp_path: Path) -> None:
    catalog = moskvitch.load()
    target = tmp_path / "catalog.json"
    target.write_text(to_json(catalog, indent=2), encoding="utf-8")
    assert moskvitch.load(target) == catalog


def test_an_export_in_the_old_text_notation_still_loads() -> None:
    data = to_dict(moskvitch.load())

    def compact(value: Any) -> Any:
        if isinstance(value, dict):
            if set(value) == {"text", "low", "high", "approximate"}:
                return value["text"]
            return {k: compact(v) for k, v in value.items()}
        if isinstance(value, list):
            return [compact(v) for v in value]
        return value

    assert from_json(json.dumps(compact(data))) == moskvitch.load()


def test_a_damaged_figure_in_an_export_is_located() -> None:
    data = to_dict(moskvitch.load())
    data["production"][0]["figure"]["high"] = 1
    with pytest.raises(DataError) as info:
        from_json(json.dumps(data), file="catalog.json")
    [problem] = info.value.problems
    assert problem.file == "catalog.json"
    assert problem.location == "production[0] (kim-10-built-1940-1941).figure"
    assert (problem.collection, problem.index, problem.path) == ("production", 0, "figure")
    assert "high 1 is below its low 450" in problem.message


@settings(max_examples=20)
@given(catalogs())
def test_load_reads_any_export_back_losslessly(catalog: moskvitch.Catalog) -> None:
    with tempfile.TemporaryDirectory() as directory:
        target = Path(directory) / "export.json"
        target.write_text(to_json(catalog, indent=2), encoding="utf-8")
        again = moskvitch.load(target)
    assert again == catalog
    assert to_dict(again) == to_dict(catalog)
