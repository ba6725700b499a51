"""The second hardening round: each kind of fault ends in its documented outcome.

One section per kind (see docs/errors.rst): terminal injection, ids shared across kinds,
names no look-up reaches, huge numbers, lone surrogates, repeated JSON keys, unbounded work,
signals and streams, write protection, and the JSON Schema against the loader.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import moskvitch
from moskvitch import Catalog, DataError, Figure, load_directory
from moskvitch import _terminal as terminal
from moskvitch._converter import structure_collections
from moskvitch.cli import EXIT_INTERRUPTED, main
from moskvitch.names import MAX_NAME_LENGTH
from moskvitch.schema import export_schema, toml_schema
from moskvitch.serialization import from_dict, from_json, to_dict, to_json
from moskvitch.testing import catalogs
from moskvitch.validation import MAX_NUMBER

SHIPPED = to_dict(moskvitch.load())
UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def raw_controls(text: str) -> list[str]:
    """The characters of ``text`` that would act on a terminal (all but the newline)."""
    return [c for c in text if c != "\n" and unicodedata.category(c) in UNSAFE_CATEGORIES]


def run(*args: str) -> tuple[int, str, str]:
    """``moskvitch ARGS`` in this process: its status, standard output and standard error."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as exit:  # argparse
            status = int(exit.code or 0)
    return status, out.getvalue(), err.getvalue()


def problems_of(data: dict[str, Any]) -> list[str]:
    try:
        from_dict(data)
    except DataError as error:
        return [str(problem) for problem in error.problems]
    return []


def copy_of_shipped() -> dict[str, Any]:
    copied: dict[str, Any] = json.loads(json.dumps(SHIPPED))
    return copied


def cli(*args: str, env: dict[str, str] | None = None, **options: Any) -> Any:
    return subprocess.run(
        [sys.executable, "-m", "moskvitch", *args],
        capture_output=True,
        env={**os.environ, **(env or {})},
        check=False,
        **options,
    )


# -- 1. terminal injection ------------------------------------------------------------------

HOSTILE = [
    "\x1b[2J\x1b[31m",  # clear the screen, red
    "\x1b]0;owned\x07",  # OSC: the window title
    "\u202e",  # right-to-left override
    "\u2066\u2069",  # isolates
    "\r",
    "\x08",
    "\x9b31m",  # C1 CSI
    "\x00",
    "\t",
    "\u2028",
    "\ufeff",
]
# Fields that hold ids or references (they must stay slugs) or a unit the rules compare.
NOT_TEXT = {
    "id",
    "target",
    "source",
    "subject",
    "model",
    "plant",
    "record",
    "alternative_to",
    "engines",
    "plants",
    "subjects",
    "unit",
}


def poisoned(value: Any, hostile: str) -> Any:
    """``value`` with ``hostile`` appended to every text field, all the way down."""
    if isinstance(value, tuple):
        return tuple(poisoned(item, hostile) for item in value)
    if not attrs.has(type(value)) or isinstance(value, Figure):
        return value
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(value)):
        if not field.init or field.name in NOT_TEXT:
            continue
        member = getattr(value, field.name)
        if type(member) is str:
            changes[field.name] = member + hostile
        elif isinstance(member, tuple) and member and all(type(m) is str for m in member):
            changes[field.name] = tuple(m + hostile for m in member)
        elif isinstance(member, tuple) or attrs.has(type(member)):
            changes[field.name] = poisoned(member, hostile)
    return attrs.evolve(value, **changes)


def text_commands(catalog: Catalog) -> list[list[str]]:
    commands = [[], ["stats"], ["timeline"], ["conflicts"]]
    commands += [["totals", "--by", by] for by in ("era", "year", "model", "plant")]
    for subject in (*catalog.models, *catalog.variants, *catalog.plants):
        commands += [["show", subject.id], ["timeline", subject.id], ["search", subject.id]]
    for model in catalog.models:
        commands += [["lineage", model.id, "--format", f] for f in ("tree", "dot", "mermaid")]
    return commands


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(catalogs(max_models=3, max_variants=1, max_events=2), st.sampled_from(HOSTILE))
def test_no_raw_control_character_reaches_the_output(catalog: Catalog, hostile: str) -> None:
    data = {
        name: tuple(poisoned(record, hostile) for record in getattr(catalog, name))
        for name in moskvitch.catalog.COLLECTIONS
    }
    hostile_catalog = Catalog(**data)
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "catalog.json")
        Path(path).write_text(to_json(hostile_catalog), encoding="utf-8")
        for command in text_commands(hostile_catalog):
            status, out, err = run("--data", path, *command)
            assert not raw_controls(out + err), (command, out, err)
        # JSON stays exact: the hostile text is there, as JSON escapes.
        status, out, _ = run("--data", path, "stats", "--json")
        assert status == 0
        status, out, _ = run("--data", path, "export")
        assert from_json(out) == hostile_catalog


