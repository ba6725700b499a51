"""The command line fits the ecosystem: --version, --data anywhere, totals of one subject, and
one JSON form, described by a schema, for every --json output."""

import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

import moskvitch
from moskvitch import production
from moskvitch.cli import main
from moskvitch.schema import export_schema, output_schema, table_schema, toml_schema

jsonschema = pytest.importorskip("jsonschema")

DATA = Path(moskvitch.__file__).parent / "data"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    status, out, err = run(capsys, *args, "--json")
    assert (status, err) == (0, "")
    return json.loads(out)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"moskvitch {moskvitch.__version__}\n"


@pytest.mark.parametrize(
    "args", [["stats"], ["show", "m-1"], ["timeline"], ["search", "tiny"], ["export"]]
)
def test_data_goes_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]
) -> None:
    (tmp_path / "sources.toml").write_text('[[sources]]\nid = "s"\ntitle = "S"\n', "utf-8")
    (tmp_path / "models.toml").write_text(
        '[[models]]\nid = "m-1"\nname = "Tiny"\nmake = "M"\nkind = "racer"\ncitations = ["s"]\n',
        "utf-8",
    )
    before = run(capsys, "--data", str(tmp_path), *args)
    after = run(capsys, *args, "--data", str(tmp_path))
    assert before == after
    assert before[0] == 0 and "moskvich-412" not in before[1]
    shipped = run(capsys, *args)
    assert shipped != before


def test_data_after_the_command_wins_over_data_before(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "catalog.json"
    assert main(["export", "-o", str(target)]) == 0
    status, _, err = run(
        capsys, "--data", str(tmp_path / "nowhere"), "stats", "--data", str(target)
    )
    assert (status, err) == (0, "")


def test_totals_of_one_subject_agree_with_the_python_api(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = run_json(capsys, "totals", "Москвич-400", "--by", "year")
    expected = production.by_year("400")
    assert data["subject"] == "moskvich-400"
    assert [(r["label"], r["figure"]["text"]) for r in data["rows"]] == [
        (row.label, str(row.figure)) for row in expected.rows
    ]
    assert data["total"]["figure"] == expected.grand_total.figure.to_data()  # type: ignore[union-attr]
    plant = run_json(capsys, "totals", "AZLK")
    assert plant["total"]["figure"] == production.total("moscow").figure.to_data()  # type: ignore[union-attr]
    status, out, _ = run(capsys, "totals", "400", "--by", "year")
    assert status == 0 and "1947" in out and "2023" not in out


def test_totals_window(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "totals", "--by", "year", "--from", "1948", "--to", "1949-06")
    # 1949 overlaps the window in part: its figure counts from 0 up to 19,906, for part of 1949,
    # and so does the 420A's count over 1949-1954.
    assert [r["label"] for r in data["rows"]] == ["1948", "1949"]
    assert data["rows"][1]["partial"]
    assert [p["kind"] for p in data["rows"][1]["parts"]] == ["partial", "partial"]
    assert (data["from"], data["to"]) == ("1948", "1949-06")
    expected = production.by_year(start=1948, end="1949-06")
    assert data["total"]["figure"] == expected.grand_total.figure.to_data()  # type: ignore[union-attr]
    everything = run_json(capsys, "totals", "--by", "year")
    assert len(everything["rows"]) > len(data["rows"])
    status, out, _ = run(capsys, "totals", "--from", "1967", "--to", "1991")
    assert status == 0 and "Figures dated within 1967 to 1991 count whole." in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["totals", "400", "--by", "plant"], "break down --by era or year, not --by plant"),
        (["totals", "--from", "1991-13"], "invalid date '1991-13'"),
        (["totals", "--from", "1991", "--to", "1967"], "ends before it starts"),
        (["schema", "--toml", "models", "--command", "show"], "cannot be used together"),
        (["schema", "--output", ""], "--output needs a file name"),
        (["--data", "somewhere", "schema"], "it takes no --data"),
    ],
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    status, out, err = run(capsys, *args)
    assert (status, out) == (2, "")
    assert message in err and len(err.splitlines()) == 1


def test_a_failed_look_up_exits_1_with_suggestions_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "totals", "Moskvich-4122")
    assert (status, out) == (1, "")
    assert "no model, variant or plant named 'Moskvich-4122'; did you mean" in err


