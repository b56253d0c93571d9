"""The treatydiff error hierarchy.

Every expected failure is a :class:`TreatydiffError` that knows where it happened
(file, line, treaty or provision id) and, where one exists, how to fix it. The CLI
prints ``str(error)`` as one line and exits with code 2.
"""

from __future__ import annotations

import errno
from pathlib import Path

__all__ = [
    "FetchError",
    "IngestError",
    "InputError",
    "MappingError",
    "RegistryError",
    "StoreError",
    "TreatydiffError",
    "UnknownProvision",
    "UnknownTreaty",
    "printable",
]


def printable(text: str) -> str:
    """``text`` with what UTF-8 cannot carry written as escapes.

    A file name that is not UTF-8 reaches Python as lone surrogates
    (``b'\\xff'`` as ``'\\udcff'``); printed or saved as UTF-8 it would crash, so
    the byte is shown as ``\\xff`` instead. Other lone surrogates become ``\\ud800``.
    """
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


class TreatydiffError(Exception):
    """Base class: an expected failure with a location and an optional fix."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        ref: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = printable(str(file)) if file is not None else None
        self.line = line
        self.ref = ref
        self.hint = hint

    @property
    def location(self) -> str:
        """``file:line`` (or ``file``, or the ref) naming where the problem is."""
        if self.file and self.line is not None:
            return f"{self.file}:{self.line}"
        return self.file or self.ref or ""

    def __str__(self) -> str:
        text = " ".join(self.message.split())  # always one line
        if self.location:
            text = f"{self.location}: {text}"
        if self.hint:
            text += f" ({' '.join(self.hint.split())})"
        return printable(text)


class InputError(TreatydiffError):
    """A file that cannot be read as text: missing, empty, binary or undecodable."""

    @classmethod
    def from_os_error(cls, error: OSError, path: str | Path | None = None) -> InputError:
        """One line for an OSError met while finding, opening or listing ``path``."""
        where = path if path is not None else error.filename
        code = error.errno
        if code == errno.ENOENT:
            return cls("no such file", file=where, hint="check the path")
        if code in (errno.EACCES, errno.EPERM):
            hint = "check the permissions of the file and its folders"
            return cls("permission denied", file=where, hint=hint)
        if code == errno.ENAMETOOLONG:
            return cls("file name too long", file=where, hint="shorten the path")
        if code == errno.ENOTDIR:
            return cls("a part of the path is not a folder", file=where, hint="check the path")
        if code == errno.ELOOP:
            return cls("too many levels of symbolic links", file=where, hint="check the path")
        return cls(f"cannot use this path ({error.strerror or error})", file=where)


class IngestError(TreatydiffError):
    """A text that was read but cannot be parsed into provisions."""


class RegistryError(TreatydiffError):
    """A manifest in texts/ (or the local store) is malformed."""


class UnknownTreaty(TreatydiffError):
    """A treaty id or reference that names no registry entry."""


class UnknownProvision(TreatydiffError):
    """A provision id that does not exist in the named treaty."""


class StoreError(TreatydiffError):
    """The local store cannot be read or written."""


class FetchError(TreatydiffError):
    """A text could not be downloaded (no network, HTTP error)."""


class MappingError(TreatydiffError):
    """A clause map (mappings/*.yaml) is malformed or refers to unknown provisions."""
