"""Checks on the documentation's sources and its Sphinx extension (no Sphinx needed)."""

from __future__ import annotations

import importlib.util
import re
import sys
import zlib
from pathlib import Path
from types import ModuleType

import pytest

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
