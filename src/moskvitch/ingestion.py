"""Ingestion: reading data files, structuring them with the one converter, locating problems.

Everything a user's file goes through lives here:

- :data:`converter`, the project's one cattrs converter, strict where cattrs is lenient by
  default: a string never turns into a number or the reverse, a table never turns into a list,
  unknown keys are errors. Dates, periods and figures are read in their text notations (see
  :doc:`/data-format`), and a citation may be a bare source id.
- :func:`structure`, which structures plain data into a :class:`~moskvitch.Catalog` and
  reports every problem as a :class:`~moskvitch.Problem` located by file, collection, record
  and field. Locations come from cattrs' structured exceptions (their notes), never from
  message text.
- :func:`load` and :func:`load_directory`, which read the shipped data, a directory of TOML
  files or a JSON export, safely: only regular files of at most :data:`MAX_FILE_BYTES`.

The shipped catalog is read from ``data/catalog.json``, compiled from the TOML files beside it
by ``python scripts/compile_data.py`` (a test fails when the two drift apart). It is loaded on
the first call to :func:`load`, never at import, and built once even when several threads ask
for it at the same time.
"""

from __future__ import annotations

import enum
import errno
import functools
import json
import os
import stat
import threading
import typing
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeGuard

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.errors import ClassValidationError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.v import format_exception

from .catalog import COLLECTIONS, Catalog
from .dates import PartialDate, Period
from .errors import (
    DataError,
    InvalidDateError,
    InvalidFigureError,
    InvalidPeriodError,
    Problem,
)
from .figures import Figure
from .records import Citation

__all__ = ["MAX_FILE_BYTES", "converter", "load", "load_directory", "read_json", "structure"]

MAX_FILE_BYTES = 16 * 1024 * 1024
"""The largest data file :func:`~moskvitch.load` reads (16 MiB): TOML files and JSON exports alike.

The shipped data is a small fraction of it; a larger file is refused with a
:class:`~moskvitch.DataError` before it is read.
"""


# -- the converter ----------------------------------------------------------------------------


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


@functools.cache
def _members(kind: type[enum.StrEnum]) -> Mapping[str, enum.StrEnum]:
    return {member.value: member for member in kind}


def _structure_enum(value: object, kind: type[enum.StrEnum]) -> enum.StrEnum:
    if type(value) is not str:
        raise WrongTypeError(f"expected a string, {_found(value)}")
    member = _members(kind).get(value)
    if member is None:
        allowed = ", ".join(repr(member.value) for member in kind)
        message = f"unknown {kind.__name__} {value!r}; expected one of {allowed}"
        raise UnknownMemberError(message)
    return member


def _structure_figure(value: object, _: type) -> Figure:
    if type(value) is int:
        return Figure.exact(value)
    if type(value) is not str:
        raise WrongTypeError(
            f"expected a figure such as '1501', '~600' or '>=15300', {_found(value)}"
        )
    return Figure.parse(value)


# Data repeats values (the same years, the same sources): each text is read once and the
# immutable value it gives is shared, which saves the reading and the memory. Errors are not
# cached; the caches are bounded.
_date = functools.lru_cache(maxsize=4096)(PartialDate.parse)
_period = functools.lru_cache(maxsize=4096)(Period.parse)


