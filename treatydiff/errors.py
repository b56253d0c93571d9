"""The treatydiff error hierarchy.

Every expected failure is a :class:`TreatydiffError` that knows where it happened
(file, line, treaty or provision id) and, where one exists, how to fix it. The CLI
prints ``str(error)`` as one line and exits with code 2.
"""

from __future__ import annotations

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
]


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
        self.file = str(file) if file is not None else None
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
        return text


class InputError(TreatydiffError):
    """A file that cannot be read as text: missing, empty, binary or undecodable."""


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
