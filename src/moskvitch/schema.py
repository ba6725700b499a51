"""JSON Schemas (draft 2020-12) of the JSON export, the TOML data files and the ``--json``
outputs, generated from the record classes.

Each schema is built by walking ``attrs.fields`` of the records: text, integers, flags and
enums map to their JSON types, dates and periods to patterns of their ISO notation, lists to
arrays, records to objects that allow no unknown key. Three forms differ only where the formats
do:

- the **JSON export** (:func:`export_schema`) leaves out fields at their defaults, writes a
  figure as an object ``{text, low, high, approximate}`` and a citation without quote or locator
  as its bare source id;
- a **TOML data file** (:func:`toml_schema`) has the same fields; TOML has no null, and a
  figure is written in its notation (``"~600"``, ``1501``);
- a **--json output** (:func:`output_schema`) has every field, ``null`` when unset, and each
  record its ``type``.

>>> from moskvitch.schema import export_schema
>>> schema = export_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> schema["$defs"]["figure"]["required"]
['text', 'low', 'high', 'approximate']
"""

from __future__ import annotations

import enum
import types
import typing
from typing import Any, Literal

import attrs

from ._output import type_name
from .catalog import COLLECTIONS
from .dates import PartialDate, Period
from .figures import Figure
from .lineage import Edge
from .records import Citation, Measure
from .tables import Column, columns
from .validation import MAX_NUMBER

__all__ = [
    "COMMANDS",
    "DATE_PATTERN",
    "DRAFT",
    "FIGURE_PATTERN",
    "PERIOD_PATTERN",
    "export_schema",
    "output_schema",
    "table_schema",
    "toml_schema",
]

#: The JSON Schema dialect of every schema here.
DRAFT = "https://json-schema.org/draft/2020-12/schema"

#: The commands whose ``--json`` output :func:`output_schema` describes.
COMMANDS = (
    "stats",
    "show",
    "lineage",
    "totals",
    "timeline",
    "search",
    "conflicts",
    "validate",
)

_Form = Literal["export", "toml", "output"]

_DATE = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
# At most fifteen digits before the point: no number in data exceeds MAX_NUMBER.
_NUMBER = r"([0-9]{1,3}(,[0-9]{3}){1,4}|[0-9]{1,15})(\.[0-9]+)?"
#: ISO partial dates: ``1946``, ``1967-05``, ``1946-12-04``.
DATE_PATTERN = f"^{_DATE}$"
#: Periods: ``START/END`` with ``..`` for an open end, or a single date.
PERIOD_PATTERN = rf"^({_DATE}|({_DATE}|\.\.)/({_DATE}|\.\.))$"
#: The notation of figures in the data files (see :meth:`moskvitch.Figure.parse`).
FIGURE_PATTERN = (
    rf"^\s*=?\s*[~≈]?\s*(>=|<=|≥|≤|≳|≲)?\s*{_NUMBER}(\s*[-–]\s*{_NUMBER})?"
    r"(\s+(thousand|million|billion))?\s*$"
)

_FIGURE_DESCRIPTION = (
    "A value as precise as its source. low and high are the least and the most the value may"
    " be (high is null when there is no upper bound: '≥900,000' is low 900000, high null;"
    " '≤1,000' is low 0, high 1000; an exact '1,501' has low = high; a round number stands for"
    " the values that round to it: '2.4 thousand' and '2,400' are low 2350, high 2450, '1.7'"
    " low 1.65, high 1.75); approximate is true for a value given as 'about' (≈, ≳, ≲); text"
    " is the same figure in the notation of the data files, as the source writes it."
)


def _inner(kind: Any) -> tuple[Any, bool]:
    """``(X, True)`` for ``X | None``, else ``(kind, False)``."""
    if typing.get_origin(kind) in (types.UnionType, typing.Union):
        args = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        if len(args) == 1:
            return args[0], True
    return kind, False