def test_a_note_that_clears_the_screen_is_shown_escaped(tmp_path: Path) -> None:
    data = copy_of_shipped()
    model = next(m for m in data["models"] if m["id"] == "moskvich-412")
    model["note"] = "quiet \x1b[2J\x1b[31m\u202e"
    (tmp_path / "c.json").write_text(json.dumps(data), encoding="utf-8")
    status, out, _ = run("--data", str(tmp_path / "c.json"), "show", "412")
    assert status == 0
    assert "  note: quiet \\x1b[2J\\x1b[31m\\u202e" in out.splitlines()


def test_validate_escapes_problem_locations(tmp_path: Path) -> None:
    (tmp_path / "models.toml").write_text(
        '[[models]]\nid = "bad\\u001b[2J"\n"key\\u202e" = 1\n', encoding="utf-8"
    )
    (tmp_path / "evil\x1b[31m.toml").write_text("", encoding="utf-8")
    status, out, err = run("validate", str(tmp_path))
    assert status == 1
    assert not raw_controls(out + err)
    assert "evil\\x1b[31m.toml" in err
    assert "key\\u202e" in err


def test_the_escaped_characters_are_the_unicode_controls_and_format_characters() -> None:
    unsafe = {chr(c) for c in range(sys.maxunicode + 1) if terminal.escape(chr(c)) != chr(c)}
    expected = {
        chr(c)
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) in UNSAFE_CATEGORIES and chr(c) != "\n"
    }
    assert expected <= unsafe
    # Format characters of later Unicode versions, not yet assigned in this Python's database.
    assert {unicodedata.category(c) for c in unsafe - expected} <= {"Cn"}


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_a_narrow_terminal_gets_the_notation_in_ascii_and_aligned_tables(encoding: str) -> None:
    result = cli("totals", env={"PYTHONIOENCODING": encoding}, text=True, encoding=encoding)
    assert result.returncode == 0
    assert "\\u2248" not in result.stdout and "~450" in result.stdout
    lines = result.stdout.splitlines()
    rule = lines[1]  # the dashes under the header
    ends = [i for i, (a, b) in enumerate(zip(rule, rule[1:] + " ", strict=True)) if a != b == " "]
    figure_end = ends[1]
    for line in lines[2 : lines.index("")]:
        assert line[figure_end] != " " and line[figure_end + 1] == " ", line


# -- 2. ids shared across kinds ------------------------------------------------------------


@pytest.mark.parametrize(
    ("collection", "other"),
    [("engines", "moskvich-412"), ("sources", "moscow"), ("events", "moskvich-400")],
)
def test_an_id_is_unique_across_the_catalog(collection: str, other: str) -> None:
    data = copy_of_shipped()
    data[collection][0]["id"] = other
    assert any(
        f"id {other!r} is already used in" in p and "unique across the catalog" in p
        for p in problems_of(data)
    )


def test_every_look_up_by_id_finds_its_own_kind() -> None:
    catalog = moskvitch.load()
    for engine in catalog.engines:
        assert catalog.engine(engine.id) is engine
    for source in catalog.sources:
        assert catalog.source(source.id) is source


# -- 3. names no look-up reaches -----------------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "message"),
    [
        ("莫斯科人", "cannot be looked up"),
        ("Μόσχα", "cannot be looked up"),  # Greek, which the normaliser drops
        ("Moskvich", "cannot be looked up"),  # the brand alone
        ("Mοskvich-412", "looks like 'moskvich-412', a name of 'moskvich-412'"),  # Greek omicron
        ("Мoskvich 2140", "is ambiguous"),  # Cyrillic М: folds to the same key
    ],
)
def test_a_name_no_look_up_reaches_is_a_problem(alias: str, message: str) -> None:
    data = copy_of_shipped()
    data["models"][0]["aliases"] = [alias]
    found = problems_of(data)
    assert any(message in p for p in found), found


# -- 4. huge numbers -----------------------------------------------------------------------


@given(st.integers(MAX_NUMBER + 1, 10**400) | st.integers(-(10**400), -1))
def test_a_number_beyond_the_maximum_is_a_problem(number: int) -> None:
    data = copy_of_shipped()
    data["production"][0]["figure"] = number
    dispute = next(d for d in data["disputes"] if any("figure" in c for c in d["claims"]))
    claim = next(c for c in dispute["claims"] if "figure" in c)
    claim["figure"] = {"text": "1", "low": abs(number), "high": abs(number), "approximate": False}
    found = problems_of(data)
    assert found
    assert all("(MAX_NUMBER)" in p or "a figure's" in p or "negative" in p for p in found), found


