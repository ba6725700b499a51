"""Catalogs to plain data and JSON, and back, losslessly.

>>> import moskvitch
>>> from moskvitch.serialization import from_json, to_json
>>> catalog = moskvitch.load()
>>> from_json(to_json(catalog)) == catalog
True
"""

from __future__ import annotations

import json
from typing import Any

from cattrs.errors import BaseValidationError

from .catalog import Catalog
from .converter import converter, describe_error
from .errors import DataError, Problem

__all__ = ["from_dict", "from_json", "to_dict", "to_json"]


def to_dict(catalog: Catalog) -> dict[str, Any]:
    """The catalog as plain data: dicts, lists, strings, numbers and booleans.

    Dates, periods and figures are written in their text notations and empty or default
    fields are left out, as in the TOML data files.

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
        raise DataError(
            [Problem(file, "", f"expected a table of collections, found {type(data).__name__}")]
        )
    try:
        catalog: Catalog = converter.structure(data, Catalog)
    except BaseValidationError as error:
        raise DataError(
            Problem(file, path, message) for path, message in describe_error(error, "$")
        ) from None
    except DataError as error:
        raise DataError(Problem(file, p.path, p.message) for p in error.problems) from None
    return catalog


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
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise DataError([Problem(file, "", f"not valid JSON: {error}")]) from None
    return from_dict(data, file=file)