class _Builder:
    """Builds the ``$defs`` of one form, one definition per record type met."""

    def __init__(self, form: _Form) -> None:
        self.form = form
        self.defs: dict[str, Any] = {}
        self.typed = set(COLLECTIONS.values()) if form == "output" else set()

    def ref(self, cls: type) -> dict[str, Any]:
        name = type_name(cls)
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name: records may nest
            self.defs[name] = self.record(cls)
        return {"$ref": f"#/$defs/{name}"}

    def figure(self) -> dict[str, Any]:
        self._define_figure()
        if self.form != "output":
            # What the loader reads, in a data file and in an export alike (an export writes
            # the object).
            return {
                "anyOf": [
                    {"type": "integer", "minimum": 0, "maximum": MAX_NUMBER},
                    {"type": "string", "pattern": FIGURE_PATTERN},
                    {"$ref": "#/$defs/figure"},
                ],
                "description": (
                    "e.g. 1501, '~600', '>=15300', '<=1000', '216000-248000', '2.4 thousand',"
                    " '=1000000'"
                ),
            }
        return {"$ref": "#/$defs/figure"}

    def _define_figure(self) -> None:
        self.defs.setdefault(
            "figure",
            {
                "type": "object",
                "description": _FIGURE_DESCRIPTION,
                "properties": {
                    "text": {"type": "string", "pattern": FIGURE_PATTERN},
                    "low": {"type": "number", "minimum": 0, "maximum": MAX_NUMBER},
                    "high": {"type": ["number", "null"], "minimum": 0, "maximum": MAX_NUMBER},
                    "approximate": {"type": "boolean"},
                },
                "required": (
                    ["low", "high", "approximate"]
                    if self.form == "toml"
                    else ["text", "low", "high", "approximate"]
                ),
                "additionalProperties": False,
            },
        )

    def value(self, kind: Any) -> dict[str, Any]:
        kind, optional = _inner(kind)
        schema = self._value(kind)
        if optional and self.form != "toml":
            return {"anyOf": [schema, {"type": "null"}]}
        return schema

    def _value(self, kind: Any) -> dict[str, Any]:
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return {"type": "string", "enum": [member.value for member in kind]}
        if kind is str:
            return {"type": "string"}
        if kind is bool:
            return {"type": "boolean"}
        if kind is int:
            return {"type": "integer", "minimum": -MAX_NUMBER, "maximum": MAX_NUMBER}
        if kind is float:
            return {"type": "number"}
        if kind is PartialDate:
            return {"type": "string", "pattern": DATE_PATTERN}
        if kind is Period:
            return {"type": "string", "pattern": PERIOD_PATTERN}
        if kind is Figure:
            return self.figure()
        if typing.get_origin(kind) is tuple:
            return {"type": "array", "items": self.value(typing.get_args(kind)[0])}
        if kind is Citation and self.form != "output":
            return {"anyOf": [{"type": "string", "description": "a source id"}, self.ref(kind)]}
        if attrs.has(kind):
            return self.ref(kind)
        raise TypeError(f"no JSON Schema for {kind!r}")  # pragma: no cover - a new field type

    def record(self, cls: type) -> dict[str, Any]:
        fields = [f for f in attrs.fields(attrs.resolve_types(cls)) if f.init]
        properties: dict[str, Any] = {}
        if cls in self.typed:
            properties["type"] = {"const": type_name(cls)}
        for field in fields:
            properties[field.name] = self.value(field.type)
            if field.default is not attrs.NOTHING and self.form != "output":
                default = field.default
                if isinstance(default, enum.Enum):
                    default = default.value
                properties[field.name]["default"] = list(default) if default == () else default
        if self.form == "output":
            required = list(properties)
        else:
            required = [f.name for f in fields if f.default is attrs.NOTHING]
        doc = (cls.__doc__ or "").strip().split("\n\n")[0]
        return {
            "type": "object",
            "description": " ".join(doc.split()),
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }

    def document(self, title: str, body: dict[str, Any]) -> dict[str, Any]:
        return {"$schema": DRAFT, "title": title, **body, "$defs": dict(sorted(self.defs.items()))}