def test_a_figure_beyond_the_maximum_built_in_code_is_a_problem() -> None:
    catalog = moskvitch.load()
    record = attrs.evolve(catalog.production[0], figure=Figure(10**400, 10**400))
    with pytest.raises(DataError, match=r"production\[0\].*figure: a number beyond"):
        attrs.evolve(catalog, production=(record, *catalog.production[1:]))


def test_figures_at_the_maximum_are_handled_by_every_command(tmp_path: Path) -> None:
    data = copy_of_shipped()
    for record in data["production"]:
        if record.get("alternative_to") is None and record["measure"] == "built":
            record["figure"] = MAX_NUMBER
    path = tmp_path / "c.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        from_json(path.read_text(encoding="utf-8"))
    except DataError as error:  # a rule such as a breakdown larger than its whole
        pytest.skip(str(error))
    for command in (["conflicts"], ["totals"], ["totals", "--by", "year"], ["show", "400"]):
        status, _, err = run("--data", str(path), *command)
        assert status == 0, err


def test_digits_in_a_toml_figure_are_bounded(tmp_path: Path) -> None:
    (tmp_path / "production.toml").write_text(
        '[[production]]\nid = "x"\nsubject = "y"\nperiod = "1950/1951"\nmeasure = "built"\n'
        f'figure = "~{"9" * 4000}"\ncitations = ["s"]\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"production\[0\] \(x\)\.figure"):
        load_directory(tmp_path)


# -- 5. lone surrogates --------------------------------------------------------------------


@pytest.mark.parametrize("surrogate", ["\\ud800", "\\udfff", "\\ude00\\ud83d"])
def test_a_lone_surrogate_in_json_is_refused_at_load(surrogate: str) -> None:
    text = to_json(moskvitch.load()).replace('"Moskvich-412"', f'"Moskvich-412{surrogate}"', 1)
    with pytest.raises(DataError, match=r"models\[9\] \(moskvich-412\)\.name: a lone surrogate"):
        from_json(text)


def test_a_lone_surrogate_in_a_key_or_a_python_string_is_refused() -> None:
    text = to_json(moskvitch.load())
    with pytest.raises(DataError, match="a key holds a lone surrogate"):
        from_json(text.replace('"name":', '"name\\udc80":', 1))
    with pytest.raises(DataError, match="a lone surrogate"):
        from_json(text.replace("Moskvich-412", "Moskvich-412\udc80", 1))


def test_a_surrogate_pair_is_a_character() -> None:
    text = to_json(moskvitch.load()).replace('"Moskvich-412"', '"Moskvich-412\\ud83d\\ude97"', 1)
    assert from_json(text).model("412").name == "Moskvich-412\U0001f697"


# -- 6. silent loss in JSON ----------------------------------------------------------------


def test_a_repeated_collection_is_a_problem() -> None:
    text = to_json(moskvitch.load()).rstrip()
    with pytest.raises(DataError, match="facts: the collection 'facts' is given more than once"):
        from_json(text[:-1] + ', "facts": []}')


def test_a_repeated_key_in_a_record_is_a_problem() -> None:
    text = to_json(moskvitch.load())
    damaged = text.replace('"id":"moskvich-412",', '"id":"moskvich-412","name":"X",', 1)
    assert damaged != text
    with pytest.raises(
        DataError, match=r"models\[9\] \(moskvich-412\): the key 'name' is given more than once"
    ):
        from_json(damaged)


def test_a_repeated_key_deep_inside_is_located() -> None:
    data = copy_of_shipped()
    text = json.dumps(data).replace('"low": ', '"low": 1, "low": ', 1)
    with pytest.raises(
        DataError, match=r"engines\[0\] \(kim-10-engine\)\.displacement: the key 'low' is"
    ):
        from_json(text)


# -- 7. unbounded work ---------------------------------------------------------------------


@pytest.mark.parametrize("length", [MAX_NAME_LENGTH + 1, 300_000])
def test_a_name_longer_than_the_maximum_is_a_problem(length: int) -> None:
    data = copy_of_shipped()
    data["models"][0]["aliases"] = ["a" * length]
    assert any("(MAX_NAME_LENGTH)" in p for p in problems_of(data))


def test_search_over_names_at_the_maximum_finishes() -> None:
    data = copy_of_shipped()
    for index, model in enumerate(data["models"]):
        model["aliases"] = [f"{index:03d}" + "ab" * ((MAX_NAME_LENGTH - 3) // 2)]
    catalog = from_dict(data)
    assert moskvitch.search.search("ab" * 99, catalog=catalog)


# -- 8. signals and streams ----------------------------------------------------------------

INTERRUPTED = """
import os, signal, sys
from moskvitch import cli
def interrupted(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGINT)
    raise AssertionError("SIGINT did not interrupt")
cli.load = interrupted
sys.exit(cli.main(["stats"]))
"""


def test_sigint_prints_one_line_and_exits_130() -> None:
    result = subprocess.run(
        [sys.executable, "-c", INTERRUPTED], capture_output=True, text=True, check=False
    )
    assert result.returncode == EXIT_INTERRUPTED == 130
    assert result.stderr == "moskvitch: interrupted\n"


@pytest.mark.skipif(os.name != "posix", reason="closing a descriptor with >&- is POSIX")
@pytest.mark.parametrize("command", ["export", "schema", "stats", "show 412"])
def test_a_closed_standard_output_is_an_error(command: str) -> None:
    result = subprocess.run(
        f"{sys.executable} -m moskvitch {command} >&-",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == (
        "moskvitch: error: standard output is closed: nothing can be written (see --output)\n"
    )


@pytest.mark.skipif(os.name != "posix", reason="locales")
def test_text_arguments_under_a_c_locale_are_read_as_utf8() -> None:
    env = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
    result = cli("search", "Алеко", "--json", env=env, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "moskvich-2141"
    result = cli("show", "Москвич-412", env=env, text=True)
    assert result.returncode == 0 and result.stdout.startswith("Moskvich-412  [model")


# -- 9. write protection -------------------------------------------------------------------


@pytest.mark.parametrize("command", [["export"], ["schema"]])
def test_a_read_only_file_is_not_replaced(tmp_path: Path, command: list[str]) -> None:
    target = tmp_path / "out.json"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o444)
    status, _, err = run(*command, "-o", str(target))
    assert status == 1
    assert err == f"moskvitch: error: cannot write {str(target)!r}: the file is read-only\n"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


# -- 10. the JSON Schema and the loader ----------------------------------------------------

jsonschema = pytest.importorskip("jsonschema")

# Values that replace a field: every JSON type, integral and fractional floats, numbers at and
# beyond the maximum. Strings that only the rules between records judge (an id) are left out:
# the schema describes each record's shape, not its references.
DAMAGE = st.sampled_from(
    [None, True, 0, 4, 4.0, 4.5, -1, 1e3, MAX_NUMBER, MAX_NUMBER + 1, 1e300, {}, "", "bogus"]
)


def structured(data: dict[str, Any]) -> bool:
    """Whether the converter structures every record (the shape the schema describes)."""
    problems: list[Any] = []
    structure_collections(data, lambda _: "", problems)
    return not problems


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside a record that a value may be put, but inside a figure's object (whose
    text the schema cannot compare with its numbers)."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((*prefix, key))
            if not (isinstance(item, dict) and "approximate" in item):
                found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((*prefix, index))
            found += paths(item, (*prefix, index))
    return found


def _holds_null(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_holds_null(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_null(item) for item in value)
    return value is None


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    data = to_dict(draw(catalogs(max_models=3, max_events=2)))
    collections = [name for name, records in data.items() if records]
    action = draw(st.sampled_from(["none", "replace", "drop", "extra"]))
    if action == "none" or not collections:
        return data
    collection = draw(st.sampled_from(collections))
    record = data[collection][draw(st.integers(0, len(data[collection]) - 1))]
    path = draw(st.sampled_from(paths(record)))
    *parents, last = path
    target = record
    for step in parents:
        target = target[step]
    if action == "replace":
        target[last] = draw(DAMAGE)
    elif action == "drop" and isinstance(target, dict):
        del target[last]
    elif isinstance(target, dict):
        target["unexpected"] = 1
    return data


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_the_export_schema_and_the_loader_agree(data: dict[str, Any]) -> None:
    valid = jsonschema.Draft202012Validator(export_schema()).is_valid(data)
    assert valid == structured(data)


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_the_toml_schemas_and_the_loader_agree(data: dict[str, Any]) -> None:
    for collection, records in data.items():
        document = {collection: records}
        if _holds_null(document):
            continue  # TOML has no null: no data file can hold what the damage put there
        valid = jsonschema.Draft202012Validator(toml_schema(collection)).is_valid(document)
        assert valid == structured(document), collection


@pytest.mark.parametrize(("value", "loads"), [(4.0, True), (1e3, True), (4.5, False)])
def test_an_integral_float_is_an_integer_for_both(value: float, loads: bool) -> None:
    data = copy_of_shipped()
    engine = next(e for e in data["engines"] if "cylinders" in e)
    engine["cylinders"] = value
    assert jsonschema.Draft202012Validator(export_schema()).is_valid(data) is loads
    assert (problems_of(data) == []) is loads
