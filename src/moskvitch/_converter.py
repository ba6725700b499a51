"""The project's one cattrs converter, and problems located from its structured errors.

:data:`converter` is strict where cattrs is lenient by default: a string never turns into a
number or the reverse, a table never turns into a list, unknown keys are errors. Dates and
periods are read in their text notations (see :doc:`/data-format`), figures in theirs or as the
objects of ``Figure.to_data``, and a citation may be a bare source id; the value readers are
shared with the snapshot (:mod:`moskvitch._readers`).

:func:`structure_collections` structures the collections of a document, first with
:data:`quick`, the same converter without cattrs' detailed validation, and, only when that
fails, again with :data:`converter`, to report every problem located by collection, record and
field from cattrs' notes, never from message text. Importing this module imports cattrs: only
files a user supplies need it, not the shipped snapshot.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.errors import ClassValidationError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.v import format_exception

from ._readers import members, read_citation, read_date, read_figure, read_period
from .catalog import COLLECTIONS
from .dates import PartialDate, Period
from .errors import InvalidDateError, InvalidFigureError, InvalidPeriodError, Problem
from .figures import Figure
from .records import Citation
from .validation import number_problem

__all__ = ["converter", "quick", "quick_hook", "structure_collections"]


# -- the converter ------------------------------------------------------------------------------


class WrongTypeError(TypeError):
    """A value of the wrong JSON/TOML type: its message names what was expected and found."""


def _found(value: object) -> str:
    return f"found {type(value).__name__} {value!r}"


def _strict(kind: type, what: str) -> Callable[[object, type], Any]:
    """A hook that takes values of exactly ``kind`` as they are and refuses anything else."""

    def structure(value: object, _: type) -> Any:
        if type(value) is kind:
            return value
        raise WrongTypeError(f"expected {what}, {_found(value)}")

    return structure


def _text_value(parse: Callable[[str], Any], example: str) -> Callable[[object, type], Any]:
    """A hook for a value written in its text notation (a date, a period)."""

    def structure(value: object, _: type) -> Any:
        if type(value) is not str:
            raise WrongTypeError(f"expected {example}, {_found(value)}")
        return parse(value)

    return structure


class UnknownMemberError(ValueError):
    """A text that names no member of an enumeration: its message lists the allowed ones."""


def _structure_enum(value: object, kind: type[enum.StrEnum]) -> enum.StrEnum:
    if type(value) is not str:
        raise WrongTypeError(f"expected a string, {_found(value)}")
    member = members(kind).get(value)
    if member is None:
        allowed = ", ".join(repr(member.value) for member in kind)
        message = f"unknown {kind.__name__} {value!r}; expected one of {allowed}"
        raise UnknownMemberError(message)
    return member


class OutOfRangeError(ValueError):
    """A number beyond :data:`~moskvitch.validation.MAX_NUMBER`."""


def _whole(value: object) -> object:
    """A float with no fraction (``4.0``, ``1e3``) as the integer it is, as JSON Schema reads
    it (its ``"integer"`` is any number with a zero fractional part); anything else as given."""
    if type(value) is float and value.is_integer():
        return int(value)
    return value


def _structure_int(value: object, _: type) -> int:
    value = _whole(value)
    if type(value) is not int:
        raise WrongTypeError(f"expected an integer, {_found(value)}")
    problem = number_problem(value)
    if problem is not None:
        raise OutOfRangeError(problem)
    return value


def _structure_figure(value: object, _: type) -> Figure:
    # The notation of the TOML files ('~600', 1501) or the object of Figure.to_data.
    if type(value) is dict:
        value = {key: _whole(item) for key, item in value.items()}
    figure = read_figure(_whole(value))
    problem = number_problem(figure)
    if problem is not None:
        raise OutOfRangeError(problem)
    return figure


def _is_tuple_of_many(kind: Any) -> bool:
    return is_sequence(kind) and typing.get_origin(kind) is tuple


def _strict_tuple_factory(kind: Any, conv: cattrs.Converter) -> Callable[[object, Any], Any]:
    """cattrs' own tuple hook, behind a check that the value is a list and not a table or text."""
    structure_items = homogenous_tuple_structure_factory(kind, conv)

    def structure(value: object, _: Any) -> Any:
        if type(value) is not list and type(value) is not tuple:
            raise WrongTypeError(f"expected a list, {_found(value)}")
        return structure_items(value, kind)

    return structure


