"""Read an input file safely: regular files only, never more than a size limit.

A FIFO would block a read forever and ``/dev/zero`` never ends, so anything that is
not a regular file is refused before it is read, and a file is read only up to its
limit. Every failure is one :class:`~treatydiff.errors.InputError` naming the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from treatydiff.errors import InputError

__all__ = ["MAX_INPUT_BYTES", "expand_user", "read_regular"]

# The largest treaty file treatydiff reads (text, web page or ToTA XML). The longest
# treaties with their schedules run to a few megabytes; 64 MB leaves room for a whole
# saved web page without letting a runaway file exhaust memory.
MAX_INPUT_BYTES = 64 * 1024 * 1024

_CHUNK = 1 << 20

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _refuse(mode: int, path: Path, what: str) -> None:
    if stat.S_ISDIR(mode):
        raise InputError("is a directory, not a file", file=path, hint=f"give the path of {what}")
    if not stat.S_ISREG(mode):
        raise InputError(
            f"is {_kind(mode)}, not a regular file",
            file=path,
            hint=f"give the path of {what} saved on disk",
        )


def _too_large(size: int | None, limit: int, path: Path, what: str) -> InputError:
    found = f"is {size:,} bytes" if size is not None else "is larger than that"
    return InputError(
        f"{found}, more than treatydiff reads ({limit:,} bytes)",
        file=path,
        hint=f"check that this is {what}; the size limits are listed in the README",
    )


def read_regular(path: Path, *, limit: int = MAX_INPUT_BYTES, what: str = "a treaty file") -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Args:
        path: the file to read (symbolic links are followed).
        limit: the largest size accepted, in bytes.
        what: what the file should be, for hints ("a treaty file", "a clause map").

    Raises:
        InputError: the file is missing, unreadable, a directory, not a regular file
            (a FIFO, a device, a socket) or larger than ``limit``.
    """
    try:
        # stat first, so that a device is never opened; fstat again after opening, in
        # case the path was swapped in between. O_NONBLOCK keeps open() of a FIFO from
        # waiting for a writer.
        _refuse(os.stat(path).st_mode, path, what)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError) as error:
        if isinstance(error, ValueError):  # a NUL byte in the path
            raise InputError("the path contains a NUL character", file=path) from None
        raise InputError.from_os_error(error, path) from None
    try:
        info = os.fstat(fd)
        _refuse(info.st_mode, path, what)
        if info.st_size > limit:
            raise _too_large(info.st_size, limit, path, what)
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, min(_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew while it was read
                raise _too_large(None, limit, path, what)
        return b"".join(chunks)
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror or error})", file=path) from None
    finally:
        os.close(fd)


def expand_user(path: Path) -> Path:
    """``path`` with a leading ``~`` or ``~user`` expanded.

    Raises:
        InputError: the user does not exist or has no home folder.
    """
    try:
        return path.expanduser()
    except RuntimeError:  # pathlib's "Could not determine home directory"
        user = path.parts[0] if path.parts else "~"
        raise InputError(
            f"cannot expand {user}: no such user, or no home folder", file=path, hint="write the path in full"
        ) from None