def export_schema() -> dict[str, Any]:
    """The schema of the JSON export: ``moskvitch export``,
    :func:`~moskvitch.serialization.to_json` and the shipped ``catalog.json``.

    :returns: the schema, as plain data ready for :func:`json.dumps`.
    """
    builder = _Builder("export")
    properties = {
        name: {"type": "array", "items": builder.ref(cls)} for name, cls in COLLECTIONS.items()
    }
    return builder.document(
        "moskvitch JSON export",
        {"type": "object", "properties": properties, "additionalProperties": False},
    )


def toml_schema(collection: str) -> dict[str, Any]:
    """The schema of one TOML data file, such as ``models.toml`` with its ``[[models]]`` array.

    :param collection: the collection, e.g. ``"models"``.
    :returns: the schema.
    :raises ValueError: for an unknown collection, naming the known ones.

    >>> toml_schema("models")["required"]
    ['models']
    """
    collections = COLLECTIONS
    if collection not in collections:
        known = ", ".join(repr(name) for name in collections)
        raise ValueError(f"no collection {collection!r}; expected one of {known}")
    builder = _Builder("toml")
    item = builder.ref(collections[collection])
    return builder.document(
        f"moskvitch data file {collection}.toml",
        {
            "type": "object",
            "properties": {collection: {"type": "array", "items": item}},
            "required": [collection],
            "additionalProperties": False,
        },
    )


def _with(builder: _Builder, cls: type, extra: dict[str, Any]) -> dict[str, Any]:
    """A record's output object with more properties, all required."""
    builder.ref(cls)
    base: dict[str, Any] = builder.defs[type_name(cls)]
    return base | {
        "properties": base["properties"] | extra,
        "required": [*base["required"], *extra],
    }


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


_IDS = {"type": "array", "items": {"type": "string"}}


def output_schema(command: str) -> dict[str, Any]:
    """The schema of one command's ``--json`` output.

    :param command: one of :data:`COMMANDS`.
    :returns: the schema.
    :raises ValueError: for a command without JSON output, naming those with one.
    """
    if command not in COMMANDS:
        raise ValueError(
            f"no JSON output for {command!r}; expected one of {', '.join(map(repr, COMMANDS))}"
        )
    builder = _Builder("output")
    types_ = COLLECTIONS
    body: dict[str, Any]
    if command == "stats":
        counts = {name: {"type": "integer", "minimum": 0} for name in [*types_, "conflicts"]}
        body = _object(counts)
    elif command == "show":
        extra = {
            "production_records": _array(builder.ref(types_["production"])),
            "facts": _array(builder.ref(types_["facts"])),
        }
        cited_by = _array(
            _object(
                {
                    "type": {"enum": [type_name(cls) for cls in types_.values()]},
                    "id": {"type": "string"},
                }
            )
        )
        body = {
            "oneOf": [
                *(_with(builder, types_[c], extra) for c in ("models", "variants", "plants")),
                _with(builder, types_["engines"], {"facts": extra["facts"]}),
                _with(builder, types_["sources"], {"cited_by": cited_by}),
                *(builder.ref(types_[c]) for c in ("events", "facts", "production", "disputes")),
            ]
        }
    elif command == "lineage":
        body = _object(
            {
                "model": {"type": "string"},
                "ancestors": _IDS,
                "descendants": _IDS,
                "variants": _IDS,
                "edges": _array(builder.ref(Edge)),
            }
        )
    elif command == "totals":
        body = _totals(builder)
    elif command == "timeline":
        body = _array(builder.ref(types_["events"]))
    elif command == "search":
        hit = _object(
            {
                "type": {
                    "enum": [
                        type_name(types_[c]) for c in ("models", "variants", "plants", "events")
                    ]
                },
                "id": {"type": "string"},
                "name": {"type": "string"},
                "score": {"type": "number", "minimum": 0, "maximum": 1},
                "matched": {"type": "string"},
            }
        )
        body = _array(hit)
    elif command == "validate":
        counts = {name: {"type": "integer", "minimum": 0} for name in types_}
        text, number = {"type": "string"}, {"type": ["integer", "null"], "minimum": 0}
        problem = _object(
            {
                "file": text,
                "line": {"type": ["integer", "null"], "minimum": 1},
                "collection": text,
                "index": number,
                "record": text,
                "path": text,
                "message": text,
            }
        )
        body = _object(
            {
                "path": text,
                "valid": {"type": "boolean"},
                "counts": {"oneOf": [_object(counts), {"type": "null"}]},
                "problems": _array(problem),
            }
        )
    else:  # conflicts
        body = _array(
            _with(
                builder,
                types_["disputes"],
                {
                    "consistent": {"type": "boolean"},
                    "verdict": {
                        "enum": [
                            "contradictory",
                            "compatible as stated",
                            "compatible: different scopes",
                        ]
                    },
                },
            )
        )
    return builder.document(f"moskvitch {command} --json", body)


