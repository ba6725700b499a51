"""Flat tables of the catalog: plain rows for pandas and polars, CSV, a Frictionless Data
Package and an SQLite database.

Every collection is a table, and so is every list of records nested inside one (a model's
lineage links, a dispute's claims, every record's citations). :func:`rows` returns a table as
plain dicts, which ``pandas.DataFrame(rows(...))`` and ``polars.DataFrame(rows(...))`` take as
they are; :func:`to_csv` writes the same rows as CSV; :func:`write_datapackage` writes every
table as a data package (:func:`datapackage` is its descriptor) and :func:`write_sqlite` as a
database. One description of each column (:class:`Column`, from :func:`columns` with
``described=True``), derived from the record classes, gives the rows, the row schemas of
:func:`moskvitch.schema.table_schema`, the data package's Table Schemas and the SQL tables.

>>> from moskvitch.tables import rows
>>> row = next(r for r in rows("production") if r["id"] == "kim-10-built-1940-1941")
>>> row["figure"], row["figure_low"], row["figure_high"], row["figure_approximate"]
('≈450', 450, 450, True)
>>> row["period"], row["period_start"], row["period_end"], row["period_start_year"]
('1940/1941-06', '1940', '1941-06', 1940)

How a field becomes columns
---------------------------

- text, numbers, flags and enums: one column with the plain value (``None`` when unset);
- a date ``D``: ``D``, its ISO text, ``"1946-12-04"``, as precise as the source, and
  ``D_year``, its year;
- a period ``P``: ``P`` as text (``"1946/1956"``), ``P_start`` and ``P_end`` as ISO dates
  (``None`` for an open end), and ``P_start_year`` and ``P_end_year``, their years;
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

Keys
----

A collection's primary key is ``id``; a nested table's is its leading key columns. Its first
key column refers to the record it belongs to, and the columns that hold one collection's ids
refer to it: every citation's ``source`` to ``sources``, ``variants.model`` and
``models.lineage.target`` to ``models``, ``production.plant`` to ``plants``,
``production.alternative_to`` and ``disputes.claims.record`` to ``production``. A ``subject``
may name a model, a variant or a plant (or an engine), so it refers to no one table.
"""

from __future__ import annotations

import csv
import enum
import errno
import functools
import io
import json
import os
import re
import sqlite3
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

import attrs

from ._files import replace_directory, replace_file
from ._output import type_name
from ._version import __version__
from .catalog import COLLECTIONS, Catalog
from .dates import PartialDate, Period
from .figures import Figure
from .ingestion import load
from .records import Citation, Claim, Link, ProductionRecord, Variant

__all__ = [
    "PACKAGE_NAME",
    "SEPARATOR",
    "TABLES",
    "Column",
    "columns",
    "datapackage",
    "rows",
    "sql_name",
    "to_csv",
    "write_datapackage",
    "write_sqlite",
]

#: What joins the items of a list of names or ids in one cell.
SEPARATOR = "; "

#: The name of the Frictionless Data Package and of the SQLite database's ``about`` entry.
PACKAGE_NAME = "moskvitch"


def _inner(kind: Any) -> tuple[Any, bool]:
    """``(X, True)`` for ``X | None``, else ``(kind, False)``."""
    if typing.get_origin(kind) in (types.UnionType, typing.Union):
        args = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        if len(args) == 1:
            return args[0], True
    return kind, False


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

# -- the columns: one description, from which rows, CSV, the schemas and SQL all come ---------

#: The references between records that name one collection, as (record type, field): the
#: collection whose ``id`` the field holds. Subjects (``subject``, ``subjects``) may name a
#: model, a variant or a plant (or an engine), so no one table holds them.
_REFERENCES: dict[tuple[type, str], str] = {
    (Citation, "source"): "sources",
    (Variant, "model"): "models",
    (Link, "target"): "models",
    (ProductionRecord, "plant"): "plants",
    (ProductionRecord, "alternative_to"): "production",
    (Claim, "record"): "production",
}

ColumnType = Literal["string", "integer", "number", "boolean"]


