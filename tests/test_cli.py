"""The command line, run through its real entry points."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from moskvitch.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_summary_shows_counts_lineage_and_era_totals(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys)
    assert status == 0
    assert "models" in out and "Moskvich-2140" in out
    assert "Moskvich-412, which it succeeded" in out and "Opel Kadett K38" in out
    assert "(each line: how it relates to the model above)" not in out
    assert "pre-war" in out and "≈450" in out


def test_show_accepts_any_spelling(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "Москвич-412")
    assert status == 0
    assert out.startswith("Moskvich-412  [model moskvich-412]")
    assert "engine from: BMW 1500" in out


def test_show_prints_facts_and_marks_inferences(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "408")
    assert status == 0
    assert "specification: top speed: 130 km/h" in out
    assert "specification: gearbox: four-speed manual" in out
    assert "influenced by: Opel of 1962" in out
    # The power is printed once, and the disputed displacement not at all.
    assert "engine: Moskvich-408 engine (50 hp)  [moskvich-408-engine]\n" in out
    status, out, _ = run(capsys, "show", "moscow")
    assert "(curators' inference: The article says Renault held full ownership" in out
    assert (
        "share: the City of Moscow's stake in Avtoframos at its founding [1998]: 38 percent" in out
    )
    status, out, _ = run(capsys, "show", "2141")
    assert "(uncertain in the source)" in out
    status, out, _ = run(capsys, "show", "--json", "moscow")
    data = json.loads(out)
    assert any(f["id"] == "revival-investment-2022" for f in data["facts"])
    assert any(o["inference"] for o in data["owners"])
    assert any(o["inference"] is None for o in data["owners"])


def test_stats_count_facts(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "stats", "--json")
    assert status == 0
    counts = json.loads(out)
    assert counts["facts"] >= 50 and counts["disputes"] >= 33


@pytest.mark.parametrize(
    "args",
    [
        ["stats"],
        ["show", "moscow"],
        ["lineage", "2140"],
        ["totals", "--by", "year", "--measure", "sold"],
        ["totals", "--by", "era", "--allocation", "proportional", "--claims", "envelope"],
        ["totals", "--by", "plant"],
        ["totals", "--by", "model"],
        ["timeline", "2141"],
        ["search", "aleko"],
        ["conflicts"],
    ],
)
def test_json_output_parses(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    status, out, err = run(capsys, *args, "--json")
    assert (status, err) == (0, "")
    assert json.loads(out)


def test_unknown_names_exit_1_with_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    # A failed look-up, not a malformed command line: 1, not the usage status 2.
    status, out, err = run(capsys, "lineage", "Moskvich-4122")
    assert status == 1
    assert out == ""
    assert "no model named 'Moskvich-4122'; did you mean 'Moskvich-412'" in err
    assert "Traceback" not in err


def test_bad_options_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["totals", "--measure", "made"])
    assert info.value.code == 2
    assert "invalid choice: 'made'" in capsys.readouterr().err
    status, _, err = run(capsys, "timeline", "--from", "1946-13")
    assert status == 2 and "invalid date '1946-13'" in err


def test_totals_table_is_aligned(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "totals")
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split() == ["built", "records", "overlapped", "by"]
    table = lines[: lines.index("")]
    # Right-aligned numbers end in one column: the end of the figure's and the count's columns.
    dashes = lines[1].split("  ")
    for column in (1, 2):
        end = len("  ".join(dashes[: column + 1]))
        assert all(line[end - 1] != " " for line in table[2:])


def test_totals_label_rows_with_names_and_years(capsys: pytest.CaptureFixture[str]) -> None:
    _, eras, _ = run(capsys, "totals")
    assert "post-war (1946–1966)   " in eras
    assert "revival (from 2022-05-17)" in eras
    assert "Counts Moskvich and KIM vehicles only" in eras
    _, models, _ = run(capsys, "totals", "--by", "model")
    assert models.splitlines()[2].startswith("KIM-10 ")
    assert "moskvich-400 " not in models
    _, plants, _ = run(capsys, "totals", "--by", "plant")
    assert plants.splitlines()[2].startswith("AZLK ")


def test_totals_make_all_puts_other_makes_on_their_own_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "totals", "--make", "all")
    (line,) = [line for line in out.splitlines() if line.startswith("Renault (not in the total)")]
    assert line.split()[-3:] == ["1.2", "million", "1"]  # ref-34's "1.2m", as written
    assert "total (Moskvich and KIM)" in out


def test_totals_name_a_figure_overlapping_the_window(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "totals", "412", "--from", "1967", "--to", "1976")
    assert "1 figure overlaps the window in part: 1967/1982 ≥900,000" in out
    _, empty, _ = run(capsys, "totals", "--from", "1942", "--to", "1943")
    assert "No built figure overlaps the window 1942 to 1943." in empty


def test_totals_list_plans_of_different_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "totals", "--measure", "planned")
    assert "are not added up" in out and "≈50,650" not in out
    _, output, _ = run(capsys, "totals", "--measure", "planned", "--kind", "output")
    assert "total (Moskvich and KIM)" in output and "≈50,600" in output


def test_lineage_formats(capsys: pytest.CaptureFixture[str]) -> None:
    _, tree, _ = run(capsys, "lineage", "412", "--direction", "down")
    assert "├── IZh-412, a licensed build of it" in tree
    _, dot, _ = run(capsys, "lineage", "412", "--format", "dot")
    assert dot.startswith("digraph lineage {")
    _, mermaid, _ = run(capsys, "lineage", "3", "--format", "mermaid")
    assert "-->|rebadge-of|" in mermaid


def test_export_round_trips(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "catalog.json"
    assert main(["export", "--format", "json", "--output", str(target)]) == 0
    status, out, _ = run(capsys, "--data", str(target), "stats", "--json")
    assert status == 0 and json.loads(out)["models"] > 20
    status, out, _ = run(capsys, "export", "--format", "csv", "--collection", "events")
    assert status == 0 and out.splitlines()[0].startswith("id,date,date_year,kind,summary")


def test_validate_lists_every_problem(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "models.toml").write_text(
        '[[models]]\nid = "x"\nname = "X"\nmake = "M"\nkind = "racer"\nproduction = "1946-13"\n'
        'citations = ["nowhere"]\n',
        encoding="utf-8",
    )
    status, out, err = run(capsys, "validate", str(tmp_path))
    assert status == 1 and out == ""
    assert "models.toml:6: models[0] (x).production: invalid period '1946-13'" in err
    status, out, _ = run(
        capsys, "validate", str(Path(__file__).parent.parent / "src/moskvitch/data")
    )
    assert status == 0 and "valid" in out


@pytest.mark.parametrize("command", [[], ["search"], ["totals"], ["validate"]])
def test_help_for_every_command(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([*command, "--help"])
    assert info.value.code == 0
    assert "usage: moskvitch" in capsys.readouterr().out


def test_python_dash_m_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "moskvitch", "search", "Москвич 412", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)[0]["id"] == "moskvich-412"


def test_choices_come_from_the_production_enums(capsys: pytest.CaptureFixture[str]) -> None:
    from moskvitch import cli, production

    with pytest.raises(SystemExit):
        cli.main(["totals", "--help"])
    out = capsys.readouterr().out
    assert "{" + ",".join(a.value for a in production.Allocation) + "}" in out
    assert "{" + ",".join(c.value for c in production.Claims) + "}" in out


# -- faults end in a documented status: 2 for usage errors, 1 for anything else ---------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "412", "--limit", "-1"], "--limit must be at least 1, not -1"),
        (["search", "412", "--limit", "0"], "--limit must be at least 1, not 0"),
        (["search", "x" * 100_000], "a query of 100,000 characters is too long; at most 200"),
        (["search", "--", "-- !"], "nothing to search for"),
        (["timeline", "--to", ""], "invalid date ''"),
        (["timeline", "--from", "1960", "--to", "1950"], "ends before it starts"),
        (["lineage", "412", "--format", "dot", "--json"], "cannot be used with --format dot"),
        (["lineage", "412", "--format", "mermaid", "--json"], "cannot be used with --format"),
        (["lineage", "412", "--format", "dot", "--direction", "up"], "--direction applies"),
        (["lineage", "412", "--json", "--direction", "up"], "--direction applies"),
        (["totals", "--by", "year", "--allocation", "strict"], "--allocation applies to --by era"),
        (["export", "--collection", "models.lineage"], "is a CSV table; for JSON, choose"),
        (["export", "--json", "--format", "csv"], "cannot be used together"),
        (["export", "--output", ""], "--output needs a file name"),
        (["--data", "somewhere", "validate", "."], "not --data"),
    ],
)
def test_options_that_cannot_apply_are_usage_errors(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    status, out, err = run(capsys, *args)
    assert (status, out) == (2, "")
    assert message in err
    assert len(err.splitlines()) == 1


def test_options_that_apply_still_work(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "timeline", "--from", "1946-12", "--to", "1946-12")
    assert (
        status == 0
        and out
        # Every event starts a line with its date; a long summary continues indented under it.
        and all(line.startswith(("1946-12", "    ")) for line in out.splitlines())
        and sum(line.startswith("1946-12") for line in out.splitlines()) == 2
    )
    status, out, _ = run(capsys, "search", "Moskvich", "--limit", "3", "--json")
    assert status == 0 and len(json.loads(out)) == 3
    status, out, _ = run(capsys, "totals", "--by", "era", "--allocation", "proportional")
    assert status == 0 and "total" in out
    status, out, _ = run(capsys, "lineage", "412", "--direction", "up")
    assert status == 0 and "Moskvich-408, which it was derived from" in out


def test_export_never_destroys_the_file_it_replaces(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    target = tmp_path / "catalog.json"
    assert main(["export", "--output", str(target)]) == 0
    before = target.read_bytes()
    target.chmod(0o640)

    def disk_full(descriptor: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    status, out, err = run(capsys, "--data", str(target), "export", "--output", str(target))
    assert (status, out) == (1, "")
    assert err == f"moskvitch: error: cannot write {str(target)!r}: No space left on device\n"
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.json"]  # no temporary left
    monkeypatch.undo()
    assert main(["export", "--format", "csv", "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("id,")
    assert target.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its permissions


@pytest.mark.parametrize(
    ("where", "reason"),
    [("missing/out.json", "No such file or directory"), (".", "Is a directory")],
)
def test_unwritable_outputs_exit_1_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, where: str, reason: str
) -> None:
    target = tmp_path / where
    status, out, err = run(capsys, "export", "-o", str(target))
    assert (status, out) == (1, "")
    assert err == f"moskvitch: error: cannot write {str(target)!r}: {reason}\n"


def test_export_writes_into_devices_and_through_links(tmp_path: Path) -> None:
    assert main(["export", "-o", "/dev/null"]) == 0
    real = tmp_path / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    (tmp_path / "link.csv").symlink_to(real)
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "link.csv")]) == 0
    assert (tmp_path / "link.csv").is_symlink()
    assert real.read_text(encoding="utf-8").startswith("id,")


@pytest.mark.parametrize("args", [["show", "412"], ["search", "Алеко"], ["lineage", "412"]])
def test_a_terminal_that_cannot_show_cyrillic_gets_escapes(args: list[str]) -> None:
    import os

    env = {**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "ascii"}
    env.pop("PYTHONUTF8", None)
    result = subprocess.run(
        [sys.executable, "-m", "moskvitch", *args], capture_output=True, env=env, check=False
    )
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.isascii()
    assert b"Moskvich-2141" in result.stdout or b"Moskvich-412" in result.stdout
    if args[0] == "show":
        assert b"\\u" in result.stdout  # Cyrillic aliases, escaped
    if args[0] == "lineage":
        assert b"|-- Moskvich-408, which it was derived from" in result.stdout  # ASCII tree lines


def test_a_lineage_chain_thousands_deep_prints(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    count = 1_200
    models = ['[[sources]]\nid = "ref-1"\ntitle = "A reference"\n']
    for i in range(count):
        link = f'lineage = [{{target = "m-{i - 1}", relation = "successor-of"}}]\n' if i else ""
        models.append(
            f'[[models]]\nid = "m-{i}"\nname = "M {i}"\nmake = "Moskvich"\nkind = "production"\n'
            f'citations = ["ref-1"]\n{link}'
        )
    (tmp_path / "models.toml").write_text("\n".join(models[1:]), encoding="utf-8")
    (tmp_path / "sources.toml").write_text(models[0], encoding="utf-8")
    status, out, err = run(capsys, "--data", str(tmp_path), "lineage", f"m-{count - 1}")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == [f"What the M {count - 1} came from:", f"M {count - 1}"]
    assert lines[count].endswith("└── M 0, which it succeeded")
    assert lines[count].startswith("    " * (count - 2))
    assert lines[count + 2 :] == [
        f"What came after the M {count - 1}:",
        f"M {count - 1}",
        "    (none recorded)",
    ]


# -- show opens what the other commands print; plants by their names of the time --------------


def test_show_names_plants_as_they_were_called_at_the_time(
    capsys: pytest.CaptureFixture[str],
) -> None:
    expected = {
        "KIM-10": "built at: KIM (Moscow; its name during the production, 1940/1941-06)",
        "412": "built at: MZMA, then AZLK (Moscow; its names during the production, 1967/1976)",
        "Moskvich 3": "built at: Moskvich Automobile Plant (Moscow; its name during the production",
        "420A": "built at: MZMA (Moscow; its name during the production, 1949/1954)",
    }
    for name, line in expected.items():
        _, out, _ = run(capsys, "show", name)
        assert line in out, name
        assert "AZLK" not in out.split("built at:")[1].split("\n")[0] or name == "412"
    _, out, _ = run(capsys, "show", "1946-first-moskvich-400")
    assert "about: ZMA [plant moscow]" in out  # the plant's name on 1946-12-04


def _printed_ids(text: str) -> set[str]:
    """Every id a command prints in brackets: "[ref-19]", "[event 1946-…]", "[seed-000, ref-7]"."""
    found = set()
    verdicts = {"contradictory", "compatible as stated", "compatible: different scopes"}
    for inside in set(re.findall(r"\[([^\]\n]+)\]", text)) - verdicts:
        for part in inside.split(", "):
            found.add(part.split()[-1])
    dates = re.compile(r"[0-9./-]+")  # a fact's date, "[1998]" or "[../2024-05]"
    return {token for token in found - {"plan"} if not dates.fullmatch(token)}


def test_show_opens_everything_other_commands_print(capsys: pytest.CaptureFixture[str]) -> None:
    from moskvitch import load

    catalog = load()
    outputs = [
        run(capsys, *args)[1]
        for args in (
            ["timeline"],
            ["conflicts"],
            *(["show", m.id] for m in catalog.models),
            *(["show", p.id] for p in catalog.plants),
            *(["show", v.id] for v in catalog.variants),
        )
    ]
    printed = set().union(*map(_printed_ids, outputs))
    assert {"ref-19", "1940-kim-10-prototypes", "uzam-412"} <= printed
    for name in sorted(printed):
        status, out, err = run(capsys, "show", name)
        assert (status, err) == (0, ""), name
        assert out.strip()
        status, out, err = run(capsys, "show", "--json", name)
        assert status == 0 and json.loads(out)["type"], name


def test_show_describes_a_source_and_what_cites_it(capsys: pytest.CaptureFixture[str]) -> None:
    from moskvitch import load

    status, out, _ = run(capsys, "show", "ref-19")
    assert status == 0
    assert out.startswith("Moskvitch-412 - All PYRENEES  [source ref-19]")
    assert "    model: moskvich-412, moskvich-2140" in out
    cited = {r.id for r in load().cited_by("ref-19")}
    assert "moskvich-412-production-span" in cited  # a dispute's claim cites it
    assert f"cited by {len(cited)} records:" in out
    _, out, _ = run(capsys, "show", "--json", "ref-19")
    data = json.loads(out)
    assert data["type"] == "source" and {r["id"] for r in data["cited_by"]} == cited


@pytest.mark.parametrize(
    ("name", "first", "kind"),
    [
        ("uzam-412", "UZAM-412 1.5-litre inline-four  [engine uzam-412]", "engine"),
        ("UZAM-412 1.5-litre inline-four", "UZAM-412 1.5-litre inline-four  [engine", "engine"),
        ("1940-kim-10-prototypes", "1940-04  The first KIM-10 prototypes", "event"),
        ("moskvich-407-top-speed", "top speed  [fact moskvich-407-top-speed]", "fact"),
        (
            "kim-10-built-1940-1941",
            "built 1940/1941-06: ≈450  [production record",
            "production_record",
        ),
        ("moskvich-400-engine-displacement", "engine displacement  [dispute", "dispute"),
    ],
)
def test_show_opens_each_kind_by_id(
    capsys: pytest.CaptureFixture[str], name: str, first: str, kind: str
) -> None:
    status, out, _ = run(capsys, "show", name)
    assert status == 0 and out.startswith(first)
    status, out, _ = run(capsys, "show", "--json", name)
    data = json.loads(out)
    assert (data["type"], data["id"]) == (kind, name) or data["designation"] == name
    jsonschema = pytest.importorskip("jsonschema")
    from moskvitch.schema import output_schema

    assert not list(jsonschema.Draft202012Validator(output_schema("show")).iter_errors(data))


def test_timeline_prints_event_ids_in_an_order_the_dates_allow(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "timeline", "KIM-10")
    assert status == 0
    assert re.findall(r"\[([\w-]+)\]$", out, re.MULTILINE) == [
        "1940-kim-10-prototypes",
        "1940-kim-10-production-start",
        "1941-kim-10-production-ends",
    ]


def test_show_suggests_across_every_kind(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "show", "ref-999")
    assert (status, out) == (1, "")
    assert "no record named 'ref-999'; did you mean 'ref-99'" in err