JSON_COMMANDS = [
    ("stats", []),
    ("show", ["412"]),
    ("show", ["moscow"]),
    ("show", ["3e"]),
    ("lineage", ["2140"]),
    ("totals", []),
    ("totals", ["--by", "plant", "--claims", "envelope"]),
    ("totals", ["--by", "era", "--allocation", "proportional"]),
    ("totals", ["2141", "--by", "year", "--measure", "sold"]),
    ("timeline", ["400"]),
    ("search", ["moskvich"]),
    ("conflicts", []),
    ("validate", [str(Path(moskvitch.__file__).parent / "data")]),
]


def keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys(v)}
    return set()


@pytest.mark.parametrize(("command", "args"), JSON_COMMANDS)
def test_every_json_output_matches_its_schema(
    capsys: pytest.CaptureFixture[str], command: str, args: list[str]
) -> None:
    data = run_json(capsys, command, *args)
    validator = jsonschema.Draft202012Validator(output_schema(command))
    assert [e.message for e in validator.iter_errors(data)] == []
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", key) for key in keys(data)), keys(data)


def test_a_json_output_that_leaves_a_field_out_fails_its_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = run_json(capsys, "show", "412")
    validator = jsonschema.Draft202012Validator(output_schema("show"))
    del data["inference"]
    assert not validator.is_valid(data)
    data = run_json(capsys, "search", "412")
    data[0]["type"] = "car"
    assert not jsonschema.Draft202012Validator(output_schema("search")).is_valid(data)


def test_records_carry_one_type_key_and_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    shown = run_json(capsys, "show", "412")
    assert shown["type"] == "model" and "kind_of_record" not in shown
    assert list(shown)[1:15] == [f.name for f in attrs.fields(moskvitch.Model)]
    assert shown["inference"] is None and shown["body_style"] == "sedan"
    assert all(set(c) == {"source", "quote", "locator"} for c in shown["citations"])
    assert {r["type"] for r in shown["production_records"]} == {"production_record"}
    assert {f["type"] for f in shown["facts"]} == {"fact"}
    figure = shown["production_records"][0]["figure"]
    assert set(figure) == {"text", "low", "high", "approximate"}
    hits = run_json(capsys, "search", "412")
    assert list(hits[0]) == ["type", "id", "name", "score", "matched"]
    assert (hits[0]["type"], hits[0]["name"]) == ("model", "Moskvich-412")
    events = run_json(capsys, "timeline", "400")
    assert {e["type"] for e in events} == {"event"}
    assert all("note" in e and "inference" in e for e in events)
    disputes = run_json(capsys, "conflicts")
    assert {d["type"] for d in disputes} == {"dispute"}
    counts = run_json(capsys, "stats")
    assert counts["production"] == len(moskvitch.load().production)


def test_totals_figures_are_objects(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "totals")
    row = next(r for r in data["rows"] if r["label"] == "pre-war")
    assert row["figure"] == {"text": "≈450", "low": 450, "high": 450, "approximate": True}
    assert next(r for r in data["rows"] if r["label"] == "war")["figure"] is None
    assert data["total"]["figure"]["high"] is None
    assert (data["measure"], data["by"], data["subject"]) == ("built", "era", None)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], export_schema()),
        (["--toml", "models"], toml_schema("models")),
        (["--command", "totals"], output_schema("totals")),
        (["--table", "disputes.claims"], table_schema("disputes.claims")),
    ],
)
def test_schema_command_prints_each_schema(
    capsys: pytest.CaptureFixture[str], args: list[str], expected: dict[str, Any]
) -> None:
    status, out, _ = run(capsys, "schema", *args)
    assert status == 0
    assert json.loads(out) == expected


def test_schema_command_writes_a_file_the_export_validates_against(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    schema_file, export_file = tmp_path / "export.schema.json", tmp_path / "catalog.json"
    assert main(["schema", "-o", str(schema_file)]) == 0
    assert main(["export", "-o", str(export_file)]) == 0
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    export = json.loads(export_file.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(export)
    # The schema takes what load() reads: the figure's text form too, but not other text.
    export["production"][0]["figure"] = "≈450"
    assert jsonschema.Draft202012Validator(schema).is_valid(export)
    export["production"][0]["figure"] = "about 450"
    assert not jsonschema.Draft202012Validator(schema).is_valid(export)
    assert moskvitch.load(export_file) == moskvitch.load()


def test_csv_export_of_nested_tables(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "export", "--format", "csv", "--collection", "disputes.claims")
    assert status == 0
    header = out.splitlines()[0].split(",")
    assert header[:4] == ["dispute", "index", "value", "preferred"]
    assert "figure_low" in header and "figure_high" in header
    status, out, _ = run(capsys, "export", "--format", "csv")
    assert out.splitlines()[0].startswith(
        "id,subject,period,period_start,period_end,period_start_year,period_end_year,figure,"
    )
