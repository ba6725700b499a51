"""Loading data directories: valid data loads, broken data lists every problem."""

import threading
from pathlib import Path

import pytest

import moskvitch
from moskvitch import Catalog, DataError, load

SOURCES = """
[[sources]]
id = "ref-1"
title = "A reference"
"""

MODELS = """
[[models]]
id = "moskvich-400"
name = "Moskvich-400"
aliases = ["400", "Москвич-400"]
make = "Moskvich"
kind = "production"
production = "1946-12-04/1956"
lineage = [{target = "opel-kadett-k38", relation = "derived-from"}]
citations = ["ref-1"]

[[models]]
id = "opel-kadett-k38"
name = "Opel Kadett K38"
make = "Opel"
kind = "foreign-origin"
citations = [{source = "ref-1", quote = "a quote"}]
"""


def write(directory: Path, **files: str) -> Path:
    for name, text in files.items():
        (directory / f"{name}.toml").write_text(text, encoding="utf-8")
    return directory


def problems_of(directory: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load(directory)
    return [str(problem) for problem in info.value.problems]


def test_a_small_directory_loads(tmp_path: Path) -> None:
    catalog = load(write(tmp_path, sources=SOURCES, models=MODELS))
    assert isinstance(catalog, Catalog)
    assert catalog.model("Москвич 400").lineage[0].target == "opel-kadett-k38"
    assert catalog.model("moskvitch-400").production == moskvitch.Period.parse("1946-12-04/1956")


def test_bad_date_names_file_record_and_field(tmp_path: Path) -> None:
    write(tmp_path, sources=SOURCES, models=MODELS.replace("1946-12-04/1956", "1946-13/1956"))
    assert problems_of(tmp_path) == [
        "models.toml:8: models[0] (moskvich-400).production: invalid period '1946-13/1956': "
        "invalid date '1946-13': month out of range 1..12"
    ]


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    broken = (
        MODELS.replace('target = "opel-kadett-k38"', 'target = "opel-kadett"')
        .replace('kind = "foreign-origin"', 'kind = "foreign"')
        .replace('make = "Moskvich"', 'make = "Moskvich"\ncolour = "red"')
    )
    found = problems_of(write(tmp_path, sources=SOURCES, models=broken))
    assert any("models[0] (moskvich-400).colour: unknown field 'colour'" in p for p in found)
    assert any("models[1] (opel-kadett-k38).kind: unknown ModelKind 'foreign'" in p for p in found)
    # The broken reference is inside a record that cannot be read: it cannot be checked.
    assert len(found) == 2


def test_dangling_references_and_missing_citations(tmp_path: Path) -> None:
    broken = MODELS.replace('target = "opel-kadett-k38"', 'target = "opel-kadett"').replace(
        'citations = ["ref-1"]', 'citations = ["ref-2"]\nplants = ["moscow"]'
    )
    found = problems_of(write(tmp_path, sources=SOURCES, models=broken))
    assert found == [
        "models.toml:10: models[0] (moskvich-400).citations[0].source: unknown source 'ref-2'",
        "models.toml:11: models[0] (moskvich-400).plants[0]: unknown plant 'moscow'",
        "models.toml:9: models[0] (moskvich-400).lineage[0].target: unknown model 'opel-kadett'",
    ]


def test_lineage_cycle_is_rejected(tmp_path: Path) -> None:
    cyclic = MODELS.replace(
        'kind = "foreign-origin"',
        'kind = "foreign-origin"\nlineage = [{target = "moskvich-400", relation = "successor-of"}]',
    )
    found = problems_of(write(tmp_path, sources=SOURCES, models=cyclic))
    assert found == [
        "models.toml:9: models[0] (moskvich-400).lineage: lineage cycle: "
        "moskvich-400 -> opel-kadett-k38 -> moskvich-400"
    ]


def test_strict_types(tmp_path: Path) -> None:
    broken = MODELS.replace('name = "Moskvich-400"', "name = 400").replace(
        'aliases = ["400", "Москвич-400"]', 'aliases = "400"'
    )
    found = problems_of(write(tmp_path, sources=SOURCES, models=broken))
    assert found == [
        "models.toml:4: models[0] (moskvich-400).name: expected a string, found int 400",
        "models.toml:5: models[0] (moskvich-400).aliases: expected a list, found str '400'",
    ]


def test_duplicate_ids_and_ambiguous_aliases(tmp_path: Path) -> None:
    doubled = MODELS + MODELS.split("[[models]]")[1].join(["[[models]]", ""])
    found = problems_of(write(tmp_path, sources=SOURCES, models=doubled))
    assert (
        "models.toml:19: models[2] (moskvich-400).id: duplicate id 'moskvich-400' (first at "
        "models[0])" in found
    )


def test_required_field_and_unknown_files(tmp_path: Path) -> None:
    write(tmp_path, sources=SOURCES, models=MODELS.replace('make = "Opel"\n', ""), model="")
    assert problems_of(tmp_path) == [
        "model.toml: unknown data file; expected one of disputes.toml, engines.toml, "
        "events.toml, facts.toml, models.toml, plants.toml, production.toml, sources.toml, "
        "variants.toml",
        "models.toml:12: models[1] (opel-kadett-k38).make: required field missing",
    ]


def test_invalid_toml_and_wrong_top_level_key(tmp_path: Path) -> None:
    write(tmp_path, sources="[[sources]\n", models="[[model]]\nid = 'x'\n")
    found = problems_of(tmp_path)
    assert found[0].startswith("sources.toml: not valid TOML:")
    assert found[1] == "models.toml:1: model: unknown top-level key; expected [[models]]"


def test_not_a_directory(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="not a directory"):
        load(tmp_path / "missing")


def test_shipped_catalog_is_cached_and_thread_safe() -> None:
    results: list[Catalog] = []
    threads = [threading.Thread(target=lambda: results.append(load())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(catalog) for catalog in results}) == 1
    assert results[0] is load()


def test_import_reads_no_data() -> None:
    import subprocess
    import sys

    code = "import moskvitch.ingestion as i; print(i._shipped is None)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_every_public_name_resolves() -> None:
    for name in moskvitch.__all__:
        assert getattr(moskvitch, name) is not None
    assert set(moskvitch.__all__) <= set(dir(moskvitch))
    with pytest.raises(AttributeError, match="no attribute 'Moskvich'"):
        _ = moskvitch.Moskvich  # type: ignore[attr-defined]


# -- hostile directories: every fault ends in a DataError naming the file ----------------------


def test_files_that_are_not_regular_files_are_refused(tmp_path: Path) -> None:
    import os

    write(tmp_path, sources=SOURCES)
    os.mkfifo(tmp_path / "models.toml")  # reading it would wait forever
    (tmp_path / "events.toml").symlink_to("/dev/zero")  # reading it would never end
    (tmp_path / "plants.toml").symlink_to(tmp_path / "nowhere.toml")
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    (tmp_path / "engines.toml").symlink_to(tmp_path / "loop-a")
    (tmp_path / "variants.toml").mkdir()
    assert problems_of(tmp_path) == [
        "engines.toml: cannot read the file: a link that loops",
        "models.toml: not a regular file (a FIFO)",
        "variants.toml: not a regular file (a directory)",
        "plants.toml: cannot read the file: a broken link",
        "events.toml: not a regular file (a character device)",
    ]


def test_a_json_export_that_is_not_a_regular_file(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "catalog.json")
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    with pytest.raises(DataError, match=r"catalog\.json: not a regular file \(a FIFO\)"):
        load(tmp_path / "catalog.json")
    with pytest.raises(DataError, match=r"zero\.json: not a regular file \(a character device\)"):
        load(tmp_path / "zero.json")


def test_files_over_the_size_limit_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from moskvitch import ingestion

    assert ingestion.MAX_FILE_BYTES == 16 * 1024 * 1024
    write(tmp_path, sources=SOURCES, models=MODELS)
    monkeypatch.setattr(ingestion, "MAX_FILE_BYTES", len(SOURCES.encode()))
    size = len(MODELS.encode())
    assert problems_of(tmp_path) == [
        f"models.toml: too large: {size:,} bytes, the limit is {len(SOURCES):,} (MAX_FILE_BYTES)"
    ]


def test_os_errors_while_reading_become_data_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    write(tmp_path, sources=SOURCES, models=MODELS)
    real_open = os.open

    def refuse(path: object, flags: int, *args: object) -> int:
        if str(path).endswith("models.toml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    assert problems_of(tmp_path) == ["models.toml: cannot read the file: Permission denied"]


def test_empty_and_missing_directories_are_errors(tmp_path: Path) -> None:
    assert problems_of(tmp_path) == [
        f"{tmp_path}: no data files; expected one or more of disputes.toml, engines.toml, "
        "events.toml, facts.toml, models.toml, plants.toml, production.toml, sources.toml,"
        " variants.toml"
    ]
    with pytest.raises(DataError, match="empty path"):
        load("")
    (tmp_path / "link").symlink_to(tmp_path / "gone")
    with pytest.raises(DataError, match=r"link: not a directory .*\(a broken link\)"):
        load(tmp_path / "link")


def test_unrecognised_files_are_reported_in_any_case(tmp_path: Path) -> None:
    write(tmp_path, sources=SOURCES, models=MODELS)
    (tmp_path / "events.TOML").write_text("[[events]]\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("notes, ignored\n", encoding="utf-8")
    assert problems_of(tmp_path) == [
        "events.TOML: unknown data file; expected one of disputes.toml, engines.toml, "
        "events.toml, facts.toml, models.toml, plants.toml, production.toml, sources.toml,"
        " variants.toml"
    ]


def test_a_partial_directory_loads_with_empty_collections(tmp_path: Path) -> None:
    catalog = load(write(tmp_path, sources=SOURCES))
    assert [s.id for s in catalog.sources] == ["ref-1"]
    assert catalog.models == () and catalog.events == ()


def test_parser_limits_become_data_errors(tmp_path: Path) -> None:
    write(tmp_path, sources="x = " + "[" * 600 + "]" * 600 + "\n", models="x = " + "9" * 5000)
    assert problems_of(tmp_path) == [
        "sources.toml: not valid TOML: nested too deeply",
        "models.toml: not valid TOML: an integer too long to read (more than 4,300 digits)",
    ]
    (tmp_path / "big.json").write_text('{"models": [' + "9" * 5000 + "]}", encoding="utf-8")
    with pytest.raises(DataError, match="not valid JSON: an integer too long to read"):
        load(tmp_path / "big.json")
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(DataError, match="not valid JSON: nested too deeply"):
        load(tmp_path / "deep.json")


def test_problems_carry_their_location_as_fields(tmp_path: Path) -> None:
    broken = MODELS.replace('kind = "foreign-origin"', 'kind = "foreign"')
    with pytest.raises(DataError) as info:
        load(write(tmp_path, sources=SOURCES, models=broken))
    (problem,) = info.value.problems
    assert (
        problem.file,
        problem.line,
        problem.collection,
        problem.index,
        problem.record,
        problem.path,
    ) == ("models.toml", 16, "models", 1, "opel-kadett-k38", "kind")
    assert problem.message.startswith("unknown ModelKind 'foreign'; expected one of")
    assert str(problem) == f"models.toml:16: models[1] (opel-kadett-k38).kind: {problem.message}"
