"""Catalogs to plain data and JSON, and back, losslessly.

>>> import moskvitch
>>> from moskvitch.serialization import from_json, to_json
>>> catalog = moskvitch.load()
>>> from_json(to_json(catalog)) == catalog
True

Reading goes through :mod:`moskvitch.ingestion`, like every file a user supplies, so a broken
document is reported problem by problem.
"""

from __future__ import annotations

import json
from typing import Any

from .catalog import Catalog
from .ingestion import converter, read_json, structure

__all__ = ["from_dict", "from_json", "to_dict", "to_json"]


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
    return structure(data, file=file)


def to_json(catalog: Catalog, *, indent: int | None = None) -> str:
    """The catalog as JSON text (UTF-8, Cyrillic kept as is).

    :param catalog: any catalog.
    :param indent: passed to :func:`json.dumps`; ``None`` for the most compact text.
    :returns: the JSON document.
    """
    separators = (",", ":") if indent is None else None
    return json.dumps(to_dict(catalog), ensure_ascii=False, indent=indent, separators=separators)


def from_json(text: str | bytes, *, file: str = "") -> Catalog:
    """Build a catalog from JSON produced by :func:`to_json`.

    :param text: the JSON document.
    :param file: the file name to put in problem reports.
    :returns: the validated catalog.
    :raises DataError: when the text is not JSON, or the data is malformed or inconsistent.
    """
    return read_json(text, file=file)