def _totals(builder: _Builder) -> dict[str, Any]:
    from .production import PartKind  # deferred: only this schema needs the production helpers

    builder.figure()
    figure = {"$ref": "#/$defs/figure"}
    part = _object(
        {
            "record": {"type": "string"},
            "kind": {"type": "string", "enum": [k.value for k in PartKind]},
            "figure": figure,
            "less": _IDS,
        }
    )
    builder.defs["total"] = _object(
        {
            "label": {"type": "string"},
            "figure": {"anyOf": [figure, {"type": "null"}]},
            "inside": {"anyOf": [figure, {"type": "null"}]},
            "records": _IDS,
            "partial": {"type": "boolean"},
            "parts": _array(part),
            "overlapping": _IDS,
            "unlike": _array(part),
        }
    )
    total = {"$ref": "#/$defs/total"}
    nullable_text = {"type": ["string", "null"]}
    return _object(
        {
            "measure": builder.value(Measure),
            "by": {"enum": ["era", "year", "plant", "model"]},
            "subject": nullable_text,
            "from": nullable_text,
            "to": nullable_text,
            "makes": _IDS,
            "rows": _array(total),
            "unallocated": total,
            "total": total,
            "other_makes": _array(total),
            "overruns": _IDS,
        }
    )


def table_schema(table: str) -> dict[str, Any]:
    """The schema of one row of a flat table: :func:`moskvitch.tables.rows`, and the CSV of
    ``moskvitch export --format csv`` once its cells are read as numbers and flags.

    Built from the table's :class:`~moskvitch.tables.Column` descriptions, as the data
    package's Table Schemas and the SQLite tables are.

    :param table: a name in :data:`moskvitch.tables.TABLES`, e.g. ``"production"``.
    :returns: the schema of a row.
    :raises ValueError: when there is no such table.

    >>> high = table_schema("production")["properties"]["figure_high"]
    >>> high["type"], high["minimum"], high["description"]
    (['number', 'null'], 0, 'the most the figure may be; empty when unbounded')
    """
    properties = {column.name: _column(column) for column in columns(table, described=True)}
    return {
        "$schema": DRAFT,
        "title": f"a row of the moskvitch table {table}",
        **_object(properties),
    }


_NOTATIONS = {"date": DATE_PATTERN, "period": PERIOD_PATTERN, "figure": FIGURE_PATTERN}


def _column(column: Column) -> dict[str, Any]:
    """The JSON Schema of one column's cells."""
    kind: Any = column.type if column.required else [column.type, "null"]
    schema: dict[str, Any] = {"type": kind, "description": column.description}
    if column.notation is not None:
        schema["pattern"] = _NOTATIONS[column.notation]
    if column.enum:
        schema["enum"] = [*column.enum] if column.required else [*column.enum, None]
    if column.minimum is not None:
        schema["minimum"] = column.minimum
    if column.maximum is not None:
        schema["maximum"] = column.maximum
    return schema