@attrs.frozen
class Column:
    """One column of a flat table, as the CSV, the data package and the database give it.

    :param name: the column's name.
    :param type: ``"string"``, ``"integer"``, ``"number"`` or ``"boolean"``.
    :param description: what the column holds, from the record field's documentation.
    :param required: whether every row has a value (else an empty cell, ``None``, ``NULL``).
    :param notation: for text in a notation, ``"date"``, ``"period"`` or ``"figure"``.
    :param enum: the allowed values, for a field with a fixed set of them.
    :param minimum: the least value of a number.
    :param maximum: the greatest value of a number.
    :param references: the table whose ``id`` the column holds, when it holds one table's ids.
    """

    name: str
    type: ColumnType
    description: str
    required: bool = False
    notation: Literal["date", "period", "figure"] | None = None
    enum: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    references: str | None = None


_Getter = Callable[[Any], Any]

_PARAM = re.compile(r"^\s*:param (\w+):(.*)$")
_FIELD_LIST = re.compile(r"^\s*:(param|returns?|raises|type|rtype)\b")


@functools.cache
def _field_docs(cls: type) -> dict[str, str]:
    """The ``:param name:`` texts of a record class's docstring, on one line each."""
    docs: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in (cls.__doc__ or "").splitlines():
        match = _PARAM.match(line)
        if match:
            current = docs.setdefault(match[1], [match[2]])
        elif current is not None and line.strip() and not _FIELD_LIST.match(line):
            current.append(line)
        else:
            current = None
    return {name: " ".join(" ".join(parts).split()) for name, parts in docs.items()}


_DOC_ROLE = re.compile(r":doc:`/?([^`]+)`")
_ROLE = re.compile(r":(\w+):`(~?)(?:moskvitch\.)?([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")


def _plain(text: str) -> str:
    """Documentation text without its reStructuredText markup, for readers of the data."""
    text = _DOC_ROLE.sub(r"the documentation's \1 page", text)

    def role(match: re.Match[str]) -> str:
        kind, short, target = match.groups()
        name = target.rsplit(".", 1)[-1] if short else target
        return f"{name}()" if kind in ("meth", "func") else name

    return _LITERAL.sub(r"\1", _ROLE.sub(role, text))


def _figure_type() -> ColumnType:
    """``"integer"`` while figures count in whole numbers, else ``"number"``."""
    return "integer" if attrs.fields(Figure).low.type in (int, "int") else "number"


def _start(period: Period) -> str | None:
    return None if period.start is None else str(period.start)


def _end(period: Period) -> str | None:
    return None if period.end is None else str(period.end)


def _joined(value: tuple[str, ...]) -> str:
    return SEPARATOR.join(value)


def _sources(value: tuple[Citation, ...]) -> str:
    return SEPARATOR.join(dict.fromkeys(c.source for c in value))


def _field_columns(
    cls: type, field: attrs.Attribute[Any], table: str
) -> list[tuple[Column, _Getter]]:
    """The columns one field becomes, each with how its cell comes from the field's value."""
    name = field.name
    kind, optional = _inner(field.type)
    spoken = name.replace("_", " ")
    doc = _plain(_field_docs(cls).get(name, "")).rstrip(".") or spoken
    required = not optional  # a field with a default always has a value
    references = _REFERENCES.get((cls, name))
    if kind is Period:
        year: dict[str, Any] = {"type": "integer", "minimum": 1, "maximum": 9999}
        return [
            (
                Column(
                    name,
                    "string",
                    f"{doc} (START/END, ISO dates as precise as the source, '..' for an open end)",
                    required,
                    "period",
                ),
                str,
            ),
            (
                Column(
                    f"{name}_start",
                    "string",
                    f"the start of the {spoken}; empty when open",
                    False,
                    "date",
                ),
                _start,
            ),
            (
                Column(
                    f"{name}_end",
                    "string",
                    f"the end of the {spoken}; empty when open",
                    False,
                    "date",
                ),
                _end,
            ),
            (
                Column(f"{name}_start_year", description=f"the year of {name}_start", **year),
                lambda p: None if p.start is None else p.start.year,
            ),
            (
                Column(f"{name}_end_year", description=f"the year of {name}_end", **year),
                lambda p: None if p.end is None else p.end.year,
            ),
        ]
    if kind is PartialDate:
        return [
            (
                Column(
                    name,
                    "string",
                    f"{doc} (an ISO date as precise as the source)",
                    required,
                    "date",
                ),
                str,
            ),
            (
                Column(
                    f"{name}_year",
                    "integer",
                    f"the year of {name}",
                    required,
                    minimum=1,
                    maximum=9999,
                ),
                lambda d: d.year,
            ),
        ]
    if kind is Figure:
        count = _figure_type()
        return [
            (
                Column(
                    name,
                    "string",
                    f"{doc} (as written: 1,501 exactly, ≈450 about, ≥900,000"
                    " at least, ≤1,000 at most, 216,000–248,000 a range)",
                    required,
                    "figure",
                ),
                str,
            ),
            (
                Column(f"{name}_low", count, f"the least the {spoken} may be", required, minimum=0),
                lambda f: f.to_data()["low"],  # a bound with a fraction is a float
            ),
            (
                Column(
                    f"{name}_high",
                    count,
                    f"the most the {spoken} may be; empty when unbounded",
                    minimum=0,
                ),
                lambda f: f.to_data()["high"],
            ),
            (
                Column(
                    f"{name}_approximate",
                    "boolean",
                    f"whether the {spoken} is given as 'about' (≈, ≳, ≲)",
                    required,
                ),
                lambda f: f.approximate,
            ),
        ]
    item = _item_type(kind)
    if item is Citation:
        description = (
            f"the ids of the cited sources, joined by {SEPARATOR!r}; the quotes are in the"
            f" table {table}.citations"
        )
        return [(Column(name, "string", description), _sources)]
    if item is not None and attrs.has(item):
        return []
    if item is not None:
        return [(Column(name, "string", f"{doc}; the items joined by {SEPARATOR!r}"), _joined)]
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        values = tuple(str(member.value) for member in kind)
        return [(Column(name, "string", doc, required, enum=values), lambda e: e.value)]
    types_: dict[Any, ColumnType] = {
        str: "string",
        int: "integer",
        bool: "boolean",
        float: "number",
    }
    if kind not in types_:  # pragma: no cover - a new field type
        raise TypeError(f"no column for {kind!r}")
    return [(Column(name, types_[kind], doc, required, references=references), _same)]


