"""Readers from plain data (as JSON gives it) to values and records, derived from the classes.

Two things live here, and neither needs cattrs:

- the **value readers** that both :data:`moskvitch.ingestion.converter` and the snapshot use:
  dates and periods in their text notations, figures in theirs or as objects, a citation given
  as a bare source id,
  enumeration members by value. Data repeats values (the same years, the same source), so each
  text is read once and the immutable value shared; errors are not cached, the caches are
  bounded.
- :func:`read_collections`, which builds the records of **data known to be valid** (the shipped
  snapshot) from each attrs class's own fields, with those value readers and no checks of its
  own. It is not a second schema: the classes are the schema, and a property test
  (``tests/test_readers.py``) checks on generated catalogs that it builds exactly what the
  converter builds. Every file a user supplies goes through the converter.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

import attrs

from .catalog import COLLECTIONS
from .dates import PartialDate, Period
from .figures import Figure
from .records import Citation

__all__ = [
    "members",
    "read_citation",
    "read_collections",
    "read_date",
    "read_figure",
    "read_period",
]

Reader = Callable[[Any], Any]
"""Turns one plain value into the value of a field."""


@functools.lru_cache(maxsize=4096)
def read_date(text: str) -> PartialDate:
    """:meth:`PartialDate.parse <moskvitch.PartialDate.parse>`, once per distinct text.

    :param text: the date's ISO text.
    :returns: the date.
    """
    return PartialDate.parse(text)


@functools.lru_cache(maxsize=4096)
def read_period(text: str) -> Period:
    """:meth:`Period.parse <moskvitch.Period.parse>`, once per distinct text.

    :param text: the period's text.
    :returns: the period.
    """
    return Period.parse(text)


@functools.lru_cache(maxsize=4096)
def read_citation(source: str) -> Citation:
    """The citation written as a bare source id.

    :param source: the source's id.
    :returns: the citation, without quote or locator.
    """
    return Citation(source=source)


def read_figure(value: object) -> Figure:
    """A figure written as a whole number (exact), in its text notation, or as the object of
    :meth:`Figure.to_data <moskvitch.Figure.to_data>` (see :meth:`Figure.from_data
    <moskvitch.Figure.from_data>`).

    :param value: the plain figure.
    :returns: the figure.
    :raises InvalidFigureError: when the value is none of those forms.
    """
    return Figure.from_data(value)


@functools.cache
def members(kind: type[StrEnum]) -> Mapping[str, StrEnum]:
    """The members of an enumeration by value.

    :param kind: the enumeration.
    :returns: a mapping from each value to its member.
    """
    return {member.value: member for member in kind}


def _citation(value: str | dict[str, Any]) -> Citation:
    return read_citation(value) if isinstance(value, str) else Citation(**value)


_VALUES: Mapping[Any, Reader] = {
    PartialDate: read_date,
    Period: read_period,
    Figure: read_figure,
    Citation: _citation,
}


@functools.cache
def _reader(kind: Any) -> Reader | None:
    """How to read a field of type ``kind``; ``None`` when the plain value is the value."""
    if kind in (str, int, bool):
        return None
    origin = typing.get_origin(kind)
    if origin is types.UnionType or origin is typing.Union:
        (inner,) = (arg for arg in typing.get_args(kind) if arg is not type(None))
        read = _reader(inner)
        return None if read is None else (lambda value: None if value is None else read(value))
    if origin is tuple:
        item = _reader(typing.get_args(kind)[0])
        if item is None:
            return tuple
        return lambda values: tuple([item(value) for value in values])
    if kind in _VALUES:
        return _VALUES[kind]
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return members(kind).__getitem__
    if attrs.has(kind):
        return _record_reader(kind)
    raise TypeError(f"no reader for {kind!r}")  # pragma: no cover - every field type is above


@functools.cache
def _record_reader(kind: type) -> Reader:
    """Builds a record from its table: each field's value read by its type's reader."""
    fields = {field.name: _reader(field.type) for field in attrs.fields(kind) if field.init}

    def read(table: dict[str, Any]) -> Any:
        return kind(
            **{
                name: value if (reader := fields[name]) is None else reader(value)
                for name, value in table.items()
            }
        )

    return read


def read_collections(data: object) -> dict[str, tuple[Any, ...]] | None:
    """The records of each collection in ``data``, or ``None`` when anything does not fit.

    Only for data known to be valid: nothing is checked beyond what building the records
    checks, and no problem is located. ``None`` (never an exception) tells the caller to read
    the data with the converter, which reports what is wrong.

    :param data: a mapping with one list of tables per collection, as JSON gives it.
    :returns: tuples of records by collection name, or ``None``.
    """
    if type(data) is not dict or not all(name in COLLECTIONS for name in data):
        return None
    parts: dict[str, tuple[Any, ...]] = {}
    try:
        for name, kind in COLLECTIONS.items():
            if name in data:
                if type(data[name]) is not list:
                    return None
                parts[name] = tuple(map(_record_reader(kind), data[name]))
    except Exception:  # whatever it is, the converter reports it
        return None
    return parts
