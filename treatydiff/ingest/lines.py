"""Lines and spans of a source text: every offset is absolute, so spans stay exact."""

from __future__ import annotations

from dataclasses import dataclass

from treatydiff.model import Span

__all__ = ["Line", "normalize_newlines", "split_lines", "trimmed_span"]


@dataclass(frozen=True)
class Line:
    """One line of the source: ``[start, end)`` without its newline, and its text."""

    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def content_start(self) -> int:
        """Offset of the first non-whitespace character (``end`` for a blank line)."""
        return self.start + (len(self.text) - len(self.text.lstrip())) if not self.blank else self.end

    @property
    def content_end(self) -> int:
        """Offset just after the last non-whitespace character."""
        return self.start + len(self.text.rstrip())


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of ``text[start:end]`` with absolute offsets (``\\n`` separated)."""
    stop = len(text) if end is None else end
    lines = []
    pos = start
    while pos < stop:
        nl = text.find("\n", pos, stop)
        if nl == -1:
            nl = stop
        lines.append(Line(pos, nl, text[pos:nl]))
        pos = nl + 1
    return lines


def trimmed_span(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without surrounding whitespace, or ``None`` if only whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None