def _same(value: Any) -> Any:
    return value


def _key_columns(table: str) -> list[Column]:
    _, keys = _TABLES[table]
    collection, *path = table.split(".")
    found = [
        Column(
            keys[0],
            "string",
            f"the id of the {keys[0].replace('_', ' ')} the row belongs to",
            True,
            references=collection,
        )
    ]
    for field, key in zip(path, keys[1:], strict=True):
        position = "the row's position" if key == "index" else f"the position in {field}"
        found.append(Column(key, "integer", f"{position} (from 0)", True, minimum=0))
    return found


@functools.cache
def _layout(table: str) -> tuple[tuple[Column, ...], tuple[tuple[str, Column, _Getter], ...]]:
    """A table's key columns, and each field's columns with the field and the getter."""
    cls, _ = _TABLES[table]
    keys = tuple(_key_columns(table)) if "." in table else ()
    cells = tuple(
        (field.name, column, getter)
        for field in attrs.fields(attrs.resolve_types(cls))
        for column, getter in _field_columns(cls, field, table)
    )
    return keys, cells


def _table(table: str) -> tuple[type, tuple[str, ...]]:
    if not isinstance(table, str):
        raise TypeError(f"a table name is a string, not {type(table).__name__}: {table!r}")
    try:
        return _TABLES[table]
    except KeyError:
        raise ValueError(
            f"no table {table!r}; expected one of {', '.join(repr(t) for t in TABLES)}"
        ) from None


def columns(table: str, *, described: bool = False) -> list[Any]:
    """The columns of a table, in order: the keys of each of its rows.

    :param table: a name in :data:`TABLES`.
    :param described: give each column as a :class:`Column` (its type, description, keys)
        rather than its name.
    :returns: the column names, or the :class:`Column` descriptions.
    :raises ValueError: when there is no such table.

    >>> columns("models.lineage")
    ['model', 'index', 'target', 'relation', 'inference', 'citations']
    >>> columns("models.lineage", described=True)[2].references
    'models'
    """
    _table(table)
    keys, cells = _layout(table)
    found = [*keys, *(column for _, column, _ in cells)]
    return found if described else [column.name for column in found]


def _cells(table: str, record: Any) -> dict[str, Any]:
    """One record's fields as flat cells."""
    cells: dict[str, Any] = {}
    for field, column, getter in _layout(table)[1]:
        value = getattr(record, field)
        cells[column.name] = None if value is None else getter(value)
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
    return [{**keys, **_cells(table, record)} for keys, record in records]


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


def _parent(table: str) -> str:
    return table.rsplit(".", 1)[0]


