"""Loading catalogs: the shipped data, a directory of TOML files, or a JSON file.

The shipped catalog is read from ``data/catalog.json``, compiled from the TOML files beside it
by ``python scripts/compile_data.py`` (a test fails when the two drift apart). It is loaded on
the first call to :func:`load`, never at import, and built once even when several threads ask
for it at the same time.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path
from typing import Any

from ._gc import gc_paused
from .catalog import Catalog
from .errors import DataError, Problem
from .serialization import (
    COLLECTIONS,
    assemble,
    describe_value_error,
    file_of_collection,
    from_json,
    structure_collection,
)

__all__ = ["MAX_FILE_BYTES", "load", "load_directory"]

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
        than :data:`~moskvitch.loading.MAX_FILE_BYTES` (see :doc:`/errors`).
    """
    if path is not None:
        if os.fspath(path) == "":
            raise DataError([Problem("", "", "empty path: name a data directory or a .json file")])
        target = Path(path)
        if target.suffix.lower() == ".json" and not target.is_dir():
            problems: list[Problem] = []
            data = _read_data_file(target, str(target), problems)
            if data is None:
                raise DataError(problems)
            return from_json(data, file=target.name)
        return load_directory(target)
    global _shipped
    if _shipped is None:
        with _shipped_lock:
            if _shipped is None:
                text = (Path(__file__).parent / "data" / "catalog.json").read_bytes()
                _shipped = from_json(text, file="catalog.json")
    return _shipped


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
    root = Path(directory)
    name = os.fspath(directory)
    if name == "" or not root.is_dir():
        raise DataError([Problem(name, "", _not_a_directory(root) if name else "empty path")])
    problems: list[Problem] = []
    parts: dict[str, tuple[Any, ...]] = {}
    expected = {f"{name}.toml" for name in COLLECTIONS}
    try:
        names = sorted(entry.name for entry in os.scandir(root))
    except OSError as error:
        message = f"cannot list the directory: {_reason(error)}"
        raise DataError([Problem(name, "", message)]) from None
    for stray in names:
        if stray.lower().endswith(".toml") and stray not in expected:
            problems.append(
                Problem(
                    stray, "", f"unknown data file; expected one of {', '.join(sorted(expected))}"
                )
            )
    present = [c for c in COLLECTIONS if f"{c}.toml" in names]
    if not present and not problems:
        problems.append(
            Problem(
                str(root),
                "",
                f"no data files; expected one or more of {', '.join(sorted(expected))}",
            )
        )
    with gc_paused():
        for collection in present:
            parts[collection] = _read_collection(root / f"{collection}.toml", collection, problems)
        return assemble(parts, problems, file_of_collection)


MAX_FILE_BYTES = 16 * 1024 * 1024
"""The largest data file :func:`~moskvitch.load` reads (16 MiB): TOML files and JSON exports alike.

The shipped data is a small fraction of it; a larger file is refused with a
:class:`~moskvitch.DataError` before it is read.
"""


def _read_data_file(path: Path, name: str, problems: list[Problem]) -> bytes | None:
    """The bytes of one data file, or ``None`` with the reason added to ``problems``.

    Only a regular file (or a link to one) of at most :data:`MAX_FILE_BYTES` is read: a FIFO
    would block forever and a device such as ``/dev/zero`` never ends. The file is opened
    without blocking and checked on the open descriptor, so it cannot be swapped in between.

    :param path: the file.
    :param name: how to name it in problems.
    :param problems: where the reason is added.
    :returns: the file's bytes, or ``None``.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        problems.append(Problem(name, "", f"cannot read the file: {_missing(path, error)}"))
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            problems.append(Problem(name, "", f"not a regular file ({_kind(info.st_mode)})"))
            return None
        if info.st_size > MAX_FILE_BYTES:
            problems.append(Problem(name, "", _too_large(info.st_size)))
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # the file may grow after fstat
    except OSError as error:
        problems.append(Problem(name, "", f"cannot read the file: {_reason(error)}"))
        return None
    finally:
        os.close(descriptor)
    if len(data) > MAX_FILE_BYTES:
        problems.append(Problem(name, "", _too_large(len(data))))
        return None
    return data


def _too_large(size: int) -> str:
    return f"too large: {size:,} bytes, the limit is {MAX_FILE_BYTES:,} (MAX_FILE_BYTES)"


def _kind(mode: int) -> str:
    kinds = [
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ]
    return next((kind for test, kind in kinds if test(mode)), "not a file")


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


def _read_collection(file: Path, collection: str, problems: list[Problem]) -> tuple[Any, ...]:
    import tomllib  # only data directories need it, not the shipped catalog

    data = _read_data_file(file, file.name, problems)
    if data is None:
        return ()
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except ValueError as error:  # TOMLDecodeError, UnicodeDecodeError, an int too long to read
        problems.append(Problem(file.name, "", f"not valid TOML: {describe_value_error(error)}"))
        return ()
    except RecursionError:
        problems.append(Problem(file.name, "", "not valid TOML: nested too deeply"))
        return ()
    for key in document:
        if key != collection:
            problems.append(
                Problem(file.name, key, f"unknown top-level key; expected [[{collection}]]")
            )
    return structure_collection(collection, document.get(collection, []), file.name, problems)
