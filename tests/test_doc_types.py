"""The documentation's Python examples pass ``mypy --strict``: the hints are as wide as the docs."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest

import moskvitch

ROOT = Path(__file__).resolve().parent.parent

# Error codes that come from the examples' doctest form, not from the library's hints: an
# example reads an optional field it has just shown to be set, defines a helper without
# annotations to keep the page short, or imports a library without stubs (pandas).
EXEMPT = ("union-attr", "no-untyped-def", "no-untyped-call", "import-untyped")
# The names docs/conftest.py puts in the doctest namespace, declared for the type checker.
NAMESPACE = "from pathlib import Path\n\nDOCS = Path()\n"


def examples(text: str) -> list[str]:
    """The source lines of the doctest examples in a page, as one script. An example whose
    expected output is a traceback shows what the library refuses, and is left out."""
    blocks: list[list[str]] = []
    in_code = False
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith(">>>"):
            blocks.append([stripped[4:]])
            in_code = True
        elif in_code and (stripped.startswith("... ") or stripped == "..."):
            blocks[-1].append(stripped[4:])
        else:
            if stripped.startswith("Traceback") and blocks:
                blocks[-1] = []
            in_code = False
    return [line for block in blocks for line in block]


def pages() -> list[Path]:
    return [*sorted((ROOT / "docs").glob("*.rst")), ROOT / "README.md"]


def test_examples_are_extracted_from_every_page_with_some() -> None:
    found = {page.name for page in pages() if examples(page.read_text(encoding="utf-8"))}
    assert {"README.md", "guide-lineage.rst", "guide-extending.rst"} <= found
    lineage = examples((ROOT / "docs/guide-lineage.rst").read_text(encoding="utf-8"))
    assert any('relations=["successor-of"]' in line for line in lineage)


def mypy_strict(directory: Path) -> subprocess.CompletedProcess[str]:
    exempt = [flag for code in EXEMPT for flag in ("--disable-error-code", code)]
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *exempt, str(directory)],
        capture_output=True,
        text=True,
        check=False,
        cwd=directory,
    )


needs_mypy = pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None, reason="mypy is in the dev extra"
)


@needs_mypy
def test_the_docs_examples_pass_mypy_strict(tmp_path: Path) -> None:
    for page in pages():
        code = examples(page.read_text(encoding="utf-8"))
        if code:
            name = re.sub(r"\W", "_", page.stem) + ".py"
            (tmp_path / name).write_text(NAMESPACE + "\n".join(code) + "\n", encoding="utf-8")
    run = mypy_strict(tmp_path)
    assert run.returncode == 0, run.stdout


@needs_mypy
def test_the_check_fails_on_an_example_the_hints_refuse(tmp_path: Path) -> None:
    page = """
>>> from moskvitch import lineage
>>> lineage.ancestors("2140", relations=[1946])
"""
    (tmp_path / "page.py").write_text("\n".join(examples(page)) + "\n", encoding="utf-8")
    run = mypy_strict(tmp_path)
    assert run.returncode == 1 and "[list-item]" in run.stdout, run.stdout


def test_load_directory_takes_a_package_resource() -> None:
    shipped = resources.files("moskvitch") / "data"
    assert moskvitch.load_directory(shipped) == moskvitch.load()


def test_load_directory_reads_a_resource_inside_a_zip(tmp_path: Path) -> None:
    archive = tmp_path / "data.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for toml in (Path(moskvitch.__file__).parent / "data").glob("*.toml"):
            bundle.write(toml, f"data/{toml.name}")
    with zipfile.ZipFile(archive) as bundle:
        catalog = moskvitch.load_directory(zipfile.Path(bundle, "data/"))
    assert catalog == moskvitch.load()