def _citation_factory(_: type, conv: cattrs.Converter) -> Callable[[object, type], Citation]:
    """A citation is a bare source id or a table ``{source, quote, locator}``."""
    table = make_dict_structure_fn(Citation, conv, _cattrs_forbid_extra_keys=True)

    def structure(value: object, _: type) -> Citation:
        if type(value) is str:
            return read_citation(value)
        if type(value) is not dict:
            raise WrongTypeError(
                f"expected a source id or a table {{source, quote, locator}}, {_found(value)}"
            )
        return table(value, Citation)

    return structure


def _make_converter(*, detailed: bool) -> cattrs.Converter:
    """The project's converter; ``detailed=False`` gives the same hooks without cattrs'
    per-field error collection, which is faster but reports only the first error, unlocated."""
    conv = cattrs.Converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=detailed
    )
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    # Hooks by class follow the MRO, where StrEnum precedes str: enums need their own.
    conv.register_structure_hook(enum.StrEnum, _structure_enum)
    conv.register_unstructure_hook(enum.StrEnum, lambda member: member.value)
    conv.register_structure_hook(PartialDate, _text_value(read_date, "a date as text"))
    conv.register_structure_hook(Period, _text_value(read_period, "a period as text"))
    conv.register_structure_hook(Figure, _structure_figure)
    for value_type in (PartialDate, Period):
        conv.register_unstructure_hook(value_type, str)
    conv.register_unstructure_hook(Figure, Figure.to_data)
    conv.register_structure_hook_factory(_is_tuple_of_many, _strict_tuple_factory)
    conv.register_structure_hook_factory(lambda kind: kind is Citation, _citation_factory)
    citation_table = make_dict_unstructure_fn(Citation, conv, _cattrs_omit_if_default=True)
    conv.register_unstructure_hook(
        Citation,
        lambda c: c.source if c.quote is None and c.locator is None else citation_table(c),
    )
    return conv


converter = _make_converter(detailed=True)
"""The project's converter. ``converter.structure(data, Model)`` builds a record from plain
data, raising cattrs' detailed validation errors; ``converter.unstructure(record)`` turns a
record back into plain data. :func:`structure` turns those errors into located problems."""

quick = _make_converter(detailed=False)
"""The same converter without detailed validation: :func:`structure_collections` tries it
first and falls back to :data:`converter` to locate the problems when it fails."""


# -- locating problems ------------------------------------------------------------------------

_OWN_ERRORS = (
    WrongTypeError,
    OutOfRangeError,
    UnknownMemberError,
    InvalidDateError,
    InvalidPeriodError,
    InvalidFigureError,
)


def _message(error: BaseException, kind: Any) -> str:
    if isinstance(error, _OWN_ERRORS):
        return str(error)
    if isinstance(error, KeyError):
        return "required field missing"
    return format_exception(error, kind)


Step = str | int
"""One step of a path inside a document: a field name or a list index."""


def _leaves(
    error: BaseException, path: tuple[Step, ...], kind: Any
) -> Iterator[tuple[tuple[Step, ...], str]]:
    """Every problem under a structuring error, as (path, message), read from cattrs' notes."""
    if isinstance(error, ClassValidationError):
        with_notes, others = error.group_exceptions()
        for inner, note in with_notes:
            yield from _leaves(inner, (*path, note.name), note.type)
        for inner in others:
            if isinstance(inner, cattrs.ForbiddenExtraKeysError):
                for name in sorted(inner.extra_fields):
                    yield (*path, name), _unknown_field(name, inner.cl)
            else:
                yield from _leaves(inner, path, error.cl)
    elif isinstance(error, IterableValidationError):
        with_items, others = error.group_exceptions()
        for inner, item in with_items:
            yield from _leaves(inner, (*path, item.index), item.type)
        for inner in others:
            yield from _leaves(inner, path, kind)
    else:
        yield path, _message(error, kind)


