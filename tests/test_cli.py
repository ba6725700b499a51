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
    table = lines[: lines.index("")]
    widths = {len(line) for line in table[2:]}
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
    assert status == 0 and out.splitlines()[0].startswith("id,date,date_year,kind,summary")


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
        (["export", "--collection", "models"], "--collection applies to --format csv only"),
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
        and out.splitlines() == [line for line in out.splitlines() if line.startswith("1946-12")]
    )
    status, out, _ = run(capsys, "search", "Moskvich", "--limit", "3", "--json")
    assert status == 0 and len(json.loads(out)) == 3
    status, out, _ = run(capsys, "totals", "--by", "era", "--allocation", "proportional")
    assert status == 0 and "total" in out
    status, out, _ = run(capsys, "lineage", "412", "--direction", "up")
    assert status == 0 and "successor-of Moskvich-408" in out


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
    if args[0] != "search":
        assert b"\\u" in result.stdout  # Cyrillic aliases or tree lines, escaped


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
    assert lines[0] == f"M {count - 1}"
    assert lines[count - 1].endswith("└── successor-of M 0")
    assert lines[count - 1].startswith("    " * (count - 2))