@functools.lru_cache(maxsize=4096)
def _citation(source: str) -> Citation:
    return Citation(source=source)


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
            return _citation(value)
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
    conv.register_structure_hook(int, _strict(int, "an integer"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    # Hooks by class follow the MRO, where StrEnum precedes str: enums need their own.
    conv.register_structure_hook(enum.StrEnum, _structure_enum)
    conv.register_unstructure_hook(enum.StrEnum, lambda member: member.value)
    conv.register_structure_hook(PartialDate, _text_value(_date, "a date as text"))
    conv.register_structure_hook(Period, _text_value(_period, "a period as text"))
    conv.register_structure_hook(Figure, _structure_figure)
    for value_type in (PartialDate, Period, Figure):
        conv.register_unstructure_hook(value_type, str)
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

_quick = _make_converter(detailed=False)
"""The same converter without detailed validation: :func:`structure` tries it first and
falls back to :data:`converter` to locate the problems when it fails."""


# -- locating problems ------------------------------------------------------------------------

_OWN_ERRORS = (
    WrongTypeError,
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
                names = ", ".join(repr(name) for name in sorted(inner.extra_fields))
                yield path, f"unknown field {names}"
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
    collection: str, items: object, file: str, problems: list[Problem]
) -> tuple[Any, ...]:
    """One collection's plain records as records, or ``()`` with every problem added."""
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
    return ()


def _collections_only(data: object) -> TypeGuard[dict[str, Any]]:
    return isinstance(data, dict) and all(key in COLLECTIONS for key in data)


def _structure_quickly(data: dict[Any, Any]) -> dict[str, tuple[Any, ...]] | None:
    """Every collection structured by the quick converter, or ``None`` when any fails.

    The quick converter has the same hooks as :data:`converter` and differs only in how it
    fails (a property test checks that both build equal records), so any error, whatever its
    type, only sends the data to the detailed path, which reports it.
    """
    try:
        return {
            name: _quick.structure(data[name], tuple[kind, ...])  # type: ignore[valid-type]
            for name, kind in COLLECTIONS.items()
            if name in data
        }
    except Exception:  # whatever it is, the detailed path reports it
        return None


def structure(
    data: object, *, file: str | Callable[[str], str] = "", problems: list[Problem] | None = None
) -> Catalog:
    """Build a catalog from plain data: a mapping with one list of tables per collection.

    Every collection is structured with :data:`converter`, then the catalog is built, which
    checks the rules that span records (see :mod:`moskvitch.validation`). Nothing is returned
    unless both succeed.

    :param data: the plain data, as read from JSON or TOML; missing collections are empty.
    :param file: the file name to put in problems, or a function from a collection's name to
        the file it came from (``"models"`` to ``"models.toml"``).
    :param problems: problems already found while reading (they are reported with the rest).
    :returns: the validated catalog.
    :raises DataError: listing every problem, when the data is malformed or inconsistent.
    """
    file_of = file if callable(file) else (lambda _: file)
    found = [] if problems is None else problems
    if not isinstance(data, dict):
        message = f"expected a table of collections, found {type(data).__name__}"
        raise DataError([*found, Problem(message, file=file_of(""))])
    for key in data:
        if key not in COLLECTIONS:
            message = f"unknown collection; expected one of {', '.join(COLLECTIONS)}"
            found.append(Problem(message, file=file_of(""), path=str(key)))
    parts = _structure_quickly(data) if not found else None
    if parts is None:  # something is wrong: structure again, in detail, to locate it
        parts = {
            name: _structure_collection(name, data[name], file_of(name), found)
            for name in COLLECTIONS
            if name in data
        }
    if found:
        raise DataError(found)
    try:
        return Catalog._of_structured(parts)
    except DataError as error:
        raise DataError(
            problem if problem.file else attrs.evolve(problem, file=file_of(problem.collection))
            for problem in error.problems
        ) from None


# -- reading files ----------------------------------------------------------------------------

_shipped: Catalog | None = None
_shipped_lock = threading.Lock()


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
        returned. A path that is empty, missing, a broken link, or neither a directory nor a
        ``.json`` file is a problem too; so is a file that is not a regular file or is larger
        than :data:`MAX_FILE_BYTES` (see :doc:`/errors`).
    """
    if path is not None:
        if os.fspath(path) == "":
            raise DataError([Problem("empty path: name a data directory or a .json file")])
        target = Path(path)
        if target.suffix.lower() == ".json" and not target.is_dir():
            problems: list[Problem] = []
            data = _read_file(target, str(target), problems)
            if data is None:
                raise DataError(problems)
            return read_json(data, file=target.name)
        return load_directory(target)
    global _shipped
    if _shipped is None:
        with _shipped_lock:
            if _shipped is None:
                _shipped = _read_snapshot()
    return _shipped


def _read_snapshot() -> Catalog:
    """The shipped catalog, structured quickly and not validated again.

    ``catalog.json`` is written by ``scripts/compile_data.py`` only from a catalog that loaded,
    and so validated, from the TOML files, and ``tests/test_shipped_data.py`` fails unless the
    file equals that catalog's export: its records are known to be valid.
    """
    text = (Path(__file__).parent / "data" / "catalog.json").read_bytes()
    data = json.loads(text)
    parts = _structure_quickly(data) if _collections_only(data) else None
    if parts is None:  # not the file the tests checked: report it like any other file
        return read_json(text, file="catalog.json")
    return Catalog._of_validated(parts)


def read_json(text: str | bytes, *, file: str = "") -> Catalog:
    """Build a catalog from JSON text (see :func:`moskvitch.serialization.from_json`).

    :param text: the JSON document.
    :param file: the file name to put in problems.
    :returns: the validated catalog.
    :raises DataError: when the text is not JSON, or the data is malformed or inconsistent.
    """
    try:
        data = json.loads(text)
    except ValueError as error:  # JSONDecodeError, UnicodeDecodeError, an int too long to read
        message = f"not valid JSON: {_parser_message(error)}"
        raise DataError([Problem(message, file=file)]) from None
    except RecursionError:
        raise DataError([Problem("not valid JSON: nested too deeply", file=file)]) from None
    return structure(data, file=file)


def load_directory(directory: str | os.PathLike[str]) -> Catalog:
    """Read a directory of TOML data files into a catalog.

    Each collection lives in ``<collection>.toml`` under a top-level array of tables of the
    same name (``models.toml`` holds ``[[models]]``). The directory may be partial: a missing
    file means an empty collection, but at least one data file must be present, and every
    reference must resolve inside the directory. Any other ``*.toml`` file (in any case, such
    as ``events.TOML``) is reported as unknown; files with other suffixes are ignored.

    :param directory: the directory.
    :returns: the validated catalog.
    :raises DataError: listing every problem in every file.
    """
    import tomllib  # only data directories need it, not the shipped catalog

    root = Path(directory)
    name = os.fspath(directory)
    if name == "" or not root.is_dir():
        message = _not_a_directory(root) if name else "empty path"
        raise DataError([Problem(message, file=name)])
    try:
        names = sorted(entry.name for entry in os.scandir(root))
    except OSError as error:
        message = f"cannot list the directory: {_reason(error)}"
        raise DataError([Problem(message, file=name)]) from None
    expected = {f"{collection}.toml": collection for collection in COLLECTIONS}
    listed = ", ".join(sorted(expected))
    problems = [
        Problem(f"unknown data file; expected one of {listed}", file=stray)
        for stray in names
        if stray.lower().endswith(".toml") and stray not in expected
    ]
    present = [file for file in expected if file in names]  # in the order of COLLECTIONS
    if not present and not problems:
        problems.append(Problem(f"no data files; expected one or more of {listed}", file=name))
    data: dict[str, object] = {}
    for file in present:
        collection = expected[file]
        raw = _read_file(root / file, file, problems)
        if raw is None:
            continue
        try:
            document = tomllib.loads(raw.decode("utf-8"))
        except ValueError as error:  # TOMLDecodeError, UnicodeDecodeError, a huge int
            problems.append(Problem(f"not valid TOML: {_parser_message(error)}", file=file))
            continue
        except RecursionError:
            problems.append(Problem("not valid TOML: nested too deeply", file=file))
            continue
        for key in document:
            if key != collection:
                message = f"unknown top-level key; expected [[{collection}]]"
                problems.append(Problem(message, file=file, path=key))
        data[collection] = document.get(collection, [])
    return structure(data, file=lambda collection: f"{collection}.toml", problems=problems)


def _parser_message(error: ValueError) -> str:
    """A parser's error as a problem message, without advice to change interpreter limits."""
    if "integer string conversion" in str(error):
        return "an integer too long to read (more than 4,300 digits)"
    return str(error)


def _read_file(path: Path, name: str, problems: list[Problem]) -> bytes | None:
    """The bytes of one data file, or ``None`` with the reason added to ``problems``.

    Only a regular file (or a link to one) of at most :data:`MAX_FILE_BYTES` is read: a FIFO
    would block forever and a device such as ``/dev/zero`` never ends. The file is opened
    without blocking and checked on the open descriptor, so it cannot be swapped in between.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        problems.append(Problem(f"cannot read the file: {_missing(path, error)}", file=name))
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            problems.append(Problem(f"not a regular file ({_kind(info.st_mode)})", file=name))
            return None
        if info.st_size > MAX_FILE_BYTES:
            problems.append(Problem(_too_large(info.st_size), file=name))
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # the file may grow after fstat
    except OSError as error:
        problems.append(Problem(f"cannot read the file: {_reason(error)}", file=name))
        return None
    finally:
        os.close(descriptor)
    if len(data) > MAX_FILE_BYTES:
        problems.append(Problem(_too_large(len(data)), file=name))
        return None
    return data


def _too_large(size: int) -> str:
    return f"too large: {size:,} bytes, the limit is {MAX_FILE_BYTES:,} (MAX_FILE_BYTES)"


def _kind(mode: int) -> str:
    kinds: Mapping[Callable[[int], bool], str] = {
        stat.S_ISDIR: "a directory",
        stat.S_ISFIFO: "a FIFO",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
        stat.S_ISSOCK: "a socket",
    }
    return next((kind for test, kind in kinds.items() if test(mode)), "not a file")


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def _link_problem(path: Path) -> str | None:
    """``"a broken link"`` or ``"a link that loops"`` for such a link, else ``None``."""
    if not path.is_symlink():
        return None
    try:
        path.stat()
    except OSError as error:
        return "a link that loops" if error.errno == errno.ELOOP else "a broken link"
    return None


def _missing(path: Path, error: OSError) -> str:
    """Why ``path`` cannot be opened, telling a broken or looping link from a missing file."""
    return _link_problem(path) or _reason(error)


def _not_a_directory(path: Path) -> str:
    detail = _link_problem(path) or ("it exists" if path.exists() else "no such file")
    return f"not a directory of TOML data files nor a .json export ({detail})"
