"""The Frictionless data package and the SQLite database: every table, typed, keyed, complete."""

import contextlib
import csv
import importlib.util
import json
import os
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import moskvitch
from moskvitch import Catalog, production
from moskvitch.cli import main
from moskvitch.tables import (
    TABLES,
    Column,
    columns,
    datapackage,
    rows,
    sql_name,
    write_datapackage,
    write_sqlite,
)
from moskvitch.testing import catalogs

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return moskvitch.load()


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Path:
    directory = tmp_path_factory.mktemp("exports") / "moskvitch"
    write_datapackage(directory, catalog=catalog)
    return directory


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Iterator[Any]:
    path = tmp_path_factory.mktemp("exports") / "moskvitch.db"
    write_sqlite(path, catalog=catalog)
    connection = sqlite3.connect(path)
    yield connection
    connection.close()


def expected_count(catalog: Catalog, table: str) -> int:
    """How many records a table must hold, counted on the catalog's records directly."""
    collection, *path = table.split(".")
    records: list[Any] = list(getattr(catalog, collection))
    for field in path:
        records = [item for record in records for item in getattr(record, field)]
    return len(records)


def read_cell(column: Column, cell: str) -> Any:
    """A CSV cell as the column's Table Schema types it."""
    if cell == "" and not (column.required and column.type == "string"):
        return None
    if column.type == "integer":
        return int(cell)
    if column.type == "number":
        return float(cell)
    if column.type == "boolean":
        return {"True": True, "False": False}[cell]
    return cell


def read_back(directory: Path, table: str) -> list[dict[str, Any]]:
    described = {c.name: c for c in columns(table, described=True)}
    with (directory / f"{table}.csv").open(encoding="utf-8", newline="") as stream:
        return [
            {name: read_cell(described[name], cell) for name, cell in line.items()}
            for line in csv.DictReader(stream)
        ]