def _primary_key(table: str) -> list[str]:
    return [c.name for c in _layout(table)[0]] if "." in table else ["id"]


def _foreign_keys(table: str) -> list[tuple[list[str], str, list[str]]]:
    """Each foreign key of a table: its columns, the table they point at and its columns."""
    keys, cells = _layout(table)
    found: list[tuple[list[str], str, list[str]]] = []
    if keys:
        parent = _parent(table)
        found.append(([c.name for c in keys[:-1]], parent, _primary_key(parent)))
    for _, column, _ in cells:
        if column.references is not None:
            found.append(([column.name], column.references, ["id"]))
    return found


# -- the Frictionless Data Package ------------------------------------------------------------

_LICENCE = {"name": "MIT", "path": "https://opensource.org/licenses/MIT", "title": "MIT License"}

_DESCRIPTION = (
    "Typed, cited data about the Soviet and Russian Moskvitch (Moskvich) car brand, from the"
    " 1930 plant founding to the 2022 revival: models, variants, engines, plants, events,"
    " production figures, disputes between sources and other facts. Every record cites its"
    " sources (the table sources, with the quotes in the *.citations tables). Figures are as"
    " precise as their source: the text as written, with the least (low) and the most (high)"
    " the count may be. Rows are the records as the sources state them: competing claims and"
    " breakdowns sit beside the figures they compete with or break down, so a column sum"
    " counts some vehicles more than once; the moskvitch library's production helpers add"
    " them up without double counting."
)


def _field_descriptor(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
    }
    if column.type == "boolean":
        field |= {"trueValues": ["True"], "falseValues": ["False"]}
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if column.maximum is not None:
        constraints["maximum"] = column.maximum
    if constraints:
        field["constraints"] = constraints
    return field


def _table_schema(table: str) -> dict[str, Any]:
    return {
        "fields": [_field_descriptor(c) for c in columns(table, described=True)],
        "missingValues": [""],
        "primaryKey": _primary_key(table),
        "foreignKeys": [
            {
                "fields": fields,
                "reference": {"resource": "" if target == table else target, "fields": keys},
            }
            for fields, target, keys in _foreign_keys(table)
        ],
    }


def datapackage(*, catalog: Catalog | None = None) -> dict[str, Any]:
    """The descriptor (``datapackage.json``) of the Frictionless Data Package that
    :func:`write_datapackage` writes: the package's metadata and one resource per table.

    Each resource is the CSV of :func:`to_csv`, named after its table
    (``models.lineage.csv``), with a Table Schema derived from the same :class:`Column`
    descriptions as the rows: field types, descriptions, primary and foreign keys.

    :param catalog: the catalog; the shipped one by default. Its sources are the package's.
    :returns: the descriptor, plain data ready for :func:`json.dumps`.

    >>> package = datapackage()
    >>> package["name"], package["resources"][0]["path"]
    ('moskvitch', 'sources.csv')
    >>> production = next(r for r in package["resources"] if r["name"] == "production")
    >>> production["schema"]["primaryKey"], production["schema"]["foreignKeys"][0]
    (['id'], {'fields': ['plant'], 'reference': {'resource': 'plants', 'fields': ['id']}})
    """
    catalog = load() if catalog is None else catalog
    sources = [{"title": s.title, **({"path": s.url} if s.url else {})} for s in catalog.sources]
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": "Moskvitch (Moskvich) cars: cited data",
        "description": _DESCRIPTION,
        "version": __version__,
        "licenses": [_LICENCE],
        "sources": sources,
        "resources": [
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "lineTerminator": "\n"},
                "schema": _table_schema(table),
            }
            for table in TABLES
        ],
    }


def _write_csvs_and_descriptor(directory: Path, catalog: Catalog) -> None:
    descriptor = datapackage(catalog=catalog)
    files = {f"{table}.csv": to_csv(table, catalog=catalog) for table in TABLES}
    files["datapackage.json"] = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    for name, text in files.items():
        with open(directory / name, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())


def _is_package(entries: list[str]) -> bool:
    """Whether a directory's entries are those of a data package this module wrote."""
    return not entries or (
        "datapackage.json" in entries
        and all(e == "datapackage.json" or e.endswith(".csv") for e in entries)
    )


