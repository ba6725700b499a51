"""Checks on the documentation's sources and its Sphinx extension (no Sphinx needed)."""

from __future__ import annotations

import importlib.util
import re
import sys
import zlib
from pathlib import Path
from types import ModuleType

import pytest

import moskvitch

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# The inventory shipped with Debian's python3.11-doc package, when installed.
PYTHON_INVENTORY = Path("/usr/share/doc/python3.11/html/objects.inv")


def _extension() -> ModuleType:
    spec = importlib.util.spec_from_file_location("moskvitch_docs", DOCS / "_ext/moskvitch_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("moskvitch_docs", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def extension() -> ModuleType:
    return _extension()


def _read_inventory(path: Path) -> dict[tuple[str, str], str]:
    """Map (name, role) to the address of each entry of an ``objects.inv`` file."""
    data = path.read_bytes()
    for _ in range(4):  # the four header lines
        data = data[data.index(b"\n") + 1 :]
    entries = {}
    line_re = re.compile(r"(.+?)\s+(\S+:\S+)\s+(-?\d+)\s+(\S+)\s+(.*)")
    for line in zlib.decompress(data).decode().splitlines():
        match = line_re.match(line)
        if match:
            name, role, _, uri, _ = match.groups()
            if uri.endswith("$"):
                uri = uri[:-1] + name
            entries[name, role] = uri
    return entries


@pytest.mark.skipif(not PYTHON_INVENTORY.exists(), reason="no local Python inventory")
def test_python_inventory_matches_the_real_one(extension: ModuleType) -> None:
    real = _read_inventory(PYTHON_INVENTORY)
    _, _, entries = extension.INVENTORIES["python"]
    wrong = [
        (name, role, uri, real.get((name, role)))
        for name, role, uri in entries
        if real.get((name, role)) != uri
    ]
    assert wrong == []


def test_python_inventory_sends_builtin_types_to_stdtypes(extension: ModuleType) -> None:
    _, _, entries = extension.INVENTORIES["python"]
    uris = {name: uri for name, _, uri in entries}
    for name in ("str", "tuple", "list", "dict", "set", "bytes", "range", "frozenset"):
        assert uris[name] == f"library/stdtypes.html#{name}"


# -- terminal sessions ---------------------------------------------------------------------------


def _cli_output() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "moskvitch_cli_output", DOCS / "_ext/moskvitch_cli_output.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cli_output() -> ModuleType:
    return _cli_output()


PAGES = sorted(
    [*DOCS.glob("*.rst"), *DOCS.glob("*.md"), ROOT / "README.md", ROOT / "CONTRIBUTING.md"]
)
_PROMPT_RE = re.compile(r"^\s*(?:```\w*\s*)?\$ (?:python -m )?moskvitch\b")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_no_hand_written_cli_output(page: Path) -> None:
    """A command shown with a prompt is followed by another command or nothing, never by output:
    output comes from the ``moskvitch-output`` directive, which runs the program."""
    lines = page.read_text(encoding="utf-8").splitlines()
    stale = []
    for number, line in enumerate(lines[:-1], start=1):
        following = lines[number].strip()
        if (
            _PROMPT_RE.match(line)
            and following
            and not following.startswith(("$ ", "```"))
            and not following.startswith(":")
        ):
            stale.append(f"{page.name}:{number}: {line.strip()}")
    assert stale == []


def test_transcript_shows_the_command_and_its_output(
    cli_output: ModuleType, tmp_path: Path
) -> None:
    result = cli_output.run("moskvitch stats", tmp_path)
    text = cli_output.transcript("moskvitch stats", result, head=2)
    lines = text.splitlines()
    assert lines[0] == "$ moskvitch stats"
    assert lines[1].split() == ["records", "count"]
    assert lines[-1] == "..."


def test_transcript_fails_on_an_unexpected_status(cli_output: ModuleType, tmp_path: Path) -> None:
    result = cli_output.run('moskvitch show "no such model"', tmp_path)
    assert result.status == 1
    with pytest.raises(cli_output.CommandError, match="exited with status 1"):
        cli_output.transcript("moskvitch show x", result)
    text = cli_output.transcript("moskvitch show x", result, expected_status=1, show_stderr=True)
    assert "moskvitch: error:" in text


def test_transcript_fails_on_unexpected_stderr(cli_output: ModuleType) -> None:
    result = cli_output.Result(0, "fine\n", "a warning\n")
    with pytest.raises(cli_output.CommandError, match="standard error"):
        cli_output.transcript("moskvitch", result)


def test_only_moskvitch_commands_run(cli_output: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(cli_output.CommandError):
        cli_output.run("rm -rf /", tmp_path)


# -- generated pages and pictures ----------------------------------------------------------------


def test_lineage_pictures_leave_out_models_with_no_links(extension: ModuleType) -> None:
    import moskvitch

    catalog = moskvitch.load()
    families = extension.lineage_families(catalog)
    drawn = {m.id for family in families for m in family}
    tree = moskvitch.lineage.family_tree(catalog=catalog)
    linked = {e.source for e in tree.edges} | {e.target for e in tree.edges}
    assert drawn == linked
    assert sum(len(family) for family in families) == len(drawn)  # no model in two families


def test_a_large_family_is_split_with_every_link_drawn(extension: ModuleType) -> None:
    import moskvitch

    catalog = moskvitch.load()
    family = extension.lineage_families(catalog)[0]
    pictures = extension._split_family(catalog, family)
    assert len(pictures) >= 2
    assert all(len(models) <= extension.MAX_MODELS_PER_PICTURE + 3 for models, _ in pictures)
    ids = {m.id for m in family}
    edges = {(e.source, e.target) for e in moskvitch.lineage.family_tree(catalog=catalog).edges} & {
        (a, b) for a in ids for b in ids
    }
    drawn = set()
    for models, _ in pictures:
        here = {m.id for m in models}
        drawn |= {(a, b) for a, b in edges if a in here and b in here}
    assert drawn == edges


def test_chart_marks_part_years_and_renault_output(extension: ModuleType) -> None:
    from moskvitch import Period

    assert extension._months(Period.parse("2022-12")) == "Dec"
    assert extension._months(Period.parse("2023-03/2023-12")) == "Mar–Dec"
    assert extension._months(Period.parse("2024")) == ""
    # The Renault cars are another make: the brand's years leave them out.
    assert "2007" not in moskvitch.production.by_year()
    assert "2007" in moskvitch.production.by_year(make=extension.RENAULT)


def test_source_links_name_each_source_once(extension: ModuleType) -> None:
    from moskvitch import Citation

    citations = [Citation(source="seed-000"), Citation(source="ref-7"), Citation(source="seed-000")]
    assert extension._sources_ref(citations) == (
        ":ref:`seed-000 <source-seed-000>`, :ref:`ref-7 <source-ref-7>`"
    )


def test_generated_pages_send_readers_to_the_conflicts_page(extension: ModuleType) -> None:
    text = extension._text("The span is disputed (see the conflicts list).")
    assert text == "The span is disputed (see :doc:`the conflicts list </generated/conflicts>`)."


def test_the_coverage_page_says_what_is_covered_and_what_is_not(extension: ModuleType) -> None:
    import moskvitch

    catalog = moskvitch.load()
    page = extension._coverage_page(catalog)
    # every Moskvich, KIM or IZh model appears, in its era or among the undated
    for model in catalog.models:
        if model.make in {"Moskvich", "KIM", "IZh"}:
            assert f"<model-{model.id}>" in page, model.id
    # the single-source count for models is the direct count of their own and links' sources
    single = [
        m
        for m in catalog.models
        if len({c.source for c in m.citations} | {c.source for k in m.lineage for c in k.citations})
        == 1
    ]
    assert f"   * - models\n     - {len(catalog.models)}\n     - {len(single)}\n" in page
    assert "Moskvich-2335 (pickup)" in page
    assert "Known to be missing" in page


_DIRECTIVE_RE = re.compile(r"^\.\. moskvitch-(output|file):: (.+)$")
_OPTION_RE = re.compile(r"^   :(\w+):\s*(.*)$")
SESSION_PAGES = [
    DOCS / "tutorial.rst",
    DOCS / "cli.rst",
    *sorted(DOCS.glob("guide-*.rst")),
]


def _replay(cli_output: ModuleType, page: Path, scratch: Path) -> int:
    """Run a page's sessions as the build does, in order (files first written where the page
    writes them); return how many were run. ``transcript`` refuses a line that is too wide."""
    lines = page.read_text(encoding="utf-8").splitlines()
    run = 0
    for number, line in enumerate(lines):
        found = _DIRECTIVE_RE.match(line)
        if not found:
            continue
        kind, argument = found.groups()
        options: dict[str, str] = {}
        body: list[str] = []
        for following in lines[number + 1 :]:
            option = _OPTION_RE.match(following)
            if option and not body:
                options[option.group(1)] = option.group(2)
            elif following.startswith("   ") or not following.strip():
                body.append(following[3:])
            else:
                break
        if kind == "file":
            path = scratch / argument.strip()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(body).strip("\n") + "\n", encoding="utf-8")
            continue
        command = " ".join(argument.split())
        result = cli_output.run(command, scratch)
        cli_output.transcript(
            command,
            result,
            head=int(options["head"]) if "head" in options else None,
            tail=int(options["tail"]) if "tail" in options else None,
            expected_status=int(options.get("exit", 0)),
            show_stderr="stderr" in options,
            show_status="status" in options,
            wide="wide" in options,
        )
        run += 1
    return run


@pytest.mark.parametrize("page", SESSION_PAGES, ids=lambda page: page.name)
def test_generated_sessions_fit_in_90_columns(
    cli_output: ModuleType, page: Path, tmp_path: Path
) -> None:
    """Every session on the tutorial, guide and CLI pages fits the page: no line is wider than
    ``MAX_COLUMNS`` unless it is one unbreakable word or the block is marked ``:wide:``."""
    assert cli_output.MAX_COLUMNS == 90
    _replay(cli_output, page, tmp_path)


def test_a_session_wider_than_90_columns_is_refused(cli_output: ModuleType) -> None:
    result = cli_output.Result(0, "word " * 30 + "\n", "")
    with pytest.raises(cli_output.CommandError, match="wider than 90 columns"):
        cli_output.transcript("moskvitch stats", result)
    assert cli_output.transcript("moskvitch stats", result, wide=True)
    long_address = cli_output.Result(0, "  https://example.org/" + "a" * 100 + "\n", "")
    assert cli_output.transcript("moskvitch stats", long_address)
