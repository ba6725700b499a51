"""Loading catalogs: the shipped data, a directory of TOML files, or a JSON file.

The shipped catalog is read from ``data/catalog.json``, compiled from the TOML files beside it
by ``python scripts/compile_data.py`` (a test fails when the two drift apart). It is loaded on
the first call to :func:`load`, never at import, and built once even when several threads ask
for it at the same time.
"""

from __future__ import annotations

import os
import re
import threading
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from cattrs.errors import BaseValidationError

from .catalog import Catalog
from .converter import converter, describe_error
from .errors import DataError, Problem
from .records import Dispute, Engine, Event, Model, Plant, ProductionRecord, Source, Variant
from .serialization import from_json

__all__ = ["COLLECTIONS", "load", "load_directory"]

COLLECTIONS: dict[str, type] = {
    "sources": Source,
    "engines": Engine,
    "models": Model,
    "variants": Variant,
    "plants": Plant,
    "events": Event,
    "production": ProductionRecord,
    "disputes": Dispute,
}
"""Each collection of a catalog, the key of its TOML file, and its record type."""

_shipped: Catalog | None = None
_shipped_lock = threading.Lock()
_RECORD_RE = re.compile(r"(?P<collection>\w+)\[(?P<index>\d+)\]")


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
                text = resources.files("moskvitch").joinpath("data/catalog.json").read_bytes()
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
    for collection, record_type in COLLECTIONS.items():
        file = root / f"{collection}.toml"
        if file.exists():
            parts[collection] = _read_collection(file, collection, record_type, problems)
    if problems:
        raise DataError(problems)
    try:
        return Catalog(**parts)
    except DataError as error:
        raise DataError(_in_file(problem) for problem in error.problems) from None


def _read_collection(
    file: Path, collection: str, record_type: type, problems: list[Problem]
) -> tuple[Any, ...]:
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
    items = document.get(collection, [])
    try:
        records: tuple[Any, ...] = converter.structure(items, tuple[record_type, ...])  # type: ignore[valid-type]
    except BaseValidationError as error:
        for path, message in describe_error(error, collection):
            problems.append(Problem(file.name, _name_record(path, items), message))
        return ()
    except ValueError as error:  # raised outside any record, e.g. a non-list top level
        problems.append(Problem(file.name, collection, str(error)))
        return ()
    return records


def _name_record(path: str, items: object) -> str:
    """Add the record's id to a path: ``models[3].x`` becomes ``models[3] (moskvich-400).x``."""
    match = _RECORD_RE.match(path)
    if match is None or not isinstance(items, list):
        return path
    index = int(match["index"])
    record = items[index] if index < len(items) else None
    record_id = record.get("id") if isinstance(record, dict) else None
    if not isinstance(record_id, str):
        return path
    return f"{match.group(0)} ({record_id}){path[match.end() :]}"


def _in_file(problem: Problem) -> Problem:
    match = _RECORD_RE.match(problem.path)
    if match is None or problem.file:
        return problem
    return Problem(f"{match['collection']}.toml", problem.path, problem.message)