def write_datapackage(directory: str | os.PathLike[str], *, catalog: Catalog | None = None) -> None:
    """Write the catalog as a Frictionless Data Package: ``datapackage.json`` (see
    :func:`datapackage`) and one CSV per table (see :func:`to_csv`).

    The package is written in a temporary directory beside ``directory``, then renamed into
    place, so a reader sees the old package or the new one, never a part. An existing package
    (a directory holding ``datapackage.json`` and CSV files, or nothing) is replaced whole;
    any other directory, a file, or a read-only package is refused and left as it was.

    :param directory: the package's directory.
    :param catalog: the catalog; the shipped one by default.
    :raises FileExistsError: when ``directory`` is a file, or a directory that is not a data
        package (it would be deleted).
    :raises PermissionError: when the package, or one of its files, is read-only.
    :raises OSError: when the directory cannot be written (the old one is then left intact).
    """
    chosen = load() if catalog is None else catalog
    replace_directory(
        directory,
        lambda temporary: _write_csvs_and_descriptor(temporary, chosen),
        replaceable=_is_package,
        kind="a data package",
    )


# -- the SQLite database ----------------------------------------------------------------------

_SQL_TYPES: dict[ColumnType, str] = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
}


def sql_name(table: str) -> str:
    """The name of a table in the SQLite database: the table's, dots made underscores.

    :param table: a name in :data:`TABLES`.
    :returns: the SQL name, e.g. ``"disputes_claims_citations"``.
    :raises ValueError: when there is no such table.

    >>> sql_name("models.lineage")
    'models_lineage'
    """
    _table(table)
    return table.replace(".", "_")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _names(names: list[str]) -> str:
    return ", ".join(_quoted(n) for n in names)


def _create_table(table: str) -> str:
    lines = []
    for column in columns(table, described=True):
        line = f"{_quoted(column.name)} {_SQL_TYPES[column.type]}"
        if column.required:
            line += " NOT NULL"
        if column.type == "boolean":
            line += f" CHECK ({_quoted(column.name)} IN (0, 1))"
        if column.enum:
            allowed = ", ".join("'" + value.replace("'", "''") + "'" for value in column.enum)
            line += f" CHECK ({_quoted(column.name)} IN ({allowed}))"
        lines.append((line, " ".join(column.description.split())))
    constraints = [f"PRIMARY KEY ({_names(_primary_key(table))})"]
    for fields, target, keys in _foreign_keys(table):
        constraints.append(
            f"FOREIGN KEY ({_names(fields)}) REFERENCES {_quoted(sql_name(target))}"
            f" ({_names(keys)})"
        )
    body = [f"  {line},  -- {comment}" for line, comment in lines]
    body += [f"  {c}," for c in constraints]
    body[-1] = body[-1].rstrip(",")
    return f"CREATE TABLE {_quoted(sql_name(table))} (\n" + "\n".join(body) + "\n)"


def _indexes(table: str) -> Iterator[str]:
    """An index on each column of ids that the primary key does not lead with."""
    primary = _primary_key(table)
    indexed = [fields for fields, _, _ in _foreign_keys(table)]
    indexed += [[c] for c in columns(table) if c == "subject"]
    for fields in indexed:
        if primary[: len(fields)] != fields:
            name = f"{sql_name(table)}_by_{'_'.join(fields)}"
            yield f"CREATE INDEX {_quoted(name)} ON {_quoted(sql_name(table))} ({_names(fields)})"


_VIEWS = {
    "subjects": """
        SELECT id, 'model' AS type, name, id AS model FROM models
        UNION ALL SELECT id, 'variant', name, model FROM variants
        UNION ALL SELECT id, 'plant', name, NULL FROM plants
        UNION ALL SELECT id, 'engine', designation, NULL FROM engines""",
    "production_named": """
        SELECT p.id, p.subject, s.type AS subject_type, s.name AS subject_name,
            s.model, m.name AS model_name, p.plant,
            (SELECT n.name FROM plants_name_history AS n
                WHERE n.plant = p.plant AND n.period_start_year <= p.period_start_year
                    AND (n.period_end_year IS NULL OR n.period_end_year >= p.period_start_year)
                ORDER BY n.period_start DESC LIMIT 1) AS plant_name,
            pl.name AS plant_current_name,
            p.period, p.period_start, p.period_end, p.period_start_year, p.period_end_year,
            p.figure, p.figure_low, p.figure_high, p.figure_approximate,
            p.measure, p.unit, p.alternative_to IS NULL AS preferred, p.alternative_to,
            p.note, p.citations
        FROM production AS p
        LEFT JOIN subjects AS s ON s.id = p.subject
        LEFT JOIN models AS m ON m.id = s.model
        LEFT JOIN plants AS pl ON pl.id = p.plant""",
    "lineage_named": """
        SELECT l.model, m.name AS model_name, l.relation, l.target, t.name AS target_name,
            l.inference, l.citations
        FROM models_lineage AS l
        JOIN models AS m ON m.id = l.model
        JOIN models AS t ON t.id = l.target""",
}
"""Views for the common questions: every subject with its type and name (and, for a variant,
its model), production figures with the names of their subject, model and plant (the name the
plant carried in the year the figure's period starts, ``NULL`` when none is recorded, and its
current name), and the lineage with both models' names."""


