"""The command line, run through its real entry points."""

import json
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
    assert "successor-of Moskvich-412" in out and "Opel Kadett K38" in out
    assert "pre-war" in out and "≈450" in out


def test_show_accepts_any_spelling(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "Москвич-412")
    assert status == 0
    assert out.startswith("Moskvich-412  [model moskvich-412]")
    assert "engine-from BMW 1500" in out


def test_show_prints_facts_and_marks_inferences(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "408")
    assert status == 0
    assert "specification: top speed: 130 km/h" in out
    assert "specification: gearbox: four-speed manual" in out
    assert "influenced-by Opel of 1962" in out
    assert "engine: Moskvich-408 engine (50 hp) (50 hp)" in out  # displacement disputed
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
    assert any("inference" in o for o in data["owners"])


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


def test_unknown_names_exit_2_with_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "lineage", "Moskvich-4122")
    assert status == 2
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
    assert lines[0].split() == ["built", "records"]
    widths = {len(line) for line in lines[2:]}
    assert len(widths) == 1  # right-aligned numbers end in one column


def test_lineage_formats(capsys: pytest.CaptureFixture[str]) -> None:
    _, tree, _ = run(capsys, "lineage", "412", "--direction", "down")
    assert "├── licensed-build-of IZh-412" in tree
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
    assert status == 0 and out.splitlines()[0].startswith("id,date,kind,summary")


def test_validate_lists_every_problem(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "models.toml").write_text(
        '[[models]]\nid = "x"\nname = "X"\nmake = "M"\nkind = "racer"\nproduction = "1946-13"\n'
        'citations = ["nowhere"]\n',
        encoding="utf-8",
    )
    status, out, err = run(capsys, "validate", str(tmp_path))
    assert status == 1 and out == ""
    assert "models.toml: models[0] (x).production: invalid period '1946-13'" in err
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


def test_choices_match_the_production_enums() -> None:
    from moskvitch import cli, production

    assert [a.value for a in production.Allocation] == cli.ALLOCATIONS
    assert [c.value for c in production.Claims] == cli.CLAIMS
