"""Doctests of the documentation: a page that needs an optional package is skipped without it."""

import importlib.util
from pathlib import Path

import pytest

#: Pages whose examples need packages outside the ``test`` extra (the ``docs`` extra has them).
NEEDS = {"guide-analysis.rst": ("pandas", "jsonschema", "duckdb")}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        missing = [m for m in NEEDS.get(item.path.name, ()) if importlib.util.find_spec(m) is None]
        if missing:
            reason = f"needs {', '.join(missing)} (pip install -e '.[docs]')"
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def _docs_directory(doctest_namespace: dict[str, object]) -> None:
    """``DOCS``, this directory, for pages that read a file beside them (``by-model.sql``)."""
    doctest_namespace["DOCS"] = Path(__file__).resolve().parent
