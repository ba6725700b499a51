"""Validation lists every problem in one run, each at its file and line, in words."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import moskvitch
from moskvitch import DataError
from moskvitch.cli import main

DATA = Path(moskvitch.__file__).parent / "data"


def edited(tmp_path: Path, **edits: tuple[str, str]) -> Path:
    """A copy of the shipped TOML files, with ``old`` replaced by ``new`` once in each file."""
    target = tmp_path / "data"
    target.mkdir()
    for toml in DATA.glob("*.toml"):
        shutil.copy(toml, target / toml.name)
    for name, (old, new) in edits.items():
        path = target / f"{name}.toml"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def line_of(path: Path, text: str) -> int:
    return next(
        i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line
    )


def problems(directory: Path) -> tuple[moskvitch.Problem, ...]:
    with pytest.raises(DataError) as caught:
        moskvitch.load(directory)
    return caught.value.problems


def test_value_and_reference_problems_come_in_one_run(tmp_path: Path) -> None:
    directory = edited(
        tmp_path,
        models=('name = "KIM-10"', "name = 10"),  # a value problem in one record
        plants=('city = "', 'city = 5 # "'),
        engines=('id = "moskvich-400-engine"', 'id = "moskvich-400-engin"'),  # a reference
    )
    found = problems(directory)
    messages = [p.message for p in found]
    assert "expected a string, found int 10" in messages
    assert "unknown engine 'moskvich-400-engine'" in messages
    # A plant that cannot be read is not reported again as an unknown plant of every model.
    assert not any(m == "unknown plant 'moscow'" for m in messages)


def test_a_file_that_is_not_toml_hides_no_value_problem_and_invents_no_reference_one(
    tmp_path: Path,
) -> None:
    directory = edited(
        tmp_path,
        plants=('id = "moscow"', 'id = "moscow'),
        models=('name = "KIM-10"', "name = 10"),
    )
    found = problems(directory)
    assert [p.file for p in found if p.message.startswith("not valid TOML")] == ["plants.toml"]
    assert "expected a string, found int 10" in [p.message for p in found]
    # The plants are unknown, not missing: no model is said to name an unknown plant.
    assert not any(p.message.startswith("unknown plant") for p in found)


def test_every_problem_in_a_toml_file_has_its_line(tmp_path: Path) -> None:
    directory = edited(
        tmp_path,
        models=('name = "KIM-10"', 'nmae = "KIM-10"'),
        engines=('id = "moskvich-400-engine"', 'id = "moskvich-400-engin"'),
        production=('period = "1947"', 'period = "1947-13"'),
    )
    found = problems(directory)
    assert all(p.line is not None for p in found if p.file.endswith(".toml")), found
    by_message = {p.message: p for p in found}
    typo = by_message["unknown field 'nmae'; did you mean 'name'?"]
    assert typo.line == line_of(directory / "models.toml", 'nmae = "KIM-10"')
    assert str(typo).startswith(f"models.toml:{typo.line}: models[0] (kim-10).nmae: ")
    period = next(p for p in found if p.path == "period")
    assert period.line == line_of(directory / "production.toml", 'period = "1947-13"')
    engine = next(p for p in found if p.message == "unknown engine 'moskvich-400-engine'")
    assert engine.line == line_of(directory / "models.toml", '"moskvich-400-engine"')


def test_lines_reach_into_sub_tables_and_inline_arrays(tmp_path: Path) -> None:
    plants = (DATA / "plants.toml").read_text(encoding="utf-8")
    owners = plants.index("[[plants.owners]]")
    stake = plants.index("\n", owners)
    directory = edited(tmp_path)
    (directory / "plants.toml").write_text(
        plants[:stake] + "\nstake_percent = 300" + plants[stake:], encoding="utf-8"
    )
    models = directory / "models.toml"
    text = models.read_text(encoding="utf-8")
    second = '  {source = "seed-000", quote = "In June 1941'
    models.write_text(text.replace(second, second.replace("seed-000", "seed-999"), 1), "utf-8")
    found = problems(directory)
    stake_problem = next(p for p in found if p.path.endswith("stake_percent"))
    assert stake_problem.line == line_of(directory / "plants.toml", "stake_percent = 300")
    citation = next(p for p in found if p.message == "unknown source 'seed-999'")
    assert citation.path == "citations[1].source"
    assert citation.line == line_of(models, '{source = "seed-999"')


def test_validate_of_good_data_says_so_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(DATA)]) == 0
    out = " ".join(capsys.readouterr().out.split())  # the line wraps at 88 columns
    catalog = moskvitch.load()
    assert out.startswith(f"{DATA}: valid, no problems: ")
    assert f"{len(catalog.models)} models" in out and "production records" in out
    assert "<Catalog" not in out


def test_validate_json_lists_problems_with_their_locations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = edited(tmp_path, models=('name = "KIM-10"', 'nmae = "KIM-10"'))
    assert main(["validate", "--json", str(directory)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["valid"] is False and data["counts"] is None
    first = data["problems"][0]
    assert set(first) == {"file", "line", "collection", "index", "record", "path", "message"}
    assert (first["file"], first["collection"], first["index"], first["record"]) == (
        "models.toml",
        "models",
        0,
        "kim-10",
    )
    assert main(["validate", "--json", str(DATA)]) == 0
    good = json.loads(capsys.readouterr().out)
    assert good["valid"] is True and good["problems"] == []
    assert good["counts"]["models"] == len(moskvitch.load().models)


def test_export_json_of_one_collection(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "json", "--collection", "models"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["models"]
    assert [m["id"] for m in data["models"]] == [m.id for m in moskvitch.load().models]
    assert main(["export", "--json", "--collection", "models"]) == 0
    assert json.loads(capsys.readouterr().out) == data


def test_schema_accepts_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--json", "--command", "validate"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "moskvitch validate --json"
