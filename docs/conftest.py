"""Doctests of the documentation: a page that needs an optional package is skipped without it."""

import importlib.util

import pytest

#: Pages whose examples need packages outside the ``test`` extra (the ``docs`` extra has them).
NEEDS = {"guide-analysis.rst": ("pandas", "jsonschema")}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        missing = [m for m in NEEDS.get(item.path.name, ()) if importlib.util.find_spec(m) is None]
        if missing:
            reason = f"needs {', '.join(missing)} (pip install -e '.[docs]')"
            item.add_marker(pytest.mark.skip(reason=reason))
