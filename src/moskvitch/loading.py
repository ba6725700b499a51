"""Loading catalogs: the shipped data, a directory of TOML files, or a JSON file.

The shipped catalog is read from ``data/catalog.json``, compiled from the TOML files beside it
by ``python scripts/compile_data.py`` (a test fails when the two drift apart). It is loaded on
the first call to :func:`load`, never at import, and built once even when several threads ask
for it at the same time.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from ._gc import gc_paused
from .catalog import Catalog
from .errors import DataError, Problem
from .serialization import (
    COLLECTIONS,
    assemble,
    file_of_collection,
    from_json,
    structure_collection,
)

__all__ = ["load", "load_directory"]

_shipped: Catalog | None = None
_shipped_lock = threading.Lock()


def load(path: str | os.PathLike[str] | None = None) -> Catalog:
    """The shipped catalog, or one read from ``path``.

    >>> import moskvitch
    >>> moskvitch.load() is moskvitch.load()
    True

    :param path: ``None`` for the data shipped with the package (cached after the first call);
        a directory of TOML files laid out like ``moskvitch/data`` (see :doc:`/data-format`);
        or a ``.json`` file written by :func:`moskvitch.serialization.to_json`.
    :returns: the validated catalog.
    :raises DataError: listing every problem found, file by file; no partial catalog is ever
        returned.
    """
    if path is not None:
        target = Path(path)
        if target.is_file() and target.suffix == ".json":
            return from_json(target.read_bytes(), file=target.name)
        return load_directory(target)
    global _shipped
    if _shipped is None:
        with _shipped_lock:
            if _shipped is None:
                text = (Path(__file__).parent / "data" / "catalog.json").read_bytes()
                _shipped = from_json(text, file="catalog.json")
    return _shipped


def load_directory(directory: str | os.PathLike[str]) -> Catalog:
    """Read a directory of TOML data files into a catalog.

    Each collection lives in ``<collection>.toml`` under a top-level array of tables of the
    same name (``models.toml`` holds ``[[models]]``). Missing files mean empty collections.

    :param directory: the directory.
    :returns: the validated catalog.
    :raises DataError: listing every problem in every file.
    """
    root = Path(directory)
    if not root.is_dir():
        raise DataError([Problem(str(root), "", "not a directory of TOML data files")])
    problems: list[Problem] = []
    parts: dict[str, tuple[Any, ...]] = {}
    expected = {f"{name}.toml" for name in COLLECTIONS}
    for stray in sorted(p.name for p in root.glob("*.toml") if p.name not in expected):
        problems.append(
            Problem(stray, "", f"unknown data file; expected one of {', '.join(sorted(expected))}")
        )
    with gc_paused():
        for collection in COLLECTIONS:
            file = root / f"{collection}.toml"
            if file.exists():
                parts[collection] = _read_collection(file, collection, problems)
        return assemble(parts, problems, file_of_collection)


def _read_collection(file: Path, collection: str, problems: list[Problem]) -> tuple[Any, ...]:
    import tomllib  # only data directories need it, not the shipped catalog

    try:
        document = tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        problems.append(Problem(file.name, "", f"not valid TOML: {error}"))
        return ()
    for key in document:
        if key != collection:
            problems.append(
                Problem(file.name, key, f"unknown top-level key; expected [[{collection}]]")
            )
    return structure_collection(collection, document.get(collection, []), file.name, problems)
