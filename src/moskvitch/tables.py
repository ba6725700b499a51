"""Flat tables of the catalog: plain rows for pandas, polars and CSV.

Every collection is a table, and so is every list of records nested inside one (a model's
lineage links, a dispute's claims, every record's citations). :func:`rows` returns a table as
plain dicts, which ``pandas.DataFrame(rows(...))`` and ``polars.DataFrame(rows(...))`` take as
they are; :func:`to_csv` writes the same rows as CSV.

>>> from moskvitch.tables import rows
>>> row = next(r for r in rows("production") if r["id"] == "kim-10-built-1940-1941")
>>> row["figure"], row["figure_low"], row["figure_high"], row["figure_approximate"]
('≈450', 450, 450, True)
>>> row["period"], row["period_start"], row["period_end"]
('1940/1941-06', '1940', '1941-06')

How a field becomes columns
---------------------------

- text, numbers, flags and enums: one column with the plain value (``None`` when unset);
- a date: its ISO text, ``"1946-12-04"``, as precise as the source;
- a period ``P``: ``P`` as text (``"1946/1956"``), ``P_start`` and ``P_end`` as ISO dates
  (``None`` for an open end);
- a figure ``F``: ``F`` as text (``"≥900,000"``), ``F_low`` and ``F_high`` as numbers (the least
  and most the value may be, integers unless they have a fraction; ``F_high`` is ``None`` when
  unbounded) and ``F_approximate``;
- a list of names or ids (``aliases``, ``engines``, ``subjects``…): the items joined by ``"; "``;
- ``citations``: the cited source ids joined by ``"; "``; the quotes and locators are in the
  table ``<table>.citations``;
- any other list of records (``lineage``, ``names``, ``owners``, ``claims``): left out of the
  row, and given as the table ``<table>.<field>``.

A nested table's rows start with the id of the record they belong to, in a column named after
its collection (``model``, ``plant``, ``dispute``, ``production_record``…), then
``<field>_index`` for each list above, and ``index``, the row's position (from 0) in its own
list. Every row of a table has the same keys, in the same order.
"""

from __future__ import annotations

import csv
import enum
import io
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs

from ._output import type_name
from .catalog import COLLECTIONS, Catalog
from .dates import PartialDate, Period
from .figures import Figure
from .ingestion import load
from .records import Citation

__all__ = ["SEPARATOR", "TABLES", "columns", "rows", "to_csv"]

#: What joins the items of a list of names or ids in one cell.
SEPARATOR = "; "


def _inner(kind: Any) -> Any:
    """``X`` for ``X | None``, else ``kind``."""
    if typing.get_origin(kind) in (types.UnionType, typing.Union):
        args = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        if len(args) == 1:
            return args[0]
    return kind


def _item_type(kind: Any) -> Any:
    """``X`` for ``tuple[X, ...]``, else ``None``."""
    if typing.get_origin(kind) is tuple:
        return typing.get_args(kind)[0]
    return None


def _is_record_list(kind: Any) -> bool:
    item = _item_type(kind)
    return item is not None and attrs.has(item)


def _nested(cls: type) -> Iterator[tuple[str, type]]:
    """The fields of ``cls`` that hold lists of records, with the record type."""
    for field in attrs.fields(cls):
        if _is_record_list(field.type):
            yield field.name, _item_type(field.type)


def _tables() -> dict[str, tuple[type, tuple[str, ...]]]:
    """Every table: its record type and the key columns that lead its rows.

    A collection's table has no key columns; a nested table's rows start with the id of their
    record, in a column named after its type (``model``, ``production_record``).
    """
    found: dict[str, tuple[type, tuple[str, ...]]] = {}
    for collection, cls in COLLECTIONS.items():
        found[collection] = (cls, ())
        pending: list[tuple[str, type, tuple[str, ...]]] = [(collection, cls, (type_name(cls),))]
        while pending:
            name, parent, keys = pending.pop(0)
            for field, item in _nested(parent):
                table = f"{name}.{field}"
                found[table] = (item, (*keys, "index"))
                pending.append((table, item, (*keys, f"{field}_index")))
    return found


_TABLES = _tables()

TABLES: tuple[str, ...] = tuple(_TABLES)
"""The name of every table: each collection (``"models"``) and each list of records nested in
one (``"models.lineage"``, ``"models.citations"``, ``"disputes.claims.citations"``)."""


