"""JSON Schemas generated from the record classes validate the data, and catch damage."""

import copy
import csv
import io
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import moskvitch
from moskvitch import Catalog
from moskvitch.schema import (
    COMMANDS,
    DATE_PATTERN,
    FIGURE_PATTERN,
    PERIOD_PATTERN,
    export_schema,
    output_schema,
    table_schema,
    toml_schema,
)
from moskvitch.serialization import to_dict
from moskvitch.tables import TABLES, columns, rows, to_csv
from moskvitch.testing import catalogs

jsonschema = pytest.importorskip("jsonschema")

DATA = Path(moskvitch.__file__).parent / "data"
COLLECTIONS = [t for t in TABLES if "." not in t]


def validator(schema: dict[str, Any]) -> Any:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(schema: dict[str, Any], data: object) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator(schema).iter_errors(data)
    ]


def test_the_shipped_export_is_valid() -> None:
    assert errors(export_schema(), to_dict(moskvitch.load())) == []
    shipped = json.loads((DATA / "catalog.json").read_text(encoding="utf-8"))
    assert errors(export_schema(), shipped) == []


@settings(max_examples=15)
@given(catalogs())
def test_every_generated_export_is_valid(catalog: Catalog) -> None:
    assert errors(export_schema(), json.loads(json.dumps(to_dict(catalog)))) == []


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_every_shipped_toml_file_is_valid(collection: str) -> None:
    with (DATA / f"{collection}.toml").open("rb") as stream:
        document = tomllib.load(stream)
    assert errors(toml_schema(collection), document) == []


def damaged(data: dict[str, Any], where: str, value: object) -> dict[str, Any]:
    """A copy of ``data`` with one value replaced, at a path such as ``production/0/figure``."""
    broken = copy.deepcopy(data)
    *parents, last = where.split("/")
    target: Any = broken
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    target[int(last) if last.isdigit() else last] = value
    return broken


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        ("production/0/figure", "about 450", "is not valid under any of the given schemas"),
        ("production/0/figure", 4.5, "is not valid under any of the given schemas"),
        ("production/0/figure/low", 10**15, "is not valid under any of the given schemas"),
        ("production/0/figure/low", "450", "is not valid under any of the given schemas"),
        ("production/0/figure/high", -1, "is not valid under any of the given schemas"),
        ("production/0/period", "1940/41", "does not match"),
        ("models/0/kind", "car", "is not one of"),
        ("models/0/colour", "red", "Additional properties are not allowed"),
        ("events/0/date", "1946-1", "does not match"),
        ("facts", {}, "is not of type 'array'"),
    ],
)
def test_a_damaged_export_fails(where: str, value: object, message: str) -> None:
    found = errors(export_schema(), damaged(to_dict(moskvitch.load()), where, value))
    assert found and message in found[0], found
    assert found[0].startswith("/".join(where.split("/")[:2]))


def test_a_missing_required_field_fails() -> None:
    data = to_dict(moskvitch.load())
    del data["models"][0]["make"]
    assert errors(export_schema(), data) == ["models/0: 'make' is a required property"]


def test_a_damaged_toml_file_fails() -> None:
    with (DATA / "production.toml").open("rb") as stream:
        document = tomllib.load(stream)
    assert errors(toml_schema("production"), damaged(document, "production/0/figure", "many"))
    assert errors(toml_schema("production"), {"models": []})  # the wrong top-level array


@pytest.mark.parametrize(
    ("pattern", "good", "bad"),
    [
        (DATE_PATTERN, ["1946", "1967-05", "1946-12-04"], ["46", "1946-5", "1946/1956", ""]),
        (PERIOD_PATTERN, ["1946/1956", "2022/..", "../1941", "1947"], ["1946/", "1946-1956"]),
        (
            FIGURE_PATTERN,
            [
                "1501",
                "1,501",
                "~600",
                "≈600",
                ">=15300",
                "≥15,300",
                "≲1,000",
                "216000-248000",
                "1.5",
                "2.4 thousand",
                "=1,000,000",
                "≥1.6 billion",
            ],
            ["many", "1.5.0", "-5", "≥", "1,50", "2.4 dozen"],
        ),
    ],
)
def test_patterns_agree_with_the_parsers(pattern: str, good: list[str], bad: list[str]) -> None:
    import re

    schema = {"type": "string", "pattern": pattern}
    for text in good:
        assert re.search(pattern, text) and not errors(schema, text), text
    for text in bad:
        assert errors(schema, text), text


@pytest.mark.parametrize("table", TABLES)
def test_every_table_row_is_valid(table: str) -> None:
    schema = table_schema(table)
    assert list(schema["properties"]) == columns(table)
    assert [e for row in rows(table) for e in errors(schema, row)] == []


def test_csv_cells_read_back_as_numbers_are_valid() -> None:
    schema = table_schema("production")

    def kinds_of(prop: dict[str, Any]) -> list[str]:
        if "anyOf" in prop:
            return [kind for option in prop["anyOf"] for kind in kinds_of(option)]
        return prop["type"] if isinstance(prop["type"], list) else [prop["type"]]

    types = {name: kinds_of(prop) for name, prop in schema["properties"].items()}

    def read(name: str, cell: str) -> object:
        kinds = types[name]
        if cell == "" and "null" in kinds:
            return None
        if "integer" in kinds:
            return int(cell)
        if "number" in kinds:
            return float(cell) if "." in cell else int(cell)
        if "boolean" in kinds:
            return {"True": True, "False": False}[cell]
        return cell

    for line in csv.DictReader(io.StringIO(to_csv("production"))):
        assert errors(schema, {k: read(k, v) for k, v in line.items()}) == []
    row = rows("production")[0]
    assert errors(schema, {**row, "figure_low": "450"})
    assert errors(schema, {**row, "extra": 1})


def test_output_schemas_exist_for_every_json_command(capsys: pytest.CaptureFixture[str]) -> None:
    from moskvitch import cli

    with pytest.raises(SystemExit):
        cli.main(["schema", "--help"])
    assert ", ".join(COMMANDS) in " ".join(capsys.readouterr().out.split())
    for command in COMMANDS:
        validator(output_schema(command))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: toml_schema("model"), "no collection 'model'; expected one of 'sources'"),
        (lambda: output_schema("export"), "no JSON output for 'export'"),
        (lambda: table_schema("lineage"), "no table 'lineage'"),
    ],
)
def test_unknown_names_are_refused(call: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


ROOT = Path(__file__).resolve().parent.parent


def test_the_schema_files_for_editors_are_up_to_date() -> None:
    expected = {"export.schema.json": export_schema()}
    expected |= {f"{c}.toml.schema.json": toml_schema(c) for c in COLLECTIONS}
    found = {path.name for path in (ROOT / "schemas").glob("*.json")}
    assert found == set(expected), "run: python scripts/compile_data.py"
    for name, schema in expected.items():
        text = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert text == json.dumps(schema, ensure_ascii=False, indent=2) + "\n", (
            f"{name} is stale; run: python scripts/compile_data.py"
        )


def test_taplo_points_every_data_file_at_its_schema() -> None:
    with (ROOT / ".taplo.toml").open("rb") as stream:
        config = tomllib.load(stream)
    rules = {rule["include"][0]: rule["schema"]["path"] for rule in config["rule"]}
    assert rules == {
        f"src/moskvitch/data/{c}.toml": f"./schemas/{c}.toml.schema.json" for c in COLLECTIONS
    }
    assert all((ROOT / path).is_file() for path in rules.values())
