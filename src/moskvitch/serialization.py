"""Catalogs to plain data and JSON, and back, losslessly.

>>> import moskvitch
>>> from moskvitch.serialization import from_json, to_json
>>> catalog = moskvitch.load()
>>> from_json(to_json(catalog)) == catalog
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from cattrs.errors import BaseValidationError

from ._gc import gc_paused
from .catalog import Catalog
from .converter import WrongTypeError, converter, describe_error
from .errors import DataError, Problem
from .records import (
    Dispute,
    Engine,
    Event,
    Fact,
    Model,
    Plant,
    ProductionRecord,
    Source,
    Variant,
)
from .validation import record_path

__all__ = ["COLLECTIONS", "from_dict", "from_json", "to_dict", "to_json"]

COLLECTIONS: dict[str, type] = {
    "sources": Source,
    "engines": Engine,
    "models": Model,
    "variants": Variant,
    "plants": Plant,
    "events": Event,
    "production": ProductionRecord,
    "disputes": Dispute,
    "facts": Fact,
}
"""Each collection of a catalog, by its key in plain data and TOML files, with its record type."""

_RECORD_RE = re.compile(r"(?P<collection>\w+)\[(?P<index>\d+)\]")


def to_dict(catalog: Catalog) -> dict[str, Any]:
    """The catalog as plain data: dicts, lists, strings, numbers and booleans.

    Dates and periods are written in their text notations, figures as objects
    (:meth:`~moskvitch.Figure.to_data`), and empty or default fields are left out, as in the
    TOML data files.

    :param catalog: any catalog.
    :returns: a dict with one list per collection (``"models"``, ``"events"``…).
    """
    data: dict[str, Any] = converter.unstructure(catalog)
    return data


def from_dict(data: Any, *, file: str = "") -> Catalog:
    """Build a catalog from plain data as produced by :func:`to_dict`.

    :param data: a mapping with one list per collection; missing collections are empty.
    :param file: the file name to put in problem reports.
    :returns: the validated catalog.
    :raises DataError: listing every problem, when the data is malformed or inconsistent.
    """
    if not isinstance(data, dict):
        found = type(data).__name__
        raise DataError([Problem(file, "", f"expected a table of collections, found {found}")])
    problems = [
        Problem(file, str(key), f"unknown collection; expected one of {', '.join(COLLECTIONS)}")
        for key in data
        if key not in COLLECTIONS
    ]
    with gc_paused():
        parts = {
            name: structure_collection(name, data[name], file, problems)
            for name in COLLECTIONS
            if name in data
        }
        return assemble(parts, problems, lambda _: file)


def structure_collection(
    collection: str, items: object, file: str, problems: list[Problem]
) -> tuple[Any, ...]:
    """Structure one collection's plain records, adding what is wrong to ``problems``.

    :param collection: the collection's name, a key of :data:`COLLECTIONS`.
    :param items: its plain records (a list of tables).
    :param file: the file name to put in problem reports.
    :param problems: where problems are added.
    :returns: the records, or an empty tuple when any is malformed.
    """
    kind = tuple[COLLECTIONS[collection], ...]  # type: ignore[valid-type]
    try:
        records: tuple[Any, ...] = converter.structure(items, kind)
    except BaseValidationError as error:
        for path, message in describe_error(error, collection):
            problems.append(Problem(file, _name_record(path, items), message))
        return ()
    except WrongTypeError as error:  # the collection itself is not a list
        problems.append(Problem(file, collection, str(error)))
        return ()
    return records


def assemble(
    parts: Mapping[str, tuple[Any, ...]],
    problems: list[Problem],
    file_of: Callable[[str], str],
) -> Catalog:
    """Build the catalog once every collection is structured, or raise every problem found.

    :param parts: the structured collections.
    :param problems: problems found so far; references are checked only when there are none.
    :param file_of: the file name for a problem path such as ``"models[3] (x).engines[0]"``.
    :returns: the validated catalog.
    :raises DataError: when there are problems.
    """
    if problems:
        raise DataError(problems)
    try:
        return Catalog(**parts)
    except DataError as error:
        raise DataError(
            Problem(p.file or file_of(p.path), p.path, p.message) for p in error.problems
        ) from None


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
    return record_path(match["collection"], index, record_id) + path[match.end() :]


def file_of_collection(path: str) -> str:
    """The TOML file a problem path points into: ``models[3]...`` is in ``models.toml``."""
    match = _RECORD_RE.match(path)
    return f"{match['collection']}.toml" if match else ""


def to_json(catalog: Catalog, *, indent: int | None = None) -> str:
    """The catalog as JSON text (UTF-8, Cyrillic kept as is).

    :param catalog: any catalog.
    :param indent: passed to :func:`json.dumps`; ``None`` for the most compact text.
    :returns: the JSON document.
    """
    separators = (",", ":") if indent is None else None
    return json.dumps(to_dict(catalog), ensure_ascii=False, indent=indent, separators=separators)


def describe_value_error(error: ValueError) -> str:
    """A parser's error as a problem message, without advice to change interpreter limits."""
    if "integer string conversion" in str(error):
        return "an integer too long to read (more than 4,300 digits)"
    return str(error)


def from_json(text: str | bytes, *, file: str = "") -> Catalog:
    """Build a catalog from JSON produced by :func:`to_json`.

    :param text: the JSON document.
    :param file: the file name to put in problem reports.
    :returns: the validated catalog.
    :raises DataError: when the text is not JSON, or the data is malformed or inconsistent.
    """
    try:
        with gc_paused():
            data = json.loads(text)
    except ValueError as error:  # JSONDecodeError, UnicodeDecodeError, an int too long to read
        message = f"not valid JSON: {describe_value_error(error)}"
        raise DataError([Problem(file, "", message)]) from None
    except RecursionError:
        raise DataError([Problem(file, "", "not valid JSON: nested too deeply")]) from None
    return from_dict(data, file=file)