def unset_empty_text(table: str, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with empty optional text as ``None``: CSV has one empty cell for both."""
    optional = {c.name for c in columns(table, described=True) if not c.required}
    return [{k: None if k in optional and v == "" else v for k, v in r.items()} for r in found]


# -- the data package -------------------------------------------------------------------------


def test_frictionless_validates_the_package(package: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(package / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert len(report.tasks) == len(TABLES)


def test_frictionless_finds_a_broken_foreign_key(tmp_path: Path, catalog: Catalog) -> None:
    frictionless = pytest.importorskip("frictionless")
    write_datapackage(tmp_path / "p", catalog=catalog)
    path = tmp_path / "p" / "production.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",moscow,", ",nowhere,", 1))
    descriptor = datapackage(catalog=catalog)  # the two tables the key joins, to keep it quick
    descriptor["resources"] = [
        r for r in descriptor["resources"] if r["name"] in ("plants", "production")
    ]
    for resource in descriptor["resources"]:
        resource["schema"]["foreignKeys"] = [
            k for k in resource["schema"]["foreignKeys"] if k["reference"]["resource"] == "plants"
        ]
    (tmp_path / "p" / "small.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = frictionless.validate(tmp_path / "p" / "small.json")
    assert not report.valid
    assert [e[0] for e in report.flatten(["type"])] == ["foreign-key"]


@pytest.mark.parametrize("table", TABLES)
def test_each_csv_reads_back_as_the_rows(package: Path, catalog: Catalog, table: str) -> None:
    found = read_back(package, table)
    assert found == unset_empty_text(table, rows(table, catalog=catalog))
    assert len(found) == expected_count(catalog, table)


def test_the_descriptor_lists_every_table_and_its_keys(package: Path) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor == datapackage()
    assert sorted(p.name for p in package.iterdir()) == sorted(
        ["datapackage.json", *(f"{t}.csv" for t in TABLES)]
    )
    assert (descriptor["name"], descriptor["version"]) == ("moskvitch", moskvitch.__version__)
    assert descriptor["licenses"][0]["name"] == "MIT"
    assert len(descriptor["sources"]) == len(moskvitch.load().sources)
    schemas = {r["name"]: r["schema"] for r in descriptor["resources"]}
    assert [r["name"] for r in descriptor["resources"]] == list(TABLES)
    assert schemas["models"]["primaryKey"] == ["id"]
    assert schemas["disputes.claims.citations"]["primaryKey"] == [
        "dispute",
        "claims_index",
        "index",
    ]
    references = {
        (table, tuple(k["fields"])): k["reference"]["resource"]
        for table, schema in schemas.items()
        for k in schema["foreignKeys"]
    }
    assert references[("production", ("plant",))] == "plants"
    assert references[("production", ("alternative_to",))] == ""  # the table itself
    assert references[("variants", ("model",))] == "models"
    assert references[("models.lineage", ("target",))] == "models"
    assert references[("models.citations", ("source",))] == "sources"
    assert references[("disputes.claims.citations", ("dispute", "claims_index"))] == (
        "disputes.claims"
    )


def test_fields_are_typed_and_described_from_the_record_docs() -> None:
    fields = {
        f["name"]: f
        for r in datapackage()["resources"]
        if r["name"] == "production"
        for f in r["schema"]["fields"]
    }
    assert fields["figure"]["description"].startswith("the count (as written: 1,501 exactly")
    assert fields["figure_low"]["type"] in ("integer", "number")
    assert fields["figure_approximate"]["type"] == "boolean"
    assert fields["period_start_year"]["type"] == "integer"
    assert fields["measure"]["constraints"]["enum"][0] == "built"
    assert fields["plant"]["description"] == (
        "the id of the plant, when the figure is for one plant"
    )
    descriptions = [
        f["description"] for r in datapackage()["resources"] for f in r["schema"]["fields"]
    ]
    assert all(descriptions)
    assert not [d for d in descriptions if "``" in d or ":class:" in d or ":doc:" in d]
    models = {c.name: c.description for c in columns("models", described=True)}
    assert models["production"].startswith(
        "the preferred production span; disputed spans are in Catalog.conflicts()"
    )


def test_year_columns_let_periods_group_by_year() -> None:
    row = next(r for r in rows("production") if r["id"] == "moskvich-400-series-built-1946-1956")
    assert (row["period_start"], row["period_start_year"]) == ("1946-12-04", 1946)
    assert (row["period_end"], row["period_end_year"]) == ("1956", 1956)
    event = rows("events")[0]
    assert event["date_year"] == int(event["date"][:4])


def test_an_existing_package_is_replaced_whole(tmp_path: Path, catalog: Catalog) -> None:
    directory = tmp_path / "p"
    write_datapackage(directory, catalog=catalog)
    (directory / "stale.csv").write_text("old\n")
    write_datapackage(directory, catalog=catalog)
    assert not (directory / "stale.csv").exists()
    assert (directory / "models.csv").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["p"]  # no temporary left beside it


def test_a_directory_that_is_not_a_package_is_refused(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    with pytest.raises(FileExistsError, match="not a data package"):
        write_datapackage(tmp_path, catalog=catalog)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    with pytest.raises(FileExistsError, match="it is a file"):
        write_datapackage(tmp_path / "notes.txt", catalog=catalog)


def test_a_read_only_package_is_refused(tmp_path: Path, catalog: Catalog) -> None:
    directory = tmp_path / "p"
    write_datapackage(directory, catalog=catalog)
    (directory / "models.csv").chmod(0o444)
    before = (directory / "models.csv").read_bytes()
    with pytest.raises(PermissionError, match="read-only"):
        write_datapackage(directory, catalog=catalog)
    assert (directory / "models.csv").read_bytes() == before


# -- the SQLite database ----------------------------------------------------------------------


def test_the_database_passes_its_integrity_and_foreign_key_checks(database: Any) -> None:
    assert database.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    keys = database.execute("PRAGMA foreign_key_list(production)").fetchall()
    assert {(k[2], k[3]) for k in keys} == {("plants", "plant"), ("production", "alternative_to")}


@pytest.mark.parametrize("table", TABLES)
def test_each_sql_table_holds_the_rows(database: Any, catalog: Catalog, table: str) -> None:
    described = columns(table, described=True)
    found = database.execute(f'SELECT * FROM "{sql_name(table)}"').fetchall()
    assert len(found) == expected_count(catalog, table)
    expected = [
        tuple(int(v) if type(v) is bool else v for v in row.values())
        for row in rows(table, catalog=catalog)
    ]
    assert found == expected
    names = [d[1] for d in database.execute(f'PRAGMA table_info("{sql_name(table)}")')]
    assert names == [c.name for c in described]


def test_figures_add_up_in_sql(database: Any, catalog: Catalog) -> None:
    (built,) = database.execute(
        "SELECT SUM(figure_low) FROM production WHERE subject = 'moskvich-400'"
        " AND period = '1947' AND measure = 'built'"
    ).fetchone()
    assert built == 1501


def test_the_views_name_what_the_ids_point_at(database: Any) -> None:
    database.row_factory = sqlite3.Row
    try:
        row = database.execute(
            "SELECT * FROM production_named WHERE id = 'moskvich-420a-built-17000'"
        ).fetchone()
        assert (row["subject_type"], row["model"], row["model_name"]) == (
            "variant",
            "moskvich-400",
            "Moskvich-400",
        )
        cited = database.execute(
            "SELECT COUNT(*) FROM citations WHERE \"table\" = 'production'"
        ).fetchone()[0]
        assert cited == sum(len(r.citations) for r in moskvitch.load().production)
        lineage = database.execute("SELECT * FROM lineage_named").fetchall()
        assert len(lineage) == expected_count(moskvitch.load(), "models.lineage")
        about = dict(database.execute("SELECT key, value FROM about").fetchall())
        assert about["version"] == moskvitch.__version__
    finally:
        database.row_factory = None


#: The query of the analysis guide: per model, the preferred built vehicles that no wider
#: preferred figure of the same model contains.
BY_MODEL = (ROOT / "docs" / "by-model.sql").read_text(encoding="utf-8")


def test_a_query_reproduces_the_exact_rows_of_by_model(database: Any) -> None:
    found = {model: built for model, _, built in database.execute(BY_MODEL)}
    exact = {
        label: total.figure.low
        for label, total in production.by_model().items()
        if total.figure is not None
        and total.figure.low == total.figure.high
        and not total.figure.approximate
    }
    assert exact and found == exact


def test_a_read_only_database_is_refused(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "m.db"
    path.write_bytes(b"keep")
    path.chmod(0o444)
    with pytest.raises(PermissionError, match="read-only"):
        write_sqlite(path, catalog=catalog)
    assert path.read_bytes() == b"keep"
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    write_sqlite(path, catalog=catalog)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.db"]


# -- the command line -------------------------------------------------------------------------


def test_the_commands_write_both_exports(tmp_path: Path, catalog: Catalog) -> None:
    assert main(["export", "--format", "datapackage", "-o", str(tmp_path / "p")]) == 0
    assert main(["export", "--format", "sqlite", "-o", str(tmp_path / "m.db")]) == 0
    assert read_back(tmp_path / "p", "models") == unset_empty_text(
        "models", rows("models", catalog=catalog)
    )
    with contextlib.closing(sqlite3.connect(tmp_path / "m.db")) as connection:
        assert connection.execute("SELECT COUNT(*) FROM models").fetchone() == (
            len(catalog.models),
        )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "sqlite"], "--format sqlite needs -o FILE"),
        (["--format", "datapackage"], "--format datapackage needs -o DIR"),
        (["--format", "sqlite", "--collection", "models", "-o", "x.db"], "takes no --collection"),
    ],
)
def test_the_file_formats_need_an_output_and_take_every_table(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["export", *args]) == 2
    assert message in capsys.readouterr().err


def test_an_unwritable_target_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("x")
    assert main(["export", "--format", "datapackage", "-o", str(tmp_path)]) == 1
    assert "not a data package" in capsys.readouterr().err
    missing = tmp_path / "missing" / "m.db"
    assert main(["export", "--format", "sqlite", "-o", str(missing)]) == 1
    assert "does not exist" in capsys.readouterr().err


# -- generated catalogs -----------------------------------------------------------------------


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_both_exports_hold_every_record_of_generated_catalogs(catalog: Catalog) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write_datapackage(Path(folder) / "p", catalog=catalog)
        write_sqlite(Path(folder) / "m.db", catalog=catalog)
        with contextlib.closing(sqlite3.connect(Path(folder) / "m.db")) as connection:
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
            for table in TABLES:
                count = expected_count(catalog, table)
                found = read_back(Path(folder) / "p", table)
                assert found == unset_empty_text(table, rows(table, catalog=catalog))
                assert len(found) == count
                sql = connection.execute(f'SELECT COUNT(*) FROM "{sql_name(table)}"')
                assert sql.fetchone() == (count,)
            ids = {r[0] for r in connection.execute("SELECT id FROM models")}
            assert ids == {m.id for m in catalog.models}


@pytest.mark.skipif(importlib.util.find_spec("frictionless") is None, reason="no frictionless")
@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_frictionless_validates_packages_of_generated_catalogs(catalog: Catalog) -> None:
    import frictionless

    with tempfile.TemporaryDirectory() as folder:
        write_datapackage(Path(folder) / "p", catalog=catalog)
        report = frictionless.validate(Path(folder) / "p" / "datapackage.json")
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_no_temporary_is_left_when_writing_fails(tmp_path: Path) -> None:
    class Broken(Exception):
        pass

    class Catalogue:
        def __getattr__(self, name: str) -> Any:
            raise Broken(name)

    with pytest.raises(Broken):
        write_sqlite(tmp_path / "m.db", catalog=Catalogue())  # type: ignore[arg-type]
    with pytest.raises(Broken):
        write_datapackage(tmp_path / "p", catalog=Catalogue())  # type: ignore[arg-type]
    assert os.listdir(tmp_path) == []