def _citations_view() -> str:
    """Every citation of every table, with the cited record's table and id and the source."""
    parts = []
    for table in TABLES:
        if table.endswith(".citations"):
            record = columns(table)[0]
            parts.append(
                f"SELECT '{_parent(table)}' AS \"table\", {_quoted(record)} AS record,"
                f" source, quote, locator FROM {_quoted(sql_name(table))}"
            )
    return (
        'SELECT c."table", c.record, c.source, s.title AS source_title, c.quote, c.locator'
        " FROM (" + " UNION ALL ".join(parts) + ") AS c JOIN sources AS s ON s.id = c.source"
    )


def _sql_cell(column: Column, value: Any) -> Any:
    if column.type == "number" and value is not None and not isinstance(value, int | float):
        return float(value)
    return value


def _fill(connection: sqlite3.Connection, catalog: Catalog) -> None:
    connection.execute("CREATE TABLE about (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    connection.executemany(
        "INSERT INTO about VALUES (?, ?)",
        [
            ("name", PACKAGE_NAME),
            ("version", __version__),
            ("licence", _LICENCE["name"]),
            ("description", _DESCRIPTION),
        ],
    )
    for table in TABLES:
        connection.execute(_create_table(table))
        described = columns(table, described=True)
        marks = ", ".join("?" for _ in described)
        connection.executemany(
            f"INSERT INTO {_quoted(sql_name(table))} VALUES ({marks})",
            (
                [_sql_cell(c, row[c.name]) for c in described]
                for row in rows(table, catalog=catalog)
            ),
        )
        for index in _indexes(table):
            connection.execute(index)
    for name, query in {**_VIEWS, "citations": _citations_view()}.items():
        connection.execute(f"CREATE VIEW {_quoted(name)} AS {' '.join(query.split())}")


def _check(connection: sqlite3.Connection) -> None:
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    integrity = connection.execute("PRAGMA integrity_check").fetchall()
    if broken or integrity != [("ok",)]:  # pragma: no cover - a catalog is checked at load
        raise ValueError(f"the database fails its checks: {broken or integrity}")


def _write_database(path: Path, catalog: Catalog) -> None:
    with open(path, "xb"):  # an OSError, not sqlite3's, for a missing or closed directory
        pass
    try:
        connection = sqlite3.connect(path)
        try:
            with connection:
                _fill(connection, catalog)
            _check(connection)
        finally:
            connection.close()
    except sqlite3.OperationalError as error:  # e.g. a full disk
        raise OSError(errno.EIO, str(error)) from error


def write_sqlite(path: str | os.PathLike[str], *, catalog: Catalog | None = None) -> None:
    """Write the catalog as an SQLite database, with the standard library's :mod:`sqlite3`.

    Each table of :data:`TABLES` is an SQL table named by :func:`sql_name`, with the columns
    of :func:`columns` (text, integers and reals; flags are 0 or 1), its primary key, foreign
    keys and an index on each column of ids. Figures have their numeric ``_low`` and ``_high``
    columns beside the text, so SQL can add them. The views ``subjects``,
    ``production_named``, ``lineage_named`` and ``citations`` answer the common questions; the
    table ``about`` holds the name, version, licence and description.

    The database is built in a temporary file beside ``path``, checked (``PRAGMA
    foreign_key_check`` and ``integrity_check``), then renamed over it: a reader sees the old
    file or the new one. A read-only file is refused and left as it was.

    :param path: the database file.
    :param catalog: the catalog; the shipped one by default.
    :raises PermissionError: when ``path`` is read-only.
    :raises OSError: when the file cannot be written (the old one is then left intact).
    """
    chosen = load() if catalog is None else catalog
    replace_file(path, lambda temporary: _write_database(temporary, chosen))
