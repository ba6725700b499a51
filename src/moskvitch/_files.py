"""Writing files atomically: a reader sees the old file or the new one, never a part."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

__all__ = ["replace_directory", "replace_file", "write_atomically"]


def write_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file beside it, then rename.

    If anything fails (a missing directory, no permission, a full disk) ``path`` is left as it
    was and the temporary file is removed. A new file gets the permissions the umask allows; a
    replaced file keeps its own. A read-only file (no write permission for anyone, or none for
    this user) is not replaced, although the rename could: it is refused, as the shell's ``>``
    refuses it. A link is followed, so the file it points to is replaced; a
    device or FIFO (``/dev/stdout``) is written to directly, as there is nothing to replace.

    :param path: the file to write.
    :param text: its new content; newlines are written as given.
    :raises OSError: when the file cannot be written; :class:`PermissionError` when it is
        read-only.
    """
    data = text.encode("utf-8")
    try:
        mode: int | None = os.stat(path).st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        # A device or a FIFO (/dev/stdout, /dev/null): there is nothing to replace.
        with open(path, "wb") as stream:
            stream.write(data)
        return
    target = Path(os.path.realpath(path))  # through links: replace the file, not the link
    if mode is not None and stat.S_ISREG(mode):
        writable = stat.S_IMODE(mode) & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
        if not writable or not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, "the file is read-only", os.fspath(path))
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            descriptor = os.open(temporary, flags, 0o666)  # the kernel applies the umask
            break
        except FileExistsError:
            continue
    try:
        try:
            if mode is not None and hasattr(os, "fchmod"):  # a replaced file keeps its mode
                with contextlib.suppress(OSError):
                    os.fchmod(descriptor, stat.S_IMODE(mode))
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _temporary(target: Path, suffix: str) -> Path:
    """A name beside ``target`` that nothing uses yet."""
    while True:
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}.{suffix}")
        if not os.path.lexists(candidate):
            return candidate


def _need_directory(target: Path, path: str | os.PathLike[str]) -> None:
    if not target.parent.is_dir():
        message = f"its directory {str(target.parent)!r} does not exist"
        raise FileNotFoundError(errno.ENOENT, message, os.fspath(path))


def _refuse_read_only(path: Path) -> None:
    """Refuse a file or directory without write permission (no write bit: even for root)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, "it is read-only; refusing to replace it", str(path))


def replace_file(path: str | os.PathLike[str], write: Callable[[Path], None]) -> None:
    """Build a file with ``write(temporary)`` in a temporary file beside ``path``, then rename
    it over ``path``: a reader sees the old file or the new one.

    A read-only ``path`` is refused, as the shell's ``>`` refuses it. If anything fails,
    ``path`` is left as it was and the temporary file is removed.

    :param path: the file to write.
    :param write: writes the new file at the path it is given (which does not exist yet).
    :raises PermissionError: when ``path`` is read-only.
    :raises OSError: when the file cannot be written.
    """
    target = Path(os.path.realpath(path))
    _need_directory(target, path)
    _refuse_read_only(target)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "it is a directory", str(path))
    temporary = _temporary(target, "tmp")
    try:
        write(temporary)
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def replace_directory(
    path: str | os.PathLike[str],
    write: Callable[[Path], None],
    *,
    replaceable: Callable[[list[str]], bool],
    kind: str,
) -> None:
    """Build a directory with ``write(temporary)`` beside ``path``, then rename it into place.

    An existing directory is replaced whole when ``replaceable`` accepts its entries (the old
    one is renamed aside, the new one renamed in, then the old one deleted); any other
    directory, a file or a read-only directory is refused and left as it was. If anything
    fails, ``path`` is left as it was and the temporary directory is removed.

    :param path: the directory to write.
    :param write: writes the directory's files into the (new, empty) directory it is given.
    :param replaceable: whether an existing directory, given its entries, may be replaced.
    :param kind: what the directory holds, for messages: ``"a data package"``.
    :raises FileExistsError: when ``path`` is a file or a directory ``replaceable`` refuses.
    :raises PermissionError: when ``path`` or one of its entries is read-only.
    :raises OSError: when the directory cannot be written.
    """
    target = Path(os.path.realpath(path))
    _need_directory(target, path)
    old: Path | None = None
    if os.path.lexists(target):
        if not target.is_dir():
            raise FileExistsError(errno.EEXIST, f"it is a file, not {kind}", str(path))
        entries = sorted(os.listdir(target))
        if not replaceable(entries):
            raise FileExistsError(
                errno.EEXIST,
                f"it is a directory but not {kind}; refusing to replace it",
                str(path),
            )
        for entry in [target, *(target / e for e in entries)]:
            _refuse_read_only(entry)
        old = _temporary(target, "old")
    temporary = _temporary(target, "tmp")
    try:
        temporary.mkdir()
        write(temporary)
        if old is not None:
            os.rename(target, old)
            try:
                os.rename(temporary, target)
            except BaseException:
                os.rename(old, target)
                raise
        else:
            os.rename(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
