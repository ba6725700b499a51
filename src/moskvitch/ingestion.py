"""Ingestion: reading data files, structuring them with the one converter, locating problems.

Everything a user's file goes through lives here:

- ``converter``, the project's one cattrs converter (defined in
  ``moskvitch._converter``), strict where cattrs is lenient by default: a string never turns
  into a number or the reverse, a table never turns into a list, unknown keys are errors.
  Dates and periods are read in their text notations (see :doc:`/data-format`), figures in
  theirs or as the objects of :meth:`Figure.to_data <moskvitch.Figure.to_data>`, and a
  citation may be a bare source id.
- :func:`structure`, which structures plain data into a :class:`~moskvitch.Catalog` and
  reports every problem as a :class:`~moskvitch.Problem` located by file, collection, record
  and field. Locations come from cattrs' structured exceptions (their notes), never from
  message text. Valid data is structured by the same converter without detailed validation,
  which is faster; only when that fails is it structured again, in detail, for the problems.
- :func:`load` and :func:`load_directory`, which read the shipped data, a directory of TOML
  files or a JSON export, safely: only regular files of at most :data:`MAX_FILE_BYTES`.

The shipped catalog is read from ``data/catalog.json``, compiled from the TOML files beside it
by ``python scripts/compile_data.py`` (a test fails when the two drift apart). It is loaded on
the first call to :func:`load`, never at import, and built once even when several threads ask
for it at the same time. As it was validated when it was compiled, it is read without cattrs
and not validated again (see ``moskvitch._readers``); cattrs is imported only when a file
is read or ``converter`` is first used.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ._readers import read_collections
from .catalog import COLLECTIONS, Catalog
from .errors import DataError, Problem

if TYPE_CHECKING:
    import importlib.resources.abc
    import json
    from pathlib import Path

    import cattrs

__all__ = ["MAX_FILE_BYTES", "converter", "load", "load_directory", "read_json", "structure"]

MAX_FILE_BYTES = 16 * 1024 * 1024
"""The largest data file :func:`~moskvitch.load` reads (16 MiB): TOML files and JSON exports alike.

