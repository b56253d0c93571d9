"""What a map check reports: located problems, coverage per treaty, and the result of one map."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from treatydiff.errors import TreatydiffError
from treatydiff.model import ClauseMap

__all__ = ["CheckResult", "Coverage", "Problem", "Severity"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One finding of a check, printed as ``file:line: severity: message``."""

    file: str
    line: int | None
    severity: Severity
    message: str
    """One sentence; ends with how to fix it, in parentheses, where that is not obvious."""

    @classmethod
    def from_error(cls, error: TreatydiffError) -> Problem:
        """The error an exception describes, as a problem (its hint becomes part of the message)."""
        message = f"{error.message} ({error.hint})" if error.hint else error.message
        return cls(error.file or "", error.line, "error", message)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.severity}: {' '.join(self.message.split())}"


@dataclass(frozen=True)
class Coverage:
    """How much of one treaty a map's links mention (rules in docs/mapping-format.md)."""

    treaty: str
    total: int
    """Number of units: articles and the preamble, or their parts where the map links parts."""
    covered: int
    missing: tuple[str, ...]
    """Ids of the units no link mentions, in document order."""


@dataclass(frozen=True)
class CheckResult:
    """Everything ``check_map`` found in one map."""

    path: str
    problems: tuple[Problem, ...]
    """In line order."""
    coverage: tuple[Coverage, ...] = ()
    """One entry per treaty whose text was available."""
    unchecked: tuple[str, ...] = ()
    """Treaties whose text was not available: for them only the schema was checked."""
    clause_map: ClauseMap | None = None
    """The map, or None when it could not be loaded."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors

    def summary(self) -> str:
        """One line: counts, coverage per treaty, treaties not checked."""
        parts = [f"{_count(len(self.errors), 'error')}, {_count(len(self.warnings), 'warning')}"]
        parts += [f"{c.treaty} {c.covered}/{c.total} covered" for c in self.coverage]
        if self.unchecked:
            parts.append(f"no text to check against: {', '.join(self.unchecked)}")
        return f"{self.path}: {'; '.join(parts)}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