def _unknown_field(name: str, kind: type) -> str:
    """The message for a key the record type has no field for, with the field meant."""
    import difflib

    fields = [field.name for field in attrs.fields(kind)] if attrs.has(kind) else []
    close = difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
    return f"unknown field {name!r}" + (f"; did you mean {close[0]!r}?" if close else "")


def _path_text(steps: tuple[Step, ...]) -> str:
    text = ""
    for step in steps:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def _record_id(items: object, index: int) -> str:
    record = items[index] if isinstance(items, list) and index < len(items) else None
    record_id = record.get("id") if isinstance(record, dict) else None
    return record_id if isinstance(record_id, str) else ""


def _structure_collection(
    collection: str,
    items: object,
    file: str,
    problems: list[Problem],
    positions: dict[str, tuple[int, ...]] | None = None,
) -> tuple[Any, ...]:
    """One collection's plain records as records, with every problem added.

    When a record has problems, only the records that structure are returned, and their
    positions in ``items`` are put in ``positions`` under the collection's name (``()``
    without ``positions``).
    """
    kind = tuple[COLLECTIONS[collection], ...]  # type: ignore[valid-type]
    try:
        records: tuple[Any, ...] = converter.structure(items, kind)
    except WrongTypeError as error:  # the collection itself is not a list
        problems.append(Problem(str(error), file=file, collection=collection))
    except (ClassValidationError, IterableValidationError) as error:
        for steps, message in _leaves(error, (), kind):
            index, rest = (
                (steps[0], steps[1:]) if steps and isinstance(steps[0], int) else (None, steps)
            )
            problems.append(
                Problem(
                    message,
                    file=file,
                    collection=collection,
                    index=index,
                    record="" if index is None else _record_id(items, index),
                    path=_path_text(rest),
                )
            )
    else:
        return records
    if positions is None or not isinstance(items, list):
        return ()
    hook = quick_hook(COLLECTIONS[collection])
    good: list[Any] = []
    at: list[int] = []
    for index, item in enumerate(items):
        try:
            good.append(hook(item, COLLECTIONS[collection]))
        except Exception:  # its problems are reported above
            continue
        at.append(index)
    positions[collection] = tuple(at)
    return tuple(good)


def _structure_quickly(data: dict[Any, Any]) -> dict[str, tuple[Any, ...]] | None:
    """Every collection structured by the quick converter, or ``None`` when any fails.

    The quick converter has the same hooks as :data:`converter` and differs only in how it
    fails (a property test checks that both build equal records), so any error, whatever its
    type, only sends the data to the detailed path, which reports it.
    """
    try:
        return {
            name: quick.structure(data[name], tuple[kind, ...])  # type: ignore[valid-type]
            for name, kind in COLLECTIONS.items()
            if name in data
        }
    except Exception:  # whatever it is, the detailed path reports it
        return None


def structure_collections(
    data: dict[Any, Any],
    file_of: Callable[[str], str],
    problems: list[Problem],
    positions: dict[str, tuple[int, ...]] | None = None,
) -> dict[str, tuple[Any, ...]]:
    """The records of each collection in ``data``, structured by the converter.

    :param data: the document: one list of tables per collection. Other keys are skipped (the
        caller reports them).
    :param file_of: the file each collection came from, by collection name, for problems.
    :param problems: the problems found so far; those found here are added. The quick path
        is tried only when there are none yet.
    :param positions: when given, a collection with problems keeps the records that
        structure, and their positions in the document go here (for the rules between
        records to be checked on them, in the same run).
    :returns: tuples of records by collection name; a collection with problems is empty, or
        holds only its good records when ``positions`` is given.
    """
    if not problems:
        parts = _structure_quickly(data)
        if parts is not None:
            return parts
    # Something is wrong: structure again, in detail, to locate every problem.
    return {
        name: _structure_collection(name, data[name], file_of(name), problems, positions)
        for name in COLLECTIONS
        if name in data
    }


def quick_hook(kind: type) -> Callable[[Any, Any], Any]:
    """The quick converter's structuring function for one record type, looked up once.

    :param kind: the record type.
    :returns: a function of a table and ``kind``, as cattrs calls its hooks.
    """
    return quick.get_structure_hook(kind)