def _field_columns(name: str, kind: Any) -> list[str]:
    kind = _inner(kind)
    if kind is Period:
        return [name, f"{name}_start", f"{name}_end"]
    if kind is Figure:
        return [name, f"{name}_low", f"{name}_high", f"{name}_approximate"]
    if _is_record_list(kind) and _item_type(kind) is not Citation:
        return []
    return [name]


def columns(table: str) -> list[str]:
    """The columns of a table, in order: the keys of each of its rows.

    :param table: a name in :data:`TABLES`.
    :returns: the column names.
    :raises ValueError: when there is no such table.

    >>> columns("models.lineage")
    ['model', 'index', 'target', 'relation', 'inference', 'citations']
    """
    cls, keys = _table(table)
    return [*keys, *(c for f in attrs.fields(cls) for c in _field_columns(f.name, f.type))]


def _table(table: str) -> tuple[type, tuple[str, ...]]:
    if not isinstance(table, str):
        raise TypeError(f"a table name is a string, not {type(table).__name__}: {table!r}")
    try:
        return _TABLES[table]
    except KeyError:
        raise ValueError(
            f"no table {table!r}; expected one of {', '.join(repr(t) for t in TABLES)}"
        ) from None


def _cells(record: Any) -> dict[str, Any]:
    """One record's fields as flat cells."""
    cells: dict[str, Any] = {}
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        name = field.name
        if isinstance(value, enum.Enum):
            cells[name] = value.value
        elif isinstance(value, PartialDate):
            cells[name] = str(value)
        elif isinstance(value, Period):
            cells[name] = str(value)
            cells[f"{name}_start"] = None if value.start is None else str(value.start)
            cells[f"{name}_end"] = None if value.end is None else str(value.end)
        elif isinstance(value, Figure):
            data = value.to_data()  # a bound with a fraction is a float, as in JSON
            cells.update(
                {
                    name: data["text"],
                    f"{name}_low": data["low"],
                    f"{name}_high": data["high"],
                    f"{name}_approximate": data["approximate"],
                }
            )
        elif value is None and _inner(field.type) in (Period, Figure):
            cells.update(dict.fromkeys(_field_columns(name, field.type)))
        elif isinstance(value, tuple):
            item = _item_type(field.type)
            if item is Citation:
                cells[name] = SEPARATOR.join(dict.fromkeys(c.source for c in value))
            elif not attrs.has(item):
                cells[name] = SEPARATOR.join(value)
        else:
            cells[name] = value
    return cells


def rows(table: str, *, catalog: Catalog | None = None) -> list[dict[str, Any]]:
    """A table of the catalog as plain rows, one dict per record.

    Values are ``str``, ``int``, ``bool`` or ``None``; see the module's documentation for how
    each field becomes columns. ``pandas.DataFrame(rows("production"))`` is a data frame with
    numeric ``figure_low`` and ``figure_high`` columns.

    :param table: a collection such as ``"models"``, or a nested table such as
        ``"disputes.claims"`` (see :data:`TABLES`).
    :param catalog: the catalog; the shipped one by default.
    :returns: the rows, in data order; each has the keys :func:`columns` lists.
    :raises ValueError: when there is no such table.

    >>> [(r["model"], r["target"], r["relation"]) for r in rows("models.lineage")][:1]
    [('kim-10', 'ford-prefect', 'derived-from')]
    """
    _table(table)
    collection, *path = table.split(".")
    records: list[tuple[dict[str, Any], Any]] = []
    for record in getattr(load() if catalog is None else catalog, collection):
        records.append(({_TABLES[table][1][0]: record.id} if path else {}, record))
    for depth, field in enumerate(path):
        last = depth == len(path) - 1
        records = [
            ({**keys, ("index" if last else f"{field}_index"): index}, item)
            for keys, parent in records
            for index, item in enumerate(getattr(parent, field))
        ]
    if not path:
        return [_cells(record) for _, record in records]
    return [{**keys, **_cells(record)} for keys, record in records]


def to_csv(table: str, *, catalog: Catalog | None = None) -> str:
    """A table as CSV text: a header of :func:`columns`, then one line per row of :func:`rows`.

    An unset value (``None``) is an empty cell; flags are ``True`` or ``False``, as
    ``pandas.read_csv`` reads them.

    :param table: a name in :data:`TABLES`.
    :param catalog: the catalog; the shipped one by default.
    :returns: the CSV text, lines ending in ``"\\n"``.
    :raises ValueError: when there is no such table.

    >>> print(to_csv("models.lineage").splitlines()[1])
    kim-10,0,ford-prefect,derived-from,,ref-4; ref-5
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns(table), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(table, catalog=catalog))
    return buffer.getvalue()