The shipped data is a small fraction of it; a larger file is refused with a
:class:`~moskvitch.DataError` before it is read.
"""


def __getattr__(name: str) -> cattrs.Converter:
    # The converter, and cattrs with it, is imported on first use: the shipped snapshot
    # needs neither (see :mod:`moskvitch._readers`), so ``import moskvitch`` does not pay for them.
    if name == "converter":
        from ._converter import converter

        return converter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), "converter"})


if TYPE_CHECKING:
    converter: cattrs.Converter


# -- structuring --------------------------------------------------------------------------------


def structure(
    data: object, *, file: str | Callable[[str], str] = "", problems: list[Problem] | None = None
) -> Catalog:
    """Build a catalog from plain data: a mapping with one list of tables per collection.

    Every collection is structured with ``converter``, then the catalog is built, which
    checks the rules that span records (see :mod:`moskvitch.validation`). Nothing is returned
    unless both succeed. Both kinds of problem are listed in one run: when some records cannot
    be structured, the rules between records are checked on the others, and a reference to a
    record that is there but broken is not reported as unknown.

    :param data: the plain data, as read from JSON or TOML; missing collections are empty.
    :param file: the file name to put in problems, or a function from a collection's name to
        the file it came from (``"models"`` to ``"models.toml"``).
    :param problems: problems already found while reading (they are reported with the rest).
    :returns: the validated catalog.
    :raises DataError: listing every problem, when the data is malformed or inconsistent.
    """
    return _structure(data, file, [] if problems is None else problems, references=True)


def _structure(
    data: object, file: str | Callable[[str], str], found: list[Problem], *, references: bool
) -> Catalog:
    """:func:`structure`; ``references=False`` when a file could not be read at all, so that
    references to its records, which cannot be checked, are not listed as unknown."""
    file_of = file if callable(file) else (lambda _: file)
    if not isinstance(data, dict):
        message = f"expected a table of collections, found {type(data).__name__}"
        raise DataError([*found, Problem(message, file=file_of(""))])
    for key in data:
        if key not in COLLECTIONS:
            message = f"unknown collection; expected one of {', '.join(COLLECTIONS)}"
            found.append(Problem(message, file=file_of(""), path=str(key)))
    from ._converter import structure_collections  # cattrs: only for data given to read

    positions: dict[str, tuple[int, ...]] = {}
    parts = structure_collections(data, file_of, found, positions)
    if found:
        # Check the rules between records on the records that did structure, in this run.
        if references:
            found += _reference_problems(parts, data, positions, file_of)
        raise DataError(_in_file_order(found))
    return _checked(parts, file_of)


def _reference_problems(
    parts: dict[str, tuple[Any, ...]],
    data: Mapping[str, Any],
    positions: Mapping[str, tuple[int, ...]],
    file_of: Callable[[str], str],
) -> list[Problem]:
    """The rules between records broken by the records that structured, placed at their
    positions in the document; references to the records that did not are not reported."""
    pending = {}
    for name, at in positions.items():
        kept = set(at)
        pending[name] = frozenset(
            record["id"]
            for index, record in enumerate(data[name])
            if index not in kept and isinstance(record, dict) and isinstance(record.get("id"), str)
        )
    try:
        Catalog._of_structured(parts, pending=pending)
    except DataError as error:
        return [
            attrs.evolve(
                problem,
                file=problem.file or file_of(problem.collection),
                index=positions[problem.collection][problem.index]
                if problem.collection in positions and problem.index is not None
                else problem.index,
            )
            for problem in error.problems
        ]
    return []


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    """Problems by file, then record, as a reader goes through the files (stable otherwise)."""
    order = {name: i for i, name in enumerate(COLLECTIONS)}
    return sorted(
        problems,
        key=lambda p: (
            order.get(p.collection, -1),
            -1 if p.index is None else p.index,
        ),
    )


def _checked(parts: dict[str, tuple[Any, ...]], file_of: Callable[[str], str]) -> Catalog:
    """The catalog of structured records, once the rules between records are checked."""
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
        than :data:`~moskvitch.ingestion.MAX_FILE_BYTES` (see :doc:`/errors`).
    """
    if path is not None:
        from pathlib import Path  # not needed for the shipped data

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
    """The shipped catalog, read without cattrs and not validated again.

    ``catalog.json`` is written by ``scripts/compile_data.py`` only from a catalog that loaded,
    and so validated, from the TOML files, and ``tests/test_shipped_data.py`` fails unless the
    file equals that catalog's export: its records are known to be valid, and are built by
    :func:`~moskvitch._readers.read_collections`. Should the file not fit, it is read like any
    other, and its problems reported.
    """
    import json  # on first use, not at import

    with open(os.path.join(os.path.dirname(__file__), "data", "catalog.json"), "rb") as file:
        text = file.read()
    parts = read_collections(json.loads(text))
    if parts is None:
        return read_json(text, file="catalog.json")
    return Catalog._of_validated(parts)


