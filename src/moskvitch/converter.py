"""The project-wide cattrs converter: plain data (TOML, JSON) to records and back.

One :data:`converter` owns every hook. It is strict where cattrs is lenient by default: a
string is never turned into a number or the reverse, a table never turns into a list, unknown
keys are errors. Dates and periods are written in their compact text notations (see
:doc:`/data-format`), figures as objects with their numbers and text
(:meth:`~moskvitch.Figure.to_data`; the TOML notation is read too), and a citation without quote
or locator is written as its bare source id.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable
from typing import Any

import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.v import format_exception

from .dates import PartialDate, Period
from .errors import InvalidDateError, InvalidFigureError, InvalidPeriodError
from .figures import Figure
from .records import Citation

__all__ = ["converter", "describe_error"]


class WrongTypeError(TypeError):
    """A value of the wrong JSON/TOML type: its message names what was expected and found."""


def _expect(value: object, kind: type | tuple[type, ...], what: str) -> None:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise WrongTypeError(f"expected {what}, found {type(value).__name__} {value!r}")


# The three primitive hooks run for most values of a catalog: exact type checks first.
def _structure_str(value: object, _: type) -> str:
    if type(value) is str:
        return value
    raise WrongTypeError(f"expected a string, found {type(value).__name__} {value!r}")


def _structure_int(value: object, _: type) -> int:
    if type(value) is int:
        return value
    raise WrongTypeError(f"expected an integer, found {type(value).__name__} {value!r}")


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is bool:
        return value
    raise WrongTypeError(f"expected true or false, found {type(value).__name__} {value!r}")


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    member = kind._value2member_map_.get(value) if type(value) is str else None
    if member is not None:
        return member
    _expect(value, str, "a string")
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in kind)
        raise WrongTypeError(
            f"unknown {kind.__name__} {value!r}; expected one of {allowed}"
        ) from None


def _structure_date(value: object, _: type) -> PartialDate:
    _expect(value, str, "a date as text such as '1946-12-04'")
    return PartialDate.parse(typing.cast(str, value))


def _structure_period(value: object, _: type) -> Period:
    _expect(value, str, "a period as text such as '1946/1956'")
    return Period.parse(typing.cast(str, value))


def _structure_figure(value: object, _: type) -> Figure:
    # The notation of the TOML files ('~600', 1501) or the object of Figure.to_data.
    return Figure.from_data(value)


def _is_tuple_of_many(kind: Any) -> bool:
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(
    kind: Any, conv: cattrs.Converter
) -> Callable[[object, Any], tuple[Any, ...]]:
    """Strict tuples: only lists (or tuples) are accepted, each item structured in turn."""
    item_type = typing.get_args(kind)[0]
    structure_item = conv.get_structure_hook(item_type)

    def fast(value: object, _: Any) -> tuple[Any, ...]:
        _expect(value, (list, tuple), "a list")
        items = typing.cast(list[object], value)
        if item_type is str and all(type(item) is str for item in items):
            return tuple(items)
        return tuple(structure_item(item, item_type) for item in items)

    def detailed(value: object, _: Any) -> tuple[Any, ...]:
        _expect(value, (list, tuple), "a list")
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(typing.cast(list[object], value)):
            try:
                items.append(structure_item(item, item_type))
            except Exception as error:
                note = IterableValidationNote(
                    f"Structuring {kind} @ index {index}", index, item_type
                )
                error.__notes__ = [*getattr(error, "__notes__", []), note]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
        return tuple(items)

    return detailed if conv.detailed_validation else fast


def _is_optional(kind: Any) -> bool:
    args = typing.get_args(kind)
    return (
        len(args) == 2
        and type(None) in args
        and typing.get_origin(kind)
        in (
            types.UnionType,
            typing.Union,
        )
    )


def _optional_hook_factory(kind: Any, conv: cattrs.Converter) -> Callable[[object, Any], Any]:
    """``X | None``: the hook of ``X`` is found once, not at every value."""
    inner = next(arg for arg in typing.get_args(kind) if arg is not type(None))
    structure_inner = conv.get_structure_hook(inner)
    return lambda value, _: None if value is None else structure_inner(value, inner)


def _citation_hook_factory(_: type, conv: cattrs.Converter) -> Callable[[object, type], Citation]:
    """A citation is a bare source id or a table ``{source, quote, locator}``."""
    table = make_dict_structure_fn(Citation, conv, _cattrs_forbid_extra_keys=True)

    def structure(value: object, _: type) -> Citation:
        if isinstance(value, str):
            return Citation(source=value)
        _expect(value, dict, "a source id or a table {source, quote, locator}")
        return table(typing.cast(dict[str, Any], value), Citation)

    return structure


def _unstructure_citation(citation: Citation) -> object:
    if citation.quote is None and citation.locator is None:
        return citation.source
    return _unstructure_citation_table(citation)


def _configure(conv: cattrs.Converter) -> cattrs.Converter:
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    # Class hooks dispatch along the MRO, where StrEnum precedes str: enums skip _structure_str.
    conv.register_structure_hook(enum.StrEnum, _structure_enum)
    conv.register_unstructure_hook(enum.StrEnum, lambda member: member.value)
    conv.register_structure_hook(PartialDate, _structure_date)
    conv.register_structure_hook(Period, _structure_period)
    conv.register_structure_hook(Figure, _structure_figure)
    for kind in (PartialDate, Period):
        conv.register_unstructure_hook(kind, str)
    conv.register_unstructure_hook(Figure, Figure.to_data)
    conv.register_structure_hook_factory(_is_tuple_of_many, _tuple_hook_factory)
    conv.register_structure_hook_factory(_is_optional, _optional_hook_factory)
    conv.register_structure_hook_factory(lambda t: t is Citation, _citation_hook_factory)
    conv.register_unstructure_hook(Citation, _unstructure_citation)
    return conv


converter = _configure(cattrs.Converter(forbid_extra_keys=True, omit_if_default=True))
"""The project's converter. ``converter.structure(data, Model)`` builds a record from plain
data, naming the path of every problem; ``converter.unstructure(record)`` turns a record back
into plain data."""

_unstructure_citation_table = make_dict_unstructure_fn(
    Citation, converter, _cattrs_omit_if_default=True
)

_OWN_ERRORS = (WrongTypeError, InvalidDateError, InvalidPeriodError, InvalidFigureError)


def _format_exception(error: BaseException, kind: type | None) -> str:
    if isinstance(error, _OWN_ERRORS):
        return str(error)
    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        names = ", ".join(repr(name) for name in sorted(error.extra_fields))
        return f"unknown field {names}"
    return format_exception(error, kind)


def describe_error(error: BaseException, path: str) -> list[tuple[str, str]]:
    """Turn a structuring error into ``(field path, message)`` pairs, one per problem.

    :param error: what :meth:`converter.structure <cattrs.Converter.structure>` raised.
    :param path: the path of the structured value, e.g. ``"models"``.
    :returns: pairs such as ``("models[3].production", "invalid period '1946/13'…")``.
    """
    pairs = []
    for line in cattrs.transform_error(error, path, _format_exception):
        message, _, where = line.rpartition(" @ ")
        pairs.append((where, message))
    return pairs
