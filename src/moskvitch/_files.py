"""Writing files atomically: a reader sees the old file or the new one, never a part."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

__all__ = ["write_atomically"]


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