def read_json(text: str | bytes, *, file: str = "") -> Catalog:
    """Build a catalog from JSON text (see :func:`moskvitch.serialization.from_json`).

    JSON allows what a loader must not take silently: a key given twice in one object (the
    last would win, so a repeated ``"facts": []`` would drop every fact), and a lone
    surrogate (``"\\ud800"``), which is no character and cannot be written back. Both are
    problems of the file, located like any other.

    :param text: the JSON document.
    :param file: the file name to put in problems.
    :returns: the validated catalog.
    :raises DataError: when the text is not JSON, or the data is malformed or inconsistent.
    """
    import json

    if not _may_hold_surrogates(text):
        parts = _read_record_by_record(text, json.JSONDecoder(object_pairs_hook=_unique))
        if parts is not None:
            return _checked(parts, lambda _: file)
    # Something is wrong, or unusual (a repeated key, a surrogate, a byte order mark): read it
    # again, whole, and in detail, for the problems.
    # The keys given twice, by the id of their object; the object is kept with them, so that
    # its id is not reused by another while the text is read.
    repeated: dict[int, tuple[object, list[str]]] = {}

    def table(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        value = dict(pairs)
        if len(value) != len(pairs):
            seen: set[str] = set()
            again: list[str] = []
            repeated[id(value)] = (value, again)
            for key, _ in pairs:
                if key in seen and key not in again:
                    again.append(key)
                seen.add(key)
        return value

    try:
        data = json.loads(text, object_pairs_hook=table)
    except ValueError as error:  # JSONDecodeError, UnicodeDecodeError, an int too long to read
        message = f"not valid JSON: {_parser_message(error)}"
        raise DataError([Problem(message, file=file)]) from None
    except RecursionError:
        raise DataError([Problem("not valid JSON: nested too deeply", file=file)]) from None
    return structure(data, file=file, problems=_json_problems(data, repeated, file))


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict, refusing a key given twice (for the quick path)."""
    value = dict(pairs)
    if len(value) != len(pairs):
        raise ValueError("a repeated key")
    return value


# An escape of a surrogate in JSON text (which may be half of a proper pair), or in a str a
# surrogate itself: only such a text may hold a lone one.
_SURROGATE_TEXT_RE = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")
_SURROGATE_BYTES_RE = re.compile(rb"\\u[dD][89a-fA-F]")


def _may_hold_surrogates(text: str | bytes) -> bool:
    """Whether ``text`` may hold a lone surrogate (see ``_SURROGATE_TEXT_RE``)."""
    if isinstance(text, bytes):
        return _SURROGATE_BYTES_RE.search(text) is not None
    return _SURROGATE_TEXT_RE.search(text) is not None


def _json_problems(
    data: object, repeated: Mapping[int, tuple[object, list[str]]], file: str
) -> list[Problem]:
    """The repeated keys and lone surrogates in a parsed JSON document, located by collection,
    record and field."""
    problems: list[Problem] = []
    # Each value with where it is: (value, a problem at it with its path), without recursion.
    stack: list[tuple[object, Problem]] = [(data, Problem("", file=file))]
    while stack:
        value, at = stack.pop()
        if isinstance(value, str):
            if _holds_surrogate(value):
                problems.append(attrs.evolve(at, message=_LONE_SURROGATE))
            continue
        items: list[tuple[str | int, object]]
        if isinstance(value, list):
            items = list(enumerate(value))
        elif isinstance(value, dict):
            items = list(value.items())
            what = "collection" if value is data else "key"
            for key in repeated[id(value)][1] if id(value) in repeated else ():
                message = f"the {what} {key!r} is given more than once; only the last would be read"
                where = attrs.evolve(at, collection=key) if value is data else at
                problems.append(attrs.evolve(where, message=message))
            if any(isinstance(key, str) and _holds_surrogate(key) for key, _ in items):
                problems.append(attrs.evolve(at, message=f"a key holds {_LONE_SURROGATE}"))
        else:
            continue
        for step, item in reversed(items):
            if value is data:  # a collection
                stack.append((item, attrs.evolve(at, collection=str(step))))
            elif at.collection and at.index is None and isinstance(step, int):  # a record
                record = item.get("id") if isinstance(item, dict) else None
                where = attrs.evolve(at, index=step, record=record if type(record) is str else "")
                stack.append((item, where))
            else:
                stack.append((item, _inside(at, step)))
    return problems


_LONE_SURROGATE = "a lone surrogate (such as \\ud800), which is no character"


def _holds_surrogate(text: str) -> bool:
    return not text.isascii() and any("\ud800" <= char <= "\udfff" for char in text)


def _inside(at: Problem, step: str | int) -> Problem:
    """The place one key or index inside ``at``."""
    if isinstance(step, int):
        return attrs.evolve(at, path=f"{at.path}[{step}]")
    return attrs.evolve(at, path=f"{at.path}.{step}" if at.path else step)


_BLANK = frozenset(" \t\n\r")  # JSON's whitespace


def _skip(text: str, at: int) -> int:
    """``at``, moved past any whitespace."""
    end = len(text)
    while at < end and text[at] in _BLANK:
        at += 1
    return at


def _read_record_by_record(
    text: str | bytes, decoder: json.JSONDecoder
) -> dict[str, tuple[Any, ...]] | None:
    """Each collection of a JSON document, structured by the quick converter record by record
    as the text is parsed; ``None`` when anything is wrong or unusual.

    Parsing the whole document first would keep every record's plain form (a dict and its
    lists) alive until the end, for the garbage collector to scan again and again as the
    records are built; parsed one at a time, they are freed at once. Only a plain document is
    read this way: an object of known collections, each a list, every key once. Anything else
    returns ``None``, for :func:`json.loads` and the detailed converter to read and report.
    """
    from ._converter import quick_hook

    decode = decoder.raw_decode
    parts: dict[str, tuple[Any, ...]] = {}
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        at = _skip(text, 0)  # from here on, ``at`` is always at a character that is no blank
        if text[at] != "{":
            return None
        at = _skip(text, at + 1)
        more = text[at] != "}"
        if not more:
            at = _skip(text, at + 1)
        while more:
            name, at = decode(text, at)
            at = _skip(text, at)
            if name not in COLLECTIONS or name in parts or text[at] != ":":
                return None
            at = _skip(text, at + 1)
            if text[at] != "[":
                return None
            kind = COLLECTIONS[name]
            structure_record = quick_hook(kind)
            records = []
            at = _skip(text, at + 1)
            items = text[at] != "]"
            if not items:
                at = _skip(text, at + 1)
            while items:
                record, at = decode(text, at)
                records.append(structure_record(record, kind))
                at = _skip(text, at)
                if text[at] not in ",]":
                    return None
                items = text[at] == ","
                at = _skip(text, at + 1)
            parts[name] = tuple(records)
            if text[at] not in ",}":
                return None
            more = text[at] == ","
            at = _skip(text, at + 1)
        return parts if at == len(text) else None
    except Exception:  # whatever it is, json.loads and the detailed converter report it
        return None


def load_directory(
    directory: str | os.PathLike[str] | importlib.resources.abc.Traversable,
) -> Catalog:
    """Read a directory of TOML data files into a catalog.

    Each collection lives in ``<collection>.toml`` under a top-level array of tables of the
    same name (``models.toml`` holds ``[[models]]``). The directory may be partial: a missing
    file means an empty collection, but at least one data file must be present, and every
    reference must resolve inside the directory. Any other ``*.toml`` file (in any case, such
    as ``events.TOML``) is reported as unknown; files with other suffixes are ignored.

    :param directory: the directory: a path, or a package resource (a ``Traversable``)
        such as ``importlib.resources.files("moskvitch") / "data"``, even inside a zip file.
    :returns: the validated catalog.
    :raises DataError: listing every problem in every file.
    """
    import tomllib  # only data directories need these, not the shipped catalog
    from pathlib import Path

    read: Callable[[str, list[Problem]], bytes | None]
    if isinstance(directory, str | os.PathLike):
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

        def read(file: str, problems: list[Problem]) -> bytes | None:
            return _read_file(root / file, file, problems)

    else:  # a package resource that is not a path of its own, e.g. in a zip file
        resource, name = directory, str(directory)
        if not resource.is_dir():
            raise DataError([Problem("not a directory of TOML data files", file=name)])
        names = sorted(entry.name for entry in resource.iterdir())

        def read(file: str, problems: list[Problem]) -> bytes | None:
            return _read_resource(resource / file, file, problems)

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
    texts: dict[str, str] = {}
    unread = False  # a file whose records are unknown: references to them cannot be checked
    for file in present:
        collection = expected[file]
        raw = read(file, problems)
        if raw is None:
            unread = True
            continue
        try:
            texts[file] = raw.decode("utf-8")
            document = tomllib.loads(texts[file])
        except ValueError as error:  # TOMLDecodeError, UnicodeDecodeError, a huge int
            problems.append(Problem(f"not valid TOML: {_parser_message(error)}", file=file))
            unread = True
            continue
        except RecursionError:
            problems.append(Problem("not valid TOML: nested too deeply", file=file))
            unread = True
            continue
        for key in document:
            if key != collection:
                message = f"unknown top-level key; expected [[{collection}]]"
                problems.append(Problem(message, file=file, path=key))
        data[collection] = document.get(collection, [])
    try:
        return _structure(
            data, lambda collection: f"{collection}.toml", problems, references=not unread
        )
    except DataError as error:
        raise DataError(_with_line(problem, texts) for problem in error.problems) from None


# -- lines in TOML files ----------------------------------------------------------------------
# tomllib reports no positions: a problem's line is found from the text, by the record's
# table header ([[models]], counted) and the field's key or sub-table header inside it.

_HEADER_RE = re.compile(r"[ \t]*\[\[?[ \t]*([A-Za-z0-9_.-]+)[ \t]*\]\]?[ \t]*(?:#.*)?")
_STEP_RE = re.compile(r"([^.\[\]]+)|\[([0-9]+)\]")


def _with_line(problem: Problem, texts: Mapping[str, str]) -> Problem:
    text = texts.get(problem.file)
    if text is None or problem.line is not None:
        return problem
    line = _line_of(text.splitlines(), problem.collection, problem.index, problem.path)
    return problem if line is None else attrs.evolve(problem, line=line)


def _line_of(lines: list[str], collection: str, index: int | None, path: str) -> int | None:
    """The line (from 1) of a record's field in a TOML text, or of the record; ``None`` when
    it cannot be found (the file is not laid out as arrays of tables)."""
    headers = [(i, m[1]) for i, text in enumerate(lines) if (m := _HEADER_RE.fullmatch(text))]
    steps: list[str | int] = [
        name if name else int(number) for name, number in _STEP_RE.findall(path)
    ]
    if not collection:  # a top-level key of the file
        if not steps or not isinstance(steps[0], str):
            return None
        key_re = re.compile(rf"[ \t]*\[*[ \t]*\"?{re.escape(steps[0])}\"?[ \t]*[=\].]")
        return next((i + 1 for i, text in enumerate(lines) if key_re.match(text)), None)
    own = [i for i, name in headers if name == collection]
    if index is None or index >= len(own):
        return own[0] + 1 if own and index is None else None
    table, start = collection, own[index]
    end = next((i for i, name in headers if i > start and name == collection), len(lines))
    line = start
    while steps:
        step = steps.pop(0)
        if not isinstance(step, str):
            break
        # A key of this table: on its lines up to its first sub-table.
        stop = next((i for i, _ in headers if start < i < end), end)
        key_re = re.compile(rf"[ \t]*\"?{re.escape(step)}\"?[ \t]*=")
        key = next((i for i in range(start + 1, stop) if key_re.match(lines[i])), None)
        if key is not None:
            line = key
            if steps and isinstance(steps[0], int):
                line = _inline_item(lines, key, stop, steps[0])
            break
        # A sub-table: [[collection.field]], the n-th of this record.
        table = f"{table}.{step}"
        subs = [i for i, name in headers if start < i < end and name == table]
        number = 0
        if steps and isinstance(steps[0], int):
            number = int(steps.pop(0))
        if number >= len(subs):
            break
        start = line = subs[number]
        end = next(
            (i for i, name in headers if i > start and not name.startswith(table + ".")), end
        )
    return line + 1


def _inline_item(lines: list[str], key: int, stop: int, number: int) -> int:
    """The line of the ``number``-th item of an inline array written one item a line below
    its key (``citations = [`` then ``{source = …},`` lines); the key's line otherwise."""
    if not lines[key].split("#")[0].rstrip().endswith("["):
        return key
    items = []
    indent = None
    for i in range(key + 1, stop):
        text = lines[i]
        stripped = text.lstrip()
        if stripped.startswith("]") and len(text) - len(stripped) <= (indent or 0):
            break
        if stripped.startswith("{"):
            depth = len(text) - len(stripped)
            indent = depth if indent is None else indent
            if depth == indent:
                items.append(i)
    return items[number] if number < len(items) else key


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


def _read_resource(
    resource: importlib.resources.abc.Traversable, name: str, problems: list[Problem]
) -> bytes | None:
    """The bytes of one data file inside a package that is not on the file system (a zip):
    no FIFO or device can be there, but the size limit holds as for :func:`_read_file`."""
    try:
        with resource.open("rb") as handle:
            data: bytes = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        problems.append(Problem(f"cannot read the file: {_reason(error)}", file=name))
        return None
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
